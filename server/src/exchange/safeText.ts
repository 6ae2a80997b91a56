/**
 * Formula injection: text that starts like a formula ("=", "+", "-", "@", tab, CR) is run as one by
 * a spreadsheet when a CSV is opened, or when such a cell of a workbook is edited or saved as CSV and
 * opened again. Every text cell of every export goes through `neutralizeFormula` (CSV and XLSX alike,
 * so a workbook stays safe after any round through CSV), and the importer reads it back with
 * `restoreNeutralized`. Amounts are never text: a negative amount stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The text with a leading apostrophe when it starts like a formula (the spreadsheet convention for "this is text"). */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The text as it was before `neutralizeFormula`. */
export function restoreNeutralized(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** For a sheet name, which cannot begin with an apostrophe: the formula-like start removed instead. */
export function withoutFormulaStart(text: string): string {
  return text.replace(/^[=+\-@\t\r\s]+/, "");
}
