/**
 * The client's one `graphql` function: every document in client/src is written with it, and its
 * result and variables are typed from the schema the server serves (docs/schema.graphql, turned
 * into src/graphql-env.d.ts by `gql.tada generate output`, the client's `generate` script). No
 * GraphQL type is written by hand. The client's `typecheck` runs `tsc` and then `gql.tada check`
 * (the editor plugin's validation, from the command line): a document that asks for a field or
 * argument the schema lacks fails it, and code that reads what a document does not ask for fails tsc.
 *
 * `Decimal` (amounts in mio. kr.) and `DateTime` travel as strings and stay strings: money is
 * parsed exactly by @ramme/domain, never through a binary float.
 */
import { initGraphQLTada } from "gql.tada";
import type { introspection } from "./graphql-env.d.ts";

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { Decimal: string; DateTime: string };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from "gql.tada";
export { readFragment } from "gql.tada";
