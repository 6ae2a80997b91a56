/** Who made a request, from its headers: the yoga context's caller (see builder.ts's Context). */
import { db } from "../db.ts";
import { verifyApiToken } from "./apiTokens.ts";
import type { Caller } from "./caller.ts";
import type { AuthMode } from "./config.ts";
import { SESSION_COOKIE, readCookie } from "./cookies.ts";
import { verifySession } from "./sessions.ts";
import { PERSON_INCLUDE, personOf } from "./users.ts";

/** Until a person signs in (local mode), the history records the name the client gives, or this. */
export const LOCAL_ACTOR = "Lokal bruger";
const ACTOR_HEADER = "x-ramme-user";

function localName(request: Request): string {
  const given = request.headers.get(ACTOR_HEADER)?.trim() ?? "";
  // Header values arrive as Latin-1; clients send the name URI-encoded so "Søren" survives.
  let name = given;
  try {
    name = decodeURIComponent(given);
  } catch {
    name = given;
  }
  return name === "" ? LOCAL_ACTOR : name.slice(0, 100);
}

const identified = new WeakMap<Request, Promise<Caller>>();

/**
 * The caller of a request, identified once: the rate limit, the trusted-operations check and the
 * context all ask, and a token or session costs a database read (and may stop being valid between reads).
 */
export function callerOf(request: Request, mode: AuthMode): Promise<Caller> {
  let caller = identified.get(request);
  if (!caller) {
    caller = identify(request, mode);
    identified.set(request, caller);
  }
  return caller;
}

/**
 * Local mode: the local single-user, named by x-ramme-user. Accounts mode: a Bearer API token when
 * one is sent (an invalid one is not passed over for the cookie), else the session cookie, else nobody.
 */
export async function identify(request: Request, mode: AuthMode): Promise<Caller> {
  if (mode === "local") return { kind: "local", name: localName(request) };
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    const found = bearer?.[1] ? await verifyApiToken(bearer[1]) : null;
    return found ? { kind: "token", ...found } : { kind: "anonymous" };
  }
  const sessionToken = readCookie(request, SESSION_COOKIE);
  const session = sessionToken ? await verifySession(sessionToken) : null;
  return session ? { kind: "session", ...session } : { kind: "anonymous" };
}

/**
 * The caller as it stands now, for what outlives its request (a live stream): anonymous once the
 * session has ended (signOut, expiry) or the token is revoked, or the user is disabled; otherwise
 * the user as stored now (a changed role or organisation counts from here on).
 */
export async function callerNow(caller: Caller, now = new Date()): Promise<Caller> {
  if (caller.kind === "session") {
    const session = await db.session.findUnique({ where: { id: caller.sessionId }, include: { user: { include: PERSON_INCLUDE } } });
    if (!session || session.expiresAt <= now || session.user.disabledAt) return { kind: "anonymous" };
    return { ...caller, user: personOf(session.user) };
  }
  if (caller.kind === "token") {
    const token = await db.apiToken.findUnique({ where: { id: caller.token.id }, include: { owner: { include: PERSON_INCLUDE } } });
    if (!token || token.revokedAt || token.owner.disabledAt) return { kind: "anonymous" };
    return { ...caller, user: personOf(token.owner) };
  }
  return caller;
}
