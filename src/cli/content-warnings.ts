/** Likely mistakes in valid content: things the kiosk shows, but probably not as staff meant them. */
import type { Content } from '../content/schema';

/** One warning at a content path, in Chinese and English; `kind` groups warnings of one sort. */
export interface ContentWarning {
  kind: 'no-portrait' | 'same-person' | 'future-year' | 'no-captions' | 'too-long';
  path: string;
  zh: string;
  en: string;
  /** Another item the warning is about (the first of two same people), for a reader that can point at it. */
  also?: string;
}

/** Width of text on a card, in full-width characters (Latin letters and digits count about half). */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 1 : 0.55;
  return w;
}

/** A name wider than this is squeezed on the card until it is hard to read. */
export const CARD_NAME_WIDTH = 12;
/** The honour line (title · year) wraps to a third line past this. */
export const CARD_HONOUR_WIDTH = 30;

/** Finds every likely mistake; `now` decides which years are in the future. */
export function contentWarnings(content: Content, now = new Date()): ContentWarning[] {
  const out: ContentWarning[] = [];
  const thisYear = now.getFullYear();
  const seen = new Map<string, number>();
  const future = (year: number, path: string) => {
    if (year > thisYear)
      out.push({
        kind: 'future-year',
        path,
        zh: `年份 ${year} 还没到（今年是 ${thisYear} 年），是否写错？`,
        en: `the year ${year} is in the future (it is ${thisYear} now); a typo?`,
      });
  };
  content.workers.forEach((w, i) => {
    const at = `workers[${i}]`;
    if (!w.portrait)
      out.push({
        kind: 'no-portrait',
        path: `${at}.portrait`,
        zh: `“${w.name['zh-CN']}”没有肖像，卡片上显示姓名印章`,
        en: `"${w.name['zh-CN']}" has no portrait; the card shows a name seal`,
      });
    const key = `${w.name['zh-CN']}\u0000${w.employer['zh-CN']}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else
      out.push({
        kind: 'same-person',
        path: `${at}.name`,
        also: `workers[${first}]`,
        zh: `与第 ${first + 1} 位人物同名同单位（${w.name['zh-CN']}，${w.employer['zh-CN']}），是否重复录入？`,
        en: `same name and employer as person ${first + 1} (${w.name['zh-CN']}, ${w.employer['zh-CN']}); entered twice?`,
      });
    if (textWidth(w.name['zh-CN']) > CARD_NAME_WIDTH)
      out.push({
        kind: 'too-long',
        path: `${at}.name`,
        zh: `姓名太长，卡片上会被压得很小（最多约 ${CARD_NAME_WIDTH} 个汉字）`,
        en: `the name is too long for the card (about ${CARD_NAME_WIDTH} Chinese characters at most)`,
      });
    w.honors.forEach((h, j) => {
      future(h.year, `${at}.honors[${j}].year`);
      if (textWidth(`${h.title['zh-CN']} · ${h.year}`) > CARD_HONOUR_WIDTH)
        out.push({
          kind: 'too-long',
          path: `${at}.honors[${j}].title`,
          zh: `荣誉称号太长，卡片上放不下（连年份最多约 ${CARD_HONOUR_WIDTH} 个汉字宽）`,
          en: `the honour title is too long for the card (about ${CARD_HONOUR_WIDTH} Chinese characters with the year)`,
        });
    });
    w.chapters?.forEach((c, j) => future(c.year, `${at}.chapters[${j}].year`));
    w.videos?.forEach((v, j) => {
      if (!v.captions?.['zh-CN'])
        out.push({
          kind: 'no-captions',
          path: `${at}.videos[${j}].captions.zh-CN`,
          zh: `影片“${v.title['zh-CN']}”没有中文字幕；展厅里影片常是静音播放的`,
          en: `the film "${v.title['zh-CN']}" has no Chinese captions; films often play muted in the hall`,
        });
    });
  });
  content.timelines.forEach((t, i) =>
    t.eras.forEach((era, j) =>
      era.events.forEach((ev, k) =>
        future(Number(ev.date.slice(0, 4)), `timelines[${i}].eras[${j}].events[${k}].date`),
      ),
    ),
  );
  return out;
}
