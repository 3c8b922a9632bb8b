/**
 * The visitor's view of the wall: camera distance (zoom) and the wall's turn, tilt and pan, moved by drags with
 * inertia, zoom steps and GSAP flights; plus projecting cards to the screen for taps, locate() and detail.
 */
import gsap from 'gsap';
import { Group, MathUtils, PerspectiveCamera, Vector3 } from 'three';
import { CARD_H, CARD_W, type WallShape } from './layouts';
import { Scroller } from './scroller';
import { glideSeconds } from './glide';

const FOV = 30;
const TAN = Math.tan(MathUtils.degToRad(FOV / 2));
/** Closest zoom: a card about 40 % of the screen's height. */
const NEAR_FRACTION = 0.4;

/** Everything that places the camera relative to the wall; saved and restored when a visitor comes back. */
export interface NavState {
  spin: number;
  tilt: number;
  panX: number;
  panY: number;
  /** Camera z; the wall's front surface is at `shape.front`. */
  cameraZ: number;
}

export class WallView {
  readonly camera = new PerspectiveCamera(FOV, 1, 0.1, 1000);
  readonly root = new Group();
  nav: NavState = { spin: 0, tilt: 0, panX: 0, panY: 0, cameraZ: 10 };
  shape: WallShape | null = null;
  width = 1;
  height = 1;
  /** CSS px by which the wall's centre moves left, to stay in the free part of the screen beside a panel. */
  private shift = 0;
  private readonly across = new Scroller();
  private readonly down = new Scroller();
  private tween: gsap.core.Tween | null = null;
  private readonly onChange: () => void;

  constructor(onChange: () => void) {
    this.onChange = onChange;
  }

  setSize(width: number, height: number): void {
    this.width = width;
    this.height = height;
    this.camera.aspect = width / Math.max(1, height);
    this.apply();
  }

  /** Moves the picture's centre `px` CSS px to the left (0 = centred), gliding. */
  setShift(px: number): void {
    gsap.to(this, {
      shift: px / 2,
      duration: glideSeconds(0.6, 0),
      ease: 'power2.inOut',
      onUpdate: () => this.apply(),
    });
  }

  /** Camera z that shows the whole frame of `shape` (the overview). */
  overviewZ(shape = this.shape): number {
    if (!shape) return 10;
    const aspect = this.width / Math.max(1, this.height);
    const fitH = shape.frame.height / 2 / TAN;
    const fitW = shape.frame.width / 2 / (TAN * aspect);
    // A flat wall is framed at its surface; a globe across its middle, where it is widest; a drum is widest
    // across its middle but its nearest rows, at the front, are the ones that must fit in height.
    if (shape.nav.kind === 'pan') return shape.front + Math.max(fitH, fitW);
    if (shape.nav.kind === 'globe') return Math.max(fitH, fitW, shape.front + 1);
    return Math.max(shape.front + fitH, fitW, shape.front + 1);
  }

  /** Camera z of the closest zoom (never further than the overview). */
  nearZ(shape = this.shape): number {
    if (!shape) return 10;
    return Math.min(this.overviewZ(shape), shape.front + CARD_H / NEAR_FRACTION / 2 / TAN);
  }

  /** CSS px per world unit at the wall's front surface, at the current zoom. */
  pxPerUnit(): number {
    const front = this.shape?.front ?? 0;
    return this.height / (2 * Math.max(0.01, this.nav.cameraZ - front) * TAN);
  }

  /** Switches to a new shape; the view glides (or jumps) to its start at overview zoom. */
  setShape(shape: WallShape, how: 'jump' | 'glide', keep?: NavState): void {
    this.shape = shape;
    const target = keep ?? { ...shape.start, cameraZ: this.overviewZ(shape) };
    if (how === 'jump') {
      this.stop();
      this.nav = clampNav(copyNav(target), shape, this.nearZ(shape), this.overviewZ(shape));
      this.apply();
    } else this.glideTo(target, 1.1);
  }

  /** Zoom by a factor of the distance to the front surface (< 1 closer), animated. */
  zoomBy(factor: number): void {
    if (!this.shape) return;
    const front = this.shape.front;
    const z = front + (this.nav.cameraZ - front) * factor;
    this.glideTo({ ...copyNav(this.nav), cameraZ: z }, 0.5);
  }

  /** Zoom without animation (pinch, wheel). */
  zoomNow(factor: number): void {
    if (!this.shape) return;
    this.stop();
    const front = this.shape.front;
    this.nav.cameraZ = front + (this.nav.cameraZ - front) * factor;
    this.nav = clampNav(this.nav, this.shape, this.nearZ(), this.overviewZ());
    this.apply();
  }

  /** Glides to `target` over `seconds`; resolves when there (or when interrupted). */
  glideTo(target: NavState, seconds: number): Promise<void> {
    if (!this.shape) return Promise.resolve();
    this.stop();
    const to = clampNav(copyNav(target), this.shape, this.nearZ(), this.overviewZ());
    // Turn the short way round.
    const tau = Math.PI * 2;
    if (this.shape.nav.kind !== 'helix')
      to.spin = this.nav.spin + ((((to.spin - this.nav.spin) % tau) + tau * 1.5) % tau) - tau / 2;
    return new Promise((resolve) => {
      this.tween = gsap.to(this.nav, {
        ...to,
        duration: glideSeconds(seconds),
        ease: 'power2.inOut',
        onUpdate: () => this.apply(),
        onComplete: () => resolve(),
        onInterrupt: () => resolve(),
      });
    });
  }

  isGliding(): boolean {
    return this.tween?.isActive() ?? false;
  }

  stop(): void {
    this.tween?.kill();
    this.tween = null;
  }

  /** A finger went down: catch any glide or drift. */
  grab(): void {
    this.stop();
    this.syncAxes();
    this.across.grab();
    this.down.grab();
  }

  /** Total finger movement since grab (CSS px). */
  drag(dx: number, dy: number): void {
    if (!this.shape) return;
    const k = this.shape.nav.kind;
    if (k === 'pan') {
      this.across.drag(-dx);
      this.down.drag(dy);
    } else if (k === 'helix') {
      const r = this.shape.front;
      this.across.drag(dx + (dy * r) / Math.max(1e-3, this.shape.nav.risePerRadian));
    } else {
      this.across.drag(dx);
      this.down.drag(dy);
    }
    this.readAxes();
  }

  release(vx: number, vy: number): void {
    if (!this.shape) return;
    const k = this.shape.nav.kind;
    if (k === 'pan') {
      this.across.release(-vx);
      this.down.release(vy);
    } else if (k === 'helix') {
      const r = this.shape.front;
      this.across.release(vx + (vy * r) / Math.max(1e-3, this.shape.nav.risePerRadian));
      this.down.release(0);
    } else {
      this.across.release(vx);
      this.down.release(vy);
    }
  }

  /** Advances inertia by dt ms; true while still moving. */
  step(dt: number): boolean {
    const a = this.across.step(dt);
    const b = this.down.step(dt);
    if (a || b) this.readAxes();
    return a || b || this.isGliding();
  }

  /** The scrollers work in screen px along the wall's surface; map nav into them. */
  private syncAxes(): void {
    const s = this.shape;
    if (!s) return;
    const k = this.pxPerUnit();
    const r = s.front * k;
    const lim = s.nav;
    if (lim.kind === 'pan') {
      this.across.setRange(lim.panX[0] * k, lim.panX[1] * k);
      this.across.set(this.nav.panX * k);
      this.down.setRange(lim.panY[0] * k, lim.panY[1] * k);
      this.down.set(this.nav.panY * k);
    } else {
      this.across.setRange(lim.spin[0] * r, lim.spin[1] * r);
      this.across.set(this.nav.spin * r);
      const [lo, hi] =
        lim.kind === 'globe' ? lim.tilt.map((t) => t * r) : lim.panY.map((p) => p * k);
      this.down.setRange(lo!, hi!);
      this.down.set(lim.kind === 'globe' ? this.nav.tilt * r : this.nav.panY * k);
    }
  }

  private readAxes(): void {
    const s = this.shape;
    if (!s) return;
    const k = this.pxPerUnit();
    const r = s.front * k;
    if (s.nav.kind === 'pan') {
      this.nav.panX = this.across.position / k;
      this.nav.panY = this.down.position / k;
    } else {
      this.nav.spin = this.across.position / r;
      if (s.nav.kind === 'globe') this.nav.tilt = this.down.position / r;
      else if (s.nav.kind === 'turn') this.nav.panY = this.down.position / k;
    }
    this.apply();
  }

  /** Puts camera and wall where nav says, and tells the owner a frame is due. */
  apply(): void {
    const s = this.shape;
    const n = this.nav;
    const rise = s?.nav.kind === 'helix' ? n.spin * s.nav.risePerRadian : 0;
    this.root.position.set(-n.panX, -(n.panY + rise), 0);
    this.root.rotation.set(n.tilt, n.spin, 0, 'XYZ');
    this.root.updateMatrixWorld(true);
    const front = s?.front ?? 0;
    const depth = Math.max(0.5, n.cameraZ - front);
    this.camera.position.set(0, 0, n.cameraZ);
    this.camera.near = Math.max(0.05, depth * 0.2);
    this.camera.far = n.cameraZ + (s ? s.front * 2 + 10 : 100);
    this.camera.lookAt(0, 0, front - 1);
    if (Math.abs(this.shift) > 0.5)
      this.camera.setViewOffset(this.width, this.height, -this.shift, 0, this.width, this.height);
    else this.camera.clearViewOffset();
    this.camera.updateProjectionMatrix();
    this.camera.updateMatrixWorld();
    this.onChange();
  }

  dispose(): void {
    gsap.killTweensOf(this);
    this.stop();
  }
}

/** A plain copy of the five values (GSAP keeps its own bookkeeping on an object it tweens; that must not travel). */
export function copyNav(n: NavState): NavState {
  return { spin: n.spin, tilt: n.tilt, panX: n.panX, panY: n.panY, cameraZ: n.cameraZ };
}

/** Keeps a nav state inside the shape's limits. */
export function clampNav(n: NavState, s: WallShape, nearZ: number, farZ: number): NavState {
  const c = (v: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, v));
  n.panX = c(n.panX, s.nav.panX);
  n.panY = c(n.panY, s.nav.panY);
  n.tilt = c(n.tilt, s.nav.tilt);
  n.spin = c(n.spin, s.nav.spin);
  n.cameraZ = c(n.cameraZ, [nearZ, farZ]);
  return n;
}

/** The four corners (world space) of card `state` = [x, y, z, scale, yaw, pitch] on `root`. */
export function cardCorners(state: ArrayLike<number>, root: Group, out: Vector3[]): void {
  const [x, y, z, s, yaw, pitch] = [
    state[0]!,
    state[1]!,
    state[2]!,
    state[3]!,
    state[4]!,
    state[5]!,
  ];
  const cy = Math.cos(yaw);
  const sy = Math.sin(yaw);
  const cp = Math.cos(pitch);
  const sp = Math.sin(pitch);
  // As in the vertex shader: right = (cy, 0, -sy), up = normal × right with normal = (sy cp, sp, cy cp).
  const right = { x: cy, y: 0, z: -sy };
  const up = { x: -sp * sy, y: cp, z: -sp * cy };
  const hw = (CARD_W / 2) * s;
  const hh = (CARD_H / 2) * s;
  const signs = [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1],
  ] as const;
  signs.forEach(([a, b], k) => {
    const v = out[k]!;
    v.set(
      x + right.x * hw * a + up.x * hh * b,
      y + right.y * hw * a + up.y * hh * b,
      z + right.z * hw * a + up.z * hh * b,
    );
    v.applyMatrix4(root.matrixWorld);
  });
}
