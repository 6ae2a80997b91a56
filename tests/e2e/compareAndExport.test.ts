/** Comparing the two baselines in the browser, and exporting what is on screen to a file that reads back. */
import { readFile } from "node:fs/promises";
import { ExcelJS } from "@ramme/server/exchange/index.ts";
import { expect, test } from "vitest";
import { screenshot } from "./support/browser.ts";
import { useE2E } from "./support/suite.ts";

const e2e = useE2E();

test("compare the proposal with the agreement: the six added lines and the removed reserve are marked, and the summary tells it", async () => {
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/#/compare?base=regeringens-udspil-2024&others=aftale-2024`);
  await page.getByText("6 linjer tilføjet, 1 fjernet og 1 ændret.").waitFor();
  await page.getByText("Reserven på 7,6 mio. kr. i 2024, 6,1 i 2025, 7,3 i 2026 og 6,8 i 2027 er fjernet.").waitFor();
  await page.locator(".ag-row").first().waitFor();
  await page.getByText("6 tilføjet", { exact: true }).waitFor();
  await page.getByText("1 fjernet", { exact: true }).waitFor();
  // The grid renders the rows in view; scroll through it and collect the lines carrying each badge.
  const marked = await page.evaluate(async () => {
    const viewport = document.querySelector(".ag-body-vertical-scroll-viewport")!;
    const seen = { added: new Set<string>(), removed: new Set<string>() };
    for (let top = 0; top <= viewport.scrollHeight; top += 150) {
      viewport.scrollTop = top;
      await new Promise((resolve) => setTimeout(resolve, 60));
      for (const row of document.querySelectorAll(".ag-row[row-id]")) {
        const text = row.textContent ?? "";
        if (text.includes("Tilføjet")) seen.added.add(row.getAttribute("row-id")!);
        if (text.includes("Fjernet")) seen.removed.add(row.getAttribute("row-id")!);
      }
    }
    return { added: [...seen.added].sort(), removed: [...seen.removed] };
  });
  expect(marked).toEqual({
    added: ["byspildevand", "eu-formandskab", "gebyrreduktion-medicinsk-udstyr", "klinisk-forskning-analyse", "life-science-ude-i-landet", "sundhedsdata-tillid"],
    removed: ["reserve"],
  });
  await screenshot(page, "compare-baselines");
  expect(errors).toEqual([]);
});

test("the same comparison in English after switching the language", async () => {
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/#/compare?base=regeringens-udspil-2024&others=aftale-2024`);
  await page.getByRole("button", { name: "English" }).click();
  await page.getByText("6 lines added, 1 removed and 1 changed.").waitFor();
  await screenshot(page, "compare-baselines-en");
  expect(errors).toEqual([]);
});

test("export the agreement to Excel from the grid and read the file back: the lines and the totals are there", async () => {
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/#/scenario/aftale-2024`);
  await page.locator(".ag-row").first().waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Eksportér Excel" }).click()]);
  expect(download.suggestedFilename()).toBe("aftale-om-strategi-for-life-science-21-november-2024.xlsx");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  // Totals are formulas: their cached results (exceljs reads a cached 0 back as no result).
  const shown = (value: unknown) => (value !== null && typeof value === "object" && "formula" in value ? ((value as { result?: unknown }).result ?? 0) : value);
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(shown)));
  expect(rows.find((row) => row[0] === "vmk")?.slice(3)).toEqual([3.5, 2.5, 2.5, 2.5, 11]);
  expect(rows.find((row) => row[2] === "Råderum")?.slice(3)).toEqual([1.1, 0, 0, 0, 1.1]);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Aftale om strategi for life sci", "Kilder"]);

  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Eksportér CSV" }).click()]);
  const text = await readFile((await csv.path())!, "utf8");
  expect(text).toContain("trial-nation;Styrket forskning og bedre brug af sundhedsdata;Videreudvikle Trial Nation;4,7;4,7;4,7;4,7;18,8");
  expect(errors).toEqual([]);
});
