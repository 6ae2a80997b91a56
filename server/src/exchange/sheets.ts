/**
 * The layout of the exchange files as plain rows of cells, built once and rendered twice: as CSV
 * text (csvExport.ts) and as XLSX cells (xlsxExport.ts). Keeping the layout here means both files
 * always have the same rows in the same places, and the importer reads what the exporter writes.
 */
import { allocatedByYear, frameYearTotals, sumOere, type FrameYearTotal, type Oere, type YearAmount } from "@ramme/domain";
import { amountsForYears } from "./comparison.ts";
import type { ExchangeLabels } from "./labels.ts";
import type { ComparisonExport, ScenarioExport } from "./types.ts";

/** Text, an amount (bigint øre) or an empty cell. */
export type SheetCell = string | Oere | null;

/**
 * What a row is, for styling: titles and lines are plain, the header and the scenario-name group row
 * above it are bold, summary rows (total, frame, headroom) are bold figures.
 */
export type SheetRowKind = "title" | "blank" | "group" | "header" | "line" | "summary";

export interface SheetRow {
  kind: SheetRowKind;
  cells: readonly SheetCell[];
}

export interface Sheet {
  rows: readonly SheetRow[];
  /** Number of columns of the widest row (the header). */
  columnCount: number;
  /** Columns to keep in view when scrolling sideways (key, theme, initiative in a wide comparison). */
  frozenColumns: number;
}

/** Number of text columns before the year columns: key, theme, initiative. */
export const TEXT_COLUMNS = 3;

const BLANK: SheetRow = { kind: "blank", cells: [] };

/**
 * The scenario layout:
 * ```
 * Scenarie;<name>
 * Ramme;<frame>;<unit>
 *
 * Nøgle;Tema;Initiativ;<years…>;I alt
 * <one row per line, with its exact total>
 *
 * ;;I alt;<allocated per year>;<sum>
 * ;;Ramme;<frame per year>;<sum>
 * ;;Råderum;<frame − allocated per year, negative when over>;<sum>
 * ```
 */
export function scenarioSheet(data: ScenarioExport, labels: ExchangeLabels): Sheet {
  const totals = scenarioTotals(data);
  const rows: SheetRow[] = [
    { kind: "title", cells: [labels.scenario, data.scenarioName] },
    { kind: "title", cells: [labels.frame, data.frameName, data.unit] },
    ...priceLevelRows(data, labels),
    BLANK,
    { kind: "header", cells: [labels.key, labels.theme, labels.initiative, ...data.years.map(String), labels.total] },
    ...data.lines.map((line): SheetRow => {
      const amounts = amountsForYears(line.amounts, data.years).map((cell) => cell.amount);
      return { kind: "line", cells: [line.key, line.theme, line.title, ...amounts, sumOere(amounts)] };
    }),
    BLANK,
    ...summaryRows(labels).map(({ label, pick }): SheetRow => {
      const amounts = totals.map(pick);
      return { kind: "summary", cells: [null, null, label, ...amounts, sumOere(amounts)] };
    }),
  ];
  return { rows, columnCount: TEXT_COLUMNS + data.years.length + 1, frozenColumns: 0 };
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
