/** Mirrors elderly mode onto the page's root element (`data-elderly`), where the global styles read it. */
import { kiosk } from './kiosk.svelte';

/** Follows `kiosk.elderly` until the returned disposer is called. */
export function followElderlyMode(root: HTMLElement = document.documentElement): () => void {
  return $effect.root(() => {
    $effect(() => {
      root.toggleAttribute('data-elderly', kiosk.elderly);
    });
    return () => root.removeAttribute('data-elderly');
  });
}
