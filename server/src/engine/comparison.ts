/**
 * Comparing scenarios: loads each scenario's lines once, then the pure domain comparison does the
 * arithmetic per pair (base against each other scenario), and the lines of all pairs are laid out
 * in one order for a side-by-side view.
 */
import { compareScenarios, convertYearAmounts, type LineComparison, type PairComparison, type ScenarioSnapshot } from "@ramme/domain";
import type { Comment, Initiative } from "../generated/prisma/client.ts";
import type { Database } from "../db.ts";
import { pace } from "../cooperative.ts";
import { ProblemList } from "./input.ts";
import { convertLine, priceLevelFor, type PriceLevelShape } from "./priceLevels.ts";
import { stateAtVersion } from "./history.ts";
import { KEYS_PER_STATEMENT, slices, withInitiatives, type ScenarioLineShape } from "./scenarioLines.ts";
import { frameYearsOf, lineCellsOfAll } from "./versionedReads.ts";

export interface ComparedScenario {
  id: string;
  frameId: string;
  version: number;
}

export interface ComparisonLineShape {
  initiative: Initiative;
  /** The line in each pair, in the order of `others`; null where neither base nor that scenario has it. */
  versus: Array<{ scenarioId: string; line: LineComparison | null; comments: Comment[] }>;
  /** The base's amounts, or null when the base does not have the line. */
  base: LineComparison["cells"] | null;
  baseTotal: bigint | null;
}

export interface ComparisonShape {
  base: ComparedScenario;
  others: ComparedScenario[];
  years: number[];
  frame: Array<{ year: number; amount: bigint }>;
  pairs: PairComparison[];
  lines: ComparisonLineShape[];
  titles: Map<string, string>;
  /** The frame's own price level ("2024-pl"). */
  framePriceLevel: string;
  /** The price level asked for, every amount above converted to it; null: the frame's own. */
  priceLevel: PriceLevelShape | null;
}

/** At most this many scenarios beside the base (the grid shows them side by side). */
export const MAX_COMPARED = 10;

/**
 * `baseVersion`: compare with the base as it was at that version (its history undone back to it),
 * e.g. a what-if's parent at the version it was forked from; null: the base as it is now. `signal`:
 * the operation's budget, which stops the comparison at its next turn.
 */
export async function loadComparison(client: Database, baseIdText: string, otherIdTexts: readonly string[], priceLevel: number | null = null, baseVersion: number | null = null, signal?: AbortSignal): Promise<ComparisonShape> {
  const problems = new ProblemList();
  // The length first: nothing else is done with a list that is too long (or empty).
  if (otherIdTexts.length === 0) problems.add("otherIds", "REQUIRED", "name at least one scenario to compare with the base.");
  if (otherIdTexts.length > MAX_COMPARED) problems.add("otherIds", "TOO_MANY_CELLS", `at most ${MAX_COMPARED} scenarios beside the base (got ${otherIdTexts.length}).`);
  problems.throwIfAny();
  const baseId = problems.id("baseId", baseIdText, "Scenario");
  const otherIds = otherIdTexts.map((id, index) => problems.id(`otherIds[${index}]`, id, "Scenario"));

  // Malformed IDs and unknown ones are listed together: the well-formed are looked up even when others are not.
  const named = [baseId, ...otherIds];
  const scenarios = await client.scenario.findMany({
    where: { id: { in: named.filter((id): id is string => id !== null) } },
    select: { id: true, frameId: true, version: true, frame: { select: { priceLevel: true } } },
  });
  const byId = new Map(scenarios.map((scenario) => [scenario.id, scenario]));
  const baseFrame = baseId === null ? undefined : byId.get(baseId)?.frameId;
  named.forEach((id, index) => {
    const field = index === 0 ? "baseId" : `otherIds[${index - 1}]`;
    if (id === null) return;
    if (!byId.has(id)) problems.add(field, "UNKNOWN_SCENARIO", `there is no scenario ${JSON.stringify(id)}.`, id);
    else if (baseFrame !== undefined && byId.get(id)!.frameId !== baseFrame) problems.add(field, "OTHER_FRAME", "this scenario divides another frame than the base.", id);
  });
  const baseRow = baseId === null ? undefined : byId.get(baseId);
  if (baseRow && baseVersion !== null && (!Number.isInteger(baseVersion) || baseVersion < 1 || baseVersion > baseRow.version)) {
    problems.add("baseVersion", "UNKNOWN_VERSION", `the base has versions 1 to ${baseRow.version}.`, String(baseVersion));
  }
  problems.throwIfAny();
  const ids = named as string[];
  const base = baseRow!;

  // Another price level converts every line and the frame cell by cell before anything is summed.
  const level = priceLevel === null ? null : await priceLevelFor(client, base.frame.priceLevel, priceLevel, "priceLevel");
  const frameAmounts = await frameYearsOf(client, base.frameId);
  const frame = level ? convertYearAmounts(frameAmounts, level.ratio) : [...frameAmounts];
  const frameYears = frame.map((entry) => entry.year);
  // Each scenario's cells as at the version its row was just read at (versionedReads.ts): a version
  // already read by the grid or an earlier comparison is not read again; an edit is a new version.
  const [storedLines, comments] = await Promise.all([
    lineCellsOfAll(client, ids.map((id) => byId.get(id)!)).then((cells) => withInitiatives(client, cells)),
    client.comment.findMany({ where: { scenarioId: { in: ids }, initiativeId: { not: null } }, orderBy: { id: "asc" } }),
  ]);
  // The base then replaces the base now; a scenario compared with its own earlier version keeps its lines now.
  const baseLinesThen = baseVersion === null || baseVersion === base.version ? null : await linesAtVersion(client, base.id, baseVersion, frameYears);
  const converted = (lines: ScenarioLineShape[]) => (level ? lines.map((line) => convertLine(line, level)) : lines);
  const initiatives = new Map<string, Initiative>();
  const snapshots = new Map<string, ScenarioSnapshot>();
  for (const [scenarioId, lines] of storedLines) {
    for (const line of lines) initiatives.set(line.initiativeId, line.initiative);
    snapshots.set(scenarioId, snapshotOfLines(scenarioId, converted(lines)));
  }
  if (baseLinesThen) for (const line of baseLinesThen) initiatives.set(line.initiativeId, line.initiative);
  const baseSnapshot = baseLinesThen ? snapshotOfLines(base.id, converted(baseLinesThen)) : snapshots.get(base.id)!;
  // One pair a turn (cooperative.ts): ten comparisons of 12,500 lines held the event loop for seconds.
  const pairs: PairComparison[] = [];
  for (const id of otherIds as string[]) {
    await pace(signal);
    pairs.push(compareScenarios(baseSnapshot, snapshots.get(id)!, frame));
  }
  const pairLines = new Map(pairs.map((pair) => [pair.otherKey, new Map(pair.lines.map((line) => [line.initiativeId, line]))]));
  const commentsByLine = new Map<string, Comment[]>();
  for (const comment of comments) {
    const key = `${comment.scenarioId}/${comment.initiativeId}`;
    const onLine = commentsByLine.get(key);
    if (onLine) onLine.push(comment);
    else commentsByLine.set(key, [comment]);
  }
  const baseLines = new Map(pairs[0]!.lines.filter((line) => line.baseTotal !== null).map((line) => [line.initiativeId, line]));

  return {
    base,
    others: (otherIds as string[]).map((id) => byId.get(id)!),
    years: frame.map((entry) => entry.year),
    frame,
    pairs,
    titles: new Map([...initiatives].map(([id, initiative]) => [id, initiative.title])),
    framePriceLevel: base.frame.priceLevel,
    priceLevel: level,
    lines: lineOrder(pairs).map((initiativeId) => ({
      initiative: initiatives.get(initiativeId)!,
      base: baseLines.get(initiativeId)?.cells ?? null,
      baseTotal: baseLines.get(initiativeId)?.baseTotal ?? null,
      versus: pairs.map((pair) => ({
        scenarioId: pair.otherKey,
        line: pairLines.get(pair.otherKey)?.get(initiativeId) ?? null,
        comments: commentsByLine.get(`${pair.otherKey}/${initiativeId}`) ?? [],
      })),
    })),
  };
}

function snapshotOfLines(key: string, lines: readonly ScenarioLineShape[]): ScenarioSnapshot {
  return { key, lines: lines.map((line) => ({ initiativeId: line.initiativeId, themeId: line.initiative.themeId, isReserve: line.initiative.isReserve, amounts: line.amounts })) };
}

/** A scenario's lines as they were at `version`, in position order, shaped as withInitiatives shapes them. */
async function linesAtVersion(client: Database, scenarioId: string, version: number, frameYears: readonly number[]): Promise<ScenarioLineShape[]> {
  const state = await stateAtVersion(client, scenarioId, version);
  const ids = [...state.positions.keys()];
  const rows = ids.length === 0 ? [] : (await Promise.all(slices(ids, KEYS_PER_STATEMENT).map((slice) => client.initiative.findMany({ where: { id: { in: slice } } })))).flat();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return [...state.positions]
    .sort((a, b) => a[1] - b[1])
    .map(([initiativeId, position]) => {
      const cells = state.cells.get(initiativeId) ?? new Map<number, bigint>();
      const amounts = frameYears.flatMap((year) => (cells.has(year) ? [{ year, amount: cells.get(year)! }] : []));
      return { scenarioId, initiativeId, position, initiative: byId.get(initiativeId)!, amounts, total: amounts.reduce((sum, entry) => sum + entry.amount, 0n) };
    });
}

/** One order for all pairs: the first pair's, with lines only later pairs have inserted after the line they follow there. */
function lineOrder(pairs: readonly PairComparison[]): string[] {
  let order: string[] = [];
  for (const pair of pairs) {
    const present = new Set(order);
    // New lines grouped by the existing line they follow ("" = at the very start).
    const after = new Map<string, string[]>();
    let anchor = "";
    for (const line of pair.lines) {
      if (present.has(line.initiativeId)) {
        anchor = line.initiativeId;
        continue;
      }
      const followers = after.get(anchor);
      if (followers) followers.push(line.initiativeId);
      else after.set(anchor, [line.initiativeId]);
      anchor = line.initiativeId;
      present.add(line.initiativeId);
    }
    const next = [...(after.get("") ?? [])];
    for (const id of order) next.push(id, ...(after.get(id) ?? []));
    // A chain of new lines anchors on new lines too; flatten those in.
    order = expandChains(next, after);
  }
  return order;
}

function expandChains(order: string[], after: ReadonlyMap<string, string[]>): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  // Depth first, each line before the lines that follow it; a stack, not recursion, since a run of
  // new lines can be thousands long (a 20,000-line what-if against a small base overflowed the call stack).
  for (const start of order) {
    const pending = [start];
    while (pending.length > 0) {
      const id = pending.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      result.push(id);
      const followers = after.get(id);
      if (followers) for (let index = followers.length - 1; index >= 0; index -= 1) pending.push(followers[index]!);
    }
  }
  return result;
}
