import { visibleInitiativesWhere } from "../auth/access.ts";
import type { Context } from "../auth/context.ts";
import { builder } from "../builder.ts";
import { frameKeyArg } from "./theme.ts";
import { db } from "../db.ts";
import type { Initiative } from "../generated/prisma/client.ts";
import { AmountBasis } from "./enums.ts";
import { PAGING } from "./paging.ts";
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
    number: t.exposeString("number", { description: "Its number in the strategy (\"3.2\")." }),
    title: t.exposeString("title", { description: "Its title, as printed." }),
    groupNumber: t.exposeInt("groupNumber", { description: "The number of the group of initiatives it belongs to." }),
    description: t.exposeString("description", { description: "Its text, where the strategy gives one.", nullable: true }),
    theme: t.relation("theme", { description: "The strategic theme it falls under, if any.", nullable: true }),
    initiatives: t.relation("initiatives", {
      query: (_args, context) => ({ where: visibleInitiativesWhere(context.caller) }),
      description: "Table rows that fund this numbered initiative (those you may see).",
    }),
    source: t.field({ description: "Where in the documents it is.", type: SourceReference, resolve: (row) => asSource(row.source) }),
  }),
});

builder.prismaObject("AgreementParagraph", {
  description: "A numbered paragraph (1-51) of the agreement of 21 November 2024.",
  fields: (t) => ({
    number: t.exposeInt("number", { description: "The paragraph's number in the agreement." }),
    chapter: t.exposeString("chapter", { nullable: true, description: 'Chapter numeral ("II"); null outside chapters.' }),
    text: t.exposeString("text", { description: "The paragraph verbatim." }),
    statedAmounts: t.relation("statedAmounts", { description: "Amounts this paragraph states." }),
    source: t.field({ description: "Where in the agreement it is.", type: SourceReference, resolve: (row) => asSource(row.source) }),
  }),
});

export const StatedAmountRef = builder.prismaObject("StatedAmount", {
  description: 'An amount stated in the agreement\'s text ("Der afsættes 2 mio. kr. årligt i 2025-2027"), to check against the table.',
  fields: (t) => ({
    key: t.exposeString("id", { description: "Stable key of the stated amount." }),
    quote: t.exposeString("quote", { description: "The sentence that states it, verbatim." }),
    amount: t.expose("amount", { description: "The amount the text states, in mio. kr.", type: "Decimal" }),
    printedAmount: t.exposeString("printedAmount", { description: "The amount as the text prints it." }),
    basis: t.field({ description: "What the amount is: per year, in total over a period, and so on.", type: AmountBasis, resolve: (row) => row.basis as typeof AmountBasis.$inferType }),
    fromYear: t.exposeInt("fromYear", { description: "The first year the amount covers." }),
    toYear: t.exposeInt("toYear", { description: "The last year the amount covers." }),
    withinFrame: t.exposeBoolean("withinFrame", { description: "False for money outside the frame (other agreements, the frame itself)." }),
    note: t.exposeString("note", { description: "A note on how the amount reads, where one is needed.", nullable: true }),
    paragraph: t.relation("paragraph", { description: "The agreement paragraph that states it." }),
  }),
});

builder.prismaObject("SubLineAmount", {
  description: "A sub-line's amount in one year, as the text states it.",
  fields: (t) => ({
    year: t.exposeInt("year", { description: "A frame year." }),
    amount: t.expose("amount", { description: "The sub-line's amount that year, in mio. kr.", type: "Decimal" }),
    printed: t.exposeString("printed", { description: 'As stated in the text ("-" where the text gives nothing that year).' }),
  }),
});

export const InitiativeSubLineRef = builder.prismaObject("InitiativeSubLine", {
  description: "A part of one table row that the agreement's text gives separately (two recipients, or an \"of which\").",
  fields: (t) => ({
    key: t.exposeString("id", { description: "Stable key of the sub-line." }),
    title: t.exposeString("title", { description: "The sub-line's title, as printed." }),
    kind: t.exposeString("kind", { description: "PART (the parts add up to the row) or OF_WHICH (a share of the row)." }),
    amounts: t.relation("amounts", { description: "Its amount per year.", query: { orderBy: { year: "asc" } } }),
    source: t.field({ description: "Where in the documents it is.", type: SourceReference, resolve: (row) => asSource(row.source) }),
  }),
});

builder.prismaObject("InitiativeRecommendation", {
  name: "RecommendationLink",
  description: "Evidence that an initiative answers one of Life Science Rådet's recommendations.",
  fields: (t) => ({
    recommendation: t.relation("recommendation", { description: "The recommendation." }),
    initiative: t.relation("initiative", { description: "The initiative that answers it." }),
    basis: t.exposeString("basis", { description: "EXPLICIT: the text names the recommendation; SUBPOINT: a sub-point asks for what the initiative does." }),
    quote: t.exposeString("quote", { description: "The words in the documents that make the link." }),
    source: t.field({ description: "Where the quote is.", type: SourceReference, resolve: (row) => asSource(row.source) }),
  }),
});

builder.prismaObject("InitiativeContinuation", {
  name: "ContinuationLink",
  description: "Evidence that an initiative continues one of the 2021 strategy's initiatives.",
  fields: (t) => ({
    strategy2021Initiative: t.relation("strategy2021", { description: "The 2021 strategy's initiative continued." }),
    quote: t.exposeString("quote", { description: "The words in the documents that make the link." }),
    source: t.field({ description: "Where the quote is.", type: SourceReference, resolve: (row) => asSource(row.source) }),
  }),
});

/**
 * Initiatives by key, for fields that hold only a key (a cell's, a line difference's): every key asked
 * for while a request resolves one level of a list is read in one query, not one per cell.
 */
const pendingKeys = new WeakMap<Context, { keys: Set<string>; rows: Promise<Map<string, Initiative>> }>();

export function initiativeByKey(context: Context, key: string): Promise<Initiative> {
  let batch = pendingKeys.get(context);
  if (!batch) {
    const keys = new Set<string>();
    // Read after the resolvers of this level have all asked (a microtask later), then forgotten.
    const rows = Promise.resolve().then(async () => {
      pendingKeys.delete(context);
      return new Map((await db.initiative.findMany({ where: { id: { in: [...keys] } } })).map((row) => [row.id, row]));
    });
    batch = { keys, rows };
    pendingKeys.set(context, batch);
  }
  batch.keys.add(key);
  return batch.rows.then((rows) => rows.get(key)!);
}

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
    title: t.exposeString("title", { description: "The initiative's title, as printed (a proposal's as given)." }),
    description: t.exposeString("description", { nullable: true, description: "What the initiative does, from the agreement's text." }),
    isReserve: t.exposeBoolean("isReserve", { description: "True for a reserve line kept for further initiatives." }),
    origin: t.field({ type: InitiativeOrigin, description: "A row of the documents' tables, or a proposal added in a what-if.", resolve: (row) => row.origin as typeof InitiativeOrigin.$inferType }),
    theme: t.relation("theme", { description: "The strategic theme it belongs to." }),
    strategyNumber: t.exposeString("strategyNumber", { nullable: true, description: 'The strategy\'s initiative number ("2.1"), where there is one.' }),
    strategyInitiative: t.relation("strategyInitiative", { description: "The strategy's initiative it implements, if any.", nullable: true }),
    agreementParagraphs: t.field({
      type: ["Int"],
      description: "Numbers of the agreement's paragraphs about this initiative.",
      select: { paragraphs: { select: { paragraphNumber: true }, orderBy: { paragraphNumber: "asc" } } },
      resolve: (row) => row.paragraphs.map((link) => link.paragraphNumber),
    }),
    subLines: t.relation("subLines", { description: "Parts of the initiative the table prints on their own lines.", query: { orderBy: { position: "asc" } } }),
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
    recommendations: t.relation("recommendations", { description: "Life Science Rådet's recommendations it answers.", query: { orderBy: { recommendationNumber: "asc" } } }),
    continues: t.relation("continues", { description: "2021 strategy initiatives this one continues." }),
    sources: t.field({ description: "Where in the documents it is.", type: [SourceReference], resolve: (row) => asSources(row.sources) }),
  }),
});

builder.queryField("initiatives", (t) =>
  t.prismaConnection({
    type: "Initiative",
    cursor: "id",
    description: "Every initiative you may see, by key: the documents' and the proposals of scenarios visible to you; with frameId, only that frame's.",
    args: { frameId: t.arg.id({ description: "Only initiatives under this frame's themes (its global ID or key)." }) },
    ...PAGING,
    resolve: (query, _root, args, context) => db.initiative.findMany({ ...query, where: initiativesWhere(args.frameId, context.caller), orderBy: { id: "asc" } }),
    totalCount: (_root, args, context) => db.initiative.count({ where: initiativesWhere(args.frameId, context.caller) }),
  }, { name: "InitiativeConnection", description: "A page of initiatives." }, { name: "InitiativeEdge", description: "An initiative in a page." }),
);

function initiativesWhere(frameId: string | number | null | undefined, caller: Parameters<typeof visibleInitiativesWhere>[0]) {
  const key = frameKeyArg(frameId);
  return key === null ? visibleInitiativesWhere(caller) : { AND: [visibleInitiativesWhere(caller), { theme: { frameId: key } }] };
}
