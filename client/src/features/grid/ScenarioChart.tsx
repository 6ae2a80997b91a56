/** The scenario's allocation per theme per year against the frame, drawn from the grid's own (live) rows. */
import { lazy, Suspense, useMemo } from "react";
import { useI18n } from "../../i18n/I18n.tsx";
import type { ChartSeries } from "../chart/chartSeries.ts";
import type { BodyRow } from "./gridRows.ts";

// AG Charts is large: it loads the first time a chart is shown.
const ThemeChart = lazy(() => import("../chart/ThemeChart.tsx").then((module) => ({ default: module.ThemeChart })));

export function ScenarioChart({ name, rows, years, frame }: { name: string; rows: readonly BodyRow[]; years: readonly number[]; frame: ReadonlyMap<number, bigint> }) {
  const { t } = useI18n();
  const series: ChartSeries[] = useMemo(
    () => [
      {
        scenarioName: name,
        frame: years.map((year) => ({ year, amount: frame.get(year) ?? 0n })),
        themes: rows.flatMap((row) => (row.kind === "theme" ? [{ themeKey: row.themeKey, title: row.title, amounts: years.map((year) => ({ year, amount: row.amounts[year] ?? 0n })) }] : [])),
      },
    ],
    [name, rows, years, frame],
  );
  return (
    <section className="scenario-chart" aria-label={t("chartButton")}>
      <Suspense fallback={<p>{t("loading")}</p>}>
        <ThemeChart series={series} />
      </Suspense>
    </section>
  );
}
