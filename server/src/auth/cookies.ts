/**
 * The session cookie: HttpOnly (no script can read it), SameSite=Lax (not sent on cross-site
 * POSTs), Path=/, Secure when the request came over TLS or RAMME_COOKIE_SECURE=true. Resolvers
 * queue Set-Cookie values on the context; useResponseCookies() adds them to the response.
 */
import type { Plugin } from "graphql-yoga";
import { cookieAlwaysSecure } from "./config.ts";

export const SESSION_COOKIE = "ramme_session";

export function readCookie(request: Request, name: string): string | null {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=") || null;
  }
  return null;
}

const isSecure = (request: Request) => cookieAlwaysSecure() || new URL(request.url).protocol === "https:";

export function sessionCookie(request: Request, token: string, expiresAt: Date): string {
  return [`${SESSION_COOKIE}=${token}`, "Path=/", "HttpOnly", "SameSite=Lax", `Expires=${expiresAt.toUTCString()}`, ...(isSecure(request) ? ["Secure"] : [])].join("; ");
}

export function clearedSessionCookie(request: Request): string {
  return [`${SESSION_COOKIE}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0", ...(isSecure(request) ? ["Secure"] : [])].join("; ");
}

const pending = new WeakMap<Request, string[]>();

/** Queues a Set-Cookie value for the response to `request`. */
export function setCookieOn(request: Request, value: string): void {
  const list = pending.get(request) ?? [];
  list.push(value);
  pending.set(request, list);
}

export function useResponseCookies(): Plugin {
  return {
    onResponse({ request, response }) {
      for (const value of pending.get(request) ?? []) response.headers.append("set-cookie", value);
    },
  };
}
