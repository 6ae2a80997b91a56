/**
 * API tokens for client apps: `ramme_<prefix>_<secret>`, shown once at creation. The prefix (8 hex
 * digits) is stored in clear to tell tokens apart in lists; the secret only as its SHA-256.
 * A token acts as its owner, limited to its scope; revoking it takes effect on the next request.
 */
import { randomBytes } from "node:crypto";
import { db, writeTransaction } from "../db.ts";
import type { Person, TokenScope } from "./caller.ts";
import { randomSecret, sha256 } from "./secrets.ts";
import { PERSON_INCLUDE, personOf } from "./users.ts";

const TOKEN_PATTERN = /^ramme_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;
const TOUCH_EVERY_MS = 60_000;

export async function createApiToken(ownerId: string, name: string, scope: TokenScope) {
  const prefix = randomBytes(4).toString("hex");
  const secret = randomSecret();
  const token = await writeTransaction((tx) => tx.apiToken.create({ data: { ownerId, name, scope, prefix, secretHash: sha256(secret) } }));
  return { token, secret: `ramme_${prefix}_${secret}` };
}

/** The token and its owner for a presented secret, or null when malformed, unknown, revoked, or its owner is disabled. */
export async function verifyApiToken(presented: string, now = new Date()): Promise<{ user: Person; token: { id: string; name: string; scope: TokenScope; prefix: string } } | null> {
  const match = TOKEN_PATTERN.exec(presented);
  if (!match) return null;
  const [, prefix, secret] = match as unknown as [string, string, string];
  const token = await db.apiToken.findUnique({ where: { secretHash: sha256(secret) }, include: { owner: { include: PERSON_INCLUDE } } });
  if (!token || token.prefix !== prefix || token.revokedAt || token.owner.disabledAt) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= TOUCH_EVERY_MS) {
    await writeTransaction((tx) => tx.apiToken.updateMany({ where: { id: token.id }, data: { lastUsedAt: now } }));
  }
  return { user: personOf(token.owner), token: { id: token.id, name: token.name, scope: token.scope as TokenScope, prefix } };
}
