/**
 * The planner's grid in e2e tests: a fresh what-if forked through the API and opened in a page,
 * cells found by their row's id and column, and the stored cells read back through the API (what
 * the server holds, not what the grid shows).
 */
import { expect } from "vitest";
import type { Page } from "playwright-core";
import { clientOperationOverHttp } from "../../support/graphqlHttp.ts";
import type { OpenedPage } from "./browser.ts";
import type { E2E } from "./suite.ts";
import { ForkScenario, forkedKey, gridScenario, ScenarioGridQuery } from "./clientOperations.ts";

/** A cell by its row's id (an initiative's key, "theme:<key>", "summary:…") and its column ("y2024", "total"). */
export const cell = (page: Page, rowId: string, colId: string) => page.locator(`.ag-row[row-id="${rowId}"] .ag-cell[col-id="${colId}"]`);
export const cellText = async (page: Page, rowId: string, colId: string) => ((await cell(page, rowId, colId).textContent()) ?? "").trim();

/** Clicks a cell and waits until the grid has focused it (AG Grid moves focus after the click's events). */
export async function focusCell(page: Page, rowId: string, colId: string): Promise<void> {
  await cell(page, rowId, colId).click();
  await expect.poll(() => cell(page, rowId, colId).getAttribute("class")).toContain("ag-cell-focus");
}

/** Waits until the grid's focused cell is this one (after a key moved it). */
export async function expectFocusAt(page: Page, rowId: string, colId: string): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => { const focused = document.querySelector(".ag-cell-focus"); return focused ? `${focused.closest(".ag-row")?.getAttribute("row-id")}/${focused.getAttribute("col-id")}` : "none"; }))
    .toBe(`${rowId}/${colId}`);
}

export const scenarioId = (key: string) => Buffer.from(`Scenario:${key}`).toString("base64");

/** The stored amount of every cell of a scenario, read through the API as the grid reads it: "vmk:2024" → "3.5". */
/**
 * The body rows' ids in the order shown (theme headings as `theme:<key>`). Body rows carry their
 * displayed position in row-index (pinned rows have "b-0" and the like); a row appears once per
 * column section. Only drawn rows count: make the window tall enough to draw them all.
 */
export function shownRowOrder(page: Page): Promise<string[]> {
  return page.locator(".ag-row[row-index]").evaluateAll((rows) => {
    const byIndex = new Map<number, string>();
    for (const row of rows) {
      const index = Number(row.getAttribute("row-index"));
      if (Number.isInteger(index)) byIndex.set(index, row.getAttribute("row-id")!);
    }
    return [...byIndex].sort(([left], [right]) => left - right).map(([, id]) => id);
  });
}

export async function storedCells(baseUrl: string, key: string): Promise<Map<string, string>> {
  const { lines } = gridScenario(await clientOperationOverHttp(baseUrl, ScenarioGridQuery, { id: scenarioId(key) }));
  return new Map(lines.flatMap((line) => line.amounts.map((entry) => [`${line.initiative.key}:${entry.year}`, entry.amount] as const)));
}

/** The cells whose stored amount differs between two readings, sorted ("vmk:2024"). */
export function changedCells(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  return [...after].filter(([cellId, amount]) => before.get(cellId) !== amount).map(([cellId]) => cellId).sort();
}

/** Pastes clipboard text onto the grid as Excel's Ctrl+V does (a paste event carrying text/plain). */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData("text/plain", pasted);
    document.querySelector(".grid-wrap")!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

export interface OpenedWhatIf extends OpenedPage {
  key: string;
  /** The stored cells right after the fork. */
  before: Map<string, string>;
  /** The lines in the grid's (document) order, and the frame's years. */
  lineKeys: string[];
  years: number[];
}

/**
 * Forks the agreement through the API under `name`, opens the fork's grid in a fresh page (in
 * English with `locale: "en"`) and waits for its first line.
 */
export async function forkAndOpen(e2e: E2E, name: string, options: { locale?: "da" | "en"; viewport?: { width: number; height: number } } = {}): Promise<OpenedWhatIf> {
  const fork = await clientOperationOverHttp(e2e.app.baseUrl, ForkScenario, { input: { sourceId: "aftale-2024", name } });
  const key = forkedKey(fork);
  const grid = await clientOperationOverHttp(e2e.app.baseUrl, ScenarioGridQuery, { id: scenarioId(key) });
  const position = new Map(grid.themes.map((theme) => [theme.key, theme.position]));
  const { lines, frame } = gridScenario(grid);
  // Lines under their themes in the themes' order, each theme's lines in the scenario's order (as the grid shows them).
  const lineKeys = lines
    .map((line, index) => ({ key: line.initiative.key, theme: position.get(line.initiative.theme.key) ?? 0, index }))
    .sort((a, b) => a.theme - b.theme || a.index - b.index)
    .map((line) => line.key);
  const years = frame.years.map((entry) => entry.year);
  const before = await storedCells(e2e.app.baseUrl, key);
  const opened = await e2e.open();
  if (options.viewport) await opened.page.setViewportSize(options.viewport);
  if (options.locale === "en") {
    await opened.context.addInitScript(() => localStorage.setItem("ramme.locale", "en"));
  }
  await opened.page.goto(`${e2e.app.baseUrl}/#/scenario/${key}`);
  await opened.page.locator(`.ag-row[row-id="${lineKeys[0]}"]`).waitFor();
  return { ...opened, key, before, lineKeys, years };
}
