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

/** How long one film may take to show its first frame, or to arrive at its middle, before the check counts as failed (retried). */
const DECODE_TIMEOUT_MS = 20_000;
/** Once a film says it has arrived at its middle, how long its picture there may take. */
const MIDDLE_FRAME_MS = 5_000;
/** A picture within this many seconds of the middle counts as the middle (a frame is ~0.04 s). */
const NEAR_S = 1;

/** Why a film failed the check: refused for good (the film is broken), or to be tried again. */
type FilmProblem = { retry: true; why: string } | { retry: false; code: string; why: string };

/**
 * Loads each video of the manifest from storage (through the service worker, as a visitor's film
 * would) in an element that is never shown: its first frame must decode, and it must seek to its
 * middle and show the picture there. A film that cannot do either rejects the pack, named in the
 * staff log; a check that merely took too long fails the run, to be tried again. Skipped without
 * a worker in control, since only the worker serves stored objects.
 */
export async function checkFilmsDecode(manifest: Manifest, signal: AbortSignal): Promise<void> {
  if (!navigator.serviceWorker?.controller) return;
  const films = manifest.files.filter((f) => f.type.startsWith('video/'));
  for (const film of new Map(films.map((f) => [f.sha256, f])).values()) {
    signal.throwIfAborted();
    const problem = await probeFilm(objectUrl(film.sha256), signal);
    signal.throwIfAborted();
    if (problem?.retry) throw new Error(`${film.path} ${problem.why}`);
    if (problem) throw new Rejection(problem.code, `${film.path} ${problem.why}`);
  }
}

/** Plays the part of a visitor's player: first frame, then a seek to the middle and its picture. */
async function probeFilm(url: string, signal: AbortSignal): Promise<FilmProblem | null> {
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  // Ends every wait below at once, when the run is aborted or the probe is done.
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  signal.addEventListener('abort', onAbort);
  const seconds = (ms: number) => `${ms / 1000} s`;
  try {
    video.src = url;
    const first = await until(video, 'loadeddata', DECODE_TIMEOUT_MS, stop.signal);
    if (first === 'error')
      return {
        retry: false,
        code: 'video-undecodable',
        why: `cannot be played on this kiosk (${whyNot(video)})`,
      };
    if (first !== 'ok')
      return {
        retry: true,
        why: `did not show a first frame within ${seconds(DECODE_TIMEOUT_MS)}`,
      };

    const middle = video.duration / 2;
    if (!Number.isFinite(middle) || middle <= 0)
      return {
        retry: false,
        code: 'video-unseekable',
        why: 'has no known length, so a visitor could not move through it (re-encode it with its length written in)',
      };
    const at = `${middle.toFixed(1)} s`;
    // Listened for before the seek: the picture may be presented before 'seeked' is heard.
    const picture = frameNear(video, middle, stop.signal);
    video.currentTime = middle;
    const seeked = await until(video, 'seeked', DECODE_TIMEOUT_MS, stop.signal);
    if (seeked === 'error')
      return {
        retry: false,
        code: 'video-unseekable',
        why: `cannot be played from its middle on this kiosk (at ${at}: ${whyNot(video)})`,
      };
    if (seeked !== 'ok')
      return {
        retry: true,
        why: `did not reach its middle (${at}) within ${seconds(DECODE_TIMEOUT_MS)}`,
      };
    const shown = await Promise.race([picture, delay(MIDDLE_FRAME_MS, stop.signal)]);
    if (shown === 'error')
      return {
        retry: false,
        code: 'video-unseekable',
        why: `cannot be played from its middle on this kiosk (at ${at}: ${whyNot(video)})`,
      };
    if (shown !== 'ok')
      return {
        retry: false,
        code: 'video-unseekable',
        why: `arrives at its middle (${at}) but shows no picture there within ${seconds(MIDDLE_FRAME_MS)}`,
      };
    return null;
  } finally {
    stop.abort();
    signal.removeEventListener('abort', onAbort);
    video.removeAttribute('src');
    video.load(); // lets the decoder go at once
  }
}

type Outcome = 'ok' | 'error' | 'timeout' | 'aborted';

/** Waits for `event` on the video, its media error, `ms`, or `signal`, whichever comes first. */
function until(
  video: HTMLVideoElement,
  event: string,
  ms: number,
  signal: AbortSignal,
): Promise<Outcome> {
  return new Promise((resolve) => {
    const done = new AbortController();
    const end = (outcome: Outcome) => {
      done.abort();
      clearTimeout(timer);
      resolve(outcome);
    };
    const timer = setTimeout(() => end('timeout'), ms);
    video.addEventListener(event, () => end('ok'), { signal: done.signal });
    video.addEventListener('error', () => end('error'), { signal: done.signal });
    signal.addEventListener('abort', () => end('aborted'), { signal: done.signal });
    if (signal.aborted) end('aborted');
  });
}

/**
 * Resolves 'ok' once the video presents a picture within NEAR_S of `time` (a film cut short
 * "arrives" at its middle yet has nothing to show there), 'error' on a media error. Where frames
 * cannot be watched (no requestVideoFrameCallback, or a hidden page, which presents none), a
 * decoded current picture is taken as the answer.
 */
function frameNear(video: HTMLVideoElement, time: number, signal: AbortSignal): Promise<Outcome> {
  const watchable = 'requestVideoFrameCallback' in video && document.visibilityState === 'visible';
  if (!watchable)
    return until(video, 'seeked', DECODE_TIMEOUT_MS, signal).then((o) =>
      o === 'ok' && video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA ? 'timeout' : o,
    );
  return new Promise((resolve) => {
    let handle = 0;
    const done = new AbortController();
    const end = (outcome: Outcome) => {
      done.abort();
      video.cancelVideoFrameCallback(handle);
      resolve(outcome);
    };
    const look: VideoFrameRequestCallback = (_now, frame) => {
      if (Math.abs(frame.mediaTime - time) <= NEAR_S) end('ok');
      else handle = video.requestVideoFrameCallback(look);
    };
    handle = video.requestVideoFrameCallback(look);
    video.addEventListener('error', () => end('error'), { signal: done.signal });
    signal.addEventListener('abort', () => end('aborted'), { signal: done.signal });
  });
}

/** Resolves 'timeout' after `ms` (or 'aborted' with `signal`). */
function delay(ms: number, signal: AbortSignal): Promise<Outcome> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve('aborted');
      },
      { once: true },
    );
  });
}

/** The media error in words (Chromium's message names the stage that failed). */
function whyNot(video: HTMLVideoElement): string {
  return video.error?.message || `media error ${video.error?.code ?? '?'}`;
}
