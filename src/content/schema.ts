/**
 * The one schema of a content pack (`content.json`), shared by the kiosk and the staff CLI.
 *
 * Every visible text is a `LocalText` with zh-CN required. File references are pack-relative
 * paths that must also appear in the manifest; `feed/paths.ts` decides which paths are safe.
 */
import * as v from 'valibot';
import { ID_PATTERN } from '../feed/format';
import { isSafePackPath } from '../feed/paths';
import { SCHEDULE_TIME_EXPECTED, isScheduleTime, windowProblem } from './schedule';

const nonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));

/** Localised text: `{ "zh-CN": "…", "en": "…" }`; zh-CN is required, en is optional. */
export const LocalTextSchema = v.strictObject({
  'zh-CN': nonEmpty,
  en: v.optional(v.string()),
});
export type LocalText = v.InferOutput<typeof LocalTextSchema>;

/** A pack-relative file path such as `portraits/wang.webp`. */
export const PackPathSchema = v.pipe(
  v.string(),
  v.check(
    isSafePackPath,
    'must be a relative path inside the pack (letters, digits, - _ . /; no "..", no leading "/", no "\\", no scheme)',
  ),
);

/** Identifier used in walls, timelines and the test seam (`worker:<id>`). */
export const IdSchema = v.pipe(
  v.string(),
  v.regex(ID_PATTERN, 'must be lowercase letters, digits and "-" (at most 64)'),
);

/**
 * A schedule value for `from` / `until`: a day `YYYY-MM-DD` (the whole day, by the kiosk's clock)
 * or a moment with its offset, `2026-05-01T09:00+08:00`. `from` is inclusive; `until` still shows
 * the whole of its day, or goes at its moment. The full rule is in `schedule.ts`.
 */
export const ScheduleTimeSchema = v.pipe(
  v.string(),
  v.check(isScheduleTime, SCHEDULE_TIME_EXPECTED),
);

/** Optional schedule window of an item visitors see; outside it the kiosk leaves the item out. */
const scheduleWindow = {
  from: v.optional(ScheduleTimeSchema),
  until: v.optional(ScheduleTimeSchema),
};

const YearSchema = v.pipe(
  v.number(),
  v.integer('must be a whole year'),
  v.minValue(1949, 'must be 1949 or later'),
  v.maxValue(2100, 'must be 2100 or earlier'),
);

export const HONOR_LEVELS = ['national', 'provincial', 'municipal', 'industry'] as const;
export const HONOR_KINDS = [
  'model-worker', // 劳动模范
  'advanced-worker', // 先进工作者
  'may-day-medal', // 五一劳动奖章
  'craftsman', // 工匠
  'pioneer', // 工人先锋号 and other honours
] as const;
export const SPIRIT_TAGS = ['model-spirit', 'labour-spirit', 'craftsman-spirit'] as const;
export type HonorLevel = (typeof HONOR_LEVELS)[number];
export type HonorKind = (typeof HONOR_KINDS)[number];
export type SpiritTag = (typeof SPIRIT_TAGS)[number];

/** A person with no honour; the staff CLI words it for a spreadsheet row where that is the source. */
export const NO_HONOUR =
  'needs at least one honour (add one to honors with title, level, kind and year)';

export const HonorSchema = v.strictObject({
  title: LocalTextSchema,
  level: v.picklist(HONOR_LEVELS, `must be one of: ${HONOR_LEVELS.join(', ')}`),
  kind: v.picklist(HONOR_KINDS, `must be one of: ${HONOR_KINDS.join(', ')}`),
  year: YearSchema,
});
export type Honor = v.InferOutput<typeof HonorSchema>;

export const ChapterSchema = v.strictObject({
  year: YearSchema,
  title: LocalTextSchema,
  text: LocalTextSchema,
  image: v.optional(PackPathSchema),
  ...scheduleWindow,
});
export type Chapter = v.InferOutput<typeof ChapterSchema>;

export const VideoSchema = v.strictObject({
  file: PackPathSchema,
  title: LocalTextSchema,
  poster: v.optional(PackPathSchema),
  captions: v.optional(
    v.strictObject({ 'zh-CN': v.optional(PackPathSchema), en: v.optional(PackPathSchema) }),
  ),
  ...scheduleWindow,
});
export type Video = v.InferOutput<typeof VideoSchema>;

export const WorkerSchema = v.strictObject({
  id: IdSchema,
  name: LocalTextSchema,
  honors: v.pipe(v.array(HonorSchema), v.minLength(1, NO_HONOUR)),
  employer: LocalTextSchema,
  portrait: v.optional(PackPathSchema),
  sector: v.optional(LocalTextSchema),
  region: v.optional(LocalTextSchema),
  role: v.optional(LocalTextSchema),
  quote: v.optional(LocalTextSchema),
  bio: v.optional(LocalTextSchema),
  chapters: v.optional(v.array(ChapterSchema)),
  videos: v.optional(v.array(VideoSchema)),
  tags: v.optional(v.array(v.picklist(SPIRIT_TAGS, `must be one of: ${SPIRIT_TAGS.join(', ')}`))),
  link: v.optional(
    v.pipe(v.string(), v.url(), v.startsWith('https://', 'must be an https:// address')),
  ),
  sample: v.optional(v.boolean()),
  withdrawn: v.optional(v.boolean()),
  ...scheduleWindow,
});
export type Worker = v.InferOutput<typeof WorkerSchema>;

/** Which workers a wall shows: every listed criterion must match (an empty selection = all). */
export const WallSelectionSchema = v.strictObject({
  levels: v.optional(v.array(v.picklist(HONOR_LEVELS))),
  kinds: v.optional(v.array(v.picklist(HONOR_KINDS))),
  years: v.optional(v.strictObject({ from: v.optional(YearSchema), to: v.optional(YearSchema) })),
  sectors: v.optional(v.array(nonEmpty)),
  tags: v.optional(v.array(v.picklist(SPIRIT_TAGS))),
  workers: v.optional(v.array(IdSchema)),
});
export type WallSelection = v.InferOutput<typeof WallSelectionSchema>;

/** How a wall arranges its cards in 3D; each wall names its default and visitors may switch. */
export const WALL_LAYOUTS = ['grid', 'cylinder', 'helix', 'sphere'] as const;
export type WallLayoutName = (typeof WALL_LAYOUTS)[number];

export const WallSchema = v.strictObject({
  id: IdSchema,
  title: LocalTextSchema,
  subtitle: v.optional(LocalTextSchema),
  select: WallSelectionSchema,
  layout: v.picklist(WALL_LAYOUTS, `must be one of: ${WALL_LAYOUTS.join(', ')}`),
  ...scheduleWindow,
});
export type Wall = v.InferOutput<typeof WallSchema>;

export const TimelineEventSchema = v.strictObject({
  date: v.pipe(
    v.string(),
    v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
  ),
  title: LocalTextSchema,
  text: LocalTextSchema,
  workers: v.optional(v.array(IdSchema)),
  image: v.optional(PackPathSchema),
  ...scheduleWindow,
});
export type TimelineEvent = v.InferOutput<typeof TimelineEventSchema>;

export const EraSchema = v.strictObject({
  id: IdSchema,
  title: LocalTextSchema,
  from: YearSchema,
  to: YearSchema,
  events: v.pipe(v.array(TimelineEventSchema), v.minLength(1, 'needs at least one event')),
});
export type Era = v.InferOutput<typeof EraSchema>;

export const TimelineSchema = v.strictObject({
  id: IdSchema,
  title: LocalTextSchema,
  eras: v.pipe(v.array(EraSchema), v.minLength(1, 'needs at least one era')),
  ...scheduleWindow,
});
export type Timeline = v.InferOutput<typeof TimelineSchema>;

/** How long one attract segment lasts, in seconds. */
const SegmentSecondsSchema = v.pipe(
  v.number(),
  v.minValue(3, 'must be at least 3 seconds'),
  v.maxValue(1800, 'must be at most 1800 seconds (30 minutes)'),
);

/**
 * One segment of the attract playlist: a slow fly-through of a wall, featured people (how many, or
 * `true` for the usual number), a person's story chapters, or a person's film (muted; numbered from 0).
 */
export const AttractSegmentSchema = v.union(
  [
    v.strictObject({ wall: IdSchema, seconds: v.optional(SegmentSecondsSchema) }),
    v.strictObject({
      people: v.union([v.literal(true), v.pipe(v.number(), v.integer(), v.minValue(1))]),
      seconds: v.optional(SegmentSecondsSchema),
    }),
    v.strictObject({ story: IdSchema, seconds: v.optional(SegmentSecondsSchema) }),
    v.strictObject({
      film: IdSchema,
      video: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
      seconds: v.optional(SegmentSecondsSchema),
    }),
  ],
  'must be {"wall": "<wall id>"}, {"people": <how many, or true>}, {"story": "<worker id>"} or {"film": "<worker id>", "video": <film number from 0>}, each with an optional "seconds" (3 to 1800)',
);
export type AttractSegment = v.InferOutput<typeof AttractSegmentSchema>;

export const AttractSchema = v.strictObject({
  message: LocalTextSchema,
  walls: v.optional(v.array(IdSchema)),
  /** What the attract loop shows, in order, round and round; without it, a loop made from the content. */
  playlist: v.optional(
    v.pipe(v.array(AttractSegmentSchema), v.minLength(1, 'needs at least one segment')),
  ),
});

/** The attract settings may only name walls and people that exist, and a story or film that person has. */
function checkAttract(
  content: { attract: v.InferOutput<typeof AttractSchema>; walls: Wall[]; workers: Worker[] },
  addIssue: (issue: { message: string; path: [v.IssuePathItem, ...v.IssuePathItem[]] }) => void,
): void {
  const wallIds = new Set(content.walls.map((w) => w.id));
  const people = new Map(content.workers.map((w) => [w.id, w]));
  content.attract.walls?.forEach((id, i) => {
    if (!wallIds.has(id))
      addIssue({ message: `names unknown wall "${id}"`, path: pathTo(['attract', 'walls', i]) });
  });
  content.attract.playlist?.forEach((segment, i) => {
    const at = (key: string) => pathTo(['attract', 'playlist', i, key]);
    if ('wall' in segment && !wallIds.has(segment.wall))
      addIssue({ message: `names unknown wall "${segment.wall}"`, path: at('wall') });
    const id = 'story' in segment ? segment.story : 'film' in segment ? segment.film : null;
    if (id === null) return;
    const person = people.get(id);
    const key = 'story' in segment ? 'story' : 'film';
    if (!person) addIssue({ message: `names unknown worker "${id}"`, path: at(key) });
    else if ('story' in segment && !person.chapters?.length)
      addIssue({ message: `worker "${id}" has no story chapters`, path: at(key) });
    else if ('film' in segment && !person.videos?.[segment.video ?? 0])
      addIssue({
        message: `worker "${id}" has no film number ${segment.video ?? 0} (films are numbered from 0; ${person.videos?.length ?? 0} listed)`,
        path: at(segment.video === undefined ? 'film' : 'video'),
      });
  });
}

export const HallSchema = v.strictObject({
  name: LocalTextSchema,
  welcome: LocalTextSchema,
  hours: v.optional(LocalTextSchema),
});

export const ContentSchema = v.pipe(
  v.strictObject({
    format: v.literal('kiosk-content/1', 'must be "kiosk-content/1"'),
    hall: HallSchema,
    workers: v.pipe(v.array(WorkerSchema), v.minLength(1, 'needs at least one worker')),
    walls: v.pipe(v.array(WallSchema), v.minLength(1, 'needs at least one wall')),
    timelines: v.optional(v.array(TimelineSchema), []),
    attract: AttractSchema,
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const { workers, walls, timelines } = dataset.value;
    const ids = new Set<string>();
    workers.forEach((w, i) => {
      if (ids.has(w.id))
        addIssue({ message: `duplicate worker id "${w.id}"`, path: pathTo(['workers', i, 'id']) });
      ids.add(w.id);
    });
    walls.forEach((wall, i) =>
      wall.select.workers?.forEach((id, j) => {
        if (!ids.has(id))
          addIssue({
            message: `names unknown worker "${id}"`,
            path: pathTo(['walls', i, 'select', 'workers', j]),
          });
      }),
    );
    timelines.forEach((t, i) =>
      t.eras.forEach((era, j) =>
        era.events.forEach((ev, k) =>
          ev.workers?.forEach((id, m) => {
            if (!ids.has(id))
              addIssue({
                message: `names unknown worker "${id}"`,
                path: pathTo(['timelines', i, 'eras', j, 'events', k, 'workers', m]),
              });
          }),
        ),
      ),
    );
    checkAttract(dataset.value, addIssue);
    for (const [item, path] of scheduledItems(dataset.value)) {
      const problem = windowProblem(item.from, item.until);
      if (problem) addIssue({ message: problem, path: pathTo([...path, 'until']) });
    }
  }),
);
export type Content = v.InferOutput<typeof ContentSchema>;

/** Every item that may carry a schedule window, with its path in the content. */
function* scheduledItems(content: {
  workers: Worker[];
  walls: Wall[];
  timelines: Timeline[];
}): Generator<[{ from?: string; until?: string }, (string | number)[]]> {
  for (const [i, w] of content.workers.entries()) {
    yield [w, ['workers', i]];
    for (const [j, c] of (w.chapters ?? []).entries()) yield [c, ['workers', i, 'chapters', j]];
    for (const [j, f] of (w.videos ?? []).entries()) yield [f, ['workers', i, 'videos', j]];
  }
  for (const [i, wall] of content.walls.entries()) yield [wall, ['walls', i]];
  for (const [i, t] of content.timelines.entries()) {
    yield [t, ['timelines', i]];
    for (const [j, era] of t.eras.entries())
      for (const [k, ev] of era.events.entries())
        yield [ev, ['timelines', i, 'eras', j, 'events', k]];
  }
}

/** Minimal path items so custom issues print like valibot's own (`walls[0].select…`). */
function pathTo(keys: (string | number)[]): [v.IssuePathItem, ...v.IssuePathItem[]] {
  const items = keys.map(
    (key) =>
      ({ type: 'object', origin: 'value', input: {}, key, value: undefined }) as v.IssuePathItem,
  );
  return items as [v.IssuePathItem, ...v.IssuePathItem[]];
}

/** One readable problem: where (dotted path) and what is expected. */
export interface ContentProblem {
  field: string;
  message: string;
}

/** Validate parsed JSON; returns the typed content or the list of problems. */
export function parseContent(
  input: unknown,
): { ok: true; content: Content } | { ok: false; problems: ContentProblem[] } {
  const result = v.safeParse(ContentSchema, input);
  if (result.success) return { ok: true, content: result.output };
  return {
    ok: false,
    problems: result.issues.map((issue) => {
      const field = formatPath(issue.path);
      // A schedule problem names the item too: "workers[812]" alone sends staff counting.
      const item = /\.(from|until)$/.test(field) ? itemLabel(input, issue.path ?? []) : '';
      return { field, message: item ? `${issue.message} (${item})` : issue.message };
    }),
  };
}

const ITEM_NAMES: Record<string, string> = {
  workers: 'worker',
  walls: 'wall',
  timelines: 'timeline',
  eras: 'era',
  videos: 'film',
  chapters: 'chapter',
  events: 'event',
};

/** `worker "wang-li", film 2`: each item along the path, by its id where it has one, else its number. */
function itemLabel(input: unknown, path: v.IssuePathItem[]): string {
  const parts: string[] = [];
  let node: unknown = input;
  let collection = '';
  for (const { key } of path) {
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[String(key)] : null;
    if (typeof key === 'string') collection = key;
    else if (typeof key === 'number' && ITEM_NAMES[collection]) {
      const id = (node as { id?: unknown } | null)?.id;
      parts.push(
        `${ITEM_NAMES[collection]} ${typeof id === 'string' ? JSON.stringify(id) : key + 1}`,
      );
    }
  }
  return parts.join(', ');
}

function formatPath(path: v.IssuePathItem[] | undefined): string {
  if (!path?.length) return '(top level)';
  return path
    .map((item, i) =>
      typeof item.key === 'number' ? `[${item.key}]` : `${i ? '.' : ''}${String(item.key)}`,
    )
    .join('');
}

/** Every pack path the content refers to, so the CLI can check each one exists. */
export function referencedPaths(content: Content): string[] {
  const out = new Set<string>();
  for (const w of content.workers) {
    if (w.portrait) out.add(w.portrait);
    w.chapters?.forEach((c) => c.image && out.add(c.image));
    w.videos?.forEach((vid) => {
      out.add(vid.file);
      if (vid.poster) out.add(vid.poster);
      if (vid.captions?.['zh-CN']) out.add(vid.captions['zh-CN']);
      if (vid.captions?.en) out.add(vid.captions.en);
    });
  }
  for (const t of content.timelines)
    for (const era of t.eras) for (const ev of era.events) if (ev.image) out.add(ev.image);
  return [...out];
}
