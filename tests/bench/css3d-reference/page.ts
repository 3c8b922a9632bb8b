/**
 * The reference wall, built as exhibition vendors commonly build one: three's CSS3DRenderer, one DOM card
 * (an <img> portrait and a name) per person on a sphere, turning slowly for ever. Bundled by reference.ts.
 */
import { PerspectiveCamera, Scene, Vector3 } from 'three';
import { CSS3DObject, CSS3DRenderer } from 'three/examples/jsm/renderers/CSS3DRenderer.js';

/** What the server writes into the page: how many cards, and the portraits and names to cycle through. */
export interface ReferenceConfig {
  cards: number;
  portraits: string[];
  names: string[];
}

declare global {
  interface Window {
    referenceConfig: ReferenceConfig;
    /** Set once every portrait has loaded (or failed) and the first frame is drawn. */
    referenceReady?: { cards: number; images: number; failed: number; loadMs: number };
  }
}

const CARD_W = 120;
const CARD_H = 190;
/** Room per card on the sphere's surface, so neighbouring cards do not overlap. */
const SPACING = 1.32;
const FOV = 40;
/** Radians per millisecond: a full turn in about 80 s, the slow drift such walls show when nobody is near. */
const TURN_PER_MS = (Math.PI * 2) / 80_000;

async function main(config: ReferenceConfig): Promise<void> {
  const started = performance.now();
  document.body.style.cssText =
    'margin:0;overflow:hidden;background:#3a0d0d;font-family:sans-serif';
  const renderer = new CSS3DRenderer();
  renderer.setSize(innerWidth, innerHeight);
  document.body.appendChild(renderer.domElement);

  // Sphere big enough that every card has its own patch of surface; the camera frames it whole.
  const radius = Math.sqrt((config.cards * CARD_W * CARD_H * SPACING) / (4 * Math.PI));
  const camera = new PerspectiveCamera(FOV, innerWidth / innerHeight, 1, radius * 20);
  camera.position.z = (radius * 1.05) / Math.sin(((FOV / 2) * Math.PI) / 180);
  const scene = new Scene();

  const loads: Promise<boolean>[] = [];
  const outward = new Vector3();
  for (let i = 0; i < config.cards; i++) {
    const card = document.createElement('div');
    card.style.cssText = `width:${CARD_W}px;height:${CARD_H}px;background:#f4e6c8;border:2px solid #d9ac5b;box-sizing:border-box;text-align:center;color:#3a0d0d;font-size:16px`;
    const img = document.createElement('img');
    img.src = config.portraits[i % config.portraits.length]!;
    img.style.cssText = `display:block;width:100%;height:${CARD_H - 30}px;object-fit:cover`;
    img.alt = '';
    loads.push(
      img.decode().then(
        () => true,
        () => false,
      ),
    );
    const name = document.createElement('div');
    name.textContent = config.names[i % config.names.length]!;
    card.append(img, name);

    // The spiral of three's "periodic table" sphere: even spacing, each card facing outwards.
    const object = new CSS3DObject(card);
    const phi = Math.acos(-1 + (2 * i + 1) / config.cards);
    const theta = Math.sqrt(config.cards * Math.PI) * phi;
    object.position.setFromSphericalCoords(radius, phi, theta);
    outward.copy(object.position).multiplyScalar(2);
    object.lookAt(outward);
    scene.add(object);
  }

  const results = await Promise.all(loads);
  let last = performance.now();
  const frame = (now: number) => {
    scene.rotation.y += (now - last) * TURN_PER_MS;
    last = now;
    renderer.render(scene, camera);
    requestAnimationFrame(frame);
  };
  renderer.render(scene, camera);
  requestAnimationFrame((now) => {
    last = now;
    window.referenceReady = {
      cards: config.cards,
      images: results.length,
      failed: results.filter((ok) => !ok).length,
      loadMs: Math.round(now - started),
    };
    frame(now);
  });
}

void main(window.referenceConfig);
