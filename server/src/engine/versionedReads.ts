/**
 * Reads that a scenario's version fixes, kept in memory: its lines' cells and its totals per year.
 * Every change to a scenario's lines or cells commits a new version (commitChange.ts), so what was
 * read at version V is what any reader gets at V, on any instance; the key is the version, and no
 * invalidation is needed. Who may see a scenario is not cached: the scenario's own row (with its
 * version) is read, and its access checked, on every request before these fields resolve.
 *
 * A value is kept only when the scenario is still at V after it was read: a change committed by
 * another request or instance while it was being read (a later version's cells under V's key) is
 * answered, as before, but not kept.
 *
 * The frame's years and amounts are fixed once a frame is made (updateFrame changes only its name
 * and description); the seed writes them before the server serves.
 */
import type { YearAmount } from "@ramme/domain";
import type { Database } from "../db.ts";
import { type LineCells, loadLineCells } from "./scenarioLines.ts";
import { allocatedPerYear } from "./scenarioAccess.ts";
import { buildYearTotals, type YearTotalShape } from "./yearTotals.ts";

/** A map that forgets its least recently used entries beyond `maxWeight` (each entry weighs at least 1). */
export class WeighedCache<V> {
  private readonly entries = new Map<string, { value: V; weight: number }>();
  private weight = 0;

  constructor(private readonly maxWeight: number) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V, weight: number): void {
    const weighed = Math.max(1, weight);
    if (weighed > this.maxWeight) return;
    const old = this.entries.get(key);
    if (old) {
      this.weight -= old.weight;
      this.entries.delete(key);
    }
    this.entries.set(key, { value, weight: weighed });
    this.weight += weighed;
    for (const [oldest, entry] of this.entries) {
      if (this.weight <= this.maxWeight) break;
      this.entries.delete(oldest);
      this.weight -= entry.weight;
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.weight -= entry.weight;
  }

  clear(): void {
    this.entries.clear();
    this.weight = 0;
  }
}

/**
 * Lines kept at most, over every cached scenario version: 60,000 lines are some 25 MB (a line's
 * cells as bigints and its object), a dozen 5,000-line scenarios or every version a negotiation
 * day of 25-line what-ifs passes through.
 */
export const MAX_CACHED_LINES = 60_000;

const lineCells = new WeighedCache<readonly LineCells[]>(MAX_CACHED_LINES);
const yearTotals = new WeighedCache<readonly YearTotalShape[]>(10_000);
const frameYears = new WeighedCache<Promise<readonly YearAmount[]>>(1_000);

/** A scenario's row as read in this request: its version fixes what is read below. */
export interface VersionedScenario {
  id: string;
  version: number;
  frameId: string;
}

const atVersion = (scenarioId: string, version: number) => `${scenarioId}@${version}`;

async function stillAt(client: Database, scenarioId: string, version: number): Promise<boolean> {
  const row = await client.scenario.findUnique({ where: { id: scenarioId }, select: { version: true } });
  return row?.version === version;
}

/** The scenarios' versions now, in one statement (by primary key for one, the grid's case). */
async function versionsNow(client: Database, scenarioIds: readonly string[]): Promise<Map<string, number>> {
  if (scenarioIds.length === 1) {
    const row = await client.scenario.findUnique({ where: { id: scenarioIds[0]! }, select: { version: true } });
    return new Map(row ? [[scenarioIds[0]!, row.version]] : []);
  }
  const rows = await client.scenario.findMany({ where: { id: { in: [...scenarioIds] } }, select: { id: true, version: true } });
  return new Map(rows.map((row) => [row.id, row.version]));
}

/** The frame's years with their amounts, in year order. One read per frame, also when asked by several fields at once. */
export function frameYearsOf(client: Database, frameId: string): Promise<readonly YearAmount[]> {
  const known = frameYears.get(frameId);
  if (known) return known;
  const reading = client.frameYear.findMany({ where: { frameId }, orderBy: { year: "asc" }, select: { year: true, amount: true } });
  frameYears.set(frameId, reading, 1);
  // A failed read is not kept: the next asks again.
  reading.catch(() => frameYears.delete(frameId));
  return reading;
}

/** A scenario's lines in position order with their cells, as at `version` (the version its row was read at). */
export async function lineCellsAt(client: Database, scenario: VersionedScenario): Promise<readonly LineCells[]> {
  return (await lineCellsOfAll(client, [scenario])).get(scenario.id)!;
}

/**
 * Several scenarios' lines at once (the comparison's), each as at the version its row was read at,
 * all of one frame. The versions not kept are read together: one statement for their cells and one
 * to see which are still at the version read, however many scenarios.
 */
export async function lineCellsOfAll(client: Database, scenarios: readonly VersionedScenario[]): Promise<Map<string, readonly LineCells[]>> {
  const result = new Map<string, readonly LineCells[]>();
  const missing: VersionedScenario[] = [];
  for (const scenario of scenarios) {
    const known = lineCells.get(atVersion(scenario.id, scenario.version));
    if (known) result.set(scenario.id, known);
    else if (!missing.some((other) => other.id === scenario.id)) missing.push(scenario);
  }
  if (missing.length === 0) return result;
  const years = (await frameYearsOf(client, missing[0]!.frameId)).map((entry) => entry.year);
  const read = await loadLineCells(
    client,
    missing.map((scenario) => scenario.id),
    years,
  );
  const versionNow = await versionsNow(client, missing.map((scenario) => scenario.id));
  for (const scenario of missing) {
    const lines = read.get(scenario.id)!;
    result.set(scenario.id, lines);
    if (versionNow.get(scenario.id) === scenario.version) lineCells.set(atVersion(scenario.id, scenario.version), lines, lines.length);
  }
  return result;
}

/** A scenario's totals per frame year (against the frame and a baseline's printed totals), as at `version`. */
export async function yearTotalsAt(client: Database, scenario: VersionedScenario): Promise<readonly YearTotalShape[]> {
  const key = atVersion(scenario.id, scenario.version);
  const known = yearTotals.get(key);
  if (known) return known;
  const years = await frameYearsOf(client, scenario.frameId);
  const [allocated, outsideFrame, printedTable] = await Promise.all([
    allocatedPerYear(client, scenario.id, years),
    client.outsideFrameAmount.findMany({ where: { scenarioId: scenario.id }, orderBy: { id: "asc" } }),
    client.sourceTable.findUnique({ where: { scenarioId: scenario.id }, select: { id: true, statedTotals: true, footnotes: true } }),
  ]);
  const totals = buildYearTotals({ frameYears: years, allocated, outsideFrame, printedTable });
  if (await stillAt(client, scenario.id, scenario.version)) yearTotals.set(key, totals, 1);
  return totals;
}

/** Forgets every kept read: for tests that count a cold read's statements, and after a database is replaced under a running process. */
export function forgetVersionedReads(): void {
  lineCells.clear();
  yearTotals.clear();
  frameYears.clear();
}
