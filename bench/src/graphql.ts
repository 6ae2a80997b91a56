/**
 * GraphQL over HTTP, timed. Any GraphQL error, or a mutation answering with one of the typed errors
 * instead of a ScenarioEdit, throws: a benchmark of failing requests measures nothing.
 */
import { clientCompareQuery, clientGridQuery } from "./clientDocuments.ts";

export interface Answer<T> {
  ms: number;
  data: T;
}

export async function post<T = any>(endpoint: string, query: string, variables: object = {}): Promise<Answer<T>> {
  const start = performance.now();
  let response: Response;
  let text: string;
  try {
    response = await fetch(endpoint, { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify({ query, variables }) });
    text = await response.text();
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(`${endpoint}: ${(error as Error).message}${cause ? ` (${cause.code ?? ""} ${cause.message ?? ""})` : ""}`);
  }
  const ms = performance.now() - start;
  let json: { data?: T; errors?: unknown };
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    throw new Error(`${endpoint} answered ${response.status} with no JSON: ${text.slice(0, 300)}`);
  }
  if (!json.data || json.errors) throw new Error(`GraphQL error from ${endpoint}: ${JSON.stringify(json.errors ?? json).slice(0, 600)}`);
  return { ms, data: json.data };
}

interface EditAnswer {
  __typename: string;
  version?: number;
  message?: string;
}

/** Sends a mutation whose field answers ScenarioEdit | typed error; resolves to the new version. */
export async function edit(endpoint: string, field: string, query: string, variables: object): Promise<{ ms: number; version: number }> {
  const { ms, data } = await post<Record<string, EditAnswer>>(endpoint, query, variables);
  const answer = data[field]!;
  if (answer.__typename !== "ScenarioEdit") throw new Error(`${field} answered ${answer.__typename}: ${answer.message ?? JSON.stringify(answer)}`);
  return { ms, version: answer.version! };
}

const editSelection = `__typename ... on ScenarioEdit { version yearTotals { year allocated frame headroom } } ... on Error { message }`;

export const documents = {
  apiFloor: `{ __typename }`,
  /** The web client's grid query and compare view's query, read from the client's source. */
  grid: clientGridQuery,
  compare: clientCompareQuery,
  fork: `mutation($input: ForkScenarioInput!) { forkScenario(input: $input) { __typename ... on ScenarioEdit { version scenario { key } } ... on Error { message } } }`,
  setAllocation: `mutation($input: SetAllocationInput!) { setAllocation(input: $input) { ${editSelection} } }`,
  setAllocations: `mutation($input: SetAllocationsInput!) { setAllocations(input: $input) { ${editSelection} } }`,
  moveAmount: `mutation($input: MoveAmountInput!) { moveAmount(input: $input) { ${editSelection} } }`,
  addInitiative: `mutation($input: AddInitiativeInput!) { addInitiative(input: $input) { ${editSelection} } }`,
  removeInitiative: `mutation($input: RemoveInitiativeInput!) { removeInitiative(input: $input) { ${editSelection} } }`,
} as const;

export async function fork(endpoint: string, sourceId: string, name: string): Promise<{ key: string; version: number }> {
  const { data } = await post<{ forkScenario: { __typename: string; version: number; scenario?: { key: string }; message?: string } }>(endpoint, documents.fork, { input: { sourceId, name } });
  const answer = data.forkScenario;
  if (!answer.scenario) throw new Error(`forkScenario answered ${answer.__typename}: ${answer.message}`);
  return { key: answer.scenario.key, version: answer.version };
}
