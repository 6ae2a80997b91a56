import { createUser } from "@ramme/server/auth/accounts.ts";
import { createApiToken } from "@ramme/server/auth/apiTokens.ts";
import { shareScenario } from "@ramme/server/engine/sharing.ts";
import { forgetVersionedReads } from "@ramme/server/engine/versionedReads.ts";
import { createRammeYoga } from "@ramme/server/yoga.ts";
import { beforeAll, describe, expect, it } from "vitest";
import { print } from "graphql";
import { gql, type ResultOf } from "../support/documents.ts";
import { db, globalId, query, recordSql, type GraphQLResponse } from "../support/graphql.ts";
import { asMember } from "../support/unions.ts";

const GRID = gql(`
  query Grid($id: ID!) {
    scenario(id: $id) {
      id name version
      lines { position initiative { key title theme { key title } } amounts { year amount } total }
      yearTotals { year allocated frame headroom statedTotal statedTotalCheck { difference status footnotes { marker } } outsideFrame { key amount } }
    }
  }
`);
type GridScenario = NonNullable<ResultOf<typeof GRID>["scenario"]>;

const FORK = gql(`mutation($input: ForkScenarioInput!) { forkScenario(input: $input) { __typename ... on ScenarioEdit { scenario { key version } } } }`);
/** Forks the agreement; the what-if's key and version. */
async function forkAgreement(name: string) {
  return asMember((await query(FORK, { input: { sourceId: "aftale-2024", name } })).forkScenario, "ScenarioEdit").scenario;
}

const LARGE_LINES = 600;

/** A what-if with many lines, written straight to the database (the edit API is another issue's). */
async function createLargeScenario() {
  await db.scenario.create({ data: { id: "large", name: "Stor syntetisk scenarie", kind: "WHAT_IF", frameId: "life-science-2024-2027" } });
  const initiatives = Array.from({ length: LARGE_LINES }, (_, index) => ({
    id: `synthetic-${index}`,
    themeId: index % 2 ? "innovation" : "international",
    title: `Syntetisk initiativ ${index}`,
    origin: "PROPOSAL",
    sources: [],
  }));
  await db.initiative.createMany({ data: initiatives });
  await db.scenarioLine.createMany({ data: initiatives.map((initiative, position) => ({ scenarioId: "large", initiativeId: initiative.id, position })) });
  await db.allocation.createMany({
    data: initiatives.flatMap((initiative) =>
      [2024, 2025, 2026, 2027].map((year) => ({ scenarioId: "large", initiativeId: initiative.id, year, amount: 10_000_000n })),
    ),
  });
}

describe("the grid query's SQL", () => {
  beforeAll(createLargeScenario);

  it("runs the same small, fixed number of statements for 25 lines as for 600", async () => {
    let small: ResultOf<typeof GRID> | undefined;
    let large: ResultOf<typeof GRID> | undefined;
    // Two what-ifs, both read cold: nothing of either version kept in memory yet (engine/versionedReads.ts).
    const fork = await forkAgreement("25 linjer");
    forgetVersionedReads();
    const smallStatements = await recordSql(async () => (small = await query(GRID, { id: globalId("Scenario", fork.key) })));
    forgetVersionedReads();
    const largeStatements = await recordSql(async () => (large = await query(GRID, { id: globalId("Scenario", "large") })));

    expect(small?.scenario?.lines).toHaveLength(25);
    expect(large?.scenario?.lines).toHaveLength(LARGE_LINES);
    // 600 lines of 0.1 per year: exactly 60 per year, over the frame by nothing.
    expect(large?.scenario?.yearTotals.map((total) => total.allocated)).toEqual(["60", "60", "60", "60"]);
    expect(largeStatements.length).toBe(smallStatements.length);
    expect(smallStatements.length).toBeLessThanOrEqual(12);
  });

  it("reads a version's lines and totals once: a second read of the same version leaves the cells and the sums to memory", async () => {
    forgetVersionedReads();
    const cold = await recordSql(() => query(GRID, { id: globalId("Scenario", "large") }));
    const warm = await recordSql(() => query(GRID, { id: globalId("Scenario", "large") }));
    const readsCells = (sql: string) => /"Allocation"/.test(sql);
    expect(cold.filter(readsCells)).toHaveLength(2);
    expect(warm.filter(readsCells)).toEqual([]);
    expect(warm.length).toBeLessThan(cold.length);
  });

  it("answers a new version with its own cells, never the kept ones of the version before", async () => {
    const { key, version } = await forkAgreement("Huskes");
    const read = async () => (await query(GRID, { id: globalId("Scenario", key) })).scenario!;
    const before = await read();
    const vmk = (scenario: GridScenario) => scenario.lines.find((line) => line.initiative.key === "vmk")!.amounts.find((cell) => cell.year === 2024)!.amount;
    expect(vmk(before)).not.toBe("1.5");
    const edit = await query(gql(`mutation($input: SetAllocationsInput!) { setAllocations(input: $input) { __typename } }`), {
      input: { scenarioId: key, expectedVersion: version, cells: [{ initiativeId: "vmk", year: 2024, amount: "1.5" }] },
    });
    expect(edit.setAllocations.__typename).toBe("ScenarioEdit");
    const after = await read();
    expect(after.version).toBe(version + 1);
    expect(vmk(after)).toBe("1.5");
    const allocated2024 = (scenario: GridScenario) => scenario.yearTotals.find((total) => total.year === 2024)!.allocated;
    expect(allocated2024(after)).not.toBe(allocated2024(before));
  });

  it("keeps the statement log stable (a new N+1 shows up here as a changed snapshot)", async () => {
    forgetVersionedReads();
    const statements = await recordSql(() => query(GRID, { id: globalId("Scenario", "aftale-2024") }));
    // Parameters differ run to run; the shape of each statement (table and clause) must not.
    // On PostgreSQL the pool runs independent statements at once, so their order varies: compare them sorted.
    const shapes = statements
      .map((sql) =>
        sql
          .replace(/`main`\./g, "")
          .replace(/"public"\./g, "")
          .replace(/\$\d+/g, "?")
          .replace(/\s+/g, " ")
          .replace(/(SELECT).*?(FROM)/, "$1 … $2")
          .replace(/IN \((\?,?)+\)/g, "IN (…)"),
      )
      .sort();
    // The SQL text is each provider's own (quoting, placeholders), so each has its own snapshot file.
    const provider = process.env.DATABASE_URL?.startsWith("postgres") ? "postgresql" : "sqlite";
    await expect(`${JSON.stringify(shapes, null, 2)}\n`).toMatchFileSnapshot(`./__snapshots__/gridQuery.${provider}.json`);
  });
});

describe("the grid query's SQL for a signed-in party (accounts mode)", () => {
  const accounts = createRammeYoga({ auth: "accounts" });
  let bearer = "";

  beforeAll(async () => {
    // The large what-if belongs to the secretariat and is shared with the party, which reads it.
    const owner = await createUser({ email: "ejer@fm.dk", displayName: "Ejer", password: "et langt nok kodeord", role: "EDITOR", organisationKey: "finansministeriet", organisationKind: "SECRETARIAT" });
    const reader = await createUser({ email: "laeser@venstre.dk", displayName: "Læser", password: "et langt nok kodeord", role: "EDITOR", organisationKey: "venstre", organisationKind: "PARTY" });
    await db.scenario.create({ data: { id: "few-proposals", name: "Få forslag", kind: "WHAT_IF", frameId: "life-science-2024-2027", organisationId: owner.organisation.id } });
    await db.scenarioLine.createMany({ data: ["synthetic-0", "synthetic-1"].map((initiativeId, position) => ({ scenarioId: "few-proposals", initiativeId, position })) });
    await db.scenario.update({ where: { id: "large" }, data: { organisationId: owner.organisation.id } });
    for (const scenarioId of ["large", "few-proposals"]) await shareScenario({ scenarioId, organisation: "venstre", access: "READ" }, "Ejer");
    bearer = (await createApiToken(reader.id, "Måling", "READ")).secret;
  });

  const grid = async (key: string) => {
    const response = await accounts.fetch("http://ramme.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query: print(GRID), variables: { id: globalId("Scenario", key) } }),
    });
    return (await response.json()) as GraphQLResponse<ResultOf<typeof GRID>>;
  };

  it("checks who may see 600 proposals in as many statements as 2 (the checks are batched, not one per line)", async () => {
    let few: GraphQLResponse<ResultOf<typeof GRID>> | undefined;
    let many: GraphQLResponse<ResultOf<typeof GRID>> | undefined;
    forgetVersionedReads();
    const fewStatements = await recordSql(async () => (few = await grid("few-proposals")));
    forgetVersionedReads();
    const manyStatements = await recordSql(async () => (many = await grid("large")));
    expect(few?.errors).toBeUndefined();
    expect(many?.errors).toBeUndefined();
    expect(few?.data?.scenario?.lines).toHaveLength(2);
    expect(many?.data?.scenario?.lines).toHaveLength(LARGE_LINES);
    expect(manyStatements.length).toBe(fewStatements.length);
  });
});

describe("the comparison's reads of its scenarios' cells", () => {
  const COMPARE = gql(`
    query Compare($base: ID!, $others: [ID!]!) {
      compareScenarios(baseId: $base, otherIds: $others) {
        __typename
        ... on ScenarioComparison { lines { initiativeKey versus { scenarioKey cells { year base other difference } } } }
      }
    }
  `);
  const SET = gql(`mutation($input: SetAllocationsInput!) { setAllocations(input: $input) { __typename } }`);
  const readsCells = (sql: string) => /"Allocation"/.test(sql);

  it("reads the cells of versions not yet kept in one statement, and those of versions kept (by the grid or a comparison before) not at all", async () => {
    forgetVersionedReads();
    const cold = await recordSql(() => query(COMPARE, { base: "regeringens-udspil-2024", others: ["aftale-2024", "large"] }));
    const warm = await recordSql(() => query(COMPARE, { base: "regeringens-udspil-2024", others: ["aftale-2024", "large"] }));
    expect(cold.filter(readsCells)).toHaveLength(1);
    expect(warm.filter(readsCells)).toEqual([]);
    // The grid keeps what the comparison reads, and the other way round.
    forgetVersionedReads();
    await query(GRID, { id: globalId("Scenario", "aftale-2024") });
    await query(GRID, { id: globalId("Scenario", "regeringens-udspil-2024") });
    const afterGrid = await recordSql(() => query(COMPARE, { base: "regeringens-udspil-2024", others: ["aftale-2024"] }));
    expect(afterGrid.filter(readsCells)).toEqual([]);
  });

  it("shows an edit in the very next comparison, never the cells kept for the version before", async () => {
    const { key, version } = await forkAgreement("Sammenlignes");
    const vmk2024 = async () => {
      const comparison = asMember((await query(COMPARE, { base: "aftale-2024", others: [key] })).compareScenarios, "ScenarioComparison");
      const cell = comparison.lines.find((line) => line.initiativeKey === "vmk")?.versus[0]?.cells.find((entry) => entry.year === 2024);
      if (!cell) throw new Error(`no vmk 2024 in ${JSON.stringify(comparison)}`);
      return cell;
    };
    // Read (and kept) at the fork's version: the same as the agreement.
    expect((await vmk2024()).difference).toBe("0");
    const edit = await query(SET, {
      input: { scenarioId: key, expectedVersion: version, cells: [{ initiativeId: "vmk", year: 2024, amount: "1.5" }] },
    });
    expect(edit.setAllocations.__typename).toBe("ScenarioEdit");
    const after = await vmk2024();
    expect(after.other).toBe("1.5");
    expect(after.difference).not.toBe("0");
  });
});
