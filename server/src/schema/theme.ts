import { visibleInitiativesWhere } from "../auth/access.ts";
import { builder } from "../builder.ts";
import { db } from "../db.ts";
import { keyFromId } from "../engine/input.ts";
import { malformedId } from "./node.ts";
import { asSources, SourceReference } from "./source.ts";

builder.prismaNode("Theme", {
  id: { field: "id" },
  description:
    'A strategic theme: a heading of the allocation tables, one of the strategy\'s six "pejlemærker" and/or a chapter of the agreement.',
  fields: (t) => ({
    key: t.exposeString("id", { description: "Stable key from seeds/." }),
    title: t.exposeString("title", { description: "The theme's title." }),
    frame: t.relation("frame", { description: "The frame whose tables the theme heads." }),
    position: t.exposeInt("position", { description: "Order in which themes are shown." }),
    strategyPejlemaerke: t.exposeInt("strategyPejlemaerke", { nullable: true, description: "The strategy's pejlemærke number (1-6), if any." }),
    strategyInitiativeGroup: t.exposeInt("strategyInitiativeGroup", {
      nullable: true,
      description: 'The group number in the strategy\'s "Oversigt over nye initiativer" (1-6), if any.',
    }),
    agreementChapter: t.exposeString("agreementChapter", { nullable: true, description: 'The agreement\'s chapter numeral ("II"), if any.' }),
    initiatives: t.relation("initiatives", {
      // Only those the caller may see: a hidden proposal is not here, not even as an item to count or to sort by.
      query: (_args, context) => ({ where: visibleInitiativesWhere(context.caller), orderBy: { title: "asc" } }),
      description: "The initiatives under this theme that you may see: the documents' and the proposals of scenarios visible to you.",
    }),
    sources: t.field({ description: "Where in the documents the theme is.", type: [SourceReference], resolve: (theme) => asSources(theme.sources) }),
  }),
});

builder.queryField("themes", (t) =>
  t.prismaField({
    type: ["Theme"],
    description: "The themes of a frame (or of every frame, frame by frame), in display order.",
    args: { frameId: t.arg.id({ description: "Only this frame's themes: its global ID or key. Omitted: every frame's." }) },
    resolve: (query, _root, args) => {
      const frameId = frameKeyArg(args.frameId);
      return db.theme.findMany({ ...query, where: frameId === null ? {} : { frameId }, orderBy: [{ frame: { createdAt: "asc" } }, { frameId: "asc" }, { position: "asc" }] });
    },
  }),
);

/** A frame argument's key; null when omitted; MALFORMED_ID for another type's global ID. */
export function frameKeyArg(value: string | number | null | undefined, field = "frameId"): string | null {
  if (value === null || value === undefined) return null;
  const key = keyFromId(String(value), "Frame");
  if (key === null) throw malformedId(String(value), field, "a Frame");
  return key;
}
