/**
 * Importér in the planner: an exported workbook edited and dropped back in shows its preview (the
 * changed cell, the totals against the frame); closing stores nothing, applying makes one version;
 * a file that is not a workbook shows its located problem and cannot be applied. An applied import is
 * one undo step: Ctrl+Z takes every cell it changed back as one version, Ctrl+Y brings them again.
 */
import { ExcelJS } from "@ramme/server/exchange/index.ts";
import { expect, test } from "vitest";
import { clientOperationOverHttp } from "../support/graphqlHttp.ts";
import { screenshot } from "./support/browser.ts";
import { cellText, changedCells, focusCell, forkAndOpen, scenarioId } from "./support/grid.ts";
import { useE2E } from "./support/suite.ts";
import { ExportScenario, ForkScenario, forkedKey, gridScenario, ScenarioGridQuery } from "./support/clientOperations.ts";

const e2e = useE2E();
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function storedCells(baseUrl: string, key: string): Promise<Map<string, string>> {
  const { lines } = gridScenario(await clientOperationOverHttp(baseUrl, ScenarioGridQuery, { id: Buffer.from(`Scenario:${key}`).toString("base64") }));
  return new Map(lines.flatMap((line) => line.amounts.map((cell) => [`${line.initiative.key}:${cell.year}`, cell.amount] as const)));
}

/** The what-if's stored version. */
async function storedVersion(baseUrl: string, key: string): Promise<number> {
  return gridScenario(await clientOperationOverHttp(baseUrl, ScenarioGridQuery, { id: scenarioId(key) })).version;
}

/** The what-if exported as the planner exports it, with vmk's 2026 set to 7.5 (or the given cells: key → column → amount). */
async function editedExport(key: string, edits: Record<string, Record<number, number>> = { vmk: { 6: 7.5 } }): Promise<Buffer> {
  const exported = await clientOperationOverHttp(e2e.app.baseUrl, ExportScenario, { id: key, format: "XLSX", language: "DA", priceLevel: null });
  const workbook = new ExcelJS.Workbook();
  if (exported.exportScenario.__typename !== "ExportFile") throw new Error(`export refused: ${JSON.stringify(exported)}`);
  await workbook.xlsx.load(Buffer.from(exported.exportScenario.base64, "base64") as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  sheet.eachRow((row) => {
    for (const [column, amount] of Object.entries(edits[String(row.getCell(1).value)] ?? {})) row.getCell(Number(column)).value = amount;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test("import an edited workbook: preview, close with nothing stored, apply as one version; a bad file is refused", async () => {
  const { page, errors } = await e2e.open();
  const fork = await clientOperationOverHttp(e2e.app.baseUrl, ForkScenario, { input: { sourceId: "aftale-2024", name: "Modforslag" } });
  const key = forkedKey(fork);
  const before = await storedCells(e2e.app.baseUrl, key);
  const file = { name: "modforslag.xlsx", mimeType: XLSX, buffer: await editedExport(key) };

  await page.goto(`${e2e.app.baseUrl}/#/scenario/${key}`);
  await page.locator(".ag-row").first().waitFor();
  const picker = page.locator('input[type="file"]');
  await picker.setInputFiles(file);
  const dialog = page.getByRole("dialog", { name: "Importér modforslag.xlsx" });
  await dialog.getByText("1 linjer ændres, 0 kommer ind, 0 går ud").waitFor();
  await dialog.getByText("2,5 → 7,5").waitFor();
  await screenshot(page, "import-preview");
  await dialog.getByRole("button", { name: "Luk" }).click();
  await dialog.waitFor({ state: "detached" });
  expect(await storedCells(e2e.app.baseUrl, key)).toEqual(before);

  await picker.setInputFiles(file);
  await dialog.getByText("2,5 → 7,5").waitFor();
  await dialog.getByRole("button", { name: "Gem som én version" }).click();
  await dialog.waitFor({ state: "detached" });
  await expect.poll(async () => (await storedCells(e2e.app.baseUrl, key)).get("vmk:2026")).toBe("7.5");
  const after = await storedCells(e2e.app.baseUrl, key);
  expect([...after].filter(([cell, amount]) => before.get(cell) !== amount)).toEqual([["vmk:2026", "7.5"]]);

  await picker.setInputFiles({ name: "noter.xlsx", mimeType: XLSX, buffer: Buffer.from("ikke et regneark") });
  const refused = page.getByRole("dialog", { name: "Importér noter.xlsx" });
  await refused.getByText("Filen er ikke en Excel-projektmappe (.xlsx).").waitFor();
  expect(await refused.getByRole("button", { name: "Gem som én version" }).isDisabled()).toBe(true);
  await refused.getByRole("button", { name: "Luk" }).click();
  expect(await storedCells(e2e.app.baseUrl, key)).toEqual(after);
  expect(errors).toEqual([]);
});

test("an applied import is one undo step: Ctrl+Z takes all its cells back as one version, Ctrl+Y applies them again", async () => {
  const { page, key, before, lineKeys, errors } = await forkAndOpen(e2e, "Import fortrydes");
  // A typed edit first: Ctrl+Z after the import must take the import back, not this edit.
  await focusCell(page, "vmk", "y2024");
  await page.keyboard.type("8");
  await page.keyboard.press("Enter");
  await expect.poll(async () => changedCells(before, await storedCells(e2e.app.baseUrl, key))).toEqual(["vmk:2024"]);
  const typed = await storedCells(e2e.app.baseUrl, key);
  const other = lineKeys.find((line) => line !== "vmk")!;
  // Columns 4–7 are 2024–2027 in the export.
  const buffer = await editedExport(key, { vmk: { 6: 7.5, 7: 3.3 }, [other]: { 5: 1.1 } });

  await page.locator('input[type="file"]').setInputFiles({ name: "modforslag.xlsx", mimeType: XLSX, buffer });
  const dialog = page.getByRole("dialog", { name: "Importér modforslag.xlsx" });
  await dialog.getByText("2 linjer ændres, 0 kommer ind, 0 går ud").waitFor();
  const versionBefore = await storedVersion(e2e.app.baseUrl, key);
  await dialog.getByRole("button", { name: "Gem som én version" }).click();
  await dialog.waitFor({ state: "detached" });
  const importedCells = [`${other}:2025`, "vmk:2026", "vmk:2027"].sort();
  await expect.poll(async () => changedCells(typed, await storedCells(e2e.app.baseUrl, key))).toEqual(importedCells);
  const imported = await storedCells(e2e.app.baseUrl, key);
  expect(await storedVersion(e2e.app.baseUrl, key)).toBe(versionBefore + 1);
  // The grid shows the import (it reloaded) before the key is pressed.
  await expect.poll(() => cellText(page, "vmk", "y2026")).toBe("7,5");

  await page.keyboard.press("Control+z");
  await page.getByText("Fortrudt.").waitFor();
  // Every cell of the import back, the typed edit kept, in one new version.
  expect(await storedCells(e2e.app.baseUrl, key)).toEqual(typed);
  expect(await storedVersion(e2e.app.baseUrl, key)).toBe(versionBefore + 2);

  await page.keyboard.press("Control+y");
  await page.getByText("Gentaget.").waitFor();
  expect(await storedCells(e2e.app.baseUrl, key)).toEqual(imported);
  expect(await storedVersion(e2e.app.baseUrl, key)).toBe(versionBefore + 3);
  expect(errors).toEqual([]);
});
