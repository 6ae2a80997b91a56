/**
 * "Importér": a workbook (.xlsx) or a CSV file chosen or dropped onto the scenario's page is sent as a
 * dry run (importScenarioFile, dryRun: true); the dialog shows the preview — the lines it adds, removes
 * and changes with their amounts per year, the totals against the frame, every problem at its sheet,
 * row and column, close titles to confirm — and nothing is stored until the user applies it (one
 * version, the file's name in the history) or closes it (nothing stored).
 */
import { useCallback, useEffect, useState } from "react";
import { useClient } from "urql";
import { graphql } from "../../graphql.ts";
import { InputProblemsFragment } from "../../app/problemText.ts";
import type { Oere } from "@ramme/domain";
import { Dialog } from "../../app/Dialog.tsx";
import { fromApi, formatAmount } from "../../app/amounts.ts";
import { failureText } from "../../app/failures.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import { ImportProblemList, loadFile, type LoadedFile, YearTotalsTable } from "./importParts.tsx";

const ImportScenarioFile = graphql(`
  mutation ImportScenarioFile($input: ImportScenarioFileInput!) {
    importScenarioFile(input: $input) {
      ... on ImportPreview {
        baseVersion
        canApply
        applied
        lines { row initiativeKey title status amounts { year before after } }
        yearTotals { year allocatedBefore allocated frame headroom fitsFrame }
        problems { code severity sheet row column columnLetter message messageDa }
        suggestions { row initiativeKey title }
        edit { version changed }
      }
      ... on ImportRefusedError { message problems { code severity sheet row column columnLetter message messageDa } }
      ...InputProblems ... on Error { message }
    }
  }
`, [InputProblemsFragment]);

type Status = "ADDED" | "NEW" | "REMOVED" | "CHANGED" | "UNCHANGED";

interface Problem {
  code: string;
  severity: "ERROR" | "WARNING";
  message: string;
  messageDa: string;
}

interface Preview {
  baseVersion: number;
  canApply: boolean;
  applied: boolean;
  lines: Array<{ row: number | null; initiativeKey: string | null; title: string; status: Status; amounts: Array<{ year: number; before: string | null; after: string | null }> }>;
  yearTotals: Array<{ year: number; allocatedBefore: string; allocated: string; frame: string; headroom: string; fitsFrame: boolean }>;
  problems: Problem[];
  suggestions: Array<{ row: number; initiativeKey: string; title: string }>;
  edit: { version: number; changed: boolean } | null;
}

/**
 * The button with its file picker, and the page as a drop target for a file while the scenario can be
 * edited. `onApplied` gets the version the import made (one undo step), or null when the file changed nothing.
 */
export function ImportButton({ scenarioKey, onApplied }: { scenarioKey: string; onApplied: (madeVersion: number | null) => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const open = useCallback(
    async (chosen: File | undefined) => {
      if (!chosen) return;
      const loaded = await loadFile(chosen);
      setFailure(loaded ? null : t("importWrongType"));
      setFile(loaded);
    },
    [t],
  );
  useEffect(() => {
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes("Files") ?? false;
    const over = (event: DragEvent) => {
      if (hasFiles(event)) event.preventDefault();
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      void open(event.dataTransfer?.files[0]);
    };
    window.addEventListener("dragover", over);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragover", over);
      window.removeEventListener("drop", drop);
    };
  }, [open]);
  return (
    <>
      <label className="button" title={t("importButtonTitle")}>
        {t("importButton")}
        <input type="file" accept=".xlsx,.csv" hidden onChange={(event) => { void open(event.target.files?.[0]); event.target.value = ""; }} />
      </label>
      {failure && <span role="alert" className="error">{failure}</span>}
      {file && <ImportDialog scenarioKey={scenarioKey} file={file} onClose={() => setFile(null)} onApplied={(version) => { setFile(null); onApplied(version); }} />}
    </>
  );
}

export function ImportDialog({ scenarioKey, file, onClose, onApplied }: { scenarioKey: string; file: LoadedFile; onClose: () => void; onApplied: (madeVersion: number | null) => void }) {
  const { t, locale } = useI18n();
  const client = useClient();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [choices, setChoices] = useState<Map<number, string | null>>(new Map());
  const [busy, setBusy] = useState(false);

  const send = useCallback(
    async (dryRun: boolean, expectedVersion: number) => {
      const lineChoices = [...choices].map(([row, initiativeId]) => ({ row, initiativeId }));
      const input = { scenarioId: scenarioKey, expectedVersion, format: file.format, content: file.content, base64: file.base64, fileName: file.name, lineChoices, dryRun };
      const response = await client.mutation(ImportScenarioFile, { input }).toPromise();
      const result = response.data?.importScenarioFile as (Partial<Preview> & { message?: string; problems?: Problem[] }) | undefined;
      return { result, error: response.error };
    },
    [choices, client, file, scenarioKey],
  );

  // The preview, again whenever the user confirms or declines a close title.
  useEffect(() => {
    let current = true;
    // A dry run compares with the current version whatever it is sent (it answers baseVersion); 1 is the lowest valid value.
    void send(true, 1).then(({ result, error }) => {
      if (!current) return;
      if (result?.lines) setPreview(result as Preview);
      else setFailure(t("importFailed", { message: failureText(t, result, error) }));
    });
    return () => {
      current = false;
    };
  }, [send, t]);

  async function apply() {
    if (!preview) return;
    setBusy(true);
    const { result, error } = await send(false, preview.baseVersion);
    setBusy(false);
    if (result?.edit) onApplied(result.edit.changed ? result.edit.version : null);
    else if (result?.problems && result.lines === undefined) setPreview({ ...preview, canApply: false, problems: result.problems });
    else setFailure(t("importFailed", { message: failureText(t, result, error) }));
  }

  const amount = (text: string | null) => (text === null ? "–" : formatAmount(fromApi(text), locale));
  const changed = preview?.lines.filter((line) => line.status !== "UNCHANGED") ?? [];
  const count = (status: Status) => preview?.lines.filter((line) => line.status === status).length ?? 0;
  const years = preview?.yearTotals.map((total) => total.year) ?? [];
  const over = (total: { headroom: string }) => fromApi(total.headroom) < (0n as Oere);

  return (
    <Dialog
      title={t("importTitle", { fileName: file.name })}
      onClose={onClose}
      className="import-dialog"
      actions={<button type="button" disabled={!preview?.canApply || busy} onClick={() => void apply()}>{t("importApply")}</button>}
    >
      {failure && <p role="alert" className="error">{failure}</p>}
      {!preview && !failure && <p>{t("importReading")}</p>}
      {preview && (
        <>
          <p>{changed.length === 0 ? t("importNoChanges") : t("importSummary", { changed: count("CHANGED"), added: count("ADDED") + count("NEW"), removed: count("REMOVED"), unchanged: count("UNCHANGED") })}</p>
          <ImportProblemList problems={preview.problems.filter((problem) => problem.severity === "ERROR")} />
          {preview.suggestions.map((suggestion) => (
            <p key={suggestion.row} className="import-suggestion">
              {t("importSuggestion", { row: suggestion.row, title: suggestion.title })}{" "}
              <button type="button" onClick={() => setChoices((now) => new Map(now).set(suggestion.row, suggestion.initiativeKey))}>{t("importUseSuggestion")}</button>{" "}
              <button type="button" onClick={() => setChoices((now) => new Map(now).set(suggestion.row, null))}>{t("importAsProposal")}</button>
            </p>
          ))}
          <ImportProblemList problems={preview.problems.filter((problem) => problem.severity === "WARNING")} />
          {changed.length > 0 && (
            <table className="data-table import-lines">
              <thead>
                <tr>
                  <th scope="col">{t("importColumnLine")}</th>
                  <th scope="col">{t("importColumnStatus")}</th>
                  {years.map((year) => <th key={year} scope="col">{year}</th>)}
                </tr>
              </thead>
              <tbody>
                {changed.map((line) => (
                  <tr key={`${line.initiativeKey ?? ""}:${line.row ?? ""}`} className={`import-${line.status.toLowerCase()}`}>
                    <th scope="row">{line.title}</th>
                    <td>{t(`importLineStatus${line.status}` as MessageKey)}</td>
                    {line.amounts.map((cell) => (
                      <td key={cell.year} className="amount">{cell.before === cell.after ? amount(cell.after) : `${amount(cell.before)} → ${amount(cell.after)}`}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <YearTotalsTable
            caption={t("importTotalsCaption")}
            years={years}
            rows={[
              { label: t("importRowBefore"), cells: preview.yearTotals.map((total) => ({ year: total.year, text: amount(total.allocatedBefore) })) },
              { label: t("importRowAfter"), cells: preview.yearTotals.map((total) => ({ year: total.year, text: amount(total.allocated) })) },
              { label: t("importRowFrame"), cells: preview.yearTotals.map((total) => ({ year: total.year, text: amount(total.frame) })) },
              { label: t("importRowHeadroom"), cells: preview.yearTotals.map((total) => ({ year: total.year, text: amount(total.headroom), over: over(total) })) },
            ]}
          />
        </>
      )}
    </Dialog>
  );
}
