/**
 * The changes a viewer has not seen yet, read from the history: how a stream catches up after a
 * reconnect, a gap, or a Redis outage. The history, the cells and the totals are read in one
 * snapshot, so the totals attached to each change are exactly those after it.
 */
import type { CellEdit, Oere } from "@ramme/domain";
import { frameYearTotals } from "@ramme/domain";
import { db } from "../db.ts";
import { isPostgres } from "../db/client.ts";
import type { ChangeKind } from "../engine/changeKinds.ts";
import type { ScenarioChangedEvent } from "./scenarioChanged.ts";

/** At most this many changes per read, oldest first; a stream far behind reads again until it is level. */
const PAGE = 500;

export interface MissedChanges {
  events: ScenarioChangedEvent[];
  /** The scenario's version when read (null when the scenario does not exist). */
  currentVersion: number | null;
}

/** The scenario's version now; null when there is no such scenario. A cheap check before a catch-up. */
export async function scenarioVersion(scenarioId: string): Promise<number | null> {
  const scenario = await db.scenario.findUnique({ where: { id: scenarioId }, select: { version: true } });
  return scenario?.version ?? null;
}

export async function changesAfter(scenarioId: string, afterVersion: number): Promise<MissedChanges> {
  const [scenario, sums, laterDeltas, changes] = await db.$transaction(
    [
      db.scenario.findUnique({
        where: { id: scenarioId },
        select: { version: true, frame: { select: { years: { select: { year: true, amount: true }, orderBy: { year: "asc" } } } } },
      }),
      db.allocation.groupBy({ by: ["year"], where: { scenarioId }, orderBy: { year: "asc" }, _sum: { amount: true } }),
      db.cellChange.groupBy({ by: ["year"], where: { change: { scenarioId, version: { gt: afterVersion } } }, orderBy: { year: "asc" }, _sum: { before: true, after: true } }),
      db.scenarioChange.findMany({
        where: { scenarioId, version: { gt: afterVersion } },
        orderBy: { version: "asc" },
        take: PAGE,
        include: { cells: true, lines: { select: { initiativeId: true, added: true } } },
      }),
    ],
    // One snapshot: on PostgreSQL each statement would otherwise see commits the previous did not.
    // (The client's type is SQLite's, which knows only Serializable; PostgreSQL's client takes RepeatableRead.)
    isPostgres() ? ({ isolationLevel: "RepeatableRead" } as unknown as { isolationLevel: "Serializable" }) : undefined,
  );
  if (!scenario) return { events: [], currentVersion: null };

  // The totals at afterVersion are today's minus every later change; each change then moves them forward.
  const running = new Map<number, Oere>(scenario.frame.years.map((entry) => [entry.year, 0n]));
  for (const row of sums) if (running.has(row.year)) running.set(row.year, BigInt(row._sum?.amount ?? 0n));
  for (const row of laterDeltas) {
    const total = running.get(row.year);
    if (total !== undefined) running.set(row.year, total - BigInt(row._sum?.after ?? 0n) + BigInt(row._sum?.before ?? 0n));
  }
  const events = changes.map((change): ScenarioChangedEvent => {
    const cells: CellEdit[] = change.cells.map(({ initiativeId, year, before, after }) => ({ initiativeId, year, before, after }));
    for (const cell of cells) {
      const total = running.get(cell.year);
      if (total !== undefined) running.set(cell.year, total + (cell.after ?? 0n) - (cell.before ?? 0n));
    }
    return {
      scenarioId,
      version: change.version,
      changeId: change.id,
      kind: change.kind as ChangeKind,
      actor: change.actor,
      at: change.at,
      comment: change.comment,
      cells,
      linesAdded: change.lines.filter((line) => line.added).map((line) => line.initiativeId),
      linesRemoved: change.lines.filter((line) => !line.added).map((line) => line.initiativeId),
      yearTotals: frameYearTotals(scenario.frame.years, running),
    };
  });
  return { events, currentVersion: scenario.version };
}
