/**
 * Client load-time benchmark (run through `node scripts/bench-client.mjs [--runs N] [--out file.json]`).
 *
 * Builds the client if stale, starts the real server on a fresh migrated SQLite file, launches
 * Debian's Chromium and, N times in a fresh browser context each (no cache, no storage), measures
 * the time from navigation start (performance.timeOrigin) until APP_READY is visible. The same is
 * measured for a trivial page of the same server (its plain-text 404) as the baseline, interleaved
 * run by run, and reported as ratios: these machines are shared and noisy, absolute figures are not
 * comparable between runs. Also reports the size of the client's JavaScript, raw and gzipped.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, Locator, Page } from "playwright-core";
import { clientDirectory, ensureClientBuilt, startApp } from "../support/app.ts";
import { launchBrowser, openPage } from "../support/browser.ts";
import { prepareScenario } from "./gridEdit.ts";
import { measureGridInteractions } from "./gridInteractions.ts";
import { measureServerScale } from "./serverScale.ts";

// ---- What is measured: change these when the UI changes. -------------------------------------

/** The page the benchmark opens. */
export const APP_PATH = "/#/scenario/aftale-2024";
/** "The app has loaded": the agreement's grid shows its rows and the pinned headroom row (the figures are in). */
export const APP_READY = (page: Page): Locator => page.locator('.ag-row[row-id="summary:headroom"] .ag-cell[col-id="y2024"]').filter({ hasText: "1,1" });

/** The baseline: a trivial page from the same server (sirv falls through to "Not found" for a missing file). */
export const BASELINE_PATH = "/bench-baseline-missing.txt";
export const BASELINE_READY = (page: Page): Locator => page.getByText("Not found");

// ------------------------------------------------------------------------------------------------

interface Options {
  runs: number;
  out?: string;
  /** Only the grid's interaction speed (edit and paste → totals), not load time, the API at scale or the bundle. */
  gridOnly: boolean;
}

function parseArguments(argv: string[]): Options {
  const options: Options = { runs: Number(process.env.BENCH_RUNS ?? 10), gridOnly: false };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === "--runs") options.runs = Number(argv[++index]);
    else if (argument === "--out") options.out = argv[++index];
    else if (argument === "--grid-only") options.gridOnly = true;
    else if (argument === "--help" || argument === "-h") {
      console.log("usage: node scripts/bench-client.mjs [--runs N (default 10)] [--grid-only] [--out results.json]");
      process.exit(0);
    } else throw new Error(`unknown argument ${argument}`);
  }
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error("--runs must be a positive integer");
  return options;
}

interface Sample {
  /** navigation start → ready locator visible */
  readyMs: number;
  domContentLoadedMs: number;
  loadMs: number;
}

/** One load in a fresh context: goto, wait for the ready locator, read the page's own clock. */
async function measure(browser: Browser, url: string, ready: (page: Page) => Locator, expectErrors = false): Promise<Sample> {
  const { context, page, errors } = await openPage(browser);
  try {
    await page.goto(url, { waitUntil: "commit" });
    await ready(page).waitFor({ state: "visible", timeout: 30_000 });
    const readyMs = await page.evaluate(() => performance.now());
    await page.waitForLoadState("load");
    const timing = await page.evaluate(() => {
      const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
      return { domContentLoadedMs: navigation?.domContentLoadedEventEnd ?? Number.NaN, loadMs: navigation?.loadEventEnd ?? Number.NaN };
    });
    if (errors.length > 0 && !expectErrors) console.error(`warning: errors while loading ${url}:\n  ${errors.join("\n  ")}`);
    return { readyMs, ...timing };
  } finally {
    await context.close();
  }
}

interface Stats {
  min: number;
  median: number;
  max: number;
}

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { min: sorted[0]!, median, max: sorted.at(-1)! };
}

const ms = (value: number) => value.toFixed(1);
const kB = (bytes: number) => (bytes / 1000).toFixed(1);

function bundleSizes() {
  const assets = path.join(clientDirectory, "dist", "assets");
  const files = readdirSync(assets)
    .filter((name) => name.endsWith(".js"))
    .sort()
    .map((name) => {
      const content = readFileSync(path.join(assets, name));
      return { file: name, raw: content.length, gzip: gzipSync(content).length };
    });
  const total = files.reduce((sum, file) => ({ raw: sum.raw + file.raw, gzip: sum.gzip + file.gzip }), { raw: 0, gzip: 0 });
  return { files, total };
}

/** Edit and paste → totals on screen, on the 25-line agreement and a 5,025-line what-if, against the in-page baseline. */
async function gridSection(browser: Browser, app: Awaited<ReturnType<typeof startApp>>, runs: number) {
  console.error("Grid interactions: preparing a 25-line and a 5,025-line what-if…");
  const small = await prepareScenario(app, "Bench 25 linjer", 0);
  const large = await prepareScenario(app, "Bench 5000 linjer", 5000);
  const smallSamples = await measureGridInteractions(browser, app, small, "vmk", runs);
  const largeSamples = await measureGridInteractions(browser, app, large, "bench-line-0", runs);
  const rows: Array<[string, number[], number[], number | null]> = [
    ["baseline (key → one text node written), 25 lines", smallSamples.baseline, smallSamples.baseline, null],
    ["edit → totals on screen, 25 lines", smallSamples.edit, smallSamples.baseline, 30],
    ["paste 25 × 4 → totals on screen, 25 lines", smallSamples.paste, smallSamples.baseline, 100],
    ["baseline (key → one text node written), 5,025 lines", largeSamples.baseline, largeSamples.baseline, null],
    ["edit → totals on screen, 5,025 lines", largeSamples.edit, largeSamples.baseline, 50],
    ["paste 25 × 4 → totals on screen, 5,025 lines", largeSamples.paste, largeSamples.baseline, 100],
  ];
  const lines = [
    `## The grid's interaction speed (${runs} runs each after one warm-up, in one page per scenario; ms, before the server answers)`,
    "",
    "The baseline is measured in the same page, interleaved run by run, by the same means (a key press, or the paste event, to a MutationObserver); the ratio is what to compare between runs.",
    "",
    "| measure | min | p50 | max | p50 ÷ baseline p50 | issue 18's target (p50) |",
    "|---|---:|---:|---:|---:|---:|",
    ...rows.map(([name, samples, base, target]) => {
      const s = stats(samples);
      return `| ${name} | ${ms(s.min)} | ${ms(s.median)} | ${ms(s.max)} | ${(s.median / stats(base).median).toFixed(1)} | ${target === null ? "" : `≤ ${target} ms`} |`;
    }),
  ];
  return { lines, samples: { small: smallSamples, large: largeSamples } };
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const built = ensureClientBuilt((line) => console.error(line));
  const app = await startApp();
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    if (options.gridOnly) {
      const grid = await gridSection(browser, app, options.runs);
      console.log([`Chromium ${browser.version()}, Node ${process.version}, 1280×800${built ? " (client just built)" : ""}.`, "", ...grid.lines].join("\n"));
      if (options.out) writeFileSync(options.out, JSON.stringify({ date: new Date().toISOString(), chromium: browser.version(), node: process.version, runs: options.runs, grid: grid.samples }, null, 2) + "\n");
      return;
    }
    const appUrl = app.baseUrl + APP_PATH;
    const baselineUrl = app.baseUrl + BASELINE_PATH;
    console.error(`Warming up, then ${options.runs} runs each of ${appUrl} and ${baselineUrl} (interleaved)…`);
    await measure(browser, baselineUrl, BASELINE_READY, true);
    await measure(browser, appUrl, APP_READY);
    const appSamples: Sample[] = [];
    const baselineSamples: Sample[] = [];
    for (let run = 0; run < options.runs; run++) {
      // The baseline is a 404 on purpose: Chromium logs "Failed to load resource" for it.
      baselineSamples.push(await measure(browser, baselineUrl, BASELINE_READY, true));
      appSamples.push(await measure(browser, appUrl, APP_READY));
    }

    const baseline = stats(baselineSamples.map((sample) => sample.readyMs));
    const rows: Array<[string, Stats]> = [
      ["baseline: 404 page, text visible", baseline],
      ["app: agreement grid with totals", stats(appSamples.map((sample) => sample.readyMs))],
      ["app: DOMContentLoaded", stats(appSamples.map((sample) => sample.domContentLoadedMs))],
      ["app: load event", stats(appSamples.map((sample) => sample.loadMs))],
    ];
    const grid = await gridSection(browser, app, options.runs);
    console.error("Server at scale: a 5,025-line what-if over HTTP…");
    const server = await measureServerScale(app, options.runs);
    const floor = stats(server[0]!.samples);
    const sizes = bundleSizes();
    const lines = [
      `## Client load time (${options.runs} runs, fresh context each, after one warm-up; ms from navigation start)`,
      "",
      `Chromium ${browser.version()}, Node ${process.version}, 1280×800, server on 127.0.0.1 with a fresh SQLite file${built ? " (client just built)" : ""}.`,
      "",
      "| measure | min | median | max | median ÷ baseline median | min ÷ baseline min |",
      "|---|---:|---:|---:|---:|---:|",
      ...rows.map(
        ([name, s]) =>
          `| ${name} | ${ms(s.min)} | ${ms(s.median)} | ${ms(s.max)} | ${(s.median / baseline.median).toFixed(2)} | ${(s.min / baseline.min).toFixed(2)} |`,
      ),
      "",
      ...grid.lines,
      "",
      `## The API at scale (${options.runs} runs after one warm-up; ms per request over HTTP on 127.0.0.1, one client)`,
      "",
      "| measure | min | median | max | median ÷ API floor median |",
      "|---|---:|---:|---:|---:|",
      ...server.map(({ name, samples }) => { const s = stats(samples); return `| ${name} | ${ms(s.min)} | ${ms(s.median)} | ${ms(s.max)} | ${(s.median / floor.median).toFixed(1)} |`; }),
      "",
      "## Client JavaScript (client/dist/assets/*.js; gzip = zlib default level)",
      "",
      "| file | raw kB | gzip kB |",
      "|---|---:|---:|",
      ...sizes.files.map((file) => `| ${file.file} | ${kB(file.raw)} | ${kB(file.gzip)} |`),
      `| **total** | **${kB(sizes.total.raw)}** | **${kB(sizes.total.gzip)}** |`,
    ];
    console.log(lines.join("\n"));
    if (options.out) {
      writeFileSync(
        options.out,
        JSON.stringify({ date: new Date().toISOString(), chromium: browser.version(), node: process.version, runs: options.runs, appSamples, baselineSamples, grid: grid.samples, server, bundle: sizes }, null, 2) + "\n",
      );
      console.error(`Wrote ${options.out}`);
    }
  } finally {
    await browser?.close();
    await app.stop();
  }
}

await main();
