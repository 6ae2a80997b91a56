/**
 * Server-Sent Events with ids, as the SSE standard resumes them: each `event: next` of a live stream
 * carries `id: <the scenario's version>`, so a client (a browser's EventSource does it by itself)
 * reconnects with `Last-Event-ID: <version>` and the stream sends every change after it first
 * (schema/live.ts reads the header as `afterVersion`).
 *
 * graphql-yoga writes the stream; this plugin only adds the ids. The subscription's resolver records
 * each event's version against the request (recordEventId) as it resolves it; the result stream is
 * wrapped to take that version as each result passes, in order, and the text yoga writes gets an
 * `id:` line in front of each `event: next` block, found by parsing the stream's blocks rather than
 * by trusting how yoga splits its writes.
 */
import { isAsyncIterable, type Plugin } from "graphql-yoga";
import { mapResults } from "../mapResults.ts";

const latestIds = new WeakMap<Request, string>();

/** Called by a subscription's resolver: the event being resolved for this request has this id. */
export function recordEventId(request: Request, id: number): void {
  latestIds.set(request, String(id));
}

/** The id the client last received, from the Last-Event-ID header: a whole number, or null (none, or not one). */
export function lastEventId(request: Request): { given: boolean; version: number | null } {
  const text = request.headers.get("last-event-id")?.trim();
  if (text === undefined || text === "") return { given: false, version: null };
  return { given: true, version: /^\d{1,9}$/.test(text) ? Number(text) : null };
}

/** The results as they pass, each one's id taken in order. */
function takingIds<T>(results: AsyncIterable<T>, request: Request, ids: (string | null)[]): AsyncIterableIterator<T> {
  return mapResults(results, (result) => {
    ids.push(latestIds.get(request) ?? null);
    latestIds.delete(request);
    return result;
  });
}

/** Inserts `id: …` before each `event: next` block of an SSE body, the ids taken in order. */
function withIds(body: ReadableStream<Uint8Array>, ids: (string | null)[], Stream: typeof ReadableStream): ReadableStream<Uint8Array> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let pending = "";
  const blocks = (text: string, controller: ReadableStreamDefaultController<Uint8Array>) => {
    pending += text;
    let end = pending.indexOf("\n\n");
    while (end !== -1) {
      const block = pending.slice(0, end + 2);
      pending = pending.slice(end + 2);
      const id = block.startsWith("event: next\n") ? ids.shift() : null;
      controller.enqueue(encoder.encode(id ? `id: ${id}\n${block}` : block));
      end = pending.indexOf("\n\n");
    }
  };
  const reader = body.getReader();
  // The server notices a client that went away when a write fails (at the latest the 12 s keep-alive);
  // its cancel then ends yoga's stream, and so the subscription.
  return new Stream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        if (pending !== "") controller.enqueue(encoder.encode(pending));
        controller.close();
        return;
      }
      blocks(decoder.decode(value, { stream: true }), controller);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

const wantsEventStream = (request: Request) => (request.headers.get("accept") ?? "").includes("text/event-stream");

/** The yoga plugin; it must come after yoga's own result processors, as user plugins do. */
export function eventIdPlugin(): Plugin {
  return {
    onResultProcess({ request, result, setResult, resultProcessor, setResultProcessor }) {
      if (!isAsyncIterable(result) || !resultProcessor || !wantsEventStream(request)) return;
      const ids: (string | null)[] = [];
      setResult(takingIds(result, request, ids) as typeof result);
      setResultProcessor(async (stream, fetchAPI, mediaType) => {
        const response = await resultProcessor(stream, fetchAPI, mediaType);
        if (!response.body || !(response.headers.get("content-type") ?? "").startsWith("text/event-stream")) return response;
        return new fetchAPI.Response(withIds(response.body, ids, fetchAPI.ReadableStream), { status: response.status, statusText: response.statusText, headers: response.headers });
      }, "text/event-stream");
    },
  };
}
