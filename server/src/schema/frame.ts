import { visibleInitiativesWhere, visibleScenariosWhere } from "../auth/access.ts";
import { builder } from "../builder.ts";
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

builder.prismaNode("Frame", {
  id: { field: "id" },
  description: "A fixed budget frame: an amount per year at one price level, e.g. the life science strategy's 100 mio. kr. per year 2024-2027.",
  fields: (t) => ({
    key: t.exposeString("id", { description: "Stable key from seeds/." }),
    name: t.exposeString("name", { description: "The frame's name." }),
    priceLevel: t.exposeString("priceLevel", { description: 'Price level of every amount, e.g. "2024-pl".' }),
    precisionDecimals: t.exposeInt("precisionDecimals", { description: "Decimals of mio. kr. an allocation may have (1: amounts such as 3.5)." }),
    years: t.relation("years", { query: { orderBy: { year: "asc" } }, description: "The frame per year, in year order." }),
    source: t.field({ description: "Where in the documents the frame is set.", type: SourceReference, resolve: (frame) => asSource(frame.source) }),
  }),
});

builder.queryField("frames", (t) =>
  t.prismaField({
    type: ["Frame"],
    description: "Every budget frame.",
    resolve: (query) => db.frame.findMany({ ...query, orderBy: { id: "asc" } }),
  }),
);
