/**
 * Sessions: the browser holds a random token in an HttpOnly cookie; the database holds only its
 * SHA-256 as the session's id, so a leaked database cannot sign anyone in. Sliding expiry: each use
 * pushes the end out by the lifetime again (written at most once a minute, not on every request).
 * Writes go through writeTransaction like every other write, so on SQLite they queue behind the
 * one writer instead of meeting its lock on the read connection.
 */
import { db, writeTransaction } from "../db.ts";
import type { Person } from "./caller.ts";
import { sessionLifetimeMs } from "./config.ts";
import { randomSecret, sha256 } from "./secrets.ts";
import { PERSON_INCLUDE, personOf } from "./users.ts";

const TOUCH_EVERY_MS = 60_000;

export async function createSession(userId: string, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = randomSecret();
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs());
  await writeTransaction((tx) => tx.session.create({ data: { id: sha256(token), userId, createdAt: now, lastSeenAt: now, expiresAt } }));
  return { token, expiresAt };
}

/** The signed-in person for a cookie's token, or null when it is unknown, expired, or its user is disabled. */
export async function verifySession(token: string, now = new Date()): Promise<{ user: Person; sessionId: string } | null> {
  const id = sha256(token);
  const session = await db.session.findUnique({ where: { id }, include: { user: { include: PERSON_INCLUDE } } });
  if (!session) return null;
  if (session.expiresAt <= now || session.user.disabledAt) {
    await writeTransaction((tx) => tx.session.deleteMany({ where: { id } }));
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await writeTransaction((tx) => tx.session.updateMany({ where: { id }, data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + sessionLifetimeMs()) } }));
  }
  return { user: personOf(session.user), sessionId: id };
}

export async function endSession(sessionId: string): Promise<void> {
  await writeTransaction((tx) => tx.session.deleteMany({ where: { id: sessionId } }));
}
