/**
 * Words that must fit a box of fixed height (a history card: English runs longer than Chinese), or
 * a line of fixed width (a scene's title on an upright screen): the box's `--fit` factor, which its
 * font sizes are multiplied by, steps down from 1 until nothing overflows, never below `min`; again
 * whenever the box is resized or its words change. `overflows` says what overflowing means (by
 * default: the box's content is taller than the box).
 */
import type { Attachment } from 'svelte/attachments';

/** How much smaller each try sets the words. */
const STEP = 0.05;

const taller = (node: HTMLElement) => node.scrollHeight > node.clientHeight + 1;

export function fitText(min = 0.8, overflows = taller): Attachment<HTMLElement> {
  return (node) => {
    const fit = () => {
      let factor = 1;
      node.style.setProperty('--fit', '1');
      while (overflows(node) && factor > min) {
        factor = Math.max(min, factor - STEP);
        node.style.setProperty('--fit', String(factor));
      }
    };
    // Changing --fit does not change the box's children, and the box's size at most once more (a
    // title box one line high): the observers settle at once.
    const resized = new ResizeObserver(fit);
    resized.observe(node);
    const changed = new MutationObserver(fit);
    changed.observe(node, { subtree: true, childList: true, characterData: true });
    fit();
    return () => {
      resized.disconnect();
      changed.disconnect();
    };
  };
}
