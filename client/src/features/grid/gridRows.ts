/**
 * The grid's rows, shaped from a scenario: AG Grid Community has no row grouping, so the theme
 * headings with their subtotals are rows we build here, followed by their lines; the totals, the
 * frame, the headroom and the document's printed total are the pinned rows at the bottom. Pure:
 * given the same cells, the same rows, so totals can be recomputed the instant a cell changes.
 */
import { frameYearTotals, type Oere } from "@ramme/domain";

export type CellMap = ReadonlyMap<string, ReadonlyMap<number, Oere>>;

export interface LineMeta {
  key: string;
  title: string;
  themeKey: string;
  isReserve: boolean;
  isProposal: boolean;
  /** Source references as one readable line, for the tooltip. */
  sources: string;
}

export interface ThemeMeta {
  key: string;
  title: string;
  position: number;
}

export interface ThemeRow {
  kind: "theme";
  id: string;
  themeKey: string;
  title: string;
  amounts: Record<number, Oere>;
  total: Oere;
}

export interface LineRow {
  kind: "line";
  id: string;
  initiativeKey: string;
  themeKey: string;
  title: string;
  isReserve: boolean;
  isProposal: boolean;
  sources: string;
  amounts: Record<number, Oere>;
  total: Oere;
}

export type BodyRow = ThemeRow | LineRow;

export interface StatedYear {
  year: number;
  stated: Oere;
  difference: Oere;
  explained: Oere;
  unexplained: Oere;
  status: "MATCHES" | "EXPLAINED" | "PARTLY_EXPLAINED" | "UNEXPLAINED";
  footnoteMarkers: string[];
}

export interface SummaryRow {
  kind: "allocated" | "frame" | "headroom" | "stated";
  id: string;
  amounts: Record<number, Oere | null>;
  total: Oere | null;
  /** For the printed-total row: each year's check against the lines. */
  stated?: Record<number, StatedYear>;
}

/**
 * Rows already built, reused while their cells and metadata are unchanged: after an edit only the
 * edited line and its theme get new row objects, so the grid redraws two rows, not thousands.
 */
export interface RowCache {
  lines: WeakMap<object, { meta: LineMeta; row: LineRow }>;
  themes: Map<string, { lines: LineRow[]; title: string; row: ThemeRow }>;
}

export const createRowCache = (): RowCache => ({ lines: new WeakMap(), themes: new Map() });

const NO_CELLS: ReadonlyMap<number, Oere> = new Map();

/** One cell's new amount; null where the line has no amount that year. */
export interface CellUpdate {
  initiativeKey: string;
  year: number;
  amount: Oere | null;
}

/**
 * The cells with the updates applied, whoever made them (a local edit, the server's answer, a live
 * change by someone else). Only the lines touched get new maps, so the row cache rebuilds only them.
 */
export function withCells(cells: CellMap, updates: readonly CellUpdate[]): CellMap {
  if (updates.length === 0) return cells;
  const next = new Map(cells);
  const touched = new Map<string, Map<number, Oere>>();
  for (const { initiativeKey, year, amount } of updates) {
    let line = touched.get(initiativeKey);
    if (!line) {
      line = new Map(cells.get(initiativeKey) ?? NO_CELLS);
      touched.set(initiativeKey, line);
      next.set(initiativeKey, line);
    }
    if (amount === null) line.delete(year);
    else line.set(year, amount);
  }
  return next;
}

/** The lines' keys in the order the grid shows them (by theme, then scenario order): what paste and selection walk. */
export function orderedLineKeys(lines: readonly LineMeta[], themes: readonly ThemeMeta[]): string[] {
  const position = new Map(themes.map((theme) => [theme.key, theme.position]));
  return lines
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => position.has(line.themeKey))
    .sort((a, b) => position.get(a.line.themeKey)! - position.get(b.line.themeKey)! || a.index - b.index)
    .map(({ line }) => line.key);
}

/** Theme rows with subtotals, each followed by its lines in scenario order; themes in the frame's order. */
export function buildBodyRows(
  lines: readonly LineMeta[],
  themes: readonly ThemeMeta[],
  cells: CellMap,
  years: readonly number[],
  cache: RowCache = createRowCache(),
): BodyRow[] {
  const byTheme = new Map<string, LineMeta[]>();
  for (const line of lines) {
    const themeLines = byTheme.get(line.themeKey);
    if (themeLines) themeLines.push(line);
    else byTheme.set(line.themeKey, [line]);
  }
  const orderedThemes = [...themes].filter((theme) => byTheme.has(theme.key)).sort((a, b) => a.position - b.position);
  const rows: BodyRow[] = [];
  for (const theme of orderedThemes) {
    const themeLines = byTheme.get(theme.key)!.map((line) => {
      const lineCells = cells.get(line.key) ?? NO_CELLS;
      const cached = cache.lines.get(lineCells);
      if (cached && cached.meta === line) return cached.row;
      const row = lineRow(line, lineCells, years);
      cache.lines.set(lineCells, { meta: line, row });
      return row;
    });
    const cachedTheme = cache.themes.get(theme.key);
    let themeRow: ThemeRow;
    if (cachedTheme && cachedTheme.title === theme.title && sameRows(cachedTheme.lines, themeLines)) {
      themeRow = cachedTheme.row;
    } else {
      const amounts = Object.fromEntries(years.map((year) => [year, themeLines.reduce((sum, line) => sum + (line.amounts[year] ?? 0n), 0n)]));
      themeRow = { kind: "theme", id: `theme:${theme.key}`, themeKey: theme.key, title: theme.title, amounts, total: sumValues(amounts, years) };
      cache.themes.set(theme.key, { lines: themeLines, title: theme.title, row: themeRow });
    }
    rows.push(themeRow);
    for (const line of themeLines) rows.push(line);
  }
  return rows;
}

function sameRows(a: readonly LineRow[], b: readonly LineRow[]): boolean {
  return a.length === b.length && a.every((row, index) => row === b[index]);
}

function lineRow(line: LineMeta, lineCells: ReadonlyMap<number, Oere>, years: readonly number[]): LineRow {
  const amounts = Object.fromEntries(years.map((year) => [year, lineCells.get(year) ?? 0n]));
  return {
    kind: "line",
    id: line.key,
    initiativeKey: line.key,
    themeKey: line.themeKey,
    title: line.title,
    isReserve: line.isReserve,
    isProposal: line.isProposal,
    sources: line.sources,
    amounts,
    total: sumValues(amounts, years),
  };
}

/**
 * Allocated, frame, headroom, and the printed total where the document has one. Allocated is the
 * exact sum of the theme subtotals (themselves exact sums of their lines), so it costs one addition
 * per theme, not per cell, however many lines the scenario has.
 */
export function buildSummaryRows(rows: readonly BodyRow[], frame: ReadonlyMap<number, Oere>, years: readonly number[], stated: readonly StatedYear[] = []): SummaryRow[] {
  const allocated = new Map<number, Oere>(years.map((year) => [year, 0n]));
  for (const row of rows) if (row.kind === "theme") for (const year of years) allocated.set(year, allocated.get(year)! + (row.amounts[year] ?? 0n));
  const totals = frameYearTotals(years.map((year) => ({ year, amount: frame.get(year) ?? 0n })), allocated);
  const row = (kind: SummaryRow["kind"], pick: (index: number) => Oere): SummaryRow => {
    const amounts = Object.fromEntries(years.map((year, index) => [year, pick(index)]));
    return { kind, id: `summary:${kind}`, amounts, total: sumValues(amounts, years) };
  };
  const summary = [row("allocated", (index) => totals[index]!.allocated), row("frame", (index) => totals[index]!.frame), row("headroom", (index) => totals[index]!.headroom)];
  if (stated.length > 0) {
    const byYear = new Map(stated.map((entry) => [entry.year, entry]));
    const amounts = Object.fromEntries(years.map((year) => [year, byYear.get(year)?.stated ?? null]));
    summary.push({ kind: "stated", id: "summary:stated", amounts, total: null, stated: Object.fromEntries(stated.map((entry) => [entry.year, entry])) });
  }
  return summary;
}

/**
 * `next` with each row that holds the same figures as in `previous` replaced by that earlier object:
 * AG Grid redraws a pinned row whose data is a new object, so after an edit only the rows it moved
 * (allocated and headroom) are drawn again, not the frame or the printed total.
 */
export function keepUnchangedSummaryRows(previous: readonly SummaryRow[], next: readonly SummaryRow[], years: readonly number[]): SummaryRow[] {
  return next.map((row) => {
    const before = previous.find((candidate) => candidate.id === row.id);
    return before && sameSummaryRow(before, row, years) ? before : row;
  });
}

function sameSummaryRow(a: SummaryRow, b: SummaryRow, years: readonly number[]): boolean {
  return (
    a.kind === b.kind &&
    a.total === b.total &&
    Object.keys(a.amounts).length === Object.keys(b.amounts).length &&
    years.every((year) => a.amounts[year] === b.amounts[year] && a.stated?.[year] === b.stated?.[year]) &&
    (a.stated === undefined) === (b.stated === undefined)
  );
}

/** The years over the frame, with the amount over, in year order. */
export function yearsOverFrame(summary: readonly SummaryRow[], years: readonly number[]): Array<{ year: number; overBy: Oere }> {
  const headroom = summary.find((row) => row.kind === "headroom");
  if (!headroom) return [];
  return years.flatMap((year) => {
    const value = headroom.amounts[year] ?? 0n;
    return value < 0n ? [{ year, overBy: -value }] : [];
  });
}

function sumValues(amounts: Record<number, Oere | null>, years: readonly number[]): Oere {
  return years.reduce((sum, year) => sum + (amounts[year] ?? 0n), 0n);
}
