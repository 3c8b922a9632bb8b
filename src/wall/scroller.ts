/** Pure one-axis scroll physics for the wall: drag with rubber-banded edges, then inertia and spring-back; time is a parameter. */

/** Time constant of the glide after a flick (ms); close to what touch users expect from phones. */
const GLIDE_MS = 325;
/** How much of a drag past either end still moves the wall. */
const OVERSCROLL_RESISTANCE = 0.35;
/** Stiffness of the return to the edge after overscrolling (1/ms). */
const SPRING_RATE = 0.012;
/** Below this speed (px/ms) the glide is over. */
const REST_SPEED = 0.02;
/** Fastest glide allowed (px/ms), so a mis-measured flick cannot throw the wall far away. */
const MAX_SPEED = 6;

export class Scroller {
  /** Current offset in CSS px; 0 shows the start of the wall. */
  position = 0;
  private velocity = 0;
  private min = 0;
  private max = 0;
  private dragOrigin = 0;
  private gliding = false;

  /** Sets the scrollable length (from 0) and pulls the position back inside it. */
  setMax(max: number): void {
    this.setRange(0, Math.max(0, max));
  }

  /** Sets the range the position rests in (either end may be infinite) and pulls the position inside it. */
  setRange(min: number, max: number): void {
    this.min = Math.min(min, max);
    this.max = max;
    if (!this.gliding) this.position = clamp(this.position, this.min, this.max);
  }

  /** Jumps to a position (clamped), stopping any glide. */
  set(position: number): void {
    this.gliding = false;
    this.velocity = 0;
    this.position = clamp(position, this.min, this.max);
  }

  /** Starts a drag at the current position; stops any glide so a finger catches a moving wall. */
  grab(): void {
    this.gliding = false;
    this.velocity = 0;
    this.dragOrigin = this.position;
  }

  /** Follows a finger that has moved `delta` px (positive = content pulled back) since grab(). */
  drag(delta: number): void {
    const raw = this.dragOrigin + delta;
    if (raw < this.min) this.position = this.min + (raw - this.min) * OVERSCROLL_RESISTANCE;
    else if (raw > this.max) this.position = this.max + (raw - this.max) * OVERSCROLL_RESISTANCE;
    else this.position = raw;
  }

  /** Lets go with a finger speed in px/ms (positive = towards larger positions). */
  release(speed: number): void {
    this.velocity = clamp(speed, -MAX_SPEED, MAX_SPEED);
    this.gliding = true;
  }

  /** Moves the position by a wheel or keyboard step, without inertia. */
  nudge(delta: number): void {
    this.gliding = false;
    this.velocity = 0;
    this.position = clamp(this.position + delta, this.min, this.max);
  }

  /** Advances the glide by `dt` ms; returns true while the wall is still moving. */
  step(dt: number): boolean {
    if (!this.gliding) return false;
    const t = Math.min(dt, 64); // a stalled frame must not fling the wall
    const outside =
      this.position < this.min
        ? this.position - this.min
        : this.position > this.max
          ? this.position - this.max
          : 0;
    if (outside !== 0) {
      // Critically damped pull back to the edge; remaining flick speed bleeds away quickly.
      this.velocity *= Math.exp(-t / 60);
      const target = this.position - outside;
      this.position =
        target + (this.position + this.velocity * t - target) * Math.exp(-SPRING_RATE * t);
      if (Math.abs(this.position - target) < 0.5) {
        this.position = target;
        return this.stop();
      }
      return true;
    }
    this.position += this.velocity * t;
    this.velocity *= Math.exp(-t / GLIDE_MS);
    if (this.position < this.min || this.position > this.max) this.velocity *= 0.5;
    if (
      Math.abs(this.velocity) < REST_SPEED &&
      this.position >= this.min &&
      this.position <= this.max
    )
      return this.stop();
    return true;
  }

  private stop(): false {
    this.gliding = false;
    this.velocity = 0;
    return false;
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
