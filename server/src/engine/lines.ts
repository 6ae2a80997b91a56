/**
 * Lines entering and leaving a what-if: a new proposal (an initiative the documents do not have),
 * an existing initiative taken back in, or a line taken out. Removing never deletes the initiative;
 * the line's cells go into the history, so a restore puts them back.
 */
import type { CellEdit, Oere } from "@ramme/domain";
import { Prisma } from "../generated/prisma/client.ts";
import { commitChange, type CommittedChange } from "./commitChange.ts";
import { amountProblem, parseAllocationAmount, ProblemList, TEXT_LIMITS, type AmountNotation } from "./input.ts";
import { editScenario } from "./editScenario.ts";
import { newKey } from "./scenarioLifecycle.ts";
import { assertVersion } from "./scenarioAccess.ts";

export interface AddInitiativeInput {
  scenarioId: string;
  expectedVersion: number;
  /** An existing initiative to take into the scenario; or, instead, a new proposal: */
  initiativeId?: string | null;
  title?: string | null;
  themeId?: string | null;
  description?: string | null;
  amounts?: ReadonlyArray<{ year: number; amount: string }> | null;
  notation: AmountNotation;
  comment?: string | null;
  /** The initiatives the caller may see (auth/access.ts): another organisation's hidden proposal is answered as unknown. */
  visibleInitiatives?: Prisma.InitiativeWhereInput;
}

export function addInitiative(input: AddInitiativeInput, actor: string): Promise<CommittedChange> {
  let existingId: string | null = null;
  let title: string | null = null;
  let themeId: string | null = null;
  let description: string | null = null;
  const checkInput = (problems: ProblemList) => {
    existingId = input.initiativeId ? problems.id("input.initiativeId", input.initiativeId, "Initiative") : null;
    if (input.initiativeId) {
      for (const field of ["title", "themeId", "description"] as const) {
        if (input[field]) problems.add(`input.${field}`, "CONFLICTING_FIELDS", "give either initiativeId (an existing initiative) or a new proposal's title and theme, not both.");
      }
    } else {
      title = problems.text("input.title", input.title, { max: TEXT_LIMITS.title, required: true });
      themeId = input.themeId ? problems.id("input.themeId", input.themeId, "Theme") : problems.text("input.themeId", input.themeId, { max: 100, required: true });
      description = problems.text("input.description", input.description, { max: TEXT_LIMITS.description, required: false });
    }
  };
  return editScenario(input, checkInput, async ({ tx, scenario, problems, comment }) => {
    const frameYears = scenario.frame.years.map((entry) => entry.year);
    const amounts = new Map<number, Oere>(frameYears.map((year) => [year, 0n]));
    const givenYears = new Set<number>();
    (input.amounts ?? []).forEach((entry, index) => {
      const field = `input.amounts[${index}]`;
      if (!amounts.has(entry.year)) {
        problems.add(`${field}.year`, "YEAR_OUTSIDE_FRAME", `${entry.year} is not a year of the frame (${frameYears.join(", ")}).`, String(entry.year));
        return;
      }
      if (givenYears.has(entry.year)) problems.add(`${field}.year`, "DUPLICATE_CELL", `${entry.year} is given more than once.`, String(entry.year));
      givenYears.add(entry.year);
      const amount = parseAllocationAmount(entry.amount, input.notation, scenario.frame.precisionDecimals);
      if (amount.ok) amounts.set(entry.year, amount.value);
      else problems.push(amountProblem(`${field}.amount`, amount.error));
    });

    let initiativeId: string;
    if (existingId) {
      const initiative = await tx.initiative.findFirst({ where: { id: existingId, AND: [input.visibleInitiatives ?? {}] }, select: { id: true, title: true, theme: { select: { frameId: true } } } });
      if (!initiative) problems.add("input.initiativeId", "UNKNOWN_INITIATIVE", `there is no initiative ${JSON.stringify(existingId)}.`, existingId);
      // An initiative belongs to its theme's frame: it is not planned in another frame's scenario.
      else if (initiative.theme.frameId !== scenario.frameId) problems.add("input.initiativeId", "OTHER_FRAME", `${JSON.stringify(existingId)} belongs to another frame than this scenario.`, existingId);
      else if (await tx.scenarioLine.findUnique({ where: { scenarioId_initiativeId: { scenarioId: scenario.id, initiativeId: existingId } } })) {
        problems.add("input.initiativeId", "ALREADY_IN_SCENARIO", `“${initiative.title}” is already a line of this scenario.`, existingId);
      }
      initiativeId = existingId;
    } else {
      const theme = await tx.theme.findUnique({ where: { id: themeId! }, select: { frameId: true } });
      if (!theme) problems.add("input.themeId", "UNKNOWN_THEME", `there is no theme ${JSON.stringify(themeId)}.`, themeId);
      else if (theme.frameId !== scenario.frameId) problems.add("input.themeId", "OTHER_FRAME", `the theme ${JSON.stringify(themeId)} heads another frame than this scenario's.`, themeId);
      initiativeId = newKey(title!);
    }
    problems.throwIfAny();
    assertVersion(scenario, input.expectedVersion);

    if (!existingId) {
      await tx.initiative.create({
        data: { id: initiativeId, themeId: themeId!, title: title!, description, origin: "PROPOSAL", createdInScenarioId: scenario.id, sources: [] as Prisma.InputJsonValue },
      });
    }
    const last = await tx.scenarioLine.aggregate({ where: { scenarioId: scenario.id }, _max: { position: true } });
    const position = (last._max.position ?? -1) + 1;
    const cells: CellEdit[] = frameYears.map((year) => ({ initiativeId, year, before: null, after: amounts.get(year)! }));
    return commitChange(
      tx,
      scenario,
      { kind: "LINE_ADDED", cells, linesAdded: [{ initiativeId, position }], comment, details: { initiativeId, proposal: !existingId } },
      actor,
    );
  });
}

export interface RemoveInitiativeInput {
  scenarioId: string;
  initiativeId: string;
  expectedVersion: number;
  comment?: string | null;
  /** The initiatives the caller may see: any other is answered as unknown. */
  visibleInitiatives?: Prisma.InitiativeWhereInput;
}

/** Takes a line out of a what-if; its amounts free up headroom, and the history keeps them. */
export function removeInitiative(input: RemoveInitiativeInput, actor: string): Promise<CommittedChange> {
  let initiativeId: string | null = null;
  const checkInput = (problems: ProblemList) => {
    initiativeId = problems.id("input.initiativeId", input.initiativeId, "Initiative");
  };
  return editScenario(input, checkInput, async ({ tx, scenario, problems, comment }) => {
    const line = await tx.scenarioLine.findUnique({
      where: { scenarioId_initiativeId: { scenarioId: scenario.id, initiativeId: initiativeId! } },
      include: { allocations: { orderBy: { year: "asc" } } },
    });
    if (!line) {
      const exists = await tx.initiative.findFirst({ where: { id: initiativeId!, AND: [input.visibleInitiatives ?? {}] }, select: { id: true, title: true } });
      problems.add(
        "input.initiativeId",
        exists ? "NOT_IN_SCENARIO" : "UNKNOWN_INITIATIVE",
        exists ? `“${exists.title}” is not a line of this scenario.` : `there is no initiative ${JSON.stringify(initiativeId)}.`,
        initiativeId,
      );
    }
    problems.throwIfAny();
    assertVersion(scenario, input.expectedVersion);
    const cells: CellEdit[] = line!.allocations.map((cell) => ({ initiativeId: initiativeId!, year: cell.year, before: cell.amount, after: null }));
    return commitChange(
      tx,
      scenario,
      { kind: "LINE_REMOVED", cells, linesRemoved: [{ initiativeId: initiativeId!, position: line!.position }], comment, details: { initiativeId } },
      actor,
    );
  });
}
