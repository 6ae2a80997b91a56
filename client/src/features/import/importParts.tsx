/**
 * Pieces both workbook imports show (a what-if's, ImportDialog.tsx, and a new frame's baseline,
 * frames/NewFrameDialog.tsx): the chosen file read as base64, the file's problems (errors that refuse
 * it, warnings worth a look, each located at sheet, row and column by the server's message), and a
 * table of totals per year.
 */
import type { ReactNode } from "react";
import { useI18n } from "../../i18n/I18n.tsx";

export interface LoadedFile {
  name: string;
  format: "CSV" | "XLSX";
  content: string;
  base64: boolean;
}

/** The file's bytes as base64 (both formats travel so: a CSV's encoding stays the server's to read); null for another kind of file. */
export async function loadFile(file: File): Promise<LoadedFile | null> {
  const format = /\.xlsx$/i.test(file.name) ? "XLSX" : /\.(csv|txt)$/i.test(file.name) ? "CSV" : null;
  if (format === null) return null;
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return { name: file.name, format, content: btoa(binary), base64: true };
}

export interface LocatedProblem {
  severity: "ERROR" | "WARNING";
  /** English, with its place. */
  message: string;
  /** Danish, with its place. */
  messageDa: string;
}

/** The errors that refuse the file, then the warnings, each in the reader's language. */
export function ImportProblemList({ problems }: { problems: readonly LocatedProblem[] }) {
  const { t, locale } = useI18n();
  const messageOf = (problem: LocatedProblem) => (locale === "da" ? problem.messageDa : problem.message);
  const errors = problems.filter((problem) => problem.severity === "ERROR");
  const warnings = problems.filter((problem) => problem.severity === "WARNING");
  return (
    <>
      {errors.length > 0 && (
        <div role="alert">
          <p>{t("importProblems")}</p>
          <ul className="import-problems">{errors.map((problem, index) => <li key={index}>{messageOf(problem)}</li>)}</ul>
        </div>
      )}
      {warnings.length > 0 && (
        <div>
          <p>{t("importWarnings")}</p>
          <ul className="import-warnings">{warnings.map((problem, index) => <li key={index}>{messageOf(problem)}</li>)}</ul>
        </div>
      )}
    </>
  );
}

/** A row of the totals table: its heading and a cell per year (`over`: shown as over the frame). */
export interface TotalsRow {
  label: string;
  cells: ReadonlyArray<{ year: number; text: string; over?: boolean }>;
}

/** Totals per year (allocated, frame, headroom …) under a caption, the years as columns. */
export function YearTotalsTable({ caption, years, rows, className }: { caption: ReactNode; years: readonly number[]; rows: readonly TotalsRow[]; className?: string }) {
  return (
    <table className={className ? `data-table import-totals ${className}` : "data-table import-totals"}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <td />
          {years.map((year) => <th key={year} scope="col">{year}</th>)}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            {row.cells.map((cell) => <td key={cell.year} className={cell.over ? "amount over" : "amount"}>{cell.text}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
