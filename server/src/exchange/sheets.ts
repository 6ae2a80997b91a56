/**
 * The layout of the exchange files as plain rows of cells, built once and rendered twice: as CSV
 * text (csvExport.ts) and as XLSX cells (xlsxExport.ts). Keeping the layout here means both files
 * always have the same rows in the same places, and the importer reads what the exporter writes.
 */
import { allocatedByYear, frameYearTotals, sumOere, type FrameYearTotal, type Oere, type YearAmount } from "@ramme/domain";
import { amountsForYears } from "./comparison.ts";
import { columnLetters } from "./grid.ts";
import type { ExchangeLabels } from "./labels.ts";
import type { ComparisonExport, ScenarioExport } from "./types.ts";

/**
 * A computed amount: the formula a workbook gets (A1 references into the same sheet) and its value,
 * which a workbook caches and a CSV file writes.
 */
export interface FormulaCell {
  formula: string;
  value: Oere;
}

/** Text, an amount (bigint øre), a computed amount or an empty cell. */
export type SheetCell = string | Oere | FormulaCell | null;

/**
 * What a row is, for styling: titles and lines are plain, the header and the scenario-name group row
 * above it are bold, theme headings, subtotals and summary rows (total, frame, headroom) are bold.
 */
export type SheetRowKind = "title" | "blank" | "group" | "header" | "theme" | "line" | "subtotal" | "summary";

export interface SheetRow {
  kind: SheetRowKind;
  cells: readonly SheetCell[];
}

export interface Sheet {
  rows: readonly SheetRow[];
  /** Number of columns of the widest row (the header). */
  columnCount: number;
  /** Columns to keep in view when scrolling sideways (key, theme, initiative). */
  frozenColumns: number;
}

export interface ScenarioSheetOptions {
  /**
   * Theme headings and subtotals around each theme's lines, and the computed cells as formulas
   * (the workbook); without, the lines one after another (CSV, which has no formulas anyway).
   */
  themeRows: boolean;
}

/** Number of text columns before the year columns: key, theme, initiative. */
export const TEXT_COLUMNS = 3;

const BLANK: SheetRow = { kind: "blank", cells: [] };

/**
 * The scenario layout:
 * ```
 * Scenarie;<name>
 * Ramme;<frame>;<unit>
 * [Version;<n>   Udtrukket af;<who>   Tidspunkt;<when>]      (when the data has a stamp)
 *
 * Nøgle;Tema;Initiativ;<years…>;I alt
 * [;<theme>]                                                 (themeRows: a heading per theme)
 * <one row per line, with its exact total>
 * [;<theme>;I alt;<subtotal per year>;<sum>]                 (themeRows: the theme's subtotal)
 *
 * ;;I alt;<allocated per year>;<sum>
 * ;;Ramme;<frame per year>;<sum>
 * ;;Råderum;<frame − allocated per year, negative when over>;<sum>
 * ```
 * Every computed cell (line totals, subtotals, totals, headroom) is a FormulaCell whose value is
 * the exact figure; the importer recognises the subtotal and summary rows by their labels.
 */
export function scenarioSheet(data: ScenarioExport, labels: ExchangeLabels, options: ScenarioSheetOptions = { themeRows: false }): Sheet {
  const totals = scenarioTotals(data);
  const yearCount = data.years.length;
  const yearColumn = (index: number) => columnLetters(TEXT_COLUMNS + 1 + index);
  const rowTotal = (rowNumber: number, amounts: readonly Oere[]): FormulaCell => ({ formula: `SUM(${yearColumn(0)}${rowNumber}:${yearColumn(yearCount - 1)}${rowNumber})`, value: sumOere(amounts) });

  const rows: SheetRow[] = [
    { kind: "title", cells: [labels.scenario, data.scenarioName] },
    { kind: "title", cells: [labels.frame, data.frameName, data.unit] },
    ...priceLevelRows(data, labels),
    ...(data.stamp
      ? [
          { kind: "title", cells: [labels.version, String(data.stamp.version)] } as SheetRow,
          { kind: "title", cells: [labels.exportedBy, data.stamp.exportedBy] } as SheetRow,
          { kind: "title", cells: [labels.exportedAt, data.stamp.exportedAt] } as SheetRow,
        ]
      : []),
    BLANK,
    { kind: "header", cells: [labels.key, labels.theme, labels.initiative, ...data.years.map(String), labels.total] },
  ];
  const next = () => rows.length + 1;
  const subtotalRows: number[] = [];
  const lineRow = (line: ScenarioExport["lines"][number]): SheetRow => {
    const amounts = amountsForYears(line.amounts, data.years).map((cell) => cell.amount);
    return { kind: "line", cells: [line.key, line.theme, line.title, ...amounts, rowTotal(next(), amounts)] };
  };
  if (options.themeRows) {
    for (const group of themeGroups(data.lines)) {
      rows.push({ kind: "theme", cells: [null, group.theme] });
      const first = next();
      for (const line of group.lines) rows.push(lineRow(line));
      const last = next() - 1;
      const amounts = data.years.map((year) => sumOere(group.lines.map((line) => amountsForYears(line.amounts, [year])[0]!.amount)));
      const cells: SheetCell[] = amounts.map((value, index) => ({ formula: `SUM(${yearColumn(index)}${first}:${yearColumn(index)}${last})`, value }));
      subtotalRows.push(next());
      rows.push({ kind: "subtotal", cells: [null, group.theme, labels.total, ...cells, rowTotal(next(), amounts)] });
    }
  } else {
    for (const line of data.lines) rows.push(lineRow(line));
  }
  const firstLine = rows.findIndex((row) => row.kind === "header") + 2;
  const lastLine = next() - 1;
  rows.push(BLANK);

  const totalRow = next();
  const frameRow = totalRow + 1;
  const allocatedFormula = (index: number) => {
    const column = yearColumn(index);
    if (options.themeRows) return subtotalRows.length === 0 ? "0" : `SUM(${subtotalRows.map((row) => `${column}${row}`).join(",")})`;
    return lastLine < firstLine ? "0" : `SUM(${column}${firstLine}:${column}${lastLine})`;
  };
  const summary: Array<{ label: string; cell: (total: FrameYearTotal, index: number) => SheetCell }> = [
    { label: labels.total, cell: (total, index) => ({ formula: allocatedFormula(index), value: total.allocated }) },
    { label: labels.frameRow, cell: (total) => total.frame },
    { label: labels.headroom, cell: (total, index) => ({ formula: `${yearColumn(index)}${frameRow}-${yearColumn(index)}${totalRow}`, value: total.headroom }) },
  ];
  for (const { label, cell } of summary) {
    const cells = totals.map(cell);
    const amounts = cells.map((entry) => (typeof entry === "bigint" ? entry : (entry as FormulaCell).value));
    rows.push({ kind: "summary", cells: [null, null, label, ...cells, { formula: `SUM(${yearColumn(0)}${next()}:${yearColumn(yearCount - 1)}${next()})`, value: sumOere(amounts) }] });
  }
  return { rows, columnCount: TEXT_COLUMNS + yearCount + 1, frozenColumns: options.themeRows ? TEXT_COLUMNS : 0 };
}

/** Lines grouped by theme, each theme where its first line is (the lines come in the grid's order). */
function themeGroups(lines: ScenarioExport["lines"]): Array<{ theme: string; lines: Array<ScenarioExport["lines"][number]> }> {
  const groups: Array<{ theme: string; lines: Array<ScenarioExport["lines"][number]> }> = [];
  for (const line of lines) {
    const group = groups.find((candidate) => candidate.theme === line.theme);
    if (group) group.lines.push(line);
    else groups.push({ theme: line.theme, lines: [line] });
  }
  return groups;
}

/**
 * The comparison layout: the base's columns (years and total), then for each other scenario a
 * column pair per year (amount, difference to the base), its total and total difference, and its
 * status. A group row above the header names the scenario each block of columns belongs to.
 * ```
 * Sammenligning
 * Ramme;<frame>;<unit>
 * Basis;<base name>
 * Sammenlignet med;<other names…>
 *
 * ;;;<base name>;…;<other name>;…
 * Nøgle;Tema;Initiativ;2024;…;I alt;2024;Forskel 2024;…;I alt;Forskel i alt;Status
 * <one row per line; a scenario without the line has empty amount cells>
 *
 * ;;I alt;…   ;;Ramme;…   ;;Råderum;…   (each scenario's own figures and their differences to the base)
 * ```
 */
export function comparisonSheet(data: ComparisonExport, labels: ExchangeLabels): Sheet {
  const { years } = data;
  const otherBlockWidth = years.length * 2 + 3;

  const groupCells: SheetCell[] = [null, null, null, data.base.scenarioName, ...blanks(years.length)];
  for (const other of data.others) groupCells.push(other.scenarioName, ...blanks(otherBlockWidth - 1));

  const headerCells: SheetCell[] = [labels.key, labels.theme, labels.initiative, ...years.map(String), labels.total];
  const otherHeader: SheetCell[] = years.flatMap((year) => [String(year), `${labels.difference} ${year}`]);
  otherHeader.push(labels.total, labels.differenceTotal, labels.status);
  for (let index = 0; index < data.others.length; index++) headerCells.push(...otherHeader);

  const lineRows = data.lines.map((line): SheetRow => {
    const baseAmounts = line.base?.map((cell) => cell.amount) ?? null;
    const cells: SheetCell[] = [line.key, line.theme, line.title, ...amountCellsWithTotal(baseAmounts, years.length)];
    for (const compared of line.others) {
      const amounts = compared.amounts?.map((cell) => cell.amount) ?? null;
      const differences = compared.differences.map((cell) => cell.amount);
      cells.push(...otherBlock(amounts, differences), labels.statuses[compared.status]);
    }
    return { kind: "line", cells };
  });

  const baseTotals = scenarioTotals(data.base);
  const otherTotals = data.others.map(scenarioTotals);
  const summary = summaryRows(labels).map(({ label, pick }): SheetRow => {
    const baseAmounts = baseTotals.map(pick);
    const cells: SheetCell[] = [null, null, label, ...baseAmounts, sumOere(baseAmounts)];
    for (const totals of otherTotals) {
      const amounts = totals.map(pick);
      const differences = amounts.map((amount, column) => amount - (baseAmounts[column] ?? 0n));
      cells.push(...otherBlock(amounts, differences), null);
    }
    return { kind: "summary", cells };
  });

  const rows: SheetRow[] = [
    { kind: "title", cells: [labels.comparison] },
    { kind: "title", cells: [labels.frame, data.frameName, data.unit] },
    ...priceLevelRows(data, labels),
    { kind: "title", cells: [labels.base, data.base.scenarioName] },
    { kind: "title", cells: [labels.comparedWith, ...data.others.map((other) => other.scenarioName)] },
    BLANK,
    { kind: "group", cells: groupCells },
    { kind: "header", cells: headerCells },
    ...lineRows,
    BLANK,
    ...summary,
  ];
  return {
    rows,
    columnCount: TEXT_COLUMNS + years.length + 1 + data.others.length * otherBlockWidth,
    frozenColumns: TEXT_COLUMNS,
  };
}

/** "Prisniveau;2026-pl;<how it was converted>" when the amounts are not in the frame's own price level. */
function priceLevelRows(data: ScenarioExport | ComparisonExport, labels: ExchangeLabels): SheetRow[] {
  return data.priceLevel ? [{ kind: "title", cells: [labels.priceLevel, data.priceLevel.label, data.priceLevel.note] }] : [];
}

/** The frame checked per year against the scenario's lines, in the scenario's year order. */
function scenarioTotals(data: ScenarioExport): FrameYearTotal[] {
  const frame: YearAmount[] = amountsForYears(data.frame, data.years);
  return frameYearTotals(frame, allocatedByYear(data.lines, data.years));
}

function summaryRows(labels: ExchangeLabels): Array<{ label: string; pick: (total: FrameYearTotal) => Oere }> {
  return [
    { label: labels.total, pick: (total) => total.allocated },
    { label: labels.frameRow, pick: (total) => total.frame },
    { label: labels.headroom, pick: (total) => total.headroom },
  ];
}

/** Per year amount and difference, then the total and the total difference; amounts empty when absent. */
function otherBlock(amounts: readonly Oere[] | null, differences: readonly Oere[]): SheetCell[] {
  const cells: SheetCell[] = [];
  differences.forEach((difference, column) => cells.push(amounts?.[column] ?? null, difference));
  cells.push(amounts === null ? null : sumOere(amounts), sumOere(differences));
  return cells;
}

function amountCellsWithTotal(amounts: readonly Oere[] | null, yearCount: number): SheetCell[] {
  return amounts === null ? blanks(yearCount + 1) : [...amounts, sumOere(amounts)];
}

function blanks(count: number): null[] {
  return Array.from({ length: count }, () => null);
}
