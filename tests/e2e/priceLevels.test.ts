/**
 * Price levels in the browser: enter an index for 2026 (106,5 against 2024 = 100, so every amount × 1,065),
 * then read the agreement, a what-if and the comparison in 2026-pl. By hand from the agreement's table:
 * vmk 3,5 → 3,7275 and 2,5 → 2,6625, its total 11 → 11,715; the 2024 lines 98,9 → 105,3285 against a frame of
 * 100 → 106,5, headroom 1,1 → 1,1715; the proposal's reserve 7,6 / 6,1 / 7,3 / 6,8 → 8,094 / 6,4965 / 7,7745 / 7,242.
 */
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { screenshot, forkFromGrid } from "./support/browser.ts";
import { useE2E } from "./support/suite.ts";

const e2e = useE2E();

const cell = (page: Page, rowId: string, colId: string) => page.locator(`.ag-row[row-id="${rowId}"] .ag-cell[col-id="${colId}"]`);
const cellText = async (page: Page, rowId: string, colId: string) => ((await cell(page, rowId, colId).textContent()) ?? "").trim();
const SOURCE = "Finansministeriets pris- og lønskøn (testtal)";

test("enter an index on the Prisniveauer page: a wrong value is refused at its field, a right one is listed with its source", async () => {
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/#/`);
  await page.getByRole("link", { name: "Prisniveauer" }).click();
  const table = page.locator(".price-index-table");
  await table.getByText("basisår, fast").waitFor();
  expect(await table.locator("tbody tr").first().textContent()).toContain("2024-pl");

  await page.getByLabel("År", { exact: true }).fill("2026");
  await page.getByLabel("Indeks (2024 = 100)").fill("0");
  await page.getByLabel("Kilde", { exact: true }).fill(SOURCE);
  await page.getByRole("button", { name: "Gem indeks" }).click();
  await page.locator(".price-index-form small.error").getByText("Indekset skal være et tal over 0 med højst 4 decimaler, fx 103,2.").waitFor();
  expect(await table.locator("tbody tr").count()).toBe(1);

  await page.getByLabel("Indeks (2024 = 100)").fill("106,5");
  await page.getByRole("button", { name: "Gem indeks" }).click();
  await page.getByText("Indekset for 2026 er gemt: 106,5.").waitFor();
  const row = table.locator("tbody tr", { hasText: "2026-pl" });
  await row.waitFor();
  expect(await row.locator("td.number").textContent()).toBe("106,5");
  expect(await row.locator("td.source").textContent()).toBe(SOURCE);
  await page.getByText(/Lokal bruger satte 2026 til 106,5/).waitFor();
  await screenshot(page, "price-levels-page");
  expect(errors).toEqual([]);
});

test("the agreement in 2026-pl: converted lines, totals, frame and headroom, labelled, and exported as shown", async () => {
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/#/scenario/aftale-2024`);
  await cell(page, "vmk", "y2024").waitFor();
  expect(await cellText(page, "vmk", "y2024")).toBe("3,5");
  await page.getByLabel("Prisniveau", { exact: true }).selectOption("2026");
  await page.getByText("Vist i 2026-priser — redigering i 2024-pl").waitFor();
  await expect.poll(() => cellText(page, "vmk", "y2024")).toBe("3,7275");
  expect(await cellText(page, "vmk", "y2025")).toBe("2,6625");
  expect(await cellText(page, "vmk", "total")).toBe("11,715");
  expect(await cellText(page, "summary:allocated", "y2024")).toBe("105,3285");
  expect(await cellText(page, "summary:frame", "y2024")).toBe("106,5");
  expect(await cellText(page, "summary:headroom", "y2024")).toBe("1,1715");
  expect(await cellText(page, "summary:headroom", "y2025")).toBe("0,0");
  // The printed totals are the document's own 2024-pl figures: not shown in another level.
  expect(await page.locator('.ag-row[row-id="summary:stated"]').count()).toBe(0);
  await page.getByText(/Beløb × 106,5 \/ 100 \(indeks 2026: Finansministeriets/).waitFor();
  await screenshot(page, "price-levels-agreement-2026-pl");

  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Eksportér CSV" }).click()]);
  expect(csv.suggestedFilename()).toBe("aftale-om-strategi-for-life-science-21-november-2024-2026-pl.csv");
  const text = await readFile((await csv.path())!, "utf8");
  expect(text).toContain("\r\nPrisniveau;2026-pl;");
  expect(text).toMatch(/\r\nvmk;[^\r]*;3,7275;2,6625;2,6625;2,6625;11,715\r\n/);

  await page.getByLabel("Prisniveau", { exact: true }).selectOption({ label: "2024-pl (gemte beløb)" });
  await expect.poll(() => cellText(page, "vmk", "y2024")).toBe("3,5");
  expect(await page.getByText("Vist i 2026-priser — redigering i 2024-pl").count()).toBe(0);
  expect(errors).toEqual([]);
});

test("a what-if shown in 2026-pl cannot be edited; back in 2024-pl it can", async () => {
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/#/scenario/aftale-2024`);
  await forkFromGrid(page);
  await page.getByRole("button", { name: "Fortryd" }).waitFor();
  await page.getByLabel("Prisniveau", { exact: true }).selectOption("2026");
  await expect.poll(() => cellText(page, "vmk", "y2024")).toBe("3,7275");
  expect(await page.getByRole("button", { name: "Fortryd" }).count()).toBe(0);
  await cell(page, "vmk", "y2025").dblclick();
  await page.keyboard.type("9");
  await page.keyboard.press("Enter");
  expect(await page.locator(".ag-cell-inline-editing").count()).toBe(0);
  expect(await cellText(page, "vmk", "y2025")).toBe("2,6625");

  await page.getByLabel("Prisniveau", { exact: true }).selectOption({ label: "2024-pl (gemte beløb)" });
  await expect.poll(() => cellText(page, "vmk", "y2025")).toBe("2,5");
  await page.getByRole("button", { name: "Fortryd" }).waitFor();
  expect(errors).toEqual([]);
});

test("the comparison in 2026-pl tells the removed reserve in 2026 prices", async () => {
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/#/compare?base=regeringens-udspil-2024&others=aftale-2024`);
  await page.getByText("Reserven på 7,6 mio. kr. i 2024, 6,1 i 2025, 7,3 i 2026 og 6,8 i 2027 er fjernet.").waitFor();
  await page.getByLabel("Prisniveau", { exact: true }).selectOption("2026");
  await page.getByText("Reserven på 8,094 mio. kr. i 2024, 6,4965 i 2025, 7,7745 i 2026 og 7,242 i 2027 er fjernet.").waitFor();
  await page.getByText("Vist i 2026-priser — redigering i 2024-pl").waitFor();
  await page.locator(".ag-row").first().waitFor();
  await screenshot(page, "price-levels-compare-2026-pl");
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Eksportér CSV" }).click()]);
  expect(csv.suggestedFilename()).toBe("sammenligning-regeringens-udspil-november-2024-2026-pl.csv");
  expect(await readFile((await csv.path())!, "utf8")).toMatch(/\r\nreserve;[^\r]*;8,094;6,4965;7,7745;7,242;29,607;/);
  expect(errors).toEqual([]);
});
