/**
 * Wrong passwords per account: at most SIGN_IN_FAILURES a minute for one email, whoever sends them
 * and from wherever. Past that, sign-in for that email is refused (SIGN_IN_THROTTLED, with when to
 * try again) without the password being checked, until the minute is over. The real user is kept
 * out for a minute at most, however long an attacker goes on: refused attempts do not count, only
 * wrong passwords do; a right one clears the count. Unknown emails are counted alike, so the
 * throttle does not tell which have accounts. An attacker gets 7,200 guesses a day at one account,
 * against a policy (passwordPolicy.ts) that asks for passwords estimated at 10^8 guesses or more.
 *
 * Shared by every instance through Redis (REDIS_URL) as the rate limit is, in memory otherwise.
 */
import { RateLimiterRes } from "rate-limiter-flexible";
import { InvalidInputError } from "../engine/errors.ts";
import { createLimiter } from "../rateLimit.ts";

export const SIGN_IN_FAILURES = 5;
export const SIGN_IN_WINDOW_SECONDS = 60;

let limiter: ReturnType<typeof createLimiter> | null = null;
const failures = () => (limiter ??= createLimiter({ requests: SIGN_IN_FAILURES, windowSeconds: SIGN_IN_WINDOW_SECONDS }, process.env.REDIS_URL || undefined));
const keyOf = (email: string) => `sign-in:${email}`;

/** Refuses the attempt when the email has had SIGN_IN_FAILURES wrong passwords within the window. */
export async function assertMayTrySignIn(email: string): Promise<void> {
  const counted = await failures().get(keyOf(email));
  if (counted === null || counted.consumedPoints < SIGN_IN_FAILURES) return;
  const retryAfterSeconds = Math.max(1, Math.ceil(counted.msBeforeNext / 1000));
  throw InvalidInputError.of("input", "SIGN_IN_THROTTLED", `Too many wrong passwords for this account; try again in ${retryAfterSeconds} s.`, String(retryAfterSeconds));
}

/** Counts a wrong password (or an unknown email) against the email. */
export async function countSignInFailure(email: string): Promise<void> {
  await failures()
    .penalty(keyOf(email), 1)
    .catch((error: unknown) => {
      if (!(error instanceof RateLimiterRes)) throw error;
    });
}

/** A right password: the count starts again. */
export async function clearSignInFailures(email: string): Promise<void> {
  await failures().delete(keyOf(email));
}
