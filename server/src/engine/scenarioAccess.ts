/**
 * Reading a scenario inside a write transaction and deciding whether it may be changed: it exists,
 * it is an unlocked, unarchived what-if, and it is still at the version the client expects.
 */
import type { Oere, YearAmount } from "@ramme/domain";
import { db, type Transaction } from "../db.ts";
import { isPostgres } from "../db/client.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { InvalidInputError, ScenarioLockedError, VersionConflictError } from "./errors.ts";
import type { ProblemList } from "./input.ts";

export interface ScenarioForEdit {
  id: string;
  kind: string;
  version: number;
  locked: boolean;
  mustFit: boolean;
  archivedAt: Date | null;
  parentId: string | null;
  frameId: string;
  /** The what-if's organisation (auth/access.ts); null for baselines. */
  organisationId: string | null;
  name: string;
  description: string | null;
  frame: { years: YearAmount[]; precisionDecimals: number };
}

export async function findScenario(tx: Transaction, scenarioId: string, field: string): Promise<ScenarioForEdit> {
  const scenario = await tx.scenario.findUnique({
    where: { id: scenarioId },
    select: {
      id: true,
      kind: true,
      version: true,
      locked: true,
      mustFit: true,
      archivedAt: true,
      parentId: true,
      frameId: true,
      organisationId: true,
      name: true,
      description: true,
      frame: { select: { precisionDecimals: true, years: { select: { year: true, amount: true }, orderBy: { year: "asc" } } } },
    },
  });
  if (!scenario) throw InvalidInputError.of(field, "UNKNOWN_SCENARIO", `there is no scenario ${JSON.stringify(scenarioId)}.`, scenarioId);
  return scenario;
}

/**
 * Locks the scenarios' rows until the transaction ends, so that writers of one scenario take turns
 * and each reads the version and cells the one before it committed. On PostgreSQL several server
 * instances write at once, each statement seeing what was committed when it started (READ
 * COMMITTED): without the lock two edits could read the same version and cells, and the second
 * would be refused at the version claim though its client asked for no particular version.
 * SQLite needs no lock: one process serves a file, and it queues its writes one at a time (db.ts).
 * `ORDER BY` takes the locks in one order, so two operations locking the same pair cannot deadlock.
 */
export async function lockScenarios(tx: Transaction, scenarioIds: readonly string[]): Promise<void> {
  if (!isPostgres() || scenarioIds.length === 0) return;
  await tx.$queryRaw`SELECT "id" FROM "Scenario" WHERE "id" IN (${Prisma.join(scenarioIds)}) ORDER BY "id" FOR UPDATE`;
}

/** findScenario for a write: the row is locked first (lockScenarios), so what is read is the latest and stays so until commit. */
export async function findScenarioForWrite(tx: Transaction, scenarioId: string, field: string): Promise<ScenarioForEdit> {
  await lockScenarios(tx, [scenarioId]);
  return findScenario(tx, scenarioId, field);
}

/** Refuses baselines, locked and archived scenarios. */
export function assertEditable(scenario: ScenarioForEdit): void {
  if (scenario.kind === "BASELINE") throw new ScenarioLockedError(scenario.id, "BASELINE");
  if (scenario.archivedAt) throw new ScenarioLockedError(scenario.id, "ARCHIVED");
  if (scenario.locked) throw new ScenarioLockedError(scenario.id, "LOCKED");
}

export function assertVersion(scenario: ScenarioForEdit, expectedVersion: number | null | undefined): void {
  if (expectedVersion !== null && expectedVersion !== undefined && expectedVersion !== scenario.version) {
    throw new VersionConflictError(scenario.id, expectedVersion, scenario.version);
  }
}

/** Finds (locked for the write), checks editability and version. */
export async function scenarioForEdit(tx: Transaction, scenarioId: string, expectedVersion: number | null | undefined, field = "input.scenarioId") {
  const scenario = await findScenarioForWrite(tx, scenarioId, field);
  assertEditable(scenario);
  assertVersion(scenario, expectedVersion);
  return scenario;
}

/**
 * The scenario's allocated total per frame year, summed exactly by the database (integer øre) from
 * the (scenarioId, year, amount) index alone. Raw SQL: through Prisma's groupBy the same sum cost 3×.
 */
export async function allocatedPerYear(client: Transaction, scenarioId: string, frameYears: readonly YearAmount[]): Promise<Map<number, Oere>> {
  const sums = await client.$queryRaw<Array<{ year: number; allocated: Oere | number | null }>>`
    SELECT "year", CAST(SUM("amount") AS BIGINT) AS "allocated" FROM "Allocation" WHERE "scenarioId" = ${scenarioId} GROUP BY "year"`;
  const allocated = new Map<number, Oere>(frameYears.map((entry) => [entry.year, 0n]));
  for (const row of sums) if (allocated.has(Number(row.year))) allocated.set(Number(row.year), BigInt(row.allocated ?? 0n));
  return allocated;
}

/**
 * UNKNOWN_SCENARIO for each well-formed key that names no scenario, added to the input's other
 * problems (one statement for all): a request is answered with its malformed and its unknown IDs
 * together, not the unknown ones only once the rest is right. A null key was malformed (already listed).
 */
export async function listUnknownScenarios(client: Pick<Transaction, "scenario">, problems: ProblemList, named: ReadonlyArray<{ field: string; key: string | null }>): Promise<void> {
  const keys = [...new Set(named.flatMap((entry) => (entry.key === null ? [] : [entry.key])))];
  if (keys.length === 0) return;
  const found = new Set((await client.scenario.findMany({ where: { id: { in: keys } }, select: { id: true } })).map((row) => row.id));
  for (const { field, key } of named) {
    if (key !== null && !found.has(key)) problems.add(field, "UNKNOWN_SCENARIO", `there is no scenario ${JSON.stringify(key)}.`, key);
  }
}

/**
 * Throws the input's problems, if it has any, with UNKNOWN_SCENARIO added for the named scenarios
 * that do not exist, so one answer lists both. Looked up only when there is something to refuse
 * already: an input whose only fault is an unknown scenario is refused where the scenario is read.
 */
export async function throwWithUnknownScenarios(problems: ProblemList, named: ReadonlyArray<{ field: string; key: string | null }>): Promise<void> {
  if (problems.problems.length === 0) return;
  await listUnknownScenarios(db, problems, named);
  problems.throwIfAny();
}
