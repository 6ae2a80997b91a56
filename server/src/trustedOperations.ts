/**
 * Trusted (persisted) operations: the web client sends the SHA-256 of a document it was built with
 * (`extensions.persistedQuery.sha256Hash`) instead of the text, and the server runs the text it
 * holds for that hash, from client/persisted-operations.json (written from the client's source by
 * scripts/persisted-operations.mjs). Where trusted operations are on, any other operation is
 * refused before it is parsed, unless the caller presents a valid API token: a browser's session
 * or a stranger can run only what the web client runs, while client apps keep the open API.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { usePersistedOperations } from "@graphql-yoga/plugin-persisted-operations";
import { createGraphQLError, type Plugin } from "graphql-yoga";
import type { AuthMode } from "./auth/config.ts";
import { callerOf } from "./auth/identify.ts";
import { UNAUTHENTICATED, UNAUTHENTICATED_HTTP } from "./auth/refusal.ts";
import { repoRoot } from "./db/databaseUrl.ts";

/** The extensions.code of text sent where only trusted operations run for this caller. */
export const PERSISTED_OPERATION_REQUIRED = "PERSISTED_OPERATION_REQUIRED";
/** The extensions.code of a hash that is not among the web client's operations. */
export const PERSISTED_OPERATION_NOT_FOUND = "PERSISTED_OPERATION_NOT_FOUND";

export const MANIFEST_FILE = path.join(repoRoot, "client", "persisted-operations.json");

/** hash → document text; a missing or malformed file stops the server at start. */
export function loadManifest(file = MANIFEST_FILE): ReadonlyMap<string, string> {
  const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
  if (typeof parsed !== "object" || parsed === null || Object.values(parsed).some((text) => typeof text !== "string")) {
    throw new Error(`${file} must map operation hashes to document texts.`);
  }
  return new Map(Object.entries(parsed as Record<string, string>));
}

const refusal = (message: string, code: string, status: number) => ({ message, extensions: { code, http: { status } } });

const invalidToken = () =>
  createGraphQLError("This API token is not valid: it is revoked, unknown, or its owner is disabled. Ask for a new one (API-nøgler in the planner).", {
    extensions: { code: UNAUTHENTICATED, http: UNAUTHENTICATED_HTTP },
  });

/**
 * Resolves a hash to its text on every endpoint (the web client always sends hashes); `enforce`
 * refuses operation text from every caller but a valid API token. The token is verified as for
 * any request (auth/identify.ts), so a revoked or made-up token unlocks nothing: its text is
 * refused as unauthenticated (401), which tells the program its token is the problem.
 */
export function trustedOperationsPlugin(enforce: boolean, mode: AuthMode, manifest = loadManifest()): Plugin {
  return usePersistedOperations({
    getPersistedOperation: (hash) => manifest.get(hash) ?? null,
    allowArbitraryOperations: enforce
      ? async (request) => {
          if ((await callerOf(request, mode)).kind === "token") return true;
          // A program whose token was revoked must hear that, not that it should send hashes.
          if (request.headers.has("authorization")) throw invalidToken();
          return false;
        }
      : true,
    customErrors: {
      persistedQueryOnly: refusal(
        "This endpoint runs only the web client's own operations, sent by hash (extensions.persistedQuery.sha256Hash). Other operations need an API token (Authorization: Bearer ramme_…).",
        PERSISTED_OPERATION_REQUIRED,
        403,
      ),
      notFound: refusal("No operation has this hash (extensions.persistedQuery.sha256Hash): it is not one of the web client's operations.", PERSISTED_OPERATION_NOT_FOUND, 400),
      keyNotFound: refusal("Send an operation: its text (query) or a persisted operation's hash (extensions.persistedQuery.sha256Hash).", "BAD_REQUEST", 400),
    },
  });
}
