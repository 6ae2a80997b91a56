/**
 * Merging a what-if into another scenario: what the source changed relative to its parent (its
 * state when forked, version 1) is applied onto the target, cell by cell. Where the target changed
 * the same cells differently, nothing is applied unless the caller picks a side for each.
 */
import { cellKey, threeWayMerge, type MergeSide } from "@ramme/domain";
import { db, writeTransaction, type Transaction } from "../db.ts";
import { commitChange, type CommittedChange } from "./commitChange.ts";
import { InvalidInputError, MergeConflictError } from "./errors.ts";
import { ProblemList, TEXT_LIMITS } from "./input.ts";
import { stateAtVersion } from "./history.ts";
import { currentState } from "./scenarioState.ts";
import { assertEditable, assertVersion, findScenario, listUnknownScenarios, lockScenarios } from "./scenarioAccess.ts";

export interface MergeResolutionInput {
  initiativeId: string;
  year: number;
  take: MergeSide;
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
export async function planMerge(client: Transaction, sourceId: string, targetId: string, resolutions: ReadonlyMap<string, MergeSide>, prefix = "input.") {
  const source = await findScenario(client, sourceId, `${prefix}sourceId`);
  const target = await findScenario(client, targetId, `${prefix}targetId`);
  if (!source.parentId) {
    throw InvalidInputError.of(`${prefix}sourceId`, "NO_PARENT", `${JSON.stringify(source.id)} was not forked from another scenario, so it has no changes of its own to merge.`, source.id);
  }
  if (source.frameId !== target.frameId) {
    throw InvalidInputError.of(`${prefix}targetId`, "OTHER_FRAME", "the two scenarios divide different frames.", target.id);
  }
  const years = target.frame.years.map((entry) => entry.year);
  const [base, sourceNow, targetNow] = await Promise.all([stateAtVersion(client, source.id, 1), currentState(client, source.id), currentState(client, target.id)]);
  const result = threeWayMerge(base.cells, sourceNow.cells, targetNow.cells, years, resolutions);
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
  };
}

export function resolutionsMap(resolutions: readonly MergeResolutionInput[] | null | undefined, problems: ProblemList, prefix = "input."): Map<string, MergeSide> {
  const map = new Map<string, MergeSide>();
  (resolutions ?? []).forEach((resolution, index) => {
    const initiativeId = problems.id(`${prefix}resolutions[${index}].initiativeId`, resolution.initiativeId, "Initiative");
    if (initiativeId === null) return;
    const key = cellKey(initiativeId, resolution.year);
    if (map.has(key)) problems.add(`${prefix}resolutions[${index}]`, "DUPLICATE_CELL", "this cell is resolved more than once.");
    map.set(key, resolution.take);
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
