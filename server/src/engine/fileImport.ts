/**
 * Import of a CSV file or an XLSX workbook into a what-if, as a preview (dry run) or as one change.
 * One pipeline for both formats: the file becomes rows of cells (exchange/csvImport.ts,
 * exchange/xlsxImport.ts; outside the write transaction, since reading a workbook takes a moment),
 * the one sheet reader takes the lines from them (exchange/scenarioGrid.ts), and here each line is
 * matched to an initiative (by key; by exact title; a close title is offered, never applied; else a
 * new proposal), checked against the frame, and compared with the scenario as it stands.
 */
import { checkAllocationAmount, formatDanishAmount, frameYearTotals, formatMio, type FrameYearTotal, type Oere } from "@ramme/domain";
import type { Transaction } from "../db.ts";
import { Prisma } from "../generated/prisma/client.ts";
import {
  closestTitle,
  csvToGridPaced,
  Locator,
  normalTitle,
  readScenarioCsvGrid,
  readScenarioGrid,
  xlsxToGrid,
  type Delimiter,
  type Grid,
  type ImportedLine,
  type ImportProblem,
  type NumberStyle,
  type SheetReading,
} from "../exchange/index.ts";
import { commitChange, type CommittedChange } from "./commitChange.ts";
import { editScenario } from "./editScenario.ts";
import { ImportRefusedError, InvalidInputError } from "./errors.ts";
import type { ProblemList } from "./input.ts";
import { assertVersion, type ScenarioForEdit } from "./scenarioAccess.ts";
import { paceEvery } from "../cooperative.ts";
import { recentWorkbooks } from "./recentWorkbooks.ts";
import { newKey } from "./scenarioLifecycle.ts";
import { changeBetween, currentState, type ScenarioState } from "./scenarioState.ts";

export type ImportFormat = "CSV" | "XLSX";

/** The largest CSV text an import reads (a 20,000-line scenario in CSV is about 2 MB). */
export const MAX_IMPORT_CHARACTERS = 10_000_000;

export interface FileImportInput {
  scenarioId: string;
  expectedVersion: number;
  format: ImportFormat;
  /** CSV: the text (or, with `base64`, its UTF-8 bytes in base64); XLSX: the workbook's bytes in base64. */
  content: string;
  base64: boolean;
  /** The file's name, put in the history's comment. */
  fileName?: string | null;
  /** How a CSV file's amounts are written (a workbook's text cells are read as Danish). */
  numberStyle: NumberStyle | "AUTO";
  /** Confirmations for rows matched by a close title: the initiative meant, or null for a new proposal line. */
  lineChoices?: ReadonlyArray<{ row: number; initiativeId: string | null }> | null;
  comment?: string | null;
  /** Only a preview: nothing is stored. */
  dryRun: boolean;
  /** The initiatives the caller may see (auth/access.ts); others are unknown to the import. */
  visibleInitiatives?: Prisma.InitiativeWhereInput;
}

export type ImportLineStatus = "ADDED" | "NEW" | "REMOVED" | "CHANGED" | "UNCHANGED";
export type ImportMatch = "KEY" | "TITLE" | "CHOSEN" | "NEW" | "NONE";

export interface ImportPreviewLine {
  /** The file's row; null for a line the file lacks (REMOVED). */
  row: number | null;
  /** The initiative's key; null for a new proposal (its key is made when applied). */
  initiativeId: string | null;
  title: string;
  theme: string | null;
  status: ImportLineStatus;
  match: ImportMatch;
  /** Per frame year: before (null: not a line before) and after (null: not a line after). */
  amounts: Array<{ year: number; before: Oere | null; after: Oere | null }>;
}

export interface ImportYearTotal extends FrameYearTotal {
  allocatedBefore: Oere;
}

export interface ImportSuggestion {
  row: number;
  initiativeId: string;
  title: string;
}

export interface ImportPreview {
  format: ImportFormat;
  fileName: string | null;
  sheet: string | null;
  /** The version the preview compares with (the one to send as expectedVersion to apply it). */
  baseVersion: number;
  lines: ImportPreviewLine[];
  yearTotals: ImportYearTotal[];
  problems: ImportProblem[];
  suggestions: ImportSuggestion[];
  /** Null for a dry run; the committed change when applied. */
  edit: CommittedChange | null;
}

/** The file as rows of cells, or its problems. Pure and outside any transaction (engine/baselineImport.ts reads with it too). */
export async function readFile(
  input: Pick<FileImportInput, "content" | "format" | "base64">,
): Promise<{ ok: true; grid: Grid; csvDelimiter: Delimiter | null } | { ok: false; problems: ImportProblem[] }> {
  const located = new Locator(null);
  if (input.content.length > MAX_IMPORT_CHARACTERS) {
    return {
      ok: false,
      problems: [located.at(0, null, null, "FILE_TOO_LARGE", "ERROR", { da: `filen er større end ${MAX_IMPORT_CHARACTERS} tegn.`, en: `the file is larger than ${MAX_IMPORT_CHARACTERS} characters.` })],
    };
  }
  if (input.format === "XLSX" || input.base64) {
    if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(input.content)) {
      return { ok: false, problems: [located.at(0, null, null, input.format === "XLSX" ? "NOT_A_WORKBOOK" : "MALFORMED_CSV", "ERROR", { da: "indholdet er ikke base64.", en: "the content is not base64." })] };
    }
  }
  if (input.format === "XLSX") {
    // A preview and then its apply send the same workbook: the second is not read again.
    const read = await recentWorkbooks.read(input.content, () => xlsxToGrid(new Uint8Array(Buffer.from(input.content, "base64"))));
    return read.ok ? { ok: true, grid: read.grid, csvDelimiter: null } : read;
  }
  const text = input.base64 ? Buffer.from(input.content, "base64").toString("utf8") : input.content;
  // Read once, taking turns on the event loop (a 5,000-line file was parsed in one go, and twice).
  const read = await csvToGridPaced(text);
  return read.ok ? { ok: true, grid: read.grid, csvDelimiter: read.delimiter } : read;
}

/**
 * The preview of making the what-if equal to the file; with dryRun false and no ERROR problem, the
 * change made, as one version whose comment names the file. Problems refuse it with
 * ImportRefusedError (nothing stored); a dry run returns them in the preview instead.
 */
export async function importScenarioFile(input: FileImportInput, actor: string): Promise<ImportPreview> {
  const file = await readFile(input);
  const choices = new Map<number, string | null>();
  const checkInput = (problems: ProblemList) => {
    (input.lineChoices ?? []).forEach((choice, index) => {
      choices.set(choice.row, choice.initiativeId === null ? null : problems.id(`input.lineChoices[${index}].initiativeId`, choice.initiativeId, "Initiative"));
    });
  };
  return editScenario(input, checkInput, async ({ tx, scenario, comment }) => {
    const years = scenario.frame.years.map((entry) => entry.year);
    let reading: SheetReading;
    if (!file.ok) reading = { lines: [], frame: null, problems: file.problems };
    else if (file.csvDelimiter !== null) reading = readScenarioCsvGrid({ grid: file.grid, delimiter: file.csvDelimiter }, { years, numberStyle: input.numberStyle });
    else reading = readScenarioGrid(file.grid, { years, numberStyle: "DANISH" });
    const sheet = file.ok ? file.grid.sheet : null;
    const planned = await planImport(tx, scenario, reading, { choices, visibleInitiatives: input.visibleInitiatives }, new Locator(sheet));
    const preview: ImportPreview = { format: input.format, fileName: input.fileName ?? null, sheet, baseVersion: scenario.version, ...planned.preview, edit: null };
    if (input.dryRun) return preview;
    if (preview.problems.some((problem) => problem.severity === "ERROR")) throw new ImportRefusedError(preview.problems);
    assertVersion(scenario, input.expectedVersion);
    for (const proposal of planned.proposals) {
      await tx.initiative.create({
        data: { id: proposal.id, themeId: proposal.themeId, title: proposal.title, origin: "PROPOSAL", createdInScenarioId: scenario.id, sources: [] as Prisma.InputJsonValue },
      });
    }
    const fileComment = input.fileName ? (comment ? `${input.fileName}: ${comment}` : input.fileName) : comment;
    const details = { format: input.format, fileName: input.fileName ?? null, lines: reading.lines.length, proposals: planned.proposals.map((proposal) => proposal.id) };
    const edit = await commitChange(tx, scenario, { kind: "IMPORTED", ...planned.change, comment: fileComment, commentOn: "SCENARIO", details }, actor);
    return { ...preview, edit };
  });
}

/**
 * The CSV import of the first API (importScenarioCsv): the same pipeline, applied, its refusals
 * given as InvalidInputError with the place in `field` ("input.content (row 7, column 2025)").
 */
export async function importScenarioCsv(
  input: Omit<FileImportInput, "format" | "base64" | "dryRun" | "fileName" | "lineChoices">,
  actor: string,
): Promise<CommittedChange> {
  try {
    const preview = await importScenarioFile({ ...input, format: "CSV", base64: false, dryRun: false }, actor);
    return preview.edit!;
  } catch (error) {
    if (!(error instanceof ImportRefusedError)) throw error;
    throw new InvalidInputError(
      error.problems
        .filter((problem) => problem.severity === "ERROR")
        .map((problem) => ({
          field: problem.row === 0 ? "input.content" : `input.content (row ${problem.row}${problem.column === null ? "" : `, column ${problem.column}`})`,
          code: INPUT_CODES[problem.code] ?? "BAD_FILE",
          message: problem.messageEn,
          value: problem.text ?? null,
        })),
    );
  }
}

const INPUT_CODES: Partial<Record<ImportProblem["code"], InvalidInputError["problems"][number]["code"]>> = {
  UNKNOWN_YEAR_COLUMN: "YEAR_OUTSIDE_FRAME",
  DUPLICATE_LINE: "DUPLICATE_CELL",
  NOT_A_NUMBER: "NOT_A_NUMBER",
  FORMULA_ERROR: "NOT_A_NUMBER",
  AMBIGUOUS: "AMBIGUOUS",
  TOO_PRECISE: "TOO_PRECISE",
  TOO_LARGE: "TOO_LARGE",
  NEGATIVE: "NEGATIVE",
  EMPTY_KEY: "REQUIRED",
  UNKNOWN_INITIATIVE: "UNKNOWN_INITIATIVE",
  UNKNOWN_THEME: "UNKNOWN_THEME",
};

interface Proposal {
  id: string;
  title: string;
  themeId: string;
}

interface Known {
  id: string;
  title: string;
  theme: { id: string; title: string };
}

/** Matches the file's lines to initiatives, checks them against the frame, and compares with the scenario. */
async function planImport(
  tx: Transaction,
  scenario: ScenarioForEdit,
  reading: SheetReading,
  input: { choices: Map<number, string | null>; visibleInitiatives: Prisma.InitiativeWhereInput | undefined },
  located: Locator,
) {
  const years = scenario.frame.years.map((entry) => entry.year);
  const problems = [...reading.problems];
  const suggestions: ImportSuggestion[] = [];
  const proposals: Proposal[] = [];
  const now = await currentState(tx, scenario.id);
  // Only the scenario's frame's initiatives and themes: a file never pulls in another frame's lines.
  const known: Known[] = await tx.initiative.findMany({ where: { AND: [input.visibleInitiatives ?? {}, { theme: { frameId: scenario.frameId } }] }, select: { id: true, title: true, theme: { select: { id: true, title: true } } } });
  const byId = new Map(known.map((initiative) => [initiative.id, initiative]));
  const byTitle = new Map<string, Known>();
  // The scenario's own lines first, so a title two initiatives share matches the one in the scenario.
  for (const initiative of [...known].sort((left, right) => Number(now.positions.has(right.id)) - Number(now.positions.has(left.id)))) {
    if (!byTitle.has(normalTitle(initiative.title))) byTitle.set(normalTitle(initiative.title), initiative);
  }
  const themes = await tx.theme.findMany({ where: { frameId: scenario.frameId }, select: { id: true, title: true } });
  const themeByTitle = new Map(themes.map((theme) => [normalTitle(theme.title), theme]));
  const choices = input.choices;

  const target: ScenarioState = { cells: new Map(), positions: new Map() };
  const previewLines: ImportPreviewLine[] = [];
  const rowOf = new Map<string, number>();
  let nextPosition = Math.max(-1, ...now.positions.values()) + 1;
  for (const [index, line] of reading.lines.entries()) {
    await paceEvery(index);
    const matched = matchLine(line, { byId, byTitle, choices, known, themeByTitle, located, problems, suggestions });
    if (matched === null) continue;
    let id: string;
    if (matched.kind === "NEW") {
      id = newKey(line.title!);
      proposals.push({ id, title: line.title!, themeId: matched.theme.id });
    } else id = matched.initiative.id;
    const firstRow = rowOf.get(id);
    if (firstRow !== undefined) {
      problems.push(located.at(line.row, null, null, "DUPLICATE_LINE", "ERROR", { da: `initiativet står allerede i række ${firstRow}.`, en: `the initiative is already in row ${firstRow}.` }, id));
      continue;
    }
    rowOf.set(id, line.row);
    const cells = new Map<number, Oere>();
    for (const cell of line.cells) {
      const error = checkAllocationAmount(cell.amount, { maxDecimals: scenario.frame.precisionDecimals }, cell.text);
      if (error) {
        problems.push(
          located.at(cell.row, cell.column, cell.columnNumber, "TOO_PRECISE", "ERROR", {
            da: `${JSON.stringify(cell.text)} har flere decimaler end rammens ${scenario.frame.precisionDecimals}.`,
            en: `${JSON.stringify(cell.text)} has more decimals than the frame's ${scenario.frame.precisionDecimals}.`,
          }, cell.text),
        );
      }
      cells.set(cell.year, cell.amount);
    }
    target.cells.set(id, cells);
    target.positions.set(id, now.positions.get(id) ?? nextPosition++);
    const before = now.cells.get(id);
    const status: ImportLineStatus = matched.kind === "NEW" ? "NEW" : !now.positions.has(id) ? "ADDED" : years.some((year) => (before?.get(year) ?? 0n) !== (cells.get(year) ?? 0n)) ? "CHANGED" : "UNCHANGED";
    previewLines.push({
      row: line.row,
      initiativeId: matched.kind === "NEW" ? null : id,
      title: matched.kind === "NEW" ? line.title! : matched.initiative.title,
      theme: matched.kind === "NEW" ? matched.theme.title : matched.initiative.theme.title,
      status,
      match: matched.kind,
      amounts: years.map((year) => ({ year, before: now.positions.has(id) ? (before?.get(year) ?? 0n) : null, after: cells.get(year) ?? 0n })),
    });
  }
  for (const [id] of [...now.positions].sort((left, right) => left[1] - right[1])) {
    if (target.positions.has(id)) continue;
    const initiative = byId.get(id) ?? (await tx.initiative.findUniqueOrThrow({ where: { id }, select: { id: true, title: true, theme: { select: { id: true, title: true } } } }));
    previewLines.push({
      row: null,
      initiativeId: id,
      title: initiative.title,
      theme: initiative.theme.title,
      status: "REMOVED",
      match: "NONE",
      amounts: years.map((year) => ({ year, before: now.cells.get(id)?.get(year) ?? 0n, after: null })),
    });
  }
  if (reading.frame) {
    for (const { year, amount } of scenario.frame.years) {
      const stated = reading.frame.amounts.get(year);
      if (stated && stated.amount !== amount) {
        problems.push(
          located.at(reading.frame.row, stated.column, stated.columnNumber, "FRAME_DIFFERS", "WARNING", {
            da: `filens ramme er ${formatDanishAmount(stated.amount, { minDecimals: 1, grouping: true })}, rammen er ${formatDanishAmount(amount, { minDecimals: 1, grouping: true })}; rammen indlæses ikke.`,
            en: `the file's frame is ${formatMio(stated.amount)}, the frame is ${formatMio(amount)}; the frame is not imported.`,
          }),
        );
      }
    }
  }

  const allocated = (state: ScenarioState) => new Map(years.map((year) => [year, [...state.cells.values()].reduce((sum, cells) => sum + (cells.get(year) ?? 0n), 0n)]));
  const before = allocated(now);
  const yearTotals = frameYearTotals(scenario.frame.years, allocated(target)).map((total) => ({ ...total, allocatedBefore: before.get(total.year) ?? 0n }));
  return {
    preview: { lines: previewLines.filter((line) => line.status !== "UNCHANGED").concat(previewLines.filter((line) => line.status === "UNCHANGED")), yearTotals, problems, suggestions },
    proposals,
    change: changeBetween(now, target, years),
  };
}

type Matched = { kind: "KEY" | "TITLE" | "CHOSEN"; initiative: Known } | { kind: "NEW"; theme: { id: string; title: string } };

interface MatchContext {
  byId: Map<string, Known>;
  byTitle: Map<string, Known>;
  choices: Map<number, string | null>;
  known: readonly Known[];
  themeByTitle: Map<string, { id: string; title: string }>;
  located: Locator;
  problems: ImportProblem[];
  suggestions: ImportSuggestion[];
}

/** The initiative a line is: by key; by a choice the caller made for its row; by exact title; else a new proposal (a close title is offered first). */
function matchLine(line: ImportedLine, context: MatchContext): Matched | null {
  const { located, problems } = context;
  if (line.key !== null) {
    const initiative = context.byId.get(line.key);
    if (initiative) return { kind: "KEY", initiative };
    problems.push(located.at(line.row, null, null, "UNKNOWN_INITIATIVE", "ERROR", { da: `der er intet initiativ med nøglen ${JSON.stringify(line.key)}.`, en: `there is no initiative ${JSON.stringify(line.key)}.` }, line.key));
    return null;
  }
  const title = line.title!;
  const chosen = context.choices.get(line.row);
  if (chosen !== undefined && chosen !== null) {
    const initiative = context.byId.get(chosen);
    if (initiative) return { kind: "CHOSEN", initiative };
    problems.push(located.at(line.row, null, null, "UNKNOWN_INITIATIVE", "ERROR", { da: `der er intet initiativ med nøglen ${JSON.stringify(chosen)}.`, en: `there is no initiative ${JSON.stringify(chosen)}.` }, chosen));
    return null;
  }
  const exact = context.byTitle.get(normalTitle(title));
  if (exact) return { kind: "TITLE", initiative: exact };
  if (chosen === undefined) {
    const close = closestTitle(title, context.known);
    if (close) {
      context.suggestions.push({ row: line.row, initiativeId: close.id, title: close.title });
      problems.push(
        located.at(line.row, null, null, "UNCONFIRMED_MATCH", "ERROR", {
          da: `intet initiativ hedder ${JSON.stringify(title)}; mente du ${JSON.stringify(close.title)}? Bekræft, eller tag rækken som et nyt forslag.`,
          en: `no initiative is called ${JSON.stringify(title)}; did you mean ${JSON.stringify(close.title)}? Confirm it, or take the row as a new proposal.`,
        }, title),
      );
      return null;
    }
  }
  const theme = line.theme === null ? undefined : context.themeByTitle.get(normalTitle(line.theme));
  if (theme) return { kind: "NEW", theme };
  problems.push(
    located.at(line.row, null, null, "UNKNOWN_THEME", "ERROR", {
      da: `${JSON.stringify(title)} er et nyt forslag og skal have et tema, men ${JSON.stringify(line.theme ?? "")} er ikke et tema.`,
      en: `${JSON.stringify(title)} is a new proposal and needs a theme, but ${JSON.stringify(line.theme ?? "")} is not a theme.`,
    }, line.theme ?? ""),
  );
  return null;
}
