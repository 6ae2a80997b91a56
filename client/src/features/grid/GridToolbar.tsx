/**
 * The scenario's actions above the grid: undo and redo, the ways to another view of the scenario,
 * the line changes, sharing, the chart and history panels, export and the live connection's state.
 * It only shows and calls back; the grid owns the state the actions change.
 */
import { hrefOf } from "../../app/route.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import { ExportButtons } from "../export/ExportButtons.tsx";
import { ImportButton } from "../import/ImportDialog.tsx";
import { LiveIndicator } from "../live/LiveIndicator.tsx";
import type { LiveStatus } from "../live/useScenarioLive.ts";

export interface GridToolbarProps {
  scenario: { key: string; name: string; kind: "BASELINE" | "WHAT_IF"; parent: { key: string; name: string } | null };
  /** The user may change the cells now (a what-if, unlocked, theirs to edit, at the stored price level). */
  editable: boolean;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onAddLine: () => void;
  onRemoveLine: () => void;
  /** Some year is over the frame: the balancing action is offered. */
  overFrame: boolean;
  onBalance: () => void;
  onImported: () => void;
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

export function GridToolbar(props: GridToolbarProps) {
  const { t, locale } = useI18n();
  const { scenario, editable } = props;
  return (
    <div className="toolbar actions">
      {editable && (
        <>
          <button type="button" onClick={props.onUndo} disabled={!props.canUndo} title="Ctrl+Z">{t("undo")}</button>
          <button type="button" onClick={props.onRedo} disabled={!props.canRedo} title="Ctrl+Y">{t("redo")}</button>
        </>
      )}
      {scenario.parent && (
        <a className="button" href={hrefOf({ view: "compare", base: scenario.parent.key, others: [scenario.key] })} title={t("compareWithParentTitle", { name: scenario.parent.name })}>
          {t("compareWithParent")}
        </a>
      )}
      {scenario.parent && (
        <a
          className="button"
          href={hrefOf({ view: "brief", base: scenario.parent.key, other: scenario.key, lang: locale })}
          title={t("briefButtonTitle", { other: scenario.name, base: scenario.parent.name })}
        >
          {t("briefButton")}
        </a>
      )}
      {editable && (
        <>
          <button type="button" onClick={props.onAddLine}>{t("addLine")}</button>
          <button type="button" onClick={props.onRemoveLine}>{t("removeLine")}</button>
          {props.overFrame && <button type="button" onClick={props.onBalance}>{t("balanceButton")}</button>}
          <ImportButton scenarioKey={scenario.key} onApplied={props.onImported} />
        </>
      )}
      {scenario.kind === "BASELINE" && <a className="button" href={hrefOf({ view: "consistency", key: scenario.key })}>{t("consistencyOpen")}</a>}
      {props.mayShare && (
        <button type="button" onClick={props.onShare} title={t("shareButtonTitle", { name: scenario.name })}>{t("shareButton")}</button>
      )}
      <button type="button" aria-pressed={props.showChart} onClick={props.onToggleChart}>{t("chartButton")}</button>
      <button type="button" aria-pressed={props.showHistory} onClick={props.onToggleHistory}>{t("historyButton")}</button>
      <a className="button" href={hrefOf({ view: "coverage", scenarios: [scenario.key] })}>{t("coverageButton")}</a>
      <ExportButtons target={{ kind: "scenario", scenarioKey: scenario.key }} priceLevel={props.priceLevel} />
      <LiveIndicator status={props.liveStatus} />
    </div>
  );
}
