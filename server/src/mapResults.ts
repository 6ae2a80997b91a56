/**
 * A stream of results mapped one by one, as the yoga plugins that touch every result need. Not an
 * async generator: a generator waiting for the next change cannot be ended until that change comes,
 * so a client that went away would keep its live stream, its subscription and the open-streams
 * gauge until the scenario's next edit. return() here reaches the source at once.
 */
export function mapResults<T, U>(results: AsyncIterable<T>, map: (result: T) => U): AsyncIterableIterator<U> {
  const source = results[Symbol.asyncIterator]();
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      const step = await source.next();
      return step.done ? { done: true, value: undefined } : { done: false, value: map(step.value) };
    },
    async return() {
      await source.return?.();
      return { done: true, value: undefined };
    },
    async throw(error?: unknown) {
      await source.return?.();
      throw error;
    },
  };
}
