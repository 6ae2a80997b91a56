/**
 * The negotiation's lineage: the fork tree with what each scenario did against the state it was
 * forked from, and what changed since a version or a moment across a scenario and its
 * descendants. Each loads in a fixed number of statements whatever the number of scenarios: every
 * scenario's row, then the states, changes and initiatives of all of them at once; the earlier
 * states are rebuilt in memory by undoing the later changes (as engine/history.ts does for one).
 */
import { compareScenarios, frameYearTotals, lineageTree, type LineageEntry, type Oere, type PairComparison, type ScenarioSnapshot, type YearAmount } from "@ramme/domain";
import type { Database } from "../db.ts";
import { Prisma, type ScenarioChange } from "../generated/prisma/client.ts";
import { pace, paceEvery } from "../cooperative.ts";
import { ProblemList } from "./input.ts";
import { copyState, undoChange, type ScenarioState } from "./scenarioState.ts";

export interface LineageScenario {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  createdBy: string | null;
  createdAt: Date;
  forkedFromVersion: number | null;
  version: number;
  locked: boolean;
  archivedAt: Date | null;
  frameId: string;
}

interface InitiativeFacts {
  title: string;
  themeId: string;
  isReserve: boolean;
}

export interface LineageNodeShape {
  scenario: LineageScenario;
  depth: number;
  /** The parent's name, also when the parent is outside the tree asked for. */
  parentName: string | null;
  /** Against the parent's state at forkedFromVersion; null for a scenario without a parent. */
  change: PairComparison | null;
  yearsOverFrame: number[];
  lastChange: ScenarioChange | null;
  titles: ReadonlyMap<string, string>;
}

type ChangeWithDetail = Prisma.ScenarioChangeGetPayload<{ include: { cells: true; lines: true } }>;

/**
 * Every scenario's row the caller may see (`visible`, auth/access.ts): there are tens to hundreds,
 * and the tree needs them all to find descendants. A fork of a scenario the caller may not see is
 * a root to them: its parent, name and state stay hidden, and nothing is compared with it.
 */
async function loadScenarioRows(client: Database, visible: Prisma.ScenarioWhereInput): Promise<LineageScenario[]> {
  const rows = await client.scenario.findMany({
    where: visible,
    select: { id: true, parentId: true, name: true, kind: true, createdBy: true, createdAt: true, forkedFromVersion: true, version: true, locked: true, archivedAt: true, frameId: true },
  });
  const seen = new Set(rows.map((row) => row.id));
  return rows.map((row) => (row.parentId === null || seen.has(row.parentId) ? row : { ...row, parentId: null, forkedFromVersion: null }));
}

/** Baselines in publication order, then forks oldest first. */
const bySiblingOrder = (a: LineageScenario, b: LineageScenario) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Lines read by one statement of loadStates: 2,000 lines are some 8,000 cells. */
const LINES_PER_STATEMENT = 2_000;

/** The current lines and cells of several scenarios: one statement for every LINES_PER_STATEMENT lines. */
async function loadStates(client: Database, scenarioIds: readonly string[], signal?: AbortSignal): Promise<Map<string, ScenarioState>> {
  const states = new Map<string, ScenarioState>(scenarioIds.map((id) => [id, { cells: new Map(), positions: new Map() }]));
  if (scenarioIds.length === 0) return states;
  // In slices of LINES_PER_STATEMENT lines (in key order, from where the last one ended): the
  // SQLite driver reads a statement's rows at once on the event loop, and eleven 5,000-line
  // scenarios' 220,000 cells in one held it for seconds. A tree of small scenarios is one statement.
  let after: { scenarioId: string; initiativeId: string } | null = null;
  for (;;) {
    const from: Prisma.Sql = after ? Prisma.sql`AND (s."scenarioId" > ${after.scenarioId} OR (s."scenarioId" = ${after.scenarioId} AND s."initiativeId" > ${after.initiativeId}))` : Prisma.empty;
    const rows: Array<{ scenarioId: string; initiativeId: string; position: number; year: number | null; amount: Oere | number | null }> = await client.$queryRaw`
      SELECT l."scenarioId", l."initiativeId", l."position", a."year", a."amount" FROM (
        SELECT s."scenarioId", s."initiativeId", s."position" FROM "ScenarioLine" s
        WHERE s."scenarioId" IN (${Prisma.join(scenarioIds)}) ${from}
        ORDER BY s."scenarioId", s."initiativeId" LIMIT ${LINES_PER_STATEMENT}
      ) l
      LEFT JOIN "Allocation" a ON a."scenarioId" = l."scenarioId" AND a."initiativeId" = l."initiativeId"
      ORDER BY l."scenarioId", l."initiativeId"`;
    let lines = 0;
    for (let index = 0; index < rows.length; index += 1) {
      // Taking turns with other callers (cooperative.ts) while the states are built.
      await paceEvery(index, signal);
      const row = rows[index]!;
      const state = states.get(row.scenarioId)!;
      let line = state.cells.get(row.initiativeId);
      if (!line) {
        line = new Map();
        state.cells.set(row.initiativeId, line);
        state.positions.set(row.initiativeId, Number(row.position));
        lines += 1;
      }
      if (row.year !== null && row.amount !== null) line.set(Number(row.year), BigInt(row.amount));
    }
    if (lines < LINES_PER_STATEMENT) break;
    const last = rows[rows.length - 1]!;
    after = { scenarioId: last.scenarioId, initiativeId: last.initiativeId };
    await pace(signal);
  }
  return states;
}

/** Each scenario's changes after a version, with their cells and lines, oldest first. */
async function loadChangesAfter(client: Database, after: ReadonlyMap<string, number>): Promise<Map<string, ChangeWithDetail[]>> {
  const byScenario = new Map<string, ChangeWithDetail[]>([...after.keys()].map((id) => [id, []]));
  if (after.size === 0) return byScenario;
  const changes = await client.scenarioChange.findMany({
    where: { OR: [...after].map(([scenarioId, version]) => ({ scenarioId, version: { gt: version } })) },
    include: { cells: { orderBy: [{ initiativeId: "asc" }, { year: "asc" }] }, lines: true },
    orderBy: [{ scenarioId: "asc" }, { version: "asc" }],
  });
  for (const change of changes) byScenario.get(change.scenarioId)!.push(change);
  return byScenario;
}

/** `state` as it was at `version`: a copy with every later change (oldest first in `changes`) undone. */
function stateAt(state: ScenarioState, changes: readonly ChangeWithDetail[], version: number): ScenarioState {
  const earlier = copyState(state);
  for (let index = changes.length - 1; index >= 0; index -= 1) if (changes[index]!.version > version) undoChange(earlier, changes[index]!);
  return earlier;
}

async function loadFrameYears(client: Database, frameIds: readonly string[]): Promise<Map<string, YearAmount[]>> {
  const rows = await client.frameYear.findMany({ where: { frameId: { in: [...new Set(frameIds)] } }, orderBy: { year: "asc" }, select: { frameId: true, year: true, amount: true } });
  const byFrame = new Map<string, YearAmount[]>();
  for (const row of rows) {
    const years = byFrame.get(row.frameId) ?? [];
    years.push({ year: row.year, amount: row.amount });
    byFrame.set(row.frameId, years);
  }
  return byFrame;
}

/** Title, theme and reserve flag of every initiative any of the states holds. */
async function loadInitiatives(client: Database, states: Iterable<ScenarioState>): Promise<Map<string, InitiativeFacts>> {
  const ids = new Set<string>();
  for (const state of states) for (const id of state.positions.keys()) ids.add(id);
  if (ids.size === 0) return new Map();
  const rows = await client.initiative.findMany({ where: { id: { in: [...ids] } }, select: { id: true, title: true, themeId: true, isReserve: true } });
  return new Map(rows.map((row) => [row.id, row]));
}

function snapshotOf(key: string, state: ScenarioState, initiatives: ReadonlyMap<string, InitiativeFacts>): ScenarioSnapshot {
  return {
    key,
    lines: [...state.positions]
      .sort((a, b) => a[1] - b[1])
      .map(([initiativeId]) => ({
        initiativeId,
        themeId: initiatives.get(initiativeId)!.themeId,
        isReserve: initiatives.get(initiativeId)!.isReserve,
        amounts: [...(state.cells.get(initiativeId) ?? [])].map(([year, amount]) => ({ year, amount })),
      })),
  };
}

function yearsOverFrame(state: ScenarioState, frame: readonly YearAmount[]): number[] {
  const allocated = new Map<number, Oere>();
  for (const cells of state.cells.values()) for (const [year, amount] of cells) allocated.set(year, (allocated.get(year) ?? 0n) + amount);
  return frameYearTotals(frame, allocated).filter((total) => !total.fits).map((total) => total.year);
}

const titlesOf = (initiatives: ReadonlyMap<string, InitiativeFacts>) => new Map([...initiatives].map(([id, facts]) => [id, facts.title]));

const parentNames = (rows: readonly LineageScenario[]) => {
  const names = new Map(rows.map((row) => [row.id, row.name]));
  return (row: LineageScenario) => (row.parentId === null ? null : (names.get(row.parentId) ?? null));
};

/** The scenario a client named, or a problem naming the field. */
function findNamed(rows: readonly LineageScenario[], field: string, idText: string, problems: ProblemList): LineageScenario | null {
  const id = problems.id(field, idText, "Scenario");
  if (id === null) return null;
  const row = rows.find((scenario) => scenario.id === id) ?? null;
  if (!row) problems.add(field, "UNKNOWN_SCENARIO", `there is no scenario ${JSON.stringify(idText)}.`, idText);
  return row;
}

/**
 * The fork tree from `rootIdText` (or every tree, from the baselines), in reading order, each
 * scenario with what it did: its current state compared with its parent's state at the version it
 * was forked from (not with the parent as it is now, which may have moved on).
 */
export async function loadLineage(client: Database, visible: Prisma.ScenarioWhereInput, rootIdText: string | null, signal?: AbortSignal): Promise<LineageNodeShape[]> {
  const rows = await loadScenarioRows(client, visible);
  const problems = new ProblemList();
  const root = rootIdText === null ? null : findNamed(rows, "rootId", rootIdText, problems);
  problems.throwIfAny();
  const tree = lineageTree(rows, { rootId: root?.id ?? null, compareSiblings: bySiblingOrder });

  const ids = tree.map((entry) => entry.row.id);
  const parentIds = [...new Set(tree.flatMap((entry) => (entry.row.parentId === null ? [] : [entry.row.parentId])))];
  // A parent's changes after the earliest version any of its forks started from.
  const parentsFrom = new Map<string, number>();
  for (const { row } of tree) {
    if (row.parentId === null) continue;
    const from = row.forkedFromVersion ?? 1;
    parentsFrom.set(row.parentId, Math.min(parentsFrom.get(row.parentId) ?? from, from));
  }
  const [states, parentChanges, frames, lastChanges] = await Promise.all([
    loadStates(client, [...new Set([...ids, ...parentIds])], signal),
    loadChangesAfter(client, parentsFrom),
    loadFrameYears(client, tree.map((entry) => entry.row.frameId)),
    ids.length === 0 ? [] : client.scenarioChange.findMany({ where: { OR: tree.map(({ row }) => ({ scenarioId: row.id, version: row.version })) } }),
  ]);
  const forkPoints = new Map<string, ScenarioState>();
  for (const { row } of tree) {
    if (row.parentId === null) continue;
    await pace(signal);
    forkPoints.set(row.id, stateAt(states.get(row.parentId)!, parentChanges.get(row.parentId)!, row.forkedFromVersion ?? 1));
  }
  const initiatives = await loadInitiatives(client, [...states.values(), ...forkPoints.values()]);
  const titles = titlesOf(initiatives);
  const lastChangeOf = new Map(lastChanges.map((change) => [change.scenarioId, change]));
  const parentNameOf = parentNames(rows);

  const nodes: LineageNodeShape[] = [];
  for (const { row, depth } of tree) {
    // One comparison of two 5,000-line states a turn.
    await pace(signal);
    const frame = frames.get(row.frameId) ?? [];
    const state = states.get(row.id)!;
    const forkPoint = forkPoints.get(row.id);
    nodes.push({
      scenario: row,
      depth,
      parentName: parentNameOf(row),
      change: forkPoint ? compareScenarios(snapshotOf(row.parentId!, forkPoint, initiatives), snapshotOf(row.id, state, initiatives), frame) : null,
      yearsOverFrame: yearsOverFrame(state, frame),
      lastChange: lastChangeOf.get(row.id) ?? null,
      titles,
    });
  }
  return nodes;
}

export interface ChangesSinceInput {
  scenarioId: string;
  version?: number | null;
  since?: Date | null;
  includeDescendants: boolean;
}

export interface ScenarioChangesSinceShape {
  scenario: LineageScenario;
  depth: number;
  parentName: string | null;
  /** The version compared from: the point's, or 1 for a scenario forked (or created) after it. */
  fromVersion: number;
  createdSince: boolean;
  /** Oldest first. */
  changes: ChangeWithDetail[];
  /** The state at fromVersion against the current one. */
  difference: PairComparison;
  titles: ReadonlyMap<string, string>;
}

export interface ChangesSinceShape {
  scenarioId: string;
  version: number | null;
  /** The moment the point stands for: `since`, or when the scenario reached `version`. */
  at: Date;
  scenarios: ScenarioChangesSinceShape[];
}

/**
 * What changed in a scenario (and its descendants) since a version of it or a moment. With a
 * version, descendants are taken at the moment the scenario reached it. For each: the changes
 * after its point, and its state then against now; a scenario forked after the point is taken
 * from its fork (version 1).
 */
export async function loadChangesSince(client: Database, visible: Prisma.ScenarioWhereInput, input: ChangesSinceInput, now = new Date(), signal?: AbortSignal): Promise<ChangesSinceShape> {
  const rows = await loadScenarioRows(client, visible);
  const problems = new ProblemList();
  const root = findNamed(rows, "scenarioId", input.scenarioId, problems);
  const hasVersion = input.version !== null && input.version !== undefined;
  const hasSince = input.since !== null && input.since !== undefined;
  if (hasVersion && hasSince) problems.add("since", "CONFLICTING_FIELDS", "give either version or since, not both.");
  if (!hasVersion && !hasSince) problems.add("version", "REQUIRED", "give a version or a time (since).");
  if (hasVersion && root && (!Number.isInteger(input.version) || input.version! < 1 || input.version! > root.version)) {
    problems.add("version", "UNKNOWN_VERSION", `the scenario has versions 1 to ${root.version}.`, String(input.version));
  }
  if (hasSince && input.since!.getTime() > now.getTime()) problems.add("since", "IN_THE_FUTURE", "the time is in the future; nothing has changed since then yet.", input.since!.toISOString());
  problems.throwIfAny();
  // Without a root, findNamed has added a problem, so throwIfAny has thrown.
  const scenario = root!;

  const tree: Array<LineageEntry<LineageScenario>> = input.includeDescendants ? lineageTree(rows, { rootId: scenario.id, compareSiblings: bySiblingOrder }) : [{ row: scenario, depth: 0 }];
  const ids = tree.map((entry) => entry.row.id);
  const at = hasVersion
    ? (await client.scenarioChange.findUniqueOrThrow({ where: { scenarioId_version: { scenarioId: scenario.id, version: input.version! } }, select: { at: true } })).at
    : input.since!;
  // Each scenario's newest version at that moment; none means it was made after it.
  const reached = await client.scenarioChange.groupBy({ by: ["scenarioId"], where: { scenarioId: { in: ids }, at: { lte: at } }, _max: { version: true } });
  const versionThen = new Map(reached.map((entry) => [entry.scenarioId, entry._max.version]));
  if (hasVersion) versionThen.set(scenario.id, input.version!);
  const fromVersion = new Map(ids.map((id) => [id, versionThen.get(id) ?? 1]));

  const [states, changes, frames] = await Promise.all([loadStates(client, ids, signal), loadChangesAfter(client, fromVersion), loadFrameYears(client, tree.map((entry) => entry.row.frameId))]);
  const thenStates = new Map<string, ScenarioState>();
  for (const id of ids) {
    await pace(signal);
    thenStates.set(id, stateAt(states.get(id)!, changes.get(id)!, fromVersion.get(id)!));
  }
  const initiatives = await loadInitiatives(client, [...states.values(), ...thenStates.values()]);
  const titles = titlesOf(initiatives);
  const parentNameOf = parentNames(rows);

  const scenarios: ScenarioChangesSinceShape[] = [];
  for (const { row, depth } of tree) {
    await pace(signal);
    scenarios.push({
      scenario: row,
      depth,
      parentName: parentNameOf(row),
      fromVersion: fromVersion.get(row.id)!,
      createdSince: !versionThen.has(row.id),
      changes: changes.get(row.id)!,
      difference: compareScenarios(snapshotOf(`${row.id}@${fromVersion.get(row.id)}`, thenStates.get(row.id)!, initiatives), snapshotOf(row.id, states.get(row.id)!, initiatives), frames.get(row.frameId) ?? []),
      titles,
    });
  }
  return { scenarioId: scenario.id, version: hasVersion ? input.version! : null, at, scenarios };
}
