/**
 * Every GraphQL document the web client sends is valid against the schema the server serves
 * (docs/schema.graphql, itself checked against the server by the API tests), so a renamed field
 * fails here instead of in a user's browser. The type check catches most of this already (gql.tada
 * types each document from the same schema); this runs graphql-js's full validation on the
 * documents as the browser builds them, fragments included.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildSchema, print, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { clientOperations } from "../../scripts/clientDocuments.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const schema = buildSchema(readFileSync(path.join(root, "docs/schema.graphql"), "utf8"));
const operations = clientOperations();

describe("the client's GraphQL documents", () => {
  it("are found (the scan works)", () => {
    expect(operations.length).toBeGreaterThanOrEqual(10);
    expect(operations.map((operation) => operation.name)).toContain("ScenarioGrid");
  });

  it.each(operations.map((operation) => [`${operation.file} ${operation.name}`, operation.document] as const))("%s is valid against the schema", (_name, document) => {
    const errors = validate(schema, document).map((error) => error.message);
    expect(errors, print(document)).toEqual([]);
  });
});
