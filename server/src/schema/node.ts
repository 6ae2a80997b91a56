/**
 * Relay's `node` and `nodes`, with the error contract: an ID that is not a global ID of a Node type
 * is answered with a coded error on `node`, and with null for that entry alone in `nodes`, so one
 * stale or mistyped ID does not cost a client the rest of its list.
 */
import { resolveNodes } from "@pothos/plugin-relay";
import type { GraphQLObjectType, GraphQLResolveInfo } from "graphql";
import { createGraphQLError } from "graphql-yoga";
import type { Context } from "../auth/context.ts";
import { builder } from "../builder.ts";
import { visibleScenariosWhere } from "../auth/access.ts";
import type { Caller } from "../auth/caller.ts";
import { db } from "../db.ts";
import { decodeGlobalId, rowId } from "../engine/input.ts";
import { BAD_USER_INPUT } from "../errorCodes.ts";

export const MALFORMED_ID = "MALFORMED_ID";
const MAX_IDS = 100;

/** The global ID as resolveNodes takes it, or null when it names no Node type of this schema. */
function nodeId(value: string, info: GraphQLResolveInfo): { typename: string; id: string } | null {
  const decoded = decodeGlobalId(value);
  if (decoded === null) return null;
  // Told apart by shape, not graphql's isObjectType: under vitest the schema's classes may come from another copy of graphql.
  const type = info.schema.getType(decoded.typeName) as GraphQLObjectType | undefined;
  const isNode = type !== undefined && "isTypeOf" in type && type.getInterfaces().some((candidate) => candidate.name === "Node");
  return isNode ? { typename: decoded.typeName, id: decoded.key } : null;
}

const shortened = (value: string) => (value.length > 60 ? `${value.slice(0, 60)}…` : value);

/** The coded error of an ID argument that names no object of the kind asked for. */
export function malformedId(value: string, field: string, typeName = "any object"): Error {
  return createGraphQLError(`${JSON.stringify(shortened(value))} is not the global ID of ${typeName}.`, { extensions: { code: MALFORMED_ID, field } });
}

type NodeId = { typename: string; id: string } | null;

/**
 * The rows of Node types that are parts of a scenario and seen with it: of `keys`, those whose
 * scenario the caller may see. Their types load by unique ID alone (so Prisma batches the loads of
 * their fields), which is why node(id:) checks them here, one query per type.
 */
const visibleParts: Record<string, (keys: number[], caller: Caller) => Promise<{ id: number }[]>> = {
  ScenarioChange: (keys, caller) => db.scenarioChange.findMany({ where: { id: { in: keys }, scenario: visibleScenariosWhere(caller) }, select: { id: true } }),
  Comment: (keys, caller) => db.comment.findMany({ where: { id: { in: keys }, scenario: visibleScenariosWhere(caller) }, select: { id: true } }),
};

/** The IDs with those of hidden scenario parts replaced by null, as IDs of nothing. */
async function withoutHidden(ids: NodeId[], caller: Caller): Promise<NodeId[]> {
  const visible = new Set<string>();
  await Promise.all(
    Object.entries(visibleParts).map(async ([typename, find]) => {
      const keys = ids.filter((id) => id?.typename === typename).map((id) => rowId(id!.id));
      if (keys.length > 0) for (const row of await find(keys, caller)) visible.add(`${typename}:${row.id}`);
    }),
  );
  return ids.map((id) => (id && id.typename in visibleParts && !visible.has(`${id.typename}:${rowId(id.id)}`) ? null : id));
}

const load = async (context: Context, info: GraphQLResolveInfo, ids: NodeId[]) =>
  (await resolveNodes(builder, context, info, await withoutHidden(ids, context.caller))) as unknown[];

builder.queryField("node", (t) =>
  t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    description: "Any object by its global ID; null when there is none or it is not visible to you. An ID that is not a global ID is MALFORMED_ID.",
    args: { id: t.arg.id({ required: true, description: "A global ID, as an object's `id` field returns it." }) },
    resolve: async (_root, args, context, info) => {
      const id = nodeId(String(args.id), info);
      if (id === null) throw malformedId(String(args.id), "id");
      const [node] = await load(context, info, [id]);
      return (node ?? null) as never;
    },
  }),
);

builder.queryField("nodes", (t) =>
  t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    description: `Several objects by their global IDs (at most ${MAX_IDS}), in the order asked; null for each that is not there, not visible to you, or not a global ID.`,
    args: { ids: t.arg.idList({ required: true, description: "Global IDs, as objects' `id` fields return them." }) },
    resolve: async (_root, args, context, info) => {
      if (args.ids.length > MAX_IDS) {
        throw createGraphQLError(`At most ${MAX_IDS} IDs per request (got ${args.ids.length}).`, { extensions: { code: BAD_USER_INPUT, field: "ids" } });
      }
      return (await load(context, info, args.ids.map((id) => nodeId(String(id), info)))) as never;
    },
  }),
);
