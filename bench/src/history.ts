/**
 * The bench's history: every full run appends its targets' cost ratios to `<out>/history.json`, and
 * `<out>/history.svg` draws each target's ratio over the runs (one panel per target, a line per
 * database, the target's own bound where it is a ratio), so a regression shows at a glance. Smoke
 * runs are not history: they measure tiny sizes and write to a temporary directory.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Dialect } from "./sql.ts";
import { judge, TARGETS } from "./targets.ts";
import type { Results } from "./report.ts";

export interface HistoryEntry {
  startedAt: string;
  commit: string;
  targets: Array<{ measurement: string; dialect: Dialect; value?: number; cost?: number; met?: boolean }>;
}

/** One run's entry: each target on each database, judged as the report's table judges it. */
export function historyEntry(results: Results, commit: string): HistoryEntry {
  const targets: HistoryEntry["targets"] = [];
  for (const target of TARGETS) {
    for (const { dialect, figures } of results.dialects) {
      if (target.dialects && !target.dialects.includes(dialect)) continue;
      const judged = judge(target, figures);
      targets.push({ measurement: target.measurement, dialect, value: judged.value, cost: judged.cost, met: judged.met });
    }
  }
  return { startedAt: results.startedAt, commit, targets };
}

export function readHistory(file: string): HistoryEntry[] {
  if (!existsSync(file)) return [];
  const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
  if (!Array.isArray(parsed)) throw new Error(`${file} is not a list of bench runs`);
  return parsed as HistoryEntry[];
}

/** Appends the run (replacing an entry of the same start, so a re-written report is not counted twice) and redraws the chart. */
export function appendHistory(results: Results, commit: string, outDirectory: string): { json: string; svg: string } {
  const json = path.join(outDirectory, "history.json");
  const entry = historyEntry(results, commit);
  const history = [...readHistory(json).filter((old) => old.startedAt !== entry.startedAt), entry].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  writeFileSync(json, JSON.stringify(history, null, 2) + "\n");
  const svg = path.join(outDirectory, "history.svg");
  writeFileSync(svg, historyChart(history));
  return { json, svg };
}

const COLOURS: Record<Dialect, string> = { sqlite: "#1d5fa8", postgres: "#c0392b" };
const PANEL = { width: 300, height: 130, left: 40, top: 34, right: 10, bottom: 22 };
const COLUMNS = 3;

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Each target's cost × baseline over the runs, a panel each; the y axis from 0 to the largest ratio seen (at least 2). */
export function historyChart(history: HistoryEntry[]): string {
  const measurements = [...new Set(history.flatMap((entry) => entry.targets.map((target) => target.measurement)))];
  const rows = Math.max(1, Math.ceil(measurements.length / COLUMNS));
  const width = COLUMNS * PANEL.width;
  const height = 24 + rows * PANEL.height + 20;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="10">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="8" y="16" font-size="12" font-weight="bold">Bench history: cost × baseline per run (lower is better; 1 = as fast as the baseline)</text>`,
    `<text x="${width - 8}" y="16" text-anchor="end"><tspan fill="${COLOURS.sqlite}">■ SQLite</tspan>  <tspan fill="${COLOURS.postgres}">■ PostgreSQL</tspan></text>`,
  ];
  measurements.forEach((measurement, index) => {
    const x0 = (index % COLUMNS) * PANEL.width;
    const y0 = 24 + Math.floor(index / COLUMNS) * PANEL.height;
    const plotWidth = PANEL.width - PANEL.left - PANEL.right;
    const plotHeight = PANEL.height - PANEL.top - PANEL.bottom;
    const costs = history.flatMap((entry) => entry.targets.filter((target) => target.measurement === measurement && target.cost !== undefined).map((target) => target.cost!));
    const top = Math.max(2, ...costs) * 1.1;
    const xOf = (run: number) => x0 + PANEL.left + (history.length === 1 ? plotWidth / 2 : (run / (history.length - 1)) * plotWidth);
    const yOf = (cost: number) => y0 + PANEL.top + plotHeight - (cost / top) * plotHeight;
    parts.push(`<text x="${x0 + 6}" y="${y0 + 20}" font-weight="bold">${escape(measurement.length > 52 ? `${measurement.slice(0, 51)}…` : measurement)}</text>`);
    parts.push(`<line x1="${x0 + PANEL.left}" y1="${y0 + PANEL.top + plotHeight}" x2="${x0 + PANEL.left + plotWidth}" y2="${y0 + PANEL.top + plotHeight}" stroke="#999"/>`);
    parts.push(`<line x1="${x0 + PANEL.left}" y1="${y0 + PANEL.top}" x2="${x0 + PANEL.left}" y2="${y0 + PANEL.top + plotHeight}" stroke="#999"/>`);
    let lastTickY = Number.POSITIVE_INFINITY;
    for (const tick of [0, 1, Math.round(top / 2), Math.floor(top)]) {
      // Ticks closer than a line of text to the one below are left out.
      if (tick > top || lastTickY - yOf(tick) < 12) continue;
      lastTickY = yOf(tick);
      parts.push(`<text x="${x0 + PANEL.left - 4}" y="${yOf(tick) + 3}" text-anchor="end" fill="#555">${tick}×</text>`);
    }
    parts.push(`<line x1="${x0 + PANEL.left}" y1="${yOf(1)}" x2="${x0 + PANEL.left + plotWidth}" y2="${yOf(1)}" stroke="#bbb" stroke-dasharray="3 3"/>`);
    for (const dialect of ["sqlite", "postgres"] as const) {
      const points = history
        .map((entry, run) => ({ run, target: entry.targets.find((target) => target.measurement === measurement && target.dialect === dialect) }))
        .filter((point) => point.target?.cost !== undefined);
      if (points.length === 0) continue;
      parts.push(`<polyline fill="none" stroke="${COLOURS[dialect]}" stroke-width="1.5" points="${points.map((point) => `${xOf(point.run).toFixed(1)},${yOf(point.target!.cost!).toFixed(1)}`).join(" ")}"/>`);
      for (const point of points) {
        parts.push(`<circle cx="${xOf(point.run).toFixed(1)}" cy="${yOf(point.target!.cost!).toFixed(1)}" r="2.5" fill="${point.target!.met ? COLOURS[dialect] : "#fff"}" stroke="${COLOURS[dialect]}"><title>${escape(`${history[point.run]!.startedAt.slice(0, 10)} ${history[point.run]!.commit} ${dialect}: ${point.target!.cost!.toFixed(2)}× ${point.target!.met ? "(met)" : "(not met)"}`)}</title></circle>`);
      }
    }
    const first = history[0]?.startedAt.slice(0, 10) ?? "";
    const last = history.at(-1)?.startedAt.slice(0, 10) ?? "";
    parts.push(`<text x="${x0 + PANEL.left}" y="${y0 + PANEL.height - 6}" fill="#555">${first}</text>`);
    if (history.length > 1) parts.push(`<text x="${x0 + PANEL.left + plotWidth}" y="${y0 + PANEL.height - 6}" text-anchor="end" fill="#555">${last}</text>`);
  });
  parts.push(`<text x="8" y="${height - 6}" fill="#555">A filled dot met its target; an open dot did not.</text>`);
  parts.push("</svg>");
  return parts.join("\n") + "\n";
}
