import { visibleInitiativesWhere } from "../auth/access.ts";
import { builder } from "../builder.ts";
import { db } from "../db.ts";
import { InitiativeRef } from "./initiative.ts";
import { asSource, SourceReference } from "./source.ts";

builder.prismaObject("RecommendationAmbition", {
  name: "Ambition",
  description: "One of Life Science Rådet's four ambitions, under which its recommendations stand.",
  fields: (t) => ({
    number: t.exposeInt("number", { description: "The ambition's number." }),
    title: t.exposeString("title", { description: "The ambition's title." }),
    text: t.exposeString("text", { description: "Its text, where the documents give one.", nullable: true }),
    source: t.field({ description: "Where in the documents it is.", type: SourceReference, resolve: (row) => asSource(row.source) }),
  }),
});

export const RecommendationRef = builder.prismaObject("Recommendation", {
  description: "One of Life Science Rådet's twelve recommendations (December 2023).",
  fields: (t) => ({
    number: t.exposeInt("number", { description: "1-12, as in \"Anbefaling 1\"." }),
    title: t.exposeString("title", { description: "The recommendation's title." }),
    ambition: t.relation("ambition", { description: "The ambition it serves." }),
    subPoints: t.field({ type: ["String"], description: "The recommendation's sub-points, verbatim.", resolve: (row) => row.subPoints as string[] }),
    initiatives: t.relation("initiatives", {
      description: "Initiatives that answer this recommendation, with the evidence.",
      query: (_args, context) => ({ where: { initiative: visibleInitiativesWhere(context.caller) }, orderBy: { initiativeId: "asc" } }),
    }),
    source: t.field({ description: "Where in the documents it is.", type: SourceReference, resolve: (row) => asSource(row.source) }),
  }),
});

builder.queryField("recommendations", (t) =>
  t.prismaField({
    type: ["Recommendation"],
    description: "Life Science Rådet's twelve recommendations, in order.",
    resolve: (query) => db.recommendation.findMany({ ...query, orderBy: { number: "asc" } }),
  }),
);

builder.prismaObject("Strategy2021Area", {
  description: "One of the 2021 strategy's seven areas.",
  fields: (t) => ({
    number: t.exposeInt("number", { description: "The area's number in the 2021 strategy." }),
    title: t.exposeString("title", { description: "The area's title." }),
    initiatives: t.relation("initiatives", { description: "The area's initiatives, in order.", query: { orderBy: { number: "asc" } } }),
  }),
});

builder.prismaObject("Strategy2021Initiative", {
  description: "One of the 2021 strategy's 38 numbered initiatives (history; the 2021 note gives no amounts).",
  fields: (t) => ({
    number: t.exposeInt("number", { description: "Its number in the 2021 strategy." }),
    title: t.exposeString("title", { description: "Its title." }),
    area: t.relation("area", { description: "The area it belongs to." }),
    continuedBy: t.field({
      type: [InitiativeRef],
      description: "2024 initiatives that continue this one.",
      select: (_args, context) => ({ continuations: { where: { initiative: visibleInitiativesWhere(context.caller) }, select: { initiative: true } } }),
      resolve: (row) => row.continuations.map((link) => link.initiative),
    }),
    source: t.field({ description: "Where in the documents it is.", type: SourceReference, resolve: (row) => asSource(row.source) }),
  }),
});

builder.queryField("strategy2021", (t) =>
  t.prismaField({
    type: ["Strategy2021Area"],
    description: "The 2021 strategy's areas with their numbered initiatives.",
    resolve: (query) => db.strategy2021Area.findMany({ ...query, orderBy: { number: "asc" } }),
  }),
);

builder.queryField("strategyInitiatives", (t) =>
  t.prismaField({
    type: ["StrategyInitiative"],
    description: 'The 2024 strategy\'s numbered initiatives ("1.1" .. "6.3").',
    resolve: (query) => db.strategyInitiative.findMany({ ...query, orderBy: { number: "asc" } }),
  }),
);

builder.queryField("agreementParagraphs", (t) =>
  t.prismaField({
    type: ["AgreementParagraph"],
    description: "The agreement's numbered paragraphs, in order.",
    resolve: (query) => db.agreementParagraph.findMany({ ...query, orderBy: { number: "asc" } }),
  }),
);
