/**
 * "Ny ramme" (issue 22): a secretariat admin names the frame, describes it and chooses the workbook
 * or CSV file of its baseline. The file goes to importBaseline as a dry run and the dialog shows
 * the preview — the lines under their themes, the totals per year against the frame the file states,
 * the printed total against the computed one, the footnotes and every problem at its sheet, row and
 * column — and "Opret" stores the frame with its locked baseline and opens that baseline.
 */
import { useEffect, useState } from "react";
import { useClient } from "urql";
import type { Oere } from "@ramme/domain";
import { Dialog } from "../../app/Dialog.tsx";
import { formatAmount, fromApi } from "../../app/amounts.ts";
import { failureText } from "../../app/failures.ts";
import { InputProblemsFragment } from "../../app/problemText.ts";
import { graphql, type ResultOf } from "../../graphql.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import { ImportProblemList, loadFile, type LoadedFile, YearTotalsTable } from "../import/importParts.tsx";

const ImportBaseline = graphql(`
  mutation ImportBaseline($input: ImportBaselineInput!) {
    importBaseline(input: $input) {
      __typename
      ... on BaselineImportPreview {
        applied canApply fileName sheet frameName years themes
        lines { row theme title amounts { year amount } }
        yearTotals { year allocated frame headroom fitsFrame }
        printedTotals { year printed computed difference row }
        footnotes { marker text row }
        problems { code severity sheet row column message messageDa }
        frame { key }
        scenario { key }
      }
      ... on ImportRefusedError { message problems { code severity sheet row column message messageDa } }
      ...InputProblems
      ... on Error { message }
    }
  }
`, [InputProblemsFragment]);

type Answer = ResultOf<typeof ImportBaseline>["importBaseline"];
type Preview = Extract<Answer, { __typename: "BaselineImportPreview" }>;

/** Delay before a changed name is sent for a new preview. */
const TYPING_PAUSE_MS = 400;

/**
 * `frame`: a new baseline of this existing frame (a revised proposal) instead of a new frame; the file's
 * years and frame row must then be the frame's. `onCreated`: the frame's key and its new baseline's.
 */
export function NewFrameDialog({ frame, onClose, onCreated }: { frame?: { key: string; name: string }; onClose: () => void; onCreated: (frameKey: string, baselineKey: string) => void }) {
  const { t, locale } = useI18n();
  const client = useClient();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [baselineName, setBaselineName] = useState(() => t("newFrameBaselineDefault"));
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const input = (dryRun: boolean) =>
    file && {
      ...(frame ? { frameId: frame.key } : { newFrame: { name: name.trim(), description: description.trim() || null } }),
      name: baselineName.trim() || t("newFrameBaselineDefault"),
      description: null,
      format: file.format,
      content: file.content,
      base64: file.base64,
      fileName: file.name,
      dryRun,
    };

  /** The answer's preview, or its refusal in words (an ImportRefusedError's problems go in the preview). */
  function take(answer: Answer | undefined, error: Parameters<typeof failureText>[2]) {
    if (answer?.__typename === "BaselineImportPreview") {
      setPreview(answer);
      setFailure(null);
    } else if (answer?.__typename === "ImportRefusedError" && preview) {
      setPreview({ ...preview, canApply: false, problems: answer.problems });
    } else {
      setFailure(t(frame ? "newBaselineFailed" : "newFrameFailed", { message: failureText(t, answer, error) }));
    }
  }

  // The preview, again when the file or the name changes (a name already used is refused before the file is read).
  useEffect(() => {
    const sent = input(true);
    if (!sent || (!frame && name.trim() === "")) {
      setPreview(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      void client
        .mutation(ImportBaseline, { input: sent })
        .toPromise()
        .then((response) => {
          if (!current) return;
          if (response.data?.importBaseline.__typename !== "BaselineImportPreview") setPreview(null);
          take(response.data?.importBaseline, response.error);
        });
    }, TYPING_PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the preview follows the file and the frame's name; the other fields go with "Opret"
  }, [client, file, name]);

  async function create() {
    const sent = input(false);
    if (!sent) return;
    setBusy(true);
    const response = await client.mutation(ImportBaseline, { input: sent }).toPromise();
    setBusy(false);
    const answer = response.data?.importBaseline;
    if (answer?.__typename === "BaselineImportPreview" && answer.frame && answer.scenario) onCreated(answer.frame.key, answer.scenario.key);
    else take(answer, response.error);
  }

  async function choose(chosen: File | undefined) {
    if (!chosen) return;
    const loaded = await loadFile(chosen);
    setFailure(loaded ? null : t("importWrongType"));
    setFile(loaded);
  }

  return (
    <Dialog
      title={frame ? t("newBaselineTitle", { frame: frame.name }) : t("newFrameTitle")}
      onClose={onClose}
      className="import-dialog new-frame-dialog"
      actions={<button type="button" className="primary" disabled={!preview?.canApply || busy || (!frame && name.trim() === "")} onClick={() => void create()}>{t(frame ? "newBaselineCreate" : "newFrameCreate")}</button>}
    >
      <p className="muted">{t(frame ? "newBaselineIntro" : "newFrameIntro")}</p>
      <form className="new-frame-form" onSubmit={(event) => event.preventDefault()}>
        {!frame && (
          <label>
            {t("newFrameName")}
            <input value={name} onChange={(event) => setName(event.target.value)} required maxLength={200} autoFocus />
          </label>
        )}
        <label>
          {t("newFrameBaselineName")}
          <input value={baselineName} onChange={(event) => setBaselineName(event.target.value)} maxLength={200} />
        </label>
        {!frame && (
          <label className="wide">
            {t("newFrameDescription")}
            <textarea value={description} onChange={(event) => setDescription(event.target.value)} maxLength={4000} rows={2} />
          </label>
        )}
        <label className="wide">
          {t("newFrameFile")}
          <input type="file" accept=".xlsx,.csv" onChange={(event) => void choose(event.target.files?.[0])} />
        </label>
      </form>
      {failure && <p role="alert" className="error">{failure}</p>}
      {!file && !failure && <p className="muted">{t("newFrameChooseFile")}</p>}
      {file && !frame && name.trim() === "" && <p className="muted">{t("newFrameNeedsName")}</p>}
      {file && (frame || name.trim() !== "") && !preview && !failure && <p>{t("importReading")}</p>}
      {preview && <BaselinePreview preview={preview} locale={locale} />}
    </Dialog>
  );
}

function BaselinePreview({ preview, locale }: { preview: Preview; locale: "da" | "en" }) {
  const { t } = useI18n();
  const amount = (text: string) => formatAmount(fromApi(text), locale);
  const signed = (text: string) => formatAmount(fromApi(text), locale, { signed: true });
  const years = preview.years;
  const span = years.length === 0 ? "" : years.length === 1 ? String(years[0]) : `${years[0]}-${years[years.length - 1]}`;
  const negative = (text: string) => fromApi(text) < (0n as Oere);
  const printedRow = preview.printedTotals[0]?.row;
  return (
    <div className="new-frame-preview">
      <p>{t("newFrameSummary", { lines: preview.lines.length, themes: preview.themes.length, years: span, sheet: preview.sheet ?? preview.fileName })}</p>
      <ImportProblemList problems={preview.problems} />
      {preview.yearTotals.length > 0 && (
        <YearTotalsTable
          caption={t("newFrameTotalsCaption")}
          years={preview.yearTotals.map((total) => total.year)}
          rows={[
            { label: t("newFrameRowAllocated"), cells: preview.yearTotals.map((total) => ({ year: total.year, text: amount(total.allocated) })) },
            { label: t("newFrameRowFrame"), cells: preview.yearTotals.map((total) => ({ year: total.year, text: amount(total.frame) })) },
            { label: t("newFrameRowHeadroom"), cells: preview.yearTotals.map((total) => ({ year: total.year, text: amount(total.headroom), over: negative(total.headroom) })) },
          ]}
        />
      )}
      {printedRow === undefined ? (
        <p className="muted">{t("newFrameNoPrinted")}</p>
      ) : (
        <YearTotalsTable
          caption={t("newFramePrintedCaption", { row: printedRow })}
          years={preview.printedTotals.map((total) => total.year)}
          rows={[
            { label: t("newFrameRowPrinted"), cells: preview.printedTotals.map((total) => ({ year: total.year, text: amount(total.printed) })) },
            { label: t("newFrameRowComputed"), cells: preview.printedTotals.map((total) => ({ year: total.year, text: amount(total.computed) })) },
            { label: t("newFrameRowDifference"), cells: preview.printedTotals.map((total) => ({ year: total.year, text: signed(total.difference), over: total.difference !== "0" })) },
          ]}
        />
      )}
      {preview.lines.length > 0 && (
        <table className="data-table import-lines new-frame-lines">
          <caption>{t("newFrameLinesCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("importColumnLine")}</th>
              <th scope="col" className="amount">{t("newFrameColumnRow")}</th>
              {years.map((year) => <th key={year} scope="col" className="amount">{year}</th>)}
            </tr>
          </thead>
          <tbody>
            {preview.themes.map((theme) => [
              <tr key={`theme:${theme}`} className="new-frame-theme">
                <th scope="rowgroup" colSpan={years.length + 2}>{theme}</th>
              </tr>,
              ...preview.lines
                .filter((line) => line.theme === theme)
                .map((line) => (
                  <tr key={line.row}>
                    <th scope="row">{line.title}</th>
                    <td className="amount muted">{line.row}</td>
                    {line.amounts.map((cell) => <td key={cell.year} className="amount">{amount(cell.amount)}</td>)}
                  </tr>
                )),
            ])}
          </tbody>
        </table>
      )}
      {preview.footnotes.length > 0 && (
        <>
          <h3 className="new-frame-footnotes-title">{t("newFrameFootnotes")}</h3>
          <ol className="new-frame-footnotes">
            {preview.footnotes.map((note) => <li key={note.marker}><span className="muted">{note.marker})</span> {note.text}</li>)}
          </ol>
        </>
      )}
    </div>
  );
}
