/**
 * "Bring ændringer over til …": what a what-if changed since it was created, brought over to another
 * scenario the user may edit. The user picks the target, sees every cell that will change and every
 * conflict (the same cell changed differently on both sides) with a choice per cell — mine, theirs or
 * a typed value — and the target's totals against the frame; "Bring over" stores it as one version of
 * the target (mergeScenario at the previewed version), which the target's grid can undo. When the
 * target changed meanwhile nothing is stored, and the preview can be loaded again.
 */
import { useEffect, useMemo, useState } from "react";
import { useClient, useQuery } from "urql";
import type { Oere } from "@ramme/domain";
import { graphql, type ResultOf } from "../../graphql.ts";
import { Dialog } from "../../app/Dialog.tsx";
import { formatAmount, fromApi } from "../../app/amounts.ts";
import { failureText } from "../../app/failures.ts";
import { hrefOf } from "../../app/route.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import { mayEdit } from "../sharing/ownership.ts";
import { loadStacks, recordEdit, saveStacks } from "../grid/undoStack.ts";
import { ConflictTable } from "./ConflictTable.tsx";
import { cellKeyOf, validResolutions, type Choice } from "./resolutions.ts";
import "./merge.css";

const MergeTargets = graphql(`
  query MergeTargets($sourceId: ID!) {
    scenario(id: $sourceId) { key frame { key precisionDecimals } }
    scenarios(kind: WHAT_IF, first: 500) { nodes { key name access locked archived parent { key } frame { key } } }
  }
`);

const MergePreviewQuery = graphql(`
  query MergePreview($sourceId: ID!, $targetId: ID!, $resolutions: [MergeResolutionInput!]) {
    mergePreview(sourceId: $sourceId, targetId: $targetId, resolutions: $resolutions) {
      __typename
      ... on MergePreview {
        targetVersion
        cells { initiative { key title } year before after }
        conflicts { initiative { key title } year base source target }
        resolved { initiative { key title } year base source target }
        yearTotals { year allocated frame headroom fitsFrame }
      }
      ... on Error { message }
    }
    scenario(id: $targetId) { key mustFit yearTotals { year allocated } }
  }
`);

const MergeScenario = graphql(`
  mutation MergeScenario($input: MergeScenarioInput!) {
    mergeScenario(input: $input) {
      __typename
      ... on ScenarioEdit { version changed }
      ... on VersionConflictError { currentVersion }
      ... on FrameExceededError { years { year } }
      ... on Error { message }
    }
  }
`);

type Preview = Extract<NonNullable<ResultOf<typeof MergePreviewQuery>["mergePreview"]>, { __typename: "MergePreview" }>;
type Outcome =
  | { kind: "applied"; version: number; changed: boolean }
  | { kind: "stale"; text: string }
  | { kind: "refused"; text: string };

export function MergeDialog({ source, onClose }: { source: { key: string; name: string }; onClose: () => void }) {
  const { t, locale } = useI18n();
  const client = useClient();
  const [{ data: targetsData, error: targetsError }] = useQuery({ query: MergeTargets, variables: { sourceId: source.key }, requestPolicy: "network-only" });
  const sourceFrame = targetsData?.scenario?.frame;
  const maxDecimals = sourceFrame?.precisionDecimals ?? 1;
  // Scenarios the user may change in the same frame; what-ifs forked from the same parent first, newest first.
  const targets = useMemo(() => {
    const parentKey = targetsData?.scenarios.nodes.find((node) => node.key === source.key)?.parent?.key;
    const candidates = (targetsData?.scenarios.nodes ?? []).filter(
      (node) => node.key !== source.key && node.frame.key === sourceFrame?.key && !node.locked && !node.archived && mayEdit(node.access),
    );
    const siblings = candidates.filter((node) => node.parent?.key === parentKey).reverse();
    return [...siblings, ...candidates.filter((node) => node.parent?.key !== parentKey).reverse()];
  }, [targetsData, source.key, sourceFrame?.key]);

  const [targetKey, setTargetKey] = useState<string | null>(null);
  const target = targets.find((node) => node.key === targetKey) ?? targets[0] ?? null;
  const [choices, setChoices] = useState<ReadonlyMap<string, Choice>>(new Map());
  const [preview, setPreview] = useState<{ data: Preview; mustFit: boolean; before: ReadonlyMap<number, string> } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [loads, setLoads] = useState(0);

  const resolutions = useMemo(() => validResolutions(choices, maxDecimals), [choices, maxDecimals]);
  const resolutionsKey = JSON.stringify(resolutions);

  useEffect(() => {
    if (!target) return;
    let current = true;
    setFailure(null);
    void client
      .query(MergePreviewQuery, { sourceId: source.key, targetId: target.key, resolutions }, { requestPolicy: "network-only" })
      .toPromise()
      .then((response) => {
        if (!current) return;
        const result = response.data?.mergePreview;
        if (result?.__typename === "MergePreview") {
          const before = new Map((response.data?.scenario?.yearTotals ?? []).map((total) => [total.year, total.allocated]));
          setPreview({ data: result, mustFit: response.data?.scenario?.mustFit ?? false, before });
        } else {
          setPreview(null);
          setFailure(t("mergeFailed", { message: failureText(t, result, response.error) }));
        }
      });
    return () => {
      current = false;
    };
    // `resolutions` is rebuilt from the choices on each render; its content is what matters.
  }, [client, source.key, target?.key, resolutionsKey, loads, t]);

  function chooseTarget(key: string) {
    // The same target again keeps its preview (the effect loads one only when the target changes).
    if (key === target?.key) return;
    setTargetKey(key);
    setChoices(new Map());
    setPreview(null);
    setOutcome(null);
  }

  async function apply() {
    if (!preview || !target) return;
    setBusy(true);
    const input = { sourceId: source.key, targetId: target.key, expectedTargetVersion: preview.data.targetVersion, resolutions };
    const response = await client.mutation(MergeScenario, { input }).toPromise();
    setBusy(false);
    const result = response.data?.mergeScenario;
    switch (result?.__typename) {
      case "ScenarioEdit":
        // The target's grid undoes it as one of this browser's edits (its undo stack lives in sessionStorage).
        if (result.changed) saveStacks(target.key, recordEdit(loadStacks(target.key), result.version));
        setOutcome({ kind: "applied", version: result.version, changed: result.changed });
        return;
      case "VersionConflictError":
        setOutcome({ kind: "stale", text: t("mergeVersionConflict", { target: target.name, current: result.currentVersion }) });
        return;
      case "MergeConflictError":
        setOutcome({ kind: "stale", text: t("mergeNewConflicts", { target: target.name }) });
        return;
      case "FrameExceededError":
        setOutcome({ kind: "refused", text: t("mergeFrameExceeded", { target: target.name, years: result.years.map((year) => year.year).join(", ") }) });
        return;
      case "ScenarioLockedError":
        setOutcome({ kind: "refused", text: t("mergeLocked", { target: target.name }) });
        return;
      default:
        setOutcome({ kind: "refused", text: t("mergeFailed", { message: failureText(t, result, response.error) }) });
    }
  }

  function refresh() {
    setOutcome(null);
    setPreview(null);
    setLoads((count) => count + 1);
  }

  const amount = (text: string | null) => (text === null ? t("mergeAbsent") : formatAmount(fromApi(text), locale));
  const conflicts = preview ? [...preview.data.conflicts, ...preview.data.resolved].sort((left, right) => left.initiative.title.localeCompare(right.initiative.title, locale) || left.year - right.year) : [];
  const unresolved = conflicts.filter((conflict) => {
    const choice = choices.get(cellKeyOf(conflict.initiative.key, conflict.year));
    return !choice || !resolutions.some((resolution) => resolution.initiativeId === conflict.initiative.key && resolution.year === conflict.year);
  }).length;
  const applied = outcome?.kind === "applied";
  const canApply = !!preview && !busy && !applied && outcome?.kind !== "stale" && unresolved === 0 && preview.data.conflicts.length === 0;
  const over = (headroom: string) => fromApi(headroom) < (0n as Oere);

  return (
    <Dialog
      title={t("mergeTitle", { source: source.name })}
      onClose={onClose}
      className="merge-dialog"
      actions={
        <>
          {outcome?.kind === "stale" && <button type="button" onClick={refresh}>{t("mergeRefresh")}</button>}
          {!applied && <button type="button" className="primary" disabled={!canApply} onClick={() => void apply()}>{t("mergeApply")}</button>}
        </>
      }
    >
      {targetsError && <p role="alert" className="error">{t("mergeFailed", { message: failureText(t, null, targetsError) })}</p>}
      {targetsData && targets.length === 0 && <p>{t("mergeNoTargets")}</p>}
      {target && (
        <label className="merge-target">
          {t("mergeTarget")}{" "}
          <select value={target.key} disabled={applied || busy} onChange={(event) => chooseTarget(event.target.value)}>
            {targets.map((node) => <option key={node.key} value={node.key}>{node.name}</option>)}
          </select>
        </label>
      )}
      {failure && <p role="alert" className="error">{failure}</p>}
      {outcome && outcome.kind !== "applied" && <p role="alert" className="error">{outcome.text}</p>}
      {outcome?.kind === "applied" && target && (
        <p role="status" className="merge-applied">
          {outcome.changed ? t("mergeApplied", { target: target.name, version: outcome.version }) : t("mergeAppliedNothing", { target: target.name })}{" "}
          <a href={hrefOf({ view: "scenario", key: target.key })} onClick={onClose}>{t("mergeOpenTarget", { target: target.name })}</a>
        </p>
      )}
      {target && !preview && !failure && <p>{t("mergeReading")}</p>}
      {target && preview && !applied && (
        <div className={outcome?.kind === "stale" ? "merge-preview merge-stale" : "merge-preview"}>
          {preview.data.cells.length === 0 && conflicts.length === 0 && <p>{t("mergeNothing", { target: target.name })}</p>}
          {preview.data.cells.length > 0 && (
            <table className="data-table merge-changes">
              <caption>{t("mergeChangesCaption", { target: target.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("mergeColumnLine")}</th>
                  <th scope="col">{t("year")}</th>
                  <th scope="col" className="amount">{t("mergeColumnChange")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.data.cells.map((cell) => (
                  <tr key={cellKeyOf(cell.initiative.key, cell.year)}>
                    <th scope="row">{cell.initiative.title}</th>
                    <td>{cell.year}</td>
                    <td className="amount">{`${amount(cell.before)} → ${amount(cell.after)}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {conflicts.length > 0 && (
            <ConflictTable
              conflicts={conflicts}
              sourceName={source.name}
              targetName={target.name}
              choices={choices}
              maxDecimals={maxDecimals}
              onChoose={(key, choice) => setChoices((now) => new Map(now).set(key, choice))}
            />
          )}
          {unresolved > 0 && <p className="merge-unresolved">{t("mergeUnresolved", { count: unresolved })}</p>}
          {preview.mustFit && <p>{t("mergeMustFit", { target: target.name })}</p>}
          <table className="data-table merge-totals">
            <caption>{t("mergeTotalsCaption", { target: target.name })}</caption>
            <thead>
              <tr>
                <td />
                {preview.data.yearTotals.map((total) => <th key={total.year} scope="col" className="amount">{total.year}</th>)}
              </tr>
            </thead>
            <tbody>
              <tr><th scope="row">{t("mergeRowBefore")}</th>{preview.data.yearTotals.map((total) => <td key={total.year} className="amount">{amount(preview.before.get(total.year) ?? null)}</td>)}</tr>
              <tr><th scope="row">{t("mergeRowAfter")}</th>{preview.data.yearTotals.map((total) => <td key={total.year} className="amount">{amount(total.allocated)}</td>)}</tr>
              <tr><th scope="row">{t("mergeRowFrame")}</th>{preview.data.yearTotals.map((total) => <td key={total.year} className="amount">{amount(total.frame)}</td>)}</tr>
              <tr><th scope="row">{t("mergeRowHeadroom")}</th>{preview.data.yearTotals.map((total) => <td key={total.year} className={over(total.headroom) ? "amount over" : "amount"}>{amount(total.headroom)}</td>)}</tr>
            </tbody>
          </table>
        </div>
      )}
    </Dialog>
  );
}
