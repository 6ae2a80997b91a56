import { mio } from "@ramme/domain";
import { beforeEach, describe, expect, it } from "vitest";
import { gql } from "../support/documents.ts";
import { db, query } from "../support/graphql.ts";
import { cell, fingerprint, fork, mutate, setAllocation, setAllocations } from "../support/scenarios.ts";
import { asMember, firstEntries } from "../support/unions.ts";

let whatIf: { key: string; version: number };
beforeEach(async () => {
  whatIf = await fork("aftale-2024", "Mere til forskning");
});

describe("forkScenario", () => {
  it("copies every line and cell of a baseline into an unlocked what-if that remembers its parent and the parent's version", async () => {
    const data = await query(gql(`query ForkedScenario($id: ID!) { scenario(id: $id) { kind locked mustFit version parent { key version } lines { initiative { key } amounts { year amount } } } }`), {
      id: Buffer.from(`Scenario:${whatIf.key}`).toString("base64"),
    });
    const baseline = await query(gql(`query BaselineLines { scenarios(kind: BASELINE) { nodes { key lines { initiative { key } amounts { year amount } } } } }`));
    const agreement = baseline.scenarios.nodes.find((node) => node.key === "aftale-2024");
    expect(data.scenario).toMatchObject({ kind: "WHAT_IF", locked: false, mustFit: false, version: 1, parent: { key: "aftale-2024" } });
    expect(data.scenario!.lines).toEqual(agreement!.lines);
    expect(data.scenario!.lines).toHaveLength(25);
    const row = await db.scenario.findUniqueOrThrow({ where: { id: whatIf.key } });
    expect(row.forkedFromVersion).toBe(data.scenario!.parent!.version);
  });

  it("refuses a blank name and an unknown source, storing nothing", async () => {
    const before = await fingerprint();
    const blank = asMember(await mutate("forkScenario", "ForkScenarioInput", { sourceId: "aftale-2024", name: "   " }), "InvalidInputError");
    expect(blank.problems).toEqual([{ field: "input.name", code: "REQUIRED", message: expect.any(String), value: "   " }]);
    const unknown = asMember(await mutate("forkScenario", "ForkScenarioInput", { sourceId: "ingen-saadan", name: "X" }), "InvalidInputError");
    expect(unknown.problems[0]).toMatchObject({ field: "input.sourceId", code: "UNKNOWN_SCENARIO", value: "ingen-saadan" });
    expect(await fingerprint()).toBe(before);
  });
});

describe("setAllocation", () => {
  it("stores one cell, returns the new version and the year's totals against the frame, and records who changed what", async () => {
    // The agreement allocates 100.0 in 2025; vmk has 2.5 that year.
    const result = asMember(await setAllocation(
      { scenarioId: whatIf.key, initiativeId: "vmk", year: 2025, amount: "3.0", expectedVersion: 1, comment: "VMK skal have mere" },
      { actor: "Søren Ø." },
    ), "ScenarioEdit");
    expect(result.__typename).toBe("ScenarioEdit");
    expect(result.version).toBe(2);
    expect(result.cells).toEqual([{ initiativeKey: "vmk", year: 2025, before: "2.5", after: "3", difference: "0.5" }]);
    const y2025 = result.yearTotals.find((total: { year: number }) => total.year === 2025);
    expect(y2025).toEqual({ year: 2025, allocated: "100.5", frame: "100", headroom: "-0.5", overBy: "0.5", fitsFrame: false });
    expect(result.overFrame).toEqual([{ year: 2025, overBy: "0.5" }]);
    expect(result.fitsFrame).toBe(false);
    expect(await cell(whatIf.key, "vmk", 2025)).toBe(mio("3"));

    const history = await query(gql(`query CellHistory($id: ID!) { history(scenarioId: $id) { nodes { version kind actor comment cells { initiativeKey year before after } } } }`), { id: whatIf.key });
    expect(history.history.nodes).toEqual([
      { version: 2, kind: "CELLS_SET", actor: "Søren Ø.", comment: "VMK skal have mere", cells: [{ initiativeKey: "vmk", year: 2025, before: "2.5", after: "3" }] },
      { version: 1, kind: "FORKED", actor: "Lokal bruger", comment: null, cells: [] },
    ]);
  });

  it("accepts the initiative's global ID as well as its key", async () => {
    const result = await setAllocation({ scenarioId: whatIf.key, initiativeId: Buffer.from("Initiative:vmk").toString("base64"), year: 2024, amount: "3.4", expectedVersion: 1 });
    expect(result.__typename).toBe("ScenarioEdit");
    expect(await cell(whatIf.key, "vmk", 2024)).toBe(mio("3.4"));
  });

  it("setting a cell to the amount it already has makes no new version", async () => {
    const result = await setAllocation({ scenarioId: whatIf.key, initiativeId: "vmk", year: 2024, amount: "3.5", expectedVersion: 1 });
    expect(result).toMatchObject({ __typename: "ScenarioEdit", version: 1, changed: false, cells: [] });
  });

  it('reads "3,5" as 3.5 only with notation DANISH', async () => {
    const api = asMember(await setAllocation({ scenarioId: whatIf.key, initiativeId: "vmk", year: 2024, amount: "3,5", expectedVersion: 1 }), "InvalidInputError");
    expect(api.problems).toEqual([{ field: "input.amount", code: "NOT_A_NUMBER", message: expect.stringContaining('"3,5"'), value: "3,5" }]);
    const danish = await setAllocation({ scenarioId: whatIf.key, initiativeId: "vmk", year: 2024, amount: "4,5", expectedVersion: 1, notation: "DANISH" });
    expect(danish.__typename).toBe("ScenarioEdit");
    expect(await cell(whatIf.key, "vmk", 2024)).toBe(mio("4.5"));
  });

  describe("refuses bad input with a typed error naming the field, and stores nothing", () => {
    const cases: Array<[string, Record<string, unknown>, { field: string; code: string }]> = [
      ["letters", { amount: "abc" }, { field: "input.amount", code: "NOT_A_NUMBER" }],
      ["an exponent", { amount: "1e400" }, { field: "input.amount", code: "NOT_A_NUMBER" }],
      ["NaN", { amount: "NaN" }, { field: "input.amount", code: "NOT_A_NUMBER" }],
      ["Infinity", { amount: "Infinity" }, { field: "input.amount", code: "NOT_A_NUMBER" }],
      ["an empty string", { amount: "" }, { field: "input.amount", code: "EMPTY" }],
      ["a negative amount", { amount: "-1" }, { field: "input.amount", code: "NEGATIVE" }],
      ["more decimals than the frame's one", { amount: "0.05" }, { field: "input.amount", code: "TOO_PRECISE" }],
      ["an amount above the ceiling", { amount: "1000000.1" }, { field: "input.amount", code: "TOO_LARGE" }],
      ["a 400-digit number", { amount: "9".repeat(400) }, { field: "input.amount", code: "TOO_LARGE" }],
      ["a year outside the frame", { year: 2028 }, { field: "input.year", code: "YEAR_OUTSIDE_FRAME" }],
      ["an unknown initiative", { initiativeId: "findes-ikke" }, { field: "input.initiativeId", code: "UNKNOWN_INITIATIVE" }],
      ["an initiative that is not a line of the scenario", { initiativeId: "reserve" }, { field: "input.initiativeId", code: "NOT_IN_SCENARIO" }],
      ["another type's global ID as initiative", { initiativeId: Buffer.from("Theme:innovation").toString("base64") }, { field: "input.initiativeId", code: "MALFORMED_ID" }],
      ["an unknown scenario", { scenarioId: "findes-ikke" }, { field: "input.scenarioId", code: "UNKNOWN_SCENARIO" }],
      ["an empty scenario ID", { scenarioId: "" }, { field: "input.scenarioId", code: "REQUIRED" }],
      ["a comment of 5,000 characters", { comment: "x".repeat(5000) }, { field: "input.comment", code: "TOO_LONG" }],
      ['"2.000" in Danish notation (two thousand, or two?)', { amount: "2.000", notation: "DANISH" }, { field: "input.amount", code: "AMBIGUOUS" }],
      ['"1,000" in Danish notation (English thousand, or Danish one?)', { amount: "1,000", notation: "DANISH" }, { field: "input.amount", code: "AMBIGUOUS" }],
    ];
    it.each(cases)("%s", async (_name, change, expected) => {
      const before = await fingerprint();
      const result = asMember(await setAllocation({ scenarioId: whatIf.key, initiativeId: "vmk", year: 2024, amount: "3.0", expectedVersion: 1, ...change }), "InvalidInputError");
      expect(result.__typename).toBe("InvalidInputError");
      expect(result.problems).toEqual([expect.objectContaining(expected)]);
      expect(await fingerprint()).toBe(before);
    });

    it("a JSON number instead of a string is refused by the schema before anything runs", async () => {
      const before = await fingerprint();
      const response = await import("../support/graphql.ts").then(({ graphql }) =>
        graphql(`mutation($input: SetAllocationInput!) { setAllocation(input: $input) { __typename } }`, {
          input: { scenarioId: whatIf.key, initiativeId: "vmk", year: 2024, amount: 3.1, expectedVersion: 1 },
        }),
      );
      expect(response.data).toBeUndefined();
      expect(response.errors?.[0]?.message).toMatch(/String cannot represent a non string value/);
      expect(await fingerprint()).toBe(before);
    });
  });
});

describe("locked scenarios", () => {
  it("refuses edits to a baseline: baselines are always locked", async () => {
    const before = await fingerprint();
    const result = await setAllocation({ scenarioId: "aftale-2024", initiativeId: "vmk", year: 2024, amount: "1", expectedVersion: 1 });
    expect(result).toMatchObject({ __typename: "ScenarioLockedError", scenarioKey: "aftale-2024", reason: "BASELINE" });
    const unlock = await mutate("unlockScenario", "ScenarioStatusInput", { scenarioId: "aftale-2024" });
    expect(unlock).toMatchObject({ __typename: "ScenarioLockedError", reason: "BASELINE" });
    expect(await fingerprint()).toBe(before);
  });

  it("a locked what-if refuses edits until unlocked; archived ones until unarchived", async () => {
    const locked = await mutate("lockScenario", "ScenarioStatusInput", { scenarioId: whatIf.key, expectedVersion: 1 });
    expect(locked).toMatchObject({ __typename: "ScenarioEdit", version: 2 });
    const refused = await setAllocation({ scenarioId: whatIf.key, initiativeId: "vmk", year: 2024, amount: "1", expectedVersion: 2 });
    expect(refused).toMatchObject({ __typename: "ScenarioLockedError", reason: "LOCKED" });
    expect(await mutate("unlockScenario", "ScenarioStatusInput", { scenarioId: whatIf.key })).toMatchObject({ version: 3 });
    expect(await mutate("archiveScenario", "ScenarioStatusInput", { scenarioId: whatIf.key })).toMatchObject({ version: 4 });
    const archived = await setAllocation({ scenarioId: whatIf.key, initiativeId: "vmk", year: 2024, amount: "1", expectedVersion: 4 });
    expect(archived).toMatchObject({ __typename: "ScenarioLockedError", reason: "ARCHIVED" });
    const list = await query(gql(`query WithAndWithoutArchived { scenarios(first: 100) { nodes { key } } all: scenarios(includeArchived: true, first: 100) { nodes { key archived } } }`));
    expect(list.scenarios.nodes.map((node) => node.key)).not.toContain(whatIf.key);
    expect(list.all.nodes).toContainEqual({ key: whatIf.key, archived: true });
    expect(await mutate("unarchiveScenario", "ScenarioStatusInput", { scenarioId: whatIf.key })).toMatchObject({ version: 5 });
    expect(await setAllocation({ scenarioId: whatIf.key, initiativeId: "vmk", year: 2024, amount: "1", expectedVersion: 5 })).toMatchObject({ version: 6 });
    const kinds = await db.scenarioChange.findMany({ where: { scenarioId: whatIf.key }, orderBy: { version: "asc" }, select: { kind: true } });
    expect(kinds.map((row) => row.kind)).toEqual(["FORKED", "LOCKED", "UNLOCKED", "ARCHIVED", "UNARCHIVED", "CELLS_SET"]);
  });
});

describe("the frame", () => {
  it("a must-fit scenario refuses an edit that breaks the frame, naming the years and amounts", async () => {
    const marked = await mutate("updateScenario", "UpdateScenarioInput", { scenarioId: whatIf.key, mustFit: true, expectedVersion: 1 });
    expect(marked).toMatchObject({ __typename: "ScenarioEdit", version: 2 });
    const before = await fingerprint();
    const result = asMember(await setAllocations({
      scenarioId: whatIf.key,
      expectedVersion: 2,
      cells: [
        // The agreement allocates 98.9 in 2024 and 100.0 in 2025-2027; vmk has 3.5 and 2.5.
        { initiativeId: "vmk", year: 2024, amount: "5.7" },
        { initiativeId: "vmk", year: 2026, amount: "2.6" },
        { initiativeId: "vmk", year: 2027, amount: "2.0" },
      ],
    }), "FrameExceededError");
    expect(result.__typename).toBe("FrameExceededError");
    expect(result.years).toEqual([
      { year: 2024, allocated: "101.1", frame: "100", overBy: "1.1" },
      { year: 2026, allocated: "100.1", frame: "100", overBy: "0.1" },
    ]);
    expect(await fingerprint()).toBe(before);
    // Lowering a line keeps it inside: accepted.
    expect(await setAllocation({ scenarioId: whatIf.key, initiativeId: "vmk", year: 2024, amount: "3.0", expectedVersion: 2 })).toMatchObject({
      __typename: "ScenarioEdit",
      fitsFrame: true,
    });
  });

  it("a scenario over the frame cannot be marked must-fit", async () => {
    await setAllocation({ scenarioId: whatIf.key, initiativeId: "vmk", year: 2027, amount: "3.5", expectedVersion: 1 });
    const before = await fingerprint();
    const result = await mutate("updateScenario", "UpdateScenarioInput", { scenarioId: whatIf.key, mustFit: true });
    expect(result).toMatchObject({ __typename: "FrameExceededError", years: [{ year: 2027, overBy: "1" }] });
    expect(await fingerprint()).toBe(before);
  });
});

describe("concurrency", () => {
  it("a stale expectedVersion is refused with the current version and the cells changed since", async () => {
    await setAllocation({ scenarioId: whatIf.key, initiativeId: "vmk", year: 2024, amount: "3.0", expectedVersion: 1 }, { actor: "Anna" });
    const before = await fingerprint();
    const stale = await setAllocation({ scenarioId: whatIf.key, initiativeId: "trial-nation", year: 2024, amount: "5.0", expectedVersion: 1 }, { actor: "Bo" });
    expect(stale).toMatchObject({
      __typename: "VersionConflictError",
      expectedVersion: 1,
      currentVersion: 2,
      cellsChangedSince: [{ initiativeKey: "vmk", year: 2024, before: "3.5", after: "3" }],
      changesSince: [{ version: 2, actor: "Anna", kind: "CELLS_SET" }],
    });
    expect(await fingerprint()).toBe(before);
  });

  it("of 40 writers sending the same expectedVersion at once, exactly one wins and 39 get VersionConflictError", async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        setAllocation({ scenarioId: whatIf.key, initiativeId: "vmk", year: 2024, amount: `${index + 1}.0`, expectedVersion: 1 }, { actor: `writer ${index}` }),
      ),
    );
    const winners = results.filter((result) => result.__typename === "ScenarioEdit");
    const conflicts = results.filter((result) => result.__typename === "VersionConflictError");
    expect(winners).toHaveLength(1);
    expect(conflicts).toHaveLength(39);
    expect(conflicts.every((conflict) => conflict.currentVersion === 2)).toBe(true);
    const [winner] = firstEntries(winners, 1);
    const [written] = firstEntries(winner.cells, 1);
    // The winner set the cell to an amount, never cleared it: `after` is not null.
    expect(await cell(whatIf.key, "vmk", 2024)).toBe(mio(written.after ?? "null"));
  });

  it("many writers retrying on conflict: every acknowledged edit is present afterwards and the history has one entry per version", async () => {
    const writers = 12;
    const editsPerWriter = 5;
    const lines = ["vmk", "trial-nation", "atmp", "industriparker"];
    const acknowledged = new Map<string, string>();
    let conflicts = 0;
    await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        for (let edit = 0; edit < editsPerWriter; edit += 1) {
          // Overlapping cells: writers share lines and years.
          const initiativeId = lines[(writer + edit) % lines.length]!;
          const year = 2024 + (edit % 4);
          const amount = `${writer}.${edit}`;
          for (;;) {
            const current = await db.scenario.findUniqueOrThrow({ where: { id: whatIf.key }, select: { version: true } });
            const result = await setAllocation({ scenarioId: whatIf.key, initiativeId, year, amount, expectedVersion: current.version }, { actor: `w${writer}` });
            if (result.__typename === "ScenarioEdit") {
              acknowledged.set(`${initiativeId}:${year}:${result.version}`, amount);
              break;
            }
            expect(result.__typename).toBe("VersionConflictError");
            conflicts += 1;
          }
        }
      }),
    );
    // Replay the acknowledged edits in version order: the last per cell must be what is stored.
    const lastPerCell = new Map<string, string>();
    for (const [key, amount] of [...acknowledged].sort((a, b) => Number(a[0].split(":")[2]) - Number(b[0].split(":")[2]))) {
      const [initiativeId, year] = key.split(":");
      lastPerCell.set(`${initiativeId}:${year}`, amount);
    }
    for (const [key, amount] of lastPerCell) {
      const [initiativeId, year] = key.split(":");
      expect(await cell(whatIf.key, initiativeId!, Number(year))).toBe(mio(amount));
    }
    const scenario = await db.scenario.findUniqueOrThrow({ where: { id: whatIf.key } });
    const changes = await db.scenarioChange.findMany({ where: { scenarioId: whatIf.key }, orderBy: { version: "asc" } });
    expect(changes.map((change) => change.version)).toEqual(Array.from({ length: scenario.version }, (_, index) => index + 1));
    // Some edits set a cell to the value it already had (no new version), so versions ≤ edits + 1.
    expect(scenario.version).toBeLessThanOrEqual(writers * editsPerWriter + 1);
    expect(conflicts).toBeGreaterThan(0);
  }, 120_000);
});

describe("setAllocations", () => {
  it("stores a pasted block in one version", async () => {
    const years = [2024, 2025, 2026, 2027];
    const lines = ["vmk", "trial-nation", "atmp"];
    const cells = lines.flatMap((initiativeId) => years.map((year) => ({ initiativeId, year, amount: "1.5" })));
    const result = asMember(await setAllocations({ scenarioId: whatIf.key, expectedVersion: 1, cells, comment: "Indsat fra Excel" }), "ScenarioEdit");
    expect(result).toMatchObject({ __typename: "ScenarioEdit", version: 2 });
    expect(result.cells).toHaveLength(12);
    for (const initiativeId of lines) for (const year of years) expect(await cell(whatIf.key, initiativeId, year)).toBe(mio("1.5"));
    const comments = await db.comment.findMany({ where: { scenarioId: whatIf.key }, orderBy: { initiativeId: "asc" } });
    expect(comments.map((comment) => [comment.initiativeId, comment.year, comment.text])).toEqual([
      ["atmp", null, "Indsat fra Excel"],
      ["trial-nation", null, "Indsat fra Excel"],
      ["vmk", null, "Indsat fra Excel"],
    ]);
  });

  it("is all or nothing: one bad cell among many stores none, and every bad cell is named", async () => {
    const before = await fingerprint();
    const cells = [
      { initiativeId: "vmk", year: 2024, amount: "1.0" },
      { initiativeId: "atmp", year: 2025, amount: "abc" },
      { initiativeId: "trial-nation", year: 2026, amount: "2.0" },
      { initiativeId: "findes-ikke", year: 2026, amount: "2.0" },
      { initiativeId: "vmk", year: 2024, amount: "1.0" },
    ];
    const result = asMember(await setAllocations({ scenarioId: whatIf.key, expectedVersion: 1, cells }), "InvalidInputError");
    expect(result.__typename).toBe("InvalidInputError");
    expect(result.problems.map((problem: { field: string; code: string }) => [problem.field, problem.code])).toEqual([
      ["input.cells[1].amount", "NOT_A_NUMBER"],
      ["input.cells[4]", "DUPLICATE_CELL"],
      ["input.cells[3].initiativeId", "UNKNOWN_INITIATIVE"],
    ]);
    expect(await fingerprint()).toBe(before);
  });

  it("takes a paste of 4,000 cells on a scenario with 1,000 lines in one transaction", async () => {
    const theme = await db.theme.findFirstOrThrow();
    const ids = Array.from({ length: 1000 }, (_, index) => `stor-${index}`);
    await db.initiative.createMany({ data: ids.map((id) => ({ id, themeId: theme.id, title: id, sources: [] })) });
    await db.scenarioLine.createMany({ data: ids.map((initiativeId, position) => ({ scenarioId: whatIf.key, initiativeId, position: 100 + position })) });
    await db.allocation.createMany({ data: ids.flatMap((initiativeId) => [2024, 2025, 2026, 2027].map((year) => ({ scenarioId: whatIf.key, initiativeId, year, amount: 0n }))) });
    const cells = ids.flatMap((initiativeId, index) => [2024, 2025, 2026, 2027].map((year) => ({ initiativeId, year, amount: `${index % 10}.${year % 10}` })));
    const result = await setAllocations({ scenarioId: whatIf.key, expectedVersion: 1, cells });
    expect(result).toMatchObject({ __typename: "ScenarioEdit", version: 2 });
    expect(await cell(whatIf.key, "stor-999", 2027)).toBe(mio("9.7"));
    // Every amount ends in 4-7 after the point, so all 4,000 cells changed from 0 and are in the history.
    expect(await db.cellChange.count({ where: { change: { scenarioId: whatIf.key } } })).toBe(4000);
  });
});
