/**
 * The hall's history as a track a visitor drags sideways (GSAP Draggable with inertia), coming to
 * rest with one event under the centre mark.
 */
import { gsap } from 'gsap';
import { Draggable } from 'gsap/Draggable';
import { InertiaPlugin } from 'gsap/InertiaPlugin';
import { durationScale, type MotionMode } from './motion';

gsap.registerPlugin(Draggable, InertiaPlugin);

/** Where event `i` sits on the track, and which event a track offset brings under the centre. */
export interface TrackGeometry {
  /** Distance between neighbouring events, in px. */
  spacing: number;
  /** The viewport's centre line, in px from its left edge. */
  centre: number;
  count: number;
}

/** The track's x (translation) that puts event `i` under the centre mark. */
export const offsetOf = (g: TrackGeometry, i: number): number => g.centre - i * g.spacing;

/** The event nearest the centre mark for a track at `x`. */
export function eventAt(g: TrackGeometry, x: number): number {
  return Math.max(0, Math.min(g.count - 1, Math.round((g.centre - x) / g.spacing)));
}

export interface HistoryTrack {
  /** Glides to event `i` (at once in still motion). */
  goTo(i: number): void;
  dispose(): void;
}

/**
 * Makes `track` draggable along x inside `viewport`: thrown with inertia it snaps to the nearest
 * event; `onFocus` hears each time another event comes under the centre. All tweens and the
 * Draggable live in one gsap.context, so `dispose` leaves nothing running.
 */
export function createHistoryTrack(
  track: HTMLElement,
  geometry: () => TrackGeometry,
  opts: { start: number; mode: MotionMode; onFocus: (i: number) => void },
): HistoryTrack {
  const time = durationScale(opts.mode);
  // The track's ancestors as they are now (see dispose: they may be gone from the page by then).
  const ancestors: Node[] = [];
  for (let n = track.parentNode; n; n = n.parentNode) ancestors.push(n);
  let focus = -1;
  let draggable: Draggable | undefined;
  const follow = (x: number) => {
    const i = eventAt(geometry(), x);
    if (i !== focus) opts.onFocus((focus = i));
  };
  const ctx = gsap.context(() => {
    const g = geometry();
    gsap.set(track, { x: offsetOf(g, opts.start) });
    follow(offsetOf(g, opts.start));
    [draggable] = Draggable.create(track, {
      type: 'x',
      inertia: opts.mode !== 'still',
      edgeResistance: 0.85,
      bounds: { minX: offsetOf(g, g.count - 1), maxX: offsetOf(g, 0) },
      snap: (x: number) => offsetOf(geometry(), eventAt(geometry(), x)),
      // A gentle throw crosses a few events, a hard one the decades; never minutes of coasting.
      maxDuration: 1.6 * time,
      minDuration: 0.3 * time,
      onDrag() {
        follow(this.x);
      },
      onThrowUpdate() {
        follow(this.x);
      },
      onDragEnd() {
        // Without inertia (still motion) the track settles on the nearest event straight away.
        if (opts.mode === 'still') {
          const g2 = geometry();
          gsap.set(track, { x: offsetOf(g2, eventAt(g2, this.x)) });
          follow(offsetOf(g2, eventAt(g2, this.x)));
          draggable?.update();
        }
      },
    });
  }, track);

  return {
    goTo: (i) =>
      ctx.add(() => {
        const g = geometry();
        const to = Math.max(0, Math.min(g.count - 1, i));
        gsap.killTweensOf(track);
        gsap.to(track, {
          x: offsetOf(g, to),
          duration: opts.mode === 'still' ? 0 : 0.8 * time,
          ease: 'power3.inOut',
          onComplete: () => draggable?.update(),
        });
        follow(offsetOf(g, to));
      }),
    dispose: () => {
      // Draggable listens for scroll on every ancestor of the track and stops listening by walking
      // the same ancestors on kill. Svelte takes a scene out of the page before its clean-ups
      // run, so the walk would stop short of the app's root, whose listener would hold the whole
      // detached scene (~900 nodes a visit). Put back for the kill, out again at once (no paint
      // happens in between).
      const top = track.isConnected ? -1 : ancestors.findIndex((n) => n.parentNode === null);
      const cut = ancestors[top];
      const host = ancestors[top + 1];
      if (cut && host) host.appendChild(cut);
      // GSAP 3.15's velocity tracker keeps its list head on a property removed while newer ones
      // follow it, so Draggable's own untrack (x, then y) leaves the track in that list for good.
      // Oldest first (Draggable adds y, then x) unlinks both; the emptied tracker goes too.
      InertiaPlugin.untrack(track, 'y');
      InertiaPlugin.untrack(track, 'x');
      draggable?.kill();
      if (cut && host) host.removeChild(cut);
      InertiaPlugin.getByTarget(track)?.kill();
      ctx.revert();
    },
  };
}
