import { mio } from "@ramme/domain";
import { beforeEach, describe, expect, it } from "vitest";
import { gql } from "../support/documents.ts";
import { db, query } from "../support/graphql.ts";
import { cell, fingerprint, fork, mutate, setAllocation, setAllocations } from "../support/scenarios.ts";
import { asMember, firstEntries } from "../support/unions.ts";

let whatIf: { key: string; version: number };
beforeEach(async () => {
  whatIf = await fork("aftale-2024", "Linjer og historik");
});

const linesOf = async (key: string) =>
  (await db.scenarioLine.findMany({ where: { scenarioId: key }, orderBy: { position: "asc" }, select: { initiativeId: true } })).map((line) => line.initiativeId);

describe("addInitiative", () => {
  it("adds a new proposal line with its amounts, as an initiative of origin PROPOSAL created in the scenario", async () => {
    const result = asMember(await mutate("addInitiative", "AddInitiativeInput", {
      scenarioId: whatIf.key,
      expectedVersion: 1,
      title: "Pilotprojekt om genbrug af data",
      themeId: "forskning-sundhedsdata",
      description: "Et nyt forslag.",
      amounts: [{ year: 2025, amount: "1,5" }, { year: 2026, amount: "2" }],
      notation: "DANISH",
      comment: "Partiets forslag",
    }), "ScenarioEdit");
    expect(result).toMatchObject({ __typename: "ScenarioEdit", version: 2 });
    const added = result.cells.map((entry) => [entry.year, entry.before, entry.after]);
    expect(added).toEqual([[2024, null, "0"], [2025, null, "1.5"], [2026, null, "2"], [2027, null, "0"]]);
    const [first] = firstEntries(result.cells, 1);
    const key = first.initiativeKey;
    const initiative = await db.initiative.findUniqueOrThrow({ where: { id: key } });
    expect(initiative).toMatchObject({ title: "Pilotprojekt om genbrug af data", origin: "PROPOSAL", createdInScenarioId: whatIf.key, themeId: "forskning-sundhedsdata" });
    expect((await linesOf(whatIf.key)).at(-1)).toBe(key);
    // 2025 was exactly 100.0 in the agreement; +1.5 breaks the frame, which a what-if may do, flagged.
    expect(result.overFrame).toEqual([{ year: 2025, overBy: "1.5" }, { year: 2026, overBy: "2" }]);
  });

  it("takes an existing initiative back in (the proposal's reserve), and refuses one already in the scenario", async () => {
    const result = await mutate("addInitiative", "AddInitiativeInput", { scenarioId: whatIf.key, expectedVersion: 1, initiativeId: "reserve" });
    expect(result).toMatchObject({ __typename: "ScenarioEdit", version: 2 });
    const before = await fingerprint();
    const again = asMember(await mutate("addInitiative", "AddInitiativeInput", { scenarioId: whatIf.key, expectedVersion: 2, initiativeId: "vmk" }), "InvalidInputError");
    expect(again.problems).toEqual([expect.objectContaining({ field: "input.initiativeId", code: "ALREADY_IN_SCENARIO" })]);
    expect(await fingerprint()).toBe(before);
  });

  it("refuses an unknown theme, a missing title, both forms at once, and bad amounts — every problem named, nothing stored", async () => {
    const before = await fingerprint();
    const unknownTheme = asMember(await mutate("addInitiative", "AddInitiativeInput", { scenarioId: whatIf.key, expectedVersion: 1, title: "X", themeId: "findes-ikke" }), "InvalidInputError");
    expect(unknownTheme.problems).toEqual([expect.objectContaining({ field: "input.themeId", code: "UNKNOWN_THEME" })]);
    const noTitle = asMember(await mutate("addInitiative", "AddInitiativeInput", { scenarioId: whatIf.key, expectedVersion: 1, themeId: "innovation" }), "InvalidInputError");
    expect(noTitle.problems).toEqual([expect.objectContaining({ field: "input.title", code: "REQUIRED" })]);
    const both = asMember(await mutate("addInitiative", "AddInitiativeInput", { scenarioId: whatIf.key, expectedVersion: 1, initiativeId: "reserve", title: "X" }), "InvalidInputError");
    expect(both.problems).toEqual([expect.objectContaining({ field: "input.title", code: "CONFLICTING_FIELDS" })]);
    const amounts = asMember(await mutate("addInitiative", "AddInitiativeInput", {
      scenarioId: whatIf.key, expectedVersion: 1, title: "X", themeId: "innovation",
      amounts: [{ year: 2030, amount: "1" }, { year: 2024, amount: "-2" }, { year: 2025, amount: "0.25" }],
    }), "InvalidInputError");
    expect(amounts.problems.map((problem) => [problem.field, problem.code])).toEqual([
      ["input.amounts[0].year", "YEAR_OUTSIDE_FRAME"],
      ["input.amounts[1].amount", "NEGATIVE"],
      ["input.amounts[2].amount", "TOO_PRECISE"],
    ]);
    expect(await fingerprint()).toBe(before);
  });
});

describe("removeInitiative", () => {
  it("takes a line out, frees its amounts, and keeps them in the history", async () => {
    const result = asMember(await mutate("removeInitiative", "RemoveInitiativeInput", { scenarioId: whatIf.key, initiativeId: "eu-formandskab", expectedVersion: 1, comment: "Dækkes andetsteds" }), "ScenarioEdit");
    expect(result).toMatchObject({ __typename: "ScenarioEdit", version: 2 });
    // The agreement's 2024 total is 98.9; without EU-formandskabets 2.8 it is 96.1.
    expect(result.yearTotals[0]).toMatchObject({ year: 2024, allocated: "96.1", headroom: "3.9" });
    expect(await linesOf(whatIf.key)).not.toContain("eu-formandskab");
    expect(await db.initiative.findUnique({ where: { id: "eu-formandskab" } })).not.toBeNull();
    const history = await query(gql(`query LastChange($id: ID!) { history(scenarioId: $id, first: 1) { nodes { kind comment lines { initiative { key } added position } cells { year before after } } } }`), { id: whatIf.key });
    expect(history.history.nodes[0]).toEqual({
      kind: "LINE_REMOVED",
      comment: "Dækkes andetsteds",
      lines: [{ initiative: { key: "eu-formandskab" }, added: false, position: 23 }],
      cells: [
        { year: 2024, before: "2.8", after: null },
        { year: 2025, before: "0", after: null },
        { year: 2026, before: "0", after: null },
        { year: 2027, before: "0", after: null },
      ],
    });
  });

  it("refuses a line that is not in the scenario", async () => {
    const before = await fingerprint();
    const result = asMember(await mutate("removeInitiative", "RemoveInitiativeInput", { scenarioId: whatIf.key, initiativeId: "reserve", expectedVersion: 1 }), "InvalidInputError");
    expect(result.problems).toEqual([expect.objectContaining({ field: "input.initiativeId", code: "NOT_IN_SCENARIO" })]);
    expect(await fingerprint()).toBe(before);
  });
});

describe("moveAmount", () => {
  it("moves the same amount from one line to another in each year of the range, keeping every year's total", async () => {
    const result = asMember(await mutate("moveAmount", "MoveAmountInput", {
      scenarioId: whatIf.key, expectedVersion: 1, fromInitiativeId: "sundhedsdiplomater", toInitiativeId: "trial-nation", amount: "2.0", fromYear: 2025, toYear: 2027,
    }), "ScenarioEdit");
    expect(result).toMatchObject({ __typename: "ScenarioEdit", version: 2 });
    expect(result.yearTotals.map((total) => total.allocated)).toEqual(["98.9", "100", "100", "100"]);
    expect(await cell(whatIf.key, "sundhedsdiplomater", 2024)).toBe(mio("20"));
    expect(await cell(whatIf.key, "sundhedsdiplomater", 2026)).toBe(mio("18"));
    expect(await cell(whatIf.key, "trial-nation", 2027)).toBe(mio("6.7"));
  });

  it("refuses to move more than a line has in any year of the range, and a range outside the frame", async () => {
    const before = await fingerprint();
    // byspildevand has 0.5 in 2025 and 0 in 2027.
    const short = asMember(await mutate("moveAmount", "MoveAmountInput", {
      scenarioId: whatIf.key, expectedVersion: 1, fromInitiativeId: "byspildevand", toInitiativeId: "vmk", amount: "0.5", fromYear: 2025, toYear: 2027,
    }), "InvalidInputError");
    expect(short.problems).toEqual([expect.objectContaining({ field: "input.amount", code: "INSUFFICIENT_AMOUNT", message: expect.stringContaining("2027") })]);
    const outside = asMember(await mutate("moveAmount", "MoveAmountInput", {
      scenarioId: whatIf.key, expectedVersion: 1, fromInitiativeId: "vmk", toInitiativeId: "vmk", amount: "0.5", fromYear: 2027, toYear: 2030,
    }), "InvalidInputError");
    expect(outside.problems.map((problem) => [problem.field, problem.code])).toEqual([["input.toInitiativeId", "SAME_LINE"]]);
    const range = asMember(await mutate("moveAmount", "MoveAmountInput", {
      scenarioId: whatIf.key, expectedVersion: 1, fromInitiativeId: "vmk", toInitiativeId: "atmp", amount: "0.5", fromYear: 2027, toYear: 2030,
    }), "InvalidInputError");
    expect(range.problems.map((problem) => [problem.field, problem.code])).toEqual([["input.toYear", "YEAR_OUTSIDE_FRAME"]]);
    expect(await fingerprint()).toBe(before);
  });
});

describe("history, restore and changes since", () => {
  it("restoreScenarioVersion makes a new version equal to an old one, bringing back removed lines in place; history is kept", async () => {
    const original = await query(gql(`query LinesBefore($id: ID!) { scenario(id: $id) { lines { initiative { key } amounts { year amount } } } }`), { id: Buffer.from(`Scenario:${whatIf.key}`).toString("base64") });
    await setAllocations({ scenarioId: whatIf.key, expectedVersion: 1, cells: [{ initiativeId: "vmk", year: 2024, amount: "9" }, { initiativeId: "atmp", year: 2027, amount: "1" }] });
    await mutate("removeInitiative", "RemoveInitiativeInput", { scenarioId: whatIf.key, initiativeId: "trial-nation", expectedVersion: 2 });
    await mutate("addInitiative", "AddInitiativeInput", { scenarioId: whatIf.key, expectedVersion: 3, title: "Nyt", themeId: "innovation", amounts: [{ year: 2024, amount: "1" }] });
    await mutate("updateScenario", "UpdateScenarioInput", { scenarioId: whatIf.key, name: "Omdøbt" });

    const restored = await mutate("restoreScenarioVersion", "RestoreScenarioVersionInput", { scenarioId: whatIf.key, version: 1, expectedVersion: 5, comment: "Tilbage til start" });
    expect(restored).toMatchObject({ __typename: "ScenarioEdit", version: 6 });
    const now = await query(gql(`query LinesAfter($id: ID!) { scenario(id: $id) { name lines { initiative { key } amounts { year amount } } } }`), { id: Buffer.from(`Scenario:${whatIf.key}`).toString("base64") });
    expect(now.scenario!.lines).toEqual(original.scenario!.lines);
    expect(now.scenario!.name).toBe("Omdøbt");
    const kinds = await db.scenarioChange.findMany({ where: { scenarioId: whatIf.key }, orderBy: { version: "asc" }, select: { kind: true } });
    expect(kinds.map((row) => row.kind)).toEqual(["FORKED", "CELLS_SET", "LINE_REMOVED", "LINE_ADDED", "UPDATED", "RESTORED"]);

    // Restoring version 3 (after the removal, before the new line) from 6 takes the proposal out again and trial-nation too.
    const toThree = asMember(await mutate("restoreScenarioVersion", "RestoreScenarioVersionInput", { scenarioId: whatIf.key, version: 3, expectedVersion: 6 }), "ScenarioEdit");
    expect(toThree.version).toBe(7);
    expect(await linesOf(whatIf.key)).not.toContain("trial-nation");
    expect(await cell(whatIf.key, "vmk", 2024)).toBe(mio("9"));
  });

  it("revertChange undoes one change as a new version, and reverting that redoes it; a cell changed since blocks the undo", async () => {
    await setAllocations({ scenarioId: whatIf.key, expectedVersion: 1, cells: [{ initiativeId: "vmk", year: 2024, amount: "9" }, { initiativeId: "atmp", year: 2025, amount: "1" }] });
    await mutate("removeInitiative", "RemoveInitiativeInput", { scenarioId: whatIf.key, initiativeId: "trial-nation", expectedVersion: 2 });
    const undoPaste = await mutate("revertChange", "RevertChangeInput", { scenarioId: whatIf.key, version: 2, expectedVersion: 3 });
    expect(undoPaste).toMatchObject({ __typename: "ScenarioEdit", version: 4 });
    expect(await cell(whatIf.key, "vmk", 2024)).toBe(mio("3.5"));
    expect(await cell(whatIf.key, "atmp", 2025)).toBe(mio("5.5"));
    expect(await linesOf(whatIf.key)).not.toContain("trial-nation");
    const redo = await mutate("revertChange", "RevertChangeInput", { scenarioId: whatIf.key, version: 4, expectedVersion: 4 });
    expect(redo).toMatchObject({ __typename: "ScenarioEdit", version: 5 });
    expect(await cell(whatIf.key, "vmk", 2024)).toBe(mio("9"));
    const undoRemoval = await mutate("revertChange", "RevertChangeInput", { scenarioId: whatIf.key, version: 3, expectedVersion: 5 });
    expect(undoRemoval).toMatchObject({ __typename: "ScenarioEdit", version: 6 });
    expect((await linesOf(whatIf.key)).indexOf("trial-nation")).toBe(3);

    await setAllocation({ scenarioId: whatIf.key, initiativeId: "vmk", year: 2024, amount: "8", expectedVersion: 6 });
    const before = await fingerprint();
    const blocked = asMember(await mutate("revertChange", "RevertChangeInput", { scenarioId: whatIf.key, version: 5, expectedVersion: 7 }), "InvalidInputError");
    expect(blocked.problems).toEqual([expect.objectContaining({ field: "input.version", code: "CHANGED_SINCE", value: "vmk:2024" })]);
    expect(await fingerprint()).toBe(before);
  });

  it("refuses to restore a version the scenario never had", async () => {
    const before = await fingerprint();
    const result = asMember(await mutate("restoreScenarioVersion", "RestoreScenarioVersionInput", { scenarioId: whatIf.key, version: 7, expectedVersion: 1 }), "InvalidInputError");
    expect(result.problems).toEqual([expect.objectContaining({ field: "input.version", code: "UNKNOWN_VERSION", value: "7" })]);
    expect(await fingerprint()).toBe(before);
  });

  it("scenarioChanges gives the changeset since a version or a time, netted per cell", async () => {
    await setAllocation({ scenarioId: whatIf.key, initiativeId: "vmk", year: 2024, amount: "4", expectedVersion: 1 });
    const midway = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await setAllocation({ scenarioId: whatIf.key, initiativeId: "vmk", year: 2024, amount: "5", expectedVersion: 2 });
    await setAllocation({ scenarioId: whatIf.key, initiativeId: "atmp", year: 2025, amount: "1", expectedVersion: 3 });
    const CHANGES = gql(`query ChangesSinceVersionOrTime($id: ID!, $since: ChangesSince!) { scenarioChanges(scenarioId: $id, since: $since) {
      __typename ... on ChangeSet { fromVersion toVersion changes { version } cells { initiativeKey year before after difference } }
      ... on InvalidInputError { problems { field code } } } }`);
    const sinceOne = (await query(CHANGES, { id: whatIf.key, since: { version: 1 } })).scenarioChanges;
    expect(sinceOne).toEqual({
      __typename: "ChangeSet", fromVersion: 1, toVersion: 4, changes: [{ version: 2 }, { version: 3 }, { version: 4 }],
      cells: [
        { initiativeKey: "vmk", year: 2024, before: "3.5", after: "5", difference: "1.5" },
        { initiativeKey: "atmp", year: 2025, before: "5.5", after: "1", difference: "-4.5" },
      ],
    });
    const sinceTime = (await query(CHANGES, { id: whatIf.key, since: { time: midway.toISOString() } })).scenarioChanges;
    if (sinceTime.__typename !== "ChangeSet") throw new Error(`expected a change set: ${JSON.stringify(sinceTime)}`);
    expect(sinceTime.changes).toEqual([{ version: 3 }, { version: 4 }]);
    expect(sinceTime.cells[0]).toEqual({ initiativeKey: "vmk", year: 2024, before: "4", after: "5", difference: "1" });
    const bad = (await query(CHANGES, { id: whatIf.key, since: { version: 99 } })).scenarioChanges;
    if (bad.__typename !== "InvalidInputError") throw new Error(`expected invalid input: ${JSON.stringify(bad)}`);
    expect(bad.problems).toEqual([{ field: "since.version", code: "UNKNOWN_VERSION" }]);
  });

  it("comments on a line or a cell appear on the line and in the history, on baselines too, without a new version", async () => {
    const ADD = gql(`mutation AddLineComment($input: AddCommentInput!) { addComment(input: $input) { __typename ... on Comment { text author year version initiative { key } } ... on InvalidInputError { problems { field code } } } }`);
    const onCell = await query(ADD, { input: { scenarioId: "aftale-2024", initiativeId: "byspildevand", year: 2027, text: "Tabellen skriver 0, ikke -" } }, { actor: "Kim" });
    expect(onCell.addComment).toEqual({ __typename: "Comment", text: "Tabellen skriver 0, ikke -", author: "Kim", year: 2027, version: 1, initiative: { key: "byspildevand" } });
    const lines = await query(gql(`query LineComments($id: ID!) { scenario(id: $id) { version lines { initiative { key } comments { text } } } }`), { id: Buffer.from("Scenario:aftale-2024").toString("base64") });
    expect(lines.scenario!.version).toBe(1);
    expect(lines.scenario!.lines.find((line) => line.initiative.key === "byspildevand")!.comments).toEqual([{ text: "Tabellen skriver 0, ikke -" }]);
    const before = await fingerprint();
    const bad = await query(ADD, { input: { scenarioId: "aftale-2024", initiativeId: "reserve", year: 2030, text: " " } });
    if (bad.addComment.__typename !== "InvalidInputError") throw new Error(`expected invalid input: ${JSON.stringify(bad.addComment)}`);
    expect(bad.addComment.problems).toEqual([{ field: "input.text", code: "REQUIRED" }]);
    const badLine = await query(ADD, { input: { scenarioId: "aftale-2024", initiativeId: "reserve", year: 2030, text: "x" } });
    if (badLine.addComment.__typename !== "InvalidInputError") throw new Error(`expected invalid input: ${JSON.stringify(badLine.addComment)}`);
    expect(badLine.addComment.problems).toEqual([{ field: "input.initiativeId", code: "NOT_IN_SCENARIO" }, { field: "input.year", code: "YEAR_OUTSIDE_FRAME" }]);
    expect(await fingerprint()).toBe(before);
  });
});
