/**
 * The fork tree and the one-line summary of a scenario's change. The
 * negotiation's figures are hand arithmetic on the printed tables (fixtures/baselines.ts).
 */
import { describe, expect, test } from "vitest";
import { compareScenarios, lineageTree, mio, summarizeChange, type ScenarioSnapshot } from "@ramme/domain";
import { agreement, frame, proposal } from "./fixtures/baselines.ts";

interface Row {
  id: string;
  parentId: string | null;
  createdAt: number;
}

const byCreation = (a: Row, b: Row) => a.createdAt - b.createdAt;
const layout = (entries: Array<{ row: Row; depth: number }>) => entries.map((entry) => `${"  ".repeat(entry.depth)}${entry.row.id}`);

describe("lineageTree", () => {
  // Two baselines; the agreement has two forks, the first of which has a fork of its own.
  const rows: Row[] = [
    { id: "b-fork", parentId: "aftale", createdAt: 5 },
    { id: "aftale", parentId: null, createdAt: 2 },
    { id: "a-fork", parentId: "aftale", createdAt: 3 },
    { id: "udspil", parentId: null, createdAt: 1 },
    { id: "a-grandchild", parentId: "a-fork", createdAt: 4 },
    { id: "u-fork", parentId: "udspil", createdAt: 6 },
  ];

  test("lays out every root with its descendants depth first, siblings oldest first", () => {
    expect(layout(lineageTree(rows, { compareSiblings: byCreation }))).toEqual([
      "udspil",
      "  u-fork",
      "aftale",
      "  a-fork",
      "    a-grandchild",
      "  b-fork",
    ]);
  });

  test("without an order, siblings keep the order of the rows", () => {
    expect(layout(lineageTree(rows))).toEqual(["aftale", "  b-fork", "  a-fork", "    a-grandchild", "udspil", "  u-fork"]);
  });

  test("from a root: that scenario and its descendants only; an unknown root gives nothing", () => {
    expect(layout(lineageTree(rows, { rootId: "a-fork" }))).toEqual(["a-fork", "  a-grandchild"]);
    expect(lineageTree(rows, { rootId: "findes-ikke" })).toEqual([]);
  });

  test("a row whose parent is not among the rows is a root (a subtree loaded on its own)", () => {
    expect(layout(lineageTree(rows.filter((row) => row.id !== "aftale"), { compareSiblings: byCreation }))).toEqual([
      "udspil",
      "  u-fork",
      "a-fork",
      "  a-grandchild",
      "b-fork",
    ]);
  });

  test("a chain of 100,000 forks is laid out without running out of stack", () => {
    const chain: Row[] = Array.from({ length: 100_000 }, (_, index) => ({ id: `s${index}`, parentId: index === 0 ? null : `s${index - 1}`, createdAt: index }));
    const tree = lineageTree(chain);
    expect(tree).toHaveLength(100_000);
    expect(tree.at(-1)).toEqual({ row: chain.at(-1), depth: 99_999 });
  });

  test("a cycle in bad data ends: each row is placed once, rows only in a cycle are left out", () => {
    const cyclic: Row[] = [
      { id: "a", parentId: "b", createdAt: 1 },
      { id: "b", parentId: "a", createdAt: 2 },
      { id: "root", parentId: null, createdAt: 0 },
    ];
    expect(layout(lineageTree(cyclic))).toEqual(["root"]);
    expect(layout(lineageTree(cyclic, { rootId: "a" }))).toEqual(["a", "  b"]);
  });
});

describe("summarizeChange", () => {
  test("the negotiation, proposal → agreement: 1 changed, 6 added, 1 removed; 2024's total down 0,2, the other years unchanged", () => {
    // 2024: the agreement's lines sum to 98,9 against the proposal's 99,1; 2025–2027 use the frame both times.
    const comparison = compareScenarios(proposal, agreement, frame);
    expect(summarizeChange(comparison, "da")).toBe("1 linje ændret, 6 tilføjet, 1 fjernet; -0,2 mio. kr. i 2024");
    expect(summarizeChange(comparison, "en")).toBe("1 line changed, 6 added, 1 removed; DKK -0.2 million in 2024");
  });

  const edited = (edits: Record<string, Record<number, string>>, extra: ScenarioSnapshot["lines"] = []): ScenarioSnapshot => ({
    key: "what-if",
    lines: [
      ...agreement.lines.map((line) => ({
        ...line,
        amounts: line.amounts.map((cell) => ({ year: cell.year, amount: edits[line.initiativeId]?.[cell.year] !== undefined ? mio(edits[line.initiativeId]![cell.year]!) : cell.amount })),
      })),
      ...extra,
    ],
  });

  test("a what-if that raised VMK 2025 from 2,5 to 4,5 and added a line of 1,0 in 2026: net per year, unit once", () => {
    const whatIf = edited({ vmk: { 2025: "4.5" } }, [
      { initiativeId: "ny", themeId: "innovation", isReserve: false, amounts: [{ year: 2026, amount: mio("1") }] },
    ]);
    const comparison = compareScenarios(agreement, whatIf, frame);
    expect(summarizeChange(comparison, "da")).toBe("1 linje ændret, 1 tilføjet; +2,0 mio. kr. i 2025, +1,0 i 2026");
    expect(summarizeChange(comparison, "en")).toBe("1 line changed, 1 added; DKK +2.0 million in 2025, +1.0 in 2026");
  });

  test("money moved between lines leaves the totals as they were, and says so", () => {
    // VMK 2025 down 0,5 (2,5 → 2,0), Trial Nation 2025 up 0,5 (4,7 → 5,2).
    const comparison = compareScenarios(agreement, edited({ vmk: { 2025: "2" }, "trial-nation": { 2025: "5.2" } }), frame);
    expect(summarizeChange(comparison, "da")).toBe("2 linjer ændret; totalerne uændrede");
    expect(summarizeChange(comparison, "en")).toBe("2 lines changed; totals unchanged");
  });

  test("an untouched fork", () => {
    const comparison = compareScenarios(agreement, { ...agreement, key: "fork" }, frame);
    expect(summarizeChange(comparison, "da")).toBe("Ingen ændringer");
    expect(summarizeChange(comparison, "en")).toBe("No changes");
  });
});
