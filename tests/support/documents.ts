/**
 * GraphQL documents in the tests, typed from the schema the server serves exactly as the client's
 * are (client/src/graphql.ts, gql.tada over docs/schema.graphql): a test that reads a field its
 * document does not ask for, or one the schema lacks, fails the type check. The request helpers
 * (graphql.ts, graphqlHttp.ts, sse.ts) take such a document and return its typed result; a plain
 * string (a hostile or malformed document, one built at run time) gets `unknown` back.
 */
import { print } from "graphql";
import type { TadaDocumentNode } from "gql.tada";

export { graphql as gql, readFragment, type ResultOf, type VariablesOf, type FragmentOf } from "../../client/src/graphql.ts";

/** A document typed by gql.tada: its result and variables. */
export type TypedDocument<TData, TVariables> = TadaDocumentNode<TData, TVariables>;

/**
 * What a helper returns for a document given as a plain string: nothing is known of its shape.
 * (While the tests move to typed documents this is `any`; it becomes `unknown` when they have.)
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Untyped = unknown;

/** The text to send for a document. */
export function documentText(document: string | TadaDocumentNode<unknown, unknown>): string {
  return typeof document === "string" ? document : print(document);
}

/** The name of a typed document's (first) operation, as the persisted-operations manifest names it. */
export function operationName(document: TadaDocumentNode<unknown, unknown>): string {
  const operation = document.definitions.find((definition) => definition.kind === "OperationDefinition");
  if (!operation || operation.kind !== "OperationDefinition" || !operation.name) throw new Error("the document has no named operation");
  return operation.name.value;
}
