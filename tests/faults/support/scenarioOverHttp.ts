/**
 * Reading and checking a scenario through a server process's API: its cells, its whole history,
 * and whether replaying the history from the fork gives exactly the cells the scenario has.
 */
import { print } from "graphql";
import { gql, type ResultOf } from "../../support/documents.ts";
import { graphqlOverHttp, queryOverHttp, type HttpGraphQLResponse } from "../../support/graphqlHttp.ts";

/** "initiative/year" → amount as the API writes it ("2.5"). */
export type Cells = Map<string, string>;
export const cellId = (initiativeKey: string, year: number) => `${initiativeKey}/${year}`;

export interface CellChange {
  initiativeKey: string;
  year: number;
  before: string | null;
  after: string | null;
}

export interface HistoryEntry {
  version: number;
  kind: string;
  cells: CellChange[];
}

export const scenarioGlobalId = (key: string) => Buffer.from(`Scenario:${key}`).toString("base64");

/**
 * What an edit answers, on SetAllocationResult: every scenario edit's union shares its members, so the
 * fragment spreads into any of them (GraphQL allows a spread wherever the possible types overlap).
 */
const EditResultFields = gql(`
  fragment EditResultFields on SetAllocationResult {
    __typename
    ... on ScenarioEdit { version changed cells { initiativeKey year before after } }
    ... on Error { message ... on VersionConflictError { expectedVersion currentVersion } }
  }
`);
export type EditResult = ResultOf<typeof EditResultFields>;
export type AcknowledgedEdit = Extract<EditResult, { __typename: "ScenarioEdit" }>;

/** The edit as acknowledged; throws with the whole answer when it was refused or missing. */
export function acknowledgedEdit(result: EditResult | null | undefined): AcknowledgedEdit {
  if (result?.__typename !== "ScenarioEdit") throw new Error(`edit refused: ${JSON.stringify(result)}`);
  return result;
}

/**
 * Runs one mutation taking `input` and returning an edit result union; the whole HTTP answer, for the
 * caller to judge. The field is named at run time, so the document is text; its answer is typed by
 * the fragment it spreads.
 */
export function mutateOverHttp<Field extends string>(baseUrl: string, field: Field, inputType: string, input: Record<string, unknown>, options: { actor?: string; signal?: AbortSignal } = {}): Promise<HttpGraphQLResponse<Record<Field, EditResult>>> {
  const document = `mutation($input: ${inputType}!) { ${field}(input: $input) { ...EditResultFields } }\n${print(EditResultFields)}`;
  return graphqlOverHttp(baseUrl, document, { input }, options) as Promise<HttpGraphQLResponse<Record<Field, EditResult>>>;
}

const ForkOverHttp = gql(`
  mutation($input: ForkScenarioInput!) { forkScenario(input: $input) { __typename ... on ScenarioEdit { scenario { key } } } }
`);

/** Forks the agreement (or `sourceId`) and returns the what-if's key. */
export async function forkOverHttp(baseUrl: string, name: string, sourceId = "aftale-2024"): Promise<string> {
  const data = await queryOverHttp(baseUrl, ForkOverHttp, { input: { sourceId, name } });
  if (data.forkScenario.__typename !== "ScenarioEdit") throw new Error(`fork refused: ${JSON.stringify(data.forkScenario)}`);
  return data.forkScenario.scenario.key;
}

const ScenarioCells = gql(`
  query($id: ID!) { scenario(id: $id) { version lines { initiative { key } amounts { year amount } } } }
`);

const HistoryPage = gql(`
  query($id: ID!, $after: String) { history(scenarioId: $id, first: 100, after: $after) {
    nodes { version kind cells { initiativeKey year before after } } pageInfo { hasNextPage endCursor } } }
`);

/** The scenario's version and every cell it has. */
export async function readScenario(baseUrl: string, key: string): Promise<{ version: number; cells: Cells; lineKeys: string[] }> {
  const data = await queryOverHttp(baseUrl, ScenarioCells, { id: scenarioGlobalId(key) });
  if (!data.scenario) throw new Error(`no scenario ${key}`);
  const cells: Cells = new Map();
  const lineKeys: string[] = [];
  for (const line of data.scenario.lines) {
    lineKeys.push(line.initiative.key);
    for (const { year, amount } of line.amounts) cells.set(cellId(line.initiative.key, year), amount);
  }
  return { version: data.scenario.version, cells, lineKeys };
}

/** The scenario's whole history, oldest first (read page by page). */
export async function readHistory(baseUrl: string, key: string): Promise<HistoryEntry[]> {
  const entries: HistoryEntry[] = [];
  let after: string | null = null;
  for (;;) {
    const data: ResultOf<typeof HistoryPage> = await queryOverHttp(baseUrl, HistoryPage, { id: key, after });
    entries.push(...data.history.nodes);
    if (!data.history.pageInfo.hasNextPage) break;
    after = data.history.pageInfo.endCursor;
  }
  return entries.sort((a, b) => a.version - b.version);
}

/**
 * What is wrong between a scenario's history and its cells (empty when nothing is): versions must
 * run 1..current with none missing or repeated; each change's `before` must be the cell's value
 * after the changes before it (so no change was recorded against a stale read); and applying every
 * change to the cells the fork started with must give exactly the cells the scenario has.
 */
export function historyProblems(start: Cells, history: readonly HistoryEntry[], current: { version: number; cells: Cells }): string[] {
  const problems: string[] = [];
  const versions = history.map((entry) => entry.version);
  const expected = Array.from({ length: current.version }, (_, index) => index + 1);
  if (JSON.stringify(versions) !== JSON.stringify(expected)) {
    problems.push(`history versions are not 1..${current.version}: ${summariseVersions(versions)}`);
  }
  const replayed = new Map(start);
  for (const entry of history) {
    for (const cell of entry.cells) {
      const id = cellId(cell.initiativeKey, cell.year);
      const value = replayed.get(id) ?? null;
      if (value !== cell.before) problems.push(`version ${entry.version} records ${id} before = ${cell.before}, but it was ${value}`);
      if (cell.after === null) replayed.delete(id);
      else replayed.set(id, cell.after);
    }
  }
  for (const id of new Set([...replayed.keys(), ...current.cells.keys()])) {
    if (replayed.get(id) !== current.cells.get(id)) problems.push(`${id}: replaying the history gives ${replayed.get(id)}, the scenario has ${current.cells.get(id)}`);
  }
  return problems.slice(0, 20);
}

function summariseVersions(versions: number[]): string {
  const text = JSON.stringify(versions);
  return text.length > 300 ? `${text.slice(0, 300)}… (${versions.length} entries)` : text;
}
