/** GSAP animation of a story timeline: chapter panels slide in, the year axis fills, dots light up. */
import { gsap } from 'gsap';

export interface StoryTimeline {
  /** Animates to chapter `index` (panels marked `[data-chapter]`, dots `[data-dot]`). */
  show(index: number): void;
  dispose(): void;
}

/**
 * Animates the markup under `root`: `[data-chapter]` panels (one per stop), `[data-dot]` axis dots
 * and an `[data-axis-fill]` bar. All tweens live in one gsap.context, so dispose reverts them all.
 */
export function createStoryTimeline(root: HTMLElement, start = 0): StoryTimeline {
  const ctx = gsap.context(() => {}, root);
  const panels = () => [...root.querySelectorAll<HTMLElement>('[data-chapter]')];
  const dots = () => [...root.querySelectorAll<HTMLElement>('[data-dot]')];
  let current = -1;

  ctx.add(() => {
    gsap.set(panels(), { autoAlpha: 0 });
    gsap.from(dots(), { scale: 0, opacity: 0, duration: 0.45, stagger: 0.06, ease: 'back.out(2)' });
  });

  // Each step runs inside the context (ctx.add runs it at once), so revert() undoes its tweens too.
  const show = (index: number) =>
    ctx.add(() => {
      const all = panels();
      if (!all.length) return;
      const next = Math.max(0, Math.min(all.length - 1, index));
      if (next === current) return;
      const direction = next > current ? 1 : -1;
      const leaving = all[current];
      const entering = all[next]!;
      if (leaving) {
        gsap.killTweensOf(leaving);
        gsap.to(leaving, { autoAlpha: 0, x: -80 * direction, duration: 0.45, ease: 'power2.in' });
      }
      gsap.killTweensOf(entering);
      const tl = gsap.timeline();
      tl.fromTo(
        entering,
        { autoAlpha: 0, x: 120 * direction },
        { autoAlpha: 1, x: 0, duration: 0.7, ease: 'power3.out', delay: leaving ? 0.2 : 0 },
      );
      const year = entering.querySelector('[data-year]');
      if (year) tl.from(year, { y: 30, opacity: 0, duration: 0.6, ease: 'power2.out' }, '<0.1');
      const lines = entering.querySelectorAll('[data-line]');
      if (lines.length)
        tl.from(lines, { y: 24, opacity: 0, duration: 0.5, stagger: 0.12 }, '<0.15');
      const fill = root.querySelector('[data-axis-fill]');
      if (fill)
        gsap.to(fill, {
          scaleX: all.length > 1 ? next / (all.length - 1) : 1,
          duration: 0.7,
          ease: 'power2.inOut',
        });
      dots().forEach((dot, i) => dot.classList.toggle('reached', i <= next));
      current = next;
    });

  show(start);
  return { show, dispose: () => ctx.revert() };
}
