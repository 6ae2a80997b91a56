/**
 * A baseline from a workbook or CSV table (issue 22): a new frame's first baseline, or a new baseline
 * of an existing frame (a revised proposal). The file is read by the same readers as a what-if's
 * import (fileImport.ts's readFile, exchange/scenarioGrid.ts in its `headings` layout: theme
 * headings, lines, years as columns, an optional printed "I alt" row, footnotes below), checked
 * against the frame, and previewed; applied, it becomes a locked baseline with its printed table
 * (lines as printed, the printed total, the footnotes) so the consistency report checks it, and a
 * document record that names its source: the file, the sheet, who imported it and when.
 */
import { checkAllocationAmount, formatDanishAmount, formatMio, frameYearTotals, sumOere, type FrameYearTotal, type Oere, type YearAmount } from "@ramme/domain";
import type { Caller } from "../auth/caller.ts";
import { db, writeTransaction, type Transaction } from "../db.ts";
import { findHeader, Locator, normalTitle, readScenarioCsvGrid, readScenarioGrid, yearOf, type Grid, type ImportProblem, type NumberStyle, type SheetReading } from "../exchange/index.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { INITIATIVE_HEADERS, KEY_HEADERS } from "../exchange/labels.ts";
import { ImportRefusedError, InvalidInputError } from "./errors.ts";
import { MAX_IMPORT_CHARACTERS, readFile, type ImportFormat } from "./fileImport.ts";
import { assertNameFree, checkedFormThenAdmin, checkFrameFields, findFrame, listNameTaken, lookUpFrame, storeFrame, type CheckedFrameFields, type FrameFieldsInput } from "./frames.ts";
import { ProblemList, TEXT_LIMITS } from "./input.ts";
import { newKey } from "./scenarioLifecycle.ts";

export interface BaselineImportInput {
  /** An existing frame: the file becomes a new baseline of it. Not with newFrame. */
  frameId?: string | null;
  /** A new frame: its name etc.; its years and amounts from here, or else from the file's year columns and "Ramme" row. */
  newFrame?: FrameFieldsInput | null;
  /** The baseline's name ("Regeringens udspil"). */
  name: string;
  description?: string | null;
  format: ImportFormat;
  content: string;
  base64: boolean;
  fileName: string;
  numberStyle: NumberStyle | "AUTO";
  dryRun: boolean;
}

export interface BaselinePreviewLine {
  row: number;
  theme: string;
  title: string;
  /** An initiative of the frame with this theme and title already (a revised baseline): its key; null for a new one. */
  initiativeId: string | null;
  amounts: YearAmount[];
}

export interface PrintedTotal {
  year: number;
  printed: Oere;
  computed: Oere;
  /** printed - computed. */
  difference: Oere;
  row: number;
}

export interface BaselineFootnote {
  row: number;
  marker: string;
  text: string;
}

export interface BaselinePreview {
  format: ImportFormat;
  fileName: string;
  sheet: string | null;
  /** The frame's name (a new frame's as given). */
  frameName: string;
  years: number[];
  themes: string[];
  lines: BaselinePreviewLine[];
  yearTotals: FrameYearTotal[];
  printedTotals: PrintedTotal[];
  footnotes: BaselineFootnote[];
  problems: ImportProblem[];
  /** When applied: the frame and the baseline made; null for a dry run. */
  frameId: string | null;
  scenarioId: string | null;
}

const FOOTNOTE = /^(\d{1,3}|\*{1,3}|[a-z])[).:]?\s+(.+)$/s;

/** Reads, checks and (unless a dry run or an ERROR) stores the baseline. Input problems are InvalidInputError; the file's, ImportRefusedError. */
export async function importBaseline(caller: Caller, actor: string, input: BaselineImportInput): Promise<BaselinePreview> {
  const problems = new ProblemList();
  const hasFrame = input.frameId !== null && input.frameId !== undefined;
  const hasNew = input.newFrame !== null && input.newFrame !== undefined;
  if (hasFrame === hasNew) problems.add(hasFrame ? "input.newFrame" : "input.frameId", hasFrame ? "CONFLICTING_FIELDS" : "REQUIRED", "give frameId (a new baseline of a frame) or newFrame (a new frame), one of them.");
  const name = problems.text("input.name", input.name, { max: TEXT_LIMITS.name, required: true });
  const description = problems.text("input.description", input.description, { max: TEXT_LIMITS.description, required: false });
  const fileName = problems.text("input.fileName", input.fileName, { max: 200, required: true });
  const fields: CheckedFrameFields | null = hasNew ? checkFrameFields(problems, "input.newFrame", input.newFrame!) : null;
  checkedFormThenAdmin(caller, problems);

  // The frame as it stands, or the new one's fields (its name checked before the file is read),
  // looked up with the form's problems: an unknown frame is answered beside a wrong amount.
  const existing = hasFrame ? await lookUpFrame(db, problems, "input.frameId", input.frameId!) : null;
  if (existing?.archivedAt) problems.add("input.frameId", "FRAME_ARCHIVED", `the frame ${JSON.stringify(existing.name)} is archived; bring it back (archiveFrame with archived: false) first.`, existing.id);
  if (fields) await listNameTaken(db, problems, "input.newFrame.name", fields.name);
  problems.throwIfAny();
  const precisionDecimals = existing?.precisionDecimals ?? fields!.precisionDecimals;

  const file = input.content.length > MAX_IMPORT_CHARACTERS ? tooLarge() : await readFile(input);
  const sheet = file.ok ? file.grid.sheet : null;
  const located = new Locator(sheet);
  const fileProblems: ImportProblem[] = [];
  let years: number[] = existing ? existing.years.map((entry) => entry.year) : (fields!.years?.map((entry) => entry.year) ?? []);
  let reading: SheetReading = { lines: [], frame: null, problems: [] };
  if (!file.ok) fileProblems.push(...file.problems);
  else {
    if (!existing && fields!.years === null) years = yearsOfFile(file.grid, located, fileProblems);
    if (fileProblems.length === 0) {
      reading = file.csvDelimiter !== null ? readScenarioCsvGrid({ grid: file.grid, delimiter: file.csvDelimiter }, { years, numberStyle: input.numberStyle, headings: true }) : readScenarioGrid(file.grid, { years, numberStyle: "DANISH", headings: true });
      fileProblems.push(...reading.problems);
    }
  }

  // The frame per year: the existing frame's, the one given, or the file's "Ramme" row.
  let frameYears: YearAmount[] = existing ? existing.years.map(({ year, amount }) => ({ year, amount })) : (fields!.years ?? []);
  if (!existing && fields!.years === null && file.ok && years.length > 0 && reading.problems.every((problem) => problem.code !== "NO_HEADER")) {
    frameYears = [];
    for (const year of years) {
      const stated = reading.frame?.amounts.get(year);
      if (!stated) {
        fileProblems.push(
          located.at(reading.frame?.row ?? 0, String(year), null, "MISSING_AMOUNT", "ERROR", {
            da: reading.frame ? `rammerækken har intet beløb for ${year}.` : `filen har ingen række "Ramme" med rammens beløb pr. år, og rammens år er ikke givet (newFrame.years).`,
            en: reading.frame ? `the frame row has no amount for ${year}.` : `the file has no "Ramme" row with the frame per year, and the frame's years are not given (newFrame.years).`,
          }),
        );
      } else if (stated.amount <= 0n) {
        fileProblems.push(located.at(reading.frame!.row, stated.column, stated.columnNumber, "NOT_POSITIVE", "ERROR", { da: `rammen for ${year} skal være over 0.`, en: `the frame in ${year} must be above 0.` }, formatMio(stated.amount)));
      } else frameYears.push({ year, amount: stated.amount });
    }
  } else if (reading.frame) {
    for (const { year, amount } of frameYears) {
      const stated = reading.frame.amounts.get(year);
      if (stated && stated.amount !== amount) {
        fileProblems.push(
          located.at(reading.frame.row, stated.column, stated.columnNumber, "FRAME_DIFFERS", "WARNING", {
            da: `filens ramme er ${formatDanishAmount(stated.amount, { minDecimals: 1, grouping: true })}, rammen er ${formatDanishAmount(amount, { minDecimals: 1, grouping: true })}; rammen ændres ikke.`,
            en: `the file's frame is ${formatMio(stated.amount)}, the frame is ${formatMio(amount)}; the frame is not changed.`,
          }),
        );
      }
    }
  }

  // The lines: each under a theme, within the frame's precision.
  const themeTitles: string[] = [];
  const lines: BaselinePreviewLine[] = [];
  const known = existing ? await db.initiative.findMany({ where: { origin: "DOCUMENT", theme: { frameId: existing.id } }, select: { id: true, title: true, theme: { select: { title: true } } } }) : [];
  const knownByTitle = new Map(known.map((initiative) => [`${normalTitle(initiative.theme.title)}\u0000${normalTitle(initiative.title)}`, initiative.id]));
  for (const line of reading.lines) {
    const title = line.title ?? line.key ?? "";
    if (line.theme === null || line.theme.trim() === "") {
      fileProblems.push(
        located.at(line.row, null, null, "UNKNOWN_THEME", "ERROR", {
          da: `${JSON.stringify(title)} står ikke under en temaoverskrift (en række med kun en titel) eller i en temakolonne.`,
          en: `${JSON.stringify(title)} is under no theme heading (a row with only a title) and has no theme column.`,
        }, title),
      );
      continue;
    }
    const theme = line.theme.trim();
    if (!themeTitles.some((other) => normalTitle(other) === normalTitle(theme))) themeTitles.push(theme);
    for (const cell of line.cells) {
      if (checkAllocationAmount(cell.amount, { maxDecimals: precisionDecimals }, cell.text)) {
        fileProblems.push(
          located.at(cell.row, cell.column, cell.columnNumber, "TOO_PRECISE", "ERROR", {
            da: `${JSON.stringify(cell.text)} har flere decimaler end rammens ${precisionDecimals}.`,
            en: `${JSON.stringify(cell.text)} has more decimals than the frame's ${precisionDecimals}.`,
          }, cell.text),
        );
      }
    }
    const amounts = years.map((year) => ({ year, amount: line.cells.find((cell) => cell.year === year)?.amount ?? 0n }));
    lines.push({ row: line.row, theme, title, initiativeId: knownByTitle.get(`${normalTitle(theme)}\u0000${normalTitle(title)}`) ?? null, amounts });
  }
  if (file.ok && reading.lines.length === 0 && !fileProblems.some((problem) => problem.severity === "ERROR")) {
    fileProblems.push(located.at(0, null, null, "EMPTY_KEY", "ERROR", { da: "tabellen har ingen linjer.", en: "the table has no lines." }));
  }

  const allocated = new Map(years.map((year) => [year, sumOere(lines.map((line) => line.amounts.find((entry) => entry.year === year)!.amount))]));
  const printedTotals: PrintedTotal[] = [];
  if (reading.total) {
    for (const year of years) {
      const stated = reading.total.amounts.get(year);
      if (stated) printedTotals.push({ year, printed: stated.amount, computed: allocated.get(year) ?? 0n, difference: stated.amount - (allocated.get(year) ?? 0n), row: reading.total.row });
    }
  }
  const footnotes: BaselineFootnote[] = [];
  for (const [index, note] of (reading.notes ?? []).entries()) {
    const match = FOOTNOTE.exec(note.text.trim());
    let marker = match ? match[1]! : String(index + 1);
    while (footnotes.some((other) => other.marker === marker)) marker = `${marker}'`;
    footnotes.push({ row: note.row, marker, text: (match ? match[2]! : note.text).trim().slice(0, TEXT_LIMITS.description) });
  }

  const preview: BaselinePreview = {
    format: input.format,
    fileName: fileName!,
    sheet,
    frameName: existing?.name ?? fields!.name,
    years,
    themes: themeTitles,
    lines,
    yearTotals: frameYearTotals(frameYears, allocated),
    printedTotals,
    footnotes,
    problems: fileProblems,
    frameId: null,
    scenarioId: null,
  };
  if (input.dryRun) return preview;
  if (fileProblems.some((problem) => problem.severity === "ERROR")) throw new ImportRefusedError(fileProblems);

  return writeTransaction(async (tx) => {
    let frameId: string;
    if (existing) {
      const now = await findFrame(tx, new ProblemList(), "input.frameId", existing.id);
      if (now.archivedAt) throw InvalidInputError.of("input.frameId", "FRAME_ARCHIVED", `the frame ${JSON.stringify(now.name)} is archived.`, now.id);
      frameId = now.id;
    } else {
      frameId = await storeFrame(tx, caller, actor, { ...fields!, years: frameYears }, { document: fileName!, section: sheet ?? "CSV" });
    }
    const scenarioId = await storeBaseline(tx, { frameId, name: name!, description, fileName: fileName!, sheet, actor, years, lines, printedTotals, footnotes, priceLevel: existing?.priceLevel ?? fields!.priceLevel ?? `${years[0]}-pl` });
    return { ...preview, frameId, scenarioId };
  });
}

function tooLarge(): { ok: false; problems: ImportProblem[] } {
  return {
    ok: false,
    problems: [new Locator(null).at(0, null, null, "FILE_TOO_LARGE", "ERROR", { da: `filen er større end ${MAX_IMPORT_CHARACTERS} tegn.`, en: `the file is larger than ${MAX_IMPORT_CHARACTERS} characters.` })],
  };
}

/** A new frame's years from the header row's year columns: at least one, one consecutive range. */
function yearsOfFile(grid: Grid, located: Locator, problems: ImportProblem[]): number[] {
  const header = findHeader(grid.rows);
  if (header === null) {
    // A header row with an initiative column but no year: the table has no years.
    const titled = grid.rows.find((row) => row.cells.some((cell) => typeof cell === "string" && [...INITIATIVE_HEADERS, ...KEY_HEADERS].some((name) => name.toLowerCase() === cell.normalize("NFC").trim().toLowerCase())));
    if (titled) problems.push(located.at(titled.row, null, null, "NO_YEARS", "ERROR", { da: "overskriftsrækken har ingen kolonner for år (f.eks. 2025).", en: "the header row has no year columns (e.g. 2025)." }));
    else problems.push(located.noHeader());
    return [];
  }
  const headerRow = grid.rows[header.index]!;
  const found = headerRow.cells.map((cell) => yearOf(cell)).filter((year): year is number => year !== null);
  if (found.length === 0) {
    problems.push(located.at(headerRow.row, null, null, "NO_YEARS", "ERROR", { da: "overskriftsrækken har ingen kolonner for år.", en: "the header row has no year columns." }));
    return [];
  }
  const unique = [...new Set(found)].sort((left, right) => left - right);
  if (unique[unique.length - 1]! - unique[0]! !== unique.length - 1) {
    problems.push(
      located.at(headerRow.row, null, null, "YEARS_NOT_CONSECUTIVE", "ERROR", {
        da: `årskolonnerne (${unique.join(", ")}) er ikke én sammenhængende række år.`,
        en: `the year columns (${unique.join(", ")}) are not one consecutive range of years.`,
      }, unique.join(", ")),
    );
  }
  return unique;
}

interface StoredBaseline {
  frameId: string;
  name: string;
  description: string | null;
  fileName: string;
  sheet: string | null;
  actor: string;
  years: number[];
  lines: BaselinePreviewLine[];
  printedTotals: PrintedTotal[];
  footnotes: BaselineFootnote[];
  priceLevel: string;
}

const json = (value: unknown) => value as Prisma.InputJsonValue;

/** The locked baseline, its themes and initiatives where new, its printed table and the document record of its source. */
async function storeBaseline(tx: Transaction, baseline: StoredBaseline): Promise<string> {
  const at = new Date();
  const scenarioId = newKey(baseline.name);
  const documentFile = `${scenarioId}/${baseline.fileName}`;
  const section = baseline.sheet ?? "CSV";
  await tx.document.create({ data: { id: `import-${scenarioId}`, fileName: documentFile, title: baseline.fileName, publisher: baseline.actor, published: at.toISOString().slice(0, 10) } });

  const themes = await tx.theme.findMany({ where: { frameId: baseline.frameId }, select: { id: true, title: true, position: true } });
  const themeId = new Map(themes.map((theme) => [normalTitle(theme.title), theme.id]));
  let position = Math.max(-1, ...themes.map((theme) => theme.position)) + 1;
  for (const line of baseline.lines) {
    if (themeId.has(normalTitle(line.theme))) continue;
    const id = newKey(line.theme);
    await tx.theme.create({ data: { id, frameId: baseline.frameId, title: line.theme, position: position++, sources: json([{ document: documentFile, section, quote: line.theme }]) } });
    themeId.set(normalTitle(line.theme), id);
  }
  const initiativeIds: string[] = [];
  for (const line of baseline.lines) {
    if (line.initiativeId !== null) {
      initiativeIds.push(line.initiativeId);
      continue;
    }
    const id = newKey(line.title);
    await tx.initiative.create({ data: { id, themeId: themeId.get(normalTitle(line.theme))!, title: line.title, origin: "DOCUMENT", sources: json([{ document: documentFile, section, quote: line.title }]) } });
    initiativeIds.push(id);
  }

  await tx.scenario.create({
    data: { id: scenarioId, name: baseline.name, description: baseline.description, kind: "BASELINE", frameId: baseline.frameId, locked: true, mustFit: false, createdBy: baseline.actor, createdAt: at },
  });
  await tx.scenarioLine.createMany({ data: initiativeIds.map((initiativeId, index) => ({ scenarioId, initiativeId, position: index })) });
  await tx.allocation.createMany({
    data: baseline.lines.flatMap((line, index) => line.amounts.map(({ year, amount }) => ({ scenarioId, initiativeId: initiativeIds[index]!, year, amount }))),
  });
  await tx.scenarioChange.create({
    data: { scenarioId, version: 1, kind: "CREATED", actor: baseline.actor, at, comment: baseline.fileName, details: json({ document: documentFile, fileName: baseline.fileName, sheet: baseline.sheet, importedBy: baseline.actor }) },
  });

  const tableId = `import-${scenarioId}`;
  await tx.sourceTable.create({
    data: { id: tableId, documentId: `import-${scenarioId}`, scenarioId, title: baseline.sheet ?? baseline.fileName, unit: `Mio. kr., ${baseline.priceLevel}`, source: json({ document: documentFile, section }) },
  });
  const printed = (amount: Oere) => formatDanishAmount(amount, { grouping: true });
  await tx.sourceTableLine.createMany({
    data: baseline.lines.map((line, index) => ({
      tableId,
      initiativeId: initiativeIds[index]!,
      position: index,
      printedHeading: line.theme,
      printedTitle: line.title,
      printedAmounts: json(line.amounts.map((entry) => printed(entry.amount))),
      footnoteMarkers: json([]),
    })),
  });
  await tx.statedTotal.createMany({ data: baseline.printedTotals.map((total) => ({ tableId, year: total.year, amount: total.printed, printed: printed(total.printed), footnoteMarkers: json([]) })) });
  await tx.footnote.createMany({ data: baseline.footnotes.map((note) => ({ tableId, marker: note.marker, text: note.text })) });
  return scenarioId;
}
