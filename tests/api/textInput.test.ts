/**
 * The one text input layer (textInputPlugin.ts): every String and ID a client sends, as an argument
 * or an input field at any depth, is refused when it is not valid Unicode, holds NUL or another
 * control character (line breaks and tabs only in multi-line text), holds a bidi override in a
 * single-line text, or is longer than the field's stated maximum: InvalidInputError with the field's
 * path and a code, in the result union where the field has one, a coded error elsewhere; nothing
 * stored; the value echoed shortened. Invalid JSON is answered without the parser's internals.
 */
import { yoga } from "@ramme/server/yoga.ts";
import { beforeAll, describe, expect, it } from "vitest";
import { gql } from "../support/documents.ts";
import { graphql, query } from "../support/graphql.ts";
import { fingerprint, fork } from "../support/scenarios.ts";

const FORK = `mutation($input: ForkScenarioInput!) { forkScenario(input: $input) { __typename ... on InvalidInputError { problems { field code value } } } }`;
const COMMENT = `mutation($input: AddCommentInput!) { addComment(input: $input) { __typename ... on InvalidInputError { problems { field code value } } } }`;
const CELLS = `mutation($input: SetAllocationsInput!) { setAllocations(input: $input) { __typename ... on InvalidInputError { problems { field code value } } } }`;

let whatIf = "";
beforeAll(async () => {
  whatIf = (await fork("aftale-2024", "Tekst")).key;
});

async function refusedWithoutChange(source: string, variables: Record<string, unknown>) {
  const before = await fingerprint();
  const answer = await query(source, variables);
  expect(await fingerprint()).toBe(before);
  return Object.values(answer as Record<string, unknown>)[0] as { __typename: string; problems: Array<{ field: string; code: string; value: string | null }> };
}

describe("every string is checked once, before anything runs", () => {
  it.each([
    ["a lone surrogate", "Udkast \ud800", "INVALID_UNICODE", "Udkast \ufffd"],
    ["a lone low surrogate", "\udc00Udkast", "INVALID_UNICODE", "\ufffdUdkast"],
    ["NUL", "Udkast\u0000", "CONTROL_CHARACTER", "UdkastU+0000"],
    ["a line break in a name", "Udkast\nto", "CONTROL_CHARACTER", "UdkastU+000Ato"],
    ["a line separator", "Udkast\u2028", "CONTROL_CHARACTER", "UdkastU+2028"],
    ["a right-to-left override", "Udkast \u202Egpj.exe", "BIDI_CONTROL", "Udkast U+202Egpj.exe"],
    ["an isolate", "\u2066Udkast", "BIDI_CONTROL", "U+2066Udkast"],
  ])("refuses %s in a name as InvalidInputError at its path, echoing it visibly, and stores nothing", async (_what, name, code, shown) => {
    const result = await refusedWithoutChange(FORK, { input: { sourceId: "aftale-2024", name } });
    expect(result).toEqual({ __typename: "InvalidInputError", problems: [{ field: "input.name", code, value: shown }] });
  });

  it("states a maximum per field and echoes a long value shortened", async () => {
    const result = await refusedWithoutChange(FORK, { input: { sourceId: "s".repeat(1_000_000), name: "n".repeat(201) } });
    expect(result.problems.map((problem) => [problem.field, problem.code])).toEqual([["input.sourceId", "TOO_LONG"], ["input.name", "TOO_LONG"]]);
    for (const problem of result.problems) expect(problem.value!.length).toBeLessThanOrEqual(41);
  });

  it("allows line breaks and tabs in multi-line text, not NUL or other controls", async () => {
    const accepted = await query(gql(`mutation($input: AddCommentInput!) { addComment(input: $input) { __typename } }`), { input: { scenarioId: whatIf, text: "Første linje\r\n\tanden linje" } });
    expect(accepted.addComment.__typename).toBe("Comment");
    const refused = await refusedWithoutChange(COMMENT, { input: { scenarioId: whatIf, text: "Tekst\u0007\u0000" } });
    expect(refused.problems).toEqual([{ field: "input.text", code: "CONTROL_CHARACTER", value: "TekstU+0007U+0000" }]);
  });

  it("lists every problem in a list of inputs at its own path", async () => {
    const result = await refusedWithoutChange(CELLS, {
      input: { scenarioId: whatIf, expectedVersion: 1, cells: [{ initiativeId: "vmk", year: 2025, amount: "1" }, { initiativeId: "v\u202Emk", year: 2025, amount: "1\u0000" }] },
    });
    expect(result.problems.map((problem) => [problem.field, problem.code])).toEqual([
      ["input.cells[1].initiativeId", "BIDI_CONTROL"],
      ["input.cells[1].amount", "CONTROL_CHARACTER"],
    ]);
  });

  it("answers a field without a result union with the code and the problems as a GraphQL error", async () => {
    const answer = await graphql(`query($id: ID!) { history(scenarioId: $id) { nodes { version } } }`, { id: "\ud800" });
    expect(answer.errors?.[0]?.extensions).toEqual({ code: "INVALID_UNICODE", problems: [{ field: "scenarioId", code: "INVALID_UNICODE", message: expect.any(String), value: "\ufffd" }] });
    expect(answer.errors?.[0]?.message).not.toBe("Unexpected error.");
  });

  it("answers invalid JSON with a code and no parser internals", async () => {
    const response = await yoga.fetch("http://ramme.test/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: '{"query": "{ me { mode } }", "variables": {,}' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [{ message: "POST body sent invalid JSON.", extensions: { code: "BAD_REQUEST" } }] });
  });
});
