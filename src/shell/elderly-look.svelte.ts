/**
 * Mirrors elderly mode (`data-elderly`) and calm motion (`data-calm`: elderly mode or staff's setting)
 * onto the page's root element, where the global styles and the wall's movements read them.
 */
import { kiosk } from './kiosk.svelte';

/** Follows `kiosk.elderly` until the returned disposer is called. */
export function followElderlyMode(root: HTMLElement = document.documentElement): () => void {
  return $effect.root(() => {
    $effect(() => {
      root.toggleAttribute('data-elderly', kiosk.elderly);
      root.toggleAttribute('data-calm', kiosk.calmMotion);
    });
    return () => {
      root.removeAttribute('data-elderly');
      root.removeAttribute('data-calm');
    };
  });
}
