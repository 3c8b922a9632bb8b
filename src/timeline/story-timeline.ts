/**
 * GSAP motion of a person's story: a chapter comes in (its picture drifting slowly, its year counting
 * from the last one, its lines rising), the rail follows, and autoplay's reading time runs as a bar.
 */
import { gsap } from 'gsap';
import { durationScale, travelScale, type MotionMode } from './motion';

export interface StoryTimeline {
  /** Animates to chapter `index` (panels `[data-chapter]`, rail fill `[data-rail-fill]`). */
  show(index: number): void;
  /** Runs the reading bar `[data-dwell]` for `seconds`, then calls `done` (autoplay's next step). */
  dwell(seconds: number, done: () => void): void;
  /** Holds the reading bar where it is (a visitor touched); `resume` carries on from there. */
  pause(): void;
  resume(): void;
  dispose(): void;
}

/**
 * Animates the markup under `root`. Every tween and delayed call lives in one gsap.context, so
 * `dispose` reverts and kills them all: nothing of a story runs once the visitor has left it.
 */
export function createStoryTimeline(root: HTMLElement, mode: MotionMode): StoryTimeline {
  const ctx = gsap.context(() => {}, root);
  const time = durationScale(mode);
  const travel = travelScale(mode);
  const panels = () => [...root.querySelectorAll<HTMLElement>('[data-chapter]')];
  let current = -1;
  let shownYear: number | null = null;
  let reading: gsap.core.Tween | null = null;

  ctx.add(() => gsap.set(panels(), { autoAlpha: 0 }));

  const show = (index: number) =>
    ctx.add(() => {
      const all = panels();
      const next = Math.max(0, Math.min(all.length - 1, index));
      if (!all.length || next === current) return;
      const direction = next > current ? 1 : -1;
      const leaving = all[current];
      const entering = all[next]!;
      if (leaving) {
        gsap.killTweensOf([leaving, ...leaving.querySelectorAll('*')]);
        gsap.to(leaving, {
          autoAlpha: 0,
          x: -60 * direction * travel,
          duration: 0.45 * time,
          ease: 'power2.in',
        });
      }
      gsap.killTweensOf([entering, ...entering.querySelectorAll('*')]);
      const tl = gsap.timeline({ delay: leaving ? 0.25 * time : 0 });
      tl.fromTo(
        entering,
        { autoAlpha: 0, x: 90 * direction * travel },
        { autoAlpha: 1, x: 0, duration: 0.8 * time, ease: 'power3.out' },
      );
      // The year counts from the chapter the visitor came from: the years between are felt.
      const year = entering.querySelector<HTMLElement>('[data-year]');
      const target = Number(year?.dataset.year);
      if (year && Number.isFinite(target)) {
        const from = { value: shownYear ?? target - 12 * Math.sign(travel || 0) };
        year.textContent = String(Math.round(from.value));
        if (travel > 0)
          tl.to(
            from,
            {
              value: target,
              duration: 1.1 * time,
              ease: 'power2.out',
              onUpdate: () => (year.textContent = String(Math.round(from.value))),
            },
            '<',
          );
        else year.textContent = String(target);
        shownYear = target;
      }
      const lines = entering.querySelectorAll('[data-line]');
      if (lines.length)
        tl.from(
          lines,
          { y: 28 * travel, autoAlpha: 0, duration: 0.6 * time, stagger: 0.14 * time },
          '<0.2',
        );
      // A picture never stands still in full motion: a slow pan and zoom over its reading time.
      const picture = entering.querySelector('[data-pan]');
      if (picture && travel > 0) {
        const side = next % 2 ? 1 : -1;
        gsap.fromTo(
          picture,
          { scale: 1 + 0.12 * travel, xPercent: -3 * side * travel },
          { scale: 1, xPercent: 3 * side * travel, duration: 24, ease: 'none' },
        );
      }
      const fill = root.querySelector('[data-rail-fill]');
      if (fill)
        gsap.to(fill, {
          scaleX: all.length > 1 ? next / (all.length - 1) : 1,
          duration: 0.7 * time,
          ease: 'power2.inOut',
        });
      current = next;
    });

  const dwell = (seconds: number, done: () => void) =>
    ctx.add(() => {
      reading?.kill();
      const bar = root.querySelector('[data-dwell]');
      reading = gsap.fromTo(
        bar ?? {},
        { scaleX: 0 },
        { scaleX: 1, duration: seconds, ease: 'none', onComplete: done },
      );
    });

  show(0);
  return {
    show,
    dwell,
    pause: () => reading?.pause(),
    resume: () => reading?.resume(),
    dispose: () => {
      reading = null;
      ctx.revert();
    },
  };
}
