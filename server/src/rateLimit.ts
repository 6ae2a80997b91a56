/**
 * Requests per caller and window, counted before anything else is done with a request: a signed-in
 * person by user (all their sessions and tabs together), an API token by token, anyone else by the
 * client's address. Over the budget, the answer is HTTP 429 with Retry-After and a GraphQL error
 * `RATE_LIMITED`; nothing is parsed, run or stored. Every counted answer says how much of the budget
 * is left (RateLimit-Limit, -Remaining, -Reset), so a well-behaved client slows down before a 429.
 *
 * With REDIS_URL the counts are shared by every instance (rate-limiter-flexible's Redis limiter,
 * one atomic script per request); while Redis is unreachable each instance counts in memory, so the
 * limit holds per instance instead of failing requests. Without Redis they are counted in memory.
 */
import type { IncomingMessage } from "node:http";
import type { Plugin } from "graphql-yoga";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Caller } from "./auth/caller.ts";
import type { AuthMode } from "./auth/config.ts";
import { callerOf } from "./auth/identify.ts";
import { log } from "./observability/log.ts";

export const RATE_LIMITED = "RATE_LIMITED";

export interface RateLimitConfig {
  /** Requests per caller and window; 0 = no limit. */
  requests: number;
  windowSeconds: number;
  /** How many proxies in front of Ramme append to X-Forwarded-For (RAMME_TRUSTED_PROXY_HOPS); 0: the socket's address counts. */
  trustedProxyHops?: number;
}

/**
 * The address a caller who is not signed in is counted by. Behind `hops` trusted proxies (a load
 * balancer: 1) it is the address the outermost trusted proxy saw, the `hops`-th entry from the
 * right of X-Forwarded-For: entries further left are the client's own say and can be forged.
 * Without trusted proxies, or without the header, it is the socket's address.
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | null, hops: number): string | undefined {
  if (hops <= 0 || !forwardedFor) return socketAddress;
  const entries = forwardedFor.split(",").map((entry) => entry.trim()).filter((entry) => entry.length > 0);
  return entries.length >= hops ? entries[entries.length - hops] : socketAddress;
}

/** The bucket a request counts against: the person, the token, or the address (clientAddress). */
export function rateLimitKey(caller: Caller, address: string | undefined): string {
  switch (caller.kind) {
    case "session":
      return `user:${caller.user.id}`;
    case "token":
      return `token:${caller.token.id}`;
    default:
      return `address:${address ?? "unknown"}`;
  }
}

let sharedRedis: Redis | undefined;

/** One connection for the limiter, failing fast while Redis is away (the in-memory insurance counts meanwhile). */
function limiterRedis(url: string): Redis {
  if (!sharedRedis) {
    let reported = false;
    sharedRedis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    sharedRedis.on("error", (error: Error) => {
      if (!reported) log.error(`Redis (rate limits) is unreachable; each instance counts requests itself until it is back: ${error.message}`);
      reported = true;
    });
    sharedRedis.on("ready", () => {
      reported = false;
    });
  }
  return sharedRedis;
}

/** The limiter's Redis connection, once one was made (its `status` says whether counts are shared now). */
export const rateLimitRedis = (): Redis | undefined => sharedRedis;

export async function closeRateLimitStore(): Promise<void> {
  await sharedRedis?.quit().catch(() => undefined);
  sharedRedis = undefined;
}

export function createLimiter(config: RateLimitConfig, redisUrl: string | undefined): RateLimiterAbstract {
  const options = { points: config.requests, duration: config.windowSeconds, keyPrefix: "ramme-rate" };
  const memory = new RateLimiterMemory(options);
  if (!redisUrl) return memory;
  return new RateLimiterRedis({ ...options, storeClient: limiterRedis(redisUrl), rejectIfRedisNotReady: true, insuranceLimiter: memory });
}

/**
 * The budget as the IETF's RateLimit header fields give it (draft-ietf-httpapi-ratelimit-headers,
 * as GitHub and others send them): requests per window, how many are left, seconds until it refills.
 */
export function rateLimitHeaders(config: RateLimitConfig, state: RateLimiterRes): Record<string, string> {
  return {
    "ratelimit-limit": String(config.requests),
    "ratelimit-remaining": String(Math.max(0, state.remainingPoints)),
    "ratelimit-reset": String(Math.max(0, Math.ceil(state.msBeforeNext / 1000))),
  };
}

function tooMany(config: RateLimitConfig, refused: RateLimiterRes, ResponseClass: typeof Response): Response {
  const retryAfterSeconds = Math.max(1, Math.ceil(refused.msBeforeNext / 1000));
  const body = {
    errors: [
      {
        message: `Too many requests: at most ${config.requests} in ${config.windowSeconds} s per user, API token or address. Try again in ${retryAfterSeconds} s.`,
        extensions: { code: RATE_LIMITED, retryAfterSeconds },
      },
    ],
  };
  return new ResponseClass(JSON.stringify(body), {
    status: 429,
    headers: { "content-type": "application/json; charset=utf-8", "retry-after": String(retryAfterSeconds), ...rateLimitHeaders(config, refused) },
  });
}

/** The yoga plugin; `limiter` may be given (tests share one between servers as Redis shares one between instances). */
export function rateLimitPlugin(config: RateLimitConfig, mode: AuthMode, limiter = createLimiter(config, process.env.REDIS_URL || undefined)): Plugin {
  // What each counted request has left, for its response's RateLimit headers.
  const budgets = new WeakMap<Request, RateLimiterRes>();
  return {
    onResponse({ request, response }) {
      const budget = budgets.get(request);
      if (!budget) return;
      for (const [name, value] of Object.entries(rateLimitHeaders(config, budget))) response.headers.set(name, value);
    },
    async onRequest({ request, serverContext, endResponse, fetchAPI }) {
      const socketAddress = (serverContext as { req?: IncomingMessage } | undefined)?.req?.socket?.remoteAddress;
      const address = clientAddress(socketAddress, request.headers.get("x-forwarded-for"), config.trustedProxyHops ?? 0);
      let caller: Caller;
      try {
        caller = await callerOf(request, mode);
      } catch {
        // The database is unreachable: the request goes on to be answered DATABASE_UNAVAILABLE like any other.
        return;
      }
      const key = rateLimitKey(caller, address);
      try {
        budgets.set(request, await limiter.consume(key));
      } catch (refused) {
        if (!(refused instanceof RateLimiterRes)) throw refused;
        endResponse(tooMany(config, refused, fetchAPI.Response));
      }
    },
  };
}
