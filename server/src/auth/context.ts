/** The yoga context for a request: who calls, the name the history records for them, and what they may see. */
import type { Context } from "../builder.ts";
import { db } from "../db.ts";
import { ScenarioGuard } from "./access.ts";
import { actorOf } from "./caller.ts";
import type { AuthMode } from "./config.ts";
import { callerOf } from "./identify.ts";

export async function contextFor(request: Request, mode: AuthMode): Promise<Context> {
  const caller = await callerOf(request, mode);
  return { caller, actor: actorOf(caller), request, guard: new ScenarioGuard(caller, db) };
}
