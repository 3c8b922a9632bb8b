/** What `pack build` (and `pack preview` on each rebuild) prints: a build's summary, or the problems that stopped it. */
import type { BuildResult } from './build-pack';
import { CliProblem, CliProblems } from './problems';

/** The lines after a build: warnings, what was made of the portraits, version notes, the totals. */
export function buildSummary(r: BuildResult, out: string): string[] {
  const lines = r.warnings.map((w) => `warning: ${w}`);
  const m = r.media;
  if (m.made || m.reused)
    lines.push(
      `portraits: ${m.portraits} (${m.made} made now, ${m.reused} from the cache, ${m.asIs} used as they were)`,
    );
  const f = r.font;
  const sizes = f.weights.map(([w, b]) => `${w}: ${(b / 1024).toFixed(0)} KiB`).join(', ');
  lines.push(
    `font: ${f.family}, ${f.characters} characters (${sizes})${f.cached ? ', from the cache' : `, ${(f.ms / 1000).toFixed(1)} s`}`,
  );
  if (r.bumpedFrom !== undefined)
    lines.push(
      `note: version ${r.bumpedFrom} is not newer than the feed's; published as ${r.index.version}`,
    );
  if (r.unchanged)
    lines.push('note: the feed already holds this exact pack; index.json left as it was');
  lines.push(
    `built pack "${r.index.pack}" version ${r.index.version}: ${r.files} files, ${(r.bytes / 1e6).toFixed(2)} MB, ${r.newObjects} new objects → ${out}`,
  );
  return lines;
}

/** The lines of a problem the CLI reports to staff, or null for an error nobody planned for. */
export function problemLines(e: unknown): string[] | null {
  if (e instanceof CliProblems) return e.lines;
  if (e instanceof CliProblem) return [e.message];
  return null;
}
