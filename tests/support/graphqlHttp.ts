/** GraphQL over HTTP against a server process (support/serverProcess.ts): POST /graphql, as a client sends it. */
import type { GraphQLResponse } from "./graphql.ts";
import { persistedBody } from "./persistedOperations.ts";

export interface HttpGraphQLResponse<TData = any> extends GraphQLResponse<TData> {
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
export async function graphqlOverHttp<TData = any>(baseUrl: string, query: string, variables?: Record<string, unknown>, options: HttpGraphQLOptions = {}): Promise<HttpGraphQLResponse<TData>> {
  const response = await fetch(`${baseUrl}/graphql`, { ...graphqlPost(query, variables, options.actor), signal: options.signal });
  const text = await response.text();
  let body: GraphQLResponse<TData>;
  try {
    body = JSON.parse(text) as GraphQLResponse<TData>;
  } catch {
    throw new Error(`HTTP ${response.status} with a body that is not JSON: ${text.slice(0, 500)}`);
  }
  return { status: response.status, ...body };
}

/** Like graphqlOverHttp(), but throws on an HTTP error status or any GraphQL error, returning data. */
export async function queryOverHttp<TData = any>(baseUrl: string, query: string, variables?: Record<string, unknown>, options: HttpGraphQLOptions = {}): Promise<TData> {
  const result = await graphqlOverHttp<TData>(baseUrl, query, variables, options);
  if (result.status >= 400 || result.errors?.length) throw new Error(`HTTP ${result.status}, GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
  return result.data as TData;
}

/**
 * One of the web client's operations (ForkScenario, SetAllocations, …), sent by hash as the client
 * sends it, so it runs where trusted operations are on (the e2e servers); throws like queryOverHttp().
 */
export async function clientOperationOverHttp<TData = any>(baseUrl: string, name: string, variables: Record<string, unknown>, options: HttpGraphQLOptions = {}): Promise<TData> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...(options.actor ? { "x-ramme-user": encodeURIComponent(options.actor) } : {}) },
    body: JSON.stringify(persistedBody(name, variables)),
    signal: options.signal,
  });
  const body = (await response.json()) as GraphQLResponse<TData>;
  if (response.status >= 400 || body.errors?.length) throw new Error(`HTTP ${response.status}, GraphQL errors: ${JSON.stringify(body.errors, null, 2)}`);
  return body.data as TData;
}
