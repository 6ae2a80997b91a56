/**
 * Which web pages may call the API, and at which names the server answers.
 *
 * - Same-origin by default: a request whose Origin is another origin than the one it was sent to
 *   is refused (403 ORIGIN_NOT_ALLOWED) before anything runs, preflight included, unless that
 *   origin is on RAMME_CORS_ORIGINS. Only an origin on that list is ever named in
 *   Access-Control-Allow-Origin, never one reflected from the request. Requests without an Origin
 *   (API clients, curl, a browser's same-origin GET) are not cross-origin and pass.
 * - In local mode (no sign-in) the server answers only at the names it listens on: a Host that is
 *   none of them (a DNS-rebinding page's own domain resolving to 127.0.0.1) is refused (421
 *   HOST_NOT_ALLOWED). Accounts mode needs no such check: a rebinding page carries no one's session.
 */
import { hostname, networkInterfaces } from "node:os";
import { createGraphQLError, type Plugin } from "graphql-yoga";
import type { AuthMode } from "./auth/config.ts";

export const ORIGIN_NOT_ALLOWED = "ORIGIN_NOT_ALLOWED";
export const HOST_NOT_ALLOWED = "HOST_NOT_ALLOWED";

/** Headers a cross-origin client on the allow-list may send (the CSRF header among them). */
const ALLOWED_HEADERS = ["content-type", "accept", "authorization", "x-ramme-client", "x-ramme-user", "last-event-id"];

/** RAMME_CORS_ORIGINS: origins (scheme://host[:port]) separated by commas; a malformed one stops the server at start. */
export function corsOriginsFrom(text: string | undefined): string[] {
  const entries = (text ?? "").split(",").map((entry) => entry.trim()).filter((entry) => entry !== "");
  return entries.map((entry) => {
    let url: URL | null = null;
    try {
      url = new URL(entry);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || url.origin !== entry.replace(/\/$/, "")) {
      throw new Error(`RAMME_CORS_ORIGINS must list origins such as https://planner.example.dk (scheme, host and port only), not "${entry}".`);
    }
    return url.origin;
  });
}

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];

/**
 * The host names a server bound to `host` answers at: the loopback names for a loopback address,
 * every address of the machine (and its name) for a wildcard one, else the address itself.
 */
export function listeningHostnames(host: string): string[] {
  const bracket = (address: string) => (address.includes(":") ? `[${address}]` : address);
  if (host === "0.0.0.0" || host === "::" || host === "") {
    const addresses = Object.values(networkInterfaces()).flatMap((entries) => (entries ?? []).map((entry) => bracket(entry.address.replace(/%.*$/, ""))));
    return [...new Set([...LOOPBACK_NAMES, hostname().toLowerCase(), ...addresses])];
  }
  if (host === "localhost" || host === "::1" || host.startsWith("127.")) return [...new Set([...LOOPBACK_NAMES, bracket(host)])];
  return [bracket(host.toLowerCase())];
}

export interface OriginConfig {
  /** Other origins whose pages may call the API with credentials (RAMME_CORS_ORIGINS). */
  corsOrigins: readonly string[];
  /** Local mode: the host names the server answers at (listeningHostnames); null: no check. */
  allowedHostnames: readonly string[] | null;
}

const refusal = (status: number, code: string, message: string) =>
  new Response(JSON.stringify({ errors: [createGraphQLError(message, { extensions: { code } }).toJSON()] }), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", vary: "Origin" },
  });

/** Whether the request's Origin is the origin it was sent to (scheme aside: a TLS proxy may stand in front). */
const sameOrigin = (origin: string, url: URL) => {
  try {
    return new URL(origin).host === url.host;
  } catch {
    return false;
  }
};

/** Refuses a foreign origin or (local mode) a foreign Host before anything else runs. */
export function originPlugin(config: OriginConfig, mode: AuthMode): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      if (mode === "local" && config.allowedHostnames !== null && !config.allowedHostnames.includes(url.hostname.toLowerCase())) {
        endResponse(refusal(421, HOST_NOT_ALLOWED, `This planner answers only at the addresses it listens on (${config.allowedHostnames.join(", ")}), not at ${url.hostname.slice(0, 100)}.`));
        return;
      }
      const origin = request.headers.get("origin");
      if (origin === null || sameOrigin(origin, url) || config.corsOrigins.includes(origin)) return;
      endResponse(refusal(403, ORIGIN_NOT_ALLOWED, "Pages of another origin may not call this API (the server's RAMME_CORS_ORIGINS lists those that may)."));
    },
  };
}

/** yoga's `cors`: the allow-listed origin named with credentials; nothing for any other request. */
export function corsFor(config: OriginConfig) {
  return (request: Request) => {
    const origin = request.headers.get("origin");
    if (origin === null || !config.corsOrigins.includes(origin)) return false as const;
    return { origin: [origin], credentials: true, methods: ["GET", "POST"], allowedHeaders: ALLOWED_HEADERS, maxAge: 600 };
  };
}
