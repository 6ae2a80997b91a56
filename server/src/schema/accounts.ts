/**
 * Accounts: who am I (me), sign in and out, and API tokens. The checks themselves are the root
 * types' scopes (builder.ts); signIn alone is open to anonymous callers. Secrets are returned once,
 * by createApiToken; passwords are never returned or logged.
 */
import { createToken, findManagedToken, organisationTokensOf, revokeToken, signIn, tokensOf } from "../auth/accounts.ts";
import { findOrganisation, findVisibleUser } from "../auth/admin.ts";
import { actorOf, LOCAL_ORGANISATION, organisationOf, ORGANISATION_KINDS, roleOf, TOKEN_SCOPES, type Caller, type OrganisationInfo, type Person } from "../auth/caller.ts";
import { clearedSessionCookie, sessionCookie, setCookieOn } from "../auth/cookies.ts";
import { ADMIN_ONLY } from "../auth/refusal.ts";
import { endSession } from "../auth/sessions.ts";
import { PERSON_INCLUDE, personOf, type UserRow } from "../auth/users.ts";
import { builder } from "../builder.ts";
import { db } from "../db.ts";
import { InvalidInputError } from "../engine/errors.ts";
import type { ApiToken } from "../generated/prisma/client.ts";

const AuthModeEnum = builder.enumType("AuthMode", {
  description: "How this server authenticates (RAMME_AUTH).",
  values: {
    LOCAL: { description: "Local single-user: no sign-in; the one local user is an admin and names themselves (x-ramme-user)." },
    ACCOUNTS: { description: "Accounts: every operation but signIn needs a session cookie or an API token." },
  },
});
export const RoleEnum = builder.enumType("Role", {
  description: "What a user may do.",
  values: { ADMIN: { description: "Manages users and baselines." }, EDITOR: { description: "Creates and edits scenarios." }, VIEWER: { description: "Reads; changes nothing." } },
});
export const OrganisationKindEnum = builder.enumType("OrganisationKind", {
  description: "The ministry's secretariat or a party at the table.",
  values: {
    SECRETARIAT: { description: "The ministry's secretariat: its admins manage every organisation's users." },
    PARTY: { description: "A party at the table." },
  } satisfies Record<(typeof ORGANISATION_KINDS)[number], object>,
});
const ApiTokenScopeEnum = builder.enumType("ApiTokenScope", {
  description: "What an API token may do, within its owner's role.",
  values: { READ: { description: "Queries and subscriptions only; mutations are refused (FORBIDDEN)." }, READ_WRITE: { description: "Everything its owner may do." } },
});

export const OrganisationRef = builder.node(builder.objectRef<OrganisationInfo>("Organisation"), {
  description: "The secretariat or a party; users belong to one.",
  // The global ID names the key, so it is stable across databases: what createUser's organisationId takes, beside the key.
  id: { resolve: (organisation) => organisation.key },
  // Every signed-in caller sees every organisation (`organisations`).
  loadOne: (key) => findOrganisation(key),
  fields: (t) => ({
    key: t.exposeString("key", { description: "Stable key (\"venstre\"): what organisationId and share's organisation take, beside the ID." }),
    name: t.exposeString("name", { description: "Its name as shown." }),
    kind: t.field({ description: "SECRETARIAT or PARTY.", type: OrganisationKindEnum, resolve: (organisation) => organisation.kind }),
  }),
});

export const UserRef = builder.node(builder.objectRef<Person>("User"), {
  description: "A person who signs in.",
  id: { resolve: (user) => user.id },
  // node(id:) finds the caller and the users the caller manages (`users`); anyone else is null, as an unknown ID is.
  loadOne: (id, context) => findVisibleUser(context.caller, id),
  fields: (t) => ({
    email: t.exposeString("email", { description: "The user's email address (lower case): what they sign in with." }),
    displayName: t.exposeString("displayName", { description: "The name the history records for their changes." }),
    role: t.field({ description: "What they may do.", type: RoleEnum, resolve: (user) => user.role }),
    organisation: t.field({ description: "The organisation they belong to.", type: OrganisationRef, resolve: (user) => user.organisation }),
    disabled: t.boolean({ description: "A disabled user cannot sign in, and their sessions and API tokens are refused (disableUser).", resolve: (user) => user.disabledAt !== null }),
    disabledAt: t.expose("disabledAt", { description: "When they were disabled; null while active.", type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { description: "When the user was made.", type: "DateTime" }),
  }),
});

/** A token row; lists load its owner with it (one query), single tokens look the owner up when asked. */
type ApiTokenRow = ApiToken & { owner?: UserRow };

const ApiTokenRef = builder.node(builder.objectRef<ApiTokenRow>("ApiToken"), {
  description: "An API token for a client app. Its secret is shown once, by createApiToken, and never again.",
  id: { resolve: (token) => token.id },
  // node(id:) finds the tokens the caller may revoke (revokeApiToken); anyone else's is null, as an unknown ID is.
  loadOne: (id, context) => findManagedToken(context.caller, id),
  fields: (t) => ({
    name: t.exposeString("name", { description: "The name given to tell tokens apart (\"Regneark\")." }),
    scope: t.field({ description: "What the token may do.", type: ApiTokenScopeEnum, resolve: (token) => token.scope as (typeof TOKEN_SCOPES)[number] }),
    prefix: t.string({ description: 'The token\'s visible start, "ramme_1a2b3c4d", to tell tokens apart.', resolve: (token) => `ramme_${token.prefix}` }),
    createdAt: t.expose("createdAt", { description: "When it was created.", type: "DateTime" }),
    lastUsedAt: t.expose("lastUsedAt", { type: "DateTime", nullable: true, description: "Last use, to the minute." }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true, description: "When it was revoked; it is refused from then on." }),
    owner: t.field({
      type: UserRef,
      description: "Whose it is: the token acts as this user.",
      resolve: async (token) => personOf(token.owner ?? (await db.user.findUniqueOrThrow({ where: { id: token.ownerId }, include: PERSON_INCLUDE }))),
    }),
  }),
});

const MeRef = builder.objectRef<Caller>("Me").implement({
  description: "Who is calling: the local single-user, a signed-in user, or an API token and its owner.",
  fields: (t) => ({
    mode: t.field({ description: "How this server authenticates.", type: AuthModeEnum, resolve: (caller) => (caller.kind === "local" ? "LOCAL" : "ACCOUNTS") }),
    actor: t.string({ description: "The name the history records for the caller's changes.", resolve: actorOf }),
    role: t.field({ type: RoleEnum, description: "The local user is an admin; a token has its owner's role.", resolve: (caller) => roleOf(caller) ?? "VIEWER" }),
    organisation: t.field({ description: "The caller's organisation (local mode: lokal).", type: OrganisationRef, resolve: (caller) => (caller.kind === "anonymous" ? LOCAL_ORGANISATION : organisationOf(caller)) }),
    user: t.field({ type: UserRef, nullable: true, description: "The signed-in user or the token's owner; null in local mode.", resolve: (caller) => (caller.kind === "session" || caller.kind === "token" ? caller.user : null) }),
    token: t.field({ type: ApiTokenRef, nullable: true, description: "The API token the request came with, if any.", resolve: (caller) => (caller.kind === "token" ? db.apiToken.findUnique({ where: { id: caller.token.id } }) : null) }),
    canWrite: t.boolean({ description: "Whether mutations are allowed (not a viewer, not a READ token).", resolve: (caller) => caller.kind === "local" || (caller.kind !== "anonymous" && caller.user.role !== "VIEWER" && (caller.kind === "session" || caller.token.scope === "READ_WRITE")) }),
  }),
});

builder.queryField("me", (t) => t.field({ type: MeRef, description: "Who is calling, and how this server authenticates.", resolve: (_root, _args, context) => context.caller }));

builder.queryField("apiTokens", (t) =>
  t.field({ type: [ApiTokenRef], description: "The caller's API tokens (a token's: its owner's), newest first, revoked ones included; never their secrets.", resolve: (_root, _args, context) => tokensOf(context.caller) }),
);

builder.queryField("organisationApiTokens", (t) =>
  t.field({
    ...ADMIN_ONLY,
    type: [ApiTokenRef],
    description: "Admins only: the API tokens of every user in the caller's own organisation (also for an admin of the secretariat), newest first, revoked ones included; never their secrets. Those revokeApiToken lets an admin revoke.",
    resolve: (_root, _args, context) => organisationTokensOf(context.caller),
  }),
);

const SignInInput = builder.inputType("SignInInput", {
  description: "The email (any case) and password of a user.",
  fields: (t) => ({ email: t.string({ description: "The user's email address, in any case.", required: true }), password: t.string({ description: "The user's password.", required: true }) }),
});
const SignedInRef = builder.simpleObject("SignedIn", {
  description: "A new session; its token is in the HttpOnly session cookie set with this answer, never in the body.",
  fields: (t) => ({ user: t.field({ description: "Who signed in.", type: UserRef }), expiresAt: t.field({ type: "DateTime", description: "When the session ends unless used before (each use extends it)." }) }),
});

builder.mutationField("signIn", (t) =>
  t.field({
    type: SignedInRef,
    errors: { types: [InvalidInputError] },
    skipTypeScopes: true,
    description: "Signs in with email and password: sets the session cookie. A wrong email and a wrong password give the same BAD_CREDENTIALS.",
    args: { input: t.arg({ description: "The mutation's input.", type: SignInInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const { user, token, expiresAt } = await signIn(context.caller, input);
      setCookieOn(context.request, sessionCookie(context.request, token, expiresAt));
      return { user, expiresAt };
    },
  }),
);

const SignedOutRef = builder.simpleObject("SignedOut", {
  description: "The session ended, and its cookie cleared.",
  fields: (t) => ({ signedOut: t.boolean({ description: "Whether a session was ended (false for the local user and for API tokens, which have none)." }) }),
});

builder.mutationField("signOut", (t) =>
  t.field({
    type: SignedOutRef,
    errors: { types: [InvalidInputError] },
    skipTypeScopes: true,
    authScopes: { signedIn: true },
    description: "Ends the caller's session and clears the cookie.",
    resolve: async (_root, _args, context) => {
      if (context.caller.kind !== "session") return { signedOut: false };
      await endSession(context.caller.sessionId);
      setCookieOn(context.request, clearedSessionCookie(context.request));
      return { signedOut: true };
    },
  }),
);

const CreateApiTokenInput = builder.inputType("CreateApiTokenInput", {
  description: "A name for the new token and what it may do.",
  fields: (t) => ({ name: t.string({ required: true, description: "What it is for, e.g. \"Regneark-import\"." }), scope: t.field({ description: "What the token may do: READ, or READ_WRITE (within the caller's role).", type: ApiTokenScopeEnum, required: true }) }),
});
const CreatedApiTokenRef = builder.simpleObject("CreatedApiToken", {
  description: "A new API token and, this once, its secret.",
  fields: (t) => ({ token: t.field({ description: "The token, as apiTokens lists it.", type: ApiTokenRef }), secret: t.string({ description: "The token to send as `Authorization: Bearer <secret>`. Shown this once; only its hash is kept." }) }),
});

builder.mutationField("createApiToken", (t) =>
  t.field({
    type: CreatedApiTokenRef,
    errors: { types: [InvalidInputError] },
    skipTypeScopes: true,
    authScopes: { person: true },
    description: "Creates an API token owned by the signed-in user (a viewer: READ only). Needs a session, not a token.",
    args: { input: t.arg({ description: "The mutation's input.", type: CreateApiTokenInput, required: true }) },
    resolve: (_root, { input }, context) => createToken(context.caller, input),
  }),
);

const RevokeApiTokenInput = builder.inputType("RevokeApiTokenInput", { description: "The token to revoke (ApiToken.id).", fields: (t) => ({ id: t.id({ description: "The token's global ID (ApiToken.id).", required: true }) }) });

builder.mutationField("revokeApiToken", (t) =>
  t.field({
    type: ApiTokenRef,
    errors: { types: [InvalidInputError] },
    skipTypeScopes: true,
    authScopes: { person: true },
    description: "Revokes an API token of the caller's (an admin: of anyone in their organisation). Refused from the next request on.",
    args: { input: t.arg({ description: "The mutation's input.", type: RevokeApiTokenInput, required: true }) },
    resolve: (_root, { input }, context) => revokeToken(context.caller, { id: String(input.id) }),
  }),
);


