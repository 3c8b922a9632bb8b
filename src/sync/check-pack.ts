/** Stage 4 of a sync run: the stored pack is whole, its content valid, and its films decode here. */
import type { Manifest } from '../feed/format';
import { objectUrl } from '../feed/object-keys';
import { checkPackContent } from '../content/pack-check';
import { hasObject, readObject } from '../storage/objects';
import { Rejection } from './rejection';

/** Everything the pack needs is in storage and its content passes the schema. */
export async function checkStoredPack(manifest: Manifest): Promise<void> {
  for (const f of manifest.files)
    if (!(await hasObject(f.sha256)))
      throw new Error(`${f.path} vanished from storage before activation`);
  const bytes = await readObject(manifest.content);
  if (!bytes) throw new Error('content.json vanished from storage before activation');
  const { problems } = checkPackContent(bytes, manifest);
  if (problems.length) throw new Rejection('content-invalid', problems.slice(0, 5).join('; '));
}

/** How long one film may take to show its first frame before the check counts as failed (retried). */
const DECODE_TIMEOUT_MS = 20_000;

/**
 * Loads each video of the manifest from storage (through the service worker, as a visitor's film
 * would) until its first frame decodes. A film this browser cannot decode rejects the pack; a
 * check that merely took too long fails the run, to be tried again. Skipped without a worker
 * in control, since only the worker serves stored objects.
 */
export async function checkFilmsDecode(manifest: Manifest, signal: AbortSignal): Promise<void> {
  if (!navigator.serviceWorker?.controller) return;
  const films = manifest.files.filter((f) => f.type.startsWith('video/'));
  for (const film of new Map(films.map((f) => [f.sha256, f])).values()) {
    signal.throwIfAborted();
    const problem = await firstFrame(objectUrl(film.sha256), signal);
    if (problem === 'timeout')
      throw new Error(
        `${film.path} did not show a first frame within ${DECODE_TIMEOUT_MS / 1000} s`,
      );
    if (problem)
      throw new Rejection(
        'video-undecodable',
        `${film.path} cannot be played on this kiosk (${problem})`,
      );
  }
}

/** Resolves null once the first frame is decoded, else why not. */
function firstFrame(url: string, signal: AbortSignal): Promise<string | null> {
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  return new Promise<string | null>((resolve) => {
    const finish = (answer: string | null) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      video.removeAttribute('src');
      video.load(); // lets the decoder go at once
      resolve(answer);
    };
    const onAbort = () => finish('aborted');
    const timer = setTimeout(() => finish('timeout'), DECODE_TIMEOUT_MS);
    signal.addEventListener('abort', onAbort);
    video.addEventListener('loadeddata', () => finish(null), { once: true });
    video.addEventListener(
      'error',
      () => finish(video.error?.message || `media error ${video.error?.code ?? '?'}`),
      { once: true },
    );
    video.src = url;
  });
}
