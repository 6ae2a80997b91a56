/** Runs GraphQL operations against the real yoga instance in process: no port, no sleep. */
import { db } from "@ramme/server/db.ts";
import { yoga } from "@ramme/server/yoga.ts";
import { graphqlPost } from "./graphqlHttp.ts";

export interface GraphQLResponse<TData = any> {
  data?: TData;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

export async function graphql<TData = any>(query: string, variables?: Record<string, unknown>, options: { actor?: string } = {}): Promise<GraphQLResponse<TData>> {
  const response = await yoga.fetch("http://ramme.test/graphql", graphqlPost(query, variables, options.actor));
  return (await response.json()) as GraphQLResponse<TData>;
}

/** Like graphql(), but fails the test on any error, returning data. */
export async function query<TData = any>(source: string, variables?: Record<string, unknown>, options: { actor?: string } = {}): Promise<TData> {
  const result = await graphql<TData>(source, variables, options);
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
  return result.data as TData;
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
