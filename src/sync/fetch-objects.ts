/** Stage 3 of a sync run: every object the pack lacks, streamed from the source through its check into storage. */
import type { ManifestFile } from '../feed/format';
import { SourceError, type FeedSource } from './feed-source';
import { ObjectError, verifyingStream } from './verify-object';

/** Where verified objects go (Cache Storage in the kiosk). */
export interface ObjectSink {
  has(sha256: string): Promise<boolean>;
  /** Stores the stream; rejects (storing nothing) when the stream errors. */
  put(sha256: string, body: ReadableStream<Uint8Array>, size: number, type: string): Promise<void>;
}

/** An object that could not be had this run; `reason` is a whole sentence naming the path. */
export interface ObjectProblem {
  path: string;
  reason: string;
}

/** Thrown when storage is full: the run stops at once and keeps what is live. */
export class StorageFull extends Error {
  constructor(cause: unknown) {
    super('storage is full; the download stopped and what is live stays live', { cause });
    this.name = 'StorageFull';
  }
}

/**
 * Fetches `files`, a few at a time. An object that is missing, cut or wrong at the source (staff may
 * still be copying the feed) is noted and the others go on, so everything that verifies is kept
 * for the next run; a connection problem stops the run (the next objects would meet it too).
 */
export async function fetchObjects(
  source: FeedSource,
  files: ManifestFile[],
  sink: ObjectSink,
  outer: AbortSignal,
  onBytes: (n: number) => void,
  onFile: () => void,
): Promise<ObjectProblem[]> {
  const problems: ObjectProblem[] = [];
  // A few at a time: a pack of thousands of small portraits is bound by round trips, not bytes.
  // The first connection problem stops the others too (they would meet it as well).
  const stop = new AbortController();
  const signal = AbortSignal.any([outer, stop.signal]);
  let fatal: unknown = null;
  let next = 0;
  const worker = async () => {
    while (next < files.length && fatal === null) {
      const f = files[next++]!;
      try {
        const problem = await fetchOne(source, f, sink, signal, onBytes);
        if (problem) problems.push(problem);
        else onFile();
      } catch (e) {
        if (outer.aborted) throw e;
        if (fatal === null) {
          fatal = e;
          stop.abort(e);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
  outer.throwIfAborted();
  if (fatal !== null) throw fatal;
  return problems;
}

/** Objects fetched at once. */
const CONCURRENCY = 4;

/** One object through its check into the sink; a problem of this object alone is returned, not thrown. */
async function fetchOne(
  source: FeedSource,
  f: ManifestFile,
  sink: ObjectSink,
  signal: AbortSignal,
  onBytes: (n: number) => void,
): Promise<ObjectProblem | null> {
  let counted = 0;
  // Storage reports a failed body in its own words; the stream's own error says what happened.
  let streamError: unknown = null;
  try {
    const file = await source.open(`objects/${f.sha256}`, signal, f.size);
    if (!file)
      return {
        path: f.path,
        reason: `${f.path} is not in the feed yet (objects/${f.sha256.slice(0, 12)}…)`,
      };
    const checked = file.body.pipeThrough(
      verifyingStream(f.sha256, f.size, f.path, (n) => {
        counted += n;
        onBytes(n);
      }),
      { signal },
    );
    await sink.put(
      f.sha256,
      watched(checked, (e) => (streamError = e)),
      f.size,
      f.type,
    );
    return null;
  } catch (caught) {
    const e = streamError ?? caught;
    if (counted) onBytes(-counted); // what was not kept is not progress
    if (signal.aborted) throw e;
    if ((e as DOMException | null)?.name === 'QuotaExceededError') throw new StorageFull(e);
    const cause = findCause(e);
    if (cause instanceof ObjectError) return { path: f.path, reason: cause.message };
    if (cause instanceof SourceError && cause.code === 'http')
      return { path: f.path, reason: `${f.path}: ${cause.message}` };
    throw cause;
  }
}

/** The same stream, telling `onError` why it failed if it does. */
function watched(
  stream: ReadableStream<Uint8Array>,
  onError: (e: unknown) => void,
): ReadableStream<Uint8Array> {
  const reader = stream.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (e) {
        onError(e);
        controller.error(e);
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

/** The error that explains a failed put: ours from inside the stream when there is one. */
function findCause(e: unknown): unknown {
  let at = e;
  for (let i = 0; i < 4 && at; i++) {
    if (at instanceof ObjectError || at instanceof SourceError) return at;
    at = (at as { cause?: unknown }).cause;
  }
  return e;
}
