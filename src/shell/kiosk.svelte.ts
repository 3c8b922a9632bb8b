/**
 * The kiosk's shared UI state (scene, language, live pack, sync progress) as one runes class. Its
 * fields are private: each change goes through a method, so one place decides every transition.
 */
import { untrack } from 'svelte';
import { contentAt } from '../content/schedule';
import type { Locale } from '../i18n/strings';
import type { LoadedPack } from '../sync/load-pack';
import type { SyncProgress } from '../sync/sync-feed';
import type { StatEvent } from '../stats/visit-stats';
import type { Rect } from './test-seam';
import { judgeClock, type ClockVerdict } from './clock-check';

export type Scene =
  | { name: 'boot' }
  | { name: 'attract' }
  | { name: 'closed' }
  | { name: 'home' }
  | { name: 'wall'; wallId: string }
  /** `timelineId`/`event`: opened from the hall's history, so back returns to that event. */
  | { name: 'person'; workerId: string; wallId?: string; timelineId?: string; event?: number }
  | { name: 'story'; workerId: string; wallId?: string }
  | { name: 'video'; workerId: string; index: number; wallId?: string }
  /** `event`: the event to centre on arrival (a visitor coming back from a person in it). */
  | { name: 'history'; timelineId: string; event?: number }
  /** The staff PIN pad, then the staff panel, over everything (see `openStaffPanel`). */
  | { name: 'staff' };

type FailureHandler = (scene: Scene, error: unknown) => void;
type EventHandler = (event: StatEvent) => void;
type ClockHandler = (verdict: ClockVerdict) => void;

/** Scenes where no visitor is in the middle of a person or a wall: what shows may change under them. */
const SETTLED: ReadonlySet<Scene['name']> = new Set(['boot', 'home', 'attract', 'closed', 'staff']);

class KioskState {
  #scene = $state.raw<Scene>({ name: 'boot' });
  #locale = $state<Locale>('zh-CN');
  #defaultLocale: Locale = 'zh-CN';
  #calm = $state(false);
  /** Elderly mode (长者模式), a visitor's choice on home: lasts until the idle reset. */
  #elderly = $state(false);
  /** Whether this visit's elderly mode has been counted (once a visit, however often it is toggled). */
  #elderlyCounted = false;
  #pack = $state.raw<LoadedPack | null>(null);
  /** `#pack` as visitors see it: without the withdrawn and what is outside its schedule window. */
  #shown = $state.raw<LoadedPack | null>(null);
  /** While the schedule time stays in [from, until), `#shown` needs no new look (empty: look now). */
  #stable = { from: Infinity, until: -Infinity };
  #progress = $state.raw<SyncProgress | null>(null);
  #bootProblem = $state<string | null>(null);
  #online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
  #idleSeconds = $state(0);
  #countdown = $state<number | null>(null);
  #busy = $state(0);
  #films = $state(0);
  #visit = 0;
  #wallStats: (() => unknown) | null = null;
  #onFailure: FailureHandler | null = null;
  #onEvent: EventHandler | null = null;
  #onClock: ClockHandler | null = null;
  /** Scene-specific locators (e.g. the 3D wall) consulted before the DOM by `locate`. */
  readonly locators = new Set<(id: string) => Rect | null>();

  get scene(): Scene {
    return this.#scene;
  }
  get locale(): Locale {
    return this.#locale;
  }
  /** The pack on screen (the live one, a fallback, or the embedded one). */
  get pack(): LoadedPack | null {
    return this.#pack;
  }
  /**
   * The pack as visitors see it now: people withdrawn, and items outside their `from`/`until`
   * window, left out. Scenes show this one; the staff panel shows `pack`.
   */
  get shownPack(): LoadedPack | null {
    return this.#shown;
  }
  get progress(): SyncProgress | null {
    return this.#progress;
  }
  /** Plain-words reason the first pack is not here yet (shown calmly on the boot screen). */
  get bootProblem(): string | null {
    return this.#bootProblem;
  }
  get online(): boolean {
    return this.#online;
  }
  get idleSeconds(): number {
    return this.#idleSeconds;
  }
  /** Seconds left in the idle countdown, or null when no countdown shows. */
  get countdown(): number | null {
    return this.#countdown;
  }
  /** Things loading in front of the visitor; while any is, the idle clock does not count them as gone. */
  get busy(): number {
    return this.#busy;
  }
  /** True while a film plays: a visitor watching touches nothing, yet is there. */
  get filmPlaying(): boolean {
    return this.#films > 0;
  }
  /** Counts idle resets: whatever a visitor left behind (a wall's view, its filters) belongs to one visit. */
  get visit(): number {
    return this.#visit;
  }
  /** Diagnostics of the wall on screen, for the test seam and benchmarks. */
  get wallStats(): (() => unknown) | null {
    return this.#wallStats;
  }

  go(scene: Scene): void {
    this.#scene = scene;
    if (scene.name === 'wall' || scene.name === 'person') this.note(scene.name);
    this.#schedule();
  }

  /**
   * Looks at the clock for schedules (every few seconds, from the schedule clock): when a window
   * opened or closed, what visitors see changes, though never under a visitor on a wall or a
   * person, only once they are home (at the latest the idle reset). Costs nothing between changes.
   */
  tick(clock = Date.now()): void {
    this.#schedule(false, clock);
  }

  /** Who hears each clock verdict (the schedule clock, which tells staff of a clock that is wrong). */
  onClock(handler: ClockHandler | null): void {
    this.#onClock = handler;
  }

  #schedule(fresh = false, clock = Date.now()): void {
    const pack = this.#pack;
    if (!pack) return;
    // A clock that cannot be right (1970 after a flat battery) must never hide every scheduled item.
    const verdict = judgeClock(clock, { published: pack.pointer.published, builtAt: BUILT_AT });
    this.#onClock?.(verdict);
    const now = verdict.now;
    if (!fresh && now >= this.#stable.from && now < this.#stable.until) return;
    if (!fresh && !SETTLED.has(this.#scene.name)) return;
    const view = contentAt(pack.content, now);
    this.#stable = { from: view.stableFrom, until: view.stableUntil };
    this.#shown = view.content === pack.content ? pack : { ...pack, content: view.content };
  }

  /** Who hears of what visitors do (the visit statistics); anonymous by construction. */
  onEvent(handler: EventHandler | null): void {
    this.#onEvent = handler;
  }

  /** Something a visitor did that the statistics count (a story finished, a film started…). */
  note(event: StatEvent): void {
    this.#onEvent?.(event);
  }

  /** One step up: story/video → person → wall → home. */
  back(): void {
    const s = this.#scene;
    if (s.name === 'story' || s.name === 'video')
      this.#scene = { name: 'person', workerId: s.workerId, wallId: s.wallId };
    else if (s.name === 'person' && s.wallId) this.#scene = { name: 'wall', wallId: s.wallId };
    else if (s.name === 'person' && s.timelineId)
      this.#scene = { name: 'history', timelineId: s.timelineId, event: s.event };
    else if (s.name !== 'boot') this.#scene = { name: 'home' };
    this.#schedule();
  }

  /** The next visitor gets a fresh start: home, the default language, nothing open. */
  reset(): void {
    this.#visit++;
    this.#locale = this.#defaultLocale;
    this.#elderly = false;
    this.#elderlyCounted = false;
    this.#countdown = null;
    if (this.#scene.name !== 'boot') this.#scene = { name: 'home' };
    this.#schedule();
  }

  /** Nobody is there: the screen invites the next visitor (after a reset, so nothing is left open). */
  attract(): void {
    // Without a pack there is nothing to invite with, but the staff panel still closes at idle.
    if (this.#scene.name === 'staff' && !this.#pack) return this.closeStaffPanel();
    if (this.#scene.name === 'boot' || this.#scene.name === 'closed' || !this.#pack) return;
    this.reset();
    this.#scene = { name: 'attract' };
  }

  /** Outside opening hours: a dark, slowly moving screen (after a reset, so nothing is left open). */
  close(): void {
    // Staff often work while the hall is closed: the panel's own idle reset ends their session.
    if (['closed', 'boot', 'staff'].includes(this.#scene.name)) return;
    this.reset();
    this.#scene = { name: 'closed' };
  }

  /** Opening time: the closed screen gives way to home. */
  open(): void {
    if (this.#scene.name === 'closed') this.#scene = { name: 'home' };
    this.#schedule();
  }

  /** Staff's calm motion setting: stories and the history move slower and less (see motion.ts). */
  get calm(): boolean {
    return this.#calm;
  }

  setCalm(on: boolean): void {
    this.#calm = on;
  }

  /**
   * Elderly mode (长者模式): larger text, stronger contrast, calm motion and twice the idle time, for
   * this visit only (the idle reset turns it off). Anyone may turn it on or off with one tap on home.
   */
  get elderly(): boolean {
    return this.#elderly;
  }

  toggleElderly(): void {
    this.#elderly = !this.#elderly;
    if (this.#elderly && !this.#elderlyCounted) {
      this.#elderlyCounted = true;
      this.note('elderly');
    }
  }

  /** Whether stories and the history move calmly now: staff's setting, or a visitor's elderly mode. */
  get calmMotion(): boolean {
    return this.#calm || this.#elderly;
  }

  /** The language each visit starts in (staff's choice), applied at once. */
  setDefaultLocale(locale: Locale): void {
    this.#defaultLocale = locale;
    this.#locale = locale;
  }

  /**
   * Staff's hidden gesture: the PIN pad, then the panel, over whatever was on screen. It is a scene
   * like any other, so the idle countdown and reset close it after the normal idle time.
   */
  openStaffPanel(): void {
    if (this.#scene.name !== 'staff') this.#scene = { name: 'staff' };
  }

  /** Leaving the staff panel (or PIN pad) returns to home (to the boot screen while no pack is here). */
  closeStaffPanel(): void {
    if (this.#scene.name === 'staff')
      this.#scene = this.#pack ? { name: 'home' } : { name: 'boot' };
  }

  toggleLocale(): void {
    this.#locale = this.#locale === 'zh-CN' ? 'en' : 'zh-CN';
    this.note(this.#locale === 'en' ? 'language-en' : 'language-zh');
  }

  /** Puts `pack` on screen: the first one opens home; a different one resets whatever was open. */
  showPack(pack: LoadedPack): void {
    const fresh = this.#pack === null;
    const same = this.#pack?.pointer.indexSha === pack.pointer.indexSha;
    this.#pack = pack;
    this.#bootProblem = null;
    // Looked at afresh: a person withdrawn in a new pack goes at once (the scene resets below).
    this.#schedule(true);
    // Staff who rolled back or imported see the new pack in the panel; closing it goes home.
    if (this.#scene.name === 'staff') return;
    if (fresh || this.#scene.name === 'boot') this.#scene = { name: 'home' };
    else if (!same && this.#scene.name !== 'closed') this.reset(); // what was open may be gone
  }

  setProgress(progress: SyncProgress | null): void {
    this.#progress = progress;
  }

  setBootProblem(reason: string | null): void {
    if (!this.#pack) this.#bootProblem = reason;
  }

  setOnline(online: boolean): void {
    this.#online = online;
  }

  /** The idle clock's reading, once per tick. */
  setIdle(idleSeconds: number, countdown: number | null): void {
    this.#idleSeconds = idleSeconds;
    this.#countdown = countdown;
  }

  /** Marks something loading in front of the visitor; call the returned function when it is done. */
  hold(): () => void {
    // Untracked: an effect that holds must not come to depend on the count it changes.
    untrack(() => this.#busy++);
    let held = true;
    return () => {
      if (held) untrack(() => this.#busy--);
      held = false;
    };
  }

  /** The film scene reports a film playing; call the returned function when it pauses, ends or goes. */
  filmPlays(): () => void {
    untrack(() => this.#films++);
    let playing = true;
    return () => {
      if (playing) untrack(() => this.#films--);
      playing = false;
    };
  }

  setWallStats(stats: (() => unknown) | null): void {
    this.#wallStats = stats;
  }

  /** Who hears of a scene that failed (the shell: the staff log and quarantine). */
  onSceneFailure(handler: FailureHandler | null): void {
    this.#onFailure = handler;
  }

  /** A scene failed to render or to finish its own async work (the wall's loading, a film). */
  sceneFailed(error: unknown, scene: Scene = this.#scene): void {
    this.#onFailure?.(scene, error);
  }
}

/** When this app was built (a schedule clock behind it is wrong); absent outside a Vite build. */
const BUILT_AT = typeof __APP_BUILT_AT__ === 'string' ? __APP_BUILT_AT__ : undefined;

export const kiosk = new KioskState();
