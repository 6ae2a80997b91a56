/**
 * GET /metrics in Prometheus' text format (prom-client), for an operator running several instances:
 * each instance reports its own; Prometheus adds an `instance` label when it scrapes.
 *
 * RAMME_METRICS: `local` (the default) answers only callers on this machine (a loopback address, no
 * X-Forwarded-For: a request a proxy passed on is not local); `on` answers anyone who can reach the
 * port; `off` answers 404. RAMME_METRICS_TOKEN, when set, is also required as `Authorization: Bearer
 * <token>`. The metric names and what to alert on: docs/operations.md.
 */
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { databaseUse, onQuery } from "../db.ts";
import { changeFeed } from "../live/changeFeed.ts";
import { rateLimitRedis } from "../rateLimit.ts";

export const registry = new Registry();
// Process memory, CPU, event loop lag, heap and GC: `process_*` and `nodejs_*`.
collectDefaultMetrics({ register: registry });

export const graphqlRequests = new Counter({
  name: "ramme_graphql_requests_total",
  help: "GraphQL requests by operation name and outcome (ok, error: the answer has GraphQL errors, rate_limited).",
  labelNames: ["operation", "outcome"] as const,
  registers: [registry],
});
export const graphqlDuration = new Histogram({
  name: "ramme_graphql_request_duration_seconds",
  help: "Time from a GraphQL request's arrival to its answer's start, by operation name and outcome.",
  labelNames: ["operation", "outcome"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});
export const graphqlErrors = new Counter({
  name: "ramme_graphql_errors_total",
  help: "GraphQL errors in answers by extensions.code (INTERNAL_SERVER_ERROR: an unexpected error, masked).",
  labelNames: ["code"] as const,
  registers: [registry],
});
export const rateLimitRefusals = new Counter({
  name: "ramme_rate_limit_refusals_total",
  help: "Requests refused with 429 RATE_LIMITED.",
  registers: [registry],
});
export const liveStreams = new Gauge({
  name: "ramme_live_streams_open",
  help: "Live streams (GraphQL subscriptions) open on this instance.",
  registers: [registry],
});

const databaseQueries = new Histogram({
  name: "ramme_db_query_duration_seconds",
  help: "Database statements' time as Prisma reports it.",
  buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [registry],
});
onQuery((event) => databaseQueries.observe(Number(event.duration) / 1000));

new Gauge({
  name: "ramme_db_write_queue_depth",
  help: "Write transactions asked for and not finished (on SQLite queued behind one another; on PostgreSQL running).",
  registers: [registry],
  collect() {
    this.set(databaseUse().pendingWrites);
  },
});
new Gauge({
  name: "ramme_db_pool_connections",
  help: "PostgreSQL connection pools by client (read, write) and state: total, idle, and waiting (requests waiting for a connection).",
  labelNames: ["client", "state"] as const,
  registers: [registry],
  collect() {
    for (const { client, total, idle, waiting } of databaseUse().pools) {
      this.set({ client, state: "total" }, total);
      this.set({ client, state: "idle" }, idle);
      this.set({ client, state: "waiting" }, waiting);
    }
  },
});
new Gauge({
  name: "ramme_redis_up",
  help: "1 while a Redis connection is ready, 0 while it is not, by connection (live_publish, live_subscribe, rate_limits); absent without REDIS_URL.",
  labelNames: ["connection"] as const,
  registers: [registry],
  collect() {
    const connections = changeFeed().redisConnections();
    const limiter = rateLimitRedis();
    if (limiter) connections.push({ connection: "rate_limits", ready: limiter.status === "ready" });
    for (const { connection, ready } of connections) this.set({ connection }, ready ? 1 : 0);
  },
});

export type MetricsAccess = "local" | "on" | "off";

export function metricsAccessFrom(value: string | undefined): MetricsAccess {
  const access = (value?.trim() || "local").toLowerCase();
  if (access !== "local" && access !== "on" && access !== "off") throw new Error(`RAMME_METRICS must be local, on or off, got ${JSON.stringify(value)}`);
  return access;
}

const access = metricsAccessFrom(process.env.RAMME_METRICS);
const token = process.env.RAMME_METRICS_TOKEN?.trim() || undefined;

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;
const isLocal = (request: IncomingMessage) => LOOPBACK.test(request.socket.remoteAddress ?? "") && request.headers["x-forwarded-for"] === undefined;

function hasToken(request: IncomingMessage): boolean {
  if (!token) return true;
  const given = Buffer.from(/^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1] ?? "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const isMetricsPath = (request: IncomingMessage) => (request.url ?? "").split("?")[0] === "/metrics";

/** Answers GET /metrics as RAMME_METRICS and RAMME_METRICS_TOKEN allow. */
export async function answerMetrics(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const refuse = (status: number, text: string) => {
    response.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
    response.end(text);
  };
  if (access === "off") return refuse(404, "Not found");
  if (access === "local" && !isLocal(request)) return refuse(403, "Metrics are served to this machine only (RAMME_METRICS=local).");
  if (!hasToken(request)) {
    response.setHeader("www-authenticate", 'Bearer realm="metrics"');
    return refuse(401, "Metrics need RAMME_METRICS_TOKEN as a Bearer token.");
  }
  response.writeHead(200, { "content-type": registry.contentType, "cache-control": "no-store" });
  response.end(await registry.metrics());
}
