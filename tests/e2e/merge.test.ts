/**
 * "Bring ændringer over til …" in the planner: two what-ifs forked from the agreement in the grid, each
 * edited; the source's changes brought over to the target without conflicts, then with conflicts
 * resolved one by "mine" and one by a typed value, then refused because the target changed meanwhile
 * (nothing stored, the preview loaded again, brought over, and undone in the target's grid). Every
 * result is read back through the API. Screenshots of the dialog at 1280 and 1920 px, Danish and English.
 */
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { clientOperationOverHttp } from "../support/graphqlHttp.ts";
import { seriousViolations } from "./support/axe.ts";
import { forkFromGrid, screenshot, toolbarAction } from "./support/browser.ts";
import { cellText, focusCell, scenarioId, storedCells } from "./support/grid.ts";
import { useE2E } from "./support/suite.ts";
import { gridScenario, ScenarioGridQuery, SetAllocations } from "./support/clientOperations.ts";

const e2e = useE2E();

const keyInUrl = (page: Page) => decodeURIComponent(new URL(page.url()).hash.replace(/^#\/scenario\//, "").split("?")[0]!);

async function setCell(key: string, initiativeId: string, year: number, amount: string) {
  const grid = await clientOperationOverHttp(e2e.app.baseUrl, ScenarioGridQuery, { id: scenarioId(key) });
  const edit = await clientOperationOverHttp(e2e.app.baseUrl, SetAllocations, {
    input: { scenarioId: key, cells: [{ initiativeId, year, amount }], notation: "DANISH", expectedVersion: gridScenario(grid).version },
  });
  expect(edit.setAllocations.__typename).toBe("ScenarioEdit");
}

async function typeCell(page: Page, initiativeKey: string, year: number, text: string, savedVersion: number) {
  await focusCell(page, initiativeKey, `y${year}`);
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
  await page.getByText(`Gemt · version ${savedVersion}`).waitFor();
}

/** Opens the dialog from the source's toolbar (under "Mere …"/"More …" where the line is short) and picks the target. */
async function openMerge(page: Page, language: "da" | "en", targetName: string) {
  if (language === "da") await (await toolbarAction(page, "button", "Bring ændringer over til …")).click();
  else {
    const action = page.getByRole("button", { name: "Bring changes over to …", exact: true });
    if (!(await action.isVisible())) await page.getByRole("button", { name: "More …" }).click();
    await action.click();
  }
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("combobox").selectOption({ label: targetName });
  return dialog;
}

test("bring a what-if's changes over to another: without conflicts, with conflicts resolved by mine and by a typed value, and refused when the target changed meanwhile", async () => {
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/#/scenario/aftale-2024`);
  await forkFromGrid(page, "Mål");
  const target = keyInUrl(page);
  await page.goto(`${e2e.app.baseUrl}/#/scenario/aftale-2024`);
  await forkFromGrid(page, "Kilde");
  const source = keyInUrl(page);
  expect(source).not.toBe(target);
  await page.locator('.ag-row[row-id="vmk"]').waitFor();

  // Different cells: the source's VMK 2026 in the grid (2,5 → 3,5), the target's ATMP 2026 through the API.
  await typeCell(page, "vmk", 2026, "3,5", 2);
  await setCell(target, "atmp", 2026, "6");
  const targetBefore = await storedCells(e2e.app.baseUrl, target);

  let dialog = await openMerge(page, "da", "Mål");
  await dialog.getByRole("table", { name: /Celler, der ændres i »Mål«/ }).getByText("2,5 → 3,5").waitFor();
  expect(await dialog.getByRole("table", { name: /Konflikter/ }).count()).toBe(0);
  await screenshot(page, "merge-dialog-preview-da-1280");
  await dialog.getByRole("button", { name: "Bring over" }).click();
  await dialog.getByRole("status").getByText("Bragt over til »Mål« som version 3.").waitFor();
  await screenshot(page, "merge-dialog-applied-da-1280");
  const afterFirst = await storedCells(e2e.app.baseUrl, target);
  expect(afterFirst.get("vmk:2026")).toBe("3.5");
  expect(afterFirst.get("atmp:2026")).toBe("6");
  expect([...afterFirst].filter(([cell, amount]) => targetBefore.get(cell) !== amount)).toEqual([["vmk:2026", "3.5"]]);
  await dialog.getByRole("button", { name: "Luk" }).click();
  await dialog.waitFor({ state: "detached" });

  // The same cells changed differently on both sides: VMK 2024 (3,5 at the fork) and ATMP 2024.
  await typeCell(page, "vmk", 2024, "4", 3);
  const atmpAtFork = (await cellText(page, "atmp", "y2024")).trim();
  await setCell(source, "atmp", 2024, "7");
  await setCell(target, "vmk", 2024, "5");
  await setCell(target, "atmp", 2024, "8");
  const beforeConflict = await storedCells(e2e.app.baseUrl, target);

  dialog = await openMerge(page, "da", "Mål");
  const conflicts = dialog.getByRole("table", { name: /Konflikter/ });
  await conflicts.locator('tr[data-cell="vmk:2024"]').waitFor();
  await conflicts.locator('tr[data-cell="atmp:2024"]').waitFor();
  expect(await conflicts.locator('tr[data-cell="atmp:2024"] td').nth(1).textContent()).toBe(atmpAtFork);
  await dialog.getByText("2 konflikter mangler et valg.").waitFor();
  expect(await dialog.getByRole("button", { name: "Bring over" }).isDisabled()).toBe(true);
  await screenshot(page, "merge-dialog-conflicts-da-1280");
  expect(await seriousViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, "merge-dialog-conflicts-da-1920");
  await page.setViewportSize({ width: 1280, height: 800 });

  // The same dialog in English, at both widths.
  for (const width of [1280, 1920]) {
    const english = await e2e.open();
    await english.context.addInitScript(() => localStorage.setItem("ramme.locale", "en"));
    await english.page.setViewportSize({ width, height: width === 1280 ? 800 : 1080 });
    await english.page.goto(`${e2e.app.baseUrl}/#/scenario/${source}`);
    await english.page.locator('.ag-row[row-id="vmk"]').waitFor();
    const englishDialog = await openMerge(english.page, "en", "Mål");
    await englishDialog.getByText("2 conflicts still need a choice.").waitFor({ timeout: 10_000 }).catch(async (error: unknown) => {
      await screenshot(english.page, `merge-dialog-failed-en-${width}`);
      throw error;
    });
    await englishDialog.locator('tr[data-cell="atmp:2024"] input[type="text"]').fill("7.55");
    await englishDialog.getByText("at most 1 decimal").waitFor();
    await screenshot(english.page, `merge-dialog-conflicts-en-${width}`);
    expect(english.errors).toEqual([]);
    await english.context.close();
  }

  // VMK by mine (4), ATMP by a typed value in Danish notation (7,5); a refused typed value first.
  const vmkRow = conflicts.locator('tr[data-cell="vmk:2024"]');
  const atmpRow = conflicts.locator('tr[data-cell="atmp:2024"]');
  await vmkRow.getByRole("radio", { name: /^Min:/ }).check();
  await atmpRow.getByRole("textbox").fill("-1");
  await atmpRow.getByText("beløbet må ikke være negativt").waitFor();
  expect(await dialog.getByRole("button", { name: "Bring over" }).isDisabled()).toBe(true);
  await atmpRow.getByRole("textbox").fill("7,5");
  await dialog.getByRole("table", { name: /Celler, der ændres/ }).getByText("8,0 → 7,5").waitFor();
  await expect.poll(() => dialog.getByRole("button", { name: "Bring over" }).isDisabled()).toBe(false);
  expect(await storedCells(e2e.app.baseUrl, target)).toEqual(beforeConflict);
  await dialog.getByRole("button", { name: "Bring over" }).click();
  await dialog.getByRole("status").getByText(/Bragt over til »Mål« som version/).waitFor();
  const resolved = await storedCells(e2e.app.baseUrl, target);
  expect(resolved.get("vmk:2024")).toBe("4");
  expect(resolved.get("atmp:2024")).toBe("7.5");
  await dialog.getByRole("button", { name: "Luk" }).click();
  await dialog.waitFor({ state: "detached" });

  // Refused: the preview is shown, then the target changes before "Bring over". Nothing is stored.
  await typeCell(page, "vmk", 2027, "1", 5);
  dialog = await openMerge(page, "da", "Mål");
  await dialog.getByRole("table", { name: /Celler, der ændres/ }).getByText(/→ 1,0/).waitFor();
  // ATMP 2024 conflicts again (the source still says 7 against the fork; the target holds the typed 7,5): keep theirs.
  await dialog.locator('tr[data-cell="atmp:2024"]').getByRole("radio", { name: /^Deres:/ }).check();
  await expect.poll(() => dialog.getByRole("button", { name: "Bring over" }).isDisabled()).toBe(false);
  await setCell(target, "atmp", 2027, "3");
  const changedMeanwhile = await storedCells(e2e.app.baseUrl, target);
  await dialog.getByRole("button", { name: "Bring over" }).click();
  await dialog.getByRole("alert").getByText(/»Mål« er ændret, siden forhåndsvisningen blev hentet/).waitFor();
  await screenshot(page, "merge-dialog-version-conflict-da-1280");
  expect(await storedCells(e2e.app.baseUrl, target)).toEqual(changedMeanwhile);
  expect(await dialog.getByRole("button", { name: "Bring over" }).isDisabled()).toBe(true);

  // Load the preview again and bring it over; the target's grid undoes it as one step.
  await dialog.getByRole("button", { name: "Hent forhåndsvisning igen" }).click();
  await dialog.getByRole("table", { name: /Celler, der ændres/ }).getByText(/→ 1,0/).waitFor();
  await expect.poll(() => dialog.getByRole("button", { name: "Bring over" }).isDisabled()).toBe(false);
  await dialog.getByRole("button", { name: "Bring over" }).click();
  await dialog.getByRole("status").waitFor();
  expect((await storedCells(e2e.app.baseUrl, target)).get("vmk:2027")).toBe("1");
  await dialog.getByRole("link", { name: "Åbn »Mål«" }).click();
  await page.getByRole("heading", { name: "Mål", exact: true }).waitFor();
  await page.locator('.ag-row[row-id="vmk"]').waitFor();
  await page.getByRole("button", { name: "Fortryd" }).click();
  await expect.poll(async () => (await storedCells(e2e.app.baseUrl, target)).get("vmk:2027")).toBe(changedMeanwhile.get("vmk:2027"));
  expect(await storedCells(e2e.app.baseUrl, target)).toEqual(changedMeanwhile);

  expect(errors).toEqual([]);
});
