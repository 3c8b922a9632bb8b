/** Strings of the salute (致敬) on a person's page and its card in the staff panel, Chinese first with English alongside. */
import type { LocalText } from '../content/schema';

const t = (zh: string, en: string): LocalText => ({ 'zh-CN': zh, en });

export const SALUTE = {
  // A person's page.
  salute: t('致敬', 'Salute'),
  saluted: t('已致敬', 'Saluted'),
  // Staff panel.
  title: t('致敬统计', 'Salutes'),
  total: t('致敬总数', 'Salutes in all'),
  people: t('受致敬人数', 'People saluted'),
  most: t('致敬最多', 'Most saluted'),
  none: t('尚无致敬', 'No salutes yet'),
  exportCsv: t('导出 CSV', 'Export CSV'),
  reset: t('清空致敬数', 'Reset the salutes'),
  resetAsk: t(
    '清空全部致敬数？清空后无法恢复，建议先导出 CSV。',
    'Clear every salute count? This cannot be undone; export the CSV first.',
  ),
  resetConfirm: t('确认清空', 'Yes, clear them'),
  resetDone: t('致敬数已清空', 'The salute counts were cleared'),
  unreadable: t('无法读取致敬数', 'The salute counts cannot be read'),
};

/** What the figure beside the button counts: "次致敬" / "salutes" (one "salute"). */
export const countLabel = (n: number): LocalText =>
  n === 1 ? t('次致敬', 'salute') : t('次致敬', 'salutes');

/** The header of the salutes CSV: bilingual, so staff read it in Excel in either language. */
export const SALUTE_CSV_HEADER = [
  '编号 id',
  '姓名',
  'name',
  '致敬次数 salutes',
  '最近一次 last salute',
] as const;
