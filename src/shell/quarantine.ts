/**
 * Quarantine of a pack whose screens keep failing: failed starts are counted per live pack; too many
 * within a window roll the kiosk back to the previous pack and mark the failing one as bad for good.
 */
import { get, set } from 'idb-keyval';
import { stateStore } from '../storage/pointers';

export interface QuarantineRule {
  /** Failed starts that condemn a pack… */
  failures: number;
  /** …when they all fall within this many milliseconds. */
  windowMs: number;
}

export const DEFAULT_RULE: QuarantineRule = { failures: 3, windowMs: 10 * 60_000 };

/**
 * Pure: the failure times to keep after one more at `now` (older than the window are forgotten),
 * and whether the pack is now condemned. Times are monotonic-ish milliseconds since boot plus a
 * boot offset; only differences within one window matter.
 */
export function judgeFailures(
  earlier: readonly number[],
  now: number,
  rule: QuarantineRule = DEFAULT_RULE,
): { kept: number[]; condemned: boolean } {
  const kept = [...earlier.filter((t) => t <= now && now - t < rule.windowMs), now];
  return { kept, condemned: kept.length >= rule.failures };
}

type FailureBook = Record<string, number[]>;

/**
 * Records a failed start of the pack `indexSha`; resolves true when it is now condemned.
 * Wall-clock times are used (failures span reloads), and a clock that jumps only makes a
 * window forget sooner: it never condemns a pack on its own.
 */
export async function recordFailedStart(
  indexSha: string,
  rule: QuarantineRule = DEFAULT_RULE,
  now = Date.now(),
): Promise<boolean> {
  const book = (await get<FailureBook>('failed-starts', stateStore)) ?? {};
  const { kept, condemned } = judgeFailures(book[indexSha] ?? [], now, rule);
  // Only the live pack's record matters; others are dropped so the book stays small.
  await set('failed-starts', { [indexSha]: condemned ? [] : kept }, stateStore);
  return condemned;
}
