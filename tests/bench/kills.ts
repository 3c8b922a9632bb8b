/**
 * Kill benchmark (issue 6, scenario 8): hundreds of updates, each ended by a SIGKILL of the whole
 * browser at a random moment (or at a chosen step), then a relaunch on the same profile that must
 * find a published, complete, verified pack live and on screen; then the update is finished.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer, type RunningServer } from '../../src/server/serve';
import { objectOf, startFeedProxy, type FeedProxy, type Verdict } from '../e2e/feed-proxy';
import {
  freezeAt,
  killKiosk,
  launchKiosk,
  startCheck,
  type FreezePoint,
  type KillableKiosk,
} from '../e2e/kill-drill';
import { inspect, judge, publish, type Published } from '../e2e/pack-audit';
import {
  imagePath,
  pick,
  seeded,
  setWelcome,
  writeImages,
  writeSyntheticSource,
} from '../e2e/synthetic-pack';
import { classify, reportKills, type KillRun } from './kills-report';

const IMAGES = 10;
const IMAGE_BYTES = 250_000;
/** Images given new pixels in each version. */
const CHANGED = 4;

/** Steps a targeted kill aims at, in turn. */
const TARGETS = ['index', 'staging', 'download', 'film', 'active', 'committed'] as const;
type Target = (typeof TARGETS)[number] | 'random';

interface Drill {
  source: string;
  feed: string;
  profile: string;
  proxy: FeedProxy;
  kiosk: KillableKiosk;
  published: Map<number, Published>;
  live: number;
  random: () => number;
}

/** `npm run bench -- kills [--runs 20] [--mode mixed|random|targeted] [--seed 1]` */
export async function killsBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string', default: '20' },
      mode: { type: 'string', default: 'mixed' },
      seed: { type: 'string', default: '1' },
    },
  });
  const runs = Number(values.runs);
  const mode = values.mode!;
  if (!Number.isInteger(runs) || runs < 1 || !['mixed', 'random', 'targeted'].includes(mode))
    throw new Error('--runs takes a whole number ≥ 1, --mode mixed|random|targeted');
  const random = seeded(Number(values.seed));

  const work = await mkdtemp(join(tmpdir(), 'kiosk-kills-bench-'));
  let server: RunningServer | null = null;
  let proxy: FeedProxy | null = null;
  let drill: Drill | null = null;
  const rows: KillRun[] = [];
  let harness = 0;
  const started = performance.now();
  try {
    const app = join(work, 'app');
    step(`building the kiosk into ${app}`);
    const vite = ['node_modules/vite/bin/vite.js', 'build', '--outDir', app, '--emptyOutDir'];
    const built = spawnSync(process.execPath, [...vite, '--logLevel', 'error'], {
      encoding: 'utf8',
    });
    if (built.status !== 0) throw new Error(`vite build failed:\n${built.stdout}${built.stderr}`);

    const source = await writeSyntheticSource({
      out: join(work, 'source'),
      pack: 'kill-drill',
      version: 1,
      imageBytes: Array<number>(IMAGES).fill(IMAGE_BYTES),
      welcome: welcomeOf(1),
    });
    const feed = join(work, 'feed');
    const first = await publish(source.dir, feed, 1, welcomeOf(1));
    server = await startServer({ appDir: app, feedDir: feed, port: 0 });
    proxy = await startFeedProxy(server.url);
    const profile = join(work, 'profile');
    const kiosk = await launchKiosk(profile, proxy.url);
    await kiosk.page.waitForFunction(() => window.kiosk?.state().pack?.version === 1, null, {
      timeout: 90_000,
    });
    drill = {
      source: source.dir,
      feed,
      profile,
      proxy,
      kiosk,
      published: new Map([[1, first]]),
      live: 1,
      random,
    };

    // Clean updates set the span random kills are drawn from: the median of the last five, and
    // 10 % more, so a few kills land just after an update (an idle kiosk). One more every ten
    // runs keeps the span in step with the kiosk's pace as the benchmark goes on.
    const clean = [await cleanUpdate(drill), await cleanUpdate(drill), await cleanUpdate(drill)];
    const span = () =>
      clean.slice(-5).toSorted((a, b) => a - b)[Math.floor(Math.min(5, clean.length) / 2)]! * 1.1;
    step(
      `clean updates take ${clean.map((ms) => Math.round(ms)).join(', ')} ms (check now → done); random kills drawn over 0–${Math.round(span())} ms`,
    );

    for (let run = 1; run <= runs; run++) {
      if (run % 10 === 0) clean.push(await cleanUpdate(drill));
      const target: Target =
        mode === 'random' || (mode === 'mixed' && run % 2 === 1)
          ? 'random'
          : TARGETS[(mode === 'mixed' ? run / 2 - 1 : run - 1) % TARGETS.length]!;
      const row = await killRun(drill, run, target, span()).catch(async (e: Error) => {
        // The harness itself failed (not the kiosk's pack): say so, start afresh on the same profile.
        step(`run ${run}: harness error: ${e.message.split('\n')[0]}`);
        await drill!.kiosk.context.close().catch(() => {});
        drill!.proxy.route = () => 'pass';
        drill!.kiosk = await launchKiosk(drill!.profile, drill!.proxy.url);
        return null;
      });
      if (!row) {
        harness++;
        continue;
      }
      rows.push(row);
      step(
        `run ${run}/${runs}: ${target === 'random' ? `random ${row.delay} ms` : target} → killed while ${row.phase}; ` +
          `relaunch found v${row.found ?? '?'} (${row.live}) ${row.problems.length ? `BROKEN: ${row.problems.join('; ')}` : 'whole'}` +
          `; resume ${row.resume}, ${row.refetched} refetched`,
      );
    }
  } finally {
    await drill?.kiosk.context.close().catch(() => {});
    await proxy?.close();
    await server?.close();
    await rm(work, { recursive: true, force: true });
  }
  const failed = reportKills(rows, (performance.now() - started) / 1000, harness);
  if (failed) process.exitCode = 1;
}

const welcomeOf = (version: number) => `演练版本 v${version}`;

/** Writes and publishes the next version: CHANGED images and the welcome text change. */
async function publishNext(d: Drill): Promise<{ next: Published; changed: string[] }> {
  const version = d.live + 1;
  const paths = pick(IMAGES, CHANGED, d.random).map(imagePath);
  await writeImages(d.source, paths, Array<number>(CHANGED).fill(IMAGE_BYTES));
  await setWelcome(d.source, welcomeOf(version));
  const next = await publish(d.source, d.feed, version, welcomeOf(version));
  d.published.set(version, next);
  const before = new Set(d.published.get(d.live)!.files);
  return { next, changed: next.files.filter((sha) => !before.has(sha)) };
}

/** An update with no kill; returns how long "check now" took to resolve (ms). */
async function cleanUpdate(d: Drill): Promise<number> {
  const { next } = await publishNext(d);
  const t0 = performance.now();
  const r = await d.kiosk.page.evaluate(() => window.kiosk!.checkNow());
  if (r.outcome !== 'activated') throw new Error(`calibration update: ${r.outcome} ${r.reason}`);
  d.live = next.version;
  return performance.now() - t0;
}

/** One run: publish, start the check, kill at `target`, relaunch and judge, then finish the update. */
async function killRun(d: Drill, run: number, target: Target, span: number): Promise<KillRun> {
  const { next, changed } = await publishNext(d);
  const page = d.kiosk.page;
  const freeze: Record<string, FreezePoint> = {
    staging: 'put-staging',
    film: 'film-check',
    active: 'put-active',
    committed: 'committed',
  };
  await freezeAt(page, freeze[target] ?? null);
  const paused = changed[Math.floor(d.random() * changed.length)]!;
  d.proxy.route = routeFor(target, paused, next.sizes.get(paused)!, d.random);
  const from = d.proxy.served.length;
  const since = Date.now();
  await startCheck(page);
  const delay = target === 'random' ? Math.round(d.random() * span) : 0;
  const reached = await killMoment(d, target, from, delay, paused).then(
    () => true,
    () => false,
  );
  const marks = [...d.kiosk.marks];
  const killedAt = await killKiosk(d.kiosk);
  const phase = classify({
    since,
    killedAt,
    marks,
    served: d.proxy.served.slice(from),
    changed,
  });

  d.proxy.route = (path) => (path.startsWith('/feed/') ? 'refuse' : 'pass');
  d.kiosk = await launchKiosk(d.profile, d.proxy.url);
  const found = await inspect(d.kiosk.page, [next.manifestSha, ...next.files]);
  const problems = judge(found, d.published);
  const wrong = Object.values(found.objects).filter((s) => s === 'wrong').length;
  if (wrong) problems.push(`${wrong} stored objects have the wrong bytes`);
  const v = found.active?.version ?? null;
  const live = v === d.live ? 'old' : v === next.version ? 'new' : 'other';
  if (live === 'other' && !problems.length)
    problems.push(`version ${v} is live, neither old nor new`);
  const kept = new Set(changed.filter((sha) => found.objects[sha] === 'ok'));

  // The feed is back: the update is finished, fetching only what was not kept.
  d.proxy.route = () => 'pass';
  const resumeFrom = d.proxy.served.length;
  const result = await d.kiosk.page
    .evaluate(() => window.kiosk!.checkNow())
    .catch((e: Error) => ({ outcome: 'error', version: null, reason: e.message }));
  const shown = await d.kiosk.page.evaluate(() => window.kiosk!.state().pack?.version ?? null);
  const refetched = d.proxy.served
    .slice(resumeFrom)
    .filter((s) => kept.has(objectOf(s) ?? '')).length;
  let resume = result.outcome;
  if (shown !== next.version || !['activated', 'up-to-date'].includes(result.outcome)) {
    resume = `${result.outcome} (${result.reason}), v${shown} shown`;
    problems.push(`finishing the update failed: ${resume}`);
  } else d.live = next.version;
  return {
    run,
    target,
    reached,
    delay,
    phase,
    found: v,
    live,
    problems,
    kept: kept.size,
    changed: changed.length,
    resume,
    refetched,
  };
}

/** How the proxy treats this run's requests: a hung signature, a stalled object, or all passed. */
function routeFor(
  target: Target,
  paused: string,
  size: number,
  random: () => number,
): (path: string) => Verdict {
  if (target === 'index') return (path) => (path === '/feed/index.json.sig' ? 'hang' : 'pass');
  if (target === 'download') {
    // Somewhere inside the object (10–90 % of it), never past its end.
    const after = Math.round(size * (0.1 + 0.8 * random()));
    return (path) => (objectOf(path) === paused ? { pauseAfter: after } : 'pass');
  }
  return () => 'pass';
}

/** Resolves when it is time to kill; rejects when the aimed-at step was never reached. */
async function killMoment(
  d: Drill,
  target: Target,
  from: number,
  delay: number,
  paused: string,
): Promise<void> {
  const mark = async (what: string) => {
    const until = Date.now() + 30_000;
    while (!d.kiosk.marks.some((m) => m.what === what)) {
      if (Date.now() > until || d.kiosk.marks.some((m) => m.what === 'done'))
        throw new Error(`never reached ${what}`);
      await sleep(5);
    }
  };
  switch (target) {
    case 'random':
      return sleep(delay);
    case 'index':
      await d.proxy.waitFor((s) => s.path === '/feed/index.json.sig', { from, timeoutMs: 30_000 });
      return sleep(Math.round(d.random() * 200));
    case 'download':
      await d.proxy.waitFor((s) => objectOf(s) === paused, {
        from,
        moment: 'paused',
        timeoutMs: 30_000,
      });
      return;
    case 'staging':
      return mark('frozen-put-staging');
    case 'film':
      return mark('frozen-film-check');
    case 'active':
      return mark('frozen-put-active');
    case 'committed':
      return mark('frozen-committed');
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const step = (text: string) => console.log(`[kills] ${text}`);
