/**
 * Every GraphQL document the web client sends is valid against the schema the server serves
 * (docs/schema.graphql, itself checked against the server by the API tests), so a renamed field
 * fails here instead of in a user's browser.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { buildSchema, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const schema = buildSchema(readFileSync(path.join(root, "docs/schema.graphql"), "utf8"));

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The gql`…` documents of a file, with `${NAME}` filled from plain template constants in the same file. */
function documentsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const constants = new Map([...text.matchAll(/const (\w+) = `([^`]*)`/g)].map((match) => [match[1]!, match[2]!]));
  return [...text.matchAll(/gql`([^`]*)`/g)].map((match) => match[1]!.replace(/\$\{(\w+)\}/g, (_whole, name: string) => constants.get(name) ?? `\${${name}}`));
}

const documents = sourceFiles(path.join(root, "client/src")).flatMap((file) =>
  documentsOf(file).map((document, index) => [`${path.relative(root, file)} #${index + 1}`, document] as const),
);

describe("the client's GraphQL documents", () => {
  it("are found (the scan works)", () => {
    expect(documents.length).toBeGreaterThanOrEqual(10);
  });

  it.each(documents)("%s is valid against the schema", (_name, document) => {
    const errors = validate(schema, parse(document)).map((error) => error.message);
    expect(errors).toEqual([]);
  });
});
