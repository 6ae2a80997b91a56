/** Export of a scenario or a comparison to CSV/XLSX, and the first import of a scenario from CSV (importScenarioFile: fileImport.ts). */
import { scenarioArguments, visibleInitiativesWhere } from "../auth/access.ts";
import { MAX_COMPARED } from "../engine/comparison.ts";
import { builder } from "../builder.ts";
import { db } from "../db.ts";
import { InvalidInputError } from "../engine/errors.ts";
import { signalOf } from "../cooperative.ts";
import { exportComparison, exportScenario, type ExportOptions, type PricedExportFile } from "../engine/fileExchange.ts";
import { importScenarioCsv } from "../engine/fileImport.ts";
import { LanguageEnum } from "./compare.ts";
import { EDIT_ERRORS } from "./errors.ts";
import { ScenarioEditRef } from "./scenarioMutations.ts";

export const FileFormatEnum = builder.enumType("FileFormat", {
  description: "A spreadsheet file format.",
  values: {
    CSV: { description: "Text with one row per line: UTF-8 with BOM, CRLF, opens directly in Excel." },
    XLSX: {
      description:
        "An Excel workbook: a header block (scenario, frame and price level, version, who, when), theme headings and subtotals, numeric cells, " +
        "totals and headroom as formulas with their values cached, frozen header and title columns, and a sheet of every line's sources.",
    },
  },
});

const NumberStyleEnum = builder.enumType("NumberStyle", {
  description: "How amounts are written in a CSV file.",
  values: {
    DANISH: { description: '"1.234,5" with ";" between cells, as a Danish Excel reads and writes CSV. The default.' },
    API: { description: '"1234.5" with "," between cells.' },
  },
});

export const ImportNumberStyleEnum = builder.enumType("ImportNumberStyle", {
  description: "How amounts in an imported CSV are written.",
  values: {
    AUTO: { description: 'Decided by the file: ";" files are Danish, "," files are API, tab files Danish when any amount has a ",".' },
    DANISH: { description: '"1.234,5" and "3,5"; "-" is 0.' },
    API: { description: '"1234.5"; "-" is 0.' },
  },
});

export const ExportFileRef = builder.objectRef<PricedExportFile>("ExportFile").implement({
  description: "A file to save: its name, type and content.",
  fields: (t) => ({
    fileName: t.exposeString("fileName", { description: '"aftale-2024.xlsx".' }),
    contentType: t.exposeString("contentType", { description: "The file's media type." }),
    base64: t.string({ description: "The file's bytes, base64-encoded.", resolve: (file) => Buffer.from(file.bytes).toString("base64") }),
    byteLength: t.int({ description: "The file's size in bytes.", resolve: (file) => file.bytes.byteLength }),
  }),
});

const exportArgs = (t: Parameters<Parameters<typeof builder.queryField>[1]>[0]) => ({
  format: t.arg({ type: FileFormatEnum, required: true, description: "CSV or XLSX." }),
  numberStyle: t.arg({ type: NumberStyleEnum, defaultValue: "DANISH", description: "For CSV; XLSX cells are numbers either way." }),
  language: t.arg({ type: LanguageEnum, defaultValue: "DA", description: "Language of the headings and labels." }),
  priceLevel: t.arg.int({ description: "Write the amounts in this year's price level (the file says so in its title rows and name); omitted: the frame's own." }),
});

function optionsOf(
  args: { format: "CSV" | "XLSX"; numberStyle?: "DANISH" | "API" | null; language?: "DA" | "EN" | null; priceLevel?: number | null },
  exportedBy: string,
  info?: unknown,
): ExportOptions {
  return { format: args.format, numberStyle: args.numberStyle ?? "DANISH", language: args.language === "EN" ? "en" : "da", priceLevel: args.priceLevel ?? null, exportedBy, signal: signalOf(info) };
}

builder.queryField("exportScenario", (t) =>
  t.field({
    type: ExportFileRef,
    description: "A scenario as a spreadsheet: its lines per year with totals, the frame and the headroom.",
    errors: { types: [InvalidInputError] },
    args: { scenarioId: t.arg.id({ description: "The scenario's global ID or key.", required: true }), ...exportArgs(t) },
    authScopes: (_root, args) => ({ readScenarios: [{ field: "scenarioId", id: args.scenarioId }] }),
    resolve: (_root, args, context, info) => exportScenario(db, String(args.scenarioId), optionsOf(args, context.actor, info)),
  }),
);

builder.queryField("exportComparison", (t) =>
  t.field({
    type: ExportFileRef,
    description: "A comparison as a spreadsheet: the base and each other scenario side by side with differences per year.",
    errors: { types: [InvalidInputError] },
    args: { baseId: t.arg.id({ description: "The base scenario's global ID or key.", required: true }), otherIds: t.arg.idList({ description: "The compared scenarios' global IDs or keys.", required: true }), ...exportArgs(t) },
    authScopes: (_root, args) => ({ readScenarios: [{ field: "baseId", id: args.baseId }, ...scenarioArguments("otherIds", args.otherIds, MAX_COMPARED)] }),
    resolve: (_root, args, context, info) => exportComparison(db, String(args.baseId), args.otherIds.map(String), optionsOf(args, context.actor, info)),
  }),
);

const ImportScenarioCsvInput = builder.inputType("ImportScenarioCsvInput", {
  description: "A CSV file in the layout exportScenario writes, to make a what-if equal to.",
  fields: (t) => ({
    scenarioId: t.id({ description: "The what-if to make equal to the file: global ID or key.", required: true }),
    expectedVersion: t.int({ required: true, description: "The scenario version this import is based on." }),
    content: t.string({ required: true, description: "The file's text (up to 10 million characters)." }),
    numberStyle: t.field({ description: "How the file writes numbers; AUTO (the default) tells from the separator.", type: ImportNumberStyleEnum, defaultValue: "AUTO" }),
    comment: t.string({ description: "Why: shown in the history." }),
  }),
});

builder.mutationField("importScenarioCsv", (t) =>
  t.field({
    type: ScenarioEditRef,
    description:
      "Makes a what-if equal to a CSV file: amounts as the file says, lines the file adds taken in (known initiatives only), lines it lacks taken out. " +
      "Checked like any edit; one wrong cell refuses the whole file, naming the row and column of every problem. " +
      "The same pipeline as importScenarioFile(format: CSV), which also gives a preview (dryRun) and located problems.",
    errors: { types: EDIT_ERRORS },
    args: { input: t.arg({ description: "The mutation's input.", type: ImportScenarioCsvInput, required: true }) },
    authScopes: (_root, { input }) => ({ editScenarios: [{ field: "input.scenarioId", id: input.scenarioId }] }),
    resolve: (_root, { input }, context) =>
      importScenarioCsv(
        {
          scenarioId: String(input.scenarioId),
          expectedVersion: input.expectedVersion,
          content: input.content,
          numberStyle: input.numberStyle ?? "AUTO",
          comment: input.comment,
          visibleInitiatives: visibleInitiativesWhere(context.caller),
        },
        context.actor,
      ),
  }),
);
