/**
 * The accounts' audit log (AccountChange): who created an organisation or a user, changed a role,
 * changed or reset a password, disabled or enabled someone, created or revoked an API token, and when. Append-only, written in the same transaction as
 * the change it records, so a refused or rolled-back change leaves no entry. Never a password, never
 * a token's secret (its name and the prefix lists show).
 */
import type { Transaction } from "../db.ts";
import { actorOf, type Caller } from "./caller.ts";

export const ACCOUNT_CHANGE_KINDS = [
  "ORGANISATION_CREATED",
  "USER_CREATED",
  "ROLE_CHANGED",
  "USER_DISABLED",
  "USER_ENABLED",
  "PASSWORD_CHANGED",
  "PASSWORD_RESET",
  "TOKEN_CREATED",
  "TOKEN_REVOKED",
] as const;
export type AccountChangeKind = (typeof ACCOUNT_CHANGE_KINDS)[number];

/** Who acted: a person or token through the API, or an operator's command (no caller). */
export type AccountActor = { name: string; userId: string | null };
export const commandLine = (command: "user:create" | "token:create" | "token:revoke"): AccountActor => ({ name: `${command} (command line)`, userId: null });
export const COMMAND_LINE: AccountActor = commandLine("user:create");

export function accountActorOf(caller: Caller): AccountActor {
  return { name: actorOf(caller), userId: caller.kind === "session" || caller.kind === "token" ? caller.user.id : null };
}

export function recordAccountChange(
  tx: Transaction,
  actor: AccountActor,
  change: { kind: AccountChangeKind; userId?: string; organisationId: string; details?: Record<string, string | number | null> },
) {
  return tx.accountChange.create({
    data: { kind: change.kind, userId: change.userId ?? null, organisationId: change.organisationId, actor: actor.name, actorUserId: actor.userId, details: JSON.stringify(change.details ?? {}) },
  });
}
