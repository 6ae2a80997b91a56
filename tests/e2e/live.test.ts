/**
 * Live updates in the browser: two people on the same what-if, each in a browser of their own.
 * What one saves appears in the other's grid, totals included, without a reload or a refetch; a
 * browser that was offline catches up when it is back, and so does one whose server restarted; and
 * a change to the very cell someone is typing in leaves their typing alone and ends, if they save,
 * in the conflict dialog.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, inject, test } from "vitest";
import type { Page } from "playwright-core";
import { clientOperationOverHttp } from "../support/graphqlHttp.ts";
import { startServer } from "../support/serverProcess.ts";
import type { OpenedPage } from "./support/browser.ts";
import { screenshot, forkFromGrid } from "./support/browser.ts";
import { E2E_SERVER_ENV } from "./support/app.ts";
import { useE2E } from "./support/suite.ts";
import { ForkScenario, SetAllocations, forkedKey } from "./support/clientOperations.ts";

const e2e = useE2E();

const cell = (page: Page, rowId: string, colId: string) => page.locator(`.ag-row[row-id="${rowId}"] .ag-cell[col-id="${colId}"]`);
const cellText = async (page: Page, rowId: string, colId: string) => ((await cell(page, rowId, colId).textContent()) ?? "").trim();
/** The live indicator in the scenario's toolbar, by the word it shows. */
const liveIndicator = (page: Page, text: string) => page.getByRole("status").filter({ hasText: new RegExp(`^${text}$`) });

async function typeInto(page: Page, rowId: string, colId: string, text: string) {
  await cell(page, rowId, colId).click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

async function setName(page: Page, name: string) {
  const input = page.getByPlaceholder("Lokal bruger");
  await input.fill(name);
  await input.blur();
}

/** Anna forks the agreement; Søren opens the same what-if. Both grids are live. */
async function twoPeopleOnOneWhatIf(): Promise<{ anna: OpenedPage; soeren: OpenedPage; gridQueries: () => number }> {
  const anna = await e2e.open();
  const soeren = await e2e.open();
  await anna.page.goto(`${e2e.app.baseUrl}/#/scenario/aftale-2024`);
  await setName(anna.page, "Anna");
  await forkFromGrid(anna.page);
  await anna.page.getByRole("heading", { name: /– alternativ$/ }).waitFor();
  await anna.page.locator('.ag-row[row-id="vmk"]').waitFor();

  let queries = 0;
  soeren.page.on("request", (request) => {
    // By hash, the grid's query is short enough for a GET: its name is in the URL, or in the body of a POST.
    if (new URL(request.url()).searchParams.get("operationName") === "ScenarioGrid" || (request.method() === "POST" && request.postDataJSON()?.operationName === "ScenarioGrid")) queries += 1;
  });
  await soeren.page.goto(anna.page.url());
  await setName(soeren.page, "Søren");
  await soeren.page.locator('.ag-row[row-id="vmk"]').waitFor();
  await liveIndicator(anna.page, "Live").waitFor();
  await liveIndicator(soeren.page, "Live").waitFor();
  return { anna, soeren, gridQueries: () => queries };
}

test("Anna's edits appear in Søren's grid as she saves them, totals and all, with no reload; offline, Søren catches up when back", async () => {
  const { anna, soeren, gridQueries } = await twoPeopleOnOneWhatIf();
  const queriesBefore = gridQueries();
  // The counter sees the grid's query (Søren's page loaded it), so "no more of them" below means something.
  expect(queriesBefore).toBeGreaterThan(0);
  // Set on the page itself: a reload would lose it.
  await soeren.page.evaluate(() => Object.assign(window, { notReloaded: true }));

  // VMK 2025: 2,5 → 3,5 takes 2025 from exactly the frame to 1,0 over it.
  await typeInto(anna.page, "vmk", "y2025", "3,5");
  await anna.page.getByText("Gemt · version 2").waitFor();
  await expect.poll(() => cellText(soeren.page, "vmk", "y2025")).toBe("3,5");
  expect(await cellText(soeren.page, "summary:allocated", "y2025")).toBe("101,0");
  expect(await cellText(soeren.page, "summary:headroom", "y2025")).toBe("-1,0");
  expect(await cellText(soeren.page, "theme:forskning-sundhedsdata", "y2025")).toBe(await cellText(anna.page, "theme:forskning-sundhedsdata", "y2025"));
  await soeren.page.getByText("Over rammen i 2025 (1,0)").waitFor();
  // Said in words (a polite live region), and marked at the cell with who and what on hover.
  await soeren.page.getByRole("status").filter({ hasText: "Anna ændrede »Oprette en fjerde Videnskabsetisk Medicinsk…« 2025 fra 2,5 til 3,5." }).waitFor();
  expect(await cell(soeren.page, "vmk", "y2025").getAttribute("class")).toContain("cell-live-changed");
  await cell(soeren.page, "vmk", "y2025").hover();
  await soeren.page.locator(".ag-tooltip").filter({ hasText: /^Ændret af Anna kl\. \d\d[.:]\d\d: 2,5 → 3,5$/ }).waitFor();
  await screenshot(soeren.page, "live-1-changed-by-anna");
  await soeren.page.mouse.move(0, 0);
  // Anna's own grid marks nothing: the change is hers.
  expect(await cell(anna.page, "vmk", "y2025").getAttribute("class")).not.toContain("cell-live-changed");
  expect(gridQueries()).toBe(queriesBefore);

  // Søren's network goes; Anna saves twice meanwhile.
  await soeren.context.setOffline(true);
  await liveIndicator(soeren.page, "Genopretter forbindelse …").waitFor();
  await screenshot(soeren.page, "live-2-reconnecting");
  await typeInto(anna.page, "vmk", "y2026", "1,5");
  await anna.page.getByText("Gemt · version 3").waitFor();
  await typeInto(anna.page, "atmp", "y2024", "5");
  await anna.page.getByText("Gemt · version 4").waitFor();
  expect(await cellText(soeren.page, "vmk", "y2026")).toBe("2,5");

  // Back online: both arrive, in order, and the totals agree with Anna's.
  await soeren.context.setOffline(false);
  await expect.poll(() => cellText(soeren.page, "atmp", "y2024")).toBe("5,0");
  expect(await cellText(soeren.page, "vmk", "y2026")).toBe("1,5");
  for (const [row, year] of [["summary:allocated", "y2024"], ["summary:headroom", "y2024"], ["summary:allocated", "y2026"], ["summary:headroom", "total"]] as const) {
    expect(await cellText(soeren.page, row, year)).toBe(await cellText(anna.page, row, year));
  }
  expect(await cellText(soeren.page, "summary:allocated", "y2024")).toBe("97,9");
  await liveIndicator(soeren.page, "Live").waitFor();
  expect(gridQueries()).toBe(queriesBefore);
  expect(await soeren.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

  // Søren's grid is at version 4, so his own edit saves as version 5 with no conflict, and reaches Anna.
  await typeInto(soeren.page, "trial-nation", "y2027", "2");
  await soeren.page.getByText("Gemt · version 5").waitFor();
  expect(await soeren.page.getByRole("dialog").count()).toBe(0);
  await expect.poll(() => cellText(anna.page, "trial-nation", "y2027")).toBe("2,0");
  await anna.page.getByRole("status").filter({ hasText: "Søren ændrede »Videreudvikle Trial Nation« 2027 fra 4,7 til 2,0." }).waitFor();
  expect([...anna.errors, ...soeren.errors]).toEqual([]);
});

test("Anna changes the cell Søren is typing in: his typing stays; when he saves, he sees both and chooses", async () => {
  const { anna, soeren } = await twoPeopleOnOneWhatIf();

  // Søren starts typing 9 into VMK 2024 (3,5) and has not pressed Enter.
  await cell(soeren.page, "vmk", "y2024").click();
  await soeren.page.keyboard.type("9");
  const editor = cell(soeren.page, "vmk", "y2024").locator("input");
  await expect.poll(() => editor.inputValue()).toBe("9");

  await typeInto(anna.page, "vmk", "y2024", "4");
  await anna.page.getByText("Gemt · version 2").waitFor();
  await soeren.page.getByRole("status").filter({ hasText: "Anna ændrede netop cellen, du redigerer, til 4,0." }).waitFor();
  await expect.poll(() => cellText(soeren.page, "summary:allocated", "y2024")).toBe("99,4");
  expect(await editor.inputValue()).toBe("9");

  await soeren.page.keyboard.press("Enter");
  const conflict = soeren.page.getByRole("dialog", { name: "Nogen har ændret scenariet" });
  await conflict.waitFor();
  await conflict.getByText("Oprette en fjerde Videnskabsetisk Medicinsk… 2024: 3,5 → 4,0").waitFor();
  await conflict.getByText("Oprette en fjerde Videnskabsetisk Medicinsk… 2024: 9,0").waitFor();
  await conflict.getByRole("button", { name: "Gem min oven på deres" }).click();
  await soeren.page.getByText("Gemt · version 3").waitFor();
  expect(await cellText(soeren.page, "vmk", "y2024")).toBe("9,0");
  await expect.poll(() => cellText(anna.page, "vmk", "y2024")).toBe("9,0");
  expect([...anna.errors, ...soeren.errors]).toEqual([]);
});

test("the server restarts: the grid says it is reconnecting, comes back by itself and shows what was saved meanwhile", async () => {
  // A server of this test's own, on a copy of the template, so stopping it disturbs no other test.
  const scratch = mkdtempSync(path.join(tmpdir(), "ramme-e2e-live-"));
  const databaseFile = path.join(scratch, "ramme.db");
  copyFileSync(inject("e2eTemplateDatabase"), databaseFile);
  let server = await startServer({ databaseUrl: `file:${databaseFile}`, env: E2E_SERVER_ENV });
  try {
    const fork = await clientOperationOverHttp(server.baseUrl, ForkScenario, {
      input: { sourceId: "aftale-2024", name: "Genstart" },
    });
    const key = forkedKey(fork);
    const soeren = await e2e.open();
    await soeren.page.goto(`${server.baseUrl}/#/scenario/${key}`);
    await soeren.page.locator('.ag-row[row-id="vmk"]').waitFor();
    await liveIndicator(soeren.page, "Live").waitFor();

    // SIGTERM ends every live stream; the grid notices at once.
    await server.stop();
    await liveIndicator(soeren.page, "Genopretter forbindelse …").waitFor();
    server = await server.restart();
    const edit = await clientOperationOverHttp(server.baseUrl, SetAllocations, { input: { scenarioId: key, expectedVersion: 1, cells: [{ initiativeId: "atmp", year: 2025, amount: "4.5" }] } }, { actor: "Anna" });
    expect(edit.setAllocations).toMatchObject({ __typename: "ScenarioEdit", version: 2 });

    // The retries back off (1, 2, 5, 10 s), so within about 20 s it is back, with the edit.
    await expect.poll(() => cellText(soeren.page, "atmp", "y2025"), { timeout: 30_000 }).toBe("4,5");
    await liveIndicator(soeren.page, "Live").waitFor();
    expect(await cellText(soeren.page, "summary:allocated", "y2025")).toBe("99,0");
    // The browser logs the streams the stopping server cut, the reconnect it answered 503 while
    // stopping, and each reconnect refused while it was down; nothing else may be logged.
    const serverAway =
      /^console\.error: Failed to load resource: (net::ERR_(CONNECTION_REFUSED|CONNECTION_RESET|EMPTY_RESPONSE|INCOMPLETE_CHUNKED_ENCODING)|the server responded with a status of 503 \(Service Unavailable\)) \(.*\/graphql:0\)$/;
    expect(soeren.errors.filter((error) => !serverAway.test(error))).toEqual([]);
  } finally {
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
});
