import { visibleInitiativesWhere, visibleScenariosWhere } from "../auth/access.ts";
import type { OrganisationKind } from "../auth/caller.ts";
import { builder } from "../builder.ts";
import { keyFromId } from "../engine/input.ts";
import { DOCUMENTS_ACTOR } from "../seed/seedDatabase.ts";
import { OrganisationRef } from "./accounts.ts";
import { malformedId } from "./node.ts";
import { db } from "../db.ts";
import { AmountBasis, OutsideFrameKind } from "./enums.ts";
import { InitiativeRef } from "./initiative.ts";
import { asSource, SourceReference } from "./source.ts";

export const FrameYearRef = builder.prismaObject("FrameYear", {
  description: "The frame's amount in one year.",
  fields: (t) => ({
    year: t.exposeInt("year", { description: "A frame year." }),
    amount: t.expose("amount", { type: "Decimal", description: "The frame that year, in mio. kr." }),
  }),
});

export const OutsideFrameAmountRef = builder.prismaNode("OutsideFrameAmount", {
  id: { field: "id" },
  // A fork carries copies of its parent's notes: they are as visible as the fork (auth/access.ts).
  nullable: true,
  findUnique: (id, context) => ({ id, AND: [{ OR: [{ scenarioId: null }, { scenario: visibleScenariosWhere(context.caller) }] }] }),
  authScopes: (row) => (row.scenarioId === null ? true : { seeScenario: row.scenarioId }),
  description:
    "Money a document records beside the frame, never inside it: co-financing, funds already disbursed, amounts the parties only note.",
  fields: (t) => ({
    key: t.exposeString("id", { description: "Stable key from seeds/." }),
    kind: t.field({ description: "What kind of money beside the frame it is.", type: OutsideFrameKind, resolve: (row) => row.kind as typeof OutsideFrameKind.$inferType }),
    description: t.exposeString("description", { description: "What the documents say it is." }),
    amount: t.expose("amount", { type: "Decimal", nullable: true, description: "Null where the document gives no amount." }),
    printedAmount: t.exposeString("printedAmount", { nullable: true, description: "The amount as printed." }),
    basis: t.field({ description: "What the amount is: per year, in total over a period, and so on.", type: AmountBasis, nullable: true, resolve: (row) => row.basis as typeof AmountBasis.$inferType | null }),
    fromYear: t.exposeInt("fromYear", { description: "The first year it covers.", nullable: true }),
    toYear: t.exposeInt("toYear", { description: "The last year it covers.", nullable: true }),
    note: t.exposeString("note", { nullable: true, description: "What a reader must know about how the amount was read." }),
    explainsStatedTotal: t.boolean({
      description: "True when a table's printed total includes this amount although the table's lines do not.",
      resolve: (row) => row.explainsTableId !== null,
    }),
    initiatives: t.field({
      type: [InitiativeRef],
      description: "The initiatives the money is for, if the document names any.",
      select: (_args, context) => ({ initiatives: { where: { initiative: visibleInitiativesWhere(context.caller) }, select: { initiative: true } } }),
      resolve: (row) => row.initiatives.map((link) => link.initiative),
    }),
    source: t.field({ description: "Where in the documents it is.", type: SourceReference, resolve: (row) => asSource(row.source) }),
  }),
});

export const FrameRef = builder.prismaNode("Frame", {
  id: { field: "id" },
  description:
    "A fixed budget frame: an amount per year at one price level, e.g. the life science strategy's 100 mio. kr. per year 2024-2027. Every signed-in caller sees every frame; " +
    "scenarios, themes and initiatives belong to one.",
  fields: (t) => ({
    key: t.exposeString("id", { description: "Stable key: from seeds/ for the life science frame, made from the name for others." }),
    name: t.exposeString("name", { description: "The frame's name (unique)." }),
    description: t.exposeString("description", { nullable: true, description: "What the frame is: the agreement or Finance Act pool it comes from." }),
    owner: t.field({
      type: OrganisationRef,
      nullable: true,
      description: "The secretariat that owns the frame; null for the frame the documents seed.",
      select: { organisation: true },
      resolve: (frame) => (frame.organisation ? { id: frame.organisation.id, key: frame.organisation.key, name: frame.organisation.name, kind: frame.organisation.kind as OrganisationKind } : null),
    }),
    priceLevel: t.exposeString("priceLevel", { description: 'Price level of every amount, e.g. "2024-pl".' }),
    precisionDecimals: t.exposeInt("precisionDecimals", { description: "Decimals of mio. kr. an allocation may have (1: amounts such as 3.5)." }),
    years: t.relation("years", { query: { orderBy: { year: "asc" } }, description: "The frame per year, in year order: one consecutive range." }),
    themes: t.relation("themes", { query: { orderBy: { position: "asc" } }, description: "The frame's themes (the headings of its tables), in display order." }),
    archived: t.boolean({ description: "True when archived: still readable, but not offered for new work (frames lists it only when asked).", resolve: (frame) => frame.archivedAt !== null }),
    archivedAt: t.expose("archivedAt", { type: "DateTime", nullable: true, description: "When it was archived; null when it is not." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was created (for the seeded frame: when the database was first seeded)." }),
    createdBy: t.exposeString("createdBy", { nullable: true, description: 'Who created it ("Dokumenterne" for the seeded frame).' }),
    hasDocuments: t.boolean({
      description:
        "True for the frame the documents seed (the life science frame): only it has recommendations, the 2021 strategy, the agreement's text and its stated amounts. " +
        "Views resting on those (recommendation coverage, the text checks of the consistency report) say so plainly for other frames.",
      resolve: (frame) => frame.createdBy === DOCUMENTS_ACTOR,
    }),
    source: t.field({ description: "Where the frame is set: a document, or the file or call that created it.", type: SourceReference, resolve: (frame) => asSource(frame.source) }),
  }),
});

builder.queryField("frames", (t) =>
  t.prismaField({
    type: ["Frame"],
    description: "Every budget frame, the seeded one first, then by name. Archived ones only when asked for.",
    args: { includeArchived: t.arg.boolean({ defaultValue: false, description: "Include archived frames." }) },
    resolve: async (query, _root, args) => {
      const frames = await db.frame.findMany({ ...query, where: args.includeArchived ? {} : { archivedAt: null }, orderBy: [{ createdAt: "asc" }, { name: "asc" }] });
      return frames;
    },
  }),
);

builder.queryField("frame", (t) =>
  t.prismaField({
    type: "Frame",
    nullable: true,
    description: "A frame by its global ID or key (archived ones too); null when there is none. Another type's global ID is MALFORMED_ID.",
    args: { id: t.arg.id({ required: true, description: 'The frame\'s global ID or key ("life-science-2024-2027").' }) },
    resolve: (query, _root, args) => {
      const key = keyFromId(String(args.id), "Frame");
      if (key === null) throw malformedId(String(args.id), "id", "a Frame");
      return db.frame.findUnique({ ...query, where: { id: key } });
    },
  }),
);
