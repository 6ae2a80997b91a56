/**
 * Scenarios side by side: pick a base and the scenarios to hold against it (the choice lives in the
 * URL, `#/compare?base=…&others=…`), then read the differences in words, line by line in a grid
 * grouped under the themes (with the allocated, frame and headroom rows pinned at the bottom and the
 * years over the frame flagged), as stacked theme charts, and export them as CSV or Excel.
 */
import { AgGridReact } from "ag-grid-react";
import type { CellClassParams, ColDef, ColGroupDef, ICellRendererParams, ITooltipParams, ValueFormatterParams } from "ag-grid-community";
import { lazy, Suspense, useId, useMemo, useState } from "react";
import { useQuery } from "urql";
import { graphql, readFragment } from "../../graphql.ts";
import type { Oere } from "@ramme/domain";
import { gridTheme } from "../../app/agGrid.ts";
import { formatAmount, fromApi } from "../../app/amounts.ts";
import { hrefOf } from "../../app/route.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import { buildChartSeries } from "../chart/chartSeries.ts";
import { ExportButtons } from "../export/ExportButtons.tsx";
import { PriceLevelBanner, PriceLevelBannerFields, PriceLevelSelect } from "../priceLevels/PriceLevelSelect.tsx";
import {
  buildCompareBodyRows,
  buildCompareSummaryRows,
  lineMarks,
  type CompareBodyRow,
  type CompareLineRow,
  type CompareSummaryRow,
  ComparisonFields,
  type ComparisonResult,
  ThemeFields,
  type ThemeMeta,
} from "./compareRows.ts";
import { ScenarioPicker } from "./ScenarioPicker.tsx";
import "./compare.css";
import { failureText } from "../../app/failures.ts";
import { useFrame } from "../frames/FrameContext.tsx";

// AG Charts is large and only this page draws charts: it loads when a comparison is shown.
const ThemeChart = lazy(() => import("../chart/ThemeChart.tsx").then((module) => ({ default: module.ThemeChart })));


export const CompareScenariosQuery = graphql(
  `
  query CompareScenarios($base: ID!, $others: [ID!]!, $language: Language!, $priceLevel: Int) {
    compareScenarios(baseId: $base, otherIds: $others, priceLevel: $priceLevel) {
      __typename
      ... on InvalidInputError { message problems { field code message value } }
      ... on ScenarioComparison {
        priceLevel { isBase ...PriceLevelBannerFields }
        ...ComparisonFields
      }
    }
    themes { ...ThemeFields }
  }
`,
  [ComparisonFields, ThemeFields, PriceLevelBannerFields],
);


type Row = CompareBodyRow | CompareSummaryRow;

const YEAR_WIDTH = 66;
const TOTAL_WIDTH = 76;
const TITLE_WIDTH = 300;
const TITLE_MAX_WIDTH = 560;
const ROW_HEIGHT = 34;

const SUMMARY_LABELS: Record<CompareSummaryRow["kind"], MessageKey> = {
  allocated: "compareRowAllocated",
  frame: "compareRowFrame",
  headroom: "compareRowHeadroom",
};

/** The app's grid theme, with narrower cell padding: a comparison has three times the columns of a scenario. */
const compareGridTheme = gridTheme.withParams({ cellHorizontalPaddingScale: 0.6, headerHeight: 36 });

const isSummary = (row: Row | undefined): row is CompareSummaryRow => !!row && row.kind !== "theme" && row.kind !== "line";

export function CompareView({ base, others }: { base: string | null; others: string[] }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const { current } = useFrame();
  const ready = base !== null && others.length > 0;
  const [priceLevel, setPriceLevel] = useState<number | null>(null);
  const [{ data, error, fetching }] = useQuery({
    query: CompareScenariosQuery,
    variables: { base: base ?? "", others, language: locale === "da" ? "DA" : "EN", priceLevel },
    pause: !ready,
  });

  const answer = ready ? data?.compareScenarios : undefined;
  const answered = answer?.__typename === "ScenarioComparison" ? answer : null;
  const comparison = useMemo(() => (answered ? readFragment(ComparisonFields, answered) : null), [answered]);
  const shownIn = answered?.priceLevel ?? null;


  return (
    <section className="compare-view" aria-labelledby={headingId}>
      <div className="compare-toolbar">
        <a href={hrefOf({ view: "list" })}>← {t("compareBackToList")}</a>
        <h2 id={headingId}>{t("compareTitle")}</h2>
        <span className="compare-spacer" />
        <PriceLevelSelect value={priceLevel} onChange={setPriceLevel} />
        {comparison && (
          <div className="compare-export" role="group" aria-label={t("compareExportTitle")}>
            {current?.hasDocuments !== false && <a className="button" href={hrefOf({ view: "coverage", scenarios: [comparison.base.key, ...comparison.others.map((other) => other.key)] })}>{t("coverageButton")}</a>}
            <ExportButtons target={{ kind: "comparison", baseKey: comparison.base.key, otherKeys: comparison.others.map((other) => other.key) }} priceLevel={priceLevel} />
          </div>
        )}
      </div>
      <p className="compare-muted">{t("compareIntro")}</p>
      {shownIn && !shownIn.isBase && <PriceLevelBanner level={shownIn} />}
      <ScenarioPicker base={base} others={others} named={comparison ? [comparison.base, ...comparison.others] : []} />


      {!ready && <p className="compare-hint" role="status">{base === null ? t("compareChooseBase") : t("compareChooseOthers")}</p>}
      {ready && error && <p role="alert" className="compare-error">{t("compareFailed", { message: error.message })}</p>}
      {ready && answer?.__typename === "InvalidInputError" && (
        <p role="alert" className="compare-error">
          {t("compareFailed", {
            message:
              answer.problems
                .map((problem) => (problem.code === "UNKNOWN_SCENARIO" || problem.code === "MALFORMED_ID" ? t("compareUnknownScenario", { key: problem.value ?? "?" }) : problem.message))
                .join(" ") || answer.message,
          })}
        </p>
      )}
      {ready && !data && fetching && <p role="status">{t("loading")}</p>}
      {comparison && <ComparisonBody comparison={comparison} themes={data?.themes ?? []} wideAmounts={!shownIn?.isBase} />}
    </section>
  );
}

/** `wideAmounts`: figures in another price level have up to four more decimals, so the amount columns are wider. */
function ComparisonBody({ comparison, themes, wideAmounts }: { comparison: ComparisonResult; themes: ThemeMeta[]; wideAmounts: boolean }) {
  const { t, locale } = useI18n();
  const summaryId = useId();
  const tableId = useId();
  const chartId = useId();
  const amount = (value: Oere) => formatAmount(value, locale);
  const overText = (years: number[], overBy: (year: number) => Oere) =>
    years.length ? t("breaks", { years: years.map((year) => `${year} (${amount(overBy(year))})`).join(", ") }) : t("fits");
  const baseOver = (year: number) => {
    const entry = comparison.differences[0]?.years.find((one) => one.year === year);
    return entry ? fromApi(entry.baseOverBy) : 0n;
  };
  const series = useMemo(() => buildChartSeries(comparison, themes), [comparison, themes]);

  return (
    <>
      <section className="compare-block" aria-labelledby={summaryId}>
        <h3 id={summaryId}>{t("compareSummaryTitle")}</h3>
        <p className={comparison.baseYearsOverFrame.length ? "compare-frame-flag over" : "compare-frame-flag fits"}>
          {t("compareFrameStatusBase", { name: comparison.base.name, status: overText(comparison.baseYearsOverFrame, baseOver) })}
        </p>
        <div className="compare-summaries">
          {comparison.differences.map((difference) => (
            <article key={difference.scenario.key} className="compare-summary-card">
              <h4>{t("compareVersus", { other: difference.scenario.name, base: comparison.base.name })}</h4>
              <ul className="compare-counts">
                <li className="compare-count added">{t("compareCountAdded", { count: difference.counts.added })}</li>
                <li className="compare-count removed">{t("compareCountRemoved", { count: difference.counts.removed })}</li>
                <li className="compare-count changed">{t("compareCountChanged", { count: difference.counts.changed })}</li>
                <li className="compare-count">{t("compareCountUnchanged", { count: difference.counts.unchanged })}</li>
                <li className={difference.yearsOverFrame.length ? "compare-frame-flag over" : "compare-frame-flag fits"}>
                  {overText(difference.yearsOverFrame, (year) => fromApi(difference.years.find((entry) => entry.year === year)?.otherOverBy ?? "0"))}
                </li>
              </ul>
              <ul className="compare-sentences">
                {difference.summary.map((sentence, index) => <li key={index}>{sentence}</li>)}
              </ul>
              <a
                className="button"
                href={hrefOf({ view: "brief", base: comparison.base.key, other: difference.scenario.key, lang: locale })}
                title={t("briefButtonTitle", { other: difference.scenario.name, base: comparison.base.name })}
              >
                {t("briefButton")}
              </a>
            </article>
          ))}
        </div>
      </section>

      <section className="compare-block" aria-labelledby={tableId}>
        <h3 id={tableId}>{t("compareTableTitle")}</h3>
        <p className="compare-muted">{t("compareTableHint")}</p>
        <CompareGrid comparison={comparison} themes={themes} wideAmounts={wideAmounts} />
        <CommentList comparison={comparison} />
      </section>

      <section className="compare-block" aria-labelledby={chartId}>
        <h3 id={chartId}>{t("compareChartTitle")}</h3>
        <p className="compare-muted">{t("compareChartHint")}</p>
        <Suspense fallback={<p role="status">{t("loading")}</p>}>
          <ThemeChart series={series} />
        </Suspense>
      </section>
    </>
  );
}

function CompareGrid({ comparison, themes, wideAmounts }: { comparison: ComparisonResult; themes: ThemeMeta[]; wideAmounts: boolean }) {
  const yearWidth = wideAmounts ? 84 : YEAR_WIDTH;
  const totalWidth = wideAmounts ? 96 : TOTAL_WIDTH;
  const { t, locale } = useI18n();
  const bodyRows = useMemo(() => buildCompareBodyRows(comparison, themes), [comparison, themes]);
  const summaryRows = useMemo(() => buildCompareSummaryRows(comparison), [comparison]);
  const { years } = comparison;
  const amountsWidth = (1 + 2 * comparison.others.length) * (years.length * yearWidth + totalWidth);
  // On a large monitor the spare width goes to the titles (pinned columns cannot flex), up to TITLE_MAX_WIDTH.
  const [titleWidth, setTitleWidth] = useState(TITLE_WIDTH);
  const names = useMemo(() => new Map(comparison.others.map((other) => [other.key, other.name])), [comparison]);
  const commentText = useMemo(() => {
    const dateFormat = new Intl.DateTimeFormat(locale === "da" ? "da-DK" : "en-GB", { dateStyle: "medium" });
    return (comment: CompareLineRow["others"][number]["comments"][number], scenario: string) => commentLine(t, dateFormat, comment, scenario);
  }, [locale, t]);

  const columnDefs = useMemo<Array<ColDef<Row> | ColGroupDef<Row>>>(() => {
    const text = (value: Oere | null | undefined, row: Row | undefined, options: { signed?: boolean } = {}) => {
      if (value === null || value === undefined) return "";
      if (row?.kind === "frame" && options.signed) return "";
      return formatAmount(value, locale, { zeroAsDash: row?.kind === "line" || options.signed === true, signed: options.signed ?? false });
    };
    const overTooltip = (row: Row | undefined, over: Record<number, Oere> | undefined, year: number) =>
      isSummary(row) && row.kind !== "frame" && over?.[year] !== undefined ? t("compareOverFrame", { amount: formatAmount(over[year]!, locale), year }) : null;

    const amountColumns = (
      prefix: string,
      pick: (row: Row) => { amounts: Record<number, Oere | null>; total: Oere | null } | undefined,
      overOf: (row: CompareSummaryRow) => Record<number, Oere> | undefined,
      statusClass: (row: Row | undefined) => string | null,
      label: string,
    ): ColDef<Row>[] => [
      ...years.map<ColDef<Row>>((year) => ({
        colId: `${prefix}:${year}`,
        headerName: String(year),
        headerTooltip: `${label}, ${year}`,
        width: yearWidth,
        type: "rightAligned",
        valueGetter: (params) => (params.data ? pick(params.data)?.amounts[year] ?? null : null),
        valueFormatter: (params: ValueFormatterParams<Row, Oere | null>) => text(params.value, params.data),
        tooltipValueGetter: (params: ITooltipParams<Row>) => {
          if (isSummary(params.data)) return overTooltip(params.data, overOf(params.data), year);
          return params.data?.kind === "line" && pick(params.data)?.amounts[year] === null ? t("compareNotInScenario", { name: label }) : null;
        },
        cellClass: (params: CellClassParams<Row>) => statusClass(params.data) ?? undefined,
        cellClassRules: { "compare-over": (params: CellClassParams<Row>) => isSummary(params.data) && params.data.kind !== "frame" && overOf(params.data)?.[year] !== undefined },
      })),
      {
        colId: `${prefix}:total`,
        headerName: t("total"),
        headerTooltip: `${label}, ${t("total")}`,
        width: totalWidth,
        type: "rightAligned",
        cellClass: (params: CellClassParams<Row>) => ["compare-total", statusClass(params.data)].filter(Boolean).join(" "),
        valueGetter: (params) => (params.data ? pick(params.data)?.total ?? null : null),
        valueFormatter: (params: ValueFormatterParams<Row, Oere | null>) => text(params.value, params.data),
      },
    ];

    const differenceColumns = (index: number, label: string): ColDef<Row>[] => {
      const sign = (value: Oere | null | undefined) => (value === null || value === undefined || value === 0n ? "compare-zero" : value > 0n ? "compare-pos" : "compare-neg");
      return [
        ...years.map<ColDef<Row>>((year) => ({
          colId: `diff:${index}:${year}`,
          headerName: String(year),
          headerTooltip: `${label}, ${year}`,
          width: yearWidth,
          type: "rightAligned",
          valueGetter: (params) => params.data?.others[index]?.difference[year] ?? null,
          valueFormatter: (params: ValueFormatterParams<Row, Oere | null>) => text(params.value, params.data, { signed: true }),
          cellClass: (params: CellClassParams<Row>) => `compare-diff ${params.data?.kind === "frame" ? "" : sign(params.value as Oere | null)}`,
        })),
        {
          colId: `diff:${index}:total`,
          headerName: t("total"),
          headerTooltip: `${label}, ${t("total")}`,
          width: totalWidth,
          type: "rightAligned",
          valueGetter: (params) => params.data?.others[index]?.totalDifference ?? null,
          valueFormatter: (params: ValueFormatterParams<Row, Oere | null>) => text(params.value, params.data, { signed: true }),
          cellClass: (params: CellClassParams<Row>) => `compare-diff compare-total ${params.data?.kind === "frame" ? "" : sign(params.value as Oere | null)}`,
        },
      ];
    };

    const otherStatusClass = (index: number) => (row: Row | undefined) => {
      if (row?.kind !== "line" || row.others.length < 2) return null;
      const status = row.others[index]?.status;
      return status === "ADDED" ? "compare-cell-added" : status === "REMOVED" ? "compare-cell-removed" : null;
    };

    const baseLabel = t("compareBaseGroup", { name: comparison.base.name });
    return [
      {
        colId: "title",
        headerName: t("compareColumnInitiative"),
        pinned: "left",
        width: titleWidth,
        valueGetter: (params) => {
          const row = params.data;
          if (!row) return "";
          return isSummary(row) ? t(SUMMARY_LABELS[row.kind]) : row.title;
        },
        tooltipValueGetter: (params: ITooltipParams<Row>) => {
          const row = params.data;
          if (row?.kind !== "line") return row?.kind === "theme" ? row.title : null;
          const marks = lineMarks(row);
          const comments = row.others.flatMap((other) =>
            other.comments.map((comment) => commentText(comment, names.get(other.scenarioKey) ?? other.scenarioKey)),
          );
          return [row.title, ...statusTexts(marks, names, row.others.length, t), ...comments].join("\n");
        },
        cellRenderer: (params: ICellRendererParams<Row, string>) => {
          const row = params.data;
          if (row?.kind !== "line") return <span className="compare-title-text">{params.value}</span>;
          const marks = lineMarks(row);
          const comments = row.others.flatMap((other) => other.comments.map((comment) => commentText(comment, names.get(other.scenarioKey) ?? other.scenarioKey)));
          const badges = statusTexts(marks, names, row.others.length, t);
          return (
            <span className="compare-title">
              <span className="compare-title-text">{params.value}</span>
              {marks.added.length > 0 && <span className="compare-badge added">{badges[0]}</span>}
              {marks.removed.length > 0 && <span className="compare-badge removed">{badges[marks.added.length > 0 ? 1 : 0]}</span>}
              {row.isReserve && <span className="compare-badge reserve">{t("compareReserve")}</span>}
              {comments.length > 0 && (
                <span className="compare-comment-icon" aria-label={`${t("compareCommentCount", { count: comments.length })}: ${comments.join(" ")}`} role="img">
                  <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" focusable="false">
                    <path d="M2 2.5h12a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H7l-3.5 3v-3H2a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1z" fill="currentColor" />
                  </svg>
                  <span className="compare-comment-count" aria-hidden="true">{comments.length}</span>
                </span>
              )}
            </span>
          );
        },
      },
      { groupId: "base", headerName: baseLabel, headerClass: "compare-group compare-group-base", wrapHeaderText: true, autoHeaderHeight: true, children: amountColumns("base", (row) => row.base, (row) => row.overBy.base, () => null, baseLabel) },
      // Per compared scenario the difference first, then the scenario: base + difference = scenario, read left to
      // right, and at 1280 px the differences are in view without scrolling.
      ...comparison.others.flatMap<ColGroupDef<Row>>((other, index) => [
        {
          groupId: `diff:${index}`,
          headerName: comparison.others.length === 1 ? t("compareDifferenceGroup") : `${t("compareDifferenceGroup")}: ${other.name}`,
          headerTooltip: t("compareDifferenceGroupTooltip", { other: other.name, base: comparison.base.name }),
          headerClass: "compare-group compare-group-diff",
          wrapHeaderText: true,
          autoHeaderHeight: true,
          children: differenceColumns(index, t("compareDifferenceGroupTooltip", { other: other.name, base: comparison.base.name })),
        },
        {
          groupId: `other:${index}`,
          headerName: other.name,
          headerClass: "compare-group compare-group-other",
          wrapHeaderText: true,
          autoHeaderHeight: true,
          children: amountColumns(`other:${index}`, (row) => row.others[index], (row) => row.overBy.others[index], otherStatusClass(index), other.name),
        },
      ]),
    ];
  }, [comparison, years, locale, t, names, commentText, titleWidth, yearWidth, totalWidth]);

  // The grid is as tall as its rows (up to most of the window, pinned totals always in view) and no wider than its columns.
  const columnsWidth = TITLE_MAX_WIDTH + amountsWidth;
  const rowsHeight = (bodyRows.length + summaryRows.length) * ROW_HEIGHT + 2 * 48 + 24;
  const othersNames = comparison.others.map((other) => other.name).join(", ");

  return (
    <div
      className="compare-grid-wrap"
      role="region"
      aria-label={t("compareGridLabel", { base: comparison.base.name, others: othersNames })}
      style={{ height: `min(80vh, ${rowsHeight}px)`, maxWidth: columnsWidth + 18 }}
    >
      <AgGridReact<Row>
        theme={compareGridTheme}
        rowData={bodyRows}
        pinnedBottomRowData={summaryRows}
        columnDefs={columnDefs}
        getRowId={(params) => params.data.id}
        getRowClass={(params) => rowClass(params.data)}
        onGridSizeChanged={(event) => setTitleWidth(Math.max(TITLE_WIDTH, Math.min(TITLE_MAX_WIDTH, event.clientWidth - amountsWidth - 4)))}
        tooltipShowDelay={300}
        suppressMovableColumns
        enableCellTextSelection
        ensureDomOrder
      />
    </div>
  );
}

/** The badge texts of a line: "Tilføjet"/"Fjernet" when every compared scenario agrees, else naming the scenarios. */
function statusTexts(marks: ReturnType<typeof lineMarks>, names: ReadonlyMap<string, string>, count: number, t: ReturnType<typeof useI18n>["t"]): string[] {
  const list = (keys: string[]) => keys.map((key) => names.get(key) ?? key).join(", ");
  const texts: string[] = [];
  if (marks.added.length) texts.push(count === 1 || marks.allAdded ? t("compareStatusAdded") : t("compareStatusAddedIn", { names: list(marks.added) }));
  if (marks.removed.length) texts.push(count === 1 || marks.allRemoved ? t("compareStatusRemoved") : t("compareStatusRemovedIn", { names: list(marks.removed) }));
  return texts;
}

function rowClass(row: Row | undefined): string {
  if (!row) return "";
  if (row.kind === "theme") return "compare-row-theme";
  if (row.kind === "line") {
    const marks = lineMarks(row);
    return marks.allAdded ? "compare-row-line compare-row-added" : marks.allRemoved ? "compare-row-line compare-row-removed" : "compare-row-line";
  }
  return `compare-row-summary compare-row-${row.kind}`;
}

/** The comments given on the compared lines, as a list anyone can read and reach (the grid shows them as an icon with a tooltip). */
function CommentList({ comparison }: { comparison: ComparisonResult }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const dateFormat = new Intl.DateTimeFormat(locale === "da" ? "da-DK" : "en-GB", { dateStyle: "medium" });
  const names = new Map(comparison.others.map((other) => [other.key, other.name]));
  const entries = comparison.lines.flatMap((line) =>
    line.versus.flatMap((versus) => versus.comments.map((comment) => ({ line, scenario: names.get(versus.scenario.key) ?? versus.scenario.key, comment }))),
  );
  if (entries.length === 0) return null;
  return (
    <div className="compare-comments" aria-labelledby={headingId}>
      <h4 id={headingId}>{t("compareCommentsTitle")}</h4>
      <ul>
        {entries.map(({ line, scenario, comment }, index) => (
          <li key={index}>
            <strong>{line.initiative.title}</strong>
            {" – "}
            {commentLine(t, dateFormat, comment, scenario)}
          </li>
        ))}
      </ul>
    </div>
  );
}


/** "Mere til VMK, 2025: »Flere ansøgninger« – Anna, 22. nov. 2024": a comment with its scenario, its cell's year if any, author and date. */
function commentLine(t: ReturnType<typeof useI18n>["t"], dateFormat: Intl.DateTimeFormat, comment: CompareLineRow["others"][number]["comments"][number], scenario: string): string {
  const params = { scenario, text: comment.text, author: comment.author, when: dateFormat.format(new Date(comment.createdAt)) };
  return comment.year === null ? t("compareCommentLine", params) : t("compareCommentLineYear", { ...params, year: comment.year });
}
