import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CHAPTER_SECONDS,
  PEOPLE_COUNT,
  PERSON_SECONDS,
  WALL_SECONDS,
  attractPlaylist,
  peopleOf,
  peoplePerRound,
  type AttractStep,
} from './attract-playlist';
import { parseContent, type Content } from './schema';
import { attractPeople } from './selectors';

const demo = JSON.parse(readFileSync('media/demo/content.json', 'utf8')) as Content;
const clone = (): Content => structuredClone(demo);

function problemsOf(edit: (c: Content) => void) {
  const c = clone();
  edit(c);
  const r = parseContent(c);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
}

/** A short summary of each step: its kind and subject, for readable expectations. */
const summary = (steps: AttractStep[]) =>
  steps.map((s) =>
    s.kind === 'wall'
      ? `wall ${s.wall.id} ${s.seconds}s`
      : s.kind === 'people'
        ? `people ${s.count} ${s.seconds}s`
        : s.kind === 'story'
          ? `story ${s.worker.id} ${s.seconds}s`
          : `film ${s.worker.id} ${s.video.file} ${s.toEnd ? 'to end' : `${s.seconds}s`}`,
  );

describe('attract playlist in the schema', () => {
  it('accepts the demo playlist and each kind of segment', () => {
    expect(parseContent(demo).ok).toBe(true);
    const c = clone();
    c.attract.playlist = [
      { wall: 'craftsmen', seconds: 4 },
      { people: true },
      { people: 3, seconds: 20 },
      { story: 'he-jun' },
      { film: 'he-jun' },
      { film: 'huang-lei', video: 0, seconds: 12 },
    ];
    expect(parseContent(c).ok).toBe(true);
  });

  it('names the segment that points at a wall or person that does not exist', () => {
    const problems = problemsOf((c) => {
      c.attract.playlist = [
        { wall: 'no-such-wall' },
        { story: 'nobody' },
        { film: 'nobody-either' },
      ];
      c.attract.walls = ['model-workers', 'gone'];
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'attract.walls[1]', message: 'names unknown wall "gone"' },
        { field: 'attract.playlist[0].wall', message: 'names unknown wall "no-such-wall"' },
        { field: 'attract.playlist[1].story', message: 'names unknown worker "nobody"' },
        { field: 'attract.playlist[2].film', message: 'names unknown worker "nobody-either"' },
      ]),
    );
  });

  it('refuses a story of someone without chapters and a film that is not there', () => {
    const c = clone();
    const plain = c.workers.find((w) => !w.chapters?.length)!;
    c.attract.playlist = [{ story: plain.id }, { film: 'he-jun', video: 3 }, { film: plain.id }];
    const r = parseContent(c);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { field: 'attract.playlist[0].story', message: `worker "${plain.id}" has no story chapters` },
      {
        field: 'attract.playlist[1].video',
        message: 'worker "he-jun" has no film number 3 (films are numbered from 0; 1 listed)',
      },
      {
        field: 'attract.playlist[2].film',
        message: `worker "${plain.id}" has no film number 0 (films are numbered from 0; 0 listed)`,
      },
    ]);
  });

  it('says what a segment may look like when it is none of them', () => {
    const problems = problemsOf((c) => {
      (c.attract as { playlist: unknown }).playlist = [
        { wall: 'craftsmen' },
        { slideshow: 'x' },
        { wall: 'craftsmen', seconds: 1 },
      ];
    });
    expect(problems.map((p) => p.field)).toEqual([
      'attract.playlist[1]',
      'attract.playlist[2].seconds',
    ]);
    expect(problems[0]!.message).toMatch(/"wall".*"people".*"story".*"film"/);
    // A segment of a known kind with one bad value says which value.
    expect(problems[1]!.message).toBe('must be at least 3 seconds');
  });

  it('refuses an empty playlist (leave it out for the default loop)', () => {
    const problems = problemsOf((c) => (c.attract.playlist = []));
    expect(problems).toEqual([
      { field: 'attract.playlist', message: 'needs at least one segment' },
    ]);
  });
});

describe('attractPlaylist', () => {
  it('follows the content’s playlist, in order, with its lengths', () => {
    const c = clone();
    c.attract.playlist = [
      { wall: 'model-workers', seconds: 4 },
      { people: 2 },
      { film: 'he-jun' },
      { story: 'zhou-min' },
      { film: 'huang-lei', seconds: 9 },
    ];
    expect(summary(attractPlaylist(c))).toEqual([
      'wall model-workers 4s',
      `people 2 ${2 * PERSON_SECONDS}s`,
      'film he-jun videos/craft-1.mp4 to end',
      `story zhou-min ${5 * CHAPTER_SECONDS}s`,
      'film huang-lei videos/craft-2.mp4 9s',
    ]);
  });

  it('without a playlist: the first attract wall, featured people, then a story', () => {
    const c = clone();
    delete c.attract.playlist;
    c.attract.walls = ['craftsmen'];
    const steps = attractPlaylist(c);
    expect(steps.map((s) => s.kind)).toEqual(['wall', 'people', 'story']);
    expect(steps[0]).toMatchObject({ wall: { id: 'craftsmen' }, seconds: WALL_SECONDS });
    expect(steps[1]).toMatchObject({ count: PEOPLE_COUNT });
    // The story is told by one of the featured people when one of them has a story.
    const story = steps[2] as Extract<AttractStep, { kind: 'story' }>;
    expect(attractPeople(c, 60).map((w) => w.id)).toContain(story.worker.id);
    expect(story.stops.length).toBeGreaterThanOrEqual(2);
  });

  it('without a playlist or named walls, the first wall; no story when nobody has one', () => {
    const c = clone();
    delete c.attract.playlist;
    delete c.attract.walls;
    for (const w of c.workers) delete w.chapters;
    expect(summary(attractPlaylist(c))).toEqual([
      `wall ${c.walls[0]!.id} ${WALL_SECONDS}s`,
      `people ${PEOPLE_COUNT} ${PEOPLE_COUNT * PERSON_SECONDS}s`,
    ]);
  });

  it('leaves out what is gone: a withdrawn person, an empty wall, no one with a portrait', () => {
    const c = clone();
    c.attract.playlist = [
      { wall: 'craftsmen' },
      { story: 'zhou-min' },
      { film: 'he-jun' },
      { people: true },
    ];
    c.workers.find((w) => w.id === 'zhou-min')!.withdrawn = true;
    c.workers.find((w) => w.id === 'he-jun')!.videos = [];
    c.walls.find((w) => w.id === 'craftsmen')!.select = {
      workers: [],
      kinds: ['pioneer'],
      years: { from: 2100 },
    };
    for (const w of c.workers) delete w.portrait;
    expect(attractPlaylist(c)).toEqual([]);
  });

  it('people segments take turns through the featured people, round after round', () => {
    const c = clone();
    c.attract.playlist = [{ people: 3 }, { wall: 'craftsmen' }, { people: 2 }];
    const steps = attractPlaylist(c);
    const pool = attractPeople(c, 60).map((w) => w.id);
    const first = steps[0] as Extract<AttractStep, { kind: 'people' }>;
    const second = steps[2] as Extract<AttractStep, { kind: 'people' }>;
    const per = peoplePerRound(steps);
    expect(per).toBe(5);
    const ids = (s: typeof first, round: number) => peopleOf(s, round, per).map((w) => w.id);
    expect(ids(first, 0)).toEqual(pool.slice(0, 3));
    expect(ids(second, 0)).toEqual(pool.slice(3, 5));
    expect(ids(first, 1)).toEqual(pool.slice(5, 8));
    // Round the pool's end and back to its start.
    const rounds = Math.ceil(pool.length / per);
    expect(ids(first, rounds)[0]).toBe(pool[(rounds * per) % pool.length]);
  });
});
