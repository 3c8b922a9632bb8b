/**
 * The attract loop's playlist resolved against the content: which wall, people, story or film each
 * segment shows and for how long. Segments whose subject is gone (a withdrawn person, an empty wall,
 * a film no longer there) are left out rather than shown empty.
 */
import type { AttractSegment, Content, Video, Wall, Worker } from './schema';
import { attractPeople, findWorker, workerStops, workersOnWall, type StoryStop } from './selectors';

/** Seconds of a wall fly-through when the playlist does not say. */
export const WALL_SECONDS = 40;
/** Seconds each featured person stays on screen. */
export const PERSON_SECONDS = 8;
/** People in a people segment when the playlist says `true` (and in the default loop). */
export const PEOPLE_COUNT = 6;
/** Seconds each story chapter stays on screen when the playlist gives no length. */
export const CHAPTER_SECONDS = 10;
/** A film without `seconds` plays to its end; this bounds one whose end never comes. */
export const FILM_MAX_SECONDS = 30 * 60;
/** People the people segments draw from, in turn, round after round. */
const PEOPLE_POOL = 60;

export type AttractStep =
  | { kind: 'wall'; wall: Wall; seconds: number }
  | {
      kind: 'people';
      /** Everyone the people segments take turns with (see `peopleOf`). */
      pool: readonly Worker[];
      count: number;
      /** Where in the pool this segment starts in the first round. */
      offset: number;
      seconds: number;
    }
  | { kind: 'story'; worker: Worker; stops: StoryStop[]; seconds: number }
  | {
      kind: 'film';
      worker: Worker;
      video: Video;
      seconds: number;
      /** True when the film plays to its end (`seconds` is then only a bound). */
      toEnd: boolean;
    };

/**
 * What the attract loop shows, in order: the content's `attract.playlist`, or without one the first
 * attract wall (or the first wall) flying by, then featured people, then a story when anyone has one.
 */
export function attractPlaylist(content: Content): AttractStep[] {
  const pool = attractPeople(content, PEOPLE_POOL);
  const segments = content.attract.playlist ?? defaultSegments(content, pool);
  const steps: AttractStep[] = [];
  let offset = 0;
  for (const segment of segments) {
    const step = resolve(content, segment, pool, offset);
    if (!step) continue;
    if (step.kind === 'people') offset += step.count;
    steps.push(step);
  }
  return steps;
}

function defaultSegments(content: Content, pool: readonly Worker[]): AttractSegment[] {
  const named = content.attract.walls ?? [];
  const wall = content.walls.find((w) => named.includes(w.id)) ?? content.walls[0];
  const teller = [...pool, ...content.workers].find(
    (w) => !w.withdrawn && workerStops(w).length >= 2,
  );
  return [
    ...(wall ? [{ wall: wall.id }] : []),
    { people: true as const },
    ...(teller ? [{ story: teller.id }] : []),
  ];
}

function resolve(
  content: Content,
  segment: AttractSegment,
  pool: readonly Worker[],
  offset: number,
): AttractStep | null {
  if ('wall' in segment) {
    const wall = content.walls.find((w) => w.id === segment.wall);
    if (!wall || workersOnWall(content, wall).length === 0) return null;
    return { kind: 'wall', wall, seconds: segment.seconds ?? WALL_SECONDS };
  }
  if ('people' in segment) {
    const count = Math.min(segment.people === true ? PEOPLE_COUNT : segment.people, pool.length);
    if (count === 0) return null;
    return {
      kind: 'people',
      pool,
      count,
      offset: offset % pool.length,
      seconds: segment.seconds ?? count * PERSON_SECONDS,
    };
  }
  if ('story' in segment) {
    const worker = findWorker(content, segment.story);
    const stops = worker ? workerStops(worker) : [];
    if (!worker || stops.length === 0) return null;
    return {
      kind: 'story',
      worker,
      stops,
      seconds: segment.seconds ?? stops.length * CHAPTER_SECONDS,
    };
  }
  const worker = findWorker(content, segment.film);
  const video = worker?.videos?.[segment.video ?? 0];
  if (!worker || !video) return null;
  return {
    kind: 'film',
    worker,
    video,
    seconds: segment.seconds ?? FILM_MAX_SECONDS,
    toEnd: segment.seconds === undefined,
  };
}

/**
 * The people a people segment shows in loop `round` (0 for the first time round): each round moves
 * on by the people every segment showed, so a large hall does not show the same few faces forever.
 */
export function peopleOf(
  step: Extract<AttractStep, { kind: 'people' }>,
  round: number,
  perRound: number,
): Worker[] {
  const { pool, count } = step;
  const start = (step.offset + round * perRound) % pool.length;
  return Array.from({ length: count }, (_, i) => pool[(start + i) % pool.length]!);
}

/** People shown per time round the loop (what `peopleOf` moves on by each round). */
export function peoplePerRound(steps: readonly AttractStep[]): number {
  return steps.reduce((n, s) => n + (s.kind === 'people' ? s.count : 0), 0);
}
