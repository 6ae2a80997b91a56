/**
 * A GraphQL subscription over Server-Sent Events, read the way a browser's client reads it: POST
 * with Accept: text/event-stream, then `event: next` / `data: {…}` blocks until `event: complete`.
 * Works with a real server (global fetch) and in process (yoga.fetch).
 */
import { documentText, type TypedDocument, type Untyped } from "./documents.ts";

export interface SubscriptionResult<TData> {
  data?: TData | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export interface Subscription<TData = Untyped> {
  /** The next result; rejects when the stream ends first or nothing arrives within `timeoutMs`. */
  next(timeoutMs?: number): Promise<SubscriptionResult<TData>>;
  /** The `id:` of the result next() returned last, as a browser's EventSource keeps it for Last-Event-ID; null without one. */
  lastEventId(): string | null;
  /** Whether the server completed the stream (all results read). */
  completed(timeoutMs?: number): Promise<boolean>;
  /** Drops the connection, as a closed laptop lid or a lost network would. */
  close(): void;
}

type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Opens a subscription: a typed document's results are typed by it; a string or a persisted body
 * (`{ persisted: body }`, as the web client sends one: support/persistedOperations.ts) gives `Untyped`.
 */
export async function subscribe<TData, TVariables>(fetchFn: FetchLike, url: string, query: TypedDocument<TData, TVariables>, variables?: TVariables, headers?: Record<string, string>): Promise<Subscription<TData>>;
export async function subscribe(fetchFn: FetchLike, url: string, query: string | { persisted: Record<string, unknown> }, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<Subscription<Untyped>>;
export async function subscribe(
  fetchFn: FetchLike,
  url: string,
  query: string | TypedDocument<unknown, unknown> | { persisted: Record<string, unknown> },
  variables: unknown = {},
  headers: Record<string, string> = {},
): Promise<Subscription<unknown>> {
  const abort = new AbortController();
  const response = await fetchFn(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream", ...headers },
    // `{ persisted: body }`: the body as the web client sends a persisted operation (support/persistedOperations.ts).
    body: JSON.stringify(typeof query === "object" && "persisted" in query ? query.persisted : { query: documentText(query), variables }),
    signal: abort.signal,
  });
  if (!response.ok || !response.body) throw new Error(`subscription refused: HTTP ${response.status} ${await response.text()}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const results: SubscriptionResult<unknown>[] = [];
  const ids: (string | null)[] = [];
  let lastId: string | null = null;
  const waiting: Array<() => void> = [];
  let ended = false;
  let complete = false;
  let failure: Error | null = null;
  const wake = () => waiting.splice(0).forEach((resolve) => resolve());

  void (async () => {
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split("\n");
          const event = lines.find((line) => line.startsWith("event:"))?.slice(6).trim();
          const data = lines.filter((line) => line.startsWith("data:")).map((line) => line.slice(5).trim()).join("\n");
          const id = lines.find((line) => line.startsWith("id:"))?.slice(3).trim() ?? null;
          if (event === "complete") complete = true;
          else if (data) {
            results.push(JSON.parse(data));
            ids.push(id);
          }
          wake();
        }
      }
    } catch (error) {
      if (!abort.signal.aborted) failure = error as Error;
    } finally {
      ended = true;
      wake();
    }
  })();

  const until = async (ready: () => boolean, timeoutMs: number, what: string) => {
    const deadline = Date.now() + timeoutMs;
    while (!ready()) {
      if (failure) throw failure;
      if (ended) return false;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${what} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiting.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return true;
  };

  return {
    async next(timeoutMs = 10_000) {
      const arrived = await until(() => results.length > 0, timeoutMs, "subscription result");
      if (!arrived && results.length === 0) throw new Error(complete ? "the stream completed" : "the stream ended");
      lastId = ids.shift() ?? null;
      return results.shift()!;
    },
    lastEventId() {
      return lastId;
    },
    async completed(timeoutMs = 10_000) {
      await until(() => complete || ended, timeoutMs, "end of stream");
      return complete;
    },
    close() {
      abort.abort();
    },
  };
}
