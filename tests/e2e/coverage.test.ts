/**
 * Life Science Rådet's recommendations in the browser: from a scenario's toolbar, side by side, from
 * the comparison, for a what-if that drops one, and in English. The figures are the hand arithmetic
 * of tests/api/coverage.test.ts on the two tables.
 */
import { expect, test } from "vitest";
import { clientOperationOverHttp } from "../support/graphqlHttp.ts";
import { screenshot } from "./support/browser.ts";
import { useE2E } from "./support/suite.ts";
import { ForkScenario, SetAllocations, forkedKey } from "./support/clientOperations.ts";

const e2e = useE2E();
const PROPOSAL_NAME = "Regeringens udspil (november 2024)";
const AGREEMENT_NAME = "Aftale om strategi for life science (21. november 2024)";

/** The cells of the table row whose heading starts with `heading`, as shown. */
async function rowCells(page: import("playwright-core").Page, heading: string): Promise<string[]> {
  const row = page.locator("tr", { has: page.locator("th", { hasText: heading }) }).first();
  return row.locator("td").allInnerTexts();
}

test("from the agreement's grid: 8 of 12 recommendations get money, 4, 5, 6 and 11 none, with each one's initiatives and amounts", async () => {
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/#/scenario/aftale-2024`);
  await page.getByRole("link", { name: "Anbefalinger" }).click();
  await page.getByText("8 af 12 anbefalinger har penge").waitFor();
  expect(page.url()).toContain("#/coverage?scenarios=aftale-2024");
  await page.getByText(`»${AGREEMENT_NAME}« finansierer 8 af 12 anbefalinger; anbefaling 4, 5, 6 og 11 får ingen penge.`).waitFor();
  await page.getByText("kan derfor ikke lægges sammen på tværs", { exact: false }).waitFor();

  // Recommendation 2: VMK 3,5/2,5/2,5/2,5 + klinisk forskning 1,0 + gebyrreduktion 2,0 from 2025 + Trial Nation 4,7.
  expect(await rowCells(page, "Anbefaling 2")).toEqual(["9,2", "9,2", "9,2", "9,2", "36,8"]);
  expect(await rowCells(page, "Indføre gebyrreduktion for afprøvninger med medicinsk udstyr")).toEqual(["-", "2,0", "2,0", "2,0", "6,0"]);
  expect(await rowCells(page, "Anbefaling 4")).toEqual(["Ingen penge: intet initiativ besvarer den"]);
  // Recommendation 9: 16,8 + 20,0 a year.
  expect(await rowCells(page, "Anbefaling 9")).toEqual(["36,8", "36,8", "36,8", "36,8", "147,2"]);
  await screenshot(page, "coverage-agreement");
  expect(errors).toEqual([]);
});

test("side by side from the comparison: the proposal lacks two of recommendation 2's initiatives, and the sentence says what the agreement adds", async () => {
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/#/compare?base=regeringens-udspil-2024&others=aftale-2024`);
  await page.getByRole("link", { name: "Anbefalinger" }).click();
  await page
    .getByText(
      `»${PROPOSAL_NAME}« finansierer 8 af 12 anbefalinger; »${AGREEMENT_NAME}« finansierer også 8: anbefaling 1 får 1,6 mio. kr. mere i alt, ` +
        "anbefaling 2 får 7,0 mio. kr. mere i alt og anbefaling 8 får 2,8 mio. kr. mere i alt.",
    )
    .waitFor();
  // Proposal: 8,2 7,2 7,2 7,2 = 29,8; agreement 9,2 a year = 36,8, marked 7,0 more.
  expect(await rowCells(page, "Anbefaling 2")).toEqual(["8,2", "7,2", "7,2", "7,2", "29,8", "9,2", "9,2", "9,2", "9,2", "36,8\n7,0 mere"]);
  expect(await rowCells(page, "Analyse af tiltag og incitamenter i andre lande til fremme af klinisk forskning")).toEqual(["Ikke med", "1,0", "-", "-", "-", "1,0"]);
  await screenshot(page, "coverage-proposal-agreement");
  expect(errors).toEqual([]);
});

test("a what-if without the data vision's money funds 7: recommendation 3 is marked, and English says the same", async () => {
  const forked = await clientOperationOverHttp(e2e.app.baseUrl, ForkScenario, {
    input: { sourceId: "aftale-2024", name: "Uden datavision" },
  });
  const key = forkedKey(forked);
  const edit = await clientOperationOverHttp(e2e.app.baseUrl, SetAllocations, {
    input: { scenarioId: key, expectedVersion: 1, cells: [{ initiativeId: "sundhedsdata-vision", year: 2024, amount: "0" }, { initiativeId: "sundhedsdata-vision", year: 2025, amount: "0" }] },
  });
  expect(edit.setAllocations.__typename).toBe("ScenarioEdit");

  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/#/coverage?scenarios=aftale-2024,${key}`);
  await page.getByText(`»${AGREEMENT_NAME}« finansierer 8 af 12 anbefalinger; »Uden datavision« finansierer 7: anbefaling 3 får ikke længere penge (før 13,6 mio. kr. i alt).`).waitFor();
  await page.getByText("7 af 12 anbefalinger har penge").waitFor();
  expect(await rowCells(page, "Anbefaling 3")).toEqual(["6,1", "7,5", "-", "-", "13,6", "Ingen penge: initiativerne har 0 kr.\nIkke længere penge"]);
  await screenshot(page, "coverage-what-if");

  await page.getByRole("button", { name: "English" }).click();
  await page.getByText(`“${AGREEMENT_NAME}” funds 8 of 12 recommendations; “Uden datavision” funds 7: recommendation 3 is no longer funded (was DKK 13.6 million in all).`).waitFor();
  expect(await rowCells(page, "Recommendation 9")).toEqual(["36.8", "36.8", "36.8", "36.8", "147.2", "36.8", "36.8", "36.8", "36.8", "147.2"]);
  await screenshot(page, "coverage-what-if-en");
  expect(errors).toEqual([]);
});
