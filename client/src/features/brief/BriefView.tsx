/**
 * A comparison as a note to print (`#/brief?base=…&other=…&lang=da`): one or two A4 pages a
 * secretariat can attach to a note for the minister. The plain-language summary, the changed lines
 * under their themes (base, compared, difference per year and in total), the frame year by year,
 * the printed totals of baselines and what the documents put outside the frame. Danish unless the
 * URL says lang=en, whatever language the app is in; brief.css lays it out for paper.
 */
import { useEffect, useMemo } from "react";
import { useQuery } from "urql";
import { graphql, readFragment, type ResultOf } from "../../graphql.ts";
import type { Oere } from "@ramme/domain";
import { formatAmount, fromApi } from "../../app/amounts.ts";
import { failureText } from "../../app/failures.ts";
import { hrefOf } from "../../app/route.ts";
import { translate, type Locale, type MessageKey } from "../../i18n/messages.ts";
import { documentName } from "../../app/documentName.ts";
import { buildCompareSummaryRows, ComparisonFields, type Figures, ThemeFields, type ThemeMeta } from "../compare/compareRows.ts";
import { buildBriefTable, type BriefLine, type BriefTable } from "./briefRows.ts";
import "./brief.css";

/** A compared scenario as the note describes it: its version, printed totals, money outside the frame. */
const BriefScenarioFields = graphql(`
  fragment BriefScenarioFields on Scenario @_unmask {
    key name kind version
    frame { priceLevel }
    lastChange { actor at }
    printedTable { document { title published } }
    outsideFrame { key kind description amount basis fromYear toYear source { section } }
    yearTotals {
      year
      statedTotalCheck { stated computed difference explained unexplained status footnotes { marker } }
    }
  }
`);

const BriefQuery = graphql(
  `
  query Brief($base: ID!, $other: ID!, $language: Language!) {
    compareScenarios(baseId: $base, otherIds: [$other]) {
      __typename
      ... on InvalidInputError { message problems { field code message value } }
      ... on ScenarioComparison {
        ...ComparisonFields
        base { ...BriefScenarioFields }
        others { ...BriefScenarioFields }
        coverage(language: $language) {
          scenarios {
            scenario { key } fundedCount recommendationCount summary
            changes { number kind before after difference }
            recommendations { number title }
          }
        }
      }
    }
    themes { ...ThemeFields }
  }
`,
  [ComparisonFields, ThemeFields, BriefScenarioFields],
);

type BriefAnswer = Extract<ResultOf<typeof BriefQuery>["compareScenarios"], { __typename: "ScenarioComparison" }>;

/** The note's comparison: the figures every comparison view shares, each scenario as the note describes it. */
function briefComparison(answer: BriefAnswer) {
  return { ...readFragment(ComparisonFields, answer), base: answer.base, others: answer.others, coverage: answer.coverage };
}

type BriefComparison = ReturnType<typeof briefComparison>;
type BriefScenario = ResultOf<typeof BriefScenarioFields>;
type StatedCheck = NonNullable<BriefScenario["yearTotals"][number]["statedTotalCheck"]>;
type OutsideFrameNote = BriefScenario["outsideFrame"][number];
type Coverage = BriefComparison["coverage"];

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function BriefView({ base, other, lang }: { base: string | null; other: string | null; lang: Locale }) {
  const t: Translate = (key, params) => translate(lang, key, params);
  const ready = base !== null && other !== null;
  const [{ data, error }] = useQuery({
    query: BriefQuery,
    variables: { base: base ?? "", other: other ?? "", language: lang === "da" ? "DA" : "EN" },
    pause: !ready,
  });
  const answer = data?.compareScenarios;
  const comparison = useMemo(() => (answer?.__typename === "ScenarioComparison" ? briefComparison(answer) : null), [answer]);
  const printedOn = useMemo(() => longDate(new Date(), lang), [lang]);

  // The title names the PDF a browser saves.
  const title = comparison ? t("briefTitle", { other: comparison.others[0]!.name, base: comparison.base.name }) : null;
  useEffect(() => {
    if (title === null) return;
    const previous = document.title;
    document.title = title;
    return () => { document.title = previous; };
  }, [title]);

  const problem = !ready
    ? t("briefChoose")
    : error
      ? failureText(t, null, error)
      : answer?.__typename === "InvalidInputError"
        ? t("compareFailed", {
            message:
              answer.problems
                .map((entry) => (entry.code === "UNKNOWN_SCENARIO" || entry.code === "MALFORMED_ID" ? t("compareUnknownScenario", { key: entry.value ?? "?" }) : entry.message))
                .join(" ") || answer.message,
          })
        : null;

  return (
    <div className="brief-page" lang={lang}>
      <style>{pageRules(t("briefFooter", { date: printedOn }), t("briefPage"), t("briefPageOf"))}</style>
      <nav className="brief-toolbar" aria-label={t("briefKicker")}>
        <a href={hrefOf({ view: "compare", base, others: other ? [other] : [] })}>← {t("briefBack")}</a>
        <button type="button" className="primary" onClick={() => window.print()} disabled={!comparison}>{t("briefPrint")}</button>
      </nav>
      <main className="brief-sheet">
        {problem && <p role="alert" className="brief-problem">{problem}</p>}
        {ready && !problem && !comparison && <p role="status">{translate(lang, "loading")}</p>}
        {comparison && <BriefBody comparison={comparison} themes={data?.themes ?? []} lang={lang} t={t} printedOn={printedOn} />}
        <footer className="brief-footer">{t("briefFooter", { date: printedOn })}</footer>
      </main>
    </div>
  );
}

function BriefBody({ comparison, themes, lang, t, printedOn }: { comparison: BriefComparison; themes: ThemeMeta[]; lang: Locale; t: Translate; printedOn: string }) {
  const other = comparison.others[0]!;
  const difference = comparison.differences[0]!;
  const table = useMemo(() => buildBriefTable(comparison, themes), [comparison, themes]);
  const scenarioLine = (scenario: BriefScenario) => {
    const kind = translate(lang, scenario.kind === "BASELINE" ? "baseline" : "whatIf");
    // A baseline is the document's table: dated by the document, not by the day it was transcribed.
    if (scenario.kind === "BASELINE" && scenario.printedTable) return t("briefBaselineFrom", { kind, document: documentName(scenario.printedTable.document, lang) });
    return scenario.lastChange
      ? t("briefVersion", { kind, version: scenario.version, actor: scenario.lastChange.actor, date: longDate(new Date(scenario.lastChange.at), lang) })
      : t("briefVersionNever", { kind, version: scenario.version });
  };

  return (
    <>
      <header className="brief-header">
        <p className="brief-kicker">
          <span>{t("briefKicker")}</span>
          <span>{printedOn}</span>
        </p>
        <h1>{t("briefTitle", { other: other.name, base: comparison.base.name })}</h1>
        <dl className="brief-meta">
          <dt>{t("briefRoleBase")}</dt>
          <dd><strong>{comparison.base.name}</strong> · {scenarioLine(comparison.base)}</dd>
          <dt>{t("briefRoleOther")}</dt>
          <dd><strong>{other.name}</strong> · {scenarioLine(other)}</dd>
        </dl>
      </header>

      <section className="brief-section">
        <h2>{t("briefSummaryTitle")}</h2>
        <ul className="brief-summary">
          {difference.summary.map((sentence, index) => <li key={index}>{sentence}</li>)}
        </ul>
      </section>

      <section className="brief-section">
        <h2>{t("briefTableTitle")}</h2>
        <DifferenceTable table={table} priceLevel={other.frame.priceLevel} lang={lang} t={t} />
      </section>

      <section className="brief-section brief-keep">
        <h2>{t("briefFrameTitle")}</h2>
        <FrameTable comparison={comparison} lang={lang} t={t} />
      </section>

      <RecommendationCoverage coverage={comparison.coverage} lang={lang} t={t} />
      <StatedTotals scenarios={[comparison.base, other]} lang={lang} t={t} />
      <OutsideFrame base={comparison.base} other={other} lang={lang} t={t} />
    </>
  );
}

/** Amount cells of one row: the years, then the total. */
function AmountCells({ amounts, total, lang, signed = false, dashZero = true }: { amounts: Record<number, Oere | null>; total: Oere | null; lang: Locale; signed?: boolean; dashZero?: boolean }) {
  const cell = (value: Oere | null | undefined) => (value === null || value === undefined ? "–" : formatAmount(value, lang, { zeroAsDash: dashZero, signed }));
  return (
    <>
      {Object.keys(amounts).map((year) => <td key={year} className="brief-num">{cell(amounts[Number(year)])}</td>)}
      <td className="brief-num brief-total">{cell(total)}</td>
    </>
  );
}

function DifferenceTable({ table, priceLevel, lang, t }: { table: BriefTable; priceLevel: string; lang: Locale; t: Translate }) {
  const columns = table.years.length + 3;
  const figures = (amounts: Record<number, Oere | null>, total: Oere | null): Figures => ({ amounts, total });
  const lineBody = (line: BriefLine) => {
    // A scenario without the line gets no row: its dashes would only lengthen the page.
    const rows: Array<{ label: MessageKey; values: Figures; signed?: boolean }> = [
      ...(line.status === "ADDED" ? [] : [{ label: "briefRowBase" as const, values: line.base }]),
      ...(line.status === "REMOVED" ? [] : [{ label: "briefRowOther" as const, values: line.other }]),
      { label: "briefRowDifference", values: figures(line.difference, line.totalDifference), signed: true },
    ];
    return (
      <tbody key={line.initiativeKey} className="brief-line" data-line={line.initiativeKey}>
        {rows.map((row, index) => (
          <tr key={row.label} className={row.signed ? "brief-difference-row" : undefined}>
            {index === 0 && (
              <th scope="rowgroup" rowSpan={rows.length} className="brief-line-title">
                {line.title}
                <span className="brief-tag">{t(`briefStatus${line.status}`)}{line.isReserve ? ` · ${t("briefReserve")}` : ""}</span>
              </th>
            )}
            <td className="brief-label">{t(row.label)}</td>
            <AmountCells amounts={row.values.amounts} total={row.values.total} lang={lang} signed={row.signed} />
          </tr>
        ))}
      </tbody>
    );
  };

  return (
    <table className="brief-table brief-differences">
      <caption>{t("briefTableCaption", { priceLevel })}</caption>
      <colgroup>
        <col className="brief-col-title" />
        <col className="brief-col-label" />
        {table.years.map((year) => <col key={year} className="brief-col-amount" />)}
        <col className="brief-col-amount" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">{t("briefColumnLine")}</th>
          <th scope="col"><span className="visually-hidden">{t("briefRowDifference")}</span></th>
          {table.years.map((year) => <th key={year} scope="col" className="brief-num">{year}</th>)}
          <th scope="col" className="brief-num">{t("briefTotal")}</th>
        </tr>
      </thead>
      {table.themes.length === 0 && (
        <tbody><tr><td colSpan={columns}>{t("briefNoDifferences")}</td></tr></tbody>
      )}
      {table.themes.map((theme) => [
        <tbody key={`theme:${theme.themeKey}`} className="brief-theme">
          <tr>
            <th scope="rowgroup">{theme.title}</th>
            <td className="brief-label">{t("briefRowThemeDifference")}</td>
            <AmountCells amounts={theme.difference} total={theme.totalDifference} lang={lang} signed />
          </tr>
        </tbody>,
        ...theme.lines.map(lineBody),
      ])}
      <tbody className="brief-unchanged">
        <tr>
          <th scope="row">{table.unchanged.count === 1 ? t("briefUnchangedOne") : t("briefUnchanged", { count: table.unchanged.count })}</th>
          <td className="brief-label">{t("briefUnchangedRow")}</td>
          <AmountCells amounts={table.unchanged.amounts} total={table.unchanged.total} lang={lang} />
        </tr>
      </tbody>
      <tbody className="brief-totals">
        <tr>
          <th scope="rowgroup" rowSpan={3}>{t("briefTotal")}</th>
          <td className="brief-label">{t("briefRowBase")}</td>
          <AmountCells amounts={table.totals.base} total={table.totals.baseTotal} lang={lang} dashZero={false} />
        </tr>
        <tr>
          <td className="brief-label">{t("briefRowOther")}</td>
          <AmountCells amounts={table.totals.other} total={table.totals.otherTotal} lang={lang} dashZero={false} />
        </tr>
        <tr className="brief-difference-row">
          <td className="brief-label">{t("briefRowDifference")}</td>
          <AmountCells amounts={table.totals.difference} total={table.totals.totalDifference} lang={lang} signed />
        </tr>
      </tbody>
    </table>
  );
}

function FrameTable({ comparison, lang, t }: { comparison: BriefComparison; lang: Locale; t: Translate }) {
  const [allocated, frame, headroom] = buildCompareSummaryRows(comparison);
  const other = comparison.others[0]!;
  const overBase = allocated!.overBy.base;
  const overOther = allocated!.overBy.others[0] ?? {};
  const headroomCells = (figures: Figures, over: Record<number, Oere>) => (
    <>
      {comparison.years.map((year) => (
        <td key={year} className={over[year] !== undefined ? "brief-num brief-over-cell" : "brief-num"}>
          {formatAmount(figures.amounts[year] ?? 0n, lang)}
          {over[year] !== undefined && <span className="brief-over"> {t("briefOverMark")}</span>}
        </td>
      ))}
      <td className="brief-num brief-total">{formatAmount(figures.total ?? 0n, lang)}</td>
    </>
  );
  const verdict = (name: string, over: Record<number, Oere>) => {
    const years = Object.keys(over).map(Number);
    return years.length === 0
      ? t("briefFrameFits", { name })
      : t("briefFrameOver", { name, years: years.map((year) => `${year} (${formatAmount(over[year]!, lang)} ${translate(lang, "mio")})`).join(", ") });
  };
  const roleBase = t("briefRoleBase").toLowerCase();
  const roleOther = t("briefRoleOther").toLowerCase();

  return (
    <>
      <table className="brief-table brief-frame">
        <caption>{t("briefFrameCaption")}</caption>
        <thead>
          <tr>
            <th scope="col" />
            {comparison.years.map((year) => <th key={year} scope="col" className="brief-num">{year}</th>)}
            <th scope="col" className="brief-num">{t("briefTotal")}</th>
          </tr>
        </thead>
        <tbody>
          <tr className="brief-frame-row">
            <th scope="row">{t("briefFrameRow")}</th>
            <AmountCells amounts={frame!.base.amounts} total={frame!.base.total} lang={lang} dashZero={false} />
          </tr>
          <tr>
            <th scope="row">{t("briefAllocatedRow", { role: roleBase })}</th>
            <AmountCells amounts={allocated!.base.amounts} total={allocated!.base.total} lang={lang} dashZero={false} />
          </tr>
          <tr className="brief-headroom-row">
            <th scope="row">{t("briefHeadroomRow", { role: roleBase })}</th>
            {headroomCells(headroom!.base, overBase)}
          </tr>
          <tr>
            <th scope="row">{t("briefAllocatedRow", { role: roleOther })}</th>
            <AmountCells amounts={allocated!.others[0]!.amounts} total={allocated!.others[0]!.total} lang={lang} dashZero={false} />
          </tr>
          <tr className="brief-headroom-row">
            <th scope="row">{t("briefHeadroomRow", { role: roleOther })}</th>
            {headroomCells(headroom!.others[0]!, overOther)}
          </tr>
        </tbody>
      </table>
      <p className={Object.keys(overBase).length ? "brief-verdict brief-verdict-over" : "brief-verdict"}>{verdict(comparison.base.name, overBase)}</p>
      <p className={Object.keys(overOther).length ? "brief-verdict brief-verdict-over" : "brief-verdict"}>{verdict(other.name, overOther)}</p>
    </>
  );
}

/**
 * Life Science Rådet's recommendations: the coverage sentence of the compared scenario (which names
 * the base's count too) and the recommendations whose money changed, over the whole period.
 */
function RecommendationCoverage({ coverage, lang, t }: { coverage: Coverage; lang: Locale; t: Translate }) {
  const [base, other] = coverage.scenarios;
  if (!base || !other) return null;
  const amount = (text: string, signed = false) => formatAmount(fromApi(text), lang, { signed });
  const titles = new Map(other.recommendations.map((recommendation) => [recommendation.number, recommendation.title]));
  return (
    <section className="brief-section brief-keep">
      <h2>{t("briefCoverageTitle")}</h2>
      <p className="brief-coverage-summary">{other.summary}</p>
      {other.changes.length === 0 ? (
        <p className="brief-note">{t("briefCoverageUnchanged")}</p>
      ) : (
        <table className="brief-table brief-coverage">
          <caption>{t("briefCoverageCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("briefCoverageRecommendation")}</th>
              <th scope="col" className="brief-num">{t("briefRowBase")}</th>
              <th scope="col" className="brief-num">{t("briefRowOther")}</th>
              <th scope="col" className="brief-num">{t("briefRowDifference")}</th>
            </tr>
          </thead>
          <tbody>
            {other.changes.map((change) => (
              <tr key={change.number} data-recommendation={change.number}>
                <th scope="row">
                  {change.number}. {titles.get(change.number)}
                  <span className="brief-tag">{t(`briefCoverageKind${change.kind}`)}</span>
                </th>
                <td className="brief-num">{amount(change.before)}</td>
                <td className="brief-num">{amount(change.after)}</td>
                <td className="brief-num brief-total">{amount(change.difference, true)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="brief-intro">{t("briefCoverageOverlap")}</p>
    </section>
  );
}

/** For baselines: where the document's printed "I alt" differs from the sum of its lines, and whether a footnote explains it. */
function StatedTotals({ scenarios, lang, t }: { scenarios: BriefScenario[]; lang: Locale; t: Translate }) {
  const checked = scenarios.filter((scenario) => scenario.yearTotals.some((year) => year.statedTotalCheck !== null));
  if (checked.length === 0) return null;
  const amount = (text: string) => formatAmount(fromApi(text), lang);
  const sentence = (year: number, check: StatedCheck) => {
    const params = {
      year,
      stated: amount(check.stated),
      computed: amount(check.computed),
      difference: amount(check.difference),
      explained: amount(check.explained),
      unexplained: amount(check.unexplained),
      notes: check.footnotes.map((note) => t("briefFootnote", { marker: note.marker })).join(", "),
    };
    return t(check.status === "EXPLAINED" ? "briefStatedExplained" : check.status === "PARTLY_EXPLAINED" ? "briefStatedPartly" : "briefStatedUnexplained", params);
  };
  return (
    <section className="brief-section brief-keep">
      <h2>{t("briefStatedTitle")}</h2>
      <ul className="brief-note">
        {checked.map((scenario) => {
          const differing = scenario.yearTotals.flatMap(({ year, statedTotalCheck: check }) => (check && check.status !== "MATCHES" ? [sentence(year, check)] : []));
          return (
            <li key={scenario.key} data-scenario={scenario.key}>
              {differing.length === 0 ? t("briefStatedMatches", { name: scenario.name }) : <><strong>{scenario.name}:</strong> {differing.join(" ")}</>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * What the documents note beside the frame, for each scenario; a note both have is listed once. A
 * what-if carries copies of its source's notes (with keys of their own), so notes are the same when
 * they say the same.
 */
function OutsideFrame({ base, other, lang, t }: { base: BriefScenario; other: BriefScenario; lang: Locale; t: Translate }) {
  const sameAs = (note: OutsideFrameNote) => [note.kind, note.description, note.amount, note.basis, note.fromYear, note.toYear].join("|");
  const inOther = new Set(other.outsideFrame.map(sameAs));
  const inBase = new Set(base.outsideFrame.map(sameAs));
  const groups = [
    { name: t("briefOutsideBoth"), notes: base.outsideFrame.filter((note) => inOther.has(sameAs(note))) },
    { name: base.name, notes: base.outsideFrame.filter((note) => !inOther.has(sameAs(note))) },
    { name: other.name, notes: other.outsideFrame.filter((note) => !inBase.has(sameAs(note))) },
  ].filter((group) => group.notes.length > 0);
  const years = (note: OutsideFrameNote) =>
    note.fromYear === null ? "" : note.toYear === null || note.toYear === note.fromYear ? String(note.fromYear) : `${note.fromYear}-${note.toYear}`;
  const amountText = (note: OutsideFrameNote) => {
    if (note.amount === null) return t("briefOutsideNoAmount");
    const amount = formatAmount(fromApi(note.amount), lang);
    if (note.fromYear === null) return t("briefOutsideAmount", { amount });
    return t(note.basis === "PER_YEAR" ? "briefOutsidePerYear" : "briefOutsideTotal", { amount, years: years(note) });
  };

  return (
    <section className="brief-section">
      <h2>{t("briefOutsideTitle")}</h2>
      <p className="brief-intro">{t("briefOutsideIntro")}</p>
      {groups.length === 0 && <p className="brief-note">{t("briefOutsideNone", { name: `${base.name}, ${other.name}` })}</p>}
      {groups.map((group) => (
        <div key={group.name} className="brief-note">
          <p className="brief-note-name">{group.name}</p>
          <ul>
            {group.notes.map((note) => (
              <li key={note.key}>
                {note.description}: <strong>{amountText(note)}</strong> ({t(`briefOutsideKind${note.kind}`)}). <span className="brief-source">{t("briefSource", { section: note.source.section })}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function longDate(date: Date, lang: Locale): string {
  return new Intl.DateTimeFormat(lang === "da" ? "da-DK" : "en-GB", { day: "numeric", month: "long", year: "numeric" }).format(date);
}

/**
 * The page box: A4 with margins, the source and the page number in the bottom margin of every page
 * (CSS margin boxes; the texts are the note's language, so they are written here, not in brief.css).
 */
function pageRules(footer: string, page: string, of: string): string {
  const text = (value: string) => JSON.stringify(value);
  return `@page brief { @bottom-left { content: ${text(footer)}; } @bottom-right { content: ${text(`${page} `)} counter(page) ${text(` ${of} `)} counter(pages); } }`;
}
