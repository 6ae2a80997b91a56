/**
 * PostgreSQL goes away under a running server and comes back. Meanwhile every query and mutation
 * gets a clear DATABASE_UNAVAILABLE error at once (HTTP 503), never a hang or "Unexpected error.",
 * and the server stays up; afterwards it recovers by itself, with every edit acknowledged before the
 * outage in place and nothing of what was refused during it. The PostgreSQL is a private cluster,
 * not the machine's own, which other suites use.
 */
import { afterAll, describe, expect, it } from "vitest";
import { gql } from "../support/documents.ts";
import { graphqlOverHttp, type HttpGraphQLResponse } from "../support/graphqlHttp.ts";
import { postgresBinaries, startPostgresCluster, type PostgresCluster } from "../support/postgresCluster.ts";
import { migrateAndSeed, startServer, type ServerProcess } from "../support/serverProcess.ts";
import { acknowledgedEdit, forkOverHttp, historyProblems, mutateOverHttp, readHistory, readScenario } from "./support/scenarioOverHttp.ts";

const binaries = postgresBinaries();
/** A request during the outage that gets no answer within this is a hang. */
const ANSWER_LIMIT_MS = 15_000;
/** How long the server may take to notice PostgreSQL is back. */
const RECOVERY_LIMIT_MS = 30_000;

let cluster: PostgresCluster | undefined;
let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.stop();
  cluster?.remove();
});

function expectUnavailable(response: HttpGraphQLResponse<unknown>, field: string) {
  expect(response.status, JSON.stringify(response)).toBe(503);
  const data = response.data as Record<string, unknown> | null | undefined;
  expect(data?.[field] ?? null).toBeNull();
  expect(response.errors).toEqual([
    expect.objectContaining({ message: "The database is unavailable; try again shortly.", path: [field], extensions: { code: "DATABASE_UNAVAILABLE" } }),
  ]);
}

const SCENARIOS = gql(`{ scenarios(first: 100) { nodes { key version } } }`);

describe.skipIf(!binaries)(binaries ? "PostgreSQL outage" : "PostgreSQL outage: skipped, no PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb)", () => {
  it("answers DATABASE_UNAVAILABLE while PostgreSQL is down, stays up, recovers by itself and loses nothing", async () => {
    cluster = await startPostgresCluster(binaries!);
    const databaseUrl = await cluster.createDatabase("ramme");
    migrateAndSeed(databaseUrl);
    server = await startServer({ databaseUrl });
    const url = server.baseUrl;

    const key = await forkOverHttp(url, "Før udfaldet");
    const start = await readScenario(url, key);
    let version = start.version;
    const acknowledged: Array<{ year: number; amount: string }> = [];
    for (const [year, amount] of [[2024, "11.1"], [2025, "12.2"], [2026, "13.3"]] as const) {
      const edit = await mutateOverHttp(url, "setAllocation", "SetAllocationInput", { scenarioId: key, initiativeId: "vmk", year, amount, expectedVersion: version });
      expect(edit.data?.setAllocation).toMatchObject({ __typename: "ScenarioEdit", changed: true });
      version = acknowledgedEdit(edit.data?.setAllocation).version;
      acknowledged.push({ year, amount });
    }
    const scenariosBefore = (await graphqlOverHttp(url, SCENARIOS)).data!.scenarios.nodes;

    cluster.stop("immediate");
    for (let round = 0; round < 2; round++) {
      const signal = () => AbortSignal.timeout(ANSWER_LIMIT_MS);
      expectUnavailable(await graphqlOverHttp(url, SCENARIOS, {}, { signal: signal() }), "scenarios");
      expectUnavailable(
        await mutateOverHttp(url, "setAllocation", "SetAllocationInput", { scenarioId: key, initiativeId: "vmk", year: 2027, amount: "99.9", expectedVersion: version }, { signal: signal() }),
        "setAllocation",
      );
      expectUnavailable(await mutateOverHttp(url, "forkScenario", "ForkScenarioInput", { sourceId: key, name: "Under udfaldet" }, { signal: signal() }), "forkScenario");
    }
    expect(server.isRunning()).toBe(true);

    cluster.start();
    const deadline = Date.now() + RECOVERY_LIMIT_MS;
    let answer = await graphqlOverHttp(url, SCENARIOS);
    while (answer.errors && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      answer = await graphqlOverHttp(url, SCENARIOS);
    }
    expect(answer.errors).toBeUndefined();
    // Nothing refused during the outage was stored: no new scenario, no new version.
    expect(answer.data!.scenarios.nodes).toEqual(scenariosBefore);

    const after = await readScenario(url, key);
    expect(after.version).toBe(version);
    for (const { year, amount } of acknowledged) expect(after.cells.get(`vmk/${year}`)).toBe(amount);
    expect(after.cells.get("vmk/2027")).toBe(start.cells.get("vmk/2027"));
    expect(historyProblems(start.cells, await readHistory(url, key), after)).toEqual([]);

    // And it writes again.
    const edit = await mutateOverHttp(url, "setAllocation", "SetAllocationInput", { scenarioId: key, initiativeId: "vmk", year: 2027, amount: "14.4", expectedVersion: version });
    expect(edit.data?.setAllocation).toMatchObject({ __typename: "ScenarioEdit", version: version + 1 });
    expect(server.isRunning()).toBe(true);
  });
});
