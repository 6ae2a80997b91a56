/**
 * The grid's columns (client/src/features/grid/gridColumns.ts), asked what AG Grid asks: each cell's
 * value, text, tooltip, classes and whether it may be edited, for lines, headings and the pinned rows.
 */
import { mio } from "@ramme/domain";
import { describe, expect, it } from "vitest";
import { cellKey, gridColumns, type GridColumnsInput } from "../../client/src/features/grid/gridColumns.ts";
import type { BodyRow, LineRow, SummaryRow } from "../../client/src/features/grid/gridRows.ts";
import { translate, type MessageKey } from "../../client/src/i18n/messages.ts";

type Row = BodyRow | SummaryRow;
type Column = ReturnType<typeof gridColumns>[number];
const years = [2024, 2025];
const line: LineRow = {
  kind: "line", id: "vmk", initiativeKey: "vmk", themeKey: "forskning", title: "VMK", isReserve: false, isProposal: false, sources: "Aftalen, § 3",
  amounts: { 2024: mio("3.5"), 2025: 0n }, total: mio("3.5"),
};
const headroom: SummaryRow = { kind: "headroom", id: "headroom", amounts: { 2024: mio("-0.4"), 2025: mio("1") }, total: mio("0.6") };
const stated: SummaryRow = {
  kind: "stated", id: "stated", amounts: { 2024: mio("100"), 2025: null }, total: null,
  stated: { 2024: { year: 2024, stated: mio("100"), difference: mio("-0.9"), explained: mio("-0.9"), unexplained: 0n, status: "EXPLAINED", footnoteMarkers: ["1"] } },
};

function columns(overrides: Partial<GridColumnsInput> = {}) {
  return gridColumns({
    years,
    editable: true,
    locale: "da",
    t: (key: MessageKey, params) => translate("da", key, params),
    cellErrors: new Map(),
    commentsByLine: new Map(),
    lineKeys: ["vmk"],
    block: () => null,
    recentlyChanged: () => new Map(),
    titleWithBadges: () => null,
    ...overrides,
  });
}
const byId = (defs: Column[], id: string) => defs.find((column) => column.colId === id)!;
// AG Grid hands these callbacks a params object; the columns read only `data` (and `value` to format).
const ask = <T,>(callback: unknown, params: object): T => (callback as (params: object) => T)(params);
const classes = (column: Column, data: Row) => Object.entries(column.cellClassRules ?? {}).filter(([, rule]) => ask<boolean>(rule, { data })).map(([name]) => name);

describe("the grid's columns", () => {
  it("are the title, one per frame year and the total, in that order", () => {
    expect(columns().map((column) => column.colId)).toEqual(["title", "y2024", "y2025", "total"]);
  });

  it("title: a line's title with its sources and comments as tooltip; a pinned row its label", () => {
    const title = byId(columns({ commentsByLine: new Map([["vmk", ["2024: “Hvorfor?” – Søren"]]]) }), "title");
    expect(ask(title.valueGetter, { data: line })).toBe("VMK");
    expect(ask(title.tooltipValueGetter, { data: line })).toContain("2024: “Hvorfor?” – Søren");
    expect(classes(title, line)).toEqual(["has-comment"]);
    expect(ask(title.valueGetter, { data: headroom })).toBe(translate("da", "rowHeadroom"));
  });

  it("a year: editable on lines only, and only while the grid is editable; zero on a line shows as a dash", () => {
    const year = byId(columns(), "y2025");
    expect(ask(year.editable, { data: line })).toBe(true);
    expect(ask(year.editable, { data: headroom })).toBe(false);
    expect(ask(byId(columns({ editable: false }), "y2025").editable, { data: line })).toBe(false);
    expect(ask(year.valueFormatter, { data: line, value: 0n })).toBe("-");
  });

  it("a year: a refused cell is marked with its reason; a headroom below zero says by how much; a printed total explains itself", () => {
    const year = byId(columns({ cellErrors: new Map([[cellKey("vmk", 2024), "Ikke et tal"]]) }), "y2024");
    expect(classes(year, line)).toContain("cell-error");
    expect(ask(year.tooltipValueGetter, { data: line })).toBe("Ikke et tal");
    expect(classes(year, headroom)).toContain("cell-negative");
    expect(ask(year.tooltipValueGetter, { data: headroom })).toBe(translate("da", "overBy", { amount: "0,4" }));
    expect(classes(year, stated)).toContain("cell-stated-off");
    expect(ask(year.tooltipValueGetter, { data: stated })).toBe(translate("da", "statedExplained", { difference: "-0,9", markers: "1" }));
  });

  it("a year: cells in a block of more than one cell are selected; a cell someone else just changed is marked", () => {
    const block = { anchor: { initiativeKey: "vmk", year: 2024 }, focus: { initiativeKey: "vmk", year: 2025 } };
    const year = byId(columns({ block: () => block, recentlyChanged: () => new Map([[cellKey("vmk", 2024), "Søren ændrede"]]) }), "y2024");
    expect(classes(year, line)).toEqual(expect.arrayContaining(["cell-selected", "cell-live-changed"]));
  });
});
