/**
 * The web client's trusted operations: client/persisted-operations.json maps the SHA-256 (hex) of
 * each document the web client sends to the document's text. The server loads it and, where
 * trusted operations are on, runs only these for callers without an API token
 * (server/src/trustedOperations.ts); the client sends the hash instead of the text (client/src/urql.ts).
 *
 * The documents are the client's gql.tada documents as TypeScript reads them (clientDocuments.mjs),
 * and the text must be byte for byte what urql sends, so it is made by urql's own functions:
 * `formatDocument` for queries and mutations (the cacheExchange adds __typename to every selection
 * before the persisted exchange hashes it; it leaves subscriptions alone), then `stringifyDocument`
 * (print, comments and blank lines removed).
 *
 * `node scripts/persisted-operations.mjs` writes the file; `--check` fails when it is stale (a test
 * runs it). Run it after changing any client document.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { clientOperations } from "./clientDocuments.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const fromClient = createRequire(path.join(root, "client", "package.json"));
const { formatDocument, stringifyDocument } = await import(fromClient.resolve("@urql/core"));

export const manifestFile = path.join(root, "client", "persisted-operations.json");

export const operationHash = (text) => createHash("sha256").update(text, "utf8").digest("hex");

/** The manifest's text: { hash: document }, in order of operation name. */
export function persistedOperations() {
  const entries = clientOperations().map(({ name, document }) => {
    const subscription = document.definitions[0].operation === "subscription";
    return { name, text: stringifyDocument(subscription ? document : formatDocument(document)) };
  });
  entries.sort((a, b) => a.name.localeCompare(b.name) || a.text.localeCompare(b.text));
  const manifest = {};
  for (const { text } of entries) manifest[operationHash(text)] = text;
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const expected = persistedOperations();
  if (process.argv.includes("--check")) {
    let actual = "";
    try {
      actual = readFileSync(manifestFile, "utf8");
    } catch {
      actual = "";
    }
    if (actual !== expected) {
      console.error(`${path.relative(root, manifestFile)} is stale: run \`node scripts/persisted-operations.mjs\` and commit it.`);
      process.exit(1);
    }
    console.log(`${path.relative(root, manifestFile)} is up to date.`);
  } else {
    writeFileSync(manifestFile, expected);
    console.log(`Wrote ${path.relative(root, manifestFile)} (${Object.keys(JSON.parse(expected)).length} operations).`);
  }
}
