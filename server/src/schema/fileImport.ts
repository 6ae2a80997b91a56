/** importScenarioFile: a CSV file or an XLSX workbook into a what-if, previewed (dryRun) or applied as one version. */
import { visibleInitiativesWhere } from "../auth/access.ts";
import { builder } from "../builder.ts";
import { ImportRefusedError } from "../engine/errors.ts";
import {
  importScenarioFile,
  type ImportLineStatus,
  type ImportMatch,
  type ImportPreview,
  type ImportPreviewLine,
  type ImportSuggestion,
  type ImportYearTotal,
} from "../engine/fileImport.ts";
import { columnLetters, IMPORT_PROBLEM_CODES, type ImportProblem, type ImportSeverity } from "../exchange/index.ts";
import { EDIT_ERRORS, ErrorInterface } from "./errors.ts";
import { FileFormatEnum, ImportNumberStyleEnum } from "./exchange.ts";
import { ScenarioEditRef } from "./scenarioMutations.ts";

const ImportProblemCodeEnum = builder.enumType("ImportProblemCode", {
  description: "What is wrong with an imported file, or (WARNING) worth a look.",
  values: Object.fromEntries(Object.entries(IMPORT_PROBLEM_CODES).map(([code, description]) => [code, { description }])) as Record<
    keyof typeof IMPORT_PROBLEM_CODES,
    { description: string }
  >,
});

const ImportSeverityEnum = builder.enumType("ImportSeverity", {
  description: "Whether a problem refuses the import or is only worth a look.",
  values: {
    ERROR: { description: "Refuses the import: nothing can be applied until the file is fixed." },
    WARNING: { description: "Shown for a look; the import can be applied." },
  } satisfies Record<ImportSeverity, unknown>,
});

export const ImportProblemRef = builder.objectRef<ImportProblem>("ImportProblem").implement({
  description: "A problem found in an imported file, at its sheet, row and column.",
  fields: (t) => ({
    code: t.field({ type: ImportProblemCodeEnum, description: "What is wrong, as a code a client can switch on.", resolve: (problem) => problem.code }),
    severity: t.field({ type: ImportSeverityEnum, description: "Whether it refuses the import (ERROR) or is worth a look (WARNING).", resolve: (problem) => problem.severity }),
    sheet: t.exposeString("sheet", { nullable: true, description: "The worksheet; null for CSV." }),
    row: t.exposeInt("row", { description: "1-based row as the spreadsheet shows it; 0 for a problem with the whole file." }),
    column: t.exposeString("column", { nullable: true, description: 'The column\'s header text ("2025").' }),
    columnLetter: t.string({ nullable: true, description: '"D".', resolve: (problem) => (problem.columnNumber === null ? null : columnLetters(problem.columnNumber)) }),
    message: t.exposeString("messageEn", { description: "In English, with the place." }),
    messageDa: t.exposeString("message", { description: "In Danish, with the place." }),
    value: t.string({ nullable: true, description: "The cell's text as written.", resolve: (problem) => problem.text ?? null }),
  }),
});

builder.objectType(ImportRefusedError, {
  name: "ImportRefusedError",
  description: "The file cannot be imported as it is; every problem is listed, each at its place. Nothing was stored.",
  interfaces: [ErrorInterface],
  fields: (t) => ({ problems: t.field({ type: [ImportProblemRef], description: "Every problem of the file, each at its sheet, row and column.", resolve: (error) => error.problems }) }),
});

const ImportLineStatusEnum = builder.enumType("ImportLineStatus", {
  description: "What the import does to a line of the what-if.",
  values: {
    ADDED: { description: "An existing initiative the what-if does not have yet." },
    NEW: { description: "A new proposal line (no initiative has the title); created when applied." },
    REMOVED: { description: "A line of the what-if the file does not have." },
    CHANGED: { description: "A line whose amounts differ in some year." },
    UNCHANGED: { description: "A line the file has with the same amounts." },
  } satisfies Record<ImportLineStatus, unknown>,
});

const ImportMatchEnum = builder.enumType("ImportMatch", {
  description: "How a row of the file was matched to an initiative.",
  values: {
    KEY: { description: "By the key column." },
    TITLE: { description: "By the exact title (ignoring case and spacing)." },
    CHOSEN: { description: "By the caller's lineChoices." },
    NEW: { description: "No initiative: a new proposal." },
    NONE: { description: "Not in the file (a removed line)." },
  } satisfies Record<ImportMatch, unknown>,
});

const ImportAmountRef = builder.objectRef<ImportPreviewLine["amounts"][number]>("ImportAmount").implement({
  description: "A year's amount of a line before and after the import.",
  fields: (t) => ({
    year: t.exposeInt("year", { description: "The frame year." }),
    before: t.expose("before", { type: "Decimal", nullable: true, description: "Null when the line is not in the what-if now." }),
    after: t.expose("after", { type: "Decimal", nullable: true, description: "Null when the import takes the line out." }),
  }),
});

const ImportPreviewLineRef = builder.objectRef<ImportPreviewLine>("ImportPreviewLine").implement({
  description: "A line of the what-if as the import leaves it.",
  fields: (t) => ({
    row: t.exposeInt("row", { nullable: true, description: "The file's row; null for a removed line." }),
    initiativeKey: t.exposeString("initiativeId", { nullable: true, description: "Null for a new proposal." }),
    title: t.exposeString("title", { description: "The initiative's title (a new proposal: as the file writes it)." }),
    theme: t.exposeString("theme", { nullable: true, description: "The theme's title; null where the file names none for a new line." }),
    status: t.field({ type: ImportLineStatusEnum, description: "What the import does to the line.", resolve: (line) => line.status }),
    match: t.field({ type: ImportMatchEnum, description: "How the row was matched to an initiative.", resolve: (line) => line.match }),
    amounts: t.field({ type: [ImportAmountRef], description: "Per frame year, before and after.", resolve: (line) => line.amounts }),
  }),
});

const ImportYearTotalRef = builder.objectRef<ImportYearTotal>("ImportYearTotal").implement({
  description: "A year's total before and after the import, against the frame.",
  fields: (t) => ({
    year: t.exposeInt("year", { description: "The frame year." }),
    allocatedBefore: t.expose("allocatedBefore", { type: "Decimal", description: "The year's total now, before the import." }),
    allocated: t.expose("allocated", { type: "Decimal", description: "After the import." }),
    frame: t.expose("frame", { type: "Decimal", description: "The frame's amount for the year." }),
    headroom: t.expose("headroom", { type: "Decimal", description: "frame - allocated after; negative when over." }),
    fitsFrame: t.exposeBoolean("fits", { description: "Whether the year's total after the import is within the frame." }),
  }),
});

const ImportSuggestionRef = builder.objectRef<ImportSuggestion>("ImportSuggestion").implement({
  description: "A close title offered for a row no initiative's title matches exactly; confirm it with lineChoices.",
  fields: (t) => ({
    row: t.exposeInt("row", { description: "The file's row (1-based, as the spreadsheet shows it)." }),
    initiativeKey: t.exposeString("initiativeId", { description: "The key of the initiative offered." }),
    title: t.exposeString("title", { description: "The title of the initiative offered." }),
  }),
});

const ImportPreviewRef = builder.objectRef<ImportPreview>("ImportPreview").implement({
  description: "What an import does (or, applied, did): the lines it adds, removes and changes, the totals against the frame, and every problem.",
  fields: (t) => ({
    format: t.field({ type: FileFormatEnum, description: "The file's format.", resolve: (preview) => preview.format }),
    fileName: t.exposeString("fileName", { nullable: true, description: "The file's name, as given." }),
    sheet: t.exposeString("sheet", { nullable: true, description: "The worksheet read (the first with a header row)." }),
    baseVersion: t.exposeInt("baseVersion", { description: "The version compared with: send it as expectedVersion to apply." }),
    applied: t.boolean({ description: "Whether the import was stored (false for a dry run or a refusal).", resolve: (preview) => preview.edit !== null }),
    canApply: t.boolean({ description: "No ERROR problem.", resolve: (preview) => preview.problems.every((problem) => problem.severity !== "ERROR") }),
    lines: t.field({ type: [ImportPreviewLineRef], description: "Changed lines first (file order, then removed lines), then unchanged ones.", resolve: (preview) => preview.lines }),
    yearTotals: t.field({ type: [ImportYearTotalRef], description: "Each frame year's total before and after, against the frame.", resolve: (preview) => preview.yearTotals }),
    problems: t.field({ type: [ImportProblemRef], description: "Every problem found, each at its place.", resolve: (preview) => preview.problems }),
    suggestions: t.field({ type: [ImportSuggestionRef], description: "Close titles offered for rows without an exact match.", resolve: (preview) => preview.suggestions }),
    edit: t.field({ type: ScenarioEditRef, nullable: true, description: "The committed change; null for a dry run.", resolve: (preview) => preview.edit }),
  }),
});

const LineChoiceInput = builder.inputType("ImportLineChoice", {
  description: "For a row matched only by a close title: the initiative meant, or none to take the row as a new proposal.",
  fields: (t) => ({ row: t.int({ required: true, description: "The file's row the choice is for." }), initiativeId: t.id({ description: "Omitted or null: a new proposal line." }) }),
});

const ImportScenarioFileInput = builder.inputType("ImportScenarioFileInput", {
  description: "A file to make a what-if equal to.",
  fields: (t) => ({
    scenarioId: t.id({ required: true, description: "The what-if's global ID or key." }),
    expectedVersion: t.int({ required: true, description: "The scenario version this import is based on (a preview's baseVersion)." }),
    format: t.field({ type: FileFormatEnum, required: true, description: "CSV or XLSX." }),
    content: t.string({
      required: true,
      description: "XLSX: the workbook's bytes in base64 (at most 2,500,000 bytes). CSV: the text (at most 10 million characters), or its UTF-8 bytes in base64 with base64: true.",
    }),
    base64: t.boolean({ defaultValue: false, description: "For CSV: the content is base64. A workbook is always base64." }),
    fileName: t.string({ description: "The file's name: put in the history's comment." }),
    numberStyle: t.field({ type: ImportNumberStyleEnum, defaultValue: "AUTO", description: "For CSV; a workbook's text cells are read as Danish numbers." }),
    lineChoices: t.field({ type: [LineChoiceInput], description: "Confirmations of close title matches, by row." }),
    comment: t.string({ description: "Why: shown in the history after the file's name." }),
    dryRun: t.boolean({ defaultValue: false, description: "Only the preview; nothing is stored. Problems come in the preview instead of as ImportRefusedError." }),
  }),
});

builder.mutationField("importScenarioFile", (t) =>
  t.field({
    type: ImportPreviewRef,
    description:
      "Makes a what-if equal to a CSV file or an XLSX workbook: lines matched by key or exact title (a close title is offered in suggestions, " +
      "an unknown title becomes a new proposal line), amounts as the file says, lines it lacks taken out, computed rows checked, not imported. " +
      "dryRun gives the preview; otherwise one version is made (its comment names the file), or ImportRefusedError lists every problem and nothing is stored.",
    errors: { types: [ImportRefusedError, ...EDIT_ERRORS] },
    args: { input: t.arg({ description: "The file and how to read it.", type: ImportScenarioFileInput, required: true }) },
    authScopes: (_root, { input }) => ({ editScenarios: [{ field: "input.scenarioId", id: input.scenarioId }] }),
    resolve: (_root, { input }, context) =>
      importScenarioFile(
        {
          scenarioId: String(input.scenarioId),
          expectedVersion: input.expectedVersion,
          format: input.format,
          content: input.content,
          base64: input.base64 ?? false,
          fileName: input.fileName,
          numberStyle: input.numberStyle ?? "AUTO",
          lineChoices: input.lineChoices?.map((choice) => ({ row: choice.row, initiativeId: choice.initiativeId === null || choice.initiativeId === undefined ? null : String(choice.initiativeId) })),
          comment: input.comment,
          dryRun: input.dryRun ?? false,
          visibleInitiatives: visibleInitiativesWhere(context.caller),
        },
        context.actor,
      ),
  }),
);
