/**
 * Life Science Rådet's twelve recommendations in one or more scenarios (`#/coverage?scenarios=a,b`):
 * per scenario how many get money and the account in words; then a table with, per recommendation,
 * its money per year and in all in each scenario (or why it gets none), and under it the initiatives
 * that answer it with their lines.
 */
import { Fragment, useId, useMemo, type ReactNode } from "react";
import { useQuery } from "urql";
import { graphql } from "../../graphql.ts";
import { formatAmount, fromApi } from "../../app/amounts.ts";
import { failureText } from "../../app/failures.ts";
import { InputProblemsFragment } from "../../app/problemText.ts";
import { COMPARED_SCENARIO_PROBLEMS } from "../compare/scenarioProblems.ts";
import { hrefOf, navigate } from "../../app/route.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import { useFrame } from "../frames/FrameContext.tsx";
import { buildCoverageRows, type CoverageLine, type RecommendationRow, type ScenarioCoverage, ScenarioCoverageFields, type YearAmount } from "./coverageRows.ts";
import "./coverage.css";

const CoverageScenarioListQuery = graphql(`
  query CoverageScenarioList($frameId: ID) {
    scenarios(first: 200, frameId: $frameId) { nodes { key name kind } }
  }
`);

export const RecommendationCoverageQuery = graphql(
  `
  query RecommendationCoverage($scenarioIds: [ID!]!, $language: Language!) {
    recommendationCoverage(scenarioIds: $scenarioIds, language: $language) {
      __typename
      ...InputProblems
      ... on RecommendationCoverageComparison {
        years
        scenarios { ...ScenarioCoverageFields }
      }
    }
  }
`,
  [ScenarioCoverageFields, InputProblemsFragment],
);

/** The recommendations rest on the life science documents: another frame gets a sentence saying so. */
export function CoverageView({ scenarios }: { scenarios: string[] }) {
  const { t } = useI18n();
  const { current, frameKey } = useFrame();
  if (current && !current.hasDocuments) {
    return (
      <section className="coverage-view" aria-labelledby="coverage-title">
        <div className="toolbar">
          <a href={hrefOf({ view: "list" })}>← {t("backToList")}</a>
          <h2 id="coverage-title">{t("coverageTitle")}</h2>
        </div>
        <p role="status" className="coverage-hint">{t("frameNoDocuments", { name: current.name })}</p>
      </section>
    );
  }
  return <CoverageBodyView scenarios={scenarios} frameKey={frameKey} />;
}

function CoverageBodyView({ scenarios: keys, frameKey }: { scenarios: string[]; frameKey: string | null }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const [{ data: listData }] = useQuery({ query: CoverageScenarioListQuery, variables: { frameId: frameKey }, pause: frameKey === null });
  const [{ data, error, fetching }] = useQuery({
    query: RecommendationCoverageQuery,
    variables: { scenarioIds: keys, language: locale === "da" ? "DA" : "EN" },
    pause: keys.length === 0,
    requestPolicy: "cache-and-network",
  });
  const answer = keys.length > 0 ? data?.recommendationCoverage : undefined;
  const coverage = answer?.__typename === "RecommendationCoverageComparison" ? answer : null;
  const options = listData?.scenarios.nodes ?? [];

  // The first chosen stays the reference; a newly ticked scenario goes to the end.
  const toggle = (key: string, on: boolean) => navigate({ view: "coverage", scenarios: on ? [...keys, key] : keys.filter((other) => other !== key) });

  return (
    <section className="coverage-view" aria-labelledby={headingId}>
      <div className="toolbar">
        <a href={hrefOf({ view: "list" })}>← {t("backToList")}</a>
        <h2 id={headingId}>{t("coverageTitle")}</h2>
      </div>
      <p className="muted">{t("coverageIntro")}</p>
      <fieldset className="coverage-picker">
        <legend>{t("coverageScenariosLegend")}</legend>
        {options.map((option) => (
          <label key={option.key} className={keys.includes(option.key) ? "coverage-chip checked" : "coverage-chip"}>
            <input type="checkbox" checked={keys.includes(option.key)} onChange={(event) => toggle(option.key, event.target.checked)} />
            <span>{option.name}</span>
            {keys[0] === option.key && keys.length > 1 && <span className="muted small">({t("coverageReference")})</span>}
          </label>
        ))}
      </fieldset>

      {keys.length === 0 && <p role="status" className="coverage-hint">{t("coverageChooseScenario")}</p>}
      {error && <p role="alert" className="error">{t("coverageFailed", { message: failureText(t, null, error) })}</p>}
      {answer?.__typename === "InvalidInputError" && (
        <p role="alert" className="error">{t("coverageFailed", { message: failureText(t, answer, undefined, COMPARED_SCENARIO_PROBLEMS) })}</p>
      )}
      {keys.length > 0 && !data && fetching && <p role="status">{t("loading")}</p>}
      {coverage && <CoverageBody years={coverage.years} scenarios={coverage.scenarios} />}
    </section>
  );
}

function CoverageBody({ years, scenarios }: { years: number[]; scenarios: ScenarioCoverage[] }) {
  const { t, locale } = useI18n();
  const rows = useMemo(() => buildCoverageRows(scenarios), [scenarios]);
  const amount = (text: string, zeroAsDash = false) => formatAmount(fromApi(text), locale, { zeroAsDash });
  const span = years.length + 1;

  return (
    <>
      <div className="coverage-cards">
        {scenarios.map((entry) => (
          <article key={entry.scenario.key} className="coverage-card">
            <h3>{entry.scenario.name}</h3>
            <p className="coverage-count">{t("coverageFundedCount", { funded: entry.fundedCount, count: entry.recommendationCount })}</p>
            <p>{entry.summary}</p>
            <p className="muted small">{t("coverageAnsweringTotal", { amount: amount(entry.answeringTotal) })}</p>
          </article>
        ))}
      </div>
      <p className="coverage-note" role="note">{t("coverageOverlapNote")}</p>
      <div className="coverage-table-wrap">
        <table className="data-table coverage-table" aria-label={t("coverageTableLabel", { names: scenarios.map((entry) => entry.scenario.name).join(", ") })}>
          <thead>
            <tr>
              <th rowSpan={2} scope="col">{t("coverageColumnRecommendation")}</th>
              {scenarios.map((entry) => <th key={entry.scenario.key} colSpan={span} scope="colgroup" className="coverage-group">{entry.scenario.name}</th>)}
            </tr>
            <tr>
              {scenarios.map((entry) => (
                <Fragment key={entry.scenario.key}>
                  {years.map((year, index) => <th key={year} scope="col" className={index === 0 ? "num coverage-group" : "num"}>{year}</th>)}
                  <th scope="col" className="num">{t("total")}</th>
                </Fragment>
              ))}
            </tr>
          </thead>
          {rows.map((row) => <RecommendationRows key={row.number} row={row} years={years} amount={amount} />)}
        </table>
      </div>
    </>
  );
}

function RecommendationRows({ row, years, amount }: { row: RecommendationRow; years: number[]; amount: (text: string, zeroAsDash?: boolean) => string }) {
  const { t } = useI18n();
  const span = years.length + 1;
  // A zero shows as "-", as the documents' tables print it.
  const cells = (amounts: YearAmount[], total: string, options: { className?: string; title?: string; afterTotal?: ReactNode } = {}) => {
    const extra = options.className ? ` ${options.className}` : "";
    return (
      <>
        {years.map((year, index) => (
          <td key={year} className={`num${index === 0 ? " coverage-group" : ""}${extra}`}>{amount(amounts.find((cell) => cell.year === year)?.amount ?? "0", true)}</td>
        ))}
        <td className={`num coverage-total${extra}`} title={options.title}>
          {amount(total, true)}
          {options.afterTotal}
        </td>
      </>
    );
  };
  return (
    <tbody className="coverage-recommendation">
      <tr className="coverage-recommendation-row">
        <th scope="rowgroup" className="coverage-title">
          <span className="coverage-number">{t("coverageRecommendation", { number: row.number })}</span> {row.title}
        </th>
        {row.coverages.map((coverage, index) => {
          const change = row.changes[index];
          const changeTag = change && (
            <span className={`coverage-change ${change.kind.toLowerCase()}`}>
              {t(`coverageChange${change.kind}`, { amount: amount(change.difference.replace(/^-/, "")) })}
            </span>
          );
          return coverage.funded ? (
            <Fragment key={index}>{cells(coverage.amounts, coverage.total, { className: "coverage-funded", title: t("coverageStatusFUNDED"), afterTotal: changeTag })}</Fragment>
          ) : (
            <td key={index} colSpan={span} className="coverage-group coverage-unfunded">
              {t(`coverageStatus${coverage.status}`)}
              {changeTag}
            </td>
          );
        })}
      </tr>
      {row.initiatives.map((initiative) => (
        <tr key={initiative.key} className="coverage-initiative-row">
          <th scope="row" className="coverage-initiative">
            {initiative.title}
            {initiative.lines.some((line) => line?.basis === "EXPLICIT") && (
              <span className="badge" title={t("coverageExplicit")} aria-label={t("coverageExplicit")}>★</span>
            )}
          </th>
          {initiative.lines.map((line: CoverageLine | null, index) =>
            line ? (
              <Fragment key={index}>{cells(line.amounts, line.total)}</Fragment>
            ) : (
              <td key={index} colSpan={span} className="coverage-group coverage-absent">{t("coverageLineAbsent")}</td>
            ),
          )}
        </tr>
      ))}
    </tbody>
  );
}
