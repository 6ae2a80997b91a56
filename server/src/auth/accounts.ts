/**
 * The accounts mutations' work: sign in, API tokens, and creating users (the user:create command).
 * Input problems are InvalidInputErrors, like every mutation's; nothing of a refused request is stored.
 * A password never goes into an error, a log line or a response.
 */
import { db, writeTransaction } from "../db.ts";
import { InvalidInputError, type InputProblem } from "../engine/errors.ts";
import { createApiToken } from "./apiTokens.ts";
import type { Caller, OrganisationKind, Person, Role, TokenScope } from "./caller.ts";
import { DUMMY_HASH, MIN_PASSWORD_LENGTH, hashPassword, verifyPassword } from "./password.ts";
import { createSession } from "./sessions.ts";
import { PERSON_INCLUDE, normaliseEmail, personOf } from "./users.ts";

const MAX_EMAIL = 254;
const MAX_PASSWORD = 1024;
const MAX_NAME = 100;

function check(problems: InputProblem[]): void {
  if (problems.length > 0) throw new InvalidInputError(problems);
}

function textProblems(field: string, value: string, max: number, shown: boolean): InputProblem[] {
  if (value.trim() === "") return [{ field, code: "REQUIRED", message: "Required.", value: null }];
  if (value.length > max) return [{ field, code: "TOO_LONG", message: `At most ${max} characters.`, value: shown ? value.slice(0, 40) : null }];
  return [];
}

const noAccounts = () => InvalidInputError.of("input", "NO_ACCOUNTS", "Local single-user mode has no accounts; start Ramme with RAMME_AUTH=accounts.");

/**
 * Checks the email and password. An unknown email is checked against a dummy hash so it takes as
 * long as a wrong password, and both end in the same BAD_CREDENTIALS error.
 */
export async function signIn(caller: Caller, input: { email: string; password: string }): Promise<{ user: Person; token: string; expiresAt: Date }> {
  check([...textProblems("input.email", input.email, MAX_EMAIL, true), ...textProblems("input.password", input.password, MAX_PASSWORD, false)]);
  if (caller.kind === "local") throw noAccounts();
  const row = await db.user.findUnique({ where: { email: normaliseEmail(input.email) }, include: PERSON_INCLUDE });
  const matches = await verifyPassword(input.password, row?.passwordHash ?? DUMMY_HASH);
  if (!row || !matches || row.disabledAt) throw InvalidInputError.of("input", "BAD_CREDENTIALS", "Wrong email or password.");
  const session = await createSession(row.id);
  return { user: personOf(row), ...session };
}

export async function createToken(caller: Caller, input: { name: string; scope: TokenScope }) {
  check(textProblems("input.name", input.name, MAX_NAME, true));
  if (caller.kind !== "session") throw noAccounts();
  if (caller.user.role === "VIEWER" && input.scope !== "READ") throw InvalidInputError.of("input.scope", "ABOVE_ROLE", "A viewer may only create READ tokens.", input.scope);
  return createApiToken(caller.user.id, input.name.trim(), input.scope);
}

/** Revokes a token of the caller's, or (for an admin) of anyone in the caller's organisation. Revoking twice is harmless. */
export async function revokeToken(caller: Caller, input: { id: string }) {
  if (caller.kind !== "session") throw noAccounts();
  const token = await db.apiToken.findUnique({ where: { id: input.id }, include: { owner: true } });
  const mayManage = token && (token.ownerId === caller.user.id || (caller.user.role === "ADMIN" && token.owner.organisationId === caller.user.organisation.id));
  // Someone else's token is answered as unknown: its existence is not the caller's business.
  if (!token || !mayManage) throw InvalidInputError.of("input.id", "UNKNOWN_API_TOKEN", "No such API token of yours.", input.id.slice(0, 40));
  if (token.revokedAt) return token;
  return writeTransaction((tx) => tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } }));
}

/** The caller's own tokens (a token's: its owner's), newest first, revoked ones included. Never the secret. */
export function tokensOf(caller: Caller) {
  if (caller.kind !== "session" && caller.kind !== "token") return Promise.resolve([]);
  return db.apiToken.findMany({ where: { ownerId: caller.user.id }, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
}

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  password: string;
  /** The organisation's key; created when it does not exist yet, with `organisationName` and `organisationKind`. */
  organisationKey: string;
  organisationName?: string;
  organisationKind?: OrganisationKind;
}

export async function createUser(input: NewUser): Promise<Person> {
  const email = normaliseEmail(input.email);
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new Error("The email is not an email address.");
  if (input.displayName.trim() === "") throw new Error("The name is required.");
  if (input.password.length < MIN_PASSWORD_LENGTH) throw new Error(`The password must be at least ${MIN_PASSWORD_LENGTH} characters.`);
  const passwordHash = await hashPassword(input.password);
  const row = await writeTransaction(async (tx) => {
    const organisation =
      (await tx.organisation.findUnique({ where: { key: input.organisationKey } })) ??
      (await tx.organisation.create({ data: { key: input.organisationKey, name: input.organisationName ?? input.organisationKey, kind: input.organisationKind ?? "PARTY" } }));
    if (await tx.user.findUnique({ where: { email } })) throw new Error(`A user with the email ${email} exists already.`);
    return tx.user.create({ data: { email, displayName: input.displayName.trim(), role: input.role, passwordHash, organisationId: organisation.id }, include: PERSON_INCLUDE });
  });
  return personOf(row);
}
