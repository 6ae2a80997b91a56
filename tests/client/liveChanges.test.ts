import { mio } from "@ramme/domain";
import { describe, expect, it } from "vitest";
import { buildBodyRows, buildSummaryRows, createRowCache, keepUnchangedSummaryRows, type LineMeta } from "../../client/src/features/grid/gridRows.ts";
import { adoptsFetched, advance, describeChange, planLiveChange, shortTitle, type Held, type ScenarioChange } from "../../client/src/features/live/liveChanges.ts";
import { render } from "../../client/src/i18n/messages.ts";

const years = [2024, 2025];
const frame = new Map([[2024, mio("100")], [2025, mio("100")]]);
const themes = [{ key: "t", title: "Tema", position: 1 }, { key: "u", title: "Andet tema", position: 2 }];
const line = (key: string, themeKey: string, title = key.toUpperCase()): LineMeta => ({ key, title, themeKey, isReserve: false, isProposal: false, sources: "" });
const lines = [line("vmk", "t", "Oprette en fjerde Videnskabsetisk Medicinsk Komité (VMK)"), line("atmp", "t"), line("data", "u")];

/** Version 4 of a scenario: 2024 allocates 3.5 + 5 + 60 = 68.5, 2025 allocates 2.5 + 5.5 + 92 = 100. */
const held: Held = {
  version: 4,
  cells: new Map([
    ["vmk", new Map([[2024, mio("3.5")], [2025, mio("2.5")]])],
    ["atmp", new Map([[2024, mio("5")], [2025, mio("5.5")]])],
    ["data", new Map([[2024, mio("60")], [2025, mio("92")]])],
  ]),
};

/** A change as the server sends it, with its totals after the change. */
function change(version: number, cells: Array<[string, number, string, string]>, allocated: Record<number, string>, overrides: Partial<ScenarioChange> = {}): ScenarioChange {
  return {
    version,
    kind: "CELLS_SET",
    actor: "Søren",
    at: "2025-03-01T12:00:00.000Z",
    comment: null,
    cellsOnly: true,
    cells: cells.map(([initiativeKey, year, before, after]) => ({ initiative: { key: initiativeKey }, year, before, after })),
    linesAdded: [],
    linesRemoved: [],
    totals: years.map((year) => ({ year, allocated: allocated[year]!, frame: "100", headroom: "0", overBy: "0", fitsFrame: true })),
    fitsFrame: true,
    ...overrides,
  };
}

describe("a live change applied to the grid's cells", () => {
  it("sets the changed cells in the cells the grid holds; only the changed line and its theme get new rows, and the pinned totals follow", () => {
    const cache = createRowCache();
    const rowsBefore = buildBodyRows(lines, themes, held.cells, years, cache);
    // Søren raises VMK 2025 from 2.5 to 3.0: 2025 allocates 100.5, half a million over the frame.
    const plan = planLiveChange(change(5, [["vmk", 2025, "2.5", "3"]], { 2024: "68.5", 2025: "100.5" }), held);
    expect(plan.kind).toBe("apply");
    if (plan.kind !== "apply") return;
    expect(plan.totalsAgree).toBe(true);
    expect(plan.cells.get("vmk")).toEqual(new Map([[2024, mio("3.5")], [2025, mio("3")]]));
    // The untouched lines keep their maps, so the row cache reuses their rows.
    expect(plan.cells.get("atmp")).toBe(held.cells.get("atmp"));
    expect(plan.cells.get("data")).toBe(held.cells.get("data"));
    // What it holds is not changed in place.
    expect(held.cells.get("vmk")!.get(2025)).toBe(mio("2.5"));

    const rowsAfter = buildBodyRows(lines, themes, plan.cells, years, cache);
    expect(rowsAfter.filter((row, index) => row !== rowsBefore[index]).map((row) => row.id)).toEqual(["theme:t", "vmk"]);
    const summary = buildSummaryRows(rowsAfter, frame, years);
    expect(summary.find((row) => row.kind === "allocated")!.amounts).toEqual({ 2024: mio("68.5"), 2025: mio("100.5") });
    expect(summary.find((row) => row.kind === "headroom")!.amounts).toEqual({ 2024: mio("31.5"), 2025: mio("-0.5") });
  });

  it("keeps the pinned rows an edit did not move as the same objects (the grid redraws only allocated and headroom)", () => {
    const cache = createRowCache();
    const stated = [{ year: 2024, stated: mio("68.5"), difference: 0n, explained: 0n, unexplained: 0n, status: "MATCHES" as const, footnoteMarkers: [] }];
    const before = buildSummaryRows(buildBodyRows(lines, themes, held.cells, years, cache), frame, years, stated);
    const plan = planLiveChange(change(5, [["vmk", 2025, "2.5", "3"]], { 2024: "68.5", 2025: "100.5" }), held);
    if (plan.kind !== "apply") throw new Error("expected the change to apply");
    const after = keepUnchangedSummaryRows(before, buildSummaryRows(buildBodyRows(lines, themes, plan.cells, years, cache), frame, years, stated), years);
    expect(after.map((row) => (row === before.find((old) => old.id === row.id) ? `${row.kind}: kept` : `${row.kind}: new`))).toEqual(["allocated: new", "frame: kept", "headroom: new", "stated: kept"]);
    expect(after.find((row) => row.kind === "headroom")!.amounts).toEqual({ 2024: mio("31.5"), 2025: mio("-0.5") });
    // The same figures in new objects (a rebuild after a reload) are kept too; a changed frame is not.
    expect(keepUnchangedSummaryRows(after, buildSummaryRows(buildBodyRows(lines, themes, plan.cells, years, cache), frame, years, stated), years).every((row, index) => row === after[index])).toBe(true);
    const raised = new Map([[2024, mio("100")], [2025, mio("101")]]);
    expect(keepUnchangedSummaryRows(after, buildSummaryRows(buildBodyRows(lines, themes, plan.cells, years, cache), raised, years, stated), years).map((row, index) => row === after[index])).toEqual([true, false, false, true]);
  });

  it("applies several cells of one change, a paste, as one step", () => {
    const plan = planLiveChange(change(5, [["vmk", 2024, "3.5", "1"], ["atmp", 2024, "5", "1"], ["atmp", 2025, "5.5", "0"]], { 2024: "62", 2025: "94.5" }), held);
    expect(plan).toMatchObject({ kind: "apply", totalsAgree: true });
    if (plan.kind !== "apply") return;
    expect(plan.cells.get("atmp")).toEqual(new Map([[2024, mio("1")], [2025, 0n]]));
  });

  it("ignores a version the grid already holds: our own edit's echo after the server's answer, or a delivery repeated after a reconnect", () => {
    expect(planLiveChange(change(4, [["vmk", 2025, "2.5", "3"]], { 2024: "68.5", 2025: "100.5" }), held)).toEqual({ kind: "ignore" });
    expect(planLiveChange(change(3, [["vmk", 2025, "2", "2.5"]], { 2024: "68.5", 2025: "100" }), held)).toEqual({ kind: "ignore" });
  });

  it("reloads when lines came or went or the settings changed, however few cells it names", () => {
    const added = change(5, [["new-line", 2025, "0", "1"]], { 2024: "68.5", 2025: "101" }, { kind: "LINE_ADDED", cellsOnly: false, linesAdded: ["new-line"] });
    expect(planLiveChange(added, held)).toEqual({ kind: "reload" });
    expect(planLiveChange(change(5, [], { 2024: "68.5", 2025: "100" }, { kind: "LOCKED", cellsOnly: false }), held)).toEqual({ kind: "reload" });
  });

  it("reloads when versions in between were never seen, rather than applying a change to cells it was not made on", () => {
    expect(planLiveChange(change(6, [["vmk", 2025, "2.8", "3"]], { 2024: "68.5", 2025: "100.5" }), held)).toEqual({ kind: "reload" });
  });

  it("says when the cells do not add up to the server's totals (an edit of ours still on its way, or a drifted grid)", () => {
    // The grid shows a local 2024 edit not yet saved: VMK 4.0 instead of 3.5.
    const withPending: Held = { version: 4, cells: new Map(held.cells).set("vmk", new Map([[2024, mio("4")], [2025, mio("2.5")]])) };
    const plan = planLiveChange(change(5, [["atmp", 2025, "5.5", "6"]], { 2024: "68.5", 2025: "100.5" }), withPending);
    expect(plan).toMatchObject({ kind: "apply", totalsAgree: false });
  });
});

describe("the server's answer to our own edit", () => {
  it("moves the grid to the version it made, or changes nothing when the live echo came first, or asks for a reload over a gap", () => {
    const cells = [{ initiative: { key: "vmk" }, year: 2024, after: "4" }];
    const next = advance(held, 5, cells);
    expect(next.kind).toBe("next");
    if (next.kind === "next") expect(next.cells.get("vmk")!.get(2024)).toBe(mio("4"));
    expect(advance({ ...held, version: 5 }, 5, cells)).toEqual({ kind: "shown" });
    expect(advance(held, 7, cells)).toEqual({ kind: "gap" });
  });
});

describe("a scenario a query returned", () => {
  const shown = { key: "what-if", version: 4 };
  it("is never taken when it is older than the version the grid holds after live changes", () => {
    expect(adoptsFetched(shown, { key: "what-if", version: 4 }, 6, true)).toBe(false);
  });
  it("is taken when it is newer, or another scenario, or the first", () => {
    expect(adoptsFetched(shown, { key: "what-if", version: 7 }, 6, false)).toBe(true);
    expect(adoptsFetched(shown, { key: "other", version: 1 }, 6, false)).toBe(true);
    expect(adoptsFetched(null, { key: "what-if", version: 4 }, 0, false)).toBe(true);
  });
  it("at the version held, is taken when the grid asked (a reload) or it settles a version reached by edits, not as a background refresh of what is shown", () => {
    expect(adoptsFetched(shown, { key: "what-if", version: 4 }, 4, true)).toBe(true);
    expect(adoptsFetched(shown, { key: "what-if", version: 6 }, 6, false)).toBe(true);
    expect(adoptsFetched(shown, { key: "what-if", version: 4 }, 4, false)).toBe(false);
  });
});

describe("the announcement of someone else's change", () => {
  const lineTitle = (key: string) => lines.find((entry) => entry.key === key)?.title ?? key;
  const describeWith = (locale: "da" | "en") => (change: ScenarioChange) => render(locale, describeChange(change, lineTitle));

  it("names who, which cell, and from what to what, in the user's language", () => {
    const one = change(5, [["vmk", 2025, "2.5", "3"]], { 2024: "68.5", 2025: "100.5" });
    expect(describeWith("da")(one)).toBe("Søren ændrede »Oprette en fjerde Videnskabsetisk Medicinsk…« 2025 fra 2,5 til 3,0.");
    expect(describeWith("en")({ ...one, cells: [{ initiative: { key: "atmp" }, year: 2024, before: "1234.5", after: "0" }] })).toBe("Søren changed “ATMP” 2024 from 1,234.5 to 0.0.");
  });

  it("counts the cells of a larger change, and says when the scenario itself changed", () => {
    expect(describeWith("da")(change(5, [["vmk", 2024, "3.5", "1"], ["atmp", 2024, "5", "1"]], { 2024: "62", 2025: "100" }))).toBe("Søren ændrede 2 celler.");
    expect(describeWith("da")(change(5, [], { 2024: "68.5", 2025: "100" }, { kind: "LOCKED", cellsOnly: false }))).toBe("Søren ændrede scenariet; version 5 er hentet.");
  });

  it("shortens a long title at a word", () => {
    expect(shortTitle("VMK")).toBe("VMK");
    expect(shortTitle("Oprette en fjerde Videnskabsetisk Medicinsk Komité (VMK)")).toBe("Oprette en fjerde Videnskabsetisk Medicinsk…");
    expect(shortTitle("x".repeat(60))).toBe(`${"x".repeat(48)}…`);
  });
});
