/**
 * Pasting a block from Excel: the clipboard's tab-separated text becomes cells starting at the
 * focused cell, going down through the lines (theme heading rows are skipped) and right through the
 * years. Every value is checked like a typed one; a block with any bad cell or reaching outside the
 * table is refused whole, never half-pasted.
 */
import { checkAllocationAmount, parseDanishAmount, type AmountError, type Oere } from "@ramme/domain";

/** Rows of cells from clipboard text: tabs between cells, newlines between rows, Excel's trailing newline dropped. */
export function parseClipboardBlock(text: string): string[][] {
  const rows = text.replace(/\r\n?/g, "\n").split("\n");
  if (rows.length > 1 && rows.at(-1) === "") rows.pop();
  return rows.map((row) => row.split("\t"));
}

export interface PastedCell {
  initiativeKey: string;
  year: number;
  text: string;
  amount: Oere;
}

export interface PasteProblem {
  initiativeKey: string;
  year: number;
  text: string;
  error: AmountError;
}

export type PastePlan =
  | { kind: "ok"; cells: PastedCell[] }
  | { kind: "outside"; rows: number; columns: number }
  | { kind: "invalid"; problems: PasteProblem[] };

/** Parses and checks one typed or pasted amount ("3,5", "3.5", "1.234,5", "-" for 0) at the frame's precision. */
export function parseCellInput(text: string, maxDecimals: number): { ok: true; amount: Oere } | { ok: false; error: AmountError } {
  const parsed = parseDanishAmount(text);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const error = checkAllocationAmount(parsed.value, { maxDecimals }, text);
  return error ? { ok: false, error } : { ok: true, amount: parsed.value };
}

export function planPaste(
  block: readonly (readonly string[])[],
  start: { initiativeKey: string; year: number },
  lineKeys: readonly string[],
  years: readonly number[],
  maxDecimals: number,
): PastePlan {
  const rowStart = lineKeys.indexOf(start.initiativeKey);
  const columnStart = years.indexOf(start.year);
  const width = Math.max(...block.map((row) => row.length));
  if (rowStart < 0 || columnStart < 0 || rowStart + block.length > lineKeys.length || columnStart + width > years.length) {
    return { kind: "outside", rows: block.length, columns: width };
  }
  const cells: PastedCell[] = [];
  const problems: PasteProblem[] = [];
  block.forEach((row, rowOffset) => {
    row.forEach((text, columnOffset) => {
      const initiativeKey = lineKeys[rowStart + rowOffset]!;
      const year = years[columnStart + columnOffset]!;
      const parsed = parseCellInput(text, maxDecimals);
      if (parsed.ok) cells.push({ initiativeKey, year, text, amount: parsed.amount });
      else problems.push({ initiativeKey, year, text, error: parsed.error });
    });
  });
  return problems.length > 0 ? { kind: "invalid", problems } : { kind: "ok", cells };
}
