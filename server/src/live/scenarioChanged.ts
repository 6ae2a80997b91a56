/**
 * A committed change as live viewers receive it: who changed what, which cells from what to what,
 * and the scenario's totals against the frame afterwards. It crosses server instances through
 * Redis as JSON, so amounts travel as strings of whole øre and never as JSON numbers.
 */
import { frameYearTotals, type YearAmount } from "@ramme/domain";
import type { ChangeKind } from "../engine/changeKinds.ts";
import type { ScenarioChangedEvent } from "../engine/committedChanges.ts";

/** The event is the engine's committed change (engine/committedChanges.ts); this module is its wire form. */
export type { ScenarioChangedEvent };

/** The JSON form of ScenarioChangedEvent. */
export interface ScenarioChangedMessage {
  scenarioId: string;
  version: number;
  changeId: number;
  kind: ChangeKind;
  actor: string;
  at: string;
  comment: string | null;
  /** [initiativeId, year, before, after], amounts in øre, null where the line is absent. */
  cells: [string, number, string | null, string | null][];
  linesAdded: string[];
  linesRemoved: string[];
  /** [year, frame, allocated] in øre. */
  totals: [number, string, string][];
}

const amountText = (amount: bigint | null) => (amount === null ? null : amount.toString());
const amountOf = (text: string | null) => (text === null ? null : BigInt(text));

export function encodeScenarioChanged(event: ScenarioChangedEvent): ScenarioChangedMessage {
  return {
    scenarioId: event.scenarioId,
    version: event.version,
    changeId: event.changeId,
    kind: event.kind,
    actor: event.actor,
    at: event.at.toISOString(),
    comment: event.comment,
    cells: event.cells.map((cell) => [cell.initiativeId, cell.year, amountText(cell.before), amountText(cell.after)]),
    linesAdded: event.linesAdded,
    linesRemoved: event.linesRemoved,
    totals: event.yearTotals.map((total) => [total.year, total.frame.toString(), total.allocated.toString()]),
  };
}

export function decodeScenarioChanged(message: ScenarioChangedMessage): ScenarioChangedEvent {
  const frame: YearAmount[] = message.totals.map(([year, amount]) => ({ year, amount: BigInt(amount) }));
  const allocated = new Map(message.totals.map(([year, , amount]) => [year, BigInt(amount)]));
  return {
    scenarioId: message.scenarioId,
    version: message.version,
    changeId: message.changeId,
    kind: message.kind,
    actor: message.actor,
    at: new Date(message.at),
    comment: message.comment,
    cells: message.cells.map(([initiativeId, year, before, after]) => ({ initiativeId, year, before: amountOf(before), after: amountOf(after) })),
    linesAdded: message.linesAdded,
    linesRemoved: message.linesRemoved,
    yearTotals: frameYearTotals(frame, allocated),
  };
}

/** Whether a viewer can apply the event to the lines it shows, or must load the scenario again (lines or settings changed). */
export function changesOnlyCells(event: Pick<ScenarioChangedEvent, "kind" | "linesAdded" | "linesRemoved">): boolean {
  return event.linesAdded.length === 0 && event.linesRemoved.length === 0 && !SETTINGS_KINDS.has(event.kind);
}

const SETTINGS_KINDS = new Set<ChangeKind>(["UPDATED", "LOCKED", "UNLOCKED", "ARCHIVED", "UNARCHIVED", "CREATED", "FORKED"]);
