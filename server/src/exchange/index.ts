/**
 * File exchange: a scenario or a comparison out to CSV and XLSX, a scenario in from CSV or XLSX.
 * Pure functions of plain data; the server loads the data and checks what an import proposes.
 */
export type {
  ComparedLine,
  ComparisonExport,
  ComparisonLine,
  CsvExportOptions,
  ExchangeLanguage,
  ExportFile,
  ExportLine,
  ExportSource,
  LineStatus,
  NumberStyle,
  ScenarioExport,
  XlsxExportOptions,
} from "./types.ts";
export { buildComparison } from "./comparison.ts";
export { comparisonToCsv, comparisonToCsvPaced, scenarioToCsv, scenarioToCsvPaced, CSV_DELIMITER } from "./csvExport.ts";
export { comparisonToXlsx, scenarioToXlsx, ExcelJS } from "./xlsxExport.ts";
export { formatAmountText, oereFromSpreadsheetNumber, spreadsheetNumber, AMOUNT_NUMBER_FORMAT } from "./amountText.ts";
export { CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE } from "./fileNames.ts";
export { LABELS } from "./labels.ts";
export { columnLetters, type Grid } from "./grid.ts";
export { csvToGrid, csvToGridPaced, parseScenarioCsv, readScenarioCsvGrid, type Delimiter } from "./csvImport.ts";
export { xlsxToGrid, type WorkbookReading } from "./xlsxImport.ts";
export {
  IMPORT_PROBLEM_CODES,
  Locator,
  findHeader,
  readScenarioGrid,
  yearOf,
  type ImportedLine,
  type ImportProblem,
  type ImportProblemCode,
  type ImportSeverity,
  type SheetReading,
} from "./scenarioGrid.ts";
export { closestTitle, normalTitle } from "./titleMatch.ts";
