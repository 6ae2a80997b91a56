/** How Ramme authenticates, from the environment (read when a server is built, so tests can choose). */

/**
 * `local` (the default): one local single-user, an admin, no sign-in; the history records the name
 * the client sends in x-ramme-user. `accounts`: every operation but signIn needs a session or an API token.
 */
export type AuthMode = "local" | "accounts";

export function authModeFromEnv(value = process.env.RAMME_AUTH): AuthMode {
  if (value === undefined || value === "" || value === "local") return "local";
  if (value === "accounts") return "accounts";
  throw new Error(`RAMME_AUTH must be "local" or "accounts", not "${value}".`);
}

/** A session ends this long after its last use (sliding): RAMME_SESSION_HOURS, default 12. */
export function sessionLifetimeMs(value = process.env.RAMME_SESSION_HOURS): number {
  const hours = value === undefined || value === "" ? 12 : Number(value);
  if (!Number.isFinite(hours) || hours <= 0) throw new Error(`RAMME_SESSION_HOURS must be a positive number of hours, not "${value}".`);
  return hours * 3_600_000;
}

/** Mark the cookie Secure although the request arrived over plain HTTP (TLS ended at a proxy): RAMME_COOKIE_SECURE=true. */
export const cookieAlwaysSecure = () => process.env.RAMME_COOKIE_SECURE === "true";
