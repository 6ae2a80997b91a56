/**
 * The toggle of the grid's difference view: "Vis forskel til <parent>", with the parent as it is now
 * or as it was at the fork; a baseline (no parent) chooses any other scenario of the same frame as
 * its reference. The choice lives in the URL (`#/scenario/<key>?vs=<key>&at=now|fork`).
 */
import { useId } from "react";
import { useQuery } from "urql";
import { graphql } from "../../graphql.ts";
import type { GridReference } from "../../app/route.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import type { ReferenceDiffState } from "./useReferenceDiff.ts";

const GridReferenceListQuery = graphql(`
  query GridReferenceList {
    scenarios(first: 200) { nodes { key name kind frame { key } } }
  }
`);

export interface DiffSubject {
  key: string;
  frameKey: string;
  parent: { key: string; name: string } | null;
  forkedFromVersion: number | null;
}

export function DiffToggle({ scenario, reference, state, onChange }: { scenario: DiffSubject; reference: GridReference | null; state: ReferenceDiffState; onChange: (reference: GridReference | null) => void }) {
  const { t } = useI18n();
  const selectId = useId();
  const needsList = scenario.parent === null || (reference !== null && reference.key !== scenario.parent.key);
  const [{ data }] = useQuery({ query: GridReferenceListQuery, pause: !needsList });
  const candidates = (data?.scenarios.nodes ?? []).filter((other) => other.key !== scenario.key && other.frame.key === scenario.frameKey);
  const on = reference !== null;
  const parent = scenario.parent;
  const label = parent ? t("diffToggle", { name: parent.name }) : state.diff ? t("diffToggle", { name: state.diff.referenceName }) : t("diffToggleNoParent");

  const turnOn = () => {
    if (parent) return onChange({ key: parent.key, at: "now" });
    // A baseline: the other baseline first (the proposal against the agreement), else any other scenario.
    const first = candidates.find((other) => other.kind === "BASELINE") ?? candidates[0];
    if (first) onChange({ key: first.key, at: "now" });
  };

  return (
    <div className="diff-toggle" role="group" aria-label={label}>
      <button
        type="button"
        aria-pressed={on}
        className={on ? "diff-toggle-button on" : "diff-toggle-button"}
        title={t("diffToggleTitle", { name: parent?.name ?? state.diff?.referenceName ?? "…" })}
        disabled={!on && !parent && candidates.length === 0}
        onClick={() => (on ? onChange(null) : turnOn())}
      >
        {label}
      </button>
      {on && parent && reference.key === parent.key && scenario.forkedFromVersion !== null && (
        <select aria-label={t("diffAtLabel")} value={reference.at} onChange={(event) => onChange({ key: parent.key, at: event.target.value === "fork" ? "fork" : "now" })}>
          <option value="now">{t("diffAtNow")}</option>
          <option value="fork">{t("diffAtFork", { version: scenario.forkedFromVersion })}</option>
        </select>
      )}
      {on && !parent && (
        <>
          <label htmlFor={selectId} className="visually-hidden">{t("diffReferenceLabel")}</label>
          <select id={selectId} value={reference.key} onChange={(event) => onChange({ key: event.target.value, at: "now" })}>
            {!candidates.some((other) => other.key === reference.key) && <option value={reference.key}>{state.diff?.referenceName ?? reference.key}</option>}
            {candidates.map((other) => <option key={other.key} value={other.key}>{other.name}</option>)}
          </select>
        </>
      )}
    </div>
  );
}

/** Under the tools while the difference is on: what the colours mean, how many lines differ, and whether it is catching up. */
export function DiffLegend({ state }: { state: ReferenceDiffState }) {
  const { t } = useI18n();
  if (state.failure) return <p className="diff-legend error" role="alert">{t("diffFailed", { message: state.failure })}</p>;
  if (!state.diff) return <p className="diff-legend" role="status">{t("diffPending")}</p>;
  const { counts, referenceName } = state.diff;
  return (
    <p className="diff-legend" role="status">
      <span>{t("diffLegend", { name: referenceName })}</span> <span className="diff-counts">{t("diffCounts", { changed: counts.changed, added: counts.added, removed: counts.removed })}</span>
      {state.pending && <span className="diff-pending-note"> · {t("diffPending")}</span>}
    </p>
  );
}
