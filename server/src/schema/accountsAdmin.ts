/**
 * Managing accounts: organisations, users and their roles, disabling, resetting a user's password, a
 * person's own password, and the audit log of all of it. Admin-only fields carry ADMIN_ONLY (the `admin` scope, builder.ts),
 * checked before any resolver; which organisation's users an admin may manage is auth/admin.ts's.
 * Passwords go in, never out.
 */
import type { AccountChangeKind } from "../auth/accountChanges.ts";
import { changePassword, createOrganisation, createUserAsAdmin, disableUser, enableUser, listAccountChanges, listOrganisations, listUsers, resetUserPassword, setUserRole } from "../auth/admin.ts";
import type { OrganisationInfo, Person } from "../auth/caller.ts";
import { ADMIN_ONLY } from "../auth/refusal.ts";
import { builder } from "../builder.ts";
import { InvalidInputError } from "../engine/errors.ts";
import type { AccountChange } from "../generated/prisma/client.ts";
import { OrganisationKindEnum, OrganisationRef, RoleEnum, UserRef } from "./accounts.ts";

builder.queryField("organisations", (t) =>
  t.field({
    type: [OrganisationRef],
    description: "Every organisation (the secretariat first, then the parties by name), for any signed-in caller: whom users belong to and scenarios may be shared with.",
    resolve: () => listOrganisations(),
  }),
);

builder.queryField("users", (t) =>
  t.field({
    ...ADMIN_ONLY,
    type: [UserRef],
    description: "Admins only: the users of the caller's organisation (an admin of the secretariat: of every organisation), by organisation and name, disabled ones included. Empty in local mode.",
    resolve: (_root, _args, context) => listUsers(context.caller),
  }),
);

const AccountChangeKindEnum = builder.enumType("AccountChangeKind", {
  description: "What an account change did.",
  values: {
    ORGANISATION_CREATED: { description: "An organisation was created." },
    USER_CREATED: { description: "A user was created." },
    ROLE_CHANGED: { description: "A user's role changed." },
    USER_DISABLED: { description: "A user was disabled (their sessions ended, their tokens revoked)." },
    USER_ENABLED: { description: "A disabled user was enabled again." },
    PASSWORD_CHANGED: { description: "A user changed their own password." },
    PASSWORD_RESET: { description: "An admin set a new password for a user." },
    TOKEN_CREATED: { description: "An API token was created." },
    TOKEN_REVOKED: { description: "An API token was revoked." },
  } satisfies Record<AccountChangeKind, object>,
});

const AccountChangeRef = builder.objectRef<AccountChange & { user: Person | null; organisation: OrganisationInfo | null }>("AccountChange").implement({
  description: "One entry of the accounts' append-only audit log: who changed which account, when.",
  fields: (t) => ({
    kind: t.field({ description: "What was done.", type: AccountChangeKindEnum, resolve: (change) => change.kind as AccountChangeKind }),
    user: t.field({ type: UserRef, nullable: true, description: "The user changed; null for an organisation's creation.", resolve: (change) => change.user }),
    organisation: t.field({ description: "The organisation concerned.", type: OrganisationRef, nullable: true, resolve: (change) => change.organisation }),
    actor: t.exposeString("actor", { description: 'Who did it, as the history names people ("user:create (command line)" for the command).' }),
    at: t.expose("at", { description: "When.", type: "DateTime" }),
    details: t.exposeString("details", { description: 'What changed, as JSON: {"before":"EDITOR","after":"ADMIN"}, {"email":"…","role":"VIEWER"}, {"sessionsEnded":1,"tokensRevoked":0}, {"name":"Regneark","prefix":"ramme_1a2b3c4d","scope":"READ"}. Never a password or a token\'s secret.' }),
  }),
});

builder.queryField("accountChanges", (t) =>
  t.field({
    ...ADMIN_ONLY,
    type: [AccountChangeRef],
    description: "Admins only: the audit log of account changes in the caller's organisation (the secretariat's admins: all), newest first.",
    args: { first: t.arg.int({ defaultValue: 100, description: "How many, at most 500." }) },
    resolve: (_root, args, context) => listAccountChanges(context.caller, args.first ?? 100),
  }),
);

const CreateOrganisationInput = builder.inputType("CreateOrganisationInput", {
  description: "A new organisation.",
  fields: (t) => ({
    key: t.string({ required: true, description: 'Short and stable: lower-case letters, digits, hyphens ("venstre").' }),
    name: t.string({ required: true, description: 'As shown: "Venstre".' }),
    kind: t.field({ description: "SECRETARIAT or PARTY.", type: OrganisationKindEnum, required: true }),
  }),
});

builder.mutationField("createOrganisation", (t) =>
  t.field({
    ...ADMIN_ONLY,
    type: OrganisationRef,
    errors: { types: [InvalidInputError] },
    description: "Admins of the secretariat only (another admin: 403 FORBIDDEN): adds an organisation. KEY_TAKEN when the key exists.",
    args: { input: t.arg({ description: "The mutation's input.", type: CreateOrganisationInput, required: true }) },
    resolve: (_root, { input }, context) => createOrganisation(context.caller, input),
  }),
);

const CreateUserInput = builder.inputType("CreateUserInput", {
  description: "A new user and the initial password their admin passes on to them.",
  fields: (t) => ({
    email: t.string({ required: true, description: "Signs in with it; any case." }),
    displayName: t.string({ required: true, description: "The name the history records." }),
    organisationId: t.string({ required: true, description: "Organisation.id or its key." }),
    role: t.field({ description: "What the user may do: ADMIN, EDITOR or VIEWER.", type: RoleEnum, required: true }),
    password: t.string({ required: true, description: "At least 12 characters. Never returned or logged." }),
  }),
});

builder.mutationField("createUser", (t) =>
  t.field({
    ...ADMIN_ONLY,
    type: UserRef,
    errors: { types: [InvalidInputError] },
    description: "Admins only: adds a user to the admin's organisation (an admin of the secretariat: to any organisation).",
    args: { input: t.arg({ description: "The mutation's input.", type: CreateUserInput, required: true }) },
    resolve: (_root, { input }, context) => createUserAsAdmin(context.caller, input),
  }),
);

const SetUserRoleInput = builder.inputType("SetUserRoleInput", {
  description: "A user and their new role.",
  fields: (t) => ({ userId: t.id({ required: true, description: "User.id." }), role: t.field({ description: "The new role.", type: RoleEnum, required: true }) }),
});
const UserIdInput = builder.inputType("UserIdInput", {
  description: "A user (User.id).",
  fields: (t) => ({ userId: t.id({ description: "The user's global ID (User.id).", required: true }) }),
});

builder.mutationField("setUserRole", (t) =>
  t.field({
    ...ADMIN_ONLY,
    type: UserRef,
    errors: { types: [InvalidInputError] },
    description: "Admins only: changes a user's role, at once for their sessions and tokens. LAST_ADMIN for the organisation's last active admin.",
    args: { input: t.arg({ description: "The mutation's input.", type: SetUserRoleInput, required: true }) },
    resolve: (_root, { input }, context) => setUserRole(context.caller, { userId: String(input.userId), role: input.role }),
  }),
);

builder.mutationField("disableUser", (t) =>
  t.field({
    ...ADMIN_ONLY,
    type: UserRef,
    errors: { types: [InvalidInputError] },
    description:
      "Admins only: the user can no longer sign in; their sessions end and their API tokens are revoked, refused from the next request on. " +
      "OWN_ACCOUNT for oneself, LAST_ADMIN for the organisation's last active admin. Disabling a disabled user changes nothing.",
    args: { input: t.arg({ description: "The mutation's input.", type: UserIdInput, required: true }) },
    resolve: (_root, { input }, context) => disableUser(context.caller, { userId: String(input.userId) }),
  }),
);

builder.mutationField("enableUser", (t) =>
  t.field({
    ...ADMIN_ONLY,
    type: UserRef,
    errors: { types: [InvalidInputError] },
    description: "Admins only: the user may sign in again (with new sessions and tokens; the old ones stay ended).",
    args: { input: t.arg({ description: "The mutation's input.", type: UserIdInput, required: true }) },
    resolve: (_root, { input }, context) => enableUser(context.caller, { userId: String(input.userId) }),
  }),
);

const ResetUserPasswordInput = builder.inputType("ResetUserPasswordInput", {
  description: "A user and the new password their admin passes on to them.",
  fields: (t) => ({
    userId: t.id({ required: true, description: "User.id." }),
    newPassword: t.string({ required: true, description: "At least 12 characters. Never returned or logged." }),
  }),
});
const PasswordResetRef = builder.simpleObject("PasswordReset", {
  description: "The user's password is reset; all their sessions have ended, their API tokens go on.",
  fields: (t) => ({ user: t.field({ description: "The user whose password was reset.", type: UserRef }), sessionsEnded: t.int({ description: "How many sessions of the user ended." }) }),
});

builder.mutationField("resetUserPassword", (t) =>
  t.field({
    ...ADMIN_ONLY,
    type: PasswordResetRef,
    errors: { types: [InvalidInputError] },
    description:
      "Admins only: sets a new password for a user of the admin's organisation (an admin of the secretariat: of any organisation) who forgot theirs. " +
      "All the user's sessions end at once; their API tokens stay (revoke them with revokeApiToken, or disable the user). " +
      "OWN_ACCOUNT for oneself (use changePassword), UNKNOWN_USER for another organisation's user.",
    args: { input: t.arg({ description: "The mutation's input.", type: ResetUserPasswordInput, required: true }) },
    resolve: (_root, { input }, context) => resetUserPassword(context.caller, { userId: String(input.userId), newPassword: input.newPassword }),
  }),
);

const ChangePasswordInput = builder.inputType("ChangePasswordInput", {
  description: "The current password and the new one (at least 12 characters).",
  fields: (t) => ({ currentPassword: t.string({ description: "The caller's current password.", required: true }), newPassword: t.string({ description: "The new password: 12 to 1,024 characters.", required: true }) }),
});
const PasswordChangedRef = builder.simpleObject("PasswordChanged", {
  description: "The password is changed; the caller's other sessions have ended, this one goes on.",
  fields: (t) => ({ user: t.field({ description: "The caller.", type: UserRef }), otherSessionsEnded: t.int({ description: "How many other sessions of the user ended." }) }),
});

builder.mutationField("changePassword", (t) =>
  t.field({
    type: PasswordChangedRef,
    errors: { types: [InvalidInputError] },
    // Any signed-in person, viewers too; not an API token.
    skipTypeScopes: true,
    authScopes: { person: true },
    description: "The signed-in person changes their own password (WRONG_PASSWORD when the current one is wrong). Ends their other sessions; API tokens stay.",
    args: { input: t.arg({ description: "The mutation's input.", type: ChangePasswordInput, required: true }) },
    resolve: (_root, { input }, context) => changePassword(context.caller, input),
  }),
);
