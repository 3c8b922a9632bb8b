/** The kiosk's shared UI state (scene, language, live pack, sync progress) as one runes class. */
import { untrack } from 'svelte';
import type { Locale } from '../i18n/strings';
import type { LoadedPack } from '../sync/load-pack';
import type { SyncProgress } from '../sync/sync-feed';
import type { Rect } from './test-seam';

export type Scene =
  | { name: 'boot' }
  | { name: 'home' }
  | { name: 'wall'; wallId: string }
  | { name: 'person'; workerId: string; wallId?: string }
  | { name: 'story'; workerId: string; wallId?: string }
  | { name: 'video'; workerId: string; index: number; wallId?: string }
  | { name: 'history'; timelineId: string };

class KioskState {
  scene = $state.raw<Scene>({ name: 'boot' });
  locale = $state<Locale>('zh-CN');
  pack = $state.raw<LoadedPack | null>(null);
  progress = $state.raw<SyncProgress | null>(null);
  /** Plain-words reason the first pack is not here yet (shown calmly on the boot screen). */
  bootProblem = $state<string | null>(null);
  online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
  idleSeconds = $state(0);
  /** Seconds left in the idle countdown, or null when no countdown shows. */
  countdown = $state<number | null>(null);
  /** Scene-specific locators (e.g. the 3D wall) consulted before the DOM by `locate`. */
  readonly locators = new Set<(id: string) => Rect | null>();
  /** Counts idle resets: whatever a visitor left behind (a wall's view, its filters) belongs to one visit. */
  visit = 0;
  /** Things loading in front of the visitor; while any is, the idle clock does not count them as gone. */
  busy = $state(0);
  /** Diagnostics of the wall on screen, for the test seam and benchmarks. */
  wallStats: (() => unknown) | null = null;

  /** Marks something loading in front of the visitor; call the returned function when it is done. */
  hold(): () => void {
    // Untracked: an effect that holds must not come to depend on the count it changes.
    untrack(() => this.busy++);
    let held = true;
    return () => {
      if (held) untrack(() => this.busy--);
      held = false;
    };
  }

  go(scene: Scene): void {
    this.scene = scene;
  }

  /** One step up: story/video → person → wall → home. */
  back(): void {
    const s = this.scene;
    if (s.name === 'story' || s.name === 'video')
      this.scene = { name: 'person', workerId: s.workerId, wallId: s.wallId };
    else if (s.name === 'person' && s.wallId) this.scene = { name: 'wall', wallId: s.wallId };
    else if (s.name !== 'boot') this.scene = { name: 'home' };
  }

  /** The next visitor gets a fresh start: home, Chinese, nothing open. */
  reset(): void {
    this.visit++;
    this.locale = 'zh-CN';
    this.countdown = null;
    if (this.scene.name !== 'boot') this.scene = { name: 'home' };
  }

  toggleLocale(): void {
    this.locale = this.locale === 'zh-CN' ? 'en' : 'zh-CN';
  }
}

export const kiosk = new KioskState();
