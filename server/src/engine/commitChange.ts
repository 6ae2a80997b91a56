/**
 * Committing one change to a scenario: the version claim, the cells and lines, and the append-only
 * history rows, all in the caller's transaction. Every edit of every kind ends here, so the
 * history can never miss a change, and a restore or merge can replay any of them.
 */
import { frameYearTotals, type CellEdit, type FrameYearTotal, type Oere } from "@ramme/domain";
import { afterCommit, type Transaction } from "../db.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { ChangeKind } from "./changeKinds.ts";
import { changeCommitted } from "./committedChanges.ts";
import { FrameExceededError, VersionConflictError } from "./errors.ts";
import { allocatedPerYear, type ScenarioForEdit } from "./scenarioAccess.ts";
import { JSON_ROWS_PER_STATEMENT, selectJsonRows } from "./jsonRows.ts";
import { KEYS_PER_STATEMENT, slices } from "./scenarioLines.ts";
import { buildYearTotals, type YearTotalShape } from "./yearTotals.ts";


export interface LinePlacement {
  initiativeId: string;
  position: number;
}

export interface PlannedChange {
  kind: ChangeKind;
  /** Cells that change; `before`/`after` null where the line is absent before/after. Unchanged cells are dropped. */
  cells: readonly CellEdit[];
  linesAdded?: readonly LinePlacement[];
  linesRemoved?: readonly LinePlacement[];
  comment?: string | null;
  /**
   * Where the comment is also shown: on every line the change touched (the default: "why" of an
   * edit), or once on the scenario (a file import's name explains the whole change, not each of
   * its thousands of lines).
   */
  commentOn?: "LINES" | "SCENARIO";
  details?: Record<string, unknown>;
  /** Fields of the scenario row itself (name, lock, archive…) changed with this version. */
  scenarioUpdate?: Prisma.ScenarioUpdateManyMutationInput;
}

export interface CommittedChange {
  scenarioId: string;
  /** The scenario's version after the change (unchanged when there was nothing to change). */
  version: number;
  changeId: number | null;
  cells: CellEdit[];
  yearTotals: YearTotalShape[];
}

/**
 * Checks the frame, claims the next version and writes the change. A change with no effect is not
 * recorded and keeps the version. Throws FrameExceededError (for must-fit scenarios) before writing.
 */
export async function commitChange(tx: Transaction, scenario: ScenarioForEdit, plan: PlannedChange, actor: string): Promise<CommittedChange> {
  const cells = plan.cells.filter((cell) => cell.before !== cell.after);
  const linesAdded = plan.linesAdded ?? [];
  const linesRemoved = plan.linesRemoved ?? [];
  const allocatedBefore = await allocatedPerYear(tx, scenario.id, scenario.frame.years);
  const allocatedAfter = new Map(allocatedBefore);
  for (const cell of cells) {
    const running = allocatedAfter.get(cell.year);
    if (running !== undefined) allocatedAfter.set(cell.year, running + (cell.after ?? 0n) - (cell.before ?? 0n));
  }
  const totalsAfter = frameYearTotals(scenario.frame.years, allocatedAfter);
  const becomingMustFit = plan.scenarioUpdate?.mustFit === true;
  if ((scenario.mustFit && cells.length > 0) || becomingMustFit) {
    assertFits(scenario.id, totalsAfter, frameYearTotals(scenario.frame.years, allocatedBefore), becomingMustFit);
  }

  const hasEffect = cells.length > 0 || linesAdded.length > 0 || linesRemoved.length > 0 || plan.scenarioUpdate !== undefined;
  if (!hasEffect) {
    return { scenarioId: scenario.id, version: scenario.version, changeId: null, cells: [], yearTotals: await yearTotalsOf(tx, scenario, allocatedAfter) };
  }

  const version = scenario.version + 1;
  // The claim is conditional on the version read. Every write locks the scenario before reading it
  // (lockScenarios), so it matches; it stays as the guard that no edit ever overwrites a version it
  // did not read.
  const claimed = await tx.scenario.updateMany({ where: { id: scenario.id, version: scenario.version }, data: { ...plan.scenarioUpdate, version } });
  if (claimed.count !== 1) {
    const current = await tx.scenario.findUniqueOrThrow({ where: { id: scenario.id }, select: { version: true } });
    throw new VersionConflictError(scenario.id, scenario.version, current.version);
  }

  if (linesRemoved.length > 0) {
    // In slices: an import may take thousands of lines out, more keys than one statement may bind.
    for (const removed of slices(linesRemoved.map((line) => line.initiativeId), KEYS_PER_STATEMENT)) {
      await tx.allocation.deleteMany({ where: { scenarioId: scenario.id, initiativeId: { in: removed } } });
      await tx.scenarioLine.deleteMany({ where: { scenarioId: scenario.id, initiativeId: { in: removed } } });
    }
  }
  if (linesAdded.length > 0) {
    await tx.scenarioLine.createMany({ data: linesAdded.map((line) => ({ scenarioId: scenario.id, ...line })) });
  }
  await upsertCells(tx, scenario.id, cells.filter((cell) => cell.after !== null));
  await deleteCellsOfPresentLines(tx, scenario.id, cells, linesRemoved);

  const change = await tx.scenarioChange.create({
    data: {
      scenarioId: scenario.id,
      version,
      kind: plan.kind,
      actor,
      comment: plan.comment ?? null,
      details: plan.details === undefined ? Prisma.DbNull : (plan.details as Prisma.InputJsonValue),
    },
    select: { id: true, at: true },
  });
  await insertCellChanges(tx, change.id, cells);
  const lineChanges = [...linesAdded.map((line) => ({ ...line, added: true })), ...linesRemoved.map((line) => ({ ...line, added: false }))];
  if (lineChanges.length > 0) await tx.lineChange.createMany({ data: lineChanges.map((line) => ({ changeId: change.id, ...line })) });
  if (plan.comment) await commentOnTouchedLines(tx, scenario.id, version, change.id, plan.commentOn === "SCENARIO" ? [] : cells, plan.comment, actor);

  afterCommit(tx, () =>
    changeCommitted({
      scenarioId: scenario.id,
      version,
      changeId: change.id,
      kind: plan.kind,
      actor,
      at: change.at,
      comment: plan.comment ?? null,
      cells,
      linesAdded: linesAdded.map((line) => line.initiativeId),
      linesRemoved: linesRemoved.map((line) => line.initiativeId),
      yearTotals: totalsAfter,
    }),
  );
  return { scenarioId: scenario.id, version, changeId: change.id, cells, yearTotals: await yearTotalsOf(tx, scenario, allocatedAfter) };
}

/**
 * A must-fit scenario refuses an edit that leaves a year over the frame. A year that was already
 * over (a scenario marked must-fit cannot be, but history may hold one) may still shrink.
 */
function assertFits(scenarioId: string, after: FrameYearTotal[], before: FrameYearTotal[], becomingMustFit: boolean) {
  const worse = after.filter((total, index) => {
    if (total.fits) return false;
    if (becomingMustFit) return true;
    const previous = before[index];
    return !previous || total.overBy >= previous.overBy;
  });
  if (worse.length > 0) {
    throw new FrameExceededError(scenarioId, worse.map(({ year, allocated, frame, overBy }) => ({ year, allocated, frame, overBy })));
  }
}

async function upsertCells(tx: Transaction, scenarioId: string, cells: readonly CellEdit[]) {
  for (const slice of slices(cells, JSON_ROWS_PER_STATEMENT)) {
    // The rows as one JSON parameter (engine/jsonRows.ts); the same statement on SQLite and PostgreSQL.
    const rows = selectJsonRows(["text", "integer", "bigint"], slice.map((cell) => [cell.initiativeId, cell.year, cell.after]), [{ value: scenarioId, type: "text" }]);
    await tx.$executeRaw`INSERT INTO "Allocation" ("scenarioId", "initiativeId", "year", "amount") ${rows}
      ON CONFLICT ("scenarioId", "initiativeId", "year") DO UPDATE SET "amount" = excluded."amount"`;
  }
}

/**
 * The change's cells into the history. As one JSON parameter like upsertCells: a parameter per
 * value cost ~0.5 s of a 20,000-cell import (Prisma's createMany was slower still).
 */
async function insertCellChanges(tx: Transaction, changeId: number, cells: readonly CellEdit[]) {
  for (const slice of slices(cells, JSON_ROWS_PER_STATEMENT)) {
    const rows = selectJsonRows(["text", "integer", "bigint", "bigint"], slice.map((cell) => [cell.initiativeId, cell.year, cell.before, cell.after]), [{ value: changeId, type: "integer" }]);
    await tx.$executeRaw`INSERT INTO "CellChange" ("changeId", "initiativeId", "year", "before", "after") ${rows}`;
  }
}

/** Cells set to "absent" on a line that stays (only a restore or merge does that) go, a slice of them per statement. */
async function deleteCellsOfPresentLines(tx: Transaction, scenarioId: string, cells: readonly CellEdit[], linesRemoved: readonly LinePlacement[]) {
  const removed = new Set(linesRemoved.map((line) => line.initiativeId));
  const gone = cells.filter((cell) => cell.after === null && !removed.has(cell.initiativeId));
  for (const slice of slices(gone, JSON_ROWS_PER_STATEMENT)) {
    const rows = selectJsonRows(["text", "integer"], slice.map((cell) => [cell.initiativeId, cell.year]));
    await tx.$executeRaw`DELETE FROM "Allocation" WHERE "scenarioId" = ${scenarioId} AND ("initiativeId", "year") IN (${rows})`;
  }
}

/** A comment given with an edit explains it on every line it touched (on the cell, when only one year of a line changed). */
async function commentOnTouchedLines(tx: Transaction, scenarioId: string, version: number, changeId: number, cells: readonly CellEdit[], text: string, author: string) {
  const yearsByLine = new Map<string, Set<number>>();
  for (const cell of cells) {
    const years = yearsByLine.get(cell.initiativeId) ?? new Set<number>();
    years.add(cell.year);
    yearsByLine.set(cell.initiativeId, years);
  }
  const comments: Prisma.CommentCreateManyInput[] = [...yearsByLine].map(([initiativeId, years]) => ({
    scenarioId,
    initiativeId,
    year: years.size === 1 ? [...years][0]! : null,
    changeId,
    version,
    author,
    text,
  }));
  // A change without cells (a rename, a lock) is commented on the scenario as a whole.
  await tx.comment.createMany({ data: comments.length > 0 ? comments : [{ scenarioId, initiativeId: null, year: null, changeId, version, author, text }] });
}

async function yearTotalsOf(tx: Transaction, scenario: ScenarioForEdit, allocated: Map<number, Oere>): Promise<YearTotalShape[]> {
  const outsideFrame = await tx.outsideFrameAmount.findMany({ where: { scenarioId: scenario.id }, orderBy: { id: "asc" } });
  return buildYearTotals({ frameYears: scenario.frame.years, allocated, outsideFrame, printedTable: null });
}
