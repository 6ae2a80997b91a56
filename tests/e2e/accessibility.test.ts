/**
 * The main screens checked with axe-core (the accessibility engine browsers' own tools use): no
 * serious or critical violations — every control, cell and dialog named for a screen reader,
 * enough contrast, landmarks and headings in order.
 */
import { expect, test } from "vitest";
import { seriousViolations } from "./support/axe.ts";
import { forkFromGrid } from "./support/browser.ts";
import { useE2E } from "./support/suite.ts";

// The sign-in page (accounts mode) is checked in signIn.test.ts: this file's server runs in local mode.
const e2e = useE2E();

test.each([
  ["the scenario list", "/#/", "Regeringens udspil (november 2024)"],
  ["the agreement's grid", "/#/scenario/aftale-2024", "Fordelt i alt"],
  ["the comparison of the baselines", "/#/compare?base=regeringens-udspil-2024&others=aftale-2024", "6 linjer tilføjet, 1 fjernet og 1 ændret."],
  ["the recommendations in both baselines", "/#/coverage?scenarios=regeringens-udspil-2024,aftale-2024", "8 af 12 anbefalinger har penge"],
  ["the note of the baselines", "/#/brief?base=regeringens-udspil-2024&other=aftale-2024", "6 linjer tilføjet, 1 fjernet og 1 ændret."],
  ["the lineage", "/#/lineage", "Grundlag: dokumentets tabel, som den er trykt."],
])("%s has no serious accessibility violations", async (_name, path, ready) => {
  const { page } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}${path}`);
  await page.getByText(ready).first().waitFor();
  expect(await seriousViolations(page)).toEqual([]);
});

test("an editable what-if with its history panel and the fork dialog has no serious accessibility violations", async () => {
  const { page } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/#/scenario/aftale-2024`);
  await forkFromGrid(page);
  await page.getByRole("heading", { name: /– alternativ$/ }).waitFor();
  await page.getByRole("button", { name: "Historik" }).click();
  await page.getByRole("complementary", { name: "Historik" }).getByText("Oprettet som alternativ").waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("link", { name: "Alle scenarier" }).click();
  await page.getByRole("row", { name: /Regeringens udspil/ }).getByRole("button", { name: "Lav alternativ" }).click();
  await page.getByRole("dialog").waitFor();
  expect(await seriousViolations(page)).toEqual([]);
});
