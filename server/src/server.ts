/**
 * Starts Ramme on one port: GraphQL at /graphql, the built web client at /, health checks at
 * /healthz and /readyz, Prometheus metrics at /metrics (observability/metrics.ts).
 * Seeds the documents' data first (a no-op when the database already holds it).
 */
import { existsSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import path from "node:path";
import sirv from "sirv";
import { configureDatabase, db, disconnectDatabase } from "./db.ts";
import { repoRoot } from "./db/databaseUrl.ts";
import { answerHealth, healthPathOf } from "./health.ts";
import { changeFeed, closeChangeFeed } from "./live/changeFeed.ts";
import { log } from "./observability/log.ts";
import { answerMetrics, isMetricsPath } from "./observability/metrics.ts";
import { seedDatabase } from "./seed/seedDatabase.ts";
import { hardeningConfigFrom, securityHeaders } from "./hardening.ts";
import { closeRateLimitStore } from "./rateLimit.ts";
import { createRammeYoga } from "./yoga.ts";

const port = Number(process.env.PORT ?? 4000);
const host = process.env.HOST ?? "127.0.0.1";
const hardening = hardeningConfigFrom(process.env, host);
const yoga = createRammeYoga({ hardening });
const clientDirectory = path.join(repoRoot, "client", "dist");

await configureDatabase();
const seeded = await seedDatabase(db);
log.info(seeded === "seeded" ? "Seeded the documents' data." : "Documents' data already in the database.");

const serveClient = existsSync(clientDirectory)
  ? sirv(clientDirectory, { single: true, etag: true, gzip: true, brotli: true })
  : (_request: unknown, response: ServerResponse) => {
      response.statusCode = 503;
      response.setHeader("content-type", "text/plain; charset=utf-8");
      response.end("The web client is not built; run `npm start` from the repository root. The API is at /graphql.");
    };

/** Set by SIGTERM/SIGINT: every new request is answered 503, so a load balancer sends work elsewhere. */
let stopping = false;

const server = createServer((request, response) => {
  for (const [name, value] of Object.entries(securityHeaders(hardening, request.url ?? "/", yoga.graphqlEndpoint))) response.setHeader(name, value);
  if (stopping) {
    // A request that arrives on a kept-alive connection after SIGTERM: send it elsewhere, now,
    // rather than start work (or a live stream) that the shutdown would cut.
    response.writeHead(503, { "content-type": "text/plain; charset=utf-8", connection: "close", "retry-after": "1" });
    response.end("This instance is shutting down; try again.");
    return;
  }
  if (request.url?.startsWith(yoga.graphqlEndpoint)) {
    void yoga.handle(request, response);
    return;
  }
  if (isMetricsPath(request)) {
    void answerMetrics(request, response);
    return;
  }
  const healthPath = healthPathOf(request);
  if (healthPath) {
    void answerHealth(healthPath, response);
    return;
  }
  serveClient(request, response, () => {
    response.statusCode = 404;
    response.end("Not found");
  });
});

log.info(`Live updates: ${changeFeed().transport === "redis" ? "shared with other instances through Redis" : "in this process (set REDIS_URL to share them between instances)"}.`);

server.listen(port, host, () => {
  const shownHost = host === "0.0.0.0" || host === "127.0.0.1" ? "localhost" : host;
  log.info(`Ramme is running: open http://${shownHost}:${port}/ (GraphQL API at http://${shownHost}:${port}/graphql)`);
});

/** How long a shutdown waits for requests in flight before it cuts the remaining connections. */
const shutdownGraceMs = Number(process.env.RAMME_SHUTDOWN_GRACE_MS ?? 30_000);

/**
 * SIGTERM (a deploy, a scale-down) or Ctrl+C: stop accepting connections, end every live stream
 * cleanly (viewers get the stream's end and reconnect to another instance, catching up from their
 * version), let the requests in flight finish and commit, then close the database.
 */
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info(`${signal}: finishing requests in flight, then stopping.`);
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  await closeChangeFeed();
  server.closeIdleConnections();
  const graceOver = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), shutdownGraceMs).unref());
  if ((await Promise.race([closed, graceOver])) === "timeout") {
    log.warn(`Requests still open after ${shutdownGraceMs} ms; closing them.`);
    server.closeAllConnections();
  }
  await Promise.all([disconnectDatabase(), closeRateLimitStore()]);
  log.info("Stopped.");
  process.exit(0);
}
// A bug that escapes every handler ends the process, as Node would, but as a log line with its
// stack; whatever restarts the server (npm start's supervisor, systemd) sees the exit code 1.
process.on("uncaughtException", (error) => {
  log.fatal({ err: error }, "Uncaught exception; the process stops.");
  process.exit(1);
});
process.on("unhandledRejection", (reason) => {
  log.fatal({ err: reason }, "Unhandled promise rejection; the process stops.");
  process.exit(1);
});
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
