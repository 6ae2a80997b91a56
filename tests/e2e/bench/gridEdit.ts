/**
 * Edit latency in the browser: from the Enter that ends typing a cell to the moment the pinned
 * headroom row shows the new figure (the local, optimistic total — the server's answer comes
 * after). Measured on a what-if of the 25-line agreement (the baseline of the same run) and on a
 * what-if of 5,000 lines, each run a different amount so the total always changes.
 */
import Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import type { RunningApp } from "../support/app.ts";
import { openPage } from "../support/browser.ts";

const HEADROOM_2024 = '.ag-row[row-id="summary:headroom"] .ag-cell[col-id="y2024"]';

/** Forks the agreement through the API and, for `extraLines` > 0, adds that many lines straight into the SQLite file. */
export async function prepareScenario(app: RunningApp, name: string, extraLines: number): Promise<string> {
  const response = await fetch(`${app.baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: `mutation($input: ForkScenarioInput!) { forkScenario(input: $input) { ... on ScenarioEdit { scenario { key } } } }`,
      variables: { input: { sourceId: "aftale-2024", name } },
    }),
  });
  const key = ((await response.json()) as { data: { forkScenario: { scenario: { key: string } } } }).data.forkScenario.scenario.key;
  if (extraLines > 0) {
    const db = new Database(app.databaseFile);
    db.pragma("busy_timeout = 5000");
    const themes = (db.prepare(`SELECT id FROM "Theme" ORDER BY position`).all() as Array<{ id: string }>).map((row) => row.id);
    const addInitiative = db.prepare(`INSERT OR IGNORE INTO "Initiative" (id, themeId, title, sources, createdAt) VALUES (?, ?, ?, '[]', CURRENT_TIMESTAMP)`);
    const addLine = db.prepare(`INSERT INTO "ScenarioLine" (scenarioId, initiativeId, position) VALUES (?, ?, ?)`);
    const addCell = db.prepare(`INSERT INTO "Allocation" (scenarioId, initiativeId, year, amount) VALUES (?, ?, ?, ?)`);
    db.transaction(() => {
      for (let index = 0; index < extraLines; index += 1) {
        const id = `bench-line-${index}`;
        // Line 0 goes to the first theme on screen, so it is in view when the grid opens.
        addInitiative.run(id, themes[index % themes.length], `Syntetisk linje ${index + 1}`);
        addLine.run(key, id, 1000 + index);
        for (const year of [2024, 2025, 2026, 2027]) addCell.run(key, id, year, BigInt(index % 7) * 10_000_000n);
      }
    })();
    db.close();
  }
  return key;
}

/** `runs` edits of one line's 2024 cell (a line in view when the grid opens) in one page, each timed in the page from Enter to the headroom cell's new text. */
export async function measureEdits(browser: Browser, app: RunningApp, scenarioKey: string, rowId: string, runs: number): Promise<number[]> {
  const { context, page } = await openPage(browser);
  try {
    await page.goto(`${app.baseUrl}/#/scenario/${scenarioKey}`);
    await page.locator(HEADROOM_2024).waitFor({ timeout: 60_000 });
    await page.evaluate((selector) => {
      const state = window as unknown as { enterAt: number; changedAt: number };
      document.addEventListener("keydown", (event) => { if (event.key === "Enter") state.enterAt = performance.now(); }, true);
      let last = document.querySelector(selector)?.textContent;
      new MutationObserver(() => {
        const text = document.querySelector(selector)?.textContent;
        if (text !== last) {
          last = text;
          state.changedAt = performance.now();
        }
      }).observe(document.querySelector(".ag-root")!, { subtree: true, childList: true, characterData: true });
    }, HEADROOM_2024);
    const samples: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      await page.locator(`.ag-row[row-id="${rowId}"] .ag-cell[col-id="y2024"]`).click();
      await page.evaluate(() => { (window as unknown as { changedAt: number }).changedAt = 0; });
      await page.keyboard.type(`${4 + (run % 5)},${run % 10}`);
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => (window as unknown as { changedAt: number }).changedAt > 0);
      samples.push(await page.evaluate(() => { const state = window as unknown as { enterAt: number; changedAt: number }; return state.changedAt - state.enterAt; }));
      await waitForSaved(page);
    }
    return samples;
  } finally {
    await context.close();
  }
}

async function waitForSaved(page: Page) {
  await page.getByText(/Gemt · version \d+/).waitFor({ timeout: 30_000 });
}
