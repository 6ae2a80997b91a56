/**
 * Managing accounts through the API: organisations, users, roles, disabling, resetting a user's
 * password, and a person's own password. The root types' `admin` scope (builder.ts) has already refused anyone but an admin (or a
 * READ_WRITE token of one); here each operation checks its input, then the mode (local has no
 * accounts), then whose users the admin may manage: their own organisation's, or every
 * organisation's for an admin of the secretariat. Another organisation's user is answered as unknown.
 * Every change is one write transaction with its AccountChange entry; a refused one stores nothing.
 */
import { db, writeTransaction, type Transaction } from "../db.ts";
import { isPostgres } from "../db/client.ts";
import { InvalidInputError, type InputProblem } from "../engine/errors.ts";
import { keyFromId, ProblemList } from "../engine/input.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { accountActorOf, recordAccountChange } from "./accountChanges.ts";
import { MAX_NAME, newUserProblems, noAccounts } from "./accounts.ts";
import { MAX_PASSWORD, passwordProblems } from "./passwordPolicy.ts";
import type { Caller, OrganisationInfo, OrganisationKind, Person, Role } from "./caller.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { secretariatOnly } from "./refusal.ts";
import { PERSON_INCLUDE, normaliseEmail, personOf } from "./users.ts";

type AccountsCaller = Extract<Caller, { kind: "session" | "token" }>;

/** The caller as an account holder; the local single-user has none (NO_ACCOUNTS). */
function accountsCaller(caller: Caller): AccountsCaller {
  if (caller.kind !== "session" && caller.kind !== "token") throw noAccounts();
  return caller;
}

const isSecretariat = (admin: Person) => admin.organisation.kind === "SECRETARIAT";
const mayManage = (admin: Person, organisationId: string) => isSecretariat(admin) || admin.organisation.id === organisationId;

const organisationInfo = (row: { id: string; key: string; name: string; kind: string }): OrganisationInfo => ({ id: row.id, key: row.key, name: row.name, kind: row.kind as OrganisationKind });

/** A unique index refused the row (another instance created the same key or email at the same moment). */
const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

export function listOrganisations(): Promise<OrganisationInfo[]> {
  return db.organisation.findMany({ orderBy: [{ kind: "desc" }, { name: "asc" }] }).then((rows) => rows.map(organisationInfo));
}

const KEY_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

export async function createOrganisation(caller: Caller, input: { key: string; name: string; kind: OrganisationKind }): Promise<OrganisationInfo> {
  const problems = new ProblemList();
  const key = input.key.trim();
  if (key === "") problems.add("input.key", "REQUIRED", "The key is required.");
  else if (!KEY_PATTERN.test(key)) problems.add("input.key", "BAD_KEY", "A key is 1 to 40 lower-case letters, digits and hyphens, not starting or ending with a hyphen.", key.slice(0, 40));
  const name = problems.text("input.name", input.name, { max: MAX_NAME, required: true });
  problems.throwIfAny();
  const admin = accountsCaller(caller);
  if (!isSecretariat(admin.user)) throw secretariatOnly();
  const keyTaken = () => InvalidInputError.of("input.key", "KEY_TAKEN", "Another organisation has this key.", key);
  try {
    const row = await writeTransaction(async (tx) => {
      if (await tx.organisation.findUnique({ where: { key } })) throw keyTaken();
      const created = await tx.organisation.create({ data: { key, name: name!, kind: input.kind } });
      await recordAccountChange(tx, accountActorOf(admin), { kind: "ORGANISATION_CREATED", organisationId: created.id, details: { key, name: name!, kind: input.kind } });
      return created;
    });
    return organisationInfo(row);
  } catch (error) {
    throw isUniqueViolation(error) ? keyTaken() : error;
  }
}

export async function findOrganisation(key: string): Promise<OrganisationInfo | null> {
  const row = await db.organisation.findUnique({ where: { key } });
  return row ? organisationInfo(row) : null;
}

/** A user the caller sees: themself, or one they manage (listUsers). Null for anyone else, as for one that does not exist. */
export async function findVisibleUser(caller: Caller, id: string): Promise<Person | null> {
  if (caller.kind !== "session" && caller.kind !== "token") return null;
  const row = await db.user.findUnique({ where: { id }, include: PERSON_INCLUDE });
  if (!row) return null;
  const visible = row.id === caller.user.id || (caller.user.role === "ADMIN" && mayManage(caller.user, row.organisationId));
  return visible ? personOf(row) : null;
}

/** The users an admin may manage, by organisation and name; the local single-user manages none. */
export async function listUsers(caller: Caller): Promise<Person[]> {
  if (caller.kind !== "session" && caller.kind !== "token") return [];
  const where = isSecretariat(caller.user) ? {} : { organisationId: caller.user.organisation.id };
  const rows = await db.user.findMany({ where, include: PERSON_INCLUDE, orderBy: [{ organisation: { name: "asc" } }, { displayName: "asc" }, { email: "asc" }] });
  return rows.map(personOf);
}

export interface NewUserInput {
  email: string;
  displayName: string;
  organisationId: string;
  role: Role;
  password: string;
}

export async function createUserAsAdmin(caller: Caller, input: NewUserInput): Promise<Person> {
  const problems = new ProblemList();
  for (const problem of newUserProblems(input)) problems.push(problem);
  const organisationKey = problems.id("input.organisationId", input.organisationId, "Organisation");
  problems.throwIfAny();
  const admin = accountsCaller(caller);
  const organisation = await db.organisation.findUnique({ where: { key: organisationKey! } });
  if (!organisation) throw InvalidInputError.of("input.organisationId", "UNKNOWN_ORGANISATION", "No organisation has this ID or key.", input.organisationId.slice(0, 60));
  if (!mayManage(admin.user, organisation.id)) throw InvalidInputError.of("input.organisationId", "NOT_YOUR_ORGANISATION", "Only an administrator of the secretariat may add users to another organisation.", organisation.key);
  const email = normaliseEmail(input.email);
  const emailTaken = () => InvalidInputError.of("input.email", "EMAIL_TAKEN", "Another user has this email.", email.slice(0, 40));
  // Hashing takes ~50 ms: done before the write transaction, so it does not hold the writer.
  const passwordHash = await hashPassword(input.password);
  try {
    const row = await writeTransaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email } })) throw emailTaken();
      const user = await tx.user.create({ data: { email, displayName: input.displayName.trim(), role: input.role, passwordHash, organisationId: organisation.id }, include: PERSON_INCLUDE });
      await recordAccountChange(tx, accountActorOf(admin), { kind: "USER_CREATED", userId: user.id, organisationId: organisation.id, details: { email, role: input.role } });
      return user;
    });
    return personOf(row);
  } catch (error) {
    throw isUniqueViolation(error) ? emailTaken() : error;
  }
}

/** User.id is a global ID; the database's own ID, as older clients kept it, is taken too. */
function userIdOf(input: { userId: string }): string {
  const problems = new ProblemList();
  const id = problems.id("input.userId", input.userId.trim(), "User");
  problems.throwIfAny();
  return id!;
}

const unknownUser = (id: string) => InvalidInputError.of("input.userId", "UNKNOWN_USER", "No user with this ID that you may manage.", id.slice(0, 60));

/**
 * Reads the user to change inside the transaction, with their organisation's row locked on
 * PostgreSQL: two admins demoting or disabling the last two admins at once on two instances must
 * take turns, or both would see another admin left. (SQLite's one writer already serialises.)
 */
async function userForChange(tx: Transaction, admin: AccountsCaller, id: string) {
  const found = await tx.user.findUnique({ where: { id }, select: { organisationId: true } });
  if (!found || !mayManage(admin.user, found.organisationId)) throw unknownUser(id);
  if (isPostgres()) await tx.$queryRaw`SELECT "id" FROM "Organisation" WHERE "id" = ${found.organisationId} FOR UPDATE`;
  return tx.user.findUniqueOrThrow({ where: { id }, include: PERSON_INCLUDE });
}

/** Whether the organisation would be left without an active admin if `userId` stopped being one. */
async function isLastAdmin(tx: Transaction, organisationId: string, userId: string): Promise<boolean> {
  const others = await tx.user.count({ where: { organisationId, role: "ADMIN", disabledAt: null, id: { not: userId } } });
  return others === 0;
}

const lastAdmin = (id: string) =>
  InvalidInputError.of("input.userId", "LAST_ADMIN", "This is the organisation's last active administrator; make another user an administrator first.", id.slice(0, 60));

export async function setUserRole(caller: Caller, input: { userId: string; role: Role }): Promise<Person> {
  const id = userIdOf(input);
  const admin = accountsCaller(caller);
  const row = await writeTransaction(async (tx) => {
    const user = await userForChange(tx, admin, id);
    if (user.role === input.role) return user;
    if (user.role === "ADMIN" && !user.disabledAt && (await isLastAdmin(tx, user.organisationId, user.id))) throw lastAdmin(id);
    const updated = await tx.user.update({ where: { id }, data: { role: input.role }, include: PERSON_INCLUDE });
    await recordAccountChange(tx, accountActorOf(admin), { kind: "ROLE_CHANGED", userId: id, organisationId: user.organisationId, details: { before: user.role, after: input.role } });
    return updated;
  });
  return personOf(row);
}

/**
 * Disables a user: from the next request on, their sessions are gone and their API tokens revoked
 * (enabling them again revives neither: they sign in afresh and make new tokens).
 */
export async function disableUser(caller: Caller, input: { userId: string }): Promise<Person> {
  const id = userIdOf(input);
  const admin = accountsCaller(caller);
  if (id === admin.user.id) throw InvalidInputError.of("input.userId", "OWN_ACCOUNT", "You cannot disable your own account.", id.slice(0, 60));
  const row = await writeTransaction(async (tx) => {
    const user = await userForChange(tx, admin, id);
    if (user.disabledAt) return user;
    if (user.role === "ADMIN" && (await isLastAdmin(tx, user.organisationId, user.id))) throw lastAdmin(id);
    const now = new Date();
    const updated = await tx.user.update({ where: { id }, data: { disabledAt: now }, include: PERSON_INCLUDE });
    const sessions = await tx.session.deleteMany({ where: { userId: id } });
    const tokens = await tx.apiToken.updateMany({ where: { ownerId: id, revokedAt: null }, data: { revokedAt: now } });
    await recordAccountChange(tx, accountActorOf(admin), { kind: "USER_DISABLED", userId: id, organisationId: user.organisationId, details: { sessionsEnded: sessions.count, tokensRevoked: tokens.count } });
    return updated;
  });
  return personOf(row);
}

export async function enableUser(caller: Caller, input: { userId: string }): Promise<Person> {
  const id = userIdOf(input);
  const admin = accountsCaller(caller);
  const row = await writeTransaction(async (tx) => {
    const user = await userForChange(tx, admin, id);
    if (!user.disabledAt) return user;
    const updated = await tx.user.update({ where: { id }, data: { disabledAt: null }, include: PERSON_INCLUDE });
    await recordAccountChange(tx, accountActorOf(admin), { kind: "USER_ENABLED", userId: id, organisationId: user.organisationId });
    return updated;
  });
  return personOf(row);
}

/**
 * An admin sets a new password for a user who forgot theirs, under the same rule as the other
 * changes (another organisation's user is UNKNOWN_USER) and the same policy as createUser. Every
 * session of the user ends: whoever is signed in as them, perhaps with the password being replaced,
 * signs in again with the new one. Their API tokens stay, as with changePassword: separate
 * credentials, revoked one by one (revokeApiToken) or all at once by disabling the user. One's own
 * password is changePassword's, which asks for the current one: OWN_ACCOUNT, so a session left open
 * on someone's desk cannot be used to take over its admin's account.
 */
export async function resetUserPassword(caller: Caller, input: { userId: string; newPassword: string }): Promise<{ user: Person; sessionsEnded: number }> {
  const problems = new ProblemList();
  // User.id is a global ID (the database's own ID is taken too), as for every other user change.
  const id = problems.id("input.userId", input.userId.trim(), "User") ?? "";
  for (const problem of passwordProblems("input.newPassword", input.newPassword)) problems.push(problem);
  problems.throwIfAny();
  const admin = accountsCaller(caller);
  if (id === admin.user.id) throw InvalidInputError.of("input.userId", "OWN_ACCOUNT", "Change your own password with changePassword, which asks for the current one.", id.slice(0, 60));
  // Hashed before the write transaction, as createUser does, and for every user ID alike.
  const passwordHash = await hashPassword(input.newPassword);
  return writeTransaction(async (tx) => {
    const user = await userForChange(tx, admin, id);
    // Only now, for a user the admin manages: whether the password is made of the user's own name or email.
    const personal = passwordProblems("input.newPassword", input.newPassword, user);
    if (personal.length > 0) throw new InvalidInputError(personal);
    const updated = await tx.user.update({ where: { id }, data: { passwordHash }, include: PERSON_INCLUDE });
    const ended = await tx.session.deleteMany({ where: { userId: id } });
    await recordAccountChange(tx, accountActorOf(admin), { kind: "PASSWORD_RESET", userId: id, organisationId: user.organisationId, details: { sessionsEnded: ended.count } });
    return { user: personOf(updated), sessionsEnded: ended.count };
  });
}

/**
 * A signed-in person changes their own password. Their other sessions end (a browser left signed in
 * elsewhere, perhaps by whoever learnt the old password); this one stays. API tokens stay: they are
 * separate credentials, each revoked on its own (revokeApiToken).
 */
export async function changePassword(caller: Caller, input: { currentPassword: string; newPassword: string }): Promise<{ user: Person; otherSessionsEnded: number }> {
  const problems: InputProblem[] = [];
  if (input.currentPassword === "") problems.push({ field: "input.currentPassword", code: "REQUIRED", message: "The current password is required.", value: null });
  else if (input.currentPassword.length > MAX_PASSWORD) problems.push({ field: "input.currentPassword", code: "TOO_LONG", message: `At most ${MAX_PASSWORD} characters.`, value: null });
  problems.push(...passwordProblems("input.newPassword", input.newPassword, caller.kind === "session" ? caller.user : {}));
  if (problems.length > 0) throw new InvalidInputError(problems);
  if (caller.kind !== "session") throw noAccounts();
  const row = await db.user.findUniqueOrThrow({ where: { id: caller.user.id } });
  if (!(await verifyPassword(input.currentPassword, row.passwordHash))) throw InvalidInputError.of("input.currentPassword", "WRONG_PASSWORD", "The current password is wrong.");
  const passwordHash = await hashPassword(input.newPassword);
  return writeTransaction(async (tx) => {
    const updated = await tx.user.update({ where: { id: row.id }, data: { passwordHash }, include: PERSON_INCLUDE });
    const ended = await tx.session.deleteMany({ where: { userId: row.id, id: { not: caller.sessionId } } });
    await recordAccountChange(tx, accountActorOf(caller), { kind: "PASSWORD_CHANGED", userId: row.id, organisationId: row.organisationId, details: { otherSessionsEnded: ended.count } });
    return { user: personOf(updated), otherSessionsEnded: ended.count };
  });
}

/** The audit log an admin may read: their organisation's entries, or all for the secretariat; newest first. */
export async function listAccountChanges(caller: Caller, first: number) {
  if (caller.kind !== "session" && caller.kind !== "token") return [];
  const where = isSecretariat(caller.user) ? {} : { organisationId: caller.user.organisation.id };
  const changes = await db.accountChange.findMany({ where, orderBy: { id: "desc" }, take: Math.max(1, Math.min(first, 500)) });
  const userIds = [...new Set(changes.flatMap((change) => (change.userId ? [change.userId] : [])))];
  const organisationIds = [...new Set(changes.flatMap((change) => (change.organisationId ? [change.organisationId] : [])))];
  const [users, organisations] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, include: PERSON_INCLUDE }),
    db.organisation.findMany({ where: { id: { in: organisationIds } } }),
  ]);
  const userById = new Map(users.map((user) => [user.id, personOf(user)]));
  const organisationById = new Map(organisations.map((organisation) => [organisation.id, organisationInfo(organisation)]));
  return changes.map((change) => ({
    ...change,
    user: change.userId ? (userById.get(change.userId) ?? null) : null,
    organisation: change.organisationId ? (organisationById.get(change.organisationId) ?? null) : null,
  }));
}
