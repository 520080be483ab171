/** The part of a writable stream {@link writeChunks} uses (`process.stdout`, a file stream, a PassThrough). */
export interface ChunkSink {
  write(chunk: string): boolean;
  once(event: 'drain' | 'close', listener: () => void): unknown;
  once(event: 'error', listener: (error: Error) => void): unknown;
  removeListener(event: 'drain' | 'close' | 'error', listener: (...args: never[]) => void): unknown;
  readonly destroyed?: boolean;
}

/**
 * Writes `chunks` to `stream` in order, one `write` each (UTF-8), honouring back-pressure: when
 * `write` returns false, waits for `drain` before the next chunk, so a slow reader (a pipe into
 * another program) never makes the whole text pile up in memory. Resolves once every chunk was
 * handed to the stream (not necessarily flushed). Does not end the stream.
 * @throws the stream's error when it fails while a `drain` is awaited; an Error when the stream is
 *   destroyed or closes before taking every chunk. (On the process's stdout, a closed pipe is
 *   handled before that by main.ts's `prepareProcess`, which ends the process quietly.)
 * Errors thrown while producing the chunks (a circular structure in the JSON) propagate.
 */
export async function writeChunks(stream: ChunkSink, chunks: Iterable<string> | AsyncIterable<string>): Promise<void> {
  for await (const chunk of chunks) {
    if (chunk.length === 0) continue;
    if (stream.destroyed) throw new Error('The output stream was closed before all the text was written.');
    if (!stream.write(chunk)) await drained(stream);
  }
}

/** Resolves on the stream's next `drain`; rejects on `error` or `close` (whichever comes first). */
function drained(stream: ChunkSink): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const settle = (): void => {
      stream.removeListener('drain', onDrain);
      stream.removeListener('error', onError);
      stream.removeListener('close', onClose);
    };
    const onDrain = (): void => {
      settle();
      resolve();
    };
    const onError = (error: Error): void => {
      settle();
      reject(error);
    };
    const onClose = (): void => {
      settle();
      reject(new Error('The output stream was closed before all the text was written.'));
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
    stream.once('close', onClose);
  });
}
