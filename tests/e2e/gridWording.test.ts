/**
 * People read titles, not keys; counts are grammatical; status lines follow the language (issue 19):
 * history and conflict name initiatives by title, documents are named by title and date, a baseline
 * is dated by its document, forking from the grid asks for a name and a what-if is renamed from its
 * own page — each checked in real Chromium, stored values read back through the API.
 */
import { expect, test } from "vitest";
import type { Page } from "playwright-core";
import { clientOperationOverHttp } from "../support/graphqlHttp.ts";
import { forkFromGrid, screenshot } from "./support/browser.ts";
import { useE2E } from "./support/suite.ts";
import { ForkScenario, forkedKey, gridScenario, ScenarioGridQuery, SetAllocations } from "./support/clientOperations.ts";

const e2e = useE2E();

const VMK_TITLE = "Oprette en fjerde Videnskabsetisk Medicinsk Komité (VMK) og igangsætte analyse på det videnskabsetiske område";
const cell = (page: Page, rowId: string, colId: string) => page.locator(`.ag-row[row-id="${rowId}"] .ag-cell[col-id="${colId}"]`);
const scenarioId = (key: string) => Buffer.from(`Scenario:${key}`).toString("base64");

async function focusCell(page: Page, rowId: string, colId: string) {
  await cell(page, rowId, colId).click();
  await expect.poll(() => cell(page, rowId, colId).getAttribute("class")).toContain("ag-cell-focus");
}

test("a count is grammatical in both languages, and the status line follows a switch of language", async () => {
  const { page, context, errors } = await e2e.open();
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(`${e2e.app.baseUrl}/#/scenario/aftale-2024`);
  await page.locator('.ag-row[row-id="vmk"]').waitFor();
  await focusCell(page, "vmk", "y2024");
  await page.keyboard.press("Control+c");
  await expect.poll(() => page.locator(".status").textContent()).toBe("1 celle kopieret.");
  // The message was kept, not its words: switching language rewords it.
  await page.getByRole("button", { name: "English" }).click();
  await expect.poll(() => page.locator(".status").textContent()).toBe("1 cell copied.");
  await focusCell(page, "vmk", "y2024");
  await page.keyboard.down("Shift");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.up("Shift");
  await page.keyboard.press("Control+c");
  await expect.poll(() => page.locator(".status").textContent()).toBe("2 cells copied.");
  await page.getByRole("button", { name: "Dansk" }).click();
  await expect.poll(() => page.locator(".status").textContent()).toBe("2 celler kopieret.");
  expect(errors).toEqual([]);
});

test("the history names a changed cell's initiative by its title, shortened with the full title on hover, never by its key", async () => {
  const fork = await clientOperationOverHttp(e2e.app.baseUrl, ForkScenario, { input: { sourceId: "aftale-2024", name: "Titler i historikken" } });
  const key = forkedKey(fork);
  const edit = await clientOperationOverHttp(e2e.app.baseUrl, SetAllocations, { input: { scenarioId: key, expectedVersion: 1, cells: [{ initiativeId: "vmk", year: 2025, amount: "4.0" }] } });
  expect(edit.setAllocations.__typename).toBe("ScenarioEdit");
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/#/scenario/${key}`);
  await page.locator('.ag-row[row-id="vmk"]').waitFor();
  await page.getByRole("button", { name: "Historik", exact: true }).click();
  const panel = page.locator(".history-panel");
  await panel.getByText("1 celle", { exact: true }).click();
  const entry = panel.locator("details li").first();
  await expect.poll(() => entry.textContent()).toBe("Oprette en fjerde Videnskabsetisk Medicinsk… 2025: 2,5 → 4,0");
  expect(await entry.locator(".short-title").getAttribute("title")).toBe(VMK_TITLE);
  expect(await panel.textContent()).not.toMatch(/\bvmk\b/);
  await screenshot(page, "wording-history-titles");
  expect(errors).toEqual([]);
});

test("forking from the grid asks for a name; the what-if is renamed from its own page, and the API stores both", async () => {
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/#/scenario/aftale-2024`);
  await page.locator('.ag-row[row-id="vmk"]').waitFor();
  await page.getByRole("button", { name: "Lav et alternativ for at redigere" }).click();
  const dialog = page.getByRole("dialog", { name: /^Nyt alternativ fra/ });
  expect(await dialog.getByLabel("Navn").inputValue()).toBe("Aftale om strategi for life science (21. november 2024) – alternativ");
  await screenshot(page, "wording-fork-dialog");
  await dialog.getByRole("button", { name: "Annullér" }).or(dialog.getByRole("button", { name: "Luk" })).first().click();
  await expect.poll(() => page.getByRole("dialog").count()).toBe(0);
  await forkFromGrid(page, "Vores bud");
  const key = decodeURIComponent(new URL(page.url()).hash.replace("#/scenario/", ""));
  const stored = async () => gridScenario(await clientOperationOverHttp(e2e.app.baseUrl, ScenarioGridQuery, { id: scenarioId(key) })).name;
  expect(await stored()).toBe("Vores bud");

  await page.getByRole("button", { name: "Omdøb" }).click();
  const rename = page.getByRole("dialog", { name: "Omdøb »Vores bud«" });
  await rename.getByLabel("Navn").fill("Vores endelige bud");
  await rename.getByRole("button", { name: "Gem" }).click();
  await page.getByRole("heading", { name: "Vores endelige bud", exact: true }).waitFor();
  expect(await stored()).toBe("Vores endelige bud");
  expect(errors).toEqual([]);
});

test("the consistency report and the grid's sources name a document by its title and date, never its file name; a baseline is dated by its document", async () => {
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/#/consistency/aftale-2024`);
  const intro = page.locator(".consistency-intro");
  await intro.waitFor();
  expect(await intro.textContent()).toContain("Aftale om strategi for life science 2024-2027, 21. november 2024");
  const report = (await page.locator(".consistency-view").textContent()) ?? "";
  expect(report).not.toMatch(/\.(pdf|md|txt|docx?|xlsx)\b/i);
  await screenshot(page, "wording-consistency");

  // The grid's source tooltip on a line's title.
  await page.goto(`${e2e.app.baseUrl}/#/scenario/aftale-2024`);
  await cell(page, "vmk", "title").hover();
  const tooltip = page.locator(".ag-tooltip");
  await tooltip.waitFor();
  const text = (await tooltip.textContent()) ?? "";
  expect(text).toContain(VMK_TITLE);
  expect(text).toMatch(/Kilde: .*, \d{1,2}\. \w+ \d{4}/);
  expect(text).not.toMatch(/\.(pdf|md|txt|docx?)\b/i);

  // The scenario list dates the baseline by its document, not by the day the database was seeded.
  await page.goto(`${e2e.app.baseUrl}/`);
  // The baseline's own row (forks of it name it as their parent too), listed before them.
  const row = page.getByRole("row", { name: /Aftale om strategi for life science \(21\. november 2024\)/ }).first();
  await row.getByText("21. november 2024 (dokumentets dato)").waitFor();
  expect(await row.textContent()).not.toContain(new Intl.DateTimeFormat("da-DK", { dateStyle: "medium" }).format(new Date()));
  expect(errors).toEqual([]);
});
