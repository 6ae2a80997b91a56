/**
 * Proposing (never saving) a way to bring every year inside the frame. The client shows the
 * proposal and applies it with setAllocations, so it goes through the same checks and history as
 * any edit, and a proposal made on an old version is caught by the version check.
 */
import { proposeBalance, type BalanceProposal, type BalanceStrategy } from "@ramme/domain";
import type { Database } from "../db.ts";
import { InvalidInputError } from "./errors.ts";
import { ProblemList } from "./input.ts";
import { currentState } from "./scenarioState.ts";
import { findScenario } from "./scenarioAccess.ts";
import { buildYearTotals, type YearTotalShape } from "./yearTotals.ts";

export interface BalanceStrategyInput {
  reduceProRata?: { initiativeIds: readonly string[] } | null;
  reserve?: { initiativeId: string } | null;
}

export interface BalanceShape extends BalanceProposal {
  scenarioId: string;
  basedOnVersion: number;
  yearTotalsAfter: YearTotalShape[];
}

export async function balanceScenario(client: Database, scenarioIdText: string, input: BalanceStrategyInput): Promise<BalanceShape> {
  const problems = new ProblemList();
  const scenarioId = problems.id("scenarioId", scenarioIdText, "Scenario");
  let strategy: BalanceStrategy | null = null;
  if (input.reduceProRata) {
    const ids = input.reduceProRata.initiativeIds.map((id, index) => problems.id(`strategy.reduceProRata.initiativeIds[${index}]`, id, "Initiative"));
    if (ids.length === 0) problems.add("strategy.reduceProRata.initiativeIds", "REQUIRED", "name at least one line to reduce.");
    strategy = { kind: "REDUCE_PRO_RATA", initiativeIds: ids.filter((id): id is string => id !== null) };
  } else if (input.reserve) {
    const id = problems.id("strategy.reserve.initiativeId", input.reserve.initiativeId, "Initiative");
    strategy = { kind: "RESERVE", reserveInitiativeId: id ?? "" };
  }
  problems.throwIfAny();

  const scenario = await findScenario(client, scenarioId!, "scenarioId");
  const state = await currentState(client, scenario.id);
  const named = strategy!.kind === "RESERVE" ? [strategy!.reserveInitiativeId] : strategy!.initiativeIds;
  const field = strategy!.kind === "RESERVE" ? () => "strategy.reserve.initiativeId" : (index: number) => `strategy.reduceProRata.initiativeIds[${index}]`;
  named.forEach((id, index) => {
    if (!state.cells.has(id)) problems.add(field(index), "NOT_IN_SCENARIO", `${JSON.stringify(id)} is not a line of this scenario.`, id);
  });
  problems.throwIfAny();

  const lines = [...state.positions]
    .sort((a, b) => a[1] - b[1])
    .map(([initiativeId]) => ({ initiativeId, amounts: [...state.cells.get(initiativeId)!].map(([year, amount]) => ({ year, amount })) }));
  let proposal: BalanceProposal;
  try {
    proposal = proposeBalance({ frame: scenario.frame.years, lines, strategy: strategy!, precisionDecimals: scenario.frame.precisionDecimals });
  } catch (error) {
    // Amounts finer than the frame's precision (stored before the precision was tightened) cannot be cut in whole units.
    throw InvalidInputError.of("strategy", "TOO_PRECISE", (error as Error).message);
  }
  const allocated = new Map(proposal.totalsAfter.map((total) => [total.year, total.allocated]));
  return {
    ...proposal,
    scenarioId: scenario.id,
    basedOnVersion: scenario.version,
    yearTotalsAfter: buildYearTotals({ frameYears: scenario.frame.years, allocated, outsideFrame: [], printedTable: null }),
  };
}
