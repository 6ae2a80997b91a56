/**
 * The negotiation inside the grid (issue 19): the difference to the parent in every cell, checked
 * cell by cell against compareScenarios for the same pair (the parent now and at the fork), and
 * following live changes to either side; a baseline compared with another scenario; the search and
 * filter chips; comments on cells (marker, thread on focus, Shift+F2). Screenshots at 1280×720 and
 * 1920×1080 in Danish and English.
 */
import { expect, test } from "vitest";
import type { Page } from "playwright-core";
import { formatAmount, fromApi } from "../../client/src/app/amounts.ts";
import { scenarioGlobalId } from "../../client/src/app/ids.ts";
import { clientOperationOverHttp } from "../support/graphqlHttp.ts";
import type { TypedDocument } from "../support/documents.ts";
import { AddInitiative, CompareScenarios, ForkScenario, forkedKey, GridReferenceDiff, gridScenario, RemoveInitiative, ScenarioGridQuery, SetAllocations } from "./support/clientOperations.ts";
import { seriousViolations } from "./support/axe.ts";
import { screenshot } from "./support/browser.ts";
import { useE2E } from "./support/suite.ts";

const e2e = useE2E();
const AGREEMENT_NAME = /^Aftale/;

const row = (page: Page, rowId: string) => page.locator(`.ag-row[row-id="${rowId}"]`).first();
const cell = (page: Page, rowId: string, colId: string) => page.locator(`.ag-row[row-id="${rowId}"] .ag-cell[col-id="${colId}"]`).first();
/** The difference a cell shows ("" for none). */
const deltaText = async (page: Page, rowId: string, colId: string) => {
  const delta = cell(page, rowId, colId).locator(".diff-delta");
  return (await delta.count()) === 0 ? "" : ((await delta.textContent()) ?? "").trim();
};
/** A comparison line's initiative key. */
const keyOf = (line: { initiative: { key: string } }): string => line.initiative.key;
const shownDelta = (difference: string | undefined) => (difference === undefined || fromApi(difference) === 0n ? "" : formatAmount(fromApi(difference), "da", { signed: true }));

async function api<TData, TVariables>(operation: TypedDocument<TData, TVariables>, variables: TVariables, actor = "Mette"): Promise<TData> {
  return clientOperationOverHttp(e2e.app.baseUrl, operation, variables, { actor });
}
async function fork(sourceId: string, name: string): Promise<string> {
  return forkedKey(await api(ForkScenario, { input: { sourceId, name } }));
}
async function versionOf(key: string): Promise<number> {
  return gridScenario(await api(ScenarioGridQuery, { id: scenarioGlobalId(key) })).version;
}
async function setCell(key: string, initiativeId: string, year: number, amount: string) {
  const edit = await api(SetAllocations, { input: { scenarioId: key, cells: [{ initiativeId, year, amount }], notation: "DANISH", expectedVersion: await versionOf(key) } });
  expect(edit.setAllocations.__typename).toBe("ScenarioEdit");
}

/** The comparison the grid must show, through the API: the compare view's operation, or (at the fork) the grid's own. */
async function comparison(base: string, other: string, baseVersion: number | null) {
  const answer =
    baseVersion === null
      ? (await api(CompareScenarios, { base, others: [other], language: "DA", priceLevel: null })).compareScenarios
      : (await api(GridReferenceDiff, { reference: base, scenario: other, baseVersion, priceLevel: null })).compareScenarios;
  expect(answer.__typename).toBe("ScenarioComparison");
  if (answer.__typename !== "ScenarioComparison") throw new Error(JSON.stringify(answer));
  return answer;
}
type Comparison = Awaited<ReturnType<typeof comparison>>;

/** What the grid draws: per row its classes and each cell's difference ("" for none); rows scrolled into view until all wanted are drawn. */
async function drawnRows(page: Page, wanted: readonly string[]): Promise<Map<string, { classes: string; deltas: Map<string, string> }>> {
  const rows = new Map<string, { classes: string; deltas: Map<string, string> }>();
  const collect = async () => {
    const found = await page.evaluate(() =>
      Array.from(document.querySelectorAll(".ag-row[row-id]")).map((element) => ({
        id: element.getAttribute("row-id") ?? "",
        classes: element.getAttribute("class") ?? "",
        cells: Array.from(element.querySelectorAll(".ag-cell[col-id]")).map((cellElement) => [cellElement.getAttribute("col-id") ?? "", (cellElement.querySelector(".diff-delta")?.textContent ?? "").trim()] as [string, string]),
      })),
    );
    for (const entry of found) {
      const known = rows.get(entry.id) ?? { classes: entry.classes, deltas: new Map<string, string>() };
      for (const [colId, text] of entry.cells) known.deltas.set(colId, text);
      rows.set(entry.id, known);
    }
  };
  await collect();
  for (const id of wanted) {
    if (rows.has(id)) continue;
    await row(page, id).scrollIntoViewIfNeeded();
    await collect();
  }
  return rows;
}

/** Every cell of the grid against the comparison: lines (added and removed marked), theme subtotals, the pinned totals. */
async function expectGridMatches(page: Page, compared: Comparison) {
  const years = compared.years;
  const diff = compared.differences[0]!;
  const rowIdOf = (line: Comparison["lines"][number]) => (line.versus[0]!.status === "REMOVED" ? `removed:${keyOf(line)}` : keyOf(line));
  const themeKeys = [...new Set(diff.themes.map((entry) => entry.theme.key))];
  const drawn = await drawnRows(page, compared.lines.map(rowIdOf));
  for (const line of compared.lines) {
    const versus = line.versus[0]!;
    const rowId = rowIdOf(line);
    const shown = drawn.get(rowId);
    expect(shown, rowId).toBeDefined();
    for (const year of years) expect(shown!.deltas.get(`y${year}`), `${rowId} ${year}`).toBe(shownDelta(versus.cells.find((entry) => entry.year === year)?.difference));
    if (versus.status === "ADDED") expect(shown!.classes).toContain("diff-row-added");
    if (versus.status === "REMOVED") expect(shown!.classes).toContain("diff-row-removed");
    if (versus.status === "CHANGED" || versus.status === "UNCHANGED") expect(shown!.classes).not.toMatch(/diff-row-(added|removed)/);
  }
  for (const themeKey of themeKeys) {
    const shown = drawn.get(`theme:${themeKey}`);
    if (!shown) continue; // every line of it removed: no heading
    for (const year of years) {
      expect(shown.deltas.get(`y${year}`), `theme ${themeKey} ${year}`).toBe(shownDelta(diff.themes.find((entry) => entry.theme.key === themeKey && entry.year === year)?.difference));
    }
  }
  const allocated = drawn.get("summary:allocated")!;
  for (const year of years) {
    const entry = diff.years.find((candidate) => candidate.year === year)!;
    const difference = fromApi(entry.otherAllocated) - fromApi(entry.baseAllocated);
    expect(allocated.deltas.get(`y${year}`), `allocated ${year}`).toBe(difference === 0n ? "" : formatAmount(difference, "da", { signed: true }));
  }
}

async function openGrid(key: string, viewport = { width: 1280, height: 1400 }) {
  const opened = await e2e.open();
  await opened.page.setViewportSize(viewport);
  await opened.page.goto(`${e2e.app.baseUrl}/#/scenario/${key}`);
  await opened.page.locator('.ag-row[row-id^="theme:"]').first().waitFor();
  return opened;
}

test("a what-if's difference to its parent in every cell, as compareScenarios says: now, at the fork, and following live changes to either side", async () => {
  // The parent: a what-if of the agreement; the child forked from it, then both change.
  const parent = await fork("aftale-2024", "Forhandlingsoplæg");
  await setCell(parent, "vmk", 2025, "3,0");
  const child = await fork(parent, "Barnets bud");
  const forked = gridScenario(await api(ScenarioGridQuery, { id: scenarioGlobalId(child) }));
  expect(forked.forkedFromVersion).toBe(await versionOf(parent));
  await setCell(child, "vmk", 2024, "4,5");
  // A line removed and a new proposal added in the child.
  const lines = forked.lines;
  const removedKey = lines.find((line) => line.initiative.key !== "vmk")!.initiative.key;
  const removal = await api(RemoveInitiative, { input: { scenarioId: child, expectedVersion: await versionOf(child), initiativeId: removedKey } });
  expect(removal.removeInitiative.__typename).toBe("ScenarioEdit");
  const added = await api(AddInitiative, { input: { scenarioId: child, expectedVersion: await versionOf(child), title: "Nyt forhandlingsforslag", themeId: lines[0]!.initiative.theme.key, amounts: [{ year: 2026, amount: "1.5" }] } });
  expect(added.addInitiative.__typename, JSON.stringify(added)).toBe("ScenarioEdit");
  // After the fork the parent moves on: at the fork this is not the child's difference.
  await setCell(parent, "vmk", 2027, "6,0");

  const { page, errors } = await openGrid(child);
  page.setDefaultTimeout(15_000);
  await page.getByRole("button", { name: "Vis forskel til Forhandlingsoplæg" }).click();
  await expect.poll(() => page.url()).toContain(`vs=${parent}&at=now`);
  await page.getByRole("status").filter({ hasText: "Forskel til Forhandlingsoplæg" }).waitFor();
  await page.locator(".diff-delta").first().waitFor();
  // The amount stays readable beside its difference: "4,5 +1,0".
  expect((await cell(page, "vmk", "y2024").innerText()).replace(/\s+/g, " ").trim()).toMatch(/^4,5 \+\d+,\d$/);
  await expectGridMatches(page, await comparison(parent, child, null));
  expect(await row(page, `removed:${removedKey}`).getByText("Fjernet").count()).toBe(1);
  await screenshot(page, "grid-diff-parent-now");

  // At the fork: the parent's later change to VMK 2027 is no difference of the child's.
  await page.getByRole("combobox", { name: "Forælderen" }).selectOption("fork");
  await expect.poll(() => page.url()).toContain("at=fork");
  const atFork = await comparison(parent, child, forked.forkedFromVersion);
  await expect.poll(() => deltaText(page, "vmk", "y2027")).toBe("");
  await expectGridMatches(page, atFork);

  // A reload keeps the choice (it is in the URL).
  await page.reload();
  await page.locator(".diff-delta").first().waitFor();
  await expect.poll(() => page.getByRole("combobox", { name: "Forælderen" }).inputValue()).toBe("fork");

  // Live: back to the parent now; the parent changes (someone else), then the child does: the differences follow both.
  await page.getByRole("combobox", { name: "Forælderen" }).selectOption("now");
  await page.locator('.ag-row[row-id="vmk"] .ag-cell[col-id="y2027"] .diff-delta').waitFor();
  await setCell(parent, "vmk", 2026, "9,0");
  await expect.poll(async () => deltaText(page, "vmk", "y2026"), { timeout: 15_000 }).toBe(shownDelta((await comparison(parent, child, null)).lines.find((line) => keyOf(line) === "vmk")!.versus[0]!.cells.find((entry) => entry.year === 2026)!.difference));
  await setCell(child, "vmk", 2026, "9,0");
  await expect.poll(() => deltaText(page, "vmk", "y2026"), { timeout: 15_000 }).toBe("");
  await page.getByRole("status").filter({ hasText: "Opdaterer" }).waitFor({ state: "detached" });
  await expectGridMatches(page, await comparison(parent, child, null));

  // Off again: no differences, and the URL forgets the reference.
  await page.getByRole("button", { name: "Vis forskel til Forhandlingsoplæg" }).click();
  await expect.poll(() => page.locator(".diff-delta").count()).toBe(0);
  expect(page.url()).not.toContain("vs=");
  expect(errors).toEqual([]);
}, 180_000);

test("a baseline compares with another scenario; the search and chips find lines and keep their themes while the totals stay whole", async () => {
  const { page, errors } = await openGrid("aftale-2024");
  const grid = gridScenario(await api(ScenarioGridQuery, { id: scenarioGlobalId("aftale-2024") }));
  const allocatedTotal = ((await cell(page, "summary:allocated", "total").textContent()) ?? "").trim();

  // No parent: the toggle offers another scenario, the government's proposal first.
  await page.getByRole("button", { name: "Vis forskel til et andet scenarie" }).click();
  await expect.poll(() => page.url()).toContain("vs=regeringens-udspil-2024");
  await page.locator(".diff-delta").first().waitFor();
  const compared = await comparison("regeringens-udspil-2024", "aftale-2024", null);
  await expectGridMatches(page, compared);

  // The initiative number: exactly the lines the strategy numbers 2.1 (or 2.1.x), under their themes only.
  const search = page.getByRole("searchbox", { name: "Find linjer" });
  await page.locator(".ag-row").first().click();
  await page.keyboard.press("Control+f");
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("type"))).toBe("search");
  await page.keyboard.type("2.1");
  const numbered = grid.lines.filter((line) => line.initiative.sources.some((source) => source.initiativeNumber === "2.1" || source.initiativeNumber?.startsWith("2.1.")));
  expect(numbered.length).toBeGreaterThan(0);
  const shownLineIds = async () => page.locator(".ag-row[row-id]").evaluateAll((rows) => [...new Set(rows.map((element) => element.getAttribute("row-id") ?? ""))]);
  await expect.poll(async () => (await shownLineIds()).filter((id) => !id.startsWith("theme:") && !id.startsWith("summary:")).sort()).toEqual(numbered.map((line) => line.initiative.key).sort());
  const themesShown = (await shownLineIds()).filter((id) => id.startsWith("theme:")).sort();
  expect(themesShown).toEqual([...new Set(numbered.map((line) => `theme:${line.initiative.theme.key}`))].sort());
  // The pinned totals are the whole scenario's, and say so.
  expect(((await cell(page, "summary:allocated", "total").locator(".diff-amount").textContent()) ?? "").trim()).toBe(allocatedTotal);
  await page.getByText("Totaler for hele scenariet", { exact: true }).waitFor();
  expect(await cell(page, "summary:allocated", "title").textContent()).toContain("totaler for hele scenariet");
  await page.getByText(`${numbered.length} af ${grid.lines.length} linjer vises`).waitFor();

  // The agreement's paragraph.
  await search.fill("§ 11");
  const paragraph = grid.lines.filter((line) => line.initiative.sources.some((source) => source.paragraph === 11)).map((line) => line.initiative.key).sort();
  await expect.poll(async () => (await shownLineIds()).filter((id) => !id.startsWith("theme:") && !id.startsWith("summary:")).sort()).toEqual(paragraph);
  await search.press("Escape");
  expect(await search.inputValue()).toBe("");

  // Changed against the reference: exactly the lines compareScenarios calls added, removed or changed.
  await page.getByRole("button", { name: "Ændret", exact: true }).click();
  const changed = compared.lines.filter((line) => line.versus[0]!.status !== "UNCHANGED").map((line) => (line.versus[0]!.status === "REMOVED" ? `removed:${keyOf(line)}` : keyOf(line))).sort();
  await expect.poll(async () => (await shownLineIds()).filter((id) => !id.startsWith("theme:") && !id.startsWith("summary:")).sort()).toEqual(changed);
  await screenshot(page, "grid-diff-baseline-changed");
  await page.getByRole("button", { name: "Ændret", exact: true }).click();

  // Over a threshold: lines whose total is over 10,0.
  await page.getByRole("button", { name: "Beløb i alt" }).click();
  await page.getByRole("textbox", { name: "Grænse i mio. kr." }).fill("10");
  const over = grid.lines.filter((line) => line.amounts.reduce((sum, entry) => sum + fromApi(entry.amount), 0n) > fromApi("10")).map((line) => line.initiative.key).sort();
  await expect.poll(async () => (await shownLineIds()).filter((id) => !id.startsWith("theme:") && !id.startsWith("summary:")).sort()).toEqual(over);
  await page.getByRole("combobox", { name: "Beløb i alt" }).selectOption("under");
  const under = grid.lines.filter((line) => line.amounts.reduce((sum, entry) => sum + fromApi(entry.amount), 0n) < fromApi("10")).map((line) => line.initiative.key).sort();
  await expect.poll(async () => (await shownLineIds()).filter((id) => !id.startsWith("theme:") && !id.startsWith("summary:")).sort()).toEqual(under);
  await page.getByRole("button", { name: "Ryd søgning og filtre" }).click();
  await expect.poll(async () => (await shownLineIds()).filter((id) => !id.startsWith("theme:") && !id.startsWith("summary:") && !id.startsWith("removed:")).length).toBe(grid.lines.length);
  expect(errors).toEqual([]);
}, 180_000);

test("comments where the numbers are: Shift+F2 comments the chosen cell, a corner marks it, and the thread shows on focus and hover", async () => {
  const key = await fork("aftale-2024", "Med kommentarer");
  const { page, errors } = await openGrid(key);
  const title = (await cell(page, "vmk", "title").textContent())!.trim();
  await cell(page, "vmk", "y2025").click();
  await page.keyboard.press("Shift+F2");
  const dialog = page.getByRole("dialog", { name: `Kommentar til ${title}, 2025` });
  await dialog.waitFor();
  // The grid's own editor did not open on F2.
  expect(await page.locator(".ag-cell-inline-editing").count()).toBe(0);
  await dialog.getByRole("textbox", { name: "Kommentar" }).fill("Flere ansøgninger end ventet");
  await dialog.getByRole("button", { name: "Tilføj kommentar" }).click();
  await dialog.waitFor({ state: "detached" });

  // Stored on that cell, through the API.
  await expect.poll(async () => gridScenario(await api(ScenarioGridQuery, { id: scenarioGlobalId(key) })).comments).toMatchObject([
    { text: "Flere ansøgninger end ventet", author: "Lokal bruger", year: 2025, initiative: { key: "vmk" } },
  ]);
  await expect.poll(async () => (await cell(page, "vmk", "y2025").getAttribute("class")) ?? "").toContain("cell-has-comment");
  expect((await cell(page, "vmk", "y2024").getAttribute("class")) ?? "").not.toContain("cell-has-comment");

  // The keyboard: leave the cell and come back; the thread shows, and the cell is described by it.
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowRight");
  const popover = page.getByRole("tooltip").filter({ hasText: "Flere ansøgninger end ventet" });
  await popover.waitFor();
  const described = await cell(page, "vmk", "y2025").getAttribute("aria-describedby");
  expect(described).toBe(await popover.getAttribute("id"));
  await page.keyboard.press("ArrowRight");
  await popover.waitFor({ state: "detached" });

  // Hover: the grid's tooltip carries the thread.
  await cell(page, "vmk", "y2025").hover();
  await page.locator(".ag-tooltip").filter({ hasText: "Flere ansøgninger end ventet" }).waitFor();

  // The chip: lines with comments.
  await page.getByRole("button", { name: "Med kommentarer" }).click();
  await expect.poll(() => page.locator('.ag-row[row-id]:not([row-id^="theme:"]):not([row-id^="summary:"])').count()).toBe(1);
  await screenshot(page, "grid-comment");
  expect(errors).toEqual([]);
}, 180_000);

test("screenshots of the difference view with a search, at 1280×720 and 1920×1080, in Danish and English", async () => {
  const parent = await fork("aftale-2024", "Regeringens linje");
  const child = await fork(parent, "Partiernes modbud med et langt navn der skal kunne læses");
  await setCell(child, "vmk", 2025, "4,0");
  await setCell(parent, "vmk", 2024, "2,0");
  for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
    for (const language of ["da", "en"] as const) {
      const { page, errors } = await openGrid(child, viewport);
      if (language === "en") {
        await page.getByRole("button", { name: "English", exact: true }).click();
        await page.getByRole("button", { name: /^Show difference to/ }).waitFor();
      }
      await page.getByRole("button", { name: language === "da" ? "Vis forskel til Regeringens linje" : "Show difference to Regeringens linje" }).click();
      await page.locator(".diff-delta").first().waitFor();
      await screenshot(page, `grid-diff-${viewport.width}x${viewport.height}-${language}`);
      await page.getByRole("searchbox").fill("vmk");
      await page.getByText(language === "da" ? "Totaler for hele scenariet" : "Totals for the whole scenario", { exact: true }).waitFor();
      await screenshot(page, `grid-diff-search-${viewport.width}x${viewport.height}-${language}`);
      // The toggle, the search, the chips and the coloured differences pass axe (contrast, names, roles).
      if (viewport.width === 1280) expect(await seriousViolations(page)).toEqual([]);
      // The total column is not cut off by the new tools.
      const total = await page.locator('.ag-header-cell[col-id="total"]').boundingBox();
      expect(total!.x + total!.width).toBeLessThanOrEqual(viewport.width);
      expect(errors).toEqual([]);
    }
  }
}, 180_000);
