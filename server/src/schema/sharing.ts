/**
 * Who a what-if belongs to and who it is shared with: the owner, the caller's own access, the
 * shares and their history on Scenario, and shareScenario / unshareScenario. The rule is
 * auth/access.ts; the writes are engine/sharing.ts.
 */
import { accessOf, SHARE_ACCESSES, visibleSharesWhere, type ScenarioAccess, type ShareAccess } from "../auth/access.ts";
import { mayWrite, type OrganisationInfo } from "../auth/caller.ts";
import { builder } from "../builder.ts";
import { db } from "../db.ts";
import { InvalidInputError } from "../engine/errors.ts";
import { shareScenario, unshareScenario } from "../engine/sharing.ts";
import { OrganisationRef } from "./accounts.ts";
import { ScenarioRef } from "./scenario.ts";

const ShareAccessEnum = builder.enumType("ShareAccess", {
  description: "What a share lets another organisation do with a what-if.",
  values: {
    READ: { description: "See it, compare it, export it, fork it (the fork is theirs) and comment on it." },
    EDIT: { description: "Also change its lines and cells, lock and unlock it, and merge into it. Sharing and archiving stay with the owner." },
  } satisfies Record<ShareAccess, unknown>,
});

const ScenarioAccessEnum = builder.enumType("ScenarioAccess", {
  description: "What you may do with a scenario, your role included.",
  values: {
    OWNER: { description: "Your organisation's what-if: change it, share it, archive it." },
    EDIT: { description: "Shared with your organisation to edit: change it, but not share or archive it." },
    READ: { description: "Read only: a baseline, a what-if shared with you to read, or any scenario when your role or token only reads." },
  } satisfies Record<Exclude<ScenarioAccess, "NONE">, unknown>,
});

const asOrganisation = (row: { id: string; key: string; name: string; kind: string }): OrganisationInfo => ({ ...row, kind: row.kind as OrganisationInfo["kind"] });

builder.prismaObject("ScenarioShare", {
  description: "A what-if shared with another organisation.",
  fields: (t) => ({
    organisation: t.field({ description: "The organisation it is shared with.", type: OrganisationRef, select: { organisation: true }, resolve: (share) => asOrganisation(share.organisation) }),
    access: t.field({ description: "READ or EDIT.", type: ShareAccessEnum, resolve: (share) => share.access as ShareAccess }),
    sharedBy: t.exposeString("sharedBy", { description: "Who shared it, or last changed the access." }),
    sharedAt: t.expose("sharedAt", { description: "When it was shared (or the access last changed).", type: "DateTime" }),
  }),
});

builder.prismaObject("ScenarioShareChange", {
  description: "A share given, changed or taken back: the append-only record of who could see a what-if when.",
  fields: (t) => ({
    organisation: t.field({ description: "The organisation whose access changed.", type: OrganisationRef, select: { organisation: true }, resolve: (change) => asOrganisation(change.organisation) }),
    before: t.field({ type: ShareAccessEnum, nullable: true, description: "null: it was not shared before.", resolve: (change) => change.before as ShareAccess | null }),
    after: t.field({ type: ShareAccessEnum, nullable: true, description: "null: the share was taken back.", resolve: (change) => change.after as ShareAccess | null }),
    actor: t.exposeString("actor", { description: "Who changed it." }),
    at: t.expose("at", { description: "When.", type: "DateTime" }),
  }),
});

builder.prismaObjectFields(ScenarioRef, (t) => ({
  owner: t.field({
    type: OrganisationRef,
    nullable: true,
    description: "The organisation the what-if belongs to; null for a baseline (everyone's).",
    select: { organisation: true },
    resolve: (scenario) => (scenario.organisation ? asOrganisation(scenario.organisation) : null),
  }),
  access: t.field({
    type: ScenarioAccessEnum,
    description: "What you may do with it (your role included): a client shows the scenario read-only unless OWNER or EDIT.",
    select: { kind: true, organisationId: true },
    resolve: async (scenario, _args, context) => {
      const access = await context.guard.accessTo(scenario);
      if (scenario.kind === "BASELINE" || !mayWrite(context.caller) || access === "NONE") return "READ";
      return access;
    },
  }),
  // A relation, so a list of scenarios loads every scenario's shares in one statement.
  sharedWith: t.relation("shares", {
    description: "The organisations it is shared with. Its own organisation sees every share; one it is shared with sees only its own.",
    query: (_args, context) => ({ where: visibleSharesWhere(context.caller), orderBy: { sharedAt: "asc" } }),
  }),
  sharingHistory: t.prismaField({
    type: ["ScenarioShareChange"],
    description: "Every share given, changed or taken back, oldest first; empty unless the what-if is your organisation's.",
    select: { kind: true, organisationId: true },
    resolve: (query, scenario, _args, context) =>
      accessOf(context.caller, scenario, undefined) === "OWNER" && scenario.kind !== "BASELINE"
        ? db.scenarioShareChange.findMany({ ...query, where: { scenarioId: scenario.id }, orderBy: { id: "asc" } })
        : [],
  }),
}));

const ShareScenarioInput = builder.inputType("ShareScenarioInput", {
  description: "The what-if, the organisation to share it with, and what it may do.",
  fields: (t) => ({
    scenarioId: t.id({ required: true, description: "Global ID or key of a what-if of your organisation's." }),
    organisation: t.string({ required: true, description: 'The organisation\'s key ("venstre").' }),
    access: t.field({ description: "READ (see, compare, fork, comment) or EDIT (also change it).", type: ShareAccessEnum, required: true }),
  }),
});

const UnshareScenarioInput = builder.inputType("UnshareScenarioInput", {
  description: "The what-if and the organisation to take the share back from.",
  fields: (t) => ({
    scenarioId: t.id({ description: "The what-if's global ID or key.", required: true }),
    organisation: t.string({ required: true, description: "The organisation's key." }),
  }),
});

builder.mutationField("shareScenario", (t) =>
  t.prismaField({
    type: "Scenario",
    description:
      "Shares a what-if of your organisation's with another organisation, READ or EDIT, or changes the access it has. Only the owning " +
      `organisation's editors and admins share (FORBIDDEN otherwise). Access: ${SHARE_ACCESSES.join(", ")}.`,
    errors: { types: [InvalidInputError] },
    args: { input: t.arg({ description: "The mutation's input.", type: ShareScenarioInput, required: true }) },
    authScopes: (_root, { input }) => ({ ownScenarios: [{ field: "input.scenarioId", id: input.scenarioId }] }),
    resolve: async (query, _root, { input }, context) => {
      const id = await shareScenario({ scenarioId: String(input.scenarioId), organisation: input.organisation, access: input.access }, context.actor);
      return db.scenario.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

builder.mutationField("unshareScenario", (t) =>
  t.prismaField({
    type: "Scenario",
    description: "Takes a share back: from its next request the organisation no longer sees the what-if, and its live streams of it end.",
    errors: { types: [InvalidInputError] },
    args: { input: t.arg({ description: "The mutation's input.", type: UnshareScenarioInput, required: true }) },
    authScopes: (_root, { input }) => ({ ownScenarios: [{ field: "input.scenarioId", id: input.scenarioId }] }),
    resolve: async (query, _root, { input }, context) => {
      const id = await unshareScenario({ scenarioId: String(input.scenarioId), organisation: input.organisation }, context.actor);
      return db.scenario.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);
