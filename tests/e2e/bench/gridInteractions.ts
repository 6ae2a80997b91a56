/**
 * The grid's interaction speed in real Chromium, each figure beside a baseline measured in the same
 * page in the same run (these machines are shared and noisy; absolute figures differ between runs):
 *
 * - baseline: a key press whose handler writes one text node, seen by the same MutationObserver —
 *   the floor of this way of measuring (a trivial DOM round trip in the same page);
 * - edit: from the Enter that ends typing a cell to the pinned headroom row showing the new figure
 *   (the local, optimistic total — the server's answer comes after);
 * - paste: from the paste event of a 25 × 4 block (Excel's tab-separated text) on the first line's
 *   first year to the headroom row showing the new figure.
 *
 * Runs interleave baseline, edit and paste, each with a different amount so the total always changes,
 * and wait for the server's answer between runs.
 */
import type { Browser, Page } from "playwright-core";
import type { RunningApp } from "../support/app.ts";
import { openPage } from "../support/browser.ts";

const HEADROOM_2024 = '.ag-row[row-id="summary:headroom"] .ag-cell[col-id="y2024"]';

export interface GridInteractionSamples {
  baseline: number[];
  edit: number[];
  paste: number[];
}

type BenchWindow = Window & { benchStart: number; benchChanged: number; benchProbe: number };

/** A 25 × 4 block of tab-separated amounts, different for each run. */
const block = (run: number) => Array.from({ length: 25 }, (_, row) => Array.from({ length: 4 }, (_, column) => `${(run % 7) + 1},${(row + column + run) % 10}`).join("\t")).join("\r\n") + "\r\n";

export async function measureGridInteractions(browser: Browser, app: RunningApp, scenarioKey: string, rowId: string, runs: number): Promise<GridInteractionSamples> {
  const { context, page } = await openPage(browser);
  try {
    await page.goto(`${app.baseUrl}/#/scenario/${scenarioKey}`);
    await page.locator(HEADROOM_2024).waitFor({ timeout: 60_000 });
    await page.evaluate((selector) => {
      const state = window as unknown as BenchWindow;
      const probe = document.body.appendChild(document.createElement("div"));
      probe.setAttribute("aria-hidden", "true");
      state.benchProbe = 0;
      document.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === "F9") state.benchStart = performance.now();
      }, true);
      // The baseline's handler: one text node written.
      document.addEventListener("keydown", (event) => {
        if (event.key === "F9") probe.textContent = String((state.benchProbe += 1));
      });
      new MutationObserver(() => { state.benchChanged = performance.now(); }).observe(probe, { childList: true, characterData: true, subtree: true });
      let last = document.querySelector(selector)?.textContent;
      new MutationObserver(() => {
        const text = document.querySelector(selector)?.textContent;
        if (text !== last) {
          last = text;
          state.benchChanged = performance.now();
        }
      }).observe(document.querySelector(".ag-root")!, { subtree: true, childList: true, characterData: true });
    }, HEADROOM_2024);
    const reset = () => page.evaluate(() => { (window as unknown as BenchWindow).benchChanged = 0; });
    const elapsed = async () => {
      await page.waitForFunction(() => (window as unknown as BenchWindow).benchChanged > 0, undefined, { timeout: 30_000 });
      return page.evaluate(() => { const state = window as unknown as BenchWindow; return state.benchChanged - state.benchStart; });
    };
    const samples: GridInteractionSamples = { baseline: [], edit: [], paste: [] };
    await page.getByText(/Gemt · version \d+/).waitFor({ timeout: 30_000 });
    for (let run = -1; run < runs; run += 1) {
      // Baseline.
      await reset();
      await page.keyboard.press("F9");
      const baseline = await elapsed();
      // Edit.
      await page.locator(`.ag-row[row-id="${rowId}"] .ag-cell[col-id="y2024"]`).click();
      await reset();
      // Its decimal is never the one the previous round's paste left in the cell (that one's is (run + 10) % 10),
      // so every edit changes the cell and its totals.
      await page.keyboard.type(`${4 + ((run + 5) % 5)},${(run + 5) % 10}`);
      await page.keyboard.press("Enter");
      const edit = await elapsed();
      await waitForSaved(page);
      // Paste, from the same line's first year.
      await page.locator(`.ag-row[row-id="${rowId}"] .ag-cell[col-id="y2024"]`).click();
      await reset();
      await page.evaluate((text) => {
        const data = new DataTransfer();
        data.setData("text/plain", text);
        (window as unknown as BenchWindow).benchStart = performance.now();
        document.querySelector(".grid-wrap")!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
      }, block(run + 1));
      const paste = await elapsed();
      await waitForSaved(page);
      // The first round warms up.
      if (run >= 0) {
        samples.baseline.push(baseline);
        samples.edit.push(edit);
        samples.paste.push(paste);
      }
    }
    return samples;
  } finally {
    await context.close();
  }
}

/**
 * Waits until the server has answered: the status line said "Gemmer …" from the same render that
 * moved the headroom (already seen), and says something else once the answer is in.
 */
async function waitForSaved(page: Page): Promise<void> {
  await page.waitForFunction(() => !(document.querySelector("p.status")?.textContent ?? "").includes("Gemmer"), undefined, { timeout: 30_000 });
}
