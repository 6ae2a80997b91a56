/**
 * A stream of results mapped one by one, as the yoga plugins that touch every result need. Not an
 * async generator: a generator waiting for the next change cannot be ended until that change comes,
 * so a client that went away would keep its live stream, its subscription and the open-streams
 * gauge until the scenario's next edit. return() here reaches the source at once.
 */
export function mapResults<T, U>(results: AsyncIterable<T>, map: (result: T) => U): AsyncIterableIterator<U> {
  return mapResultsUntil(results, map);
}

/** What a map returns to end the stream there (and stop its source). */
export const END_OF_STREAM: unique symbol = Symbol("end of stream");

/** As mapResults, with a map that may wait, or end the stream by returning END_OF_STREAM. */
export function mapResultsUntil<T, U>(
  results: AsyncIterable<T>,
  map: (result: T) => U | typeof END_OF_STREAM | Promise<U | typeof END_OF_STREAM>,
): AsyncIterableIterator<U> {
  const source = results[Symbol.asyncIterator]();
  const end = async (): Promise<IteratorResult<U>> => {
    await source.return?.();
    return { done: true, value: undefined };
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      const step = await source.next();
      if (step.done) return { done: true, value: undefined };
      const value = await map(step.value);
      return value === END_OF_STREAM ? end() : { done: false, value };
    },
    return: end,
    async throw(error?: unknown) {
      await source.return?.();
      throw error;
    },
  };
}
