/**
 * API tokens for client apps: `ramme_<prefix>_<secret>`, shown once at creation. The prefix (8 hex
 * digits) is stored in clear to tell tokens apart in lists; the secret only as its SHA-256.
 * A token acts as its owner, limited to its scope; revoking it takes effect on the next request.
 * Creating and revoking one are account changes (TOKEN_CREATED, TOKEN_REVOKED), recorded with the
 * token's name, prefix and scope, never its secret.
 */
import { randomBytes } from "node:crypto";
import { db, writeTransaction, type Transaction } from "../db.ts";
import { recordAccountChange, type AccountActor } from "./accountChanges.ts";
import type { Person, TokenScope } from "./caller.ts";
import { randomSecret, sha256 } from "./secrets.ts";
import { PERSON_INCLUDE, personOf } from "./users.ts";

const TOKEN_PATTERN = /^ramme_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;
const TOUCH_EVERY_MS = 60_000;

/** What the audit log keeps of a token: enough to recognise it in a list, nothing to use it with. */
const tokenDetails = (token: { name: string; prefix: string; scope: string }) => ({ name: token.name, prefix: `ramme_${token.prefix}`, scope: token.scope });

/**
 * Makes a token for `ownerId` and records TOKEN_CREATED by `actor` (the person through the API, the
 * token:create command); without an actor, as made by the owner themself (tests, benchmarks).
 */
export async function createApiToken(ownerId: string, name: string, scope: TokenScope, actor?: AccountActor) {
  const prefix = randomBytes(4).toString("hex");
  const secret = randomSecret();
  const token = await writeTransaction(async (tx) => {
    const owner = await tx.user.findUniqueOrThrow({ where: { id: ownerId }, select: { displayName: true, organisationId: true } });
    const created = await tx.apiToken.create({ data: { ownerId, name, scope, prefix, secretHash: sha256(secret) } });
    await recordAccountChange(tx, actor ?? { name: owner.displayName, userId: ownerId }, { kind: "TOKEN_CREATED", userId: ownerId, organisationId: owner.organisationId, details: tokenDetails(created) });
    return created;
  });
  return { token, secret: `ramme_${prefix}_${secret}` };
}

/**
 * Revokes the token inside `tx` and records TOKEN_REVOKED by `actor`, whether the owner or an admin
 * (or the token:revoke command) revokes it. A token revoked already stays as it was, with no entry:
 * the conditional update makes two revocations at once one change.
 */
export async function revokeApiTokenIn(tx: Transaction, tokenId: string, actor: AccountActor) {
  const revoked = await tx.apiToken.updateMany({ where: { id: tokenId, revokedAt: null }, data: { revokedAt: new Date() } });
  const token = await tx.apiToken.findUniqueOrThrow({ where: { id: tokenId }, include: { owner: { include: PERSON_INCLUDE } } });
  if (revoked.count > 0) await recordAccountChange(tx, actor, { kind: "TOKEN_REVOKED", userId: token.ownerId, organisationId: token.owner.organisationId, details: tokenDetails(token) });
  return token;
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
