/** A scenario's history beside the grid: who changed what and why, comments, and restoring an earlier version. */
import { useEffect, useRef, useState } from "react";
import { useMutation, useQuery } from "urql";
import { graphql, type ResultOf } from "../../graphql.ts";
import { InputProblemsFragment } from "../../app/problemText.ts";
import { formatAmount, fromApi } from "../../app/amounts.ts";
import { scenarioGlobalId } from "../../app/ids.ts";
import { ShortTitle } from "../../app/ShortTitle.tsx";
import { useI18n } from "../../i18n/I18n.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import { failureText } from "../../app/failures.ts";
import { mayEdit, type ScenarioAccess } from "../sharing/ownership.ts";

const HistoryQuery = graphql(`
  query History($id: ID!, $scenarioGlobalId: ID!) {
    history(scenarioId: $id, first: 100) {
      nodes {
        version kind actor at comment restoredVersion revertedVersion
        cells { initiative { key title } year before after }
      }
    }
    scenario(id: $scenarioGlobalId) { kind locked archived access comments { text author createdAt change { version } initiative { title } year } }
  }
`);

const Restore = graphql(`
  mutation Restore($input: RestoreScenarioVersionInput!) {
    restoreScenarioVersion(input: $input) { __typename ... on ScenarioEdit { version } ...InputProblems ... on Error { message } }
  }
`, [InputProblemsFragment]);
const AddComment = graphql(`
  mutation AddComment($input: AddCommentInput!) {
    addComment(input: $input) { __typename ...InputProblems ... on Error { message } }
  }
`, [InputProblemsFragment]);

type HistoryEntry = ResultOf<typeof HistoryQuery>["history"]["nodes"][number];

/** A cell the grid's menu opened the panel for: to comment on it, or to show only its changes. `name` as a person says it ("VMK 2025"). */
export interface HistoryPanelCell {
  initiativeKey: string;
  year: number;
  name: string;
}

export function HistoryPanel({ scenarioKey, version, lines, years, onRestored, onCommented, onClose, cell = null }: {
  scenarioKey: string;
  version: number;
  /** The scenario's lines, to comment on one of them (or one of its cells). */
  lines: ReadonlyArray<{ key: string; title: string }>;
  years: readonly number[];
  onRestored: () => void;
  /** A comment was added: the grid shows comments on its lines. */
  onCommented: () => void;
  onClose: () => void;
  cell?: HistoryPanelCell | null;
}) {
  const { t, locale } = useI18n();
  const [{ data }, refetch] = useQuery({
    query: HistoryQuery,
    variables: { id: scenarioKey, scenarioGlobalId: scenarioGlobalId(scenarioKey) },
  });
  const [, restore] = useMutation(Restore);
  const [, addComment] = useMutation(AddComment);
  const [comment, setComment] = useState("");
  const [onLine, setOnLine] = useState("");
  const [onYear, setOnYear] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => refetch({ requestPolicy: "network-only" }), [version, refetch]);
  const [onlyCell, setOnlyCell] = useState<HistoryPanelCell | null>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const onlyCellRef = useRef<HTMLParagraphElement>(null);
  // Opened (or pointed again) from a cell's menu: that cell's changes alone.
  useEffect(() => {
    if (!cell) return;
    setOnlyCell(cell);
  }, [cell]);
  useEffect(() => { if (onlyCell) onlyCellRef.current?.focus(); }, [onlyCell]);
  const touchesOnlyCell = (entry: HistoryEntry) => !onlyCell || entry.cells.some((changed) => changed.initiative.key === onlyCell.initiativeKey && changed.year === onlyCell.year);

  const when = new Intl.DateTimeFormat(locale === "da" ? "da-DK" : "en-GB", { dateStyle: "short", timeStyle: "short" });
  const editable = data?.scenario?.kind === "WHAT_IF" && !data.scenario.locked && !data.scenario.archived && mayEdit(data.scenario.access);
  const standalone = data?.scenario?.comments.filter((entry) => entry.change === null) ?? [];
  const kindText = (entry: HistoryEntry) =>
    t(`kind${entry.kind}`, { version: entry.restoredVersion ?? entry.revertedVersion ?? "" });

  return (
    <aside className="history-panel" aria-labelledby="history-title">
      <div className="toolbar">
        <h3 id="history-title">{t("historyTitle")}</h3>
        <span className="spacer" />
        <button type="button" onClick={onClose} aria-label={t("close")}>×</button>
      </div>
      {message && <p role="status">{message}</p>}
      <form
        className="comment-form"
        onSubmit={async (event) => {
          event.preventDefault();
          const response = await addComment({
            input: { scenarioId: scenarioKey, text: comment, initiativeId: onLine || null, year: onLine && onYear ? Number(onYear) : null },
          });
          if (response.data?.addComment.__typename === "Comment") {
            setComment("");
            refetch({ requestPolicy: "network-only" });
            onCommented();
          } else setMessage(failureText(t, response.data?.addComment, response.error));
        }}
      >
        <label>
          {t("historyCommentLabel")}
          <textarea ref={commentRef} value={comment} onChange={(event) => setComment(event.target.value)} rows={2} maxLength={4000} />
        </label>
        <div className="comment-target">
          <label>
            {t("historyCommentOn")}
            <select value={onLine} onChange={(event) => setOnLine(event.target.value)} aria-label={t("historyCommentOn")} title={lines.find((line) => line.key === onLine)?.title ?? t("historyCommentWhole")}>
              <option value="">{t("historyCommentWhole")}</option>
              {lines.map((line) => <option key={line.key} value={line.key}>{line.title}</option>)}
            </select>
          </label>
          <label>
            {t("year")}
            <select value={onYear} onChange={(event) => setOnYear(event.target.value)} disabled={!onLine} aria-label={t("year")}>
              <option value="">{t("historyCommentAllYears")}</option>
              {years.map((year) => <option key={year} value={year}>{year}</option>)}
            </select>
          </label>
        </div>
        <button type="submit" disabled={comment.trim() === ""}>{t("historyAddComment")}</button>
      </form>
      {standalone.length > 0 && (
        <>
          <h4>{t("historyComments")}</h4>
          <ul className="comments">
            {standalone.map((entry) => (
              <li key={`${entry.createdAt}-${entry.text}`}>
                <q>{entry.text}</q> <span className="muted small">{t("historyBy", { who: entry.author, when: when.format(new Date(entry.createdAt)) })}{entry.initiative ? ` · ${entry.initiative.title}${entry.year ? ` ${entry.year}` : ""}` : ""}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {onlyCell && (
        <p className="history-filter" tabIndex={-1} ref={onlyCellRef}>
          {t("historyForCell", { cell: onlyCell.name })}{" "}
          <button type="button" onClick={() => setOnlyCell(null)}>{t("historyShowAll")}</button>
        </p>
      )}
      <ul className="history">
        {(data?.history.nodes ?? []).filter(touchesOnlyCell).map((entry) => (
          <li key={entry.version}>
            <div>
              <strong>{t("historyVersion", { version: entry.version })}</strong> · {kindText(entry)}
            </div>
            <div className="muted small">{t("historyBy", { who: entry.actor, when: when.format(new Date(entry.at)) })}</div>
            {entry.comment && <q>{entry.comment}</q>}
            {entry.cells.length > 0 && (
              <details>
                <summary>{t("historyCells", { count: entry.cells.length })}</summary>
                <ul className="small">
                  {entry.cells.slice(0, 50).map((cell) => (
                    <li key={`${cell.initiative.key}:${cell.year}`}>
                      <ShortTitle title={cell.initiative.title} /> {cell.year}: {cell.before === null ? "–" : formatAmount(fromApi(cell.before), locale)} → {cell.after === null ? "–" : formatAmount(fromApi(cell.after), locale)}
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {editable && entry.version < version && (
              <button
                type="button"
                onClick={async () => {
                  const response = await restore({ input: { scenarioId: scenarioKey, version: entry.version, expectedVersion: version } });
                  const result = response.data?.restoreScenarioVersion;
                  setMessage(result?.__typename === "ScenarioEdit" ? t("historyRestored", { version: entry.version }) : failureText(t, result, response.error));
                  onRestored();
                }}
              >
                {t("historyRestore")}
              </button>
            )}
          </li>
        ))}
        {data && data.history.nodes.length === 0 && <li>{t("historyNoChanges")}</li>}
      </ul>
    </aside>
  );
}
