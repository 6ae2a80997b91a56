/** Baselines and what-ifs: where each came from, who changed it last, whether it fits the frame; create, fork, rename, lock, archive. */
import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { graphql, type ResultOf } from "../../graphql.ts";
import { Dialog } from "../../app/Dialog.tsx";
import { hrefOf, navigate } from "../../app/route.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import { documentDate, documentName } from "../../app/documentName.ts";
import { NameDialog } from "./NameDialog.tsx";
import { ArchiveScenario, ForkScenario, LockScenario, UnarchiveScenario, UnlockScenario, UpdateScenario } from "./scenarioActions.ts";
import type { CombinedError } from "urql";
import { failureText } from "../../app/failures.ts";
import type { AccountUser } from "../account/accountDocuments.ts";
import { Ownership } from "../sharing/Ownership.tsx";
import { mayEdit, ownershipNote, ScenarioOwnership } from "../sharing/ownership.ts";
import { FrameActions } from "../frames/FrameActions.tsx";
import { useFrame } from "../frames/FrameContext.tsx";
import { mayManageFrames } from "../frames/framesQuery.ts";

const ScenarioListQuery = graphql(
  `
  query ScenarioList($includeArchived: Boolean!, $frameId: ID) {
    scenarios(first: 200, includeArchived: $includeArchived, frameId: $frameId) {
      nodes {
        id key name description locked archived version
        ...ScenarioOwnership
        parent { key name }
        lastChange { actor at }
        printedTable { document { title published } }
        yearTotals { year fitsFrame }
      }
    }
  }
`,
  [ScenarioOwnership],
);

type ScenarioRow = ResultOf<typeof ScenarioListQuery>["scenarios"]["nodes"][number];

const isEdit = <Answer extends { __typename: string }>(answer: Answer | undefined): answer is Extract<Answer, { __typename: "ScenarioEdit" }> => answer?.__typename === "ScenarioEdit";

type Editing = { kind: "fork" | "rename"; scenario: ScenarioRow } | null;

/** `me`: the signed-in user (accounts mode), or null in local mode, where nothing is shared. */
export function ScenarioList({ me }: { me: AccountUser | null }) {
  const { t, locale } = useI18n();
  const [includeArchived, setIncludeArchived] = useState(false);
  // Only the frame's own scenarios; until the default frame is known, nothing is asked.
  const { frameKey, error: frameError } = useFrame();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ScenarioListQuery, variables: { includeArchived, frameId: frameKey }, pause: frameKey === null });
  const [selected, setSelected] = useState<string[]>([]);
  const [editing, setEditing] = useState<Editing>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [, fork] = useMutation(ForkScenario);
  const [, update] = useMutation(UpdateScenario);
  const [, lock] = useMutation(LockScenario);
  const [, unlock] = useMutation(UnlockScenario);
  const [, archive] = useMutation(ArchiveScenario);
  const [, unarchive] = useMutation(UnarchiveScenario);

  const dateFormat = new Intl.DateTimeFormat(locale === "da" ? "da-DK" : "en-GB", { dateStyle: "medium", timeStyle: "short" });

  /** Runs one life-cycle mutation: its answer's ScenarioEdit to `onDone`, or its refusal shown. */
  async function act<Answer extends { __typename: string }>(
    run: () => Promise<{ data?: Record<string, Answer>; error?: CombinedError }>,
    onDone?: (result: Extract<Answer, { __typename: "ScenarioEdit" }>) => void,
  ) {
    setFailure(null);
    const response = await run();
    const result = response.data ? Object.values(response.data)[0] : undefined;
    if (!isEdit(result)) {
      setFailure(t("actionFailed", { message: failureText(t, result, response.error) }));
      return;
    }
    onDone?.(result);
    refetch({ requestPolicy: "network-only" });
  }

  const failed = error ?? (frameKey === null ? frameError : undefined);
  if (failed) return <p role="alert">{t("loadError", { message: failureText(t, null, failed) })}</p>;
  const rows = data?.scenarios.nodes ?? [];
  // A viewer changes nothing, forks included; the server refuses it anyway.
  const mayFork = me === null || me.role !== "VIEWER";

  return (
    <section aria-labelledby="scenarios-title" className="scenario-list">
      <div className="toolbar">
        <h2 id="scenarios-title">{t("scenariosTitle")}</h2>
        <label className="inline">
          <input type="checkbox" checked={includeArchived} onChange={(event) => setIncludeArchived(event.target.checked)} /> {t("showArchived")}
        </label>
        <button
          type="button"
          disabled={selected.length < 2}
          onClick={() => navigate({ view: "compare", base: selected[0] ?? null, others: selected.slice(1) })}
        >
          {t("compareSelected")} ({selected.length})
        </button>
        {mayManageFrames(me) && <FrameActions />}
      </div>
      <p className="muted">{t("scenariosIntro")}</p>
      {failure && <p role="alert" className="error">{failure}</p>}
      {(fetching || frameKey === null) && !data && <p>{t("loading")}</p>}
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col"><span className="visually-hidden">{t("compareSelected")}</span></th>
            <th scope="col">{t("columnName")}</th>
            <th scope="col">{t("columnKind")}</th>
            <th scope="col">{t("columnParent")}</th>
            <th scope="col">{t("columnLastChange")}</th>
            <th scope="col">{t("columnFrame")}</th>
            <th scope="col">{t("columnActions")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((scenario) => {
            const over = scenario.yearTotals.filter((total) => !total.fitsFrame).map((total) => total.year);
            const input = { scenarioId: scenario.key, expectedVersion: scenario.version };
            return (
              <tr key={scenario.key} className={scenario.archived ? "archived" : undefined}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t("selectForCompare", { name: scenario.name })}
                    checked={selected.includes(scenario.key)}
                    onChange={(event) => setSelected((current) => (event.target.checked ? [...current, scenario.key] : current.filter((key) => key !== scenario.key)))}
                  />
                </td>
                <td>
                  <a href={hrefOf({ view: "scenario", key: scenario.key })}>{scenario.name}</a>
                  <Ownership note={ownershipNote(scenario, me?.organisation.key ?? null)} />
                  {scenario.description && <div className="muted small">{scenario.description}</div>}
                </td>
                <td>
                  {scenario.kind === "BASELINE" ? t("baseline") : t("whatIf")}
                  {scenario.locked && scenario.kind !== "BASELINE" && <span className="badge">{t("locked")}</span>}
                  {scenario.archived && <span className="badge">{t("archived")}</span>}
                </td>
                <td>
                  {scenario.parent ? <a href={hrefOf({ view: "scenario", key: scenario.parent.key })}>{scenario.parent.name}</a> : "–"}
                  <div className="small"><a href={hrefOf({ view: "lineage", key: scenario.key })}>{t("lineageLink")}</a></div>
                </td>
                <td>{scenario.kind === "BASELINE" && scenario.printedTable ? (
                  <span title={documentName(scenario.printedTable.document, locale)}>{t("documentDated", { date: documentDate(scenario.printedTable.document.published, locale) })}</span>
                ) : scenario.lastChange ? t("lastChangeBy", { when: dateFormat.format(new Date(scenario.lastChange.at)), who: scenario.lastChange.actor }) : "–"}</td>
                <td className={over.length ? "over" : "fits"}>{over.length ? t("fitsNo", { years: over.join(", ") }) : t("fitsYes")}</td>
                <td className="actions">
                  {mayFork && <button type="button" onClick={() => setEditing({ kind: "fork", scenario })}>{t("fork")}</button>}
                  {scenario.kind === "BASELINE" && <a className="button" href={hrefOf({ view: "consistency", key: scenario.key })}>{t("consistencyOpen")}</a>}
                  {scenario.kind === "WHAT_IF" && !scenario.archived && mayEdit(scenario.access) && (
                    <>
                      <button type="button" onClick={() => setEditing({ kind: "rename", scenario })}>{t("rename")}</button>
                      <button type="button" onClick={() => act(() => (scenario.locked ? unlock({ input }) : lock({ input })))}>
                        {scenario.locked ? t("unlock") : t("lock")}
                      </button>
                    </>
                  )}
                  {scenario.kind === "WHAT_IF" && scenario.access === "OWNER" && (
                    <button type="button" onClick={() => act(() => (scenario.archived ? unarchive({ input }) : archive({ input })))}>
                      {scenario.archived ? t("unarchive") : t("archive")}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {editing && (
        <NameDialog
          editing={editing}
          onClose={() => setEditing(null)}
          onSubmit={(name, description) =>
            act(
              () =>
                editing.kind === "fork"
                  ? fork({ input: { sourceId: editing.scenario.key, name, description } })
                  : update({ input: { scenarioId: editing.scenario.key, expectedVersion: editing.scenario.version, name, description } }),
              (result) => {
                setEditing(null);
                if (editing.kind === "fork" && result.scenario) navigate({ view: "scenario", key: result.scenario.key });
              },
            )
          }
        />
      )}
    </section>
  );
}
