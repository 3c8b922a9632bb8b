/** Where each kill of `npm run bench -- kills` landed, and the table of what the relaunches found. */
import { objectOf, type Served } from '../e2e/feed-proxy';
import type { Mark } from '../e2e/kill-drill';

/** The step of an update a kill landed in: the sync phases, then after the commit, then after the run. */
export const PHASES = [
  'checking',
  'downloading',
  'verifying',
  'activating',
  'committed',
  'done',
] as const;
export type Phase = (typeof PHASES)[number];

export interface KillRun {
  run: number;
  target: string;
  /** False when a targeted kill never reached its step (it was killed when the wait gave up). */
  reached: boolean;
  delay: number;
  phase: Phase;
  found: number | null;
  live: 'old' | 'new' | 'other';
  problems: string[];
  kept: number;
  changed: number;
  resume: string;
  refetched: number;
}

/**
 * The last step the update had entered when the kill came, from what the proxy served (on this
 * process's clock) and what the page reported (stamped on the page's clock, the same wall clock):
 * the check started; the first new object was requested; every new object was served (or the
 * film check began); the active pointer was written; it committed; "check now" resolved. A page
 * report still in flight at the kill (a few ms) is lost, so the step can read one too early.
 */
export function classify(r: {
  since: number;
  killedAt: number;
  marks: Mark[];
  served: Served[];
  changed: string[];
}): Phase {
  const epoch = (t: number) => performance.timeOrigin + t;
  const events: [number, Phase][] = [[r.since, 'checking']];
  const fetched = r.served.filter((s) => r.changed.includes(objectOf(s) ?? ''));
  if (fetched.length) events.push([epoch(fetched[0]!.started), 'downloading']);
  const whole = fetched.filter((s) => s.ended !== null && s.status === 200);
  if (new Set(whole.map(objectOf)).size === r.changed.length)
    events.push([epoch(Math.max(...whole.map((s) => s.ended!))), 'verifying']);
  const at: Record<string, Phase> = {
    'film-check': 'verifying',
    'put-active': 'activating',
    committed: 'committed',
    done: 'done',
  };
  for (const m of r.marks) if (m.at >= r.since && at[m.what]) events.push([m.at, at[m.what]!]);
  let phase: Phase = 'checking';
  for (const [t, p] of events.sort((a, b) => a[0] - b[0])) if (t <= r.killedAt) phase = p;
  return phase;
}

/** Prints the table; returns true when any relaunch found a mixed or broken pack. */
export function reportKills(rows: KillRun[], seconds: number, harness = 0): boolean {
  const broken = rows.filter((r) => r.problems.length);
  console.log(
    `\nkill benchmark: ${rows.length} updates, each ended by SIGKILL of the browser's process group, ` +
      `relaunched on the same profile with the feed off (${(seconds / 60).toFixed(1)} min in all)`,
  );
  const header = ['killed while', 'kills', 'random', 'aimed', 'found old', 'found new', 'broken'];
  const lines = PHASES.map((phase) => {
    const in_ = rows.filter((r) => r.phase === phase);
    return [
      phase,
      in_.length,
      in_.filter((r) => r.target === 'random').length,
      in_.filter((r) => r.target !== 'random').length,
      in_.filter((r) => r.live === 'old').length,
      in_.filter((r) => r.live === 'new').length,
      in_.filter((r) => r.problems.length).length,
    ].map(String);
  });
  const total = [
    'all',
    rows.length,
    rows.filter((r) => r.target === 'random').length,
    rows.filter((r) => r.target !== 'random').length,
    rows.filter((r) => r.live === 'old').length,
    rows.filter((r) => r.live === 'new').length,
    broken.length,
  ].map(String);
  table([header, ...lines, total]);
  const aimed = [...new Set(rows.filter((r) => r.target !== 'random').map((r) => r.target))];
  if (aimed.length)
    console.log(
      `\naimed kills: ${aimed
        .map((t) => {
          const of = rows.filter((r) => r.target === t);
          return `${t} ${of.length}${of.some((r) => !r.reached) ? ` (${of.filter((r) => !r.reached).length} missed their step)` : ''}`;
        })
        .join(', ')}`,
    );
  const kept = rows.reduce((n, r) => n + r.kept, 0);
  const changed = rows.reduce((n, r) => n + r.changed, 0);
  const refetched = rows.reduce((n, r) => n + r.refetched, 0);
  console.log(
    `new objects found verified at relaunch: ${kept} of ${changed}; fetched again when the update was finished: ${refetched} (goal 0)`,
  );
  console.log(`relaunches that found a mixed or broken pack: ${broken.length} (goal 0)`);
  if (harness) console.log(`runs lost to a harness error (not counted above): ${harness}`);
  for (const r of broken)
    console.log(`  run ${r.run} (${r.target}, ${r.phase}): ${r.problems.join('; ')}`);
  return broken.length > 0 || refetched > 0 || harness > 0;
}

function table(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const [i, row] of rows.entries()) {
    console.log(
      `  ${row.map((c, j) => (j ? c.padStart(widths[j]!) : c.padEnd(widths[j]!))).join('  ')}`,
    );
    if (i === 0 || i === rows.length - 2)
      console.log(`  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  }
}
