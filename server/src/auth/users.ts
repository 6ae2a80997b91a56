/** Reading users with their organisation, as a Caller's Person. */
import type { Prisma } from "../generated/prisma/client.ts";
import type { OrganisationKind, Person, Role } from "./caller.ts";

export const PERSON_INCLUDE = { organisation: true } satisfies Prisma.UserInclude;
export type UserRow = Prisma.UserGetPayload<{ include: typeof PERSON_INCLUDE }>;

export function personOf(row: UserRow): Person {
  const { organisation } = row;
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role as Role,
    organisation: { id: organisation.id, key: organisation.key, name: organisation.name, kind: organisation.kind as OrganisationKind },
    disabledAt: row.disabledAt,
    createdAt: row.createdAt,
  };
}

/** Emails are compared lower-cased and trimmed, so "Anna@FM.dk " signs in as anna@fm.dk. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();
