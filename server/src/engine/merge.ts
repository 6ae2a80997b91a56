/**
 * Merging a what-if into another scenario: what the source changed relative to its parent (its
 * state when forked, version 1) is applied onto the target, cell by cell. Where the target changed
 * the same cells differently, nothing is applied unless the caller picks a side for each.
 */
import { cellKey, threeWayMerge, type MergeResolution, type MergeSide, type Oere } from "@ramme/domain";
import { db, writeTransaction, type Transaction } from "../db.ts";
import { commitChange, type CommittedChange } from "./commitChange.ts";
import { InvalidInputError, MergeConflictError } from "./errors.ts";
import { amountProblem, parseAllocationAmount, ProblemList, TEXT_LIMITS, type AmountNotation } from "./input.ts";
import { stateAtVersion } from "./history.ts";
import { currentState } from "./scenarioState.ts";
import { assertEditable, assertVersion, findScenario, listUnknownScenarios, lockScenarios } from "./scenarioAccess.ts";
import { buildYearTotals } from "./yearTotals.ts";

export interface MergeResolutionInput {
  initiativeId: string;
  year: number;
  /** VALUE: the cell gets `amount`, checked like any edited amount. */
  take: MergeSide | "VALUE";
  amount?: string | null;
  notation?: AmountNotation | null;
}

/** A resolution as checked before the scenarios are read: a typed amount is parsed once the frame's precision is known. */
interface PendingResolution {
  take: MergeSide | "VALUE";
  amount: string;
  notation: AmountNotation;
  field: string;
}

export interface MergeInput {
  sourceId: string;
  targetId: string;
  expectedTargetVersion: number;
  resolutions?: readonly MergeResolutionInput[] | null;
  comment?: string | null;
}

/** `prefix` is where the fields sit in the request: "input." for the mutation, "" for the preview query's arguments. */
async function checkIds(client: Pick<Transaction, "scenario">, input: { sourceId: string; targetId: string }, problems: ProblemList, prefix = "input.") {
  const sourceId = problems.id(`${prefix}sourceId`, input.sourceId, "Scenario");
  const targetId = problems.id(`${prefix}targetId`, input.targetId, "Scenario");
  if (sourceId !== null && sourceId === targetId) problems.add(`${prefix}targetId`, "SAME_SCENARIO", "a scenario cannot be merged into itself.", targetId);
  await listUnknownScenarios(client, problems, [
    { field: `${prefix}sourceId`, key: sourceId },
    { field: `${prefix}targetId`, key: sourceId === targetId ? null : targetId },
  ]);
  return { sourceId: sourceId!, targetId: targetId! };
}

/** What a merge would do, without doing it: used by the mergePreview query and by mergeScenario itself. */
export async function planMerge(client: Transaction, sourceId: string, targetId: string, pending: ReadonlyMap<string, PendingResolution>, prefix = "input.") {
  const source = await findScenario(client, sourceId, `${prefix}sourceId`);
  const target = await findScenario(client, targetId, `${prefix}targetId`);
  const resolutions = parseResolutions(pending, target.frame.precisionDecimals);
  if (!source.parentId) {
    throw InvalidInputError.of(`${prefix}sourceId`, "NO_PARENT", `${JSON.stringify(source.id)} was not forked from another scenario, so it has no changes of its own to merge.`, source.id);
  }
  if (source.frameId !== target.frameId) {
    throw InvalidInputError.of(`${prefix}targetId`, "OTHER_FRAME", "the two scenarios divide different frames.", target.id);
  }
  const years = target.frame.years.map((entry) => entry.year);
  const [base, sourceNow, targetNow] = await Promise.all([stateAtVersion(client, source.id, 1), currentState(client, source.id), currentState(client, target.id)]);
  const result = threeWayMerge(base.cells, sourceNow.cells, targetNow.cells, years, resolutions);
  const allocated = new Map<number, Oere>(years.map((year) => [year, 0n]));
  for (const line of targetNow.cells.values()) for (const [year, amount] of line) if (allocated.has(year)) allocated.set(year, allocated.get(year)! + amount);
  for (const edit of result.edits) if (allocated.has(edit.year)) allocated.set(edit.year, allocated.get(edit.year)! + (edit.after ?? 0n) - (edit.before ?? 0n));
  let nextPosition = Math.max(-1, ...targetNow.positions.values()) + 1;
  const addedIds = [...new Set(result.edits.filter((edit) => edit.before === null && edit.after !== null).map((edit) => edit.initiativeId))];
  const removedIds = [...new Set(result.edits.filter((edit) => edit.after === null && edit.before !== null).map((edit) => edit.initiativeId))];
  // New lines go after the target's own, in the source's order.
  addedIds.sort((a, b) => (sourceNow.positions.get(a) ?? 0) - (sourceNow.positions.get(b) ?? 0));
  return {
    source,
    target,
    ...result,
    linesAdded: addedIds.map((initiativeId) => ({ initiativeId, position: nextPosition++ })),
    linesRemoved: removedIds.map((initiativeId) => ({ initiativeId, position: targetNow.positions.get(initiativeId) ?? 0 })),
    yearTotalsAfter: buildYearTotals({ frameYears: target.frame.years, allocated, outsideFrame: [], printedTable: null }),
  };
}

/** Typed amounts checked against the target frame's precision (and the ceiling, and ≥ 0), all problems at once. */
function parseResolutions(pending: ReadonlyMap<string, PendingResolution>, maxDecimals: number): Map<string, MergeResolution> {
  const problems = new ProblemList();
  const resolutions = new Map<string, MergeResolution>();
  for (const [key, resolution] of pending) {
    if (resolution.take !== "VALUE") {
      resolutions.set(key, resolution.take);
      continue;
    }
    const amount = parseAllocationAmount(resolution.amount, resolution.notation, maxDecimals);
    if (amount.ok) resolutions.set(key, { amount: amount.value });
    else problems.push(amountProblem(`${resolution.field}.amount`, amount.error));
  }
  problems.throwIfAny();
  return resolutions;
}

export function resolutionsMap(resolutions: readonly MergeResolutionInput[] | null | undefined, problems: ProblemList, prefix = "input."): Map<string, PendingResolution> {
  const map = new Map<string, PendingResolution>();
  (resolutions ?? []).forEach((resolution, index) => {
    const field = `${prefix}resolutions[${index}]`;
    const initiativeId = problems.id(`${field}.initiativeId`, resolution.initiativeId, "Initiative");
    const amount = resolution.amount ?? null;
    if (resolution.take === "VALUE" && amount === null) problems.add(`${field}.amount`, "REQUIRED", "take VALUE needs the amount the cell gets.");
    if (resolution.take !== "VALUE" && amount !== null) {
      problems.add(`${field}.amount`, "CONFLICTING_FIELDS", `an amount is given only with take VALUE, not with ${resolution.take}.`, amount);
    }
    if (initiativeId === null) return;
    const key = cellKey(initiativeId, resolution.year);
    if (map.has(key)) problems.add(field, "DUPLICATE_CELL", "this cell is resolved more than once.");
    map.set(key, { take: resolution.take, amount: amount ?? "", notation: resolution.notation ?? "API", field });
  });
  return map;
}

export async function mergeScenario(input: MergeInput, actor: string): Promise<CommittedChange> {
  const problems = new ProblemList();
  const { sourceId, targetId } = await checkIds(db, input, problems);
  const comment = problems.text("input.comment", input.comment, { max: TEXT_LIMITS.comment, required: false });
  const resolutions = resolutionsMap(input.resolutions, problems);
  problems.throwIfAny();

  return writeTransaction(async (tx) => {
    // Both locked: the target is written, and the source's changes are read across several statements.
    await lockScenarios(tx, [sourceId, targetId]);
    const plan = await planMerge(tx, sourceId, targetId, resolutions);
    assertEditable(plan.target);
    assertVersion(plan.target, input.expectedTargetVersion);
    if (plan.conflicts.length > 0) throw new MergeConflictError(plan.conflicts);
    return commitChange(
      tx,
      plan.target,
      {
        kind: "MERGED",
        cells: plan.edits,
        linesAdded: plan.linesAdded,
        linesRemoved: plan.linesRemoved,
        comment,
        details: { sourceId: plan.source.id, sourceVersion: plan.source.version, resolved: plan.resolved.length },
      },
      actor,
    );
  });
}

export { checkIds as checkMergeIds };
