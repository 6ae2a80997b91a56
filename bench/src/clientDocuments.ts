/**
 * The web client's own GraphQL documents, read from its source files, so the bench sends exactly
 * what a browser sends and cannot drift from it (the client's modules import urql, which the bench
 * does not load; the text of their gql`…` literals is all it needs).
 */
import { readFileSync } from "node:fs";
import path from "node:path";

const repoRoot = path.resolve(import.meta.dirname, "../..");

/** The document of `[export] const <name> = gql\`…\`` in a client source file. */
export function clientDocument(file: string, name: string): string {
  const source = readFileSync(path.join(repoRoot, file), "utf8");
  const match = new RegExp(`(?:export )?const ${name} = gql\`([^\`]*)\``).exec(source);
  if (!match) throw new Error(`${file} has no gql document ${name}`);
  if (match[1]!.includes("${")) throw new Error(`${file}'s ${name} interpolates; the bench cannot read it as text`);
  return match[1]!;
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

export const clientGridQuery = clientDocument("client/src/features/grid/gridQuery.ts", "ScenarioGridQuery");
export const clientCompareQuery = clientDocument("client/src/features/compare/CompareView.tsx", "CompareScenariosQuery");
export const clientLiveSubscription = clientDocument("client/src/features/live/useScenarioLive.ts", "ScenarioChanged");
