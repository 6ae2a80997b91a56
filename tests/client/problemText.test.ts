/**
 * Input problems in the UI's words: every InputProblemCode of the schema has a catalogue text in
 * Danish and English, its placeholders are filled, and the API's English `message` is never what
 * the user reads.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildSchema, GraphQLEnumType } from "graphql";
import { describe, expect, it } from "vitest";
import { failureText } from "../../client/src/app/failures.ts";
import { PROBLEM_KEYS, problemMessage, problemsText, VALUE_KEYS } from "../../client/src/app/problemText.ts";
import { message, messages, render, translate, type Locale, type MessageKey, type MessageParams } from "../../client/src/i18n/messages.ts";

const root = path.resolve(import.meta.dirname, "../..");
const schema = buildSchema(readFileSync(path.join(root, "docs/schema.graphql"), "utf8"));
const codeType = schema.getType("InputProblemCode");
if (!(codeType instanceof GraphQLEnumType)) throw new Error("InputProblemCode is not an enum in docs/schema.graphql");
const codes = codeType.getValues().map((value) => value.name);
const locales: Locale[] = ["da", "en"];
const tIn = (locale: Locale) => (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
const da = tIn("da");

/** What a text must not look like: a placeholder left open, a key, a code. */
function expectWorded(text: string, code: string) {
  expect(text).not.toMatch(/[{}]/);
  expect(text).not.toMatch(/^problem/);
  expect(text).not.toContain(code);
  expect(text.length).toBeGreaterThan(10);
}

describe("problem texts", () => {
  it("cover exactly the schema's InputProblemCode values", () => {
    expect(codes.length).toBeGreaterThan(50);
    expect(Object.keys(PROBLEM_KEYS).sort()).toEqual([...codes].sort());
  });

  it.each(codes)("%s has a text in Danish and English, without and with a value, its placeholders filled", (code) => {
    for (const locale of locales) {
      const key = PROBLEM_KEYS[code as keyof typeof PROBLEM_KEYS];
      expect(messages[locale][key], `${locale} ${key}`).toBeTruthy();
      for (const problem of [
        { code, field: "input.other", value: null },
        { code, field: "input.other", value: "7" },
        { code, field: "input.name", value: "Ramme 2030" },
      ]) {
        const text = render(locale, problemMessage(problem));
        expectWorded(text, code);
        if (VALUE_KEYS[code as keyof typeof VALUE_KEYS] && problem.value) expect(text).toContain(problem.value);
      }
    }
    // The two languages say it differently (a forgotten translation copies the Danish).
    expect(translate("en", PROBLEM_KEYS[code as keyof typeof PROBLEM_KEYS])).not.toBe(translate("da", PROBLEM_KEYS[code as keyof typeof PROBLEM_KEYS]));
  });

  it("names the value the user gave where it helps", () => {
    expect(problemsText(da, [{ code: "NAME_TAKEN", field: "input.name", value: "Ramme 2030" }])).toBe("Navnet »Ramme 2030« er allerede brugt.");
    expect(problemsText(tIn("en"), [{ code: "NAME_TAKEN", field: "input.name", value: "Ramme 2030" }])).toBe("The name “Ramme 2030” is taken already.");
    expect(problemsText(da, [{ code: "NAME_TAKEN", field: "input.name", value: null }])).toBe("Navnet er allerede brugt.");
    expect(problemsText(da, [{ code: "SIGN_IN_THROTTLED", field: "input", value: "1" }])).toBe("For mange forkerte adgangskoder til kontoen; prøv igen om 1 sekund.");
    expect(problemsText(da, [{ code: "SIGN_IN_THROTTLED", field: "input", value: "42" }])).toBe("For mange forkerte adgangskoder til kontoen; prøv igen om 42 sekunder.");
  });

  it("never echoes an ID the user did not write", () => {
    const id = "U2NlbmFyaW86MTI=";
    for (const code of ["UNKNOWN_SCENARIO", "UNKNOWN_FRAME", "UNKNOWN_USER", "MALFORMED_ID", "UNKNOWN_INITIATIVE"]) {
      expect(problemsText(da, [{ code, field: "input.id", value: id }])).not.toContain(id);
    }
  });

  it("names the field of a text that is missing or too long", () => {
    expect(problemsText(da, [{ code: "REQUIRED", field: "input.name", value: null }])).toBe("Navn: Feltet skal udfyldes.");
    expect(problemsText(tIn("en"), [{ code: "TOO_LONG", field: "input.frames[2].title", value: "x" }])).toBe("Title: The text is too long.");
    expect(problemsText(da, [{ code: "REQUIRED", field: "input.version", value: null }])).toBe("Feltet skal udfyldes.");
  });

  it("says each different text once", () => {
    const problems = [
      { code: "NOT_A_NUMBER", field: "input.cells[0].amount", value: null },
      { code: "NOT_A_NUMBER", field: "input.cells[1].amount", value: null },
      { code: "NEGATIVE", field: "input.cells[2].amount", value: "-1" },
    ];
    expect(problemsText(da, problems)).toBe("Det er ikke et tal. Værdien må ikke være negativ.");
  });

  it("uses a page's own text where it has one, a key, a message or one made from the problem", () => {
    expect(problemsText(da, [{ code: "UNKNOWN_VERSION", field: "version", value: "9" }], { UNKNOWN_VERSION: "changesSinceUnknownVersion" })).toBe("Scenariet har ikke den version.");
    expect(problemsText(da, [{ code: "LAST_ADMIN", field: "input.userId" }], { LAST_ADMIN: message("usersProblemLastAdmin", { name: "Ea" }) })).toMatch(/^Ea er organisationens sidste/);
    expect(problemsText(da, [{ code: "UNKNOWN_SCENARIO", field: "baseId", value: "gammel" }], { UNKNOWN_SCENARIO: (problem) => message("compareUnknownScenario", { key: problem.value ?? "?" }) })).toBe("der findes intet scenarie »gammel«.");
  });

  it("words a code the client does not know yet without the API's sentence", () => {
    expect(problemsText(da, [{ code: "SOMETHING_NEW", field: "input", value: null }])).toBe("Serveren afviste indtastningen. Ret den og prøv igen.");
  });
});

describe("failureText of an InvalidInputError", () => {
  const refusal = { __typename: "InvalidInputError", message: "another frame has this name already.", inputProblems: [{ code: "NAME_TAKEN", field: "input.name", value: "Ramme 2030" }] };

  it("is the catalogue's text in the language shown, never the API's English message", () => {
    expect(failureText(da, refusal, undefined)).toBe("Navnet »Ramme 2030« er allerede brugt.");
    expect(failureText(tIn("en"), refusal, undefined)).not.toContain("another frame");
  });

  it("is a general text when the document did not select the problems", () => {
    expect(failureText(da, { __typename: "InvalidInputError", message: "input.name: required." }, undefined)).toBe("Serveren afviste indtastningen. Ret den og prøv igen.");
  });
});

describe("failureText of the other typed errors", () => {
  it("words them by their type, a lock by its reason, never with the API's English message", () => {
    expect(failureText(da, { __typename: "ScenarioLockedError", message: "The scenario is locked.", reason: "LOCKED" }, undefined)).toBe("Scenariet er låst; lås det op for at ændre det. Intet er gemt.");
    expect(failureText(da, { __typename: "ScenarioLockedError", message: "The scenario is locked." }, undefined)).toBe("Scenariet kan ikke ændres lige nu. Intet er gemt.");
    expect(failureText(tIn("en"), { __typename: "VersionConflictError", message: "expected version 3, the scenario is at 4." }, undefined)).toBe("Someone else changed the scenario meanwhile. Nothing was saved; try again on the new version.");
    for (const typename of ["FrameExceededError", "ImportRefusedError", "MergeConflictError"]) {
      expect(failureText(da, { __typename: typename, message: "English for developers." }, undefined)).not.toContain("English");
    }
  });
});
