/**
 * The documented scale, in both modes, on SQLite (api) and PostgreSQL (api-postgres): a 5,000-line
 * CSV import, a comparison of a 12,500-line scenario with 10 others and its export, a 50,000-cell
 * paste. None may meet a database's limit on statement parameters (SQLite's and PostgreSQL's are
 * far below what these would bind in one statement).
 */
import { parseMio } from "@ramme/domain";
import { createApiToken } from "@ramme/server/auth/apiTokens.ts";
import { createUser } from "@ramme/server/auth/accounts.ts";
import { hardeningConfigFrom } from "@ramme/server/hardening.ts";
import { createRammeYoga } from "@ramme/server/yoga.ts";
import { beforeAll, describe, expect, it } from "vitest";
import { postAs } from "../support/asCaller.ts";
import { db } from "../support/graphql.ts";

const LINES = 12_500;
const OTHERS = 10;
const key = (index: number) => `skala-${String(index).padStart(5, "0")}`;
// The documented sizes must work, whatever the machine's load: on the shared 2-core machine (load
// 15-19) the 10-scenario comparison of 12,500 lines takes longer than the 20 s time budget, which,
// since long work takes turns (server/src/cooperative.ts), now fires mid-way. The budget has its own
// tests (executionBudget.test.ts, faults/hostileOperations.test.ts); here it is 10 minutes.
const unhurried = (env: NodeJS.ProcessEnv) => hardeningConfigFrom({ ...env, RAMME_MAX_EXECUTION_MS: "600000" });
const servers = {
  local: createRammeYoga({ auth: "local", hardening: unhurried(process.env) }),
  accounts: createRammeYoga({ auth: "accounts", hardening: unhurried(process.env) }),
};
let bearer = "";
let years: number[] = [];

async function gql(mode: keyof typeof servers, query: string, variables: Record<string, unknown> = {}) {
  const response = await postAs(servers[mode], { query, variables }, mode === "accounts" ? { bearer } : {});
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += 1_000) await write(rows.slice(start, start + 1_000));
}

/** A scenario written straight to the database (the API's own writes are what is tested): the baseline row by row, the others copied from it in one statement each. */
async function scenario(id: string, kind: "BASELINE" | "WHAT_IF", frameId: string, shift: number, organisationId: string | null) {
  // The what-ifs are forks of the baseline's first version, so the lineage compares each with it.
  const fork = kind === "WHAT_IF" ? { parentId: "skala-grundlag", forkedFromVersion: 1 } : {};
  await db.scenario.create({ data: { id, name: id, kind, frameId, locked: kind === "BASELINE", organisationId, createdBy: "skala", ...fork } });
  await db.scenarioChange.create({ data: { scenarioId: id, version: 1, kind: "CREATED", actor: "skala" } });
  if (kind === "BASELINE") {
    await inChunks(Array.from({ length: LINES }, (_, index) => ({ scenarioId: id, initiativeId: key(index), position: index })), (data) => db.scenarioLine.createMany({ data }));
    await inChunks(
      Array.from({ length: LINES }, (_, index) => years.map((year) => ({ scenarioId: id, initiativeId: key(index), year, amount: BigInt(((index + year) % 50) * 10_000_000) }))).flat(),
      (data) => db.allocation.createMany({ data }),
    );
    return;
  }
  await db.$executeRawUnsafe(`INSERT INTO "ScenarioLine" ("scenarioId", "initiativeId", "position") SELECT '${id}', "initiativeId", "position" FROM "ScenarioLine" WHERE "scenarioId" = 'skala-grundlag'`);
  // Every other line changed, so the comparison has work to do.
  await db.$executeRawUnsafe(
    `INSERT INTO "Allocation" ("scenarioId", "initiativeId", "year", "amount") SELECT '${id}', "initiativeId", "year", CASE WHEN "year" % 2 = 0 THEN "amount" + ${shift * 10_000_000} ELSE "amount" END FROM "Allocation" WHERE "scenarioId" = 'skala-grundlag'`,
  );
}

beforeAll(async () => {
  const frame = await db.frame.findFirstOrThrow({ include: { years: { orderBy: { year: "asc" } } } });
  years = frame.years.map((entry) => entry.year);
  const theme = await db.theme.findFirstOrThrow();
  await inChunks(Array.from({ length: LINES }, (_, index) => ({ id: key(index), themeId: theme.id, title: `Skala ${index}`, sources: [] })), (data) => db.initiative.createMany({ data }));
  // The what-ifs belong to the editor's organisation, which the user's creation makes.
  const user = await createUser({ email: "skala@fm.dk", password: "et langt nok kodeord", displayName: "Skala", role: "EDITOR", organisationKey: "finansministeriet", organisationKind: "SECRETARIAT" });
  bearer = (await createApiToken(user.id, "skala", "READ_WRITE")).secret;
  const organisation = await db.organisation.findUniqueOrThrow({ where: { key: "finansministeriet" } });
  await scenario("skala-grundlag", "BASELINE", frame.id, 0, null);
  for (let other = 1; other <= OTHERS; other += 1) await scenario(`skala-hvis-${other}`, "WHAT_IF", frame.id, other, organisation.id);
}, 300_000);

const others = Array.from({ length: OTHERS }, (_, index) => `skala-hvis-${index + 1}`);

describe.each(["local", "accounts"] as const)("%s mode", { timeout: 120_000 }, (mode) => {
  it("imports a 5,000-line CSV (the app's own export)", async () => {
    const exported = await gql(mode, `query { exportScenario(scenarioId: "skala-grundlag", format: CSV) { ... on ExportFile { base64 } } }`);
    const rows = Buffer.from(exported.exportScenario.base64, "base64").toString("utf8").split("\r\n");
    // The header rows, then the first 5,000 lines: the export's own layout, cut to the documented size.
    const firstLine = rows.findIndex((row) => row.startsWith(key(0)));
    const content = [...rows.slice(0, firstLine), ...rows.slice(firstLine, firstLine + 5_000)].join("\r\n");
    const made = await gql(mode, `mutation { forkScenario(input: { sourceId: "aftale-2024", name: "Import ${mode}" }) { ... on ScenarioEdit { scenario { key version } } } }`);
    const { key: scenarioId, version } = made.forkScenario.scenario;
    const imported = await gql(mode, `mutation($input: ImportScenarioCsvInput!) { importScenarioCsv(input: $input) { __typename ... on ScenarioEdit { scenario { lineCount: lines { initiative { key } } } } ... on InvalidInputError { problems { field code } } } }`, {
      input: { scenarioId, expectedVersion: version, content },
    });
    expect(imported.importScenarioCsv.__typename).toBe("ScenarioEdit");
    expect(imported.importScenarioCsv.scenario.lineCount).toHaveLength(5_000);
  });

  it("compares a 12,500-line scenario with 10 others, and exports the comparison", async () => {
    const compared = await gql(mode, `query($others: [ID!]!) { compareScenarios(baseId: "skala-grundlag", otherIds: $others) { ... on ScenarioComparison { lines { initiativeKey versus { status } } } } }`, { others });
    expect(compared.compareScenarios.lines).toHaveLength(LINES);
    expect(compared.compareScenarios.lines[0].versus).toHaveLength(OTHERS);
    const exported = await gql(mode, `query($others: [ID!]!) { exportComparison(baseId: "skala-grundlag", otherIds: $others, format: CSV) { __typename ... on ExportFile { base64 } } }`, { others });
    expect(exported.exportComparison.__typename).toBe("ExportFile");
    expect(Buffer.from(exported.exportComparison.base64, "base64").toString("utf8")).toContain(key(LINES - 1));
  });

  it("tells each of 10 forks of a 12,500-line baseline what it changed (the lineage reads 137,500 lines in slices)", async () => {
    // Every what-if moved every even year of every line up by its own shift (see scenario()), so
    // against the fork point each has all its lines changed and a net change only in even years. Its
    // own paste in the test below may have happened first: compare with the state as it is stored.
    const lineage = await gql(mode, `query { scenarioLineage(rootId: "skala-grundlag") { ... on ScenarioLineage { nodes { key depth changeCounts { changed unchanged added removed } changeYears { year net } } } } }`);
    const nodes: Array<{ key: string; depth: number; changeCounts: Record<string, number> | null; changeYears: Array<{ year: number; net: string }> | null }> = lineage.scenarioLineage.nodes;
    expect(nodes.map((node) => node.key)).toEqual(["skala-grundlag", ...others]);
    for (const node of nodes.slice(1)) {
      const stored = await db.allocation.groupBy({ by: ["year"], where: { scenarioId: node.key }, _sum: { amount: true } });
      const base = await db.allocation.groupBy({ by: ["year"], where: { scenarioId: "skala-grundlag" }, _sum: { amount: true } });
      const net = (year: number) => BigInt(stored.find((row) => row.year === year)!._sum.amount!) - BigInt(base.find((row) => row.year === year)!._sum.amount!);
      expect(node.depth).toBe(1);
      expect(node.changeCounts).toEqual({ changed: LINES, unchanged: 0, added: 0, removed: 0 });
      expect(node.changeYears!.map((entry) => entry.year)).toEqual(years);
      for (const entry of node.changeYears!) expect(parseMio(entry.net)).toEqual({ ok: true, value: net(entry.year) });
    }
  });

  it("pastes 50,000 cells (every cell of a 12,500-line what-if) in one request", async () => {
    const scenarioId = mode === "local" ? "skala-hvis-1" : "skala-hvis-2";
    const current = await gql(mode, `query { scenario(id: "${Buffer.from(`Scenario:${scenarioId}`).toString("base64")}") { version } }`);
    const cells = Array.from({ length: LINES }, (_, index) => years.map((year) => ({ initiativeId: key(index), year, amount: "1.5" }))).flat();
    expect(cells).toHaveLength(50_000);
    const pasted = await gql(mode, `mutation($input: SetAllocationsInput!) { setAllocations(input: $input) { __typename ... on ScenarioEdit { scenario { version } } ... on InvalidInputError { problems { code } } } }`, {
      input: { scenarioId, expectedVersion: current.scenario.version, cells },
    });
    expect(pasted.setAllocations.__typename).toBe("ScenarioEdit");
  });
});
