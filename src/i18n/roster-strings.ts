/** Strings of the roster's filter chips and pinyin pad, Chinese first with English alongside. */
import type { HonorKind, LocalText } from '../content/schema';

const t = (zh: string, en: string): LocalText => ({ 'zh-CN': zh, en });

/** Chip names of the honour kinds (the schema's `HONOR_KINDS`). */
export const KIND_NAMES: Record<HonorKind, LocalText> = {
  'model-worker': t('劳动模范', 'Model worker'),
  'advanced-worker': t('先进工作者', 'Advanced worker'),
  'may-day-medal': t('五一劳动奖章', 'May Day Labour Medal'),
  craftsman: t('工匠', 'Craftsman'),
  pioneer: t('工人先锋号等', 'Pioneer and other honours'),
};

/** A decade's chip name: 1990 → 1990年代 / 1990s. */
export function decadeLabel(decade: number): LocalText {
  return t(`${decade}年代`, `${decade}s`);
}

export const ROSTER_UI = {
  groupLevel: t('荣誉级别', 'Level'),
  groupKind: t('荣誉类别', 'Honour'),
  groupDecade: t('获评年代', 'Decade'),
  groupSector: t('行业', 'Sector'),
  groupRegion: t('地区', 'District'),
  groupTag: t('精神', 'Spirit'),
  filterTitle: t('筛选人物', 'Filter the people'),
  clearAll: t('清除全部筛选', 'Clear all filters'),
  close: t('关闭', 'Close'),
  noMatch: t('没有符合条件的人物', 'Nobody matches'),
  padTitle: t('姓名检索', 'Find a name'),
  padHint: t(
    '输入姓名拼音首字母，如 张小明 → ZXM',
    'Type the initials of a name in pinyin, e.g. ZXM',
  ),
  padEmpty: t('请轻触字母', 'Touch the letters'),
  backspace: t('退格', 'Delete'),
  clear: t('清空', 'Clear'),
} satisfies Record<string, LocalText>;

/** How many people the current search and chips let through: 128 位符合 / 128 people match. */
export function matchCount(n: number): LocalText {
  return n === 0
    ? ROSTER_UI.noMatch
    : t(
        `${n.toLocaleString('zh-CN')} 位符合`,
        `${n.toLocaleString('en')} ${n === 1 ? 'person matches' : 'people match'}`,
      );
}
