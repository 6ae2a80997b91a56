/**
 * What a load balancer or orchestrator asks an instance:
 * - `/healthz`: is the process alive (200 while it runs);
 * - `/readyz`: should it get traffic: 200 when the database answers, 503 while it does not, with
 *   the reason as JSON. (While the instance shuts down, server.ts answers every request 503.)
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { db } from "./db.ts";
import { changeFeed } from "./live/changeFeed.ts";

export const HEALTH_PATHS = new Set(["/healthz", "/readyz"]);

export async function answerHealth(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = (request.url ?? "").split("?")[0];
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
