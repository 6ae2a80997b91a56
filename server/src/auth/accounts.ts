/**
 * The accounts mutations' work: sign in, API tokens, and creating users (the user:create command).
 * Input problems are InvalidInputErrors, like every mutation's; nothing of a refused request is stored.
 * A password never goes into an error, a log line or a response.
 */
import { db, writeTransaction } from "../db.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { InvalidInputError, type InputProblem } from "../engine/errors.ts";
import { keyFromId } from "../engine/input.ts";
import { COMMAND_LINE, accountActorOf, recordAccountChange } from "./accountChanges.ts";
import { createApiToken, revokeApiTokenIn } from "./apiTokens.ts";
import type { Caller, OrganisationKind, Person, Role, TokenScope } from "./caller.ts";
import { DUMMY_HASH, hashPassword, verifyPassword } from "./password.ts";
import { MAX_PASSWORD, passwordProblems } from "./passwordPolicy.ts";
import { createSession } from "./sessions.ts";
import { assertMayTrySignIn, clearSignInFailures, countSignInFailure } from "./signInThrottle.ts";
import { PERSON_INCLUDE, normaliseEmail, personOf } from "./users.ts";

export const MAX_EMAIL = 254;
export const MAX_NAME = 100;

function check(problems: InputProblem[]): void {
  if (problems.length > 0) throw new InvalidInputError(problems);
}

function textProblems(field: string, value: string, max: number, shown: boolean): InputProblem[] {
  if (value.trim() === "") return [{ field, code: "REQUIRED", message: "Required.", value: null }];
  if (value.length > max) return [{ field, code: "TOO_LONG", message: `At most ${max} characters.`, value: shown ? value.slice(0, 40) : null }];
  return [];
}

export const noAccounts = () => InvalidInputError.of("input", "NO_ACCOUNTS", "Local single-user mode has no accounts; start Ramme with RAMME_AUTH=accounts.");

/**
 * Checks the email and password. An unknown email is checked against a dummy hash so it takes as
 * long as a wrong password, and both end in the same BAD_CREDENTIALS error. Wrong passwords are
 * throttled per account (signInThrottle.ts).
 */
export async function signIn(caller: Caller, input: { email: string; password: string }): Promise<{ user: Person; token: string; expiresAt: Date }> {
  check([...textProblems("input.email", input.email, MAX_EMAIL, true), ...textProblems("input.password", input.password, MAX_PASSWORD, false)]);
  if (caller.kind === "local") throw noAccounts();
  const email = normaliseEmail(input.email);
  await assertMayTrySignIn(email);
  const row = await db.user.findUnique({ where: { email }, include: PERSON_INCLUDE });
  const matches = await verifyPassword(input.password, row?.passwordHash ?? DUMMY_HASH);
  if (!row || !matches || row.disabledAt) {
    await countSignInFailure(email);
    throw InvalidInputError.of("input", "BAD_CREDENTIALS", "Wrong email or password.");
  }
  await clearSignInFailures(email);
  const session = await createSession(row.id);
  return { user: personOf(row), ...session };
}

export async function createToken(caller: Caller, input: { name: string; scope: TokenScope }) {
  check(textProblems("input.name", input.name, MAX_NAME, true));
  if (caller.kind !== "session") throw noAccounts();
  if (caller.user.role === "VIEWER" && input.scope !== "READ") throw InvalidInputError.of("input.scope", "ABOVE_ROLE", "A viewer may only create READ tokens.", input.scope);
  return createApiToken(caller.user.id, input.name.trim(), input.scope, accountActorOf(caller));
}

/**
 * Revokes a token of the caller's, or (for an admin) of anyone in the caller's organisation. Revoking
 * twice is harmless. Recorded as TOKEN_REVOKED, by the owner or by the admin who stopped a
 * colleague's token, in the same transaction.
 */
/**
 * A token the caller may manage (see and revoke): their own, or, for an admin, one of their
 * organisation's users'. Null for anyone else's, as for one that does not exist.
 */
export async function findManagedToken(caller: Caller, id: string) {
  if (caller.kind !== "session" && caller.kind !== "token") return null;
  const token = await db.apiToken.findUnique({ where: { id }, include: { owner: { include: PERSON_INCLUDE } } });
  const mayManage = token && (token.ownerId === caller.user.id || (caller.user.role === "ADMIN" && token.owner.organisationId === caller.user.organisation.id));
  return mayManage ? token : null;
}

export async function revokeToken(caller: Caller, input: { id: string }) {
  if (caller.kind !== "session") throw noAccounts();
  // ApiToken.id is a global ID; the database's own ID, as older clients kept it, is taken too.
  const id = keyFromId(input.id, "ApiToken");
  const token = id === null ? null : await findManagedToken(caller, id);
  // Someone else's token is answered as unknown: its existence is not the caller's business.
  if (!token) throw InvalidInputError.of("input.id", "UNKNOWN_API_TOKEN", "No such API token of yours.", input.id.slice(0, 40));
  if (token.revokedAt) return token;
  return writeTransaction((tx) => revokeApiTokenIn(tx, token.id, accountActorOf(caller)));
}

const TOKEN_LIST = { include: { owner: { include: PERSON_INCLUDE } }, orderBy: [{ createdAt: "desc" }, { id: "asc" }] } satisfies Prisma.ApiTokenFindManyArgs;

/** The caller's own tokens (a token's: its owner's), newest first, revoked ones included. Never the secret. */
export function tokensOf(caller: Caller) {
  if (caller.kind !== "session" && caller.kind !== "token") return Promise.resolve([]);
  return db.apiToken.findMany({ where: { ownerId: caller.user.id }, ...TOKEN_LIST });
}

/**
 * For an admin (the field's scope checks that): every token of their organisation's users, the ones
 * revokeToken lets them revoke, so a leaked token of a colleague can be found and stopped. Only their
 * own organisation's, also for an admin of the secretariat, as revokeToken allows.
 */
export function organisationTokensOf(caller: Caller) {
  if (caller.kind !== "session" && caller.kind !== "token") return Promise.resolve([]);
  return db.apiToken.findMany({ where: { owner: { organisationId: caller.user.organisation.id } }, ...TOKEN_LIST });
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

/** What is wrong with a new user's email, name and password (the user:create command's checks and createUser's). */
export function newUserProblems(input: { email: string; displayName: string; password: string }, prefix = "input"): InputProblem[] {
  const problems: InputProblem[] = [];
  const email = normaliseEmail(input.email);
  if (email === "") problems.push({ field: `${prefix}.email`, code: "REQUIRED", message: "The email is required.", value: null });
  else if (email.length > MAX_EMAIL) problems.push({ field: `${prefix}.email`, code: "TOO_LONG", message: `The email must be at most ${MAX_EMAIL} characters.`, value: email.slice(0, 40) });
  else if (!/^[^@\s]+@[^@\s]+$/.test(email)) problems.push({ field: `${prefix}.email`, code: "BAD_EMAIL", message: "The email is not an email address.", value: email.slice(0, 40) });
  const name = input.displayName.trim();
  if (name === "") problems.push({ field: `${prefix}.displayName`, code: "REQUIRED", message: "The name is required.", value: null });
  else if (name.length > MAX_NAME) problems.push({ field: `${prefix}.displayName`, code: "TOO_LONG", message: `The name must be at most ${MAX_NAME} characters.`, value: name.slice(0, 40) });
  return [...problems, ...passwordProblems(`${prefix}.password`, input.password, { email, displayName: name })];
}

/** The user:create command's work: the organisation is made when new. Errors are plain, for a terminal. */
export async function createUser(input: NewUser): Promise<Person> {
  const problems = newUserProblems(input);
  if (problems.length > 0) throw new Error(problems.map((problem) => problem.message).join(" "));
  const email = normaliseEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  const row = await writeTransaction(async (tx) => {
    let organisation = await tx.organisation.findUnique({ where: { key: input.organisationKey } });
    if (!organisation) {
      organisation = await tx.organisation.create({ data: { key: input.organisationKey, name: input.organisationName ?? input.organisationKey, kind: input.organisationKind ?? "PARTY" } });
      await recordAccountChange(tx, COMMAND_LINE, { kind: "ORGANISATION_CREATED", organisationId: organisation.id, details: { key: organisation.key, name: organisation.name, kind: organisation.kind } });
    }
    if (await tx.user.findUnique({ where: { email } })) throw new Error(`A user with the email ${email} exists already.`);
    const user = await tx.user.create({ data: { email, displayName: input.displayName.trim(), role: input.role, passwordHash, organisationId: organisation.id }, include: PERSON_INCLUDE });
    await recordAccountChange(tx, COMMAND_LINE, { kind: "USER_CREATED", userId: user.id, organisationId: organisation.id, details: { email, role: input.role } });
    return user;
  });
  return personOf(row);
}
