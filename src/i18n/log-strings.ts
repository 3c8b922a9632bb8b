/**
 * Sentences the kiosk writes into the staff log, Chinese first with English alongside. A log entry is
 * written once and kept as written, so it carries both languages in one line (`logLine`).
 */
import type { LocalText } from '../content/schema';

const t = (zh: string, en: string): LocalText => ({ 'zh-CN': zh, en });

/** One log line from a bilingual sentence: "中文 / English". */
export function logLine(text: LocalText): string {
  return `${text['zh-CN']} / ${text.en ?? ''}`;
}

/** What the kiosk says of its own clock (see shell/clock-check.ts); times as "YYYY-MM-DD HH:MM". */
export const CLOCK_SAYS = {
  right: (clock: string) =>
    t(
      `本机时钟已恢复正常（${clock}），展示时段按本机时间计算。`,
      `The kiosk clock looks right again (${clock}); schedules follow it.`,
    ),
  /**
   * The clock reads `clock`, `reason` (behind or ahead of) the time the kiosk knows has passed:
   * when the live pack was `published`, or when the app was `built` (`ref`).
   */
  wrong: (
    reason: 'behind' | 'ahead',
    against: 'published' | 'built',
    clock: string,
    ref: string,
  ) => {
    const [zhRef, enRef] =
      against === 'published'
        ? ['当前内容包的发布时间', 'the live pack was published']
        : ['本程序的构建时间', 'this app was built'];
    const zh =
      reason === 'behind'
        ? `本机时钟显示 ${clock}，比${zhRef}（${ref}）还早一天以上，时钟有误。`
        : `本机时钟显示 ${clock}，比${zhRef}（${ref}）晚两年以上，时钟很可能有误。`;
    const en =
      reason === 'behind'
        ? `The kiosk clock reads ${clock}, more than a day before ${enRef} (${ref}): it is wrong.`
        : `The kiosk clock reads ${clock}, more than two years after ${enRef} (${ref}): it is probably wrong.`;
    return t(
      `${zh}展示时段暂按 ${ref} 计算，屏幕照常显示。请校准本机的日期和时间。`,
      `${en} Schedules are reckoned from ${ref} meanwhile, and the screen keeps showing. Please set the kiosk's date and time.`,
    );
  },
};
