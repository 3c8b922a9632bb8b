/** A stream passed on chunk by chunk with its errors renamed and optional checks, for feed sources. */

/**
 * `stream` relayed as it is read (pulled only as fast as its reader reads, so nothing piles up),
 * its errors replaced by `rename(e)` (a sentence for staff instead of a bare DOMException), and
 * `onChunk` / `onEnd` able to fail it with their own error. A failure cancels the source.
 */
export function relayStream(
  stream: ReadableStream<Uint8Array>,
  rename: (e: unknown) => Error,
  onChunk: (chunk: Uint8Array) => Error | null = () => null,
  onEnd: () => Error | null = () => null,
): ReadableStream<Uint8Array> {
  const reader = stream.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch (e) {
        controller.error(rename(e));
        return;
      }
      const problem = result.done ? onEnd() : onChunk(result.value);
      if (problem) {
        controller.error(problem);
        reader.cancel(problem).catch(() => {});
      } else if (result.done) controller.close();
      else controller.enqueue(result.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

/** An error in a few words: its message, else its name. */
export function describeError(e: unknown): string {
  return e instanceof Error ? e.message || e.name : String(e);
}
