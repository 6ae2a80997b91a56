/**
 * The targets of issue 7, in one place. Each row names the figure it judges, the baseline printed
 * beside it, and the test. "cost ×" is how many times costlier Ramme is than the baseline: its time
 * over the baseline's time, or the baseline's throughput over its throughput (1 = as fast).
 */
import type { Dialect } from "./sql.ts";
import type { Figure, Figures } from "./measure.ts";

type Statistic = "median" | "p95" | "p99" | "max";

interface Reading {
  figure: string;
  statistic: Statistic;
}

export interface Target {
  measurement: string;
  target: string;
  value: Reading;
  baseline: Reading & { label: string };
  /** Only on these databases (the peer serves PostgreSQL only). */
  dialects?: Dialect[];
  /** The test uses the cost ratio: without a baseline it cannot be judged. */
  needsBaseline?: boolean;
  met(value: number, cost: number): boolean;
}

export const TARGETS: Target[] = [
  {
    measurement: "grid query, 25-line agreement: p50",
    target: "p50 ≤ 3 ms",
    value: { figure: "agreementGrid.latency", statistic: "median" },
    baseline: { figure: "apiFloor.latency", statistic: "median", label: "API floor p50" },
    met: (value) => value <= 3,
  },
  {
    measurement: "grid query, 25-line agreement: throughput",
    target: "≥ 1/3 of the API floor's",
    value: { figure: "agreementGrid.throughput", statistic: "median" },
    baseline: { figure: "apiFloor.throughput", statistic: "median", label: "API floor" },
    needsBaseline: true,
    met: (_value, cost) => cost <= 3,
  },
  {
    measurement: "grid query, N-line what-if: p95",
    target: "p95 ≤ 150 ms; ≤ 3× the data floor",
    value: { figure: "largeGrid.latency", statistic: "p95" },
    baseline: { figure: "gridFloor.latency", statistic: "p95", label: "data floor p95" },
    needsBaseline: true,
    met: (value, cost) => value <= 150 && cost <= 3,
  },
  {
    measurement: "single-cell edit: sustained, concurrent writers",
    target: "≥ 500 edits/s; ≤ 4× the data floor",
    value: { figure: "edit.throughput", statistic: "median" },
    baseline: { figure: "editFloor.throughput", statistic: "median", label: "data floor" },
    needsBaseline: true,
    met: (value, cost) => value >= 500 && cost <= 4,
  },
  {
    measurement: "single-cell edit: p99",
    target: "p99 ≤ 25 ms",
    value: { figure: "edit.latency", statistic: "p99" },
    baseline: { figure: "editFloor.latency", statistic: "p99", label: "data floor p99" },
    met: (value) => value <= 25,
  },
  {
    measurement: "paste of 1,000 cells, one transaction: p50",
    target: "≤ 150 ms",
    value: { figure: "paste.latency", statistic: "median" },
    baseline: { figure: "pasteFloor.latency", statistic: "median", label: "data floor p50" },
    met: (value) => value <= 150,
  },
  {
    measurement: "compare two N-line what-ifs: p50",
    target: "≤ 200 ms",
    value: { figure: "compare.latency", statistic: "median" },
    baseline: { figure: "compareFloor.latency", statistic: "median", label: "data floor p50" },
    met: (value) => value <= 200,
  },
  {
    measurement: "one edit to 100 live subscribers: p99",
    target: "p99 ≤ 100 ms, commit → last delivery",
    value: { figure: "fanout.latency", statistic: "p99" },
    baseline: { figure: "edit.latency", statistic: "median", label: "one edit's round trip p50" },
    met: (value) => value <= 100,
  },
  {
    measurement: "server RSS, full dataset, under load",
    target: "≤ 250 MB",
    value: { figure: "rssMax", statistic: "max" },
    baseline: { figure: "rssIdle", statistic: "max", label: "RSS before the load" },
    met: (value) => value <= 250,
  },
  {
    measurement: "grid query throughput vs the PostGraphile peer",
    target: "≥ the peer's",
    value: { figure: "largeGrid.throughput", statistic: "median" },
    baseline: { figure: "peerGrid.throughput", statistic: "median", label: "PostGraphile peer" },
    dialects: ["postgres"],
    needsBaseline: true,
    met: (_value, cost) => cost <= 1,
  },
];

export function read(figure: Figure | undefined, statistic: Statistic): number | undefined {
  if (!figure || figure.samples.length === 0) return undefined;
  if (figure.throughput) return statistic === "median" ? figure.throughput.median : figure.throughput[statistic === "max" ? "max" : "min"];
  if (figure.latency) return figure.latency[statistic];
  return Math.max(...figure.samples);
}

export interface Judged {
  target: Target;
  value?: number;
  baseline?: number;
  cost?: number;
  met?: boolean;
  /** Why a side is missing. */
  note?: string;
}

export function judge(target: Target, figures: Figures): Judged {
  const valueFigure = figures[target.value.figure];
  const baselineFigure = figures[target.baseline.figure];
  const value = read(valueFigure, target.value.statistic);
  const baseline = read(baselineFigure, target.baseline.statistic);
  const note = [valueFigure, baselineFigure].map((figure) => figure?.error ?? figure?.unavailable).find(Boolean);
  if (value === undefined) return { target, baseline, note: note ?? "not measured" };
  const higherIsBetter = valueFigure?.unit === "req/s";
  const cost = baseline === undefined ? undefined : higherIsBetter ? baseline / value : value / baseline;
  const met = cost === undefined && target.needsBaseline ? undefined : target.met(value, cost ?? Number.NaN);
  return { target, value, baseline, cost, met, note };
}
