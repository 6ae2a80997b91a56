/** GraphQL over HTTP against a server process (support/serverProcess.ts): POST /graphql, as a client sends it. */
import { documentText, operationName, type TypedDocument, type Untyped } from "./documents.ts";
import type { GraphQLResponse } from "./graphql.ts";
import { persistedBody } from "./persistedOperations.ts";

export interface HttpGraphQLResponse<TData> extends GraphQLResponse<TData> {
  /** The HTTP status of the answer. */
  status: number;
}

export interface HttpGraphQLOptions {
  actor?: string;
  /** Aborts the request (default: none; the tests bound their own waits). */
  signal?: AbortSignal;
}

/** A GraphQL POST as the web client sends it, with the acting user's name (URI-encoded) when given. */
export function graphqlPost(query: string, variables: Record<string, unknown> | undefined, actor?: string): RequestInit {
  return {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/graphql-response+json",
      ...(actor ? { "x-ramme-user": encodeURIComponent(actor) } : {}),
    },
    body: JSON.stringify({ query, variables }),
  };
}

/** Sends one operation; resolves with the HTTP status and the parsed body. Rejects only when no HTTP answer came. */
export async function graphqlOverHttp<TData, TVariables>(baseUrl: string, document: TypedDocument<TData, TVariables>, variables?: TVariables, options?: HttpGraphQLOptions): Promise<HttpGraphQLResponse<TData>>;
export async function graphqlOverHttp(baseUrl: string, document: string, variables?: Record<string, unknown>, options?: HttpGraphQLOptions): Promise<HttpGraphQLResponse<Untyped>>;
export async function graphqlOverHttp(baseUrl: string, document: string | TypedDocument<unknown, unknown>, variables?: unknown, options: HttpGraphQLOptions = {}): Promise<HttpGraphQLResponse<unknown>> {
  const response = await fetch(`${baseUrl}/graphql`, { ...graphqlPost(documentText(document), variables as Record<string, unknown> | undefined, options.actor), signal: options.signal });
  const text = await response.text();
  let body: GraphQLResponse<unknown>;
  try {
    body = JSON.parse(text) as GraphQLResponse<unknown>;
  } catch {
    throw new Error(`HTTP ${response.status} with a body that is not JSON: ${text.slice(0, 500)}`);
  }
  return { status: response.status, ...body };
}

/** Like graphqlOverHttp(), but throws on an HTTP error status or any GraphQL error, returning data. */
export async function queryOverHttp<TData, TVariables>(baseUrl: string, document: TypedDocument<TData, TVariables>, variables?: TVariables, options?: HttpGraphQLOptions): Promise<TData>;
export async function queryOverHttp(baseUrl: string, document: string, variables?: Record<string, unknown>, options?: HttpGraphQLOptions): Promise<Untyped>;
export async function queryOverHttp(baseUrl: string, document: string | TypedDocument<unknown, unknown>, variables?: unknown, options: HttpGraphQLOptions = {}): Promise<unknown> {
  const result = await graphqlOverHttp(baseUrl, document as TypedDocument<unknown, unknown>, variables, options);
  if (result.status >= 400 || result.errors?.length) throw new Error(`HTTP ${result.status}, GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
  return result.data;
}

/**
 * One of the web client's operations (ForkScenario, SetAllocations, …), sent by hash as the client
 * sends it, so it runs where trusted operations are on (the e2e servers); throws like queryOverHttp().
 * Given the client's own document (imported from client/src), the result is typed by it; given a
 * name, `Untyped`.
 */
export async function clientOperationOverHttp<TData, TVariables>(baseUrl: string, operation: TypedDocument<TData, TVariables>, variables: TVariables, options?: HttpGraphQLOptions): Promise<TData>;
export async function clientOperationOverHttp(baseUrl: string, operation: string, variables: Record<string, unknown>, options?: HttpGraphQLOptions): Promise<Untyped>;
export async function clientOperationOverHttp(baseUrl: string, operation: string | TypedDocument<unknown, unknown>, variables: unknown, options: HttpGraphQLOptions = {}): Promise<unknown> {
  const name = typeof operation === "string" ? operation : operationName(operation);
  const response = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...(options.actor ? { "x-ramme-user": encodeURIComponent(options.actor) } : {}) },
    body: JSON.stringify(persistedBody(name, variables as Record<string, unknown>)),
    signal: options.signal,
  });
  const body = (await response.json()) as GraphQLResponse<unknown>;
  if (response.status >= 400 || body.errors?.length) throw new Error(`HTTP ${response.status}, GraphQL errors: ${JSON.stringify(body.errors, null, 2)}`);
  return body.data;
}
