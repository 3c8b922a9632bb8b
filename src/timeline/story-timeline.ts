/**
 * Motion of a person's story: a chapter comes in (GSAP: its year counting from the last one, its
 * lines rising), the rail follows, its picture drifts slowly (24 s) and autoplay's reading time runs
 * as a bar. The drift and the bar run for many seconds, so they are Web Animations of `transform`,
 * which the compositor runs: the page's own thread stays free for a visitor's touch (with GSAP
 * writing them every frame, a touch on "next" waited ~240 ms behind a software renderer's frames).
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
  let reading: Animation | null = null;
  const drifts = new Map<Element, Animation>();

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
        // The picture that leaves holds still while it fades (its drift is taken up anew on return).
        const gone = leaving.querySelector('[data-pan]');
        if (gone) drifts.get(gone)?.pause();
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
        drifts.get(picture)?.cancel();
        drifts.set(
          picture,
          picture.animate(
            [
              { transform: `translateX(${-3 * side * travel}%) scale(${1 + 0.12 * travel})` },
              { transform: `translateX(${3 * side * travel}%) scale(1)` },
            ],
            { duration: 24_000, easing: 'linear', fill: 'forwards' },
          ),
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

  const dwell = (seconds: number, done: () => void) => {
    reading?.cancel();
    // With no bar on screen the animation has no target and is only a clock (it pauses alike).
    const bar = root.querySelector('[data-dwell]');
    reading = new Animation(
      new KeyframeEffect(bar, [{ transform: 'scaleX(0)' }, { transform: 'scaleX(1)' }], {
        duration: seconds * 1000,
        easing: 'linear',
        fill: 'forwards',
      }),
      document.timeline,
    );
    reading.onfinish = done;
    reading.play();
  };

  show(0);
  return {
    show,
    dwell,
    // Only a running bar is held: a finished one stays finished (play() would start it over).
    pause: () => {
      if (reading?.playState === 'running') reading.pause();
    },
    resume: () => {
      if (reading?.playState === 'paused') reading.play();
    },
    dispose: () => {
      reading?.cancel();
      reading = null;
      for (const drift of drifts.values()) drift.cancel();
      drifts.clear();
      ctx.revert();
    },
  };
}
