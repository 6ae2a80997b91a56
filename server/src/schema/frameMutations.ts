/**
 * Managing frames (issue 22): createFrame, updateFrame, archiveFrame and importBaseline, for admins
 * of a secretariat (the `admin` scope first, builder.ts; the secretariat in engine/frames.ts).
 */
import { ADMIN_ONLY } from "../auth/refusal.ts";
import { builder } from "../builder.ts";
import { db } from "../db.ts";
import { importBaseline, type BaselineFootnote, type BaselinePreview, type BaselinePreviewLine, type PrintedTotal } from "../engine/baselineImport.ts";
import { ImportRefusedError, InvalidInputError } from "../engine/errors.ts";
import { archiveFrame, createFrame, updateFrame } from "../engine/frames.ts";
import type { FrameYearTotal, YearAmount } from "@ramme/domain";
import { AmountNotationEnum } from "./scenarioMutations.ts";
import { FileFormatEnum, ImportNumberStyleEnum } from "./exchange.ts";
import { ImportProblemRef } from "./fileImport.ts";

const FrameYearInput = builder.inputType("FrameYearInput", {
  description: "The frame in one year.",
  fields: (t) => ({
    year: t.int({ required: true, description: "The year (1900-2999); a frame's years are one consecutive range." }),
    amount: t.string({ description: 'The frame that year in mio. kr., above 0, in `notation` ("100", "87.5"). Missing: MISSING_AMOUNT.' }),
  }),
});

const NewFrameInput = builder.inputType("NewFrameInput", {
  description: "A new frame: its name and, unless a workbook gives them, its years and amounts.",
  fields: (t) => ({
    name: t.string({ required: true, description: "Unique among frames (NAME_TAKEN), at most 200 characters." }),
    description: t.string({ description: "What the frame is: the agreement or Finance Act pool it comes from." }),
    priceLevel: t.string({ description: 'The price level of every amount ("2025-pl"); omitted: the first year\'s.' }),
    precisionDecimals: t.int({ description: "Decimals of mio. kr. an allocation may have, 0 to 8; omitted: 1." }),
    years: t.field({ type: [FrameYearInput], description: "The frame per year. For importBaseline optional: omitted, the years are the file's year columns and the amounts its \"Ramme\" row." }),
    notation: t.field({ type: AmountNotationEnum, defaultValue: "API", description: 'How the amounts are written: API ("1234.5") or DANISH ("1.234,5").' }),
  }),
});

const CreateFrameInput = builder.inputType("CreateFrameInput", {
  description: "A new frame with its years and amounts, and optionally its themes.",
  fields: (t) => ({
    name: t.string({ required: true, description: "Unique among frames (NAME_TAKEN), at most 200 characters." }),
    description: t.string({ description: "What the frame is: the agreement or Finance Act pool it comes from." }),
    priceLevel: t.string({ description: 'The price level of every amount ("2025-pl"); omitted: the first year\'s.' }),
    precisionDecimals: t.int({ description: "Decimals of mio. kr. an allocation may have, 0 to 8; omitted: 1." }),
    years: t.field({ type: [FrameYearInput], required: true, description: "The frame per year: one consecutive range, each year once with an amount above 0 (at most 10 years)." }),
    notation: t.field({ type: AmountNotationEnum, defaultValue: "API", description: 'How the amounts are written: API ("1234.5") or DANISH ("1.234,5").' }),
    themes: t.stringList({ description: "The frame's themes, in display order (at most 50); a baseline's import adds those its file heads." }),
  }),
});

builder.mutationField("createFrame", (t) =>
  t.prismaField({
    ...ADMIN_ONLY,
    type: "Frame",
    errors: { types: [InvalidInputError] },
    description:
      "Admins of a secretariat only (another admin: 403 FORBIDDEN): a new frame, owned by the caller's organisation. InvalidInputError for a name already used (NAME_TAKEN), " +
      "no years, overlapping (DUPLICATE_YEAR) or non-consecutive years, a year without an amount (MISSING_AMOUNT), an amount of 0 or less (NOT_POSITIVE) or with more decimals than the precision.",
    args: { input: t.arg({ description: "The mutation's input.", type: CreateFrameInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const id = await createFrame(context.caller, context.actor, { ...input, themes: input.themes ?? null, years: input.years, notation: input.notation ?? "API" });
      return db.frame.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

const UpdateFrameInput = builder.inputType("UpdateFrameInput", {
  description: "A frame's new name and/or description.",
  fields: (t) => ({
    frameId: t.id({ required: true, description: "The frame's global ID or key." }),
    name: t.string({ description: "The new name; omitted: unchanged. Unique among frames (NAME_TAKEN)." }),
    description: t.string({ description: "The new description; omitted: unchanged; null: none." }),
  }),
});

builder.mutationField("updateFrame", (t) =>
  t.prismaField({
    ...ADMIN_ONLY,
    type: "Frame",
    errors: { types: [InvalidInputError] },
    description: "Admins of a secretariat only: renames a frame or changes its description. UNKNOWN_FRAME, NAME_TAKEN. Years and amounts do not change: a new proposal is a new baseline (importBaseline).",
    args: { input: t.arg({ description: "The mutation's input.", type: UpdateFrameInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const id = await updateFrame(context.caller, { frameId: String(input.frameId), name: input.name, description: input.description });
      return db.frame.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

const ArchiveFrameInput = builder.inputType("ArchiveFrameInput", {
  description: "A frame to archive or bring back.",
  fields: (t) => ({
    frameId: t.id({ required: true, description: "The frame's global ID or key." }),
    archived: t.boolean({ defaultValue: true, description: "true (the default): archive; false: bring back." }),
  }),
});

builder.mutationField("archiveFrame", (t) =>
  t.prismaField({
    ...ADMIN_ONLY,
    type: "Frame",
    errors: { types: [InvalidInputError] },
    description: "Admins of a secretariat only: archives a frame (frames lists it only with includeArchived; it takes no new baseline) or brings it back. Its scenarios stay as they are.",
    args: { input: t.arg({ description: "The mutation's input.", type: ArchiveFrameInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const id = await archiveFrame(context.caller, { frameId: String(input.frameId), archived: input.archived ?? true });
      return db.frame.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

const YearAmountRef = builder.objectRef<YearAmount>("BaselineYearAmount").implement({
  description: "A line's amount in one year of a baseline's table.",
  fields: (t) => ({
    year: t.exposeInt("year", { description: "The year." }),
    amount: t.expose("amount", { type: "Decimal", description: "The amount in mio. kr." }),
  }),
});

const BaselineLineRef = builder.objectRef<BaselinePreviewLine>("BaselineImportLine").implement({
  description: "A line of the table a baseline is imported from.",
  fields: (t) => ({
    row: t.exposeInt("row", { description: "The file's row (1-based, as the spreadsheet shows it)." }),
    theme: t.exposeString("theme", { description: "The theme heading it stands under." }),
    title: t.exposeString("title", { description: "Its title as the file writes it." }),
    initiativeKey: t.exposeString("initiativeId", { nullable: true, description: "An initiative of the frame with this theme and title (a revised baseline keeps it); null: a new one is made." }),
    amounts: t.field({ type: [YearAmountRef], description: "Per frame year.", resolve: (line) => line.amounts }),
  }),
});

const BaselineYearTotalRef = builder.objectRef<FrameYearTotal>("BaselineYearTotal").implement({
  description: "A year's total of the lines against the frame.",
  fields: (t) => ({
    year: t.exposeInt("year", { description: "The frame year." }),
    allocated: t.expose("allocated", { type: "Decimal", description: "The lines' total." }),
    frame: t.expose("frame", { type: "Decimal", description: "The frame's amount for the year." }),
    headroom: t.expose("headroom", { type: "Decimal", description: "frame - allocated; negative when over." }),
    fitsFrame: t.exposeBoolean("fits", { description: "Whether the lines fit the frame that year (a baseline is stored either way: the tool shows what the document says)." }),
  }),
});

const PrintedTotalRef = builder.objectRef<PrintedTotal>("BaselinePrintedTotal").implement({
  description: "The table's printed total row (\"I alt\") for a year, against the lines' computed total. Stored as printed; the consistency report checks it.",
  fields: (t) => ({
    year: t.exposeInt("year", { description: "The year." }),
    printed: t.expose("printed", { type: "Decimal", description: "As printed." }),
    computed: t.expose("computed", { type: "Decimal", description: "The lines added up." }),
    difference: t.expose("difference", { type: "Decimal", description: "printed - computed; 0 when they agree." }),
    row: t.exposeInt("row", { description: "The total row's row in the file." }),
  }),
});

const FootnoteRef = builder.objectRef<BaselineFootnote>("BaselineFootnote").implement({
  description: "A note below the table, kept with the baseline's printed table.",
  fields: (t) => ({
    row: t.exposeInt("row", { description: "Its row in the file." }),
    marker: t.exposeString("marker", { description: 'Its marker ("1", "*"), or its position when it has none.' }),
    text: t.exposeString("text", { description: "Its text." }),
  }),
});

const BaselineImportPreviewRef = builder.objectRef<BaselinePreview>("BaselineImportPreview").implement({
  description: "What importBaseline reads from the file (or, applied, stored): the lines, the totals against the frame, the printed total against the computed one, the footnotes, and every problem.",
  fields: (t) => ({
    format: t.field({ type: FileFormatEnum, description: "The file's format.", resolve: (preview) => preview.format }),
    fileName: t.exposeString("fileName", { description: "The file's name, as given." }),
    sheet: t.exposeString("sheet", { nullable: true, description: "The worksheet read; null for CSV." }),
    frameName: t.exposeString("frameName", { description: "The frame's name (a new frame's as given)." }),
    years: t.exposeIntList("years", { description: "The frame's years, in order." }),
    themes: t.exposeStringList("themes", { description: "The theme headings of the file, in order." }),
    lines: t.field({ type: [BaselineLineRef], description: "The lines, in file order.", resolve: (preview) => preview.lines }),
    yearTotals: t.field({ type: [BaselineYearTotalRef], description: "Each frame year's total of the lines against the frame.", resolve: (preview) => preview.yearTotals }),
    printedTotals: t.field({ type: [PrintedTotalRef], description: "The printed total row per year against the computed total; empty when the file has none.", resolve: (preview) => preview.printedTotals }),
    footnotes: t.field({ type: [FootnoteRef], description: "The notes below the table.", resolve: (preview) => preview.footnotes }),
    problems: t.field({ type: [ImportProblemRef], description: "Every problem found, each at its sheet, row and column.", resolve: (preview) => preview.problems }),
    canApply: t.boolean({ description: "No ERROR problem.", resolve: (preview) => preview.problems.every((problem) => problem.severity !== "ERROR") }),
    applied: t.boolean({ description: "Whether it was stored (false for a dry run).", resolve: (preview) => preview.scenarioId !== null }),
    frame: t.prismaField({
      type: "Frame",
      nullable: true,
      description: "The frame the baseline belongs to; null for a dry run.",
      resolve: (query, preview) => (preview.frameId === null ? null : db.frame.findUniqueOrThrow({ ...query, where: { id: preview.frameId } })),
    }),
    scenario: t.prismaField({
      type: "Scenario",
      nullable: true,
      description: "The locked baseline made; null for a dry run.",
      resolve: (query, preview) => (preview.scenarioId === null ? null : db.scenario.findUniqueOrThrow({ ...query, where: { id: preview.scenarioId } })),
    }),
  }),
});

const ImportBaselineInput = builder.inputType("ImportBaselineInput", {
  description: "A table to make a baseline of: of an existing frame (frameId) or of a new one (newFrame).",
  fields: (t) => ({
    frameId: t.id({ description: "An existing frame: the file becomes a new baseline of it (a revised proposal). Not with newFrame." }),
    newFrame: t.field({ type: NewFrameInput, description: "A new frame, created with the baseline. Not with frameId." }),
    name: t.string({ required: true, description: 'The baseline\'s name ("Regeringens udspil").' }),
    description: t.string({ description: "What the baseline is." }),
    format: t.field({ type: FileFormatEnum, required: true, description: "CSV or XLSX." }),
    content: t.string({ required: true, description: "XLSX: the workbook's bytes in base64. CSV: the text, or its UTF-8 bytes in base64 with base64: true." }),
    base64: t.boolean({ defaultValue: false, description: "For CSV: the content is base64. A workbook is always base64." }),
    fileName: t.string({ required: true, description: "The file's name: recorded as the baseline's source." }),
    numberStyle: t.field({ type: ImportNumberStyleEnum, defaultValue: "AUTO", description: "For CSV; a workbook's text cells are read as Danish numbers." }),
    dryRun: t.boolean({ defaultValue: false, description: "Only the preview; nothing is stored. The file's problems come in the preview instead of as ImportRefusedError." }),
  }),
});

builder.mutationField("importBaseline", (t) =>
  t.field({
    ...ADMIN_ONLY,
    type: BaselineImportPreviewRef,
    errors: { types: [InvalidInputError, ImportRefusedError] },
    description:
      "Admins of a secretariat only: a locked baseline from an .xlsx or .csv table — theme headings (rows with only a title), lines, years as columns, an optional printed " +
      '"I alt" row (stored as printed, checked against the lines) and footnotes below — for an existing frame or a new one. dryRun gives the preview; otherwise the frame ' +
      "(if new), its themes, the initiatives and the baseline are stored, with the file, sheet, who and when as its source (printedTable, history). The file's problems " +
      "refuse it with ImportRefusedError (each at its sheet, row and column), the input's with InvalidInputError; nothing is stored.",
    args: { input: t.arg({ description: "The mutation's input.", type: ImportBaselineInput, required: true }) },
    resolve: (_root, { input }, context) =>
      importBaseline(context.caller, context.actor, {
        frameId: input.frameId === null || input.frameId === undefined ? null : String(input.frameId),
        newFrame: input.newFrame ? { ...input.newFrame, notation: input.newFrame.notation ?? "API" } : null,
        name: input.name,
        description: input.description,
        format: input.format,
        content: input.content,
        base64: input.base64 ?? false,
        fileName: input.fileName,
        numberStyle: input.numberStyle ?? "AUTO",
        dryRun: input.dryRun ?? false,
      }),
  }),
);
