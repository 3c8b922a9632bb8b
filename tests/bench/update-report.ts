/** Figures and goals of `npm run bench -- update`, printed as tables. */
import type { SyncResult } from '../../src/sync/sync-feed';
import { objectOf, type Served } from '../e2e/feed-proxy';

/** Issue 6: peak JS heap during an update, above the idle baseline, at any object size. */
const HEAP_GOAL = 64 * 1024 * 1024;

/** One "check now" that brought a version live, as the proxy and CDP saw it. */
export interface Transfer {
  result: SyncResult;
  /** checkNow() from call to answer. */
  ms: number;
  /** Feed requests of the run (index, signature, manifest, objects). */
  served: Served[];
  manifestSha: string;
  /** Objects new in this version (the manifest first), and their bytes. */
  changed: string[];
  changedBytes: number;
  baseline: number;
  peak: number;
  samples: number;
  /** The large film's own transfer, when this run fetched it. */
  film: { bytes: number; ms: number; peak: number } | null;
}

/** The run cut by a hung object, and the run after it. */
export interface Cut {
  changed: number;
  first: SyncResult;
  second: SyncResult;
  firstRun: number;
  kept: number;
  secondRun: number;
  refetched: number;
  missed: number;
  manifestAgain: boolean;
}

interface Report {
  mb: number;
  objects: number;
  filmMb: number;
  share: number;
  images: number;
  first: Transfer;
  update: Transfer;
  cut: Cut;
}

/** Prints the figures; returns true when a goal was missed. */
export function reportUpdate(r: Report): boolean {
  const problems: string[] = [];
  console.log(
    `\nupdate benchmark: ${r.objects} objects, ~${r.mb} MB (a ${r.filmMb} MB film, ${r.images} noise PNGs, the demo's media),` +
      ` headless Chromium, kiosk behind a counting proxy on loopback`,
  );
  const rows = [
    ['', 'v1 first download', `v2: ${(r.share * 100).toFixed(0)} % of objects changed`],
    ...figures(r.first).map((row, i) => [row[0]!, row[1]!, figures(r.update)[i]![1]!]),
  ];
  table(rows);
  for (const [name, t] of [
    ['v1', r.first],
    ['v2', r.update],
  ] as const) {
    const f = split(t);
    if (Math.abs(f.ratio - 1) > 0.001)
      problems.push(`${name}: bytes downloaded ÷ bytes changed is ${f.ratio.toFixed(3)}, not 1.00`);
    if (f.unchanged) problems.push(`${name}: ${f.unchanged} unchanged objects were fetched`);
    if (f.repeated) problems.push(`${name}: ${f.repeated} objects were fetched more than once`);
    if (t.peak >= HEAP_GOAL) problems.push(`${name}: peak JS heap ${mib(t.peak)} above baseline`);
  }
  const c = r.cut;
  console.log(
    `\nrun cut mid-way (v3, ${c.changed} objects changed; the server stops answering for the middle one):`,
  );
  console.log(
    `  first run : ${c.first.outcome} (${c.first.reason.replace(/([0-9a-f]{12})[0-9a-f]{52}/g, '$1…')}); ${c.firstRun} objects requested, ${c.kept} verified and kept`,
  );
  console.log(
    `  next run  : ${c.second.outcome}; ${c.secondRun} objects requested, ${c.refetched} of them already kept (goal 0), ${c.missed} never fetched` +
      `; the manifest was ${c.manifestAgain ? '' : 'not '}read again`,
  );
  if (c.first.outcome !== 'failed') problems.push(`cut run ended ${c.first.outcome}, not failed`);
  if (c.second.outcome !== 'activated') problems.push(`run after the cut: ${c.second.outcome}`);
  if (c.refetched || c.missed || c.secondRun !== c.changed - c.kept)
    problems.push('the run after the cut did not fetch exactly what was not kept');
  if (problems.length) console.log(`\ngoals missed:\n  ${problems.join('\n  ')}`);
  else
    console.log(
      '\nall goals met (ratio 1.00, peak heap < 64 MiB above baseline, resume fetches only the rest)',
    );
  return problems.length > 0;
}

/** Bytes of the run's objects against what changed; unchanged and repeated fetches. */
function split(t: Transfer) {
  const objects = t.served.filter((s) => objectOf(s) !== null);
  const bytes = objects.reduce((n, s) => n + s.bytes, 0);
  const shas = objects.map((s) => objectOf(s)!);
  const changed = new Set(t.changed);
  const starts = objects.map((s) => s.started);
  const ends = objects.map((s) => s.ended ?? s.started);
  return {
    bytes,
    ratio: bytes / t.changedBytes,
    unchanged: shas.filter((sha) => !changed.has(sha)).length,
    repeated: shas.length - new Set(shas).size,
    window: Math.max(...ends) - Math.min(...starts),
    other: t.served.filter((s) => objectOf(s) === null).reduce((n, s) => n + s.bytes, 0),
    count: objects.length,
  };
}

function figures(t: Transfer): string[][] {
  const f = split(t);
  const rate = (bytes: number, ms: number) => `${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s`;
  return [
    ['objects changed (manifest included)', `${t.changed.length}, ${mb(t.changedBytes)}`],
    ['objects downloaded', `${f.count}, ${mb(f.bytes)}`],
    ['downloaded ÷ changed (goal 1.00)', f.ratio.toFixed(3)],
    ['unchanged / repeated fetches (goal 0)', `${f.unchanged} / ${f.repeated}`],
    ['index + signature bytes', `${f.other} B`],
    [
      'download + verify (first request → last byte)',
      `${(f.window / 1000).toFixed(1)} s, ${rate(f.bytes, f.window)}`,
    ],
    ['whole check (checkNow → activated)', `${(t.ms / 1000).toFixed(1)} s, ${rate(f.bytes, t.ms)}`],
    [
      'the film alone',
      t.film
        ? `${mb(t.film.bytes)} in ${(t.film.ms / 1000).toFixed(1)} s, ${rate(t.film.bytes, t.film.ms)}`
        : '—',
    ],
    ['idle JS heap (after GC)', mib(t.baseline)],
    [`peak JS heap above idle (${t.samples} samples)`, mib(t.peak)],
    ['… while the film streamed', t.film ? mib(t.film.peak) : '—'],
  ];
}

function table(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const [i, row] of rows.entries()) {
    console.log(`  ${row.map((cell, j) => cell.padEnd(widths[j]!)).join('  ')}`);
    if (i === 0) console.log(`  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  }
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;
