/**
 * One error contract: every GraphQL error a client receives carries `extensions.code`, whoever
 * raised it — our resolvers and refusals (which set their own), and the libraries beneath them that
 * do not: graphql-js's variable coercion, Pothos' checks of cursors and page sizes, yoga's CSRF
 * prevention. And in production no message helps a stranger guess the schema ("Did you mean …?",
 * field names and enum values alike).
 */
import { PothosValidationError } from "@pothos/core";
import type { GraphQLError } from "graphql";
import { createGraphQLError, isAsyncIterable, type Plugin } from "graphql-yoga";
import { mapResults } from "./mapResults.ts";

/** An argument or variable of the right type but a wrong value: a cursor that is not one, a page size out of bounds. */
export const BAD_USER_INPUT = "BAD_USER_INPUT";
/** A request refused before it ran, for what it is rather than what it asks (a simple cross-site request). */
export const CSRF_REFUSED = "CSRF_REFUSED";
export const BAD_REQUEST = "BAD_REQUEST";

const SUGGESTION = / ?Did you mean .*\?$/;

function codeFor(error: GraphQLError): string | null {
  if (typeof error.extensions?.code === "string") return null;
  // Pothos refuses cursors that are not ours, and `first`/`last` below 0, with a validation error.
  if (someOriginal(error, (candidate) => candidate instanceof PothosValidationError)) return BAD_USER_INPUT;
  // graphql-js's coercion of variables: 'Variable "$n" got invalid value …' (yoga answers it 400).
  if (/^Variable "\$/.test(error.message)) return BAD_USER_INPUT;
  // @graphql-yoga/plugin-csrf-prevention's refusal, the one 403 that comes without a code.
  const http = error.extensions?.http as { status?: number } | undefined;
  if (http?.status === 403) return CSRF_REFUSED;
  return error.path ? null : BAD_REQUEST;
}

function someOriginal(error: GraphQLError, test: (candidate: unknown) => boolean): boolean {
  for (let current: unknown = error; current; current = (current as { originalError?: unknown }).originalError) {
    if (test(current)) return true;
  }
  return false;
}

/** The error as the contract wants it: with a code, and without suggestions in production. */
export function withContract(error: GraphQLError, production: boolean): GraphQLError {
  const code = codeFor(error);
  const message = production ? error.message.replace(SUGGESTION, "") : error.message;
  if (code === null && message === error.message) return error;
  return createGraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: { ...error.extensions, ...(code === null ? {} : { code }) },
  });
}

interface ResultWithErrors {
  errors?: readonly GraphQLError[];
}

function mapResult<T extends ResultWithErrors>(result: T, production: boolean): T {
  if (!result.errors?.length) return result;
  return { ...result, errors: result.errors.map((error) => withContract(error, production)) };
}

const mapStream = <T extends ResultWithErrors>(results: AsyncIterable<T>, production: boolean) => mapResults(results, (result) => mapResult(result, production));

/** The yoga plugin: every result, single, batched or streamed, before it is serialised. */
export function errorContractPlugin(production: boolean): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (isAsyncIterable(result)) setResult(mapStream(result as AsyncIterable<ResultWithErrors>, production) as typeof result);
      else if (Array.isArray(result)) setResult(result.map((entry: ResultWithErrors) => mapResult(entry, production)) as typeof result);
      else setResult(mapResult(result as ResultWithErrors, production) as typeof result);
    },
  };
}
