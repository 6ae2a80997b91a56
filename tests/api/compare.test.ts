import { describe, expect, it } from "vitest";
import { gql, type ResultOf } from "../support/documents.ts";
import { db, query } from "../support/graphql.ts";
import { fork, mutate, setAllocation } from "../support/scenarios.ts";

const COMPARE = gql(`query Compare($base: ID!, $others: [ID!]!, $language: Language) {
  compareScenarios(baseId: $base, otherIds: $others) {
    __typename
    ... on InvalidInputError { problems { field code value } }
    ... on ScenarioComparison {
      base { key } others { key } years baseYearsOverFrame
      lines { initiativeKey themeKey inBase baseTotal versus { scenarioKey status total totalDifference cells { year base other difference } comments { text author } } }
      differences {
        scenario { key }
        counts { added removed changed unchanged }
        themes { themeKey year base other difference }
        years { year frame baseAllocated otherAllocated baseHeadroom otherHeadroom released spent net releasedFromReserve otherOverBy }
        yearsOverFrame
        summary(language: $language)
      }
    }
  }
}`);

/** The comparison of an answer that must be one; anything else (a refusal) fails the test, naming it. */
function comparisonOf<T extends { __typename: string }>(result: T): Extract<T, { __typename: "ScenarioComparison" }> {
  if (!isComparison(result)) throw new Error(`expected a comparison: ${JSON.stringify(result)}`);
  return result;
}
const isComparison = <T extends { __typename: string }>(result: T): result is Extract<T, { __typename: "ScenarioComparison" }> => result.__typename === "ScenarioComparison";

describe("compareScenarios of the government's proposal and the agreement", () => {
  it("lists exactly the documents' differences: six lines added, the reserve removed, værdibaseret indkøb raised in 2024", async () => {
    const { compareScenarios: answer } = await query(COMPARE, { base: "regeringens-udspil-2024", others: ["aftale-2024"] });
    expect(answer.__typename).toBe("ScenarioComparison");
    const comparison = comparisonOf(answer);
    const difference = comparison.differences[0]!;
    expect(difference.counts).toEqual({ added: 6, removed: 1, changed: 1, unchanged: 18 });

    const byStatus = (status: string) =>
      comparison.lines
        .filter((line) => line.versus[0]!.status === status)
        .map((line) => [line.initiativeKey, line.versus[0]!.cells.map((cell) => cell.difference)]);
    // From the two tables: the agreement's rows that the proposal does not have.
    expect(byStatus("ADDED")).toEqual([
      ["klinisk-forskning-analyse", ["1", "0", "0", "0"]],
      ["gebyrreduktion-medicinsk-udstyr", ["0", "2", "2", "2"]],
      ["sundhedsdata-tillid", ["0", "2.5", "2.5", "2.5"]],
      ["life-science-ude-i-landet", ["2", "1.1", "1.8", "2.3"]],
      ["byspildevand", ["0", "0.5", "1", "0"]],
      ["eu-formandskab", ["2.8", "0", "0", "0"]],
    ]);
    expect(byStatus("REMOVED")).toEqual([["reserve", ["-7.6", "-6.1", "-7.3", "-6.8"]]]);
    expect(byStatus("CHANGED")).toEqual([["vaerdibaseret-indkoeb", ["1.6", "0", "0", "0"]]]);

    // Added lines appear where the agreement prints them: klinisk-forskning-analyse right after vmk.
    const keys = comparison.lines.map((line) => line.initiativeKey);
    expect(keys.slice(0, 3)).toEqual(["vmk", "klinisk-forskning-analyse", "gebyrreduktion-medicinsk-udstyr"]);
    expect(keys).toHaveLength(26);

    // Where the money went, per year. 2024: the reserve's 7.6 released; 1.0 + 2.0 + 2.8 new and 1.6 more for
    // værdibaseret indkøb = 7.4 spent; the proposal's lines total 99.1 and the agreement's 98.9.
    expect(difference.years[0]).toEqual({
      year: 2024, frame: "100", baseAllocated: "99.1", otherAllocated: "98.9", baseHeadroom: "0.9", otherHeadroom: "1.1",
      released: "7.6", spent: "7.4", net: "-0.2", releasedFromReserve: "7.6", otherOverBy: "0",
    });
    // 2025: reserve 6.1 released; 2.0 + 2.5 + 1.1 + 0.5 = 6.1 spent.
    expect(difference.years[1]).toMatchObject({ released: "6.1", spent: "6.1", net: "0", otherHeadroom: "0" });
    expect(difference.yearsOverFrame).toEqual([]);

    // Theme subtotals: the reserve sat under "samarbejde"; 2024's subtotal there drops by 7.6.
    expect(difference.themes).toContainEqual({ themeKey: "samarbejde", year: 2024, base: "13.6", other: "6", difference: "-7.6" });
  });

  it("tells the negotiation in plain Danish by default, and in English when asked", async () => {
    const danish = await query(COMPARE, { base: "regeringens-udspil-2024", others: ["aftale-2024"] });
    const sentences = comparisonOf(danish.compareScenarios).differences[0]!.summary;
    expect(sentences[0]).toBe("6 linjer tilføjet, 1 fjernet og 1 ændret.");
    expect(sentences[1]).toBe("Reserven på 7,6 mio. kr. i 2024, 6,1 i 2025, 7,3 i 2026 og 6,8 i 2027 er fjernet.");
    const english = await query(COMPARE, { base: "regeringens-udspil-2024", others: ["aftale-2024"], language: "EN" });
    expect(comparisonOf(english.compareScenarios).differences[0]!.summary[0]).toBe("6 lines added, 1 removed and 1 changed.");
  });
});

describe("compareScenarios with several scenarios", () => {
  it("puts each what-if beside the base, flags the years each breaks the frame, and shows the comment given with a change", async () => {
    const first = await fork("aftale-2024", "Mere til VMK");
    const second = await fork("aftale-2024", "Ny linje");
    await setAllocation({ scenarioId: first.key, initiativeId: "vmk", year: 2025, amount: "4.0", expectedVersion: 1, comment: "Flere ansøgninger" }, { actor: "Anna" });
    await mutate("addInitiative", "AddInitiativeInput", {
      scenarioId: second.key, expectedVersion: 1, title: "Nyt forsøg", themeId: "innovation", amounts: [{ year: 2024, amount: "0.5" }],
    });
    const comparison = comparisonOf((await query(COMPARE, { base: "aftale-2024", others: [first.key, second.key] })).compareScenarios);
    expect(comparison.others.map((other) => other.key)).toEqual([first.key, second.key]);
    expect(comparison.differences.map((entry) => entry.counts)).toEqual([
      { added: 0, removed: 0, changed: 1, unchanged: 25 - 1 },
      { added: 1, removed: 0, changed: 0, unchanged: 25 },
    ]);
    // 2025 is 100.0 in the agreement; +1.5 for VMK makes it 101.5.
    expect(comparison.differences[0]!.yearsOverFrame).toEqual([2025]);
    expect(comparison.differences[1]!.yearsOverFrame).toEqual([]);
    const vmk = comparison.lines.find((line) => line.initiativeKey === "vmk");
    expect(vmk!.versus[0]).toMatchObject({ status: "CHANGED", totalDifference: "1.5", comments: [{ text: "Flere ansøgninger", author: "Anna" }] });
    const added = comparison.lines.filter((line) => !line.inBase);
    expect(added).toHaveLength(1);
    expect(added[0]!.versus.map((entry) => [entry.scenarioKey, entry.status, entry.total])).toEqual([[second.key, "ADDED", "0.5"]]);
  });

  it("refuses unknown scenarios and an empty list, naming the argument", async () => {
    const unknown = await query(COMPARE, { base: "aftale-2024", others: ["findes-ikke"] });
    expect(unknown.compareScenarios).toEqual({ __typename: "InvalidInputError", problems: [{ field: "otherIds[0]", code: "UNKNOWN_SCENARIO", value: "findes-ikke" }] });
    const empty = (await query(COMPARE, { base: "aftale-2024", others: [] })).compareScenarios;
    if (empty.__typename !== "InvalidInputError") throw new Error(`expected a refusal: ${JSON.stringify(empty)}`);
    expect(empty.problems[0]).toMatchObject({ field: "otherIds", code: "REQUIRED" });
  });
});

describe("compareScenarios at the size of a whole Finance Act", () => {
  it("lays out 20,000 new lines against the 25-line agreement, in the what-if's order", async () => {
    const lines = 20_000;
    await db.scenario.create({ data: { id: "finance-act", name: "Hele finansloven", kind: "WHAT_IF", frameId: "life-science-2024-2027" } });
    const initiatives = Array.from({ length: lines }, (_, index) => ({ id: `fl-${index}`, themeId: "innovation", title: `Linje ${index}`, origin: "PROPOSAL", sources: [] }));
    await db.initiative.createMany({ data: initiatives });
    await db.scenarioLine.createMany({ data: initiatives.map((initiative, position) => ({ scenarioId: "finance-act", initiativeId: initiative.id, position })) });

    const { compareScenarios: answer } = await query(gql(`query WholeFinanceAct { compareScenarios(baseId: "aftale-2024", otherIds: ["finance-act"]) {
      __typename ... on ScenarioComparison { lines { initiativeKey } differences { counts { added removed } } } } }`));
    const comparison = comparisonOf(answer);
    expect(comparison.differences[0]!.counts).toEqual({ added: lines, removed: 25 });
    // Every new line comes first (the what-if's first line is new), in the what-if's order, then the base's.
    const keys = comparison.lines.map((line) => line.initiativeKey);
    expect(keys.slice(0, lines)).toEqual(initiatives.map((initiative) => initiative.id));
    expect(keys).toHaveLength(lines + 25);
    // Writing 20,000 lines takes seconds on a busy machine.
  }, 60_000);
});

describe("compareScenarios with the base at an earlier version (baseVersion)", () => {
  const AT = gql(`query CompareAt($base: ID!, $others: [ID!]!, $baseVersion: Int) {
    compareScenarios(baseId: $base, otherIds: $others, baseVersion: $baseVersion) {
      __typename
      ... on InvalidInputError { problems { field code value } }
      ... on ScenarioComparison { lines { initiativeKey inBase versus { status cells { year base other difference } } } differences { counts { added removed changed unchanged } themes { themeKey year difference } } }
    }
  }`);

  it("compares a what-if with its parent as it was at the fork: the parent's later changes do not count", async () => {
    const parent = await fork("aftale-2024", "Forælder");
    const child = await fork(parent.key, "Barn");
    const { scenario } = await query(gql(`query ForkedFrom($id: ID!) { scenario(id: $id) { forkedFromVersion parent { key } } }`), { id: child.key });
    expect(scenario).toEqual({ forkedFromVersion: parent.version, parent: { key: parent.key } });
    // After the fork the parent raises VMK 2025; the child raises VMK 2024.
    expect((await setAllocation({ scenarioId: parent.key, initiativeId: "vmk", year: 2025, amount: "9.0", expectedVersion: parent.version })).__typename).toBe("ScenarioEdit");
    expect((await setAllocation({ scenarioId: child.key, initiativeId: "vmk", year: 2024, amount: "7.0", expectedVersion: child.version })).__typename).toBe("ScenarioEdit");

    const now = (await query(AT, { base: parent.key, others: [child.key] })).compareScenarios;
    const then = (await query(AT, { base: parent.key, others: [child.key], baseVersion: scenario!.forkedFromVersion })).compareScenarios;
    const vmkCells = (answer: ResultOf<typeof AT>["compareScenarios"]) =>
      comparisonOf(answer).lines.find((line) => line.initiativeKey === "vmk")!.versus[0]!.cells.filter((cell) => cell.difference !== "0");
    // Against the parent now, both edits show (the parent's as a difference the child never made).
    expect(vmkCells(now).map((cell) => cell.year)).toEqual([2024, 2025]);
    // Against the parent at the fork, only the child's own edit.
    expect(vmkCells(then)).toHaveLength(1);
    expect(vmkCells(then)[0]).toMatchObject({ year: 2024, other: "7" });
    expect(comparisonOf(then).differences[0]!.counts.changed).toBe(1);
    // The base's current version compares as the base now.
    const current = (await query(gql(`query BaseVersion($id: ID!) { scenario(id: $id) { version } }`), { id: parent.key })).scenario!.version;
    expect((await query(AT, { base: parent.key, others: [child.key], baseVersion: current })).compareScenarios).toEqual(now);
  });

  it("refuses a version the base never had, naming the argument", async () => {
    for (const baseVersion of [0, -1, 999]) {
      const answer = (await query(AT, { base: "aftale-2024", others: ["regeringens-udspil-2024"], baseVersion })).compareScenarios;
      expect(answer).toEqual({ __typename: "InvalidInputError", problems: [{ field: "baseVersion", code: "UNKNOWN_VERSION", value: String(baseVersion) }] });
    }
  });
});
