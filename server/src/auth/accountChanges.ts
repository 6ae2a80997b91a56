/**
 * The accounts' audit log (AccountChange): who created an organisation or a user, changed a role or
 * a password, disabled or enabled someone, and when. Append-only, written in the same transaction as
 * the change it records, so a refused or rolled-back change leaves no entry. Never a password.
 */
import type { Transaction } from "../db.ts";
import { actorOf, type Caller } from "./caller.ts";

export type AccountChangeKind = "ORGANISATION_CREATED" | "USER_CREATED" | "ROLE_CHANGED" | "USER_DISABLED" | "USER_ENABLED" | "PASSWORD_CHANGED";
export const ACCOUNT_CHANGE_KINDS: readonly AccountChangeKind[] = ["ORGANISATION_CREATED", "USER_CREATED", "ROLE_CHANGED", "USER_DISABLED", "USER_ENABLED", "PASSWORD_CHANGED"];

/** Who acted: a person or token through the API, or the user:create command (no caller). */
export type AccountActor = { name: string; userId: string | null };
export const COMMAND_LINE: AccountActor = { name: "user:create (command line)", userId: null };

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
