/** The restart loop with stand-in browsers (real shell scripts that exit or hang), and the crashed-page watch. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPageCrashWatch, superviseChromium } from '../../scripts/kiosk-supervise';
import { alive, shellScript, until } from './kiosk-helpers';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kiosk-supervise-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('the restart loop', () => {
  it('restarts a browser that exits at once, on the back-off schedule, until stopped', async () => {
    const runs = join(work, 'runs.log');
    const browser = await shellScript(work, 'exits', `echo "$*" >> '${runs}'; exit 3`);
    const controller = new AbortController();
    // The clock is ours: each run "lasts" what `lasted` says, each wait passes at once.
    const lasted = [0, 0, 0, 0, 6 * 60_000, 0, 0];
    let t = 0;
    let run = 0;
    let atStart = true;
    const waits: number[] = [];
    const lines: string[] = [];
    await superviseChromium({
      command: browser,
      args: ['--kiosk', 'http://localhost:1/'],
      signal: controller.signal,
      log: (l) => lines.push(l),
      now: () => {
        if (!atStart) t += lasted[run++] ?? 0;
        atStart = !atStart;
        return t;
      },
      sleep: async (ms) => {
        waits.push(ms);
        t += ms;
        if (waits.length === lasted.length) controller.abort();
      },
    });
    expect(waits).toEqual([1000, 2000, 4000, 8000, 1000, 2000, 4000]);
    expect((await readFile(runs, 'utf8')).trim().split('\n')).toEqual(
      Array(7).fill('--kiosk http://localhost:1/'),
    );
    expect(
      lines.filter((l) => / kiosk: Chromium started \(run \d, pid \d+\)$/.test(l)),
    ).toHaveLength(7);
    expect(lines[1]).toMatch(
      /^\d{4}-\d\d-\d\dT.* kiosk: Chromium exited \(exit code 3 after 0 s\); restarting in 1 s$/,
    );
    expect(lines[9]).toMatch(/exit code 3 after 6 min\); restarting in 1 s$/);
  });

  it('stops a running browser with SIGTERM, and kills the group of one that ignores it', async () => {
    const pids = join(work, 'stubborn.pids');
    // Ignores SIGTERM and keeps a child of its own, as Chromium keeps its helpers.
    const browser = await shellScript(
      work,
      'stubborn',
      `trap '' TERM; sleep 60 & echo "$$ $!" > '${pids}'; while :; do sleep 1; done`,
    );
    const controller = new AbortController();
    const lines: string[] = [];
    const done = superviseChromium({
      command: browser,
      args: [],
      signal: controller.signal,
      log: (l) => lines.push(l),
      stopGraceMs: 300,
    });
    await until('the stand-in to start', async () =>
      (await readFile(pids, 'utf8').catch(() => '')).includes(' '),
    );
    const [shell, helper] = (await readFile(pids, 'utf8')).trim().split(' ').map(Number);
    try {
      controller.abort();
      await done;
      expect(lines.at(-1)).toMatch(/Chromium stopped \(signal SIGKILL after/);
      await until(
        'the stand-in and its helper to exit',
        () => !alive(shell!) && !alive(helper!),
        3000,
      );
    } finally {
      // Both ignore SIGTERM; never leave them behind when the launcher failed to kill them.
      for (const pid of [shell!, helper!]) if (alive(pid)) process.kill(pid, 'SIGKILL');
    }
  });
});

describe('page crashes', () => {
  it('reports a crashed page, not a crashed browser UI page, across split chunks', () => {
    const crashes: string[] = [];
    const watch = createPageCrashWatch((s) => crashes.push(s));
    const msgs = [
      {
        method: 'Target.targetCreated',
        params: { targetInfo: { targetId: 'P', type: 'page', title: '劳模' } },
      },
      {
        method: 'Target.targetCreated',
        params: { targetInfo: { targetId: 'U', type: 'browser_ui' } },
      },
      { id: 1, result: {} },
      { method: 'Target.targetCrashed', params: { targetId: 'U', status: 'killed', errorCode: 9 } },
      { method: 'Target.targetCrashed', params: { targetId: 'P', status: 'oom', errorCode: 5 } },
    ];
    const bytes = Buffer.from(msgs.map((m) => JSON.stringify(m) + '\0').join(''));
    // Split inside a three-byte character of the title and elsewhere, as a pipe may.
    const cut = bytes.indexOf(Buffer.from('劳')) + 1;
    watch.feed(bytes.subarray(0, cut));
    expect(crashes).toEqual([]);
    watch.feed(bytes.subarray(cut, cut + 7));
    watch.feed(bytes.subarray(cut + 7));
    expect(crashes).toEqual(['oom']);
  });
});
