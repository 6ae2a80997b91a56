/**
 * The web client's trusted operations: client/persisted-operations.json maps the SHA-256 (hex) of
 * each document the web client sends to the document's text. The server loads it and, where
 * trusted operations are on, runs only these for callers without an API token
 * (server/src/trustedOperations.ts); the client sends the hash instead of the text (client/src/urql.ts).
 *
 * The text must be byte for byte what urql would send, so it is made by urql's own functions: the
 * gql`…` literals of client/src (with `${NAME}` filled from plain template constants of the same
 * file, as gql concatenates them), through `formatDocument` for queries and mutations (the
 * cacheExchange adds __typename to every selection before the persisted exchange hashes it; it
 * leaves subscriptions alone), then `stringifyDocument` (print, comments and blank lines removed).
 *
 * `node scripts/persisted-operations.mjs` writes the file; `--check` fails when it is stale (a test
 * runs it). Run it after changing any client document.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const fromClient = createRequire(path.join(root, "client", "package.json"));
const { formatDocument, gql, stringifyDocument } = await import(fromClient.resolve("@urql/core"));

export const manifestFile = path.join(root, "client", "persisted-operations.json");

function sourceFiles(directory) {
  return readdirSync(directory, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) return sourceFiles(full);
      return /\.tsx?$/.test(entry.name) ? [full] : [];
    });
}

/** The gql`…` documents of client/src as urql builds them from the template. */
function clientDocuments() {
  return sourceFiles(path.join(root, "client", "src")).flatMap((file) => {
    const text = readFileSync(file, "utf8");
    const constants = new Map([...text.matchAll(/const (\w+) = `([^`]*)`/g)].map((match) => [match[1], match[2]]));
    return [...text.matchAll(/gql`([^`]*)`/g)].map((match) =>
      match[1].replace(/\$\{(\w+)\}/g, (_whole, name) => {
        if (!constants.has(name)) throw new Error(`${path.relative(root, file)}: a gql document interpolates \${${name}}, which is not a plain template constant of the file`);
        return constants.get(name);
      }),
    );
  });
}

export const operationHash = (text) => createHash("sha256").update(text, "utf8").digest("hex");

/** The manifest's text: { hash: document }, in order of operation name. */
export function persistedOperations() {
  const entries = clientDocuments().map((source) => {
    const document = gql(source);
    const operation = document.definitions.find((definition) => definition.kind === "OperationDefinition");
    if (!operation?.name) throw new Error(`every client document needs one named operation:\n${source}`);
    const sent = stringifyDocument(operation.operation === "subscription" ? document : formatDocument(document));
    return { name: operation.name.value, text: sent };
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
