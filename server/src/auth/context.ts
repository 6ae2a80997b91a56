/** The yoga context for a request: who calls, the name the history records for them, and what they may see. */
import { db } from "../db.ts";
import { ScenarioGuard } from "./access.ts";
import { actorOf, type Caller } from "./caller.ts";
import type { AuthMode } from "./config.ts";
import { callerOf } from "./identify.ts";

/** What every resolver knows about the request. */
export interface Context {
  /** Who is acting, as recorded in the history: derived from `caller` (auth/caller.ts actorOf). */
  actor: string;
  /** Who is calling (auth/identify.ts). */
  caller: Caller;
  /** The HTTP request, for the session cookie (auth/cookies.ts). */
  request: Request;
  /** Which scenarios the caller may see and change (auth/access.ts), read once per request. */
  guard: ScenarioGuard;
}

export async function contextFor(request: Request, mode: AuthMode): Promise<Context> {
  const caller = await callerOf(request, mode);
  return { caller, actor: actorOf(caller), request, guard: new ScenarioGuard(caller, db) };
}
