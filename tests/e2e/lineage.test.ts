/**
 * The Stamtræ view in the browser: the fork tree with who, when and what each what-if did, and
 * "what changed since" across a scenario and its descendants. Figures by hand from the agreement's
 * table: VMK 2025 = 2,5; Trial Nation 2026 = 4,7; EU-formandskabet 2,8 in 2024 and nothing after.
 */
import { expect, test } from "vitest";
import type { Page } from "playwright-core";
import type { VariablesOf } from "../support/documents.ts";
import { clientOperationOverHttp } from "../support/graphqlHttp.ts";
import { ForkScenario, forkedKey, RemoveInitiative, SetAllocations } from "./support/clientOperations.ts";
import { screenshot } from "./support/browser.ts";
import { useE2E } from "./support/suite.ts";

const e2e = useE2E();

/** A fork through the web client's ForkScenario (by hash); the what-if's key. */
async function fork(input: VariablesOf<typeof ForkScenario>["input"], actor: string): Promise<string> {
  return forkedKey(await clientOperationOverHttp(e2e.app.baseUrl, ForkScenario, { input }, { actor }));
}

/** Throws unless an edit's answer is a ScenarioEdit. */
function expectEdit(operation: string, result: { __typename: string }): void {
  if (result.__typename !== "ScenarioEdit") throw new Error(`${operation}: ${JSON.stringify(result)}`);
}

/** The web client's mutations (by hash), each throwing unless it is a ScenarioEdit. */
async function setAllocations(input: VariablesOf<typeof SetAllocations>["input"], actor: string): Promise<void> {
  expectEdit("SetAllocations", (await clientOperationOverHttp(e2e.app.baseUrl, SetAllocations, { input }, { actor })).setAllocations);
}
async function removeInitiative(input: VariablesOf<typeof RemoveInitiative>["input"], actor: string): Promise<void> {
  expectEdit("RemoveInitiative", (await clientOperationOverHttp(e2e.app.baseUrl, RemoveInitiative, { input }, { actor })).removeInitiative);
}

const node = (page: Page, name: string) => page.getByRole("list", { name: "Scenariernes stamtræ" }).getByRole("listitem").filter({ has: page.getByRole("link", { name, exact: true }) });

test("the fork tree shows who made each what-if and what it did; what changed since a version lists the changes across the descendants", async () => {
  // Anna forks the agreement and raises VMK 2025 to 4,5; Bo forks hers and takes EU-formandskabet out.
  const whatIf = await fork({ sourceId: "aftale-2024", name: "Mere til VMK" }, "Anna");
  await setAllocations({ scenarioId: whatIf, cells: [{ initiativeId: "vmk", year: 2025, amount: "4.5" }], expectedVersion: 1, comment: "VMK skal have mere" }, "Anna");
  const bos = await fork({ sourceId: whatIf, name: "Bos bud" }, "Bo");
  await removeInitiative({ scenarioId: bos, initiativeId: "eu-formandskab", expectedVersion: 1, comment: "Dækkes andetsteds" }, "Bo");
  await setAllocations({ scenarioId: whatIf, cells: [{ initiativeId: "trial-nation", year: 2026, amount: "3.7" }], expectedVersion: 2, comment: "Trial Nation kan vente et år" }, "Anna");

  const { page, errors } = await e2e.open();
  // Bo raises VMK 2025 in his grid, 4,5 → 5,0, through the UI.
  await page.goto(`${e2e.app.baseUrl}/#/scenario/${bos}`);
  await page.getByPlaceholder("Lokal bruger").fill("Bo");
  await page.getByPlaceholder("Lokal bruger").blur();
  await page.locator('.ag-row[row-id="vmk"] .ag-cell[col-id="y2025"]').click();
  await page.keyboard.type("5");
  await page.keyboard.press("Enter");
  await page.getByText("Gemt · version 3").waitFor();

  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Stamtræ" }).click();
  await page.getByRole("heading", { name: "Stamtræ", exact: true }).waitFor();
  const tree = page.getByRole("list", { name: "Scenariernes stamtræ" });
  await node(page, "Bos bud").waitFor();
  // Both baselines are roots: the agreement is transcribed from its document, not forked from the proposal.
  const names = await tree.getByRole("listitem").evaluateAll((items) => items.map((item) => item.querySelector(".lineage-head a")?.textContent));
  expect(names).toEqual(["Regeringens udspil (november 2024)", "Aftale om strategi for life science (21. november 2024)", "Mere til VMK", "Bos bud"]);

  // W against the agreement: VMK 2025 +2,0, Trial Nation 2026 -1,0; 2025 is then 102,0, over the frame.
  const w = node(page, "Mere til VMK");
  await w.getByText("2 linjer ændret; +2,0 mio. kr. i 2025, -1,0 i 2026").waitFor();
  await w.getByText("Lavet af Anna", { exact: false }).waitFor();
  await w.getByText("fra version 1 af »Aftale om strategi for life science (21. november 2024)«", { exact: false }).waitFor();
  await w.getByText("Over rammen i 2025").waitFor();
  // Bo's against W at version 2 (VMK 4,5): VMK +0,5 and EU-formandskabet's 2,8 in 2024 gone; W's later Trial Nation change is not his.
  const b = node(page, "Bos bud");
  await b.getByText("1 linje ændret, 1 fjernet; -2,8 mio. kr. i 2024, +0,5 i 2025").waitFor();
  await b.getByText("fra version 2 af »Mere til VMK«", { exact: false }).waitFor();
  await b.getByText("Senest ændret af Bo", { exact: false }).waitFor();
  expect(await b.getByRole("link", { name: "Sammenlign med forælder" }).getAttribute("href")).toBe(`#/compare?base=${whatIf}&others=${bos}`);
  await screenshot(page, "lineage-1-tree");

  // What changed in W and below since W's version 2.
  await w.getByRole("button", { name: "Hvad er ændret siden … Mere til VMK" }).click();
  const panel = page.getByRole("complementary", { name: "Hvad er ændret siden" });
  expect(await panel.getByLabel("Scenarie").inputValue()).toBe(whatIf);
  await panel.getByRole("spinbutton", { name: "Version" }).fill("2");
  await panel.getByRole("button", { name: "Vis ændringer" }).click();
  const inW = panel.getByRole("region", { name: "Mere til VMK" });
  await inW.getByText("1 linje ændret; -1,0 mio. kr. i 2026").waitFor();
  await inW.getByText("version 2 → 3").waitFor();
  await inW.getByText("Videreudvikle Trial Nation 2026: 4,7 → 3,7").waitFor();
  await inW.getByText("Trial Nation kan vente et år").waitFor();
  expect(await inW.getByRole("table").getByRole("row").nth(1).getByRole("cell").allTextContents()).toEqual(["Videreudvikle Trial Nation ændret", "-", "-", "-1,0", "-", "-1,0"]);
  // Bo's was forked after W's version 2: taken from its fork, both his changes listed.
  const inBos = panel.getByRole("region", { name: "Bos bud" });
  await inBos.getByText("lavet efter tidspunktet", { exact: false }).waitFor();
  await inBos.getByText("»Markedsføring og konference under EU-formandskabet« fjernet").waitFor();
  await inBos.getByText("Dækkes andetsteds").waitFor();
  await inBos.getByText("2025: 4,5 → 5,0", { exact: false }).waitFor();
  await inBos.getByText("1 linje ændret, 1 fjernet; -2,8 mio. kr. i 2024, +0,5 i 2025").waitFor();
  await screenshot(page, "lineage-2-changes-since");

  // A moment in the future is refused with a reason.
  await panel.getByRole("radio", { name: "et tidspunkt" }).check();
  await panel.getByRole("textbox", { name: "Tidspunkt" }).fill("2099-01-01T10:00");
  await panel.getByRole("button", { name: "Vis ændringer" }).click();
  await panel.getByRole("alert").getByText("Tidspunktet ligger ude i fremtiden.").waitFor();

  // From one scenario down, and in English.
  await w.getByRole("link", { name: "Stamtræ herfra" }).click();
  await page.getByRole("heading", { name: "Stamtræ fra »Mere til VMK«" }).waitFor();
  expect(await page.getByRole("list", { name: "Scenariernes stamtræ" }).getByRole("listitem").count()).toBe(2);
  await page.getByRole("button", { name: "English" }).click();
  await page.getByText("1 line changed, 1 removed; DKK -2.8 million in 2024, +0.5 in 2025").waitFor();
  await page.getByText("from version 1 of “Aftale om strategi for life science (21. november 2024)”", { exact: false }).waitFor();
  await screenshot(page, "lineage-3-subtree-english");
  expect(errors).toEqual([]);
});

test("the scenario list and the grid link to the lineage", async () => {
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/`);
  const agreementRow = page.getByRole("row").filter({ has: page.getByRole("checkbox", { name: "Vælg »Aftale om strategi for life science (21. november 2024)« til sammenligning" }) });
  await agreementRow.getByRole("link", { name: "Stamtræ" }).click();
  await page.getByRole("heading", { name: "Stamtræ fra »Aftale om strategi for life science (21. november 2024)«" }).waitFor();
  await page.goto(`${e2e.app.baseUrl}/#/scenario/regeringens-udspil-2024`);
  await page.getByRole("region", { name: "Regeringens udspil (november 2024)" }).getByRole("link", { name: "Stamtræ" }).click();
  await page.getByRole("heading", { name: "Stamtræ fra »Regeringens udspil (november 2024)«" }).waitFor();
  await page.getByText("Grundlag: dokumentets tabel, som den er trykt.").waitFor();
  expect(errors).toEqual([]);
});
