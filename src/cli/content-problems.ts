/**
 * A content problem (path and the schema's message) in the words staff need: Chinese and English,
 * and, from the schema at that path, what may be written there (the fields a level allows, the
 * shape of a text in two languages).
 */
import type { GenericSchema } from 'valibot';
import { ContentSchema, LocalTextSchema, type ContentProblem } from '../content/schema';
import { schemaWords, type SchemaWords } from './schema-zh';

type Walkable = GenericSchema & {
  wrapped?: Walkable;
  entries?: Record<string, Walkable>;
  item?: Walkable;
};

/** The schema at a content path, through optional wrappers, or null where a union makes it unclear. */
export function schemaAt(
  path: string,
  root: Walkable = ContentSchema as Walkable,
): Walkable | null {
  const unwrap = (s: Walkable | undefined) => {
    while (s?.wrapped) s = s.wrapped;
    return s ?? null;
  };
  let schema = unwrap(root);
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (!schema) return null;
    schema = unwrap(m[1] === undefined ? schema.item : schema.entries?.[m[1]]);
  }
  return schema;
}

const parentOf = (path: string) => path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
const isLocalText = (s: Walkable | null) => s?.entries === LocalTextSchema.entries;
const TEXT_SHAPE: SchemaWords = {
  zh: '写成 {"zh-CN": "中文", "en": "English"}，英文可省',
  en: 'written {"zh-CN": "…", "en": "…"}, English optional',
};

/** What is wrong at `problem.field`, in Chinese and English, with what may be written there. */
export function contentProblemWords(problem: ContentProblem): SchemaWords {
  const words = schemaWords(problem.message);
  const { field, message } = problem;
  if (/^Invalid key: Expected never/.test(message)) {
    const keys = Object.keys(schemaAt(parentOf(field))?.entries ?? {});
    if (keys.length)
      return {
        zh: `${words.zh}（可能拼错了；这里可写：${keys.join('、')}）`,
        en: `${words.en} (misspelt? allowed here: ${keys.join(', ')})`,
      };
  }
  if (/^Invalid (type|key): Expected (Object|")/.test(message) && isLocalText(schemaAt(field)))
    return { zh: `${words.zh}：${TEXT_SHAPE.zh}`, en: `${words.en}: ${TEXT_SHAPE.en}` };
  // A year or a date typed bare where text is wanted: in YAML 1950 is a number, "1950" text.
  if (/^Invalid type: Expected string but received -?\d/.test(message))
    return {
      zh: `${words.zh}（数字要当文字时请加引号，如 "1950"）`,
      en: `${words.en} (put quotes around a number meant as text, like "1950")`,
    };
  return words;
}
