/** Pure selectors over validated content: who is on a wall, a worker's headline honour, story stops. */
import type { Content, Honor, Wall, Worker, LocalText } from './schema';

const LEVEL_RANK = { national: 0, provincial: 1, municipal: 2, industry: 3 } as const;

/** The workers a wall shows, in a stable order: highest honour level first, then most recent. */
export function workersOnWall(content: Content, wall: Wall): Worker[] {
  const s = wall.select;
  const listed = s.workers ? new Set(s.workers) : null;
  return (
    content.workers
      .filter((w) => !w.withdrawn)
      .filter((w) => !listed || listed.has(w.id))
      .filter((w) => !s.tags?.length || s.tags.some((tag) => w.tags?.includes(tag)))
      .filter((w) => !s.sectors?.length || (w.sector && s.sectors.includes(w.sector['zh-CN'])))
      .filter((w) =>
        w.honors.some(
          (h) =>
            (!s.levels?.length || s.levels.includes(h.level)) &&
            (!s.kinds?.length || s.kinds.includes(h.kind)) &&
            (s.years?.from === undefined || h.year >= s.years.from) &&
            (s.years?.to === undefined || h.year <= s.years.to),
        ),
      )
      .map((w) => ({ w, top: topHonor(w) }))
      // Each worker's headline honour once, not once per comparison: a roster of 25,000 sorts in milliseconds.
      .sort(
        (a, b) => compareHonors(a.top, b.top) || (a.w.id < b.w.id ? -1 : a.w.id > b.w.id ? 1 : 0),
      )
      .map(({ w }) => w)
  );
}

/** The honour to headline: highest level, then most recent. */
export function topHonor(worker: Worker): Honor {
  let best = worker.honors[0]!;
  for (const h of worker.honors) if (compareHonors(h, best) < 0) best = h;
  return best;
}

function compareHonors(a: Honor, b: Honor): number {
  return LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || b.year - a.year;
}

export function findWorker(content: Content, id: string): Worker | undefined {
  return content.workers.find((w) => w.id === id && !w.withdrawn);
}

/** One stop of an animated timeline, whether a person's chapter or a hall-history event. */
export interface StoryStop {
  year: string;
  title: LocalText;
  text: LocalText;
  image?: string;
  era?: LocalText;
}

export function workerStops(worker: Worker): StoryStop[] {
  return (worker.chapters ?? [])
    .toSorted((a, b) => a.year - b.year)
    .map((c) => ({ year: String(c.year), title: c.title, text: c.text, image: c.image }));
}

/** One event of the hall's history as the track shows it: its era, and the people in it who are shown. */
export interface HistoryEvent {
  date: string;
  title: LocalText;
  text: LocalText;
  image?: string;
  era: number;
  people: Worker[];
}

/** A history's eras, each with the range of its events on the track (`first`..`last`). */
export interface HistoryEra {
  id: string;
  title: LocalText;
  from: number;
  to: number;
  first: number;
  last: number;
}

/**
 * A timeline flattened for the history track: its events in date order within their eras, each
 * with the people it names who are in `content` (a withdrawn person simply drops out).
 */
export function historyOf(
  content: Content,
  timelineId: string,
): { events: HistoryEvent[]; eras: HistoryEra[] } {
  const timeline = content.timelines.find((t) => t.id === timelineId);
  const events: HistoryEvent[] = [];
  const eras: HistoryEra[] = [];
  for (const [e, era] of (timeline?.eras ?? []).entries()) {
    const first = events.length;
    for (const ev of era.events.toSorted((a, b) => a.date.localeCompare(b.date)))
      events.push({
        date: ev.date,
        title: ev.title,
        text: ev.text,
        image: ev.image,
        era: e,
        people: (ev.workers ?? [])
          .map((id) => findWorker(content, id))
          .filter((w): w is Worker => w !== undefined),
      });
    if (events.length > first)
      eras.push({
        id: era.id,
        title: era.title,
        from: era.from,
        to: era.to,
        first,
        last: events.length - 1,
      });
  }
  return { events, eras };
}

/**
 * Who the attract loop shows: people of the attract walls (all walls if none are named) who have a
 * portrait, those with a quote first, at most `limit`, in content order so each loop is the same.
 */
export function attractPeople(content: Content, limit: number): Worker[] {
  const named = content.attract.walls;
  const walls = named?.length ? content.walls.filter((w) => named.includes(w.id)) : content.walls;
  const seen = new Set<string>();
  const people: Worker[] = [];
  for (const wall of walls)
    for (const w of workersOnWall(content, wall))
      if (w.portrait && !seen.has(w.id)) {
        seen.add(w.id);
        people.push(w);
      }
  return [...people.filter((w) => w.quote), ...people.filter((w) => !w.quote)].slice(0, limit);
}
