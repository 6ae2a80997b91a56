/**
 * Files out: loads what an export writes (exchange/ turns it into CSV or XLSX). Files in: fileImport.ts.
 */
import { convertYearAmounts, formatIndexValue, readSourceReferences } from "@ramme/domain";
import type { Database } from "../db.ts";
import {
  buildComparison,
  comparisonToCsvPaced,
  comparisonToXlsx,
  scenarioToCsvPaced,
  scenarioToXlsx,
  type ExchangeLanguage,
  type ExportFile,
  type NumberStyle,
  type ScenarioExport,
} from "../exchange/index.ts";
import { MAX_COMPARED } from "./comparison.ts";
import { InvalidInputError } from "./errors.ts";
import { ProblemList } from "./input.ts";
import { pace } from "../cooperative.ts";
import { loadScenarioLines } from "./scenarioLines.ts";
import { isBaseLevel, priceLevelFor, type PriceLevelShape } from "./priceLevels.ts";

export type FileFormat = "CSV" | "XLSX";

export interface ExportOptions {
  format: FileFormat;
  numberStyle: NumberStyle;
  language: ExchangeLanguage;
  /** The year whose price level the amounts are shown in; null: the frame's own. */
  priceLevel: number | null;
  /** Who asks for the file: the header block says so. */
  exportedBy: string;
  /** The operation's abort signal (the time budget), checked at each turn (cooperative.ts). */
  signal?: AbortSignal;
}

/** A file, with the price level its amounts are in. */
export type PricedExportFile = ExportFile & { priceLevel: PriceLevelShape };

/**
 * A scenario as an export writes it: lines in the grid's order (by theme, then the scenario's
 * order), with theme titles and sources, against the frame (in the frame's price level), stamped
 * with its version, who exports it and when.
 */
async function scenarioExport(client: Database, scenarioId: string, field: string, exportedBy: string): Promise<ScenarioExport & { framePriceLevel: string }> {
  const scenario = await client.scenario.findUnique({
    where: { id: scenarioId },
    select: { id: true, name: true, version: true, frame: { select: { name: true, priceLevel: true, years: { orderBy: { year: "asc" }, select: { year: true, amount: true } } } } },
  });
  if (!scenario) throw InvalidInputError.of(field, "UNKNOWN_SCENARIO", `there is no scenario ${JSON.stringify(scenarioId)}.`, scenarioId);
  const years = scenario.frame.years.map((entry) => entry.year);
  const documents = new Map((await client.document.findMany({ select: { fileName: true, title: true } })).map((document) => [document.fileName, document.title]));
  // Lines and cells in one statement, initiatives in another (scenarioLines.ts): nested relations at 12,500 lines overflowed Prisma's stack.
  const initiativeSelect = { title: true, sources: true, theme: { select: { title: true, position: true } } } as const;
  type ExportedInitiative = { title: string; sources: unknown; theme: { title: string; position: number } };
  const lines = (await loadScenarioLines(client, [scenario.id], years, { select: initiativeSelect })).get(scenario.id)!
    .map((line, index) => ({ line, initiative: line.initiative as unknown as ExportedInitiative, index }))
    .sort((left, right) => left.initiative.theme.position - right.initiative.theme.position || left.index - right.index);
  return {
    scenarioName: scenario.name,
    scenarioKey: scenario.id,
    frameName: scenario.frame.name,
    unit: `Mio. kr. (${scenario.frame.priceLevel})`,
    framePriceLevel: scenario.frame.priceLevel,
    years,
    frame: scenario.frame.years,
    lines: lines.map(({ line, initiative }) => ({
      key: line.initiativeId,
      theme: initiative.theme.title,
      title: initiative.title,
      amounts: line.amounts,
      sources: readSourceReferences(initiative.sources).map((source) => ({ ...source, document: documents.get(source.document) ?? source.document })),
    })),
    stamp: { version: scenario.version, exportedBy, exportedAt: new Date().toISOString() },
  };
}

export async function exportScenario(client: Database, scenarioIdText: string, options: ExportOptions): Promise<PricedExportFile> {
  const problems = new ProblemList();
  const scenarioId = problems.id("scenarioId", scenarioIdText, "Scenario");
  problems.throwIfAny();
  const stored = await scenarioExport(client, scenarioId!, "scenarioId", options.exportedBy);
  const level = await priceLevelFor(client, stored.framePriceLevel, options.priceLevel, "priceLevel");
  const data = inPriceLevel(stored, level, options.language);
  const file = options.format === "CSV" ? await scenarioToCsvPaced(data, options) : await scenarioToXlsx(data, { language: options.language, signal: options.signal });
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
  const base = await scenarioExport(client, baseId!, "baseId", options.exportedBy);
  // One scenario after another, taking turns (cooperative.ts): ten 12,500-line reads at once held the event loop for seconds.
  const others: Awaited<ReturnType<typeof scenarioExport>>[] = [];
  for (const [index, id] of otherIds.entries()) {
    await pace(options.signal);
    others.push(await scenarioExport(client, id!, `otherIds[${index}]`, options.exportedBy));
  }
  await pace(options.signal);
  const level = await priceLevelFor(client, base.framePriceLevel, options.priceLevel, "priceLevel");
  const data = buildComparison(inPriceLevel(base, level, options.language), others.map((other) => inPriceLevel(other, level, options.language)));
  const file = options.format === "CSV" ? await comparisonToCsvPaced(data, options) : await comparisonToXlsx(data, { language: options.language, signal: options.signal });
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
