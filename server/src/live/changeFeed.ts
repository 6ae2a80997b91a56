/**
 * The channel committed changes travel on to live viewers. One server instance keeps it in process;
 * several instances (REDIS_URL set) share it through Redis pub/sub with graphql-yoga's Redis event
 * target, so an edit made on one instance reaches viewers connected to any other.
 *
 * Redis pub/sub delivers at most once, and nothing while Redis is away. The feed therefore also
 * tells every open stream to check the database for changes it may have missed (`onResync`):
 * whenever the connection to Redis is (re)established, and on a steady backstop timer. The streams
 * (scenarioStream.ts) never trust the feed for completeness, only for speed.
 */
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { setMaxListeners } from "node:events";
import { Redis } from "ioredis";
import { encodeScenarioChanged, decodeScenarioChanged, type ScenarioChangedEvent, type ScenarioChangedMessage } from "./scenarioChanged.ts";
import { log } from "../observability/log.ts";

type Listener = (event: ScenarioChangedEvent) => void;

export interface ChangeFeed {
  /** Tells every instance's viewers of the scenario. Never throws; a lost message is caught up from the database. */
  publish(event: ScenarioChangedEvent): void;
  /**
   * Calls `listener` with each change to the scenario. `ready` resolves once changes from every
   * instance reach it (Redis has confirmed the subscription); what was committed before that is
   * for the caller to read from the database.
   */
  listen(scenarioId: string, listener: Listener): { stop(): void; ready: Promise<void> };
  /** Calls `check` when streams should look in the database for missed changes. */
  onResync(check: () => void): () => void;
  /** Ends every stream (`onClose`) and disconnects from Redis. */
  close(): Promise<void>;
  onClose(end: () => void): () => void;
  readonly transport: "in-process" | "redis";
  /** Whether each Redis connection (publish, subscribe) is ready now; none without Redis. For /metrics. */
  redisConnections(): { connection: string; ready: boolean }[];
}

const TOPIC_PREFIX = "ramme:scenarioChanged:";
/** How often open streams check the database even when nothing arrived. */
export const RESYNC_INTERVAL_MS = Number(process.env.RAMME_LIVE_RESYNC_MS ?? 15_000);

interface EventTargetLike {
  addEventListener(topic: string, listener: (event: Event) => void): void;
  removeEventListener(topic: string, listener: (event: Event) => void): void;
  dispatchEvent(event: Event): boolean;
}

export function createChangeFeed(options: { redisUrl?: string | undefined; resyncIntervalMs?: number } = {}): ChangeFeed {
  const resyncChecks = new Set<() => void>();
  const closers = new Set<() => void>();
  const resyncAll = () => {
    for (const check of resyncChecks) check();
  };
  let target: EventTargetLike;
  let redis: { publish: Redis; subscribe: Redis } | null = null;
  let publishFailures = 0;

  if (options.redisUrl) {
    // Both reconnect forever. The subscriber queues its commands while Redis is away (they are
    // SUBSCRIBEs to restore); the publisher does not: a change published meanwhile is dropped at
    // once (and found in the database by every stream when Redis is back) instead of piling up.
    const connect = (role: "publish" | "subscribe") => {
      const client = new Redis(options.redisUrl!, { maxRetriesPerRequest: null, enableOfflineQueue: role === "subscribe" });
      let reported = false;
      client.on("error", (error: Error) => {
        if (!reported) log.error(`Redis (${role}) is unreachable; live updates fall back to database checks until it is back: ${error.message}`);
        reported = true;
      });
      client.on("ready", () => {
        if (reported) log.info(`Redis (${role}) is back.${role === "publish" && publishFailures > 0 ? ` ${publishFailures} changes were not published meanwhile; viewers read them from the database.` : ""}`);
        reported = false;
        if (role === "publish") publishFailures = 0;
      });
      return client;
    };
    redis = { publish: connect("publish"), subscribe: connect("subscribe") };
    // After a reconnect the subscriber client subscribes again by itself; what was published meanwhile is found in the database.
    let firstReady = true;
    redis.subscribe.on("ready", () => {
      if (!firstReady) resyncAll();
      firstReady = false;
    });
    target = createRedisEventTarget({ publishClient: redis.publish, subscribeClient: redis.subscribe });
  } else {
    const inProcess = new EventTarget();
    // Every viewer of a scenario listens on its topic; a hundred viewers are normal, not a leak.
    setMaxListeners(0, inProcess);
    target = inProcess;
  }

  const timer = setInterval(resyncAll, options.resyncIntervalMs ?? RESYNC_INTERVAL_MS);
  timer.unref();
  let closed = false;

  return {
    transport: redis ? "redis" : "in-process",
    redisConnections: () => (redis ? Object.entries(redis).map(([role, client]) => ({ connection: `live_${role}`, ready: client.status === "ready" })) : []),
    publish(event) {
      if (closed) return;
      const topic = TOPIC_PREFIX + event.scenarioId;
      const message = encodeScenarioChanged(event);
      if (redis) {
        // Published here rather than through the event target's dispatchEvent, which drops the
        // promise: a failed publish (Redis away) must be noted, not become an unhandled rejection.
        // The message is the JSON the target's subscriber side parses.
        redis.publish.publish(topic, JSON.stringify(message)).catch(() => {
          publishFailures += 1;
          // This instance's own viewers need not wait for Redis: they read the change from the database now.
          resyncAll();
        });
        return;
      }
      target.dispatchEvent(new CustomEvent(topic, { detail: message }));
    },
    listen(scenarioId, listener) {
      const topic = TOPIC_PREFIX + scenarioId;
      const onEvent = (event: Event) => {
        const message = (event as CustomEvent<ScenarioChangedMessage>).detail;
        // A throw inside an EventTarget listener would surface as an uncaught exception.
        try {
          if (message) listener(decodeScenarioChanged(message));
        } catch (error) {
          log.error({ err: error }, "A live change could not be read (the stream catches up from the database).");
        }
      };
      target.addEventListener(topic, onEvent);
      // The event target subscribes without waiting; Redis answers commands in order, so when this
      // (harmless, repeated) SUBSCRIBE is confirmed, so is the target's.
      const ready = redis ? redis.subscribe.subscribe(topic).then(() => undefined, () => undefined) : Promise.resolve();
      return { stop: () => target.removeEventListener(topic, onEvent), ready };
    },
    onResync(check) {
      resyncChecks.add(check);
      return () => resyncChecks.delete(check);
    },
    onClose(end) {
      closers.add(end);
      return () => closers.delete(end);
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      for (const end of [...closers]) end();
      if (redis) await Promise.all([redis.publish.quit().catch(() => undefined), redis.subscribe.quit().catch(() => undefined)]);
    },
  };
}

let feed: ChangeFeed | null = null;

/** The process's feed: through Redis when REDIS_URL is set, in process otherwise. */
export function changeFeed(): ChangeFeed {
  feed ??= createChangeFeed({ redisUrl: process.env.REDIS_URL || undefined });
  return feed;
}

export async function closeChangeFeed(): Promise<void> {
  await feed?.close();
}
