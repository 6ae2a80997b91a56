/**
 * The first screen's JavaScript budget (issue 21): the scenario list loads at most 200 kB of gzipped
 * JavaScript and none of AG Grid or the chart library; those load only with the views that use them.
 */
import { expect, test } from "vitest";
import { loadedScripts } from "./support/loadedScripts.ts";
import { useE2E } from "./support/suite.ts";

const e2e = useE2E();
const FIRST_SCREEN_BUDGET_GZIP = 200_000;

test("the scenario list loads under 200 kB of gzipped JavaScript, without AG Grid", async () => {
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/`);
  await page.getByText("Aftale om strategi for life science (21. november 2024)").first().waitFor({ state: "visible", timeout: 15_000 });
  await page.waitForLoadState("networkidle");

  const scripts = await loadedScripts(page);
  expect(scripts.files.map((file) => file.file)).not.toContainEqual(expect.stringMatching(/^ag-grid-/));
  expect(scripts.gzipTotal).toBeLessThanOrEqual(FIRST_SCREEN_BUDGET_GZIP);
  expect(errors).toEqual([]);
});

test("opening a scenario then loads the grid's code, and the grid works", async () => {
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/#/scenario/aftale-2024`);
  await page.locator('.ag-row[row-id="summary:headroom"] .ag-cell[col-id="y2024"]').filter({ hasText: "1,1" }).waitFor({ state: "visible", timeout: 15_000 });

  const scripts = await loadedScripts(page);
  expect(scripts.files.map((file) => file.file)).toContainEqual(expect.stringMatching(/^ag-grid-/));
  expect(errors).toEqual([]);
});
