/**
 * Allocation per theme and year as stacked columns, with the frame as a dashed line. Several
 * scenarios are drawn as small multiples, one chart per scenario side by side, all on the same
 * value scale and with the same colour per theme, so their stacks can be compared at a glance
 * (grouped stacks in one chart cannot name the scenario under each column; these can, in a title).
 * Each chart has a title and a visually hidden table with its figures for screen readers.
 */
import { BarSeriesModule, CartesianChartModule, CategoryAxisModule, LineSeriesModule, ModuleRegistry, NumberAxisModule, type AgCartesianChartOptions } from "ag-charts-community";
import { AgCharts } from "ag-charts-react";
import { useId, useMemo } from "react";
import type { Oere } from "@ramme/domain";
import { formatAmount } from "../../app/amounts.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import { allocatedIn, axisScale, chartRows, FRAME_KEY, frameIn, largestValue, seriesYears, type ChartSeries } from "./chartSeries.ts";
import "./chart.css";

export { buildChartSeries, type ChartSeries } from "./chartSeries.ts";

ModuleRegistry.registerModules([CartesianChartModule, BarSeriesModule, LineSeriesModule, CategoryAxisModule, NumberAxisModule]);

/** One colour per theme, in the themes' order: distinguishable for common colour-vision deficiencies (after Okabe & Ito). */
export const THEME_COLOURS = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#6b4c9a", "#56b4e9", "#d55e00", "#8c8c8c"] as const;
const FRAME_COLOUR = "#1b1f24";

export function ThemeChart({ series }: { series: ChartSeries[] }) {
  const { t, locale } = useI18n();
  const legendId = useId();
  // The same theme keeps its colour in every chart: colours follow the union of the themes, in order.
  const themeKeys = useMemo(() => [...new Set(series.flatMap((one) => one.themes.map((theme) => theme.themeKey)))], [series]);
  const titles = useMemo(() => new Map(series.flatMap((one) => one.themes.map((theme) => [theme.themeKey, theme.title] as const))), [series]);
  const colourOf = (themeKey: string) => THEME_COLOURS[Math.max(0, themeKeys.indexOf(themeKey)) % THEME_COLOURS.length]!;
  const scale = useMemo(() => axisScale(largestValue(series)), [series]);

  if (series.length === 0) return null;
  return (
    <div className="theme-chart">
      <ul className="theme-chart-legend" id={legendId} aria-label={t("compareChartLegend")}>
        {themeKeys.map((themeKey) => (
          <li key={themeKey}>
            <span className="theme-chart-swatch" style={{ background: colourOf(themeKey) }} aria-hidden="true" />
            {titles.get(themeKey)}
          </li>
        ))}
        <li>
          <span className="theme-chart-swatch frame" aria-hidden="true" />
          {t("compareChartFrame")}
        </li>
      </ul>
      <div className={series.length === 1 ? "theme-chart-grid single" : "theme-chart-grid"}>
        {series.map((one, index) => (
          <OneChart key={`${index}:${one.scenarioName}`} series={one} scale={scale} colourOf={colourOf} legendId={legendId} locale={locale} t={t} />
        ))}
      </div>
    </div>
  );
}

function OneChart({
  series,
  scale,
  colourOf,
  legendId,
  locale,
  t,
}: {
  series: ChartSeries;
  scale: { max: number; step: number };
  colourOf: (themeKey: string) => string;
  legendId: string;
  locale: ReturnType<typeof useI18n>["locale"];
  t: ReturnType<typeof useI18n>["t"];
}) {
  const titleId = useId();
  const descriptionId = useId();
  const years = useMemo(() => seriesYears(series), [series]);
  const options = useMemo<AgCartesianChartOptions>(() => {
    const exact = new Map<string, Oere>();
    for (const theme of series.themes) for (const entry of theme.amounts) exact.set(`${theme.themeKey}:${entry.year}`, entry.amount);
    for (const entry of series.frame) exact.set(`${FRAME_KEY}:${entry.year}`, entry.amount);
    // Tooltips show the exact amount (from the bigint), never the plotted number.
    const tooltipOf = (key: string, name: string) => ({
      renderer: ({ datum }: { datum: { year: string } }) => ({
        heading: datum.year,
        title: name,
        data: [{ label: series.scenarioName, value: t("compareChartTooltipAmount", { amount: formatAmount(exact.get(`${key}:${datum.year}`) ?? 0n, locale) }) }],
      }),
    });
    return {
      data: chartRows(series),
      background: { visible: false },
      padding: { top: 8, right: 12, bottom: 4, left: 4 },
      legend: { enabled: false },
      series: [
        ...series.themes.map((theme) => ({
          type: "bar" as const,
          xKey: "year",
          yKey: theme.themeKey,
          yName: theme.title,
          stacked: true,
          fill: colourOf(theme.themeKey),
          stroke: "#ffffff",
          strokeWidth: 1,
          tooltip: tooltipOf(theme.themeKey, theme.title),
        })),
        {
          type: "line" as const,
          xKey: "year",
          yKey: FRAME_KEY,
          yName: t("compareChartFrame"),
          stroke: FRAME_COLOUR,
          strokeWidth: 2,
          lineDash: [6, 4],
          marker: { enabled: true, size: 6, fill: FRAME_COLOUR, stroke: FRAME_COLOUR },
          // Only near the line itself, so hovering a column shows the column's theme, not the frame.
          tooltip: { ...tooltipOf(FRAME_KEY, t("compareChartFrame")), range: 8 },
        },
      ],
      axes: {
        x: { type: "category", position: "bottom", label: { fontSize: 13, color: "#333" } },
        y: {
          type: "number",
          position: "left",
          min: 0,
          max: scale.max,
          interval: { step: scale.step },
          title: { text: t("compareChartAxis"), fontSize: 12, color: "#444" },
          // Axis ticks are round plotted numbers (display only): back to øre, then the locale's notation as everywhere else.
          label: { fontSize: 12, color: "#333", formatter: ({ value }: { value: unknown }) => formatAmount(BigInt(Math.round(Number(value) * 1e8)), locale) },
        },
      },
    };
  }, [series, scale, colourOf, locale, t]);

  return (
    <figure className="theme-chart-figure" aria-labelledby={titleId} aria-describedby={`${descriptionId} ${legendId}`}>
      <figcaption id={titleId} className="theme-chart-title">{series.scenarioName}</figcaption>
      <p id={descriptionId} className="theme-chart-sr-only">{t("compareChartAria", { name: series.scenarioName })}</p>
      <div className="theme-chart-canvas">
        <AgCharts options={options} style={{ height: "100%", width: "100%" }} />
      </div>
      <div className="theme-chart-sr-only">
      <table>
        <caption>{t("compareChartTableCaption", { name: series.scenarioName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("compareChartTheme")}</th>
            {years.map((year) => <th key={year} scope="col">{year}</th>)}
          </tr>
        </thead>
        <tbody>
          {series.themes.map((theme) => (
            <tr key={theme.themeKey}>
              <th scope="row">{theme.title}</th>
              {years.map((year) => <td key={year}>{formatAmount(theme.amounts.find((entry) => entry.year === year)?.amount ?? 0n, locale)}</td>)}
            </tr>
          ))}
          <tr>
            <th scope="row">{t("compareChartAllocated")}</th>
            {years.map((year) => <td key={year}>{formatAmount(allocatedIn(series, year), locale)}</td>)}
          </tr>
          <tr>
            <th scope="row">{t("compareChartFrame")}</th>
            {years.map((year) => <td key={year}>{formatAmount(frameIn(series, year), locale)}</td>)}
          </tr>
        </tbody>
      </table>
      </div>
    </figure>
  );
}
