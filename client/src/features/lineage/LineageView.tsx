/**
 * The negotiation's lineage (#/lineage, or #/lineage/<key> from one scenario down): the fork tree
 * with who made each scenario, when, from which version of its parent, and in one line what it
 * changed against that; beside it, what changed since a version or a moment.
 */
import { useState } from "react";
import { useQuery } from "urql";
import { hrefOf } from "../../app/route.ts";
import { failureText } from "../../app/failures.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import { ChangesSincePanel } from "./ChangesSincePanel.tsx";
import { FrameScenarioKeysQuery, LineageQuery } from "./lineageQuery.ts";
import { useFrame } from "../frames/FrameContext.tsx";
import { treeGuides } from "./treeGuides.ts";
import "./lineage.css";

export function LineageView({ rootKey }: { rootKey: string | null }) {
  const { t, locale } = useI18n();
  const [{ data, error }] = useQuery({ query: LineageQuery, variables: { rootId: rootKey, language: locale === "da" ? "DA" : "EN" } });
  const [sinceKey, setSinceKey] = useState<string | null>(rootKey);
  // A fork stays in its parent's frame, so keeping the frame's scenarios keeps whole trees.
  const { frameKey, multiple } = useFrame();
  const [{ data: frameData }] = useQuery({ query: FrameScenarioKeysQuery, variables: { frameId: frameKey }, pause: frameKey === null || !multiple });
  const inFrame = multiple ? (frameData ? new Set(frameData.scenarios.nodes.map((node) => node.key)) : null) : undefined;

  const result = data?.scenarioLineage;
  if (error || (result && result.__typename !== "ScenarioLineage")) {
    return <p role="alert">{t("loadError", { message: failureText(t, result, error) })}</p>;
  }
  if (!result || inFrame === null) return <p>{t("loading")}</p>;
  const nodes = inFrame ? result.nodes.filter((node) => inFrame.has(node.key)) : result.nodes;
  const guides = treeGuides(nodes.map((node) => node.depth));
  const when = new Intl.DateTimeFormat(locale === "da" ? "da-DK" : "en-GB", { dateStyle: "medium", timeStyle: "short" });
  const root = rootKey ? nodes[0] : undefined;

  return (
    <section className="lineage-view" aria-labelledby="lineage-title">
      <div className="toolbar">
        <h2 id="lineage-title">{root ? t("lineageTitleFrom", { name: root.name }) : t("lineageTitle")}</h2>
        {rootKey && <a href={hrefOf({ view: "lineage", key: null })}>{t("lineageWholeTree")}</a>}
      </div>
      <p className="muted">{t("lineageIntro")}</p>
      <div className="lineage-columns">
        <ul className="lineage-tree" aria-label={t("lineageTreeLabel")}>
          {nodes.length === 0 && <li>{t("lineageNone")}</li>}
          {nodes.map((node, index) => (
            <li key={node.key} className={node.archived ? "lineage-node archived" : "lineage-node"}>
              <span className="lineage-guides" aria-hidden="true">
                {guides[index]!.map((guide, level) => <span key={level} className={`lineage-guide ${guide}`} />)}
              </span>
              <div className="lineage-card">
                <div className="lineage-head">
                  <a href={hrefOf({ view: "scenario", key: node.key })}>{node.name}</a>
                  <span className="badge">{node.kind === "BASELINE" ? t("baseline") : t("whatIf")}</span>
                  {node.archived && <span className="badge">{t("archived")}</span>}
                  <span className={node.fitsFrame ? "frame-flag fits" : "frame-flag over"}>
                    {node.fitsFrame ? t("fits") : t("breaks", { years: node.yearsOverFrame.join(", ") })}
                  </span>
                </div>
                <div className="muted small">
                  {t("lineageMadeBy", { who: node.createdBy ?? "–", when: when.format(new Date(node.createdAt)) })}
                  {node.parentKey && node.forkedFromVersion !== null && ` ${t("lineageForkedFrom", { version: node.forkedFromVersion, parent: node.parentName ?? node.parentKey })}`}
                  {node.lastChange && node.lastChange.version > 1 && ` · ${t("lineageLastChange", { who: node.lastChange.actor, when: when.format(new Date(node.lastChange.at)), version: node.lastChange.version })}`}
                </div>
                <div className="lineage-summary">{node.summary ?? <span className="muted">{t("lineageBaselineNote")}</span>}</div>
                <div className="lineage-links small">
                  {node.parentKey && <a href={hrefOf({ view: "compare", base: node.parentKey, others: [node.key] })}>{t("lineageCompareParent")}</a>}
                  {node.key !== rootKey && <a href={hrefOf({ view: "lineage", key: node.key })}>{t("lineageFromHere")}</a>}
                  <button type="button" className="link" onClick={() => setSinceKey(node.key)} aria-label={`${t("lineageChangesSinceButton")} ${node.name}`}>
                    {t("lineageChangesSinceButton")}
                  </button>
                </div>
              </div>
            </li>
          ))}
        </ul>
        {/* Choosing "what changed since" on a node starts the panel afresh on that scenario. */}
        <ChangesSincePanel key={sinceKey ?? ""} nodes={nodes} initialKey={sinceKey ?? nodes.find((node) => node.kind === "WHAT_IF")?.key ?? nodes[0]?.key ?? null} />
      </div>
    </section>
  );
}
