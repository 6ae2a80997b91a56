import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildSchema, type GraphQLField, type GraphQLObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "@ramme/server/schema/index.ts";
import { gql, type ResultOf } from "../support/documents.ts";
import { globalId, graphql, query } from "../support/graphql.ts";

/** The contract from the foundation issue, which later work keeps stable. */
const CONTRACT = /* GraphQL */ `
  scalar Decimal
  interface Node { id: ID! }
  type Query {
    node(id: ID!): Node
    frames: [Frame!]!
    themes: [Theme!]!
    initiatives(first: Int, after: String): InitiativeConnection!
    recommendations: [Recommendation!]!
    scenarios(first: Int, after: String): ScenarioConnection!
    scenario(id: ID!): Scenario
  }
  type Frame { id: ID! }
  type Theme { id: ID! }
  type Initiative { id: ID! }
  type Recommendation { number: Int! }
  type InitiativeConnection { edges: [InitiativeEdge!]! }
  type InitiativeEdge { node: Initiative! }
  type ScenarioConnection { edges: [ScenarioEdge!]! }
  type ScenarioEdge { node: Scenario! }
  enum ScenarioKind { BASELINE WHAT_IF }
  type Scenario implements Node {
    id: ID! name: String! description: String kind: ScenarioKind! locked: Boolean! version: Int!
    parent: Scenario frame: Frame!
    lines: [FundingLine!]!
    yearTotals: [YearTotal!]!
  }
  type FundingLine { initiative: Initiative! amounts: [YearAmount!]! total: Decimal! }
  type YearAmount { year: Int! amount: Decimal! }
  type OutsideFrameAmount { id: ID! }
  type YearTotal {
    year: Int! allocated: Decimal! frame: Decimal! headroom: Decimal!
    statedTotal: Decimal
    outsideFrame: [OutsideFrameAmount!]!
  }
`;

describe("the read API's contract", () => {
  it("has every type, field, argument and nullability the contract names", () => {
    const contract = buildSchema(CONTRACT);
    const missing: string[] = [];
    for (const type of Object.values(contract.getTypeMap())) {
      if (type.name.startsWith("__") || !("getFields" in type)) continue;
      const actual = schema.getType(type.name) as GraphQLObjectType | undefined;
      if (!actual || !("getFields" in actual)) {
        missing.push(type.name);
        continue;
      }
      for (const field of Object.values((type as GraphQLObjectType).getFields()) as GraphQLField<unknown, unknown>[]) {
        const served = actual.getFields()[field.name];
        if (!served) missing.push(`${type.name}.${field.name}`);
        else if (String(served.type) !== String(field.type)) missing.push(`${type.name}.${field.name}: ${served.type} ≠ ${field.type}`);
        for (const arg of field.args) {
          const servedArg = served?.args.find((candidate) => candidate.name === arg.name);
          if (!servedArg || String(servedArg.type) !== String(arg.type)) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("describes every type, field, argument, input field and enum value, for client developers and code generators", () => {
    const builtIn = ["String", "Int", "Boolean", "ID", "Float", "Query"];
    const types = Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith("__"));
    const undocumentedTypes = types.filter((type) => !builtIn.includes(type.name) && !type.description).map((type) => type.name);
    // Told apart by shape: the schema's graphql module may be another copy than this file's.
    const undocumented: string[] = [];
    for (const type of types as any[]) {
      if (typeof type.getValues === "function") {
        for (const value of type.getValues()) if (!value.description) undocumented.push(`${type.name}.${value.name}`);
      } else if (typeof type.getFields === "function") {
        for (const field of Object.values(type.getFields()) as any[]) {
          if (!field.description) undocumented.push(`${type.name}.${field.name}`);
          for (const arg of field.args ?? []) if (!arg.description) undocumented.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    expect({ undocumentedTypes, undocumented }).toEqual({ undocumentedTypes: [], undocumented: [] });
  });
});

describe("reading the documents' data", () => {
  it("pages through every initiative once with first/after cursors", async () => {
    const PAGE = gql(`query Page($after: String) { initiatives(first: 10, after: $after) { edges { node { key } } pageInfo { hasNextPage endCursor } } }`);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const data: ResultOf<typeof PAGE> = await query(PAGE, { after });
      seen.push(...data.initiatives.edges.map((edge) => edge.node.key));
      if (!data.initiatives.pageInfo.hasNextPage) break;
      after = data.initiatives.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(26);
    expect(new Set(seen).size).toBe(26);
  });

  it("finds a scenario, an initiative and a theme through node(id:)", async () => {
    const data = await query(
      gql(`query Nodes($s: ID!, $i: ID!, $t: ID!) {
        s: node(id: $s) { __typename ... on Scenario { key } }
        i: node(id: $i) { __typename ... on Initiative { title strategyNumber agreementParagraphs } }
        t: node(id: $t) { __typename ... on Theme { title } }
      }`),
      { s: globalId("Scenario", "aftale-2024"), i: globalId("Initiative", "trial-nation"), t: globalId("Theme", "innovation") },
    );
    expect(data.s).toEqual({ __typename: "Scenario", key: "aftale-2024" });
    expect(data.i).toMatchObject({ __typename: "Initiative", title: "Videreudvikle Trial Nation", strategyNumber: "2.2", agreementParagraphs: [11] });
    expect(data.t).toEqual({ __typename: "Theme", title: "Bedre optag af innovation i sundhedsvæsenet" });
  });

  it("answers null for a scenario that does not exist, and an error naming the problem for an id of another type", async () => {
    expect((await query(gql(`query MissingScenario($id: ID!) { scenario(id: $id) { key } }`), { id: globalId("Scenario", "nope") })).scenario).toBeNull();
    const wrongType = await graphql(`query($id: ID!) { scenario(id: $id) { key } }`, { id: globalId("Initiative", "vmk") });
    expect(wrongType.errors?.[0]?.message).toMatch(/Scenario/);
  });

  it("serves the twelve recommendations with their ambitions and the initiatives that answer them", async () => {
    const data = await query(gql(`query Recommendations { recommendations { number title ambition { number } initiatives { initiative { key } basis quote } } }`));
    expect(data.recommendations.map((entry) => entry.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const linked = data.recommendations.flatMap((entry) => entry.initiatives);
    expect(linked.length).toBeGreaterThan(0);
    for (const link of linked) expect(link.quote.length).toBeGreaterThan(0);
  });

  it("serves the agreement's text amounts beside each initiative", async () => {
    const data = await query(gql(`query StatedAmounts($id: ID!) { node(id: $id) { __typename ... on Initiative { statedAmounts { quote amount basis fromYear toYear paragraph { number } } } } }`), {
      id: globalId("Initiative", "life-science-ude-i-landet"),
    });
    if (data.node?.__typename !== "Initiative") throw new Error(`expected an initiative: ${JSON.stringify(data.node)}`);
    const periodTotal = data.node.statedAmounts.find((entry) => entry.basis === "PERIOD_TOTAL");
    expect(periodTotal).toMatchObject({ amount: "7.2", fromYear: 2024, toYear: 2027, paragraph: { number: 31 } });
  });

  it("keeps the 2021 strategy's 38 initiatives in seven areas", async () => {
    const data = await query(gql(`query Strategy2021 { strategy2021 { number initiatives { number } } }`));
    expect(data.strategy2021).toHaveLength(7);
    expect(data.strategy2021.flatMap((area) => area.initiatives.map((entry) => entry.number)).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 38 }, (_, index) => index + 1),
    );
  });
});

describe("the documented schema", () => {
  // A child process under a loaded machine takes more than vitest's default 5 s to start.
  it("docs/schema.graphql is the schema the server serves (run `pnpm --filter @ramme/server schema:print` after changing it)", { timeout: 60_000 }, () => {
    // In a child process: vitest would load graphql twice (Pothos requires it, our code imports it).
    const server = path.resolve(import.meta.dirname, "../../server");
    const printed = execFileSync(path.join(server, "node_modules/.bin/tsx"), ["src/schema/print.ts", "--stdout"], { cwd: server, encoding: "utf8" });
    expect(readFileSync(path.resolve(server, "../docs/schema.graphql"), "utf8")).toBe(printed);
  });
});
