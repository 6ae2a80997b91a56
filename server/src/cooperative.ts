/**
 * Taking turns on the event loop (issue 15): one request's long work (a lineage of eleven
 * 5,000-line scenarios, a comparison, a 100,000-item answer) runs in slices of about SLICE_MS, and
 * between slices the loop answers everyone else (`/healthz`, `/readyz`, other callers) and fires
 * timers (the execution budget's). Every caller shares one clock: the slice started when the loop
 * last came back to us, so two large requests together hold it no longer than one.
 *
 * `pace()` is cheap when the slice is not spent (a clock read); loops call it every item or every few
 * hundred, and await it only when it returns a promise. It also throws the operation's abort reason
 * (the time budget or the response cap, executionBudget.ts) once that has fired, so work that
 * is no longer wanted stops at its next turn instead of running to its end.
 */

/** CPU time one slice may take before the loop is let go (on a loaded 2-core machine a slice's wall time is a few times this). */
export const SLICE_MS = 25;

let sliceStart = performance.now();
let turn: Promise<void> | null = null;

/** The next turn: once the loop has been round (I/O polled, timers fired), a new slice starts. */
export function nextTurn(): Promise<void> {
  turn ??= new Promise<void>((resolve) =>
    setImmediate(() => {
      turn = null;
      sliceStart = performance.now();
      resolve();
    }),
  );
  return turn;
}

/** Whether the current slice is spent. */
export function sliceSpent(): boolean {
  return performance.now() - sliceStart >= SLICE_MS;
}

/**
 * Undefined while the slice lasts; else a promise of the next turn (await it). Throws (or rejects
 * with) `signal`'s reason once it is aborted.
 */
export function pace(signal?: AbortSignal | null): Promise<void> | undefined {
  signal?.throwIfAborted();
  if (!sliceSpent()) return undefined;
  return nextTurn().then(() => signal?.throwIfAborted());
}

/** `await paceEvery(index, signal)` in a loop: a turn check every 256 items. */
export function paceEvery(index: number, signal?: AbortSignal | null): Promise<void> | undefined {
  return (index & 255) === 0 ? pace(signal) : undefined;
}

/**
 * The root value of an operation the execution budget runs: it carries the operation's signal to
 * resolvers where the executor does not put it on their info (graphql-jit's compiled queries, yoga.ts).
 */
export class OperationRoot {
  constructor(readonly signal: AbortSignal) {}
}

/**
 * The operation's abort signal (the time budget and the response cap abort it): graphql-tools'
 * executor puts it on a resolver's info; under graphql-jit it comes with the root value.
 */
export function signalOf(info: unknown): AbortSignal | undefined {
  const given = info as { signal?: AbortSignal; rootValue?: unknown } | null;
  if (given?.signal) return given.signal;
  return given?.rootValue instanceof OperationRoot ? given.rootValue.signal : undefined;
}
