/**
 * Comments where the numbers are: a commented cell carries a marker in its corner (gridOverlays.ts
 * gives it the class; the tooltip shows the thread on hover), the thread shows beside the cell when
 * the keyboard focuses it (a popover the cell is described by), and Shift+F2 on a cell opens a
 * comment on that cell, as in Excel. `openCommentFor` is the one way in (a context menu calls it too).
 */
import type { CellFocusedEvent, CellKeyDownEvent, FullWidthCellKeyDownEvent, GridApi } from "ag-grid-community";
import { useCallback, useEffect, useId, useMemo, useState, type ReactElement } from "react";
import { useMutation } from "urql";
import { graphql } from "../../graphql.ts";
import { InputProblemsFragment } from "../../app/problemText.ts";
import { Dialog } from "../../app/Dialog.tsx";
import { failureText } from "../../app/failures.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import { cellKey } from "./gridColumns.ts";
import { isCommentKey } from "./gridOverlays.ts";
import type { BodyRow, SummaryRow } from "./gridRows.ts";

type Row = BodyRow | SummaryRow;

const AddCellComment = graphql(`
  mutation AddCellComment($input: AddCommentInput!) {
    addComment(input: $input) { __typename ...InputProblems ... on Error { message } }
  }
`, [InputProblemsFragment]);

/** A comment as the grid's query has it. */
export interface GridComment {
  text: string;
  author: string;
  year: number | null;
  initiative: { key: string } | null;
}

/** The cell a comment is about: a line and a year, or (year null) the whole line. */
export interface CommentTarget {
  initiativeKey: string;
  year: number | null;
}

export interface CellCommentsApi {
  /** The thread of each commented year cell, by cellKey. */
  threads: ReadonlyMap<string, readonly string[]>;
  /** The lines with any comment (on the line or one of its cells). */
  commentedLines: ReadonlySet<string>;
  /** Opens the comment dialog on a cell. */
  openCommentFor: (target: CommentTarget) => void;
  /** Hand the grid's API over once it is ready: focus and Shift+F2 are listened to there. */
  attach: (api: GridApi<Row>) => void;
  /** The dialog and the focus popover, to render beside the grid. */
  element: ReactElement;
}

export function useCellComments({ scenarioKey, comments, lineTitle, onCommented }: {
  scenarioKey: string;
  comments: readonly GridComment[];
  lineTitle: (key: string) => string;
  onCommented: () => void;
}): CellCommentsApi {
  const { t } = useI18n();
  const popoverId = useId();
  const [api, setApi] = useState<GridApi<Row> | null>(null);
  const [target, setTarget] = useState<CommentTarget | null>(null);
  const [popover, setPopover] = useState<{ lines: readonly string[]; left: number; top: number } | null>(null);

  const { threads, commentedLines } = useMemo(() => {
    const byCell = new Map<string, string[]>();
    const lines = new Set<string>();
    for (const comment of comments) {
      if (!comment.initiative) continue;
      lines.add(comment.initiative.key);
      if (comment.year === null) continue;
      const key = cellKey(comment.initiative.key, comment.year);
      byCell.set(key, [...(byCell.get(key) ?? []), `“${comment.text}” – ${comment.author}`]);
    }
    return { threads: byCell, commentedLines: lines };
  }, [comments]);

  const openCommentFor = useCallback((cell: CommentTarget) => setTarget(cell), []);
  const attach = useCallback((grid: GridApi<Row>) => setApi(grid), []);

  useEffect(() => {
    if (!api) return;
    let described: HTMLElement | null = null;
    const hide = () => {
      described?.removeAttribute("aria-describedby");
      described = null;
      setPopover(null);
    };
    const cellAt = (rowIndex: number | null, colId: string, pinned: unknown): CommentTarget | null => {
      if (rowIndex === null || pinned) return null;
      const row = api.getDisplayedRowAtIndex(rowIndex)?.data;
      if (row?.kind !== "line") return null;
      if (colId === "title") return { initiativeKey: row.initiativeKey, year: null };
      return /^y\d+$/.test(colId) ? { initiativeKey: row.initiativeKey, year: Number(colId.slice(1)) } : null;
    };
    const onFocused = (event: CellFocusedEvent<Row>) => {
      hide();
      const colId = typeof event.column === "string" ? event.column : event.column?.getColId();
      const cell = colId ? cellAt(event.rowIndex, colId, event.rowPinned) : null;
      const thread = cell?.year !== null && cell ? threads.get(cellKey(cell.initiativeKey, cell.year!)) : undefined;
      if (!thread) return;
      // The cell's element exists once the grid has drawn the focus.
      requestAnimationFrame(() => {
        const active = document.activeElement;
        const element = active instanceof HTMLElement && active.classList.contains("ag-cell") && active.getAttribute("col-id") === colId ? active : null;
        if (!element) return;
        const rect = element.getBoundingClientRect();
        described = element;
        element.setAttribute("aria-describedby", popoverId);
        setPopover({ lines: thread, left: Math.min(rect.left, window.innerWidth - 340), top: rect.bottom + 4 });
      });
    };
    const onKeyDown = (event: CellKeyDownEvent<Row> | FullWidthCellKeyDownEvent<Row>) => {
      const keyboard = event.event;
      if (!("column" in event) || !(keyboard instanceof KeyboardEvent) || !isCommentKey(keyboard)) return;
      const cell = cellAt(event.rowIndex, event.column.getColId(), event.rowPinned);
      if (!cell) return;
      keyboard.preventDefault();
      hide();
      setTarget(cell);
    };
    const onFocusOut = (event: FocusEvent) => {
      if (described && event.target === described) hide();
    };
    api.addEventListener("cellFocused", onFocused);
    api.addEventListener("cellKeyDown", onKeyDown);
    api.addEventListener("bodyScroll", hide);
    document.addEventListener("focusout", onFocusOut);
    return () => {
      hide();
      if (!api.isDestroyed()) {
        api.removeEventListener("cellFocused", onFocused);
        api.removeEventListener("cellKeyDown", onKeyDown);
        api.removeEventListener("bodyScroll", hide);
      }
      document.removeEventListener("focusout", onFocusOut);
    };
  }, [api, threads, popoverId]);

  const element = (
    <>
      {popover && (
        <div id={popoverId} role="tooltip" className="comment-popover" style={{ left: popover.left, top: popover.top }}>
          <strong>{t("commentMarkerTitle")}</strong>
          <ul>{popover.lines.map((line, index) => <li key={index}>{line}</li>)}</ul>
        </div>
      )}
      {!popover && <span id={popoverId} hidden />}
      {target && <CellCommentDialog scenarioKey={scenarioKey} target={target} title={lineTitle(target.initiativeKey)} thread={target.year === null ? [] : threads.get(cellKey(target.initiativeKey, target.year)) ?? []} onClose={() => setTarget(null)} onDone={() => { setTarget(null); onCommented(); }} />}
    </>
  );
  return { threads, commentedLines, openCommentFor, attach, element };
}

function CellCommentDialog({ scenarioKey, target, title, thread, onClose, onDone }: { scenarioKey: string; target: CommentTarget; title: string; thread: readonly string[]; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [, addComment] = useMutation(AddCellComment);
  const [text, setText] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const formId = useId();
  return (
    <Dialog
      title={target.year === null ? t("commentDialogTitleLine", { line: title }) : t("commentDialogTitle", { line: title, year: target.year })}
      onClose={onClose}
      actions={<button type="submit" form={formId} className="primary">{t("commentAdd")}</button>}
    >
      {thread.length > 0 && <ul className="comment-thread">{thread.map((line, index) => <li key={index}>{line}</li>)}</ul>}
      <form
        id={formId}
        onSubmit={async (event) => {
          event.preventDefault();
          const response = await addComment({ input: { scenarioId: scenarioKey, text, initiativeId: target.initiativeKey, year: target.year } });
          if (response.data?.addComment.__typename === "Comment") onDone();
          else setFailure(t("commentFailed", { message: failureText(t, response.data?.addComment, response.error) }));
        }}
      >
        <label>
          {t("commentText")}
          <textarea value={text} onChange={(event) => setText(event.target.value)} rows={3} maxLength={4000} required autoFocus />
        </label>
        {failure && <p className="status error" role="alert">{failure}</p>}
      </form>
    </Dialog>
  );
}
