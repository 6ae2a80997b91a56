/**
 * Keeps a scenario view live: subscribes to `scenarioChanged` and hands each change to the view, in
 * version order. When the stream ends, fails or goes silent (a server restart, lost network, a
 * laptop lid), it connects again after 1, 2, 5, then every 10 s — at once when the browser comes
 * back online — asking for every change after the version the view holds, so nothing is missed.
 *
 * The stream is the app's urql client's (fetchSubscriptions: its fetchExchange reads graphql-yoga's
 * Server-Sent Events itself, so no SSE library). urql reports results, not the connection, so the
 * operation gets a `fetch` of its own that watches the bytes: yoga opens every stream with a comment
 * line (connected) and repeats it every 12 s (a longer silence means a dead connection).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { useClient } from "urql";
import type { ResultOf } from "../../graphql.ts";
import type { ScenarioChange } from "./liveChanges.ts";
import { ScenarioChanged } from "./scenarioChanged.ts";

type Delivery = ResultOf<typeof ScenarioChanged>["scenarioChanged"];

export type LiveStatus = "connecting" | "live" | "reconnecting";

/** The waits before the first, second, third… reconnect; the last one repeats. */
export const RECONNECT_DELAYS_MS = [1_000, 2_000, 5_000, 10_000] as const;
/** graphql-yoga sends a keep-alive every 12 s; this long without a byte, the connection is dead. */
const SILENCE_MS = 30_000;

export interface LiveHandlers {
  /** The version the view shows: the stream starts after it, and so does every reconnect. */
  heldVersion(): number;
  onChange(change: ScenarioChange): void;
  /** The server refused the stream (it does not know the version held): load the scenario again. */
  onRefused(): void;
}

export function useScenarioLive(scenarioKey: string, enabled: boolean, handlers: LiveHandlers): { status: LiveStatus; restart: () => void } {
  const client = useClient();
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });
  const restartRef = useRef(() => {});

  useEffect(() => {
    if (!enabled) return;
    let closed = false;
    let attempt = 0;
    /** Counts connections, so that a late byte or result of a dropped one changes nothing. */
    let connection = 0;
    let stream: { unsubscribe(): void } | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let lastByteAt = Date.now();

    const drop = () => {
      connection += 1;
      stream?.unsubscribe();
      stream = null;
      clearTimeout(retry);
    };
    const reconnectLater = () => {
      drop();
      if (closed) return;
      setStatus("reconnecting");
      // Offline, every try would fail at once: the "online" event connects instead.
      if (!navigator.onLine) return;
      retry = setTimeout(connect, RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)]);
      attempt += 1;
    };
    const connect = () => {
      drop();
      if (closed) return;
      if (!navigator.onLine) {
        setStatus("reconnecting");
        return;
      }
      const mine = connection;
      const current = () => !closed && mine === connection;
      lastByteAt = Date.now();
      const watchedFetch: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        const isStream = response.ok && /text\/event-stream/i.test(response.headers.get("content-type") ?? "");
        if (!isStream || !response.body || !current()) return response;
        attempt = 0;
        setStatus("live");
        const watched = response.body.pipeThrough(
          new TransformStream<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              if (current()) lastByteAt = Date.now();
              controller.enqueue(chunk);
            },
          }),
        );
        return new Response(watched, { status: response.status, statusText: response.statusText, headers: response.headers });
      };
      let last: Delivery | null = null;
      const subscription = client
        .subscription(ScenarioChanged, { id: scenarioKey, after: handlersRef.current.heldVersion() }, { fetch: watchedFetch })
        .subscribe((result) => {
          if (!current()) return;
          const delivery = result.data?.scenarioChanged ?? null;
          // The result that ends a stream repeats the last delivery.
          if (delivery && delivery !== last) {
            last = delivery;
            if (delivery.__typename === "ScenarioChangedEvent") handlersRef.current.onChange(delivery);
            else handlersRef.current.onRefused();
          }
          if (result.error || !result.hasNext) reconnectLater();
        });
      if (current()) stream = subscription;
      else subscription.unsubscribe();
    };

    const watchdog = setInterval(() => {
      if (stream && Date.now() - lastByteAt > SILENCE_MS) reconnectLater();
    }, 5_000);
    const onOffline = () => reconnectLater();
    const onOnline = () => {
      if (stream) return;
      attempt = 0;
      connect();
    };
    window.addEventListener("offline", onOffline);
    window.addEventListener("online", onOnline);
    restartRef.current = () => {
      attempt = 0;
      connect();
    };
    connect();
    return () => {
      closed = true;
      drop();
      clearInterval(watchdog);
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("online", onOnline);
      restartRef.current = () => {};
    };
  }, [client, scenarioKey, enabled]);

  const restart = useCallback(() => restartRef.current(), []);
  return { status, restart };
}
