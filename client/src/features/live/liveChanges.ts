/**
 * What a change the server reports does to the grid, decided without React or GraphQL so it can be
 * tested directly. The grid holds one version and its cells; a change is new only when its version
 * is above that, and a change that only moved amounts is applied to the cells the grid already has
 * (no refetch). Our own edits come back on the stream too, after or before the server's answer to
 * the mutation: whichever arrives second finds its version already held and changes nothing.
 */
import { formatAmount, fromApi } from "../../app/amounts.ts";
import { shortTitle } from "../../app/shortTitle.ts";
import type { Oere } from "@ramme/domain";
import type { ResultOf } from "../../graphql.ts";
import { message, type Locale, type Message } from "../../i18n/messages.ts";
import { withCells, type CellMap } from "../grid/gridRows.ts";
import type { ScenarioChanged } from "./scenarioChanged.ts";

/** A ScenarioChangedEvent as the subscription delivers it. */
export type ScenarioChange = Omit<Extract<ResultOf<typeof ScenarioChanged>["scenarioChanged"], { __typename: "ScenarioChangedEvent" }>, "__typename">;
/** A cell as the API reports a change to it (amounts as its decimal strings; null where the line is absent). */
export type ChangedCell = Pick<ScenarioChange["cells"][number], "initiative" | "year" | "after">;

/** What the grid shows: a version and its cells. */
export interface Held {
  version: number;
  cells: CellMap;
}

export type Step =
  /** The grid already shows this version (the answer to our edit came first, or a stream repeats itself). */
  | { kind: "shown" }
  /** The next version: these are the grid's cells now. */
  | { kind: "next"; cells: CellMap }
  /** Versions in between were never seen: only loading the scenario again brings the grid up to date. */
  | { kind: "gap" };

/** A version the server reports, with the cells it changed, against what the grid holds. */
export function advance(held: Held, version: number, cells: readonly ChangedCell[]): Step {
  if (version <= held.version) return { kind: "shown" };
  if (version > held.version + 1) return { kind: "gap" };
  return { kind: "next", cells: withCells(held.cells, cells.map(({ initiative, year, after }) => ({ initiativeKey: initiative.key, year, amount: after === null ? null : fromApi(after) }))) };
}

export type LivePlan =
  | { kind: "ignore" }
  /** Lines came or went, the settings changed, or versions were missed: load the scenario again. */
  | { kind: "reload" }
  /**
   * The grid's cells after the change. `totalsAgree` says whether they add up to the server's
   * totals after it; they do unless an edit of ours is still on its way (or something went wrong).
   */
  | { kind: "apply"; cells: CellMap; totalsAgree: boolean };

export function planLiveChange(change: ScenarioChange, held: Held): LivePlan {
  if (change.version <= held.version) return { kind: "ignore" };
  if (!change.cellsOnly) return { kind: "reload" };
  const step = advance(held, change.version, change.cells);
  if (step.kind !== "next") return { kind: "reload" };
  return { kind: "apply", cells: step.cells, totalsAgree: allocatedMatches(step.cells, change.totals) };
}

/** Whether every line's cells add up, year by year, to the allocated totals the server sent. Exact (øre). */
export function allocatedMatches(cells: CellMap, yearTotals: ScenarioChange["totals"]): boolean {
  return yearTotals.every(({ year, allocated }) => {
    let sum: Oere = 0n;
    for (const line of cells.values()) sum += line.get(year) ?? 0n;
    return sum === fromApi(allocated);
  });
}

/**
 * Whether the scenario a query returned replaces what the grid shows. Never an older version than
 * the grid holds (live changes and our edits move ahead of a query in flight); a newer one always;
 * the same version when the grid asked for it (a reload) or when it settles our own edit on the
 * server's figures — but not a background refresh of the version already shown, which would redraw
 * every row under the user's hands.
 */
export function adoptsFetched(
  shown: { key: string; version: number } | null,
  fetched: { key: string; version: number },
  heldVersion: number,
  reloadRequested: boolean,
): boolean {
  if (!shown || fetched.key !== shown.key) return true;
  if (fetched.version < heldVersion) return false;
  return fetched.version > heldVersion || reloadRequested || fetched.version !== shown.version;
}

export { shortTitle };

/**
 * The sentence announced when someone else's change arrives: "Søren ændrede »VMK« 2025 fra 2,5 til
 * 3,0." — kept as a message, so it is worded (and its amounts written) in the language shown when it is shown.
 */
export function describeChange(change: ScenarioChange, lineTitle: (initiativeKey: string) => string): Message {
  const amountText = (text: string | null) => (locale: Locale) => (text === null ? "–" : formatAmount(fromApi(text), locale));
  if (!change.cellsOnly) return message("liveChangedScenario", { who: change.actor, version: change.version });
  const [only] = change.cells;
  if (change.cells.length === 1 && only) {
    return message("liveChangedCell", { who: change.actor, line: shortTitle(lineTitle(only.initiative.key)), year: only.year, before: amountText(only.before), after: amountText(only.after) });
  }
  return message("liveChangedCells", { who: change.actor, count: change.cells.length });
}
