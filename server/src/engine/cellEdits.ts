/**
 * Editing amounts: one cell, a pasted block, moving an amount between lines. Every cell is checked
 * (the line is in the scenario, the year in the frame, the amount exact, within the frame's
 * precision, non-negative, below the ceiling) before anything is written, and a block is stored
 * whole or not at all.
 */
import { formatMio, MAX_MIO_DECIMALS, type CellEdit, type Oere } from "@ramme/domain";
import type { Transaction } from "../db.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { commitChange, type CommittedChange } from "./commitChange.ts";
import { amountProblem, MAX_CELLS_PER_REQUEST, parseAllocationAmount, ProblemList, type AmountNotation } from "./input.ts";
import { editScenario } from "./editScenario.ts";
import { currentState } from "./scenarioState.ts";
import { assertVersion, type ScenarioForEdit } from "./scenarioAccess.ts";

export interface CellInput {
  initiativeId: string;
  year: number;
  amount: string;
}

export interface SetCellsInput {
  scenarioId: string;
  cells: readonly CellInput[];
  expectedVersion: number;
  notation: AmountNotation;
  comment?: string | null;
  /** The initiatives the caller may see (auth/access.ts): any other is answered as unknown. */
  visibleInitiatives?: Prisma.InitiativeWhereInput;
}

export interface CellTarget {
  /** Where the cell came from in the request, for problems: "input.cells[3]". */
  field: string;
  initiativeId: string;
  year: number;
  amount: Oere;
}

/** Sets cells (one, or a pasted block) in one transaction. */
export function setCells(input: SetCellsInput, actor: string, fields: { cells: string; single?: boolean } = { cells: "input.cells" }): Promise<CommittedChange> {
  const checkInput = (problems: ProblemList) => {
    if (input.cells.length === 0) problems.add(fields.cells, "REQUIRED", "at least one cell is required.");
    if (input.cells.length > MAX_CELLS_PER_REQUEST) {
      problems.add(fields.cells, "TOO_MANY_CELLS", `at most ${MAX_CELLS_PER_REQUEST} cells per request (got ${input.cells.length}).`);
    }
  };
  return editScenario(input, checkInput, async ({ tx, scenario, problems, comment }) => {
    const { targets, refused } = parseCells(input.cells, scenario, input.notation, problems, fields);
    const edits = await cellEditsFor(tx, scenario, targets, problems, refused, input.visibleInitiatives);
    problems.throwIfAny();
    assertVersion(scenario, input.expectedVersion);
    return commitChange(tx, scenario, { kind: "CELLS_SET", cells: edits, comment }, actor);
  }, (problems) => checkCellsWithoutScenario(input.cells, input.notation, problems, fields));
}

/** The cells' IDs and amounts as far as they can be checked without a scenario (no frame: no years, any precision). */
function checkCellsWithoutScenario(cells: readonly CellInput[], notation: AmountNotation, problems: ProblemList, fields: { cells: string; single?: boolean }): void {
  cells.slice(0, MAX_CELLS_PER_REQUEST).forEach((cell, index) => {
    const field = fields.single ? fields.cells : `${fields.cells}[${index}]`;
    problems.id(`${field}.initiativeId`, cell.initiativeId, "Initiative");
    const amount = parseAllocationAmount(cell.amount, notation, MAX_MIO_DECIMALS);
    if (!amount.ok) problems.push(amountProblem(`${field}.amount`, amount.error));
  });
}

/** Checks each cell's initiative ID, year and amount; records problems and returns the well-formed cells. */
export function parseCells(
  cells: readonly CellInput[],
  scenario: ScenarioForEdit,
  notation: AmountNotation,
  problems: ProblemList,
  fields: { cells: string; single?: boolean },
): { targets: CellTarget[]; refused: InitiativeReference[] } {
  const years = new Set(scenario.frame.years.map((entry) => entry.year));
  const seen = new Map<string, string>();
  const targets: CellTarget[] = [];
  const refused: InitiativeReference[] = [];
  cells.forEach((cell, index) => {
    const field = fields.single ? fields.cells : `${fields.cells}[${index}]`;
    const initiativeId = problems.id(`${field}.initiativeId`, cell.initiativeId, "Initiative");
    let ok = initiativeId !== null;
    if (!years.has(cell.year)) {
      problems.add(`${field}.year`, "YEAR_OUTSIDE_FRAME", `${cell.year} is not a year of the frame (${[...years].join(", ")}).`, String(cell.year));
      ok = false;
    }
    const amount = parseAllocationAmount(cell.amount, notation, scenario.frame.precisionDecimals);
    if (!amount.ok) {
      problems.push(amountProblem(`${field}.amount`, amount.error));
      ok = false;
    }
    if (!ok || !amount.ok) {
      if (initiativeId !== null) refused.push({ field, initiativeId });
      return;
    }
    const key = `${initiativeId}:${cell.year}`;
    const earlier = seen.get(key);
    if (earlier) {
      problems.add(field, "DUPLICATE_CELL", `the same cell as ${earlier} (${initiativeId}, ${cell.year}); each cell may be given once.`);
      return;
    }
    seen.set(key, field);
    targets.push({ field, initiativeId: initiativeId!, year: cell.year, amount: amount.value });
  });
  return { targets, refused };
}

/** An initiative a cell names, where the cell is refused for its year or amount: its ID is checked all the same. */
export interface InitiativeReference {
  field: string;
  initiativeId: string;
}

/**
 * Turns checked cells into edits (before → after), refusing cells of initiatives that do not exist
 * or are not lines of the scenario; the initiatives of cells refused already (`refused`) are
 * checked too, so every problem of the input is listed at once. An initiative the caller may not
 * see is answered as one that does not exist (a hidden proposal is never a line of a scenario the
 * caller may edit).
 */
export async function cellEditsFor(
  tx: Transaction,
  scenario: ScenarioForEdit,
  targets: readonly CellTarget[],
  problems: ProblemList,
  refused: readonly InitiativeReference[] = [],
  visibleInitiatives: Prisma.InitiativeWhereInput = {},
): Promise<CellEdit[]> {
  const references = [...targets, ...refused];
  const current = (await currentState(tx, scenario.id, references.map((reference) => reference.initiativeId))).cells;
  const missing = [...new Set(references.filter((reference) => !current.has(reference.initiativeId)).map((reference) => reference.initiativeId))];
  // Their titles name them in the refusal (people read titles, not keys).
  const existing = new Map(
    missing.length === 0 ? [] : (await tx.initiative.findMany({ where: { id: { in: missing }, AND: [visibleInitiatives] }, select: { id: true, title: true } })).map((row) => [row.id, row.title]),
  );
  const lineOf = (reference: InitiativeReference) => {
    const line = current.get(reference.initiativeId);
    if (line) return line;
    if (existing.has(reference.initiativeId)) {
      problems.add(`${reference.field}.initiativeId`, "NOT_IN_SCENARIO", `“${existing.get(reference.initiativeId)}” is not a line of this scenario; add it first.`, reference.initiativeId);
    } else {
      problems.add(`${reference.field}.initiativeId`, "UNKNOWN_INITIATIVE", `there is no initiative ${JSON.stringify(reference.initiativeId)}.`, reference.initiativeId);
    }
    return null;
  };
  refused.forEach(lineOf);
  const edits: CellEdit[] = [];
  for (const target of targets) {
    const line = lineOf(target);
    if (line) edits.push({ initiativeId: target.initiativeId, year: target.year, before: line.get(target.year) ?? 0n, after: target.amount });
  }
  return edits;
}


export interface MoveAmountInput {
  scenarioId: string;
  expectedVersion: number;
  fromInitiativeId: string;
  toInitiativeId: string;
  amount: string;
  fromYear: number;
  toYear: number;
  notation: AmountNotation;
  comment?: string | null;
  /** The initiatives the caller may see: any other is answered as unknown. */
  visibleInitiatives?: Prisma.InitiativeWhereInput;
}

/** Moves the same amount from one line to another in each year of a range: every year's total stays as it was. */
export function moveAmount(input: MoveAmountInput, actor: string): Promise<CommittedChange> {
  let from: string | null = null;
  let to: string | null = null;
  const checkInput = (problems: ProblemList) => {
    from = problems.id("input.fromInitiativeId", input.fromInitiativeId, "Initiative");
    to = problems.id("input.toInitiativeId", input.toInitiativeId, "Initiative");
    if (from !== null && from === to) problems.add("input.toInitiativeId", "SAME_LINE", "moving to the same line changes nothing.", to);
    if (input.fromYear > input.toYear) {
      problems.add("input.toYear", "BAD_YEAR_RANGE", `toYear ${input.toYear} is before fromYear ${input.fromYear}.`, String(input.toYear));
    }
  };
  return editScenario(input, checkInput, async ({ tx, scenario, problems, comment }) => {
    const frameYears = scenario.frame.years.map((entry) => entry.year);
    for (const [field, year] of [["input.fromYear", input.fromYear], ["input.toYear", input.toYear]] as const) {
      if (!frameYears.includes(year)) problems.add(field, "YEAR_OUTSIDE_FRAME", `${year} is not a year of the frame (${frameYears.join(", ")}).`, String(year));
    }
    const amount = parseAllocationAmount(input.amount, input.notation, scenario.frame.precisionDecimals);
    if (!amount.ok) problems.push(amountProblem("input.amount", amount.error));
    else if (amount.value === 0n) problems.add("input.amount", "REQUIRED", "moving 0 changes nothing.", input.amount);
    problems.throwIfAny();
    if (!amount.ok) throw new Error("unreachable: amount problems were thrown above");

    const years = frameYears.filter((year) => input.fromYear <= year && year <= input.toYear);
    const targets = years.flatMap((year) => [
      { field: "input.fromInitiativeId", initiativeId: from!, year, amount: 0n },
      { field: "input.toInitiativeId", initiativeId: to!, year, amount: 0n },
    ]);
    const edits = await cellEditsFor(tx, scenario, targets, problems, [], input.visibleInitiatives);
    problems.throwIfAny();
    const moved: CellEdit[] = [];
    for (const year of years) {
      const source = edits.find((edit) => edit.initiativeId === from && edit.year === year)!;
      const target = edits.find((edit) => edit.initiativeId === to && edit.year === year)!;
      const before = source.before ?? 0n;
      if (before < amount.value) {
        problems.add("input.amount", "INSUFFICIENT_AMOUNT", `the line from has only ${formatMio(before)} mio. kr. in ${year}.`, input.amount);
        continue;
      }
      moved.push({ ...source, after: before - amount.value }, { ...target, after: (target.before ?? 0n) + amount.value });
    }
    problems.throwIfAny();
    assertVersion(scenario, input.expectedVersion);
    return commitChange(tx, scenario, { kind: "AMOUNT_MOVED", cells: moved, comment, details: { from, to, fromYear: input.fromYear, toYear: input.toYear } }, actor);
  });
}
