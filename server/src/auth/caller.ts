/** Who is calling: the local single-user, a signed-in person, an API token, or nobody (accounts mode only). */

export type Role = "ADMIN" | "EDITOR" | "VIEWER";
export type OrganisationKind = "SECRETARIAT" | "PARTY";
export type TokenScope = "READ" | "READ_WRITE";

export interface OrganisationInfo {
  id: string;
  key: string;
  name: string;
  kind: OrganisationKind;
}

export interface Person {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisation: OrganisationInfo;
  /** Set when the user may no longer sign in (disableUser); a caller's user never has it. */
  disabledAt: Date | null;
  createdAt: Date;
}

export type Caller =
  | { kind: "local"; name: string }
  | { kind: "session"; user: Person; sessionId: string }
  | { kind: "token"; user: Person; token: { id: string; name: string; scope: TokenScope; prefix: string } }
  | { kind: "anonymous" };

/**
 * The organisation the local single-user belongs to. It is stored from the first fork on (what-ifs
 * belong to an organisation), so a first admin made with `user:create --organisation lokal` keeps
 * the what-ifs made before accounts were turned on.
 */
export const LOCAL_ORGANISATION: OrganisationInfo = { id: "local", key: "lokal", name: "Lokal planlægning", kind: "SECRETARIAT" };

/** The organisation the caller acts for; null for nobody. */
export function organisationOf(caller: Caller): OrganisationInfo {
  if (caller.kind === "session" || caller.kind === "token") return caller.user.organisation;
  if (caller.kind === "local") return LOCAL_ORGANISATION;
  throw new Error("an anonymous caller acts for no organisation (scope-auth lets none this far)");
}

/** The name the history records for the caller's changes. */
export function actorOf(caller: Caller): string {
  switch (caller.kind) {
    case "local":
      return caller.name;
    case "session":
      return caller.user.displayName;
    case "token":
      return `${caller.token.name} (API, ${caller.user.displayName})`;
    case "anonymous":
      return "";
  }
}

export const roleOf = (caller: Caller): Role | null => (caller.kind === "local" ? "ADMIN" : caller.kind === "anonymous" ? null : caller.user.role);

/** Whether the caller may change data: the local user, an admin or editor, or a read-write token of one. */
export function mayWrite(caller: Caller): boolean {
  if (caller.kind === "local") return true;
  if (caller.kind === "anonymous" || caller.user.role === "VIEWER") return false;
  return caller.kind === "session" || caller.token.scope === "READ_WRITE";
}

/**
 * Whether the caller may run admin operations (users, the price index table): the local user, an
 * admin signed in, or a READ_WRITE token of an admin. A READ token never: it may change nothing.
 */
export const mayAdminister = (caller: Caller): boolean => roleOf(caller) === "ADMIN" && mayWrite(caller);

export const ROLES: readonly Role[] = ["ADMIN", "EDITOR", "VIEWER"];
export const ORGANISATION_KINDS: readonly OrganisationKind[] = ["SECRETARIAT", "PARTY"];
export const TOKEN_SCOPES: readonly TokenScope[] = ["READ", "READ_WRITE"];
