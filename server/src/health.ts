/**
 * What a load balancer or orchestrator asks an instance:
 * - `/healthz`: is the process alive (200 while it runs);
 * - `/readyz`: should it get traffic: 200 when the database answers, 503 while it does not, with
 *   the reason as JSON. (While the instance shuts down, server.ts answers every request 503.)
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { db } from "./db.ts";
import { changeFeed } from "./live/changeFeed.ts";

const HEALTH_PATHS = new Set(["/healthz", "/readyz"]);

/** The health check a request asks for, or null when it asks for something else. */
export function healthPathOf(request: IncomingMessage): string | null {
  const path = (request.url ?? "").split("?")[0]!;
  return HEALTH_PATHS.has(path) ? path : null;
}

export async function answerHealth(path: string, response: ServerResponse): Promise<void> {
  const reply = (status: number, body: Record<string, unknown>) => {
    response.statusCode = status;
    response.setHeader("content-type", "application/json; charset=utf-8");
    response.setHeader("cache-control", "no-store");
    response.end(JSON.stringify(body));
  };
  if (path === "/healthz") return reply(200, { status: "alive" });
  try {
    await db.$queryRawUnsafe("SELECT 1");
  } catch {
    return reply(503, { status: "unavailable", database: "unreachable" });
  }
  reply(200, { status: "ready", database: "ok", liveUpdates: changeFeed().transport });
}
