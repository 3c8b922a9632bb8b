/** Where a feed is read from (web server, USB folder, zip), and the network one with deadlines. */

/** One feed file opened for reading: its body as a stream, and its length when known. */
export interface FeedFile {
  body: ReadableStream<Uint8Array>;
  size: number | null;
}

/**
 * A feed folder, wherever it lives. Every stage of a sync run reads through this, so a USB stick,
 * a zip and the hall's web server are verified by exactly the same code.
 */
export interface FeedSource {
  /** For staff: "the feed at /feed/", "the folder feed on the USB stick". */
  readonly label: string;
  /** Whether failures are worth retrying later on their own (a network is; a USB stick is not). */
  readonly remote: boolean;
  /**
   * Opens `path` (e.g. `index.json`, `objects/<sha>`). Resolves null when the file does not exist;
   * rejects with a `SourceError` when it cannot be read. `expectBytes` sizes the time budget.
   */
  open(path: string, signal: AbortSignal, expectBytes: number): Promise<FeedFile | null>;
}

/** A feed file that could not be read; `transient` problems are retried on the next check. */
export class SourceError extends Error {
  constructor(
    readonly code: 'unreachable' | 'timeout' | 'stalled' | 'http' | 'unreadable',
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
    this.name = 'SourceError';
  }
}

/** How long the network may take before a request is given up (then retried on a later check). */
export interface Deadlines {
  /** From the request to the response headers. */
  firstByteMs: number;
  /** Longest silence between two chunks of a body. */
  stallMs: number;
  /**
   * Slowest acceptable average: a request's whole budget is `firstByteMs + stallMs + bytes / this`, so a
   * server that drips a byte a second is given up too, not only one that falls silent.
   */
  minBytesPerSecond: number;
}

export const DEFAULT_DEADLINES: Deadlines = {
  firstByteMs: 20_000,
  stallMs: 30_000,
  minBytesPerSecond: 16 * 1024,
};

/** The feed on a web server (normally the kiosk's own origin at `/feed/`). */
export function httpSource(
  feedUrl: string,
  deadlines: Deadlines = DEFAULT_DEADLINES,
  fetchImpl: typeof fetch = (...a) => fetch(...a),
): FeedSource {
  return {
    label: `the feed at ${feedUrl}`,
    remote: true,
    async open(path, signal, expectBytes) {
      const url = `${feedUrl}${path}`;
      // Never shorter than the first-byte and stall deadlines, so those name the fault when it is theirs.
      const budgetMs = Math.round(
        deadlines.firstByteMs +
          deadlines.stallMs +
          (1000 * Math.max(0, expectBytes)) / deadlines.minBytesPerSecond,
      );
      const guard = new RequestGuard(signal, budgetMs, url);
      guard.arm(
        deadlines.firstByteMs,
        'timeout',
        `${url} did not answer within ${seconds(deadlines.firstByteMs)}`,
      );
      let response: Response;
      try {
        response = await fetchImpl(url, { cache: 'no-store', signal: guard.signal });
      } catch (e) {
        guard.done();
        if (signal.aborted) throw e;
        throw (
          guard.fault ??
          new SourceError('unreachable', `${url} cannot be reached (${unreachableHint(url)})`, true)
        );
      }
      if (response.status === 404) {
        guard.done();
        void response.body?.cancel().catch(() => {});
        return null;
      }
      if (!response.ok || !response.body) {
        guard.done();
        void response.body?.cancel().catch(() => {});
        throw new SourceError('http', `${url} answered HTTP ${response.status}`, true);
      }
      const length = Number(response.headers.get('content-length'));
      return {
        body: guard.watch(response.body, deadlines.stallMs),
        size: Number.isFinite(length) && length > 0 ? length : null,
      };
    },
  };
}

/**
 * Why a fetch may fail with no answer at all. A feed on another origin that this page may not read
 * (the app's Content-Security-Policy leaves it out of connect-src, or its server sends no
 * Access-Control-Allow-Origin) fails exactly like a dead network, so both are named.
 */
function unreachableHint(url: string): string {
  const here = globalThis.location?.origin;
  let there: string | undefined;
  try {
    there = new URL(url, globalThis.location?.href).origin;
  } catch {
    there = undefined;
  }
  if (here && there && there !== here)
    return `offline, or not allowed: ${there} is another origin, so the app's Content-Security-Policy (connect-src) and that server (Access-Control-Allow-Origin) must both let pages from ${here} read it`;
  return 'offline?';
}

/**
 * One request's deadlines: a timer that aborts it (first byte, then each stall), and an overall
 * budget. Whatever fires first is remembered so the error says which deadline passed.
 */
class RequestGuard {
  readonly #abort = new AbortController();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #budget: ReturnType<typeof setTimeout>;
  fault: SourceError | null = null;
  readonly signal: AbortSignal;

  constructor(
    outer: AbortSignal,
    budgetMs: number,
    private readonly url: string,
  ) {
    this.signal = AbortSignal.any([outer, this.#abort.signal]);
    this.#budget = setTimeout(
      () =>
        this.#fire(
          'timeout',
          `${url} was still not complete after ${seconds(budgetMs)} (too slow)`,
        ),
      Math.min(2 ** 31 - 1, budgetMs),
    );
  }

  arm(ms: number, code: 'timeout' | 'stalled', message: string): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#fire(code, message), ms);
  }

  #fire(code: 'timeout' | 'stalled', message: string): void {
    this.fault ??= new SourceError(code, message, true);
    this.#abort.abort(this.fault);
  }

  done(): void {
    clearTimeout(this.#timer);
    clearTimeout(this.#budget);
  }

  /** Passes the body through, re-arming the stall timer at every chunk; errors name the deadline. */
  watch(body: ReadableStream<Uint8Array>, stallMs: number): ReadableStream<Uint8Array> {
    const reader = body.getReader();
    const stalled = `${this.url} stopped sending for ${seconds(stallMs)}`;
    let received = 0;
    return new ReadableStream<Uint8Array>({
      start: () => this.arm(stallMs, 'stalled', stalled),
      pull: async (controller) => {
        try {
          const { done, value } = await reader.read();
          if (done) {
            this.done();
            controller.close();
            return;
          }
          received += value.length;
          this.arm(stallMs, 'stalled', stalled);
          controller.enqueue(value);
        } catch (e) {
          this.done();
          controller.error(
            this.fault ??
              (this.signal.aborted && !this.#abort.signal.aborted
                ? e
                : new SourceError(
                    'unreachable',
                    `connection to ${this.url} lost after ${received} bytes`,
                    true,
                  )),
          );
        }
      },
      cancel: (reason) => {
        this.done();
        return reader.cancel(reason);
      },
    });
  }
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms)} ms`;
}
