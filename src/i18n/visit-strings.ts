/** Strings of the staff panel's 30-day visit chart, Chinese first with English alongside. */
import type { LocalText } from '../content/schema';

const t = (zh: string, en: string): LocalText => ({ 'zh-CN': zh, en });

export const VISITS = {
  chart: t('近 30 天参观情况', 'Visits over 30 days'),
  visits: t('参观', 'Visits'),
  peopleOpened: t('人物', 'People opened'),
  walls: t('展墙', 'Walls'),
  storiesFinished: t('故事看完', 'Stories finished'),
  films: t('影片', 'Films'),
  english: t('英文', 'English'),
  elderly: t('长者模式', 'Elderly mode'),
  exportCsv: t('导出 CSV', 'Export CSV'),
};
