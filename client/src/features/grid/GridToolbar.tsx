/**
 * The scenario's actions above the grid, on one line that never wraps: the editing actions as one
 * group, the other views of the scenario as another, export and the live connection's state at the
 * end. Where the line is too short (a narrow window, longer Danish words), the views that matter least
 * move into a "More…" menu, measured, never clipped. Actions that come and go with the scenario's state
 * (bringing it inside the frame) stay in place, disabled, so nothing jumps when they apply.
 * It only shows and calls back; the grid owns the state the actions change.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { hrefOf } from "../../app/route.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import { ExportButtons } from "../export/ExportButtons.tsx";
import { ImportButton } from "../import/ImportDialog.tsx";
import { LiveIndicator } from "../live/LiveIndicator.tsx";
import { MergeDialog } from "../merge/MergeDialog.tsx";
import type { LiveStatus } from "../live/useScenarioLive.ts";
import { fittingItems } from "./toolbarFit.ts";

export interface GridToolbarProps {
  /** `frame.hasDocuments`: false for a frame without the life science documents, which has no recommendation coverage. */
  scenario: { key: string; name: string; kind: "BASELINE" | "WHAT_IF"; parent: { key: string; name: string } | null; frame?: { hasDocuments: boolean } };
  /** The user may change the cells now (a what-if, unlocked, theirs to edit, at the stored price level). */
  editable: boolean;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onAddLine: () => void;
  onRemoveLine: () => void;
  /** Some year is over the frame: the balancing action is enabled. */
  overFrame: boolean;
  onBalance: () => void;
  /** The version an applied import made (null: the file changed nothing). */
  onImported: (madeVersion: number | null) => void;
  /** The user owns the what-if in accounts mode, so may share it. */
  mayShare: boolean;
  onShare: () => void;
  showChart: boolean;
  onToggleChart: () => void;
  showHistory: boolean;
  onToggleHistory: () => void;
  priceLevel: number | null;
  liveStatus: LiveStatus;
}

/** A view action that may move into the "More…" menu: the lower its priority, the sooner it moves. */
interface ViewItem {
  id: string;
  priority: number;
  node: ReactNode;
}

export function GridToolbar(props: GridToolbarProps) {
  const { t, locale } = useI18n();
  const { scenario, editable } = props;
  // The merge dialog lives here, not in its item, which may move into "More…" and back.
  const [merging, setMerging] = useState(false);

  const items: ViewItem[] = [];
  if (scenario.parent) {
    items.push({
      id: "compare",
      priority: 5,
      node: (
        <a className="button" href={hrefOf({ view: "compare", base: scenario.parent.key, others: [scenario.key] })} title={t("compareWithParentTitle", { name: scenario.parent.name })}>
          {t("compareWithParent")}
        </a>
      ),
    });
    items.push({
      id: "brief",
      priority: 3,
      node: (
        <a className="button" href={hrefOf({ view: "brief", base: scenario.parent.key, other: scenario.key, lang: locale })} title={t("briefButtonTitle", { other: scenario.name, base: scenario.parent.name })}>
          {t("briefButton")}
        </a>
      ),
    });
  }
  if (scenario.kind === "BASELINE") items.push({ id: "consistency", priority: 4, node: <a className="button" href={hrefOf({ view: "consistency", key: scenario.key })}>{t("consistencyOpen")}</a> });
  if (scenario.kind === "WHAT_IF" && scenario.parent) {
    items.push({ id: "merge", priority: 1.5, node: <button type="button" onClick={() => setMerging(true)} title={t("mergeButtonTitle")}>{t("mergeButton")}</button> });
  }
  if (props.mayShare) items.push({ id: "share", priority: 2, node: <button type="button" onClick={props.onShare} title={t("shareButtonTitle", { name: scenario.name })}>{t("shareButton")}</button> });
  items.push({ id: "chart", priority: 7, node: <button type="button" aria-pressed={props.showChart} onClick={props.onToggleChart}>{t("chartButton")}</button> });
  items.push({ id: "history", priority: 8, node: <button type="button" aria-pressed={props.showHistory} onClick={props.onToggleHistory}>{t("historyButton")}</button> });
  if (scenario.frame?.hasDocuments !== false) items.push({ id: "coverage", priority: 1, node: <a className="button" href={hrefOf({ view: "coverage", scenarios: [scenario.key] })}>{t("coverageButton")}</a> });

  const ids = items.map((item) => item.id).join(" ");
  const barRef = useRef<HTMLDivElement>(null);
  const measureRef = useRef<HTMLDivElement>(null);
  const viewsRef = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState<ReadonlySet<string> | null>(null);

  // Measure every view action once drawn (in a hidden copy), and keep as many as the line has room for.
  const fit = useCallback(() => {
    const bar = barRef.current;
    const measure = measureRef.current;
    if (!bar || !measure) return;
    const views = viewsRef.current;
    if (!views) return;
    const width = (element: Element | null) => (element instanceof HTMLElement ? element.getBoundingClientRect().width : 0);
    const gap = parseFloat(getComputedStyle(bar).columnGap) || 0;
    // The views' group takes the line's room left beside the fixed groups (flex: 1, min-width: 0).
    const style = getComputedStyle(views);
    const room = views.clientWidth - (parseFloat(style.paddingLeft) || 0) - (parseFloat(style.paddingRight) || 0);
    const itemWidths = [...measure.querySelectorAll<HTMLElement>("[data-item]")].map((element) => ({ id: element.dataset.item!, width: width(element) }));
    const more = width(measure.querySelector("[data-more]"));
    const priorities = new Map(items.map((item) => [item.id, item.priority]));
    const next = fittingItems(
      itemWidths.map((item) => ({ ...item, priority: priorities.get(item.id) ?? 0 })),
      room,
      gap,
      more,
    );
    setShown((current) => (current && current.size === next.size && [...next].every((id) => current.has(id)) ? current : next));
    // `items` is rebuilt each render; what matters is which there are (`ids`), and the language, which changes their widths.
  }, [ids, locale]);

  useLayoutEffect(fit, [fit, editable, props.mayShare]);
  useEffect(() => {
    const bar = barRef.current;
    if (!bar) return;
    const observer = new ResizeObserver(() => fit());
    observer.observe(bar);
    return () => observer.disconnect();
  }, [fit]);

  const visible = items.filter((item) => shown === null || shown.has(item.id));
  const hidden = items.filter((item) => shown !== null && !shown.has(item.id));

  return (
    <div className="toolbar actions" ref={barRef} role="toolbar" aria-label={t("toolbarLabel")}>
      {editable && (
        <div className="toolbar-group" role="group" aria-label={t("toolbarEditGroup")} data-fixed="">
          <button type="button" onClick={props.onUndo} disabled={!props.canUndo} title="Ctrl+Z">{t("undo")}</button>
          <button type="button" onClick={props.onRedo} disabled={!props.canRedo} title="Ctrl+Y">{t("redo")}</button>
          <button type="button" onClick={props.onAddLine}>{t("addLine")}</button>
          <button type="button" onClick={props.onRemoveLine}>{t("removeLine")}</button>
          <button type="button" onClick={props.onBalance} disabled={!props.overFrame} title={props.overFrame ? undefined : t("fits")}>{t("balanceButton")}</button>
          <ImportButton scenarioKey={scenario.key} onApplied={props.onImported} />
        </div>
      )}
      <div className="toolbar-group toolbar-views" ref={viewsRef} role="group" aria-label={t("toolbarViewGroup")}>
        {visible.map((item) => <span key={item.id} className="toolbar-item">{item.node}</span>)}
        {hidden.length > 0 && <MoreMenu>{hidden.map((item) => <span key={item.id} className="toolbar-item">{item.node}</span>)}</MoreMenu>}
      </div>
      <div className="toolbar-group toolbar-end" data-fixed="">
        <ExportButtons target={{ kind: "scenario", scenarioKey: scenario.key }} priceLevel={props.priceLevel} />
        <LiveIndicator status={props.liveStatus} />
      </div>
      {merging && <MergeDialog source={scenario} onClose={() => setMerging(false)} />}
      {/* A hidden copy of the view actions, only to measure them. */}
      <div className="toolbar-measure" ref={measureRef} aria-hidden="true" inert>
        {items.map((item) => <span key={item.id} className="toolbar-item" data-item={item.id}>{item.node}</span>)}
        <span className="toolbar-item" data-more=""><button type="button" tabIndex={-1}>{t("toolbarMore")}</button></span>
      </div>
    </div>
  );
}

/**
 * The "More…" button and the actions it holds: opens below it, closes on Escape, a click outside or a
 * chosen action. A chosen action's menu entry disappears with the menu, so the focus goes to "More…"
 * first: a dialog the action opens hands the focus back there when it closes, as does Escape.
 */
function MoreMenu({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);
  return (
    <div className="toolbar-more" ref={ref}>
      <button ref={buttonRef} type="button" aria-expanded={open} aria-haspopup="true" onClick={() => setOpen((now) => !now)}>{t("toolbarMore")}</button>
      {open && (
        <div className="toolbar-more-panel" role="group" aria-label={t("toolbarMoreLabel")} onClickCapture={() => buttonRef.current?.focus()} onClick={() => setOpen(false)}>
          {children}
        </div>
      )}
    </div>
  );
}
