/** The roster benchmark's in-page half: builds the index and times searches and chip taps in Chromium. */
import { nameReadings } from '../../src/content/name-pinyin';
import {
  EMPTY_FILTER,
  buildRosterIndex,
  matchRoster,
  rosterFacets,
  type RosterFacets,
  type RosterFilter,
  type RosterIndex,
} from '../../src/content/roster-search';
import type { Worker } from '../../src/content/schema';
import { seeded } from './roster-people';

/** One timed match: what was asked, how long it took, how many people it found. */
export interface Sample {
  ms: number;
  found: number;
  what: string;
}

export interface RosterTimings {
  /** The first build (pinyin dictionary cold) and the ones after it. */
  buildMs: number[];
  initials: Sample[];
  /** One to three letters drawn at random, names or not. */
  random: Sample[];
  full: Sample[];
  filter: Sample[];
  /** An initial-letter search while chips are on. */
  lettersWithChips: Sample[];
}

const GROUPS = ['levels', 'kinds', 'decades', 'sectors', 'regions', 'tags'] as const;

/** Chips a visitor might have on: one to three groups, one or two values in each. */
function randomChips(facets: RosterFacets, rand: () => number): RosterFilter {
  const filter: Record<string, unknown[]> = {};
  const groups = GROUPS.filter(() => rand() < 0.4);
  if (!groups.length) groups.push(GROUPS[Math.floor(rand() * GROUPS.length)]!);
  for (const g of groups.slice(0, 3)) {
    const values = facets[g].map((f) => f.value);
    const n = 1 + Math.floor(rand() * 2);
    filter[g] = Array.from({ length: n }, () => values[Math.floor(rand() * values.length)]);
  }
  return { ...EMPTY_FILTER, ...filter };
}

function timed(index: RosterIndex, filter: RosterFilter, what: string): Sample {
  const start = performance.now();
  const found = matchRoster(index, filter).length;
  return { ms: performance.now() - start, found, what };
}

/** Builds the index `builds` times, then times `rounds` matches of each kind. */
function runRosterBench(workers: Worker[], rounds: number, builds: number): RosterTimings {
  const buildMs: number[] = [];
  let index: RosterIndex | undefined;
  for (let b = 0; b < Math.max(1, builds); b++) {
    const start = performance.now();
    index = buildRosterIndex(workers);
    buildMs.push(performance.now() - start);
  }
  if (!index) throw new Error('no index built');
  const facets = rosterFacets(index);
  const rand = seeded(42);
  // Visitors look for people who are there: queries come from random people's own spellings.
  const spelling = () => {
    const readings = nameReadings(workers[Math.floor(rand() * workers.length)]!.name['zh-CN']);
    return readings[Math.floor(rand() * readings.length)]!;
  };
  const initials = Array.from({ length: rounds }, () =>
    spelling()
      .map((s) => s[0])
      .join('')
      .slice(0, 1 + Math.floor(rand() * 3))
      .toUpperCase(),
  );
  const random = Array.from({ length: rounds }, () =>
    Array.from({ length: 1 + Math.floor(rand() * 3) }, () =>
      String.fromCharCode(65 + Math.floor(rand() * 26)),
    ).join(''),
  );
  const full = Array.from({ length: rounds }, () => spelling().join(''));
  const chips = Array.from({ length: rounds }, () => randomChips(facets, rand));
  return {
    buildMs,
    initials: initials.map((q) => timed(index, { ...EMPTY_FILTER, query: q }, q)),
    random: random.map((q) => timed(index, { ...EMPTY_FILTER, query: q }, q)),
    full: full.map((q) => timed(index, { ...EMPTY_FILTER, query: q }, q)),
    filter: chips.map((f) => timed(index, f, JSON.stringify(f))),
    lettersWithChips: chips.map((f, i) =>
      timed(index, { ...f, query: initials[i]! }, `${initials[i]} + chips`),
    ),
  };
}

(globalThis as { runRosterBench?: typeof runRosterBench }).runRosterBench = runRosterBench;
