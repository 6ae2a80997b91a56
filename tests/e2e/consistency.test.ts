/** The consistency report in the browser: reached from the scenario list and from a baseline's grid, in Danish and English, and as printed. */
import { expect, test } from "vitest";
import { screenshot } from "./support/browser.ts";
import { useE2E } from "./support/suite.ts";

const e2e = useE2E();

test("the agreement's report, opened from the scenario list, shows its three differences first and folds the 72 that agree", async () => {
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/#/`);
  const agreementRow = page.getByRole("row").filter({ hasText: "Aftale om strategi for life science" });
  await agreementRow.getByRole("link", { name: "Konsistensrapport" }).click();
  await page.getByRole("heading", { name: "Konsistensrapport: Aftale om strategi for life science (21. november 2024)" }).waitFor();
  expect(page.url()).toMatch(/#\/consistency\/aftale-2024$/);
  await page.getByText("Forskelle: 3 · stemmer: 72 · sammenlignes ikke: 8 · noter: 10").waitFor();

  // The three differences, worked out by hand from the agreement: the printed 2024 total, paragraph 51's frame, Trial Nation in 2024.
  const cards = page.locator("article").filter({ hasText: "Uforklaret" });
  expect(await cards.count()).toBe(3);
  await page.getByText("Tabellens »I alt« for 2024 er 100,0 mio. kr., og linjerne summerer til 98,9 mio. kr.: det trykte total er 1,1 mio. kr. mere end linjerne, og intet i dokumentet forklarer det.").waitFor();
  await page.getByText("Afsnit 51 angiver rammen: 100,0 mio. kr. i 2024; tabellens linjer summerer til 98,9 mio. kr.: en forskel på 1,1 mio. kr., som intet i dokumentet forklarer.").waitFor();
  const trial = cards.filter({ hasText: "Videreudvikle Trial Nation" });
  await trial.getByText("Tabellen afsætter 4,7 mio. kr. i 2024 til »Videreudvikle Trial Nation«, men afsnit 11 angiver intet beløb for 2024.").waitFor();
  await trial.getByText(/videreføre det statslige tilskud på 4,7 mio\. kr\. årligt til Trial Nation i 2025-2027/).waitFor();
  expect(await trial.getByText("-4,7", { exact: true }).count()).toBe(1);

  // The checks that agree are folded; opening one group shows its lines.
  const textGroup = page.getByRole("region", { name: /Beløb i teksten/ });
  const matching = textGroup.locator("details").filter({ hasText: "61 kontroller stemmer" });
  expect(await matching.getByRole("table").isVisible()).toBe(false);
  await matching.getByText("61 kontroller stemmer").click();
  // Paragraph 34's "i alt 36,8 mio. kr. årligt" against two lines, four years.
  expect(await matching.getByRole("row").filter({ hasText: "Afsnit 34" }).filter({ hasText: "36,8" }).count()).toBe(4);
  // The noted discrepancies, among them the '0' cell of byspildevand.
  await page.getByRole("heading", { name: "Trykte totaler (1 af 4 afviger)" }).waitFor();
  await page.getByRole("region", { name: /Andre noter/ }).getByText("Analyse af byspildevand - 0,5 1,0 0").waitFor();
  await screenshot(page, "consistency-agreement");

  await page.getByRole("button", { name: "English" }).click();
  await page.getByText("Differences: 3 · agree: 72 · not compared: 8 · notes: 10").waitFor();
  await page.getByText("The table allocates DKK 4.7 million in 2024 to “Videreudvikle Trial Nation”, but paragraph 11 states no amount for 2024.").waitFor();
  await screenshot(page, "consistency-agreement-en");
  await page.getByRole("button", { name: "Dansk" }).click();
  expect(errors).toEqual([]);
});

test("the proposal's report, opened from its grid: the 2024 total explained by footnote **, and printable", async () => {
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/#/scenario/regeringens-udspil-2024`);
  await page.locator(".ag-row").first().waitFor();
  await page.getByRole("link", { name: "Konsistensrapport" }).click();
  await page.getByText("Forskelle: 1 · stemmer: 3 · sammenlignes ikke: 1 · noter: 0").waitFor();
  const explained = page.locator("article").filter({ hasText: "Forklaret" });
  await explained.getByText(/det trykte total er 0,9 mio\. kr\. mere end linjerne, som fodnote \*\* forklarer/).waitFor();
  await explained.getByText(/Fodnote \*\*: Der er med FL24 udmøntet brofinansiering på i alt 0,9 mio\. kr\./).waitFor();
  await screenshot(page, "consistency-proposal");

  // On paper: no app header or buttons, every folded list open.
  await page.emulateMedia({ media: "print" });
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  expect(await page.getByRole("button", { name: "Udskriv" }).isVisible()).toBe(false);
  expect(await page.locator("header.app-header").isVisible()).toBe(false);
  await page.getByRole("table").first().waitFor();
  await screenshot(page, "consistency-proposal-print");
  expect(errors).toEqual([]);
});

test("a key that names no scenario says so", async () => {
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/#/consistency/findes-ikke`);
  await page.getByRole("alert").getByText("Der findes intet scenarie »findes-ikke«.").waitFor();
  expect(errors).toEqual([]);
});
