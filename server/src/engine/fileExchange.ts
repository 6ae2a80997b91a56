/**
 * Files in and out: loads what an export writes (exchange/ turns it into CSV or XLSX), and turns an
 * imported CSV into one change that makes the scenario equal to the file, checked like any edit.
 */
import { checkAllocationAmount, convertYearAmounts, formatIndexValue, type Oere } from "@ramme/domain";
import type { Database } from "../db.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import {
  buildComparison,
  comparisonToCsv,
  comparisonToXlsx,
  parseScenarioCsv,
  scenarioToCsv,
  scenarioToXlsx,
  type ExchangeLanguage,
  type ExportFile,
  type ImportProblem,
  type NumberStyle,
  type ScenarioExport,
} from "../exchange/index.ts";
import { MAX_COMPARED } from "./comparison.ts";
import { KEYS_PER_STATEMENT, loadScenarioLines, slices } from "./scenarioLines.ts";
import { commitChange, type CommittedChange } from "./commitChange.ts";
import { InvalidInputError, type InputProblem, type InputProblemCode } from "./errors.ts";
import { amountProblem, ProblemList } from "./input.ts";
import { editScenario } from "./editScenario.ts";
import { changeBetween, currentState, type ScenarioState } from "./scenarioState.ts";
import { assertVersion } from "./scenarioAccess.ts";
import { isBaseLevel, priceLevelFor, type PriceLevelShape } from "./priceLevels.ts";

export type FileFormat = "CSV" | "XLSX";

export interface ExportOptions {
  format: FileFormat;
  numberStyle: NumberStyle;
  language: ExchangeLanguage;
  /** The year whose price level the amounts are shown in; null: the frame's own. */
  priceLevel: number | null;
}

/** A file, with the price level its amounts are in. */
export type PricedExportFile = ExportFile & { priceLevel: PriceLevelShape };

/** A scenario as an export writes it: lines in order, with theme titles, against the frame (in the frame's price level). */
async function scenarioExport(client: Database, scenarioId: string, field: string): Promise<ScenarioExport & { framePriceLevel: string }> {
  const scenario = await client.scenario.findUnique({
    where: { id: scenarioId },
    select: { id: true, name: true, frame: { select: { name: true, priceLevel: true, years: { orderBy: { year: "asc" }, select: { year: true, amount: true } } } } },
  });
  if (!scenario) throw InvalidInputError.of(field, "UNKNOWN_SCENARIO", `there is no scenario ${JSON.stringify(scenarioId)}.`, scenarioId);
  const years = scenario.frame.years.map((entry) => entry.year);
  // Lines and cells in one statement, initiatives in another (scenarioLines.ts): nested relations at 12,500 lines overflowed Prisma's stack.
  const lines = (await loadScenarioLines(client, [scenario.id], years, { select: { title: true, theme: { select: { title: true } } } })).get(scenario.id)!;
  return {
    scenarioName: scenario.name,
    scenarioKey: scenario.id,
    frameName: scenario.frame.name,
    unit: `Mio. kr. (${scenario.frame.priceLevel})`,
    framePriceLevel: scenario.frame.priceLevel,
    years,
    frame: scenario.frame.years,
    lines: lines.map((line) => {
      const initiative = line.initiative as typeof line.initiative & { theme: { title: string } };
      return { key: line.initiativeId, theme: initiative.theme.title, title: initiative.title, amounts: line.amounts };
    }),
  };
}

export async function exportScenario(client: Database, scenarioIdText: string, options: ExportOptions): Promise<PricedExportFile> {
  const problems = new ProblemList();
  const scenarioId = problems.id("scenarioId", scenarioIdText, "Scenario");
  problems.throwIfAny();
  const stored = await scenarioExport(client, scenarioId!, "scenarioId");
  const level = await priceLevelFor(client, stored.framePriceLevel, options.priceLevel, "priceLevel");
  const data = inPriceLevel(stored, level, options.language);
  const file = options.format === "CSV" ? scenarioToCsv(data, options) : await scenarioToXlsx(data, { language: options.language });
  return labelled(file, level);
}

export async function exportComparison(client: Database, baseIdText: string, otherIdTexts: readonly string[], options: ExportOptions): Promise<PricedExportFile> {
  const problems = new ProblemList();
  // The length first, as compareScenarios: nothing else is done with a list that is too long (or empty).
  if (otherIdTexts.length === 0) problems.add("otherIds", "REQUIRED", "name at least one scenario to compare with the base.");
  if (otherIdTexts.length > MAX_COMPARED) problems.add("otherIds", "TOO_MANY_CELLS", `at most ${MAX_COMPARED} scenarios beside the base (got ${otherIdTexts.length}).`);
  problems.throwIfAny();
  const baseId = problems.id("baseId", baseIdText, "Scenario");
  const otherIds = otherIdTexts.map((id, index) => problems.id(`otherIds[${index}]`, id, "Scenario"));
  problems.throwIfAny();
  const base = await scenarioExport(client, baseId!, "baseId");
  const others = await Promise.all(otherIds.map((id, index) => scenarioExport(client, id!, `otherIds[${index}]`)));
  const level = await priceLevelFor(client, base.framePriceLevel, options.priceLevel, "priceLevel");
  const data = buildComparison(inPriceLevel(base, level, options.language), others.map((other) => inPriceLevel(other, level, options.language)));
  const file = options.format === "CSV" ? comparisonToCsv(data, options) : await comparisonToXlsx(data, { language: options.language });
  return labelled(file, level);
}

/**
 * The export in another price level: every line and the frame converted cell by cell (the file's
 * totals are then sums of converted cells), the unit and a title row saying which level and how.
 */
function inPriceLevel(data: ScenarioExport, level: PriceLevelShape, language: ExchangeLanguage): ScenarioExport {
  if (isBaseLevel(level)) return data;
  const index = (value: bigint) => formatIndexValue(value, language === "da" ? "," : ".");
  const ratio = `${level.ratio.numerator}/${level.ratio.denominator}`;
  const note =
    language === "da"
      ? `Omregnet fra ${level.baseLabel}: beløb × ${index(level.index)} / ${index(level.baseIndex)} (= ${ratio}), hver celle afrundet til hele øre (halvt væk fra nul); summer er summer af de omregnede celler. Indeks ${level.year}: ${level.source}`
      : `Converted from ${level.baseLabel}: amount × ${index(level.index)} / ${index(level.baseIndex)} (= ${ratio}), each cell rounded to whole øre (half away from zero); totals are sums of the converted cells. Index ${level.year}: ${level.source}`;
  return {
    ...data,
    unit: `Mio. kr. (${level.label})`,
    frame: convertYearAmounts(data.frame, level.ratio),
    lines: data.lines.map((line) => ({ ...line, amounts: convertYearAmounts(line.amounts, level.ratio) })),
    priceLevel: { label: level.label, note },
  };
}

/** "aftale-2024-2026-pl.csv" for a file in another price level, so it is not mistaken for the stored figures. */
function labelled(file: ExportFile, level: PriceLevelShape): PricedExportFile {
  const fileName = isBaseLevel(level) ? file.fileName : file.fileName.replace(/\.(csv|xlsx)$/, `-${level.label}.$1`);
  return { ...file, fileName, priceLevel: level };
}

const IMPORT_CODES: Record<ImportProblem["code"], InputProblemCode> = {
  NO_HEADER: "BAD_FILE",
  UNKNOWN_YEAR_COLUMN: "YEAR_OUTSIDE_FRAME",
  MISSING_YEAR_COLUMN: "BAD_FILE",
  DUPLICATE_YEAR_COLUMN: "BAD_FILE",
  DUPLICATE_LINE: "DUPLICATE_CELL",
  EMPTY: "EMPTY",
  NOT_A_NUMBER: "NOT_A_NUMBER",
  TOO_PRECISE: "TOO_PRECISE",
  TOO_LARGE: "TOO_LARGE",
  NEGATIVE: "NEGATIVE",
  EMPTY_KEY: "REQUIRED",
  MALFORMED_CSV: "BAD_FILE",
  OTHER_PRICE_LEVEL: "BAD_FILE",
};

/** Where in the file: "input.content (row 7, column 2025)". */
const fileField = (row: number, column: string | null) =>
  row === 0 ? "input.content" : `input.content (row ${row}${column === null ? "" : `, column ${column}`})`;

export interface ImportInput {
  scenarioId: string;
  expectedVersion: number;
  content: string;
  numberStyle: NumberStyle | "AUTO";
  comment?: string | null;
  /** The initiatives the caller may see (auth/access.ts); a file naming another organisation's proposal gets UNKNOWN_INITIATIVE. */
  visibleInitiatives?: Prisma.InitiativeWhereInput;
}

/** The largest file an import reads (a 20,000-line scenario in CSV is about 2 MB). */
export const MAX_IMPORT_CHARACTERS = 10_000_000;

/**
 * Makes the what-if equal to the file: cells set as the file says, lines the file adds taken in
 * (they must be known initiatives), lines the file lacks taken out. One change, all or nothing.
 */
export function importScenarioCsv(input: ImportInput, actor: string): Promise<CommittedChange> {
  const checkInput = (problems: ProblemList) => {
    if (input.content.length > MAX_IMPORT_CHARACTERS) problems.add("input.content", "BAD_FILE", `the file is larger than ${MAX_IMPORT_CHARACTERS} characters.`);
  };
  return editScenario(input, checkInput, async ({ tx, scenario, problems, comment }) => {
    const years = scenario.frame.years.map((entry) => entry.year);
    const parsed = parseScenarioCsv(input.content, { years, numberStyle: input.numberStyle });
    if (!parsed.ok) {
      throw new InvalidInputError(
        parsed.problems.map((problem): InputProblem => ({ field: fileField(problem.row, problem.column), code: IMPORT_CODES[problem.code], message: problem.messageEn, value: problem.text ?? null })),
      );
    }
    // In slices: with the caller's visibility the filter is one statement Prisma cannot split, and 5,000 keys bound at once passed SQLite's parameter limit.
    const known = new Set<string>();
    for (const keys of slices(parsed.lines.map((line) => line.initiativeId), KEYS_PER_STATEMENT)) {
      for (const row of await tx.initiative.findMany({ where: { id: { in: keys }, ...input.visibleInitiatives }, select: { id: true } })) known.add(row.id);
    }
    const now = await currentState(tx, scenario.id);
    const target: ScenarioState = { cells: new Map(), positions: new Map() };
    let nextPosition = Math.max(-1, ...now.positions.values()) + 1;
    for (const line of parsed.lines) {
      if (!known.has(line.initiativeId)) {
        problems.add(fileField(line.row, null), "UNKNOWN_INITIATIVE", `there is no initiative ${JSON.stringify(line.initiativeId)}.`, line.initiativeId);
        continue;
      }
      const cells = new Map<number, Oere>();
      for (const cell of line.cells) {
        const error = checkAllocationAmount(cell.amount, { maxDecimals: scenario.frame.precisionDecimals }, cell.text);
        if (error) problems.push(amountProblem(fileField(cell.row, cell.column), error));
        cells.set(cell.year, cell.amount);
      }
      target.cells.set(line.initiativeId, cells);
      target.positions.set(line.initiativeId, now.positions.get(line.initiativeId) ?? nextPosition++);
    }
    problems.throwIfAny();
    assertVersion(scenario, input.expectedVersion);
    const change = changeBetween(now, target, years);
    return commitChange(tx, scenario, { kind: "IMPORTED", ...change, comment, details: { lines: parsed.lines.length } }, actor);
  });
}
