/**
 * Where every card is between two layouts: the CPU's copy of what the vertex shader computes, so hit tests,
 * locate() and level-of-detail see exactly what the visitor sees. Pure: no DOM, no GPU.
 */
import { cardProgress, type WallShape } from './layouts';

/** How much later the last card of a transition starts than the first (in units of the whole transition). */
export const STAGGER = 0.6;

export class WallMotion {
  readonly count: number;
  readonly fromPos: Float32Array;
  readonly fromRot: Float32Array;
  readonly toPos: Float32Array;
  readonly toRot: Float32Array;
  readonly delay: Float32Array;
  /** 0 = every card at `from`, 1 = every card at `to`. */
  mix = 1;

  constructor(count: number) {
    this.count = count;
    this.fromPos = new Float32Array(count * 4);
    this.fromRot = new Float32Array(count * 2);
    this.toPos = new Float32Array(count * 4);
    this.toRot = new Float32Array(count * 2);
    this.delay = new Float32Array(count);
  }

  /** Card i's current x, y, z, scale, yaw, pitch into `out` (length ≥ 6). */
  current(i: number, out: Float32Array | number[]): void {
    const t = this.mix >= 1 ? 1 : cardProgress(this.mix, this.delay[i]!, STAGGER);
    for (let k = 0; k < 4; k++) {
      const a = this.fromPos[i * 4 + k]!;
      out[k] = a + (this.toPos[i * 4 + k]! - a) * t;
    }
    for (let k = 0; k < 2; k++) {
      const a = this.fromRot[i * 2 + k]!;
      out[4 + k] = a + (this.toRot[i * 2 + k]! - a) * t;
    }
  }

  /**
   * Starts a move to `shape` from wherever the cards are now. Each card turns the short way round,
   * so a card does not spin a full turn between a drum and a globe.
   */
  retarget(shape: Pick<WallShape, 'pos' | 'rot' | 'delay'>): void {
    const here = new Float32Array(6);
    for (let i = 0; i < this.count; i++) {
      this.current(i, here);
      this.fromPos.set(here.subarray(0, 4), i * 4);
      this.fromRot[i * 2] = here[4]!;
      this.fromRot[i * 2 + 1] = here[5]!;
      this.toPos.set(shape.pos.subarray(i * 4, i * 4 + 4), i * 4);
      const yaw = shape.rot[i * 2]!;
      this.toRot[i * 2] = here[4]! + shortTurn(yaw - here[4]!);
      this.toRot[i * 2 + 1] = shape.rot[i * 2 + 1]!;
      this.delay[i] = shape.delay[i]!;
    }
    this.mix = 0;
  }

  /** Puts every card at `shape` at once (the entrance starts from a sunken copy of it). */
  jump(shape: Pick<WallShape, 'pos' | 'rot' | 'delay'>, sink = 0): void {
    this.toPos.set(shape.pos);
    this.toRot.set(shape.rot);
    this.fromPos.set(shape.pos);
    this.fromRot.set(shape.rot);
    this.delay.set(shape.delay);
    if (sink > 0) {
      // Entrance: each card rises from slightly behind and below its place, starting unseen (scale 0).
      for (let i = 0; i < this.count; i++) {
        const yaw = shape.rot[i * 2]!;
        this.fromPos[i * 4] = shape.pos[i * 4]! - Math.sin(yaw) * sink;
        this.fromPos[i * 4 + 1] = shape.pos[i * 4 + 1]! - sink * 0.4;
        this.fromPos[i * 4 + 2] = shape.pos[i * 4 + 2]! - Math.cos(yaw) * sink;
        this.fromPos[i * 4 + 3] = 0;
      }
      this.mix = 0;
    } else this.mix = 1;
  }
}

/** The same turn expressed between -π and π. */
function shortTurn(angle: number): number {
  const tau = Math.PI * 2;
  return angle - tau * Math.round(angle / tau);
}
