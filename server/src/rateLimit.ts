/**
 * Requests per caller and window, counted before anything else is done with a request: a signed-in
 * person by user (all their sessions and tabs together), an API token by token, anyone else by the
 * client's address. Over the budget, the answer is HTTP 429 with Retry-After and a GraphQL error
 * `RATE_LIMITED`; nothing is parsed, run or stored.
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

export const RATE_LIMITED = "RATE_LIMITED";

export interface RateLimitConfig {
  /** Requests per caller and window; 0 = no limit. */
  requests: number;
  windowSeconds: number;
}

/** The bucket a request counts against. Behind a proxy every anonymous caller has the proxy's address. */
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
      if (!reported) console.error(`Redis (rate limits) is unreachable; each instance counts requests itself until it is back: ${error.message}`);
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

function tooMany(config: RateLimitConfig, retryAfterSeconds: number, ResponseClass: typeof Response): Response {
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
    headers: { "content-type": "application/json; charset=utf-8", "retry-after": String(retryAfterSeconds) },
  });
}

/** The yoga plugin; `limiter` may be given (tests share one between servers as Redis shares one between instances). */
export function rateLimitPlugin(config: RateLimitConfig, mode: AuthMode, limiter = createLimiter(config, process.env.REDIS_URL || undefined)): Plugin {
  return {
    async onRequest({ request, serverContext, endResponse, fetchAPI }) {
      const address = (serverContext as { req?: IncomingMessage } | undefined)?.req?.socket?.remoteAddress;
      let caller: Caller;
      try {
        caller = await callerOf(request, mode);
      } catch {
        // The database is unreachable: the request goes on to be answered DATABASE_UNAVAILABLE like any other.
        return;
      }
      const key = rateLimitKey(caller, address);
      try {
        await limiter.consume(key);
      } catch (refused) {
        if (!(refused instanceof RateLimiterRes)) throw refused;
        endResponse(tooMany(config, Math.max(1, Math.ceil(refused.msBeforeNext / 1000)), fetchAPI.Response));
      }
    },
  };
}
