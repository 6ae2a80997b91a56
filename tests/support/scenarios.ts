/** Helpers for tests of the scenario engine: fork, edit, and a fingerprint of everything stored. */
import { createHash } from "node:crypto";
import { print } from "graphql";
import { gql, type ResultOf, type VariablesOf } from "./documents.ts";
import { db, query } from "./graphql.ts";

/**
 * Any scenario mutation's result, as two fragments that every test document spreads (`@_unmask`:
 * their fields are read directly, gql.tada drops the directive before sending). The errors are
 * spread inside `Error`, so the selection is valid for every result union, whichever errors it lists
 * (a fork cannot be locked out or conflict).
 */
const EditSucceeded = gql(`
  fragment EditSucceeded on ScenarioEdit @_unmask {
    version changed fitsFrame scenario { key } yearTotals { year allocated frame headroom overBy fitsFrame } overFrame { year overBy } cells { initiativeKey year before after difference }
  }
`);
const EditRefused = gql(`
  fragment EditRefused on Error @_unmask {
    ... on InvalidInputError { message problems { field code message value } }
    ... on ScenarioLockedError { message scenarioKey reason }
    ... on VersionConflictError { message expectedVersion currentVersion cellsChangedSince { initiativeKey year before after } changesSince { version actor kind } }
    ... on FrameExceededError { message years { year allocated frame overBy } }
  }
`);

/** The same selection as text, for documents built at run time (a mutation named at run time, hostile documents). */
const selectionOf = (fragment: typeof EditSucceeded | typeof EditRefused) => {
  const definition = fragment.definitions[0];
  if (definition?.kind !== "FragmentDefinition") throw new Error("not a fragment");
  return print(definition.selectionSet);
};
export const EDIT_FIELDS = `__typename ... on ScenarioEdit ${selectionOf(EditSucceeded)} ... on Error ${selectionOf(EditRefused)}`;

const ForkForTest = gql(`
  mutation($input: ForkScenarioInput!) {
    forkScenario(input: $input) {
      __typename
      ... on ScenarioEdit { version scenario { key } }
      ... on InvalidInputError { message problems { field code message value } }
    }
  }
`);

/** Forks a scenario and returns the what-if's key and version. */
export async function fork(sourceId = "aftale-2024", name = "Test-scenarie"): Promise<{ key: string; version: number }> {
  const data = await query(ForkForTest, { input: { sourceId, name } });
  const result = data.forkScenario;
  if (result.__typename !== "ScenarioEdit") throw new Error(`fork failed: ${JSON.stringify(result)}`);
  return { key: result.scenario.key, version: result.version };
}

const SetAllocationForTest = gql(
  `
  mutation SetAllocationForTest($input: SetAllocationInput!) {
    setAllocation(input: $input) { __typename ...EditSucceeded ...EditRefused }
  }
`,
  [EditSucceeded, EditRefused],
);

const SetAllocationsForTest = gql(
  `
  mutation SetAllocationsForTest($input: SetAllocationsInput!) {
    setAllocations(input: $input) { __typename ...EditSucceeded ...EditRefused }
  }
`,
  [EditSucceeded, EditRefused],
);

/**
 * A scenario mutation's result with the EDIT_FIELDS selection: ScenarioEdit | InvalidInputError |
 * ScenarioLockedError | VersionConflictError | FrameExceededError. Every result union of the
 * mutations the tests run through `mutate` (setAllocation(s), addInitiative, removeInitiative,
 * moveAmount, updateScenario, forkScenario, lockScenario, unlockScenario, archiveScenario,
 * unarchiveScenario, revertChange, restoreScenarioVersion) is this union or a part of it
 * (docs/schema.graphql). One that can return another member (mergeScenario's MergeConflictError,
 * importScenarioFile's ImportRefusedError) needs a typed document of its own.
 */
export type EditResult = ResultOf<typeof SetAllocationsForTest>["setAllocations"];

/**
 * Runs one mutation that takes `input` and returns its result union. The field is named at run
 * time, so the document is a string the server alone checks; its answer is typed as `EditResult`,
 * which holds only when the mutation's union is within it (see there).
 */
export async function mutate(name: string, inputType: string, input: Record<string, unknown>, options: { actor?: string } = {}): Promise<EditResult> {
  const data = (await query(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${EDIT_FIELDS} } }`, { input }, options)) as Record<string, EditResult>;
  const result = data[name];
  if (result === undefined) throw new Error(`no ${name} in the answer: ${JSON.stringify(data)}`);
  return result;
}

// The input stays loose: tests send malformed input on purpose, for the server to refuse.
export async function setAllocation(input: Record<string, unknown>, options: { actor?: string } = {}): Promise<ResultOf<typeof SetAllocationForTest>["setAllocation"]> {
  const data = await query(SetAllocationForTest, { input } as VariablesOf<typeof SetAllocationForTest>, options);
  return data.setAllocation;
}

export async function setAllocations(input: Record<string, unknown>, options: { actor?: string } = {}): Promise<EditResult> {
  const data = await query(SetAllocationsForTest, { input } as VariablesOf<typeof SetAllocationsForTest>, options);
  return data.setAllocations;
}

/** The amount of one cell, as the database holds it (øre as bigint), or null when absent. */
export async function cell(scenarioId: string, initiativeId: string, year: number): Promise<bigint | null> {
  const row = await db.allocation.findUnique({ where: { scenarioId_initiativeId_year: { scenarioId, initiativeId, year } } });
  return row?.amount ?? null;
}

/**
 * A hash of every row a mutation could write: if it is equal before and after a refused request,
 * nothing was stored, in whole or in part.
 */
export async function fingerprint(options: { ignoreUse?: boolean } = {}): Promise<string> {
  // Every request records when a session or token was last used; `ignoreUse` leaves that out, to
  // compare what a request did besides being made.
  const ignore = options.ignoreUse === true;
  const tables = await Promise.all([
    db.scenario.findMany({ orderBy: { id: "asc" } }),
    db.scenarioLine.findMany({ orderBy: [{ scenarioId: "asc" }, { initiativeId: "asc" }] }),
    db.allocation.findMany({ orderBy: [{ scenarioId: "asc" }, { initiativeId: "asc" }, { year: "asc" }] }),
    db.scenarioChange.findMany({ orderBy: { id: "asc" } }),
    db.cellChange.findMany({ orderBy: [{ changeId: "asc" }, { initiativeId: "asc" }, { year: "asc" }] }),
    db.lineChange.findMany({ orderBy: [{ changeId: "asc" }, { initiativeId: "asc" }] }),
    db.comment.findMany({ orderBy: { id: "asc" } }),
    db.initiative.findMany({ orderBy: { id: "asc" } }),
    db.outsideFrameAmount.findMany({ orderBy: { id: "asc" } }),
    db.priceIndex.findMany({ orderBy: { year: "asc" } }),
    db.priceIndexChange.findMany({ orderBy: { id: "asc" } }),
    db.organisation.findMany({ orderBy: { id: "asc" } }),
    db.user.findMany({ orderBy: { id: "asc" } }),
    // A session's use also slides its expiry (auth/sessions.ts, every few minutes): use, not a change.
    db.session.findMany({ orderBy: { id: "asc" }, omit: { lastSeenAt: ignore, expiresAt: ignore } }),
    db.apiToken.findMany({ orderBy: { id: "asc" }, omit: { lastUsedAt: ignore } }),
    db.scenarioShare.findMany({ orderBy: [{ scenarioId: "asc" }, { organisationId: "asc" }] }),
    db.scenarioShareChange.findMany({ orderBy: { id: "asc" } }),
    db.accountChange.findMany({ orderBy: { id: "asc" } }),
    // Frames and what a baseline's import stores (issue 22).
    db.frame.findMany({ orderBy: { id: "asc" } }),
    db.frameYear.findMany({ orderBy: [{ frameId: "asc" }, { year: "asc" }] }),
    db.theme.findMany({ orderBy: { id: "asc" } }),
    db.document.findMany({ orderBy: { id: "asc" } }),
    db.sourceTable.findMany({ orderBy: { id: "asc" } }),
    db.sourceTableLine.findMany({ orderBy: [{ tableId: "asc" }, { initiativeId: "asc" }] }),
    db.statedTotal.findMany({ orderBy: [{ tableId: "asc" }, { year: "asc" }] }),
    db.footnote.findMany({ orderBy: [{ tableId: "asc" }, { marker: "asc" }] }),
  ]);
  const text = JSON.stringify(tables, (_key, value) => (typeof value === "bigint" ? `${value}n` : value));
  return createHash("sha256").update(text).digest("hex");
}

