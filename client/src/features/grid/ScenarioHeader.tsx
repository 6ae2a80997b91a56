/**
 * Above the grid: the scenario's name and badges, who owns it, whether it fits its frame; and, when
 * it cannot be edited here, why — with the way out (fork it, or unlock it).
 */
import type { Oere } from "@ramme/domain";
import { useMutation } from "urql";
import { formatAmount } from "../../app/amounts.ts";
import { hrefOf } from "../../app/route.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import { UnlockScenario } from "../scenarios/scenarioActions.ts";
import { Ownership } from "../sharing/Ownership.tsx";
import type { OwnershipNote } from "../sharing/ownership.ts";
import type { GridScenario } from "./useGridData.ts";

export function ScenarioTitleBar({ scenario, note, mayRename, over, onRename }: {
  scenario: GridScenario;
  note: OwnershipNote;
  mayRename: boolean;
  /** The years the scenario breaks its frame, by how much. */
  over: ReadonlyArray<{ year: number; overBy: Oere }>;
  onRename: () => void;
}) {
  const { t, locale } = useI18n();
  return (
    <div className="toolbar title-bar">
      <a href={hrefOf({ view: "list" })}>← {t("backToList")}</a>
      <h2 id="scenario-title">{scenario.name}</h2>
      {mayRename && (
        <button type="button" className="link-button" onClick={onRename} title={t("renameTitle", { name: scenario.name })}>{t("rename")}</button>
      )}
      <span className="badge">{scenario.kind === "BASELINE" ? t("baseline") : t("whatIf")}</span>
      {scenario.mustFit && <span className="badge">{t("mustFit")}</span>}
      <Ownership note={note} />
      <span className={over.length ? "frame-flag over" : "frame-flag fits"} role="status">
        {over.length ? t("breaks", { years: over.map((entry) => `${entry.year} (${formatAmount(entry.overBy, locale)})`).join(", ") }) : t("fits")}
      </span>
    </div>
  );
}

export function ReadOnlyNote({ reason, mayFork, mayUnlock, scenarioKey, onFork, onUnlocked }: {
  reason: string;
  mayFork: boolean;
  mayUnlock: boolean;
  scenarioKey: string;
  onFork: () => void;
  onUnlocked: () => void;
}) {
  const { t } = useI18n();
  const [, unlock] = useMutation(UnlockScenario);
  return (
    <p className="read-only-note">
      {reason}{" "}
      {mayFork && <button type="button" className="primary" onClick={onFork}>{t("forkToEdit")}</button>}
      {mayUnlock && (
        <button type="button" onClick={async () => { await unlock({ input: { scenarioId: scenarioKey } }); onUnlocked(); }}>{t("unlockToEdit")}</button>
      )}
    </p>
  );
}
