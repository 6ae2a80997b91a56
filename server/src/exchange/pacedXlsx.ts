/**
 * A workbook's XLSX bytes, written by exceljs's own writer but taking turns on the event loop
 * (cooperative.ts, issue 15). exceljs 4.4's `writeBuffer` (lib/xlsx/xlsx.js `write`) reads every
 * sheet's model, prepares every sheet (styles, shared strings) and renders every sheet to XML in one
 * go: its awaits in between are microtasks, which never let the loop round, so a 5,000-line workbook
 * held it for seconds. This is the same `write` step for step (the same calls in the same order, so
 * the same file), with a turn before each sheet's model, preparation and XML. One sheet's
 * preparation or XML still runs whole (a 5,000-line sheet's take about 150–300 ms each on a 2-core
 * machine); the zip is compressed in chunks by JSZip, which yields between them itself.
 *
 * exceljs is pinned (server/package.json) because this reaches into its internals; its XLSX tests
 * (tests/exchange, tests/libreoffice) read the files back.
 */
import { createRequire } from "node:module";
import type ExcelJS from "exceljs";
import { nextTurn } from "../cooperative.ts";

const require = createRequire(import.meta.url);
/* eslint-disable @typescript-eslint/no-explicit-any -- exceljs's internals have no types */
const { ZipWriter } = require("exceljs/lib/utils/zip-stream.js") as { ZipWriter: new (options?: object) => any };
const StreamBuf = require("exceljs/lib/utils/stream-buf.js") as new () => { read(): Buffer };
const SharedStringsXform = require("exceljs/lib/xlsx/xform/strings/shared-strings-xform.js") as new () => unknown;
const StylesXform = require("exceljs/lib/xlsx/xform/style/styles-xform.js") as new (initialise: boolean) => unknown;
const WorkbookXform = require("exceljs/lib/xlsx/xform/book/workbook-xform.js") as new () => { prepare(model: any): void };
const WorksheetXform = require("exceljs/lib/xlsx/xform/sheet/worksheet-xform.js") as new () => { prepare(model: any, options: any): void };

/** The XLSX writer's steps (lib/xlsx/xlsx.js), called on the workbook's own writer. */
type Step = (zip: any, model: any) => Promise<void> | void;
interface XlsxWriter {
  addContentTypes: Step;
  addOfficeRels: Step;
  addWorkbookRels: Step;
  addWorksheets: Step;
  addSharedStrings: Step;
  addDrawings: Step;
  addTables: Step;
  addThemes: Step;
  addStyles: Step;
  addMedia: Step;
  addApp: Step;
  addCore: Step;
  addWorkbook: Step;
  _finalize(zip: any): Promise<unknown>;
}

export async function pacedWorkbookBytes(workbook: ExcelJS.Workbook, signal?: AbortSignal): Promise<Buffer> {
  const turn = async () => {
    await nextTurn();
    signal?.throwIfAborted();
  };
  const writer = workbook.xlsx as unknown as XlsxWriter;
  const step = (name: Exclude<keyof XlsxWriter, "_finalize">, zip: any, model: any) => (Object.getPrototypeOf(writer) as XlsxWriter)[name].call(writer, zip, model);

  // `const {model} = this.workbook`: the workbook's model asks each sheet for its model twice (worksheets, sheets).
  const sheetModels = new Map<object, unknown[]>();
  for (const worksheet of workbook.worksheets) {
    const models: unknown[] = [];
    for (let copy = 0; copy < 2; copy++) {
      await turn();
      models.push(worksheet.model);
    }
    sheetModels.set(worksheet, models);
  }
  let model: any;
  try {
    for (const [worksheet, models] of sheetModels) Object.defineProperty(worksheet, "model", { configurable: true, get: () => models.shift() });
    model = workbook.model;
  } finally {
    for (const worksheet of sheetModels.keys()) delete (worksheet as { model?: unknown }).model;
  }

  const stream = new StreamBuf();
  const zip = new ZipWriter(undefined);
  zip.pipe(stream);

  // prepareModel(model, {}): shared strings and styles on, as writeBuffer() has them.
  model.creator = model.creator || "ExcelJS";
  model.lastModifiedBy = model.lastModifiedBy || "ExcelJS";
  model.created = model.created || new Date();
  model.modified = model.modified || new Date();
  model.useSharedStrings = true;
  model.useStyles = true;
  model.sharedStrings = new SharedStringsXform();
  model.styles = new StylesXform(true);
  const workbookXform = new WorkbookXform();
  const worksheetXform = new WorksheetXform();
  workbookXform.prepare(model);
  const worksheetOptions: any = {
    sharedStrings: model.sharedStrings,
    styles: model.styles,
    date1904: model.properties.date1904,
    drawingsCount: 0,
    media: model.media,
  };
  worksheetOptions.drawings = model.drawings = [];
  worksheetOptions.commentRefs = model.commentRefs = [];
  let tableCount = 0;
  model.tables = [];
  for (const worksheet of model.worksheets) {
    await turn();
    for (const table of worksheet.tables) {
      tableCount++;
      table.target = `table${tableCount}.xml`;
      table.id = tableCount;
      model.tables.push(table);
    }
    worksheetXform.prepare(worksheet, worksheetOptions);
  }

  // render
  await step("addContentTypes", zip, model);
  await step("addOfficeRels", zip, model);
  await step("addWorkbookRels", zip, model);
  for (const worksheet of model.worksheets) {
    await turn();
    await step("addWorksheets", zip, { ...model, worksheets: [worksheet] });
  }
  await turn();
  await step("addSharedStrings", zip, model);
  await step("addDrawings", zip, model);
  await step("addTables", zip, model);
  await Promise.all([step("addThemes", zip, model), step("addStyles", zip, model)]);
  await step("addMedia", zip, model);
  await Promise.all([step("addApp", zip, model), step("addCore", zip, model)]);
  await step("addWorkbook", zip, model);
  await writer._finalize(zip);
  return stream.read();
}
