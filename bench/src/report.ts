/**
 * The results: `<out>/<YYYY-MM-DD>.md` (the targets table, every figure, the growth curve, the
 * machine) and `<out>/<YYYY-MM-DD>.json` with every raw sample.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Figures, GrowthPoint } from "./measure.ts";
import type { Dialect } from "./sql.ts";
import { judge, TARGETS } from "./targets.ts";

export interface DialectResult {
  dialect: Dialect;
  figures: Figures;
  growth: GrowthPoint[];
}

export interface Results {
  startedAt: string;
  seconds: number;
  command: string;
  settings: Record<string, unknown>;
  dialects: DialectResult[];
  /** Sections that failed: a non-empty list fails the run. */
  errors: string[];
  notes: string[];
}

const DATABASE_NAMES: Record<Dialect, string> = { sqlite: "SQLite", postgres: "PostgreSQL" };

function format(value: number | undefined, unit: string): string {
  if (value === undefined || Number.isNaN(value)) return "—";
  if (unit === "ms") return `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)} ms`;
  if (unit === "MB") return `${value.toFixed(0)} MB`;
  return `${value < 100 ? value.toFixed(1) : value.toFixed(0)}/s`;
}

export function machine() {
  let commit = "unknown";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    if (execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { encoding: "utf8" }).trim()) commit += " (with uncommitted changes)";
  } catch {
    // Not a git checkout: the report says so.
  }
  return { node: process.version, platform: `${os.type()} ${os.release()} ${os.arch()}`, cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}`, memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`, commit };
}

export function targetsTable(results: Results): string {
  const rows = ["| measurement | database | Ramme | baseline | cost × baseline | target | met |", "|---|---|---|---|---|---|---|"];
  for (const target of TARGETS) {
    for (const { dialect, figures } of results.dialects) {
      if (target.dialects && !target.dialects.includes(dialect)) continue;
      const judged = judge(target, figures);
      const unit = figures[target.value.figure]?.unit ?? "ms";
      const baselineUnit = figures[target.baseline.figure]?.unit ?? unit;
      const note = judged.note && judged.note.length > 90 ? `${judged.note.slice(0, 90)}…` : judged.note;
      const met = judged.met === undefined ? "—" : judged.met ? "✓" : "✗";
      const baseline = judged.baseline === undefined ? `— (${note ?? "not measured"})` : `${format(judged.baseline, baselineUnit)} (${target.baseline.label})`;
      const value = judged.value === undefined ? `— (${note ?? "not measured"})` : format(judged.value, unit);
      rows.push(`| ${target.measurement} | ${DATABASE_NAMES[dialect]} | ${value} | ${baseline} | ${judged.cost === undefined ? "—" : `${judged.cost.toFixed(2)}×`} | ${target.target} | ${met} |`);
    }
  }
  return rows.join("\n");
}

function figuresTable(results: Results): string {
  const rows = ["| figure | database | n | min | p50 | p95 | p99 | max |", "|---|---|---|---|---|---|---|---|"];
  for (const { dialect, figures } of results.dialects) {
    for (const figure of Object.values(figures)) {
      const name = DATABASE_NAMES[dialect];
      if (figure.error || figure.unavailable) rows.push(`| ${figure.label} | ${name} | — | ${figure.error ? `error: ${figure.error}` : figure.unavailable} | | | | |`);
      else if (figure.latency) {
        const { count, min, median, p95, p99, max } = figure.latency;
        rows.push(`| ${figure.label} | ${name} | ${count} | ${[min, median, p95, p99, max].map((value) => format(value, figure.unit)).join(" | ")} |`);
      } else if (figure.throughput) {
        const { perRun, min, median, max } = figure.throughput;
        rows.push(`| ${figure.label} (per ${perRun.length} windows) | ${name} | ${perRun.length} | ${format(min, figure.unit)} | ${format(median, figure.unit)} | | | ${format(max, figure.unit)} |`);
      } else rows.push(`| ${figure.label} | ${name} | ${figure.samples.length} | | | | | ${format(Math.max(...figure.samples), figure.unit)} |`);
    }
  }
  return rows.join("\n");
}

function growthTable(results: Results): string {
  const rows = [
    "| lines | database | grid p50 | grid µs/line | compare p50 | compare µs/line | paste p50 (cells) | paste µs/line |",
    "|---|---|---|---|---|---|---|---|",
  ];
  const perLine = (ms: number, lines: number) => `${((ms * 1000) / lines).toFixed(1)}`;
  for (const { dialect, growth } of results.dialects) {
    for (const point of growth) {
      rows.push(
        `| ${point.lines.toLocaleString("en")} | ${DATABASE_NAMES[dialect]} | ${format(point.grid.median, "ms")} | ${perLine(point.grid.median, point.lines)} | ${format(point.compare.median, "ms")} | ${perLine(point.compare.median, point.lines)} | ${format(point.paste.median, "ms")} (${point.pastedCells}) | ${perLine(point.paste.median, point.lines)} |`,
      );
    }
  }
  return rows.join("\n");
}

export function writeReport(results: Results, outDirectory: string): { markdown: string; json: string } {
  mkdirSync(outDirectory, { recursive: true });
  const date = results.startedAt.slice(0, 10);
  const facts = machine();
  const settings = Object.entries(results.settings).map(([key, value]) => `${key} ${JSON.stringify(value)}`).join(", ");
  const markdown = `# Ramme benchmark, ${date}

\`${results.command}\` — ${results.seconds.toFixed(0)} s. Settings: ${settings}.

Every figure is measured over HTTP against a real server process (NODE_ENV=production) and printed
beside a baseline from the same run: the **API floor** (\`{ __typename }\` from the same server), the
**data floor** (the same rows read, or the same writes done, with raw better-sqlite3 or \`pg\` in the
bench process, serialised to JSON) or the **PostGraphile peer**. "cost × baseline" is how many times
costlier Ramme is: its time over the baseline's, or the baseline's throughput over Ramme's. Targets
are issue 7's (bench/src/targets.ts).

## Targets

${targetsTable(results)}

## Growth: grid query, compare and paste by scenario size

Cost per line should stay flat (or fall) as scenarios grow: at most linear growth. The paste writes
1,000 cells (every cell of a smaller scenario but its last line), so its cost per line falls.

${growthTable(results)}

## Every figure

Latencies in ms (n samples after a warm-up); throughputs in requests per second, one figure per
${String(results.settings.windowMs)} ms window with ${String(results.settings.clients)} concurrent clients (writers: one what-if each).

${figuresTable(results)}
${results.notes.length ? `\n## Notes\n\n${results.notes.map((note) => `- ${note}`).join("\n")}\n` : ""}${results.errors.length ? `\n## Errors\n\n${results.errors.map((error) => `- ${error}`).join("\n")}\n` : ""}
## Machine

Node ${facts.node}; ${facts.platform}; ${facts.cpus}; ${facts.memory} RAM; git commit ${facts.commit}. Shared and noisy:
read the ratios, not the absolute figures.
`;
  const markdownPath = path.join(outDirectory, `${date}.md`);
  const jsonPath = path.join(outDirectory, `${date}.json`);
  writeFileSync(markdownPath, markdown);
  writeFileSync(jsonPath, `${JSON.stringify({ ...results, machine: facts }, null, 2)}\n`);
  return { markdown: markdownPath, json: jsonPath };
}
