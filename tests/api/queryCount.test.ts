import { beforeAll, describe, expect, it } from "vitest";
import { db, globalId, query, recordSql } from "../support/graphql.ts";

const GRID = /* GraphQL */ `
  query Grid($id: ID!) {
    scenario(id: $id) {
      id name version
      lines { position initiative { key title theme { key title } } amounts { year amount } total }
      yearTotals { year allocated frame headroom statedTotal statedTotalCheck { difference status footnotes { marker } } outsideFrame { key amount } }
    }
  }
`;

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
    let small: any;
    let large: any;
    const smallStatements = await recordSql(async () => (small = await query(GRID, { id: globalId("Scenario", "aftale-2024") })));
    const largeStatements = await recordSql(async () => (large = await query(GRID, { id: globalId("Scenario", "large") })));

    expect(small.scenario.lines).toHaveLength(25);
    expect(large.scenario.lines).toHaveLength(LARGE_LINES);
    // 600 lines of 0.1 per year: exactly 60 per year, over the frame by nothing.
    expect(large.scenario.yearTotals.map((total: any) => total.allocated)).toEqual(["60", "60", "60", "60"]);
    expect(largeStatements.length).toBe(smallStatements.length);
    expect(smallStatements.length).toBeLessThanOrEqual(12);
  });

  it("keeps the statement log stable (a new N+1 shows up here as a changed snapshot)", async () => {
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
