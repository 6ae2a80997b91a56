/**
 * The web client's own GraphQL documents, read from its persisted-operations manifest (built from
 * the client's gql.tada documents, scripts/persisted-operations.mjs), so the bench sends exactly
 * what a browser sends and cannot drift from it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const manifest: Record<string, string> = JSON.parse(readFileSync(path.join(repoRoot, "client", "persisted-operations.json"), "utf8"));

/** The text of the client's operation named `name` (fragments included, as the client sends it). */
export function clientDocument(name: string): string {
  const document = Object.values(manifest).find((text) => new RegExp(`^(?:query|mutation|subscription) ${name}\\b`).test(text));
  if (!document) throw new Error(`the client has no operation ${name} (client/persisted-operations.json)`);
  return document;
}

/** The document without one field's whole selection (`name { … }`), e.g. to ask a peer for only what it can answer. */
export function withoutField(document: string, field: string): string {
  const start = new RegExp(`\\b${field}\\s*\\{`).exec(document);
  if (!start) throw new Error(`the document has no selection of ${field}`);
  let depth = 0;
  for (let index = start.index; index < document.length; index += 1) {
    if (document[index] === "{") depth += 1;
    if (document[index] === "}" && --depth === 0) return document.slice(0, start.index) + document.slice(index + 1);
  }
  throw new Error(`unbalanced braces after ${field}`);
}

export const clientGridQuery = clientDocument("ScenarioGrid");
export const clientCompareQuery = clientDocument("CompareScenarios");
export const clientLiveSubscription = clientDocument("ScenarioChanged");
