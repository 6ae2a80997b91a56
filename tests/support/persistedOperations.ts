/**
 * The web client's persisted operations (client/persisted-operations.json), for tests that act as
 * the web client does: send an operation by its hash, never its text.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

const manifestFile = path.resolve(import.meta.dirname, "../../client/persisted-operations.json");
const manifest: Record<string, string> = JSON.parse(readFileSync(manifestFile, "utf8"));

/** The hash and text of the client's operation with this name (ForkScenario, ScenarioGrid, …). */
export function clientOperation(name: string): { hash: string; text: string } {
  const found = Object.entries(manifest).find(([, text]) => new RegExp(`^(query|mutation|subscription) ${name}\\b`).test(text));
  if (!found) throw new Error(`the web client has no operation named ${name} (client/persisted-operations.json)`);
  return { hash: found[0], text: found[1] };
}

/** The JSON body the web client sends for that operation: its hash, no text. */
export function persistedBody(name: string, variables: Record<string, unknown> = {}) {
  return { operationName: name, variables, extensions: { persistedQuery: { version: 1, sha256Hash: clientOperation(name).hash } } };
}
