/** The scenario list's actions, the history panel with restore, and a conflict between two people, in the browser. */
import { expect, test } from "vitest";
import type { Page } from "playwright-core";
import { screenshot, forkFromGrid } from "./support/browser.ts";
import { useE2E } from "./support/suite.ts";

const e2e = useE2E();

const cell = (page: Page, rowId: string, colId: string) => page.locator(`.ag-row[row-id="${rowId}"] .ag-cell[col-id="${colId}"]`);
const cellText = async (page: Page, rowId: string, colId: string) => ((await cell(page, rowId, colId).textContent()) ?? "").trim();

async function typeInto(page: Page, rowId: string, colId: string, text: string) {
  await cell(page, rowId, colId).click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

test("from the list: fork with a name, rename, lock (the grid turns read-only), unlock, archive", async () => {
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/`);
  await page.getByRole("row", { name: /Regeringens udspil/ }).getByRole("button", { name: "Lav alternativ" }).click();
  const dialog = page.getByRole("dialog", { name: "Nyt alternativ fra »Regeringens udspil (november 2024)«" });
  await dialog.getByLabel("Navn").fill("Partiets bud");
  await dialog.getByRole("button", { name: "Lav alternativ" }).click();
  await page.getByRole("heading", { name: "Partiets bud" }).waitFor();
  await screenshot(page, "life-1-forked");

  await page.getByRole("link", { name: "Alle scenarier" }).click();
  const row = page.getByRole("row", { name: /Partiets bud/ });
  await row.getByRole("button", { name: "Omdøb" }).click();
  await page.getByRole("dialog").getByLabel("Navn").fill("Partiets bud 2");
  await page.getByRole("dialog").getByRole("button", { name: "Gem" }).click();
  const renamed = page.getByRole("row", { name: /Partiets bud 2/ });
  await renamed.waitFor();
  await renamed.getByRole("button", { name: "Lås", exact: true }).click();
  await renamed.getByRole("button", { name: "Lås op" }).waitFor();
  await renamed.getByRole("link", { name: "Partiets bud 2" }).click();
  await page.getByText("Scenariet er låst.").waitFor();
  await page.getByRole("button", { name: "Lås op" }).click();
  await page.getByText("Skift+piletaster markerer en blok", { exact: false }).waitFor();

  await page.getByRole("link", { name: "Alle scenarier" }).click();
  await page.getByRole("row", { name: /Partiets bud 2/ }).getByRole("button", { name: "Arkivér" }).click();
  await expect.poll(() => page.getByRole("row", { name: /Partiets bud 2/ }).count()).toBe(0);
  await page.getByLabel("Vis arkiverede").check();
  await page.getByRole("row", { name: /Partiets bud 2/ }).getByText("Arkiveret").waitFor();
  await screenshot(page, "life-2-list");
  expect(errors).toEqual([]);
});

test("two people edit the same scenario: the second sees the conflict and chooses; history shows both, and restore brings version 1 back", async () => {
  const anna = await e2e.open();
  const bo = await e2e.open();
  // Bo's live updates never arrive (as on a network that drops the stream), so his grid stays at
  // version 1 while Anna saves: then the conflict check is what keeps her change from being lost.
  await bo.page.route("**/graphql", (route) => (route.request().postDataJSON()?.operationName === "ScenarioChanged" ? undefined : route.continue()));
  await anna.page.goto(`${e2e.app.baseUrl}/#/scenario/aftale-2024`);
  await forkFromGrid(anna.page);
  await anna.page.getByRole("heading", { name: /– alternativ$/ }).waitFor();
  await anna.page.locator('.ag-row[row-id="vmk"]').waitFor();
  const url = anna.page.url();
  await bo.page.goto(url);
  await bo.page.locator('.ag-row[row-id="vmk"]').waitFor();

  await anna.page.getByPlaceholder("Lokal bruger").fill("Anna");
  await anna.page.getByPlaceholder("Lokal bruger").blur();
  await typeInto(anna.page, "vmk", "y2024", "4");
  await anna.page.getByText("Gemt · version 2").waitFor();

  // Bo still has version 1 on screen.
  await typeInto(bo.page, "atmp", "y2025", "6");
  const conflict = bo.page.getByRole("dialog", { name: "Nogen har ændret scenariet" });
  await conflict.waitFor();
  await conflict.getByText("Oprette en fjerde Videnskabsetisk Medicinsk… 2024: 3,5 → 4,0").waitFor();
  await screenshot(bo.page, "life-3-conflict");
  await conflict.getByRole("button", { name: "Gem min oven på deres" }).click();
  await bo.page.getByText("Gemt · version 3").waitFor();
  await expect.poll(() => cellText(bo.page, "vmk", "y2024")).toBe("4,0");
  expect(await cellText(bo.page, "atmp", "y2025")).toBe("6,0");

  await bo.page.getByRole("button", { name: "Historik" }).click();
  const history = bo.page.getByRole("complementary", { name: "Historik" });
  await history.getByText("Anna ·", { exact: false }).waitFor();
  await screenshot(bo.page, "life-4-history");
  await history.getByRole("listitem").filter({ hasText: "Version 1 ·" }).getByRole("button", { name: "Gendan denne version" }).click();
  await history.getByText("Version 1 er gendannet som en ny version.").waitFor();
  await expect.poll(() => cellText(bo.page, "vmk", "y2024")).toBe("3,5");
  expect(await cellText(bo.page, "atmp", "y2025")).toBe("5,5");

  // A comment on a cell: in the history panel's list, and marked on the line in the grid.
  await history.getByRole("textbox", { name: "Kommentar" }).fill("VMK søges af flere end ventet");
  await history.getByRole("combobox", { name: "Om", exact: true }).selectOption({ label: "Oprette en fjerde Videnskabsetisk Medicinsk Komité (VMK) og igangsætte analyse på det videnskabsetiske område" });
  await history.getByRole("combobox", { name: "År", exact: true }).selectOption("2024");
  await history.getByRole("button", { name: "Tilføj kommentar" }).click();
  await history.getByText("VMK søges af flere end ventet").waitFor();
  await expect.poll(() => cell(bo.page, "vmk", "title").getAttribute("class")).toContain("has-comment");
  expect([...anna.errors, ...bo.errors]).toEqual([]);
});
