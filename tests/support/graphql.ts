/** Runs GraphQL operations against the real yoga instance in process: no port, no sleep. */
import { db } from "@ramme/server/db.ts";
import { yoga } from "@ramme/server/yoga.ts";
import { documentText, type TypedDocument, type Untyped } from "./documents.ts";
import { graphqlPost } from "./graphqlHttp.ts";

export interface GraphQLError {
  message: string;
  path?: Array<string | number>;
  extensions?: Record<string, unknown>;
}

export interface GraphQLResponse<TData> {
  data?: TData | null;
  errors?: GraphQLError[];
}

interface Options {
  actor?: string;
}

/** Runs one operation: a typed document (support/documents.ts) answers with its typed result, a string with `Untyped`. */
export async function graphql<TData, TVariables>(document: TypedDocument<TData, TVariables>, variables?: TVariables, options?: Options): Promise<GraphQLResponse<TData>>;
export async function graphql(document: string, variables?: Record<string, unknown>, options?: Options): Promise<GraphQLResponse<Untyped>>;
export async function graphql(document: string | TypedDocument<unknown, unknown>, variables?: unknown, options: Options = {}): Promise<GraphQLResponse<unknown>> {
  const response = await yoga.fetch("http://ramme.test/graphql", graphqlPost(documentText(document), variables as Record<string, unknown> | undefined, options.actor));
  return (await response.json()) as GraphQLResponse<unknown>;
}

/** Like graphql(), but fails the test on any error, returning data. */
export async function query<TData, TVariables>(document: TypedDocument<TData, TVariables>, variables?: TVariables, options?: Options): Promise<TData>;
export async function query(document: string, variables?: Record<string, unknown>, options?: Options): Promise<Untyped>;
export async function query(document: string | TypedDocument<unknown, unknown>, variables?: unknown, options: Options = {}): Promise<unknown> {
  const result = await graphql(document as TypedDocument<unknown, unknown>, variables, options);
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
  return result.data;
}

let recording: string[] | null = null;
db.$on("query", (event) => recording?.push(event.query));

/** Every SQL statement Prisma sends while `work` runs. */
export async function recordSql(work: () => Promise<unknown>): Promise<string[]> {
  const statements: string[] = [];
  recording = statements;
  try {
    await work();
  } finally {
    recording = null;
  }
  return statements;
}

export const globalId = (type: string, key: string) => Buffer.from(`${type}:${key}`).toString("base64");
export { db };
