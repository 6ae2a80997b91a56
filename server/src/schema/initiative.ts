import { visibleInitiativesWhere } from "../auth/access.ts";
import { builder } from "../builder.ts";
import { db } from "../db.ts";
import { AmountBasis } from "./enums.ts";
import { asSource, asSources, SourceReference } from "./source.ts";

export const InitiativeOrigin = builder.enumType("InitiativeOrigin", {
  description: "Where an initiative comes from.",
  values: {
    DOCUMENT: { description: "A row of one of the documents' allocation tables." },
    PROPOSAL: { description: "A new line proposed in a what-if scenario." },
  },
});

builder.prismaObject("StrategyInitiative", {
  description: 'One of the 2024 strategy\'s numbered initiatives ("1.1" .. "6.3"); not all of them have money in the tables.',
  fields: (t) => ({
    number: t.exposeString("number"),
    title: t.exposeString("title"),
    groupNumber: t.exposeInt("groupNumber"),
    description: t.exposeString("description", { nullable: true }),
    theme: t.relation("theme", { nullable: true }),
    initiatives: t.relation("initiatives", {
      query: (_args, context) => ({ where: visibleInitiativesWhere(context.caller) }),
      description: "Table rows that fund this numbered initiative (those you may see).",
    }),
    source: t.field({ type: SourceReference, resolve: (row) => asSource(row.source) }),
  }),
});

builder.prismaObject("AgreementParagraph", {
  description: "A numbered paragraph (1-51) of the agreement of 21 November 2024.",
  fields: (t) => ({
    number: t.exposeInt("number"),
    chapter: t.exposeString("chapter", { nullable: true, description: 'Chapter numeral ("II"); null outside chapters.' }),
    text: t.exposeString("text", { description: "The paragraph verbatim." }),
    statedAmounts: t.relation("statedAmounts", { description: "Amounts this paragraph states." }),
    source: t.field({ type: SourceReference, resolve: (row) => asSource(row.source) }),
  }),
});

export const StatedAmountRef = builder.prismaObject("StatedAmount", {
  description: 'An amount stated in the agreement\'s text ("Der afsættes 2 mio. kr. årligt i 2025-2027"), to check against the table.',
  fields: (t) => ({
    key: t.exposeString("id"),
    quote: t.exposeString("quote", { description: "The sentence that states it, verbatim." }),
    amount: t.expose("amount", { type: "Decimal" }),
    printedAmount: t.exposeString("printedAmount"),
    basis: t.field({ type: AmountBasis, resolve: (row) => row.basis as typeof AmountBasis.$inferType }),
    fromYear: t.exposeInt("fromYear"),
    toYear: t.exposeInt("toYear"),
    withinFrame: t.exposeBoolean("withinFrame", { description: "False for money outside the frame (other agreements, the frame itself)." }),
    note: t.exposeString("note", { nullable: true }),
    paragraph: t.relation("paragraph"),
  }),
});

builder.prismaObject("SubLineAmount", {
  description: "A sub-line's amount in one year, as the text states it.",
  fields: (t) => ({
    year: t.exposeInt("year"),
    amount: t.expose("amount", { type: "Decimal" }),
    printed: t.exposeString("printed", { description: 'As stated in the text ("-" where the text gives nothing that year).' }),
  }),
});

export const InitiativeSubLineRef = builder.prismaObject("InitiativeSubLine", {
  description: "A part of one table row that the agreement's text gives separately (two recipients, or an \"of which\").",
  fields: (t) => ({
    key: t.exposeString("id"),
    title: t.exposeString("title"),
    kind: t.exposeString("kind", { description: "PART (the parts add up to the row) or OF_WHICH (a share of the row)." }),
    amounts: t.relation("amounts", { query: { orderBy: { year: "asc" } } }),
    source: t.field({ type: SourceReference, resolve: (row) => asSource(row.source) }),
  }),
});

builder.prismaObject("InitiativeRecommendation", {
  name: "RecommendationLink",
  description: "Evidence that an initiative answers one of Life Science Rådet's recommendations.",
  fields: (t) => ({
    recommendation: t.relation("recommendation"),
    initiative: t.relation("initiative"),
    basis: t.exposeString("basis", { description: "EXPLICIT: the text names the recommendation; SUBPOINT: a sub-point asks for what the initiative does." }),
    quote: t.exposeString("quote"),
    source: t.field({ type: SourceReference, resolve: (row) => asSource(row.source) }),
  }),
});

builder.prismaObject("InitiativeContinuation", {
  name: "ContinuationLink",
  description: "Evidence that an initiative continues one of the 2021 strategy's initiatives.",
  fields: (t) => ({
    strategy2021Initiative: t.relation("strategy2021"),
    quote: t.exposeString("quote"),
    source: t.field({ type: SourceReference, resolve: (row) => asSource(row.source) }),
  }),
});

export const InitiativeRef = builder.prismaNode("Initiative", {
  id: { field: "id" },
  // A proposal is as confidential as the draft that made it (auth/access.ts visibleInitiativesWhere):
  // node(id:) answers a hidden one null, and no field returns one.
  nullable: true,
  findUnique: (id, context) => ({ id, AND: [visibleInitiativesWhere(context.caller)] }),
  authScopes: (row) => (row.origin === "DOCUMENT" ? true : { seeInitiative: row.id }),
  description: "A line that can receive money: a row of the documents' tables, or a proposal added in a what-if.",
  fields: (t) => ({
    key: t.exposeString("id", { description: 'Stable key, e.g. "trial-nation".' }),
    title: t.exposeString("title"),
    description: t.exposeString("description", { nullable: true, description: "What the initiative does, from the agreement's text." }),
    isReserve: t.exposeBoolean("isReserve", { description: "True for a reserve line kept for further initiatives." }),
    origin: t.field({ type: InitiativeOrigin, description: "A row of the documents' tables, or a proposal added in a what-if.", resolve: (row) => row.origin as typeof InitiativeOrigin.$inferType }),
    theme: t.relation("theme"),
    strategyNumber: t.exposeString("strategyNumber", { nullable: true, description: 'The strategy\'s initiative number ("2.1"), where there is one.' }),
    strategyInitiative: t.relation("strategyInitiative", { nullable: true }),
    agreementParagraphs: t.field({
      type: ["Int"],
      description: "Numbers of the agreement's paragraphs about this initiative.",
      select: { paragraphs: { select: { paragraphNumber: true }, orderBy: { paragraphNumber: "asc" } } },
      resolve: (row) => row.paragraphs.map((link) => link.paragraphNumber),
    }),
    subLines: t.relation("subLines", { query: { orderBy: { position: "asc" } } }),
    statedAmounts: t.field({
      type: [StatedAmountRef],
      description: "Amounts the agreement's text states for this initiative, in paragraph order.",
      select: {
        statedAmounts: {
          select: { statedAmount: true },
          orderBy: [{ statedAmount: { paragraphNumber: "asc" } }, { statedAmount: { fromYear: "asc" } }],
        },
      },
      resolve: (row) => row.statedAmounts.map((link) => link.statedAmount),
    }),
    recommendations: t.relation("recommendations", { query: { orderBy: { recommendationNumber: "asc" } } }),
    continues: t.relation("continues", { description: "2021 strategy initiatives this one continues." }),
    sources: t.field({ type: [SourceReference], resolve: (row) => asSources(row.sources) }),
  }),
});

builder.queryField("initiatives", (t) =>
  t.prismaConnection({
    type: "Initiative",
    cursor: "id",
    description: "Every initiative you may see, by key: the documents' and the proposals of scenarios visible to you.",
    resolve: (query, _root, _args, context) => db.initiative.findMany({ ...query, where: visibleInitiativesWhere(context.caller), orderBy: { id: "asc" } }),
  }, { name: "InitiativeConnection", description: "A page of initiatives." }, { name: "InitiativeEdge", description: "An initiative in a page." }),
);
