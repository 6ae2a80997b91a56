/**
 * Any frame in the planner (issue 22): a secretariat admin creates a frame from a workbook made here
 * (3 themes, 12 lines, 2025-2030, a different frame amount each year, a printed total row), sees
 * importBaseline's preview, creates it and lands on its baseline; the frame switcher appears; the
 * baseline is forked, a cell edited, the frame broken in one year (the year is marked) and restored;
 * the fork is compared with the baseline and exported; what was stored is read back through the API;
 * back in the life science frame its scenario list shows only its own scenarios. The switcher and the
 * "Ny ramme" dialog with its preview are photographed at 1280 and 1920 px in Danish and English.
 */
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { ExcelJS } from "@ramme/server/exchange/index.ts";
import { beforeAll, expect, test } from "vitest";
import { operationName, type ResultOf, type TypedDocument } from "../support/documents.ts";
import { persistedBody } from "../support/persistedOperations.ts";
import { FramesQuery, gridScenario, ScenarioGridQuery, ScenarioList } from "./support/clientOperations.ts";
import { createUserWithCli, signInOnPage, unexpectedErrors } from "./support/accounts.ts";
import { seriousViolations } from "./support/axe.ts";
import { screenshot, toolbarAction } from "./support/browser.ts";
import { cell, cellText, focusCell } from "./support/grid.ts";
import { useE2E } from "./support/suite.ts";

const e2e = useE2E({ env: { RAMME_AUTH: "accounts" } });
const ADMIN = { email: "ada@fm.dk", password: "administratorens kodeord" };

const YEARS = [2025, 2026, 2027, 2028, 2029, 2030];
const FRAME = [100, 110, 120, 125.5, 130, 140];
const THEMES = ["Forskning og data", "Erhverv og eksport", "Sundhedsvæsenet"];
/** Line i (0-11) in year y: i + 1 + (y - 2025) / 2 mio. kr.; the lines add up to 78 + 6 (y - 2025). */
const amountOf = (line: number, year: number) => line + 1 + (year - 2025) / 2;
const computedTotal = (year: number) => 78 + 6 * (year - 2025);
const FRAME_NAME = "Grøn pulje";
/** The frame the first test makes, for the second to rename and archive. */
let createdFrameKey = "";

/**
 * The workbook a secretariat writes: a title, the header, theme headings with four lines each, "I alt"
 * (2027 misprinted by 0,5), "Ramme", footnotes. A revision adds `revision` to Linje 1 (and the total)
 * every year; `years` other than the frame's make a workbook for another frame.
 */
async function workbook({ revision = 0, years = YEARS }: { revision?: number; years?: number[] } = {}): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Tabel 1");
  sheet.addRow(["Udspil: Ny pulje for grøn omstilling (mio. kr., 2025-pl)"]);
  sheet.addRow([]);
  sheet.addRow(["Initiativ", ...years]);
  let line = 0;
  for (const theme of THEMES) {
    sheet.addRow([theme]);
    for (let index = 0; index < 4; index += 1, line += 1) sheet.addRow([`Linje ${line + 1}`, ...years.map((year) => amountOf(line, year) + (line === 0 ? revision : 0))]);
  }
  sheet.addRow(["I alt", ...years.map((year) => (year === 2027 ? computedTotal(year) + 0.5 : computedTotal(year)) + revision)]);
  sheet.addRow(["Ramme", ...FRAME]);
  sheet.addRow([]);
  sheet.addRow(["1) Beløbene er foreløbige."]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** One of the web client's own operations, by hash, with the page's session (the server runs trusted operations). */
async function api<TData, TVariables extends Record<string, unknown>>(page: Page, operation: TypedDocument<TData, TVariables>, variables: TVariables): Promise<TData> {
  const response = await page.request.post(`${e2e.app.baseUrl}/graphql`, { headers: { "content-type": "application/json", "x-ramme-client": "web" }, data: persistedBody(operationName(operation as TypedDocument<unknown, unknown>), variables) });
  // The server ran the document by its name's hash: the answer has that document's type.
  const body = (await response.json()) as { data: TData; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}
const scenarioId = (key: string) => Buffer.from(`Scenario:${key}`).toString("base64");
/** A line's stored amount in a year, from the grid query's answer. */
const storedAmount = (grid: ResultOf<typeof ScenarioGridQuery>, title: string, year: number): string | undefined =>
  gridScenario(grid).lines.find((line) => line.initiative.title === title)?.amounts.find((entry) => entry.year === year)?.amount;

/** Opens "Ny ramme" (or "New frame"), names the frame and chooses the workbook; waits for the preview. */
async function fillNewFrame(page: Page, file: Buffer, english = false) {
  await page.getByRole("button", { name: english ? "New frame" : "Ny ramme", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(english ? "Name" : "Navn", { exact: true }).fill(FRAME_NAME);
  await dialog.getByLabel(english ? "Description" : "Beskrivelse").fill("Puljen til grøn omstilling, aftale af 1. december 2026.");
  await dialog.getByLabel(english ? "Workbook or CSV file" : "Regneark eller CSV-fil").setInputFiles({ name: "udspil-groen-pulje.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: file });
  await dialog.getByText(english ? "12 lines under 3 themes, 2025-2030, from Tabel 1." : "12 linjer under 3 temaer, 2025-2030, fra Tabel 1.").waitFor();
  return dialog;
}

/** Every link and button of the top bar on one line: none taller than one line of text, all on one row. */
async function topBarOnOneLine(page: Page) {
  const boxes = await page.locator(".app-header a, .app-header button").evaluateAll((elements) =>
    elements.map((element) => ({ text: element.textContent, height: element.getBoundingClientRect().height, middle: element.getBoundingClientRect().top + element.getBoundingClientRect().height / 2 })),
  );
  const lineHeight = await page.locator(".app-header nav a").first().evaluate((element) => parseFloat(getComputedStyle(element).lineHeight) || 20);
  for (const box of boxes) expect(box.height, box.text ?? "").toBeLessThan(2 * lineHeight);
  const middles = boxes.map((box) => box.middle);
  expect(Math.max(...middles) - Math.min(...middles)).toBeLessThan(lineHeight);
}

async function photograph(page: Page, name: string) {
  for (const width of [1280, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await topBarOnOneLine(page);
    await screenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

beforeAll(() => {
  createUserWithCli(e2e.app.databaseFile, ["--email", ADMIN.email, "--name", "Ada Admin", "--organisation", "finansministeriet", "--organisation-name", "Finansministeriet", "--kind", "secretariat", "--role", "admin"], ADMIN.password);
});

test("a secretariat admin creates a frame from a workbook, plans it as the life science frame is planned, and goes back to the life science frame", async () => {
  const file = await workbook();
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/`);
  await signInOnPage(page, ADMIN);
  const lifeScience = (await api(page, FramesQuery, {})).frames;
  expect(lifeScience).toHaveLength(1);
  // One frame: no switcher, the planner as it always was.
  await page.getByRole("link", { name: "Aftale om strategi for life science (21. november 2024)" }).first().waitFor();
  expect(await page.getByRole("combobox", { name: "Ramme" }).count()).toBe(0);

  // The preview, in Danish: lines under their themes, totals against the file's frame, the printed total against the computed one, the misprint located.
  let dialog = await fillNewFrame(page, file);
  await dialog.getByText("Ark Tabel 1, række 19, kolonne 2027").waitFor();
  const totals = dialog.getByRole("table", { name: "Fordelt mod rammen pr. år" });
  await expect.poll(async () => (await totals.getByRole("row", { name: /^Ramme/ }).innerText()).replace(/\s+/g, " ")).toBe("Ramme 100,0 110,0 120,0 125,5 130,0 140,0");
  expect((await totals.getByRole("row", { name: /^Råderum/ }).innerText()).replace(/\s+/g, " ")).toBe("Råderum 22,0 26,0 30,0 29,5 28,0 32,0");
  const printed = dialog.getByRole("table", { name: /Den trykte total \(række 19\)/ });
  expect((await printed.getByRole("row", { name: /^Forskel/ }).innerText()).replace(/\s+/g, " ")).toMatch(/^Forskel 0,0 0,0 \+0,5 0,0 0,0 0,0$/);
  expect(await dialog.getByRole("rowgroup").filter({ hasText: "Linje" }).count()).toBeGreaterThan(0);
  for (const theme of THEMES) await dialog.getByRole("rowheader", { name: theme, exact: true }).waitFor();
  await photograph(page, "frames-1-new-frame-da");
  expect(await seriousViolations(page)).toEqual([]);
  // Nothing is stored by the preview.
  expect((await api(page, FramesQuery, {})).frames).toHaveLength(1);
  // A table without years: refused in the preview at its row, and "Opret" stays off.
  await dialog.getByLabel("Regneark eller CSV-fil").setInputFiles({ name: "uden-aar.csv", mimeType: "text/csv", buffer: Buffer.from("Tema;Initiativ;Beløb\nA;Linje;1\n") });
  await dialog.getByRole("alert").getByText(/^Række 1: overskriftsrækken har ingen kolonner for år/).waitFor();
  expect(await dialog.getByRole("button", { name: "Opret", exact: true }).isDisabled()).toBe(true);
  await dialog.getByRole("button", { name: "Luk" }).click();

  // The same in English.
  await page.getByRole("button", { name: "English" }).click();
  dialog = await fillNewFrame(page, file, true);
  await dialog.getByText("Sheet Tabel 1, row 19, column 2027").waitFor();
  await photograph(page, "frames-1-new-frame-en");
  await dialog.getByRole("button", { name: "Close" }).click();
  await page.getByRole("button", { name: "Dansk" }).click();

  // "Opret": the frame and its locked baseline; the planner opens the baseline in the new frame.
  dialog = await fillNewFrame(page, file);
  await dialog.getByRole("button", { name: "Opret", exact: true }).click();
  await page.getByRole("heading", { name: "Grundlag", exact: true }).waitFor();
  await expect.poll(() => page.url()).toMatch(/#\/f\/[^/]+\/scenario\//);
  const frames = (await api(page, FramesQuery, {})).frames;
  expect(frames.map((frame) => frame.name)).toEqual([lifeScience[0]!.name, FRAME_NAME]);
  const frame = frames[1]!;
  createdFrameKey = frame.key;
  expect(frame.years.map(({ year, amount }) => ({ year, amount }))).toEqual(YEARS.map((year, index) => ({ year, amount: String(FRAME[index]) })));
  expect(frame.hasDocuments).toBe(false);
  const baselineKey = decodeURIComponent(page.url().split("/scenario/")[1]!);

  // The grid shows the frame's own years and amounts.
  await page.locator(".ag-row").first().waitFor();
  await screenshot(page, "frames-5-baseline-grid-da");
  expect(await cellText(page, "summary:frame", "y2030")).toBe("140,0");
  expect(await cellText(page, "summary:allocated", "y2025")).toBe("78,0");
  expect(await page.locator('.ag-header-cell[col-id="y2024"]').count()).toBe(0);
  // Stored in the frame's own price level.
  expect(await page.getByRole("combobox", { name: "Prisniveau" }).locator("option:checked").innerText()).toBe("2025-pl (gemte beløb)");

  // The switcher appears, on the new frame.
  const switcher = page.getByRole("combobox", { name: "Ramme" });
  await expect.poll(() => switcher.inputValue()).toBe(frame.key);
  await page.getByRole("link", { name: "Scenarier", exact: true }).click();
  await page.getByRole("link", { name: "Grundlag", exact: true }).waitFor();
  await photograph(page, "frames-2-switcher-da");
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("combobox", { name: "Frame" }).waitFor();
  await photograph(page, "frames-2-switcher-en");
  await page.getByRole("button", { name: "Dansk" }).click();

  // Fork the baseline and edit a cell: Linje 1 in 2030 from 3,5 to 4,6.
  const stored = await api(page, ScenarioGridQuery, { id: scenarioId(baselineKey) });
  const keyOf = (title: string) => gridScenario(stored).lines.find((line) => line.initiative.title === title)!.initiative.key;
  await page.getByRole("row", { name: /Grundlag/ }).getByRole("button", { name: "Lav alternativ" }).click();
  await page.getByRole("dialog").getByLabel("Navn").fill("Mere til data");
  await page.getByRole("dialog").getByRole("button", { name: "Lav alternativ" }).click();
  await page.getByRole("heading", { name: "Mere til data" }).waitFor();
  await expect.poll(() => page.url()).toContain(`#/f/${frame.key}/scenario/`);
  const forkKey = decodeURIComponent(page.url().split("/scenario/")[1]!);
  await page.locator(".ag-row").first().waitFor();
  await focusCell(page, keyOf("Linje 1"), "y2030");
  await page.keyboard.type("4,6");
  await page.keyboard.press("Enter");
  await expect.poll(() => cellText(page, "summary:allocated", "y2030")).toBe("109,1");

  // Break the frame in 2025 (Linje 12 from 12,0 to 40,0: 106,0 against 100,0), see the year marked, restore it.
  await focusCell(page, keyOf("Linje 12"), "y2025");
  await page.keyboard.type("40");
  await page.keyboard.press("Enter");
  await expect.poll(() => cellText(page, "summary:headroom", "y2025")).toBe("-6,0");
  await expect.poll(() => cell(page, "summary:headroom", "y2025").getAttribute("class")).toContain("cell-negative");
  await page.getByText("Over rammen i 2025 (6,0)").waitFor();
  expect(await cell(page, "summary:headroom", "y2026").getAttribute("class")).not.toContain("cell-negative");
  // Stored before the next edit (the grid sends edits in order; the restore must not race the save).
  await expect.poll(async () => storedAmount(await api(page, ScenarioGridQuery, { id: scenarioId(forkKey) }), "Linje 12", 2025)).toBe("40");
  await focusCell(page, keyOf("Linje 12"), "y2025");
  await page.keyboard.type("12");
  await page.keyboard.press("Enter");
  await expect.poll(() => cellText(page, "summary:headroom", "y2025")).toBe("22,0");
  expect(await cell(page, "summary:headroom", "y2025").getAttribute("class")).not.toContain("cell-negative");

  // Export the fork: the workbook has the frame's years and the edited amount.
  const [download] = await Promise.all([page.waitForEvent("download"), (await toolbarAction(page, "button", "Eksportér Excel")).click()]);
  const exported = new ExcelJS.Workbook();
  await exported.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  exported.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  const header = rows.find((row) => row.some((value) => String(value) === "2025"));
  expect(header?.map(String).filter((value) => /^\d{4}$/.test(value)).map(Number)).toEqual(YEARS);
  expect(rows.find((row) => row.includes("Linje 1"))).toContain(4.6);

  // Compare the fork with the baseline from the scenario list.
  await page.getByRole("link", { name: "Scenarier", exact: true }).click();
  await page.getByRole("checkbox", { name: "Vælg »Grundlag« til sammenligning" }).check();
  await page.getByRole("checkbox", { name: "Vælg »Mere til data« til sammenligning" }).check();
  await page.getByRole("button", { name: /Sammenlign valgte/ }).click();
  await page.getByRole("heading", { name: "Forskellene i ord" }).waitFor();
  await page.getByRole("checkbox", { name: "Mere til data" }).waitFor();
  expect(page.url()).toContain(`#/f/${frame.key}/compare?`);
  // The pickers offer this frame's scenarios only.
  const baseOptions = await page.getByRole("combobox", { name: "Udgangspunkt" }).locator("option").allInnerTexts();
  expect(baseOptions.filter((option) => option !== "Vælg et udgangspunkt …").sort()).toEqual(["Grundlag", "Mere til data"]);

  // The fork tree is this frame's.
  await page.getByRole("link", { name: "Stamtræ", exact: true }).click();
  const tree = page.getByRole("list", { name: "Scenariernes stamtræ" });
  await tree.getByRole("link", { name: "Mere til data" }).waitFor();
  expect(await tree.getByRole("link", { name: /life science/ }).count()).toBe(0);

  // Stored, through the API: the fork belongs to the frame, the edit is there, the broken year restored.
  const fork = await api(page, ScenarioGridQuery, { id: scenarioId(forkKey) });
  expect(gridScenario(fork).frame.key).toBe(frame.key);
  expect(storedAmount(fork, "Linje 1", 2030)).toBe("4.6");
  expect(storedAmount(fork, "Linje 12", 2025)).toBe("12");
  const frameList = await api(page, ScenarioList, { includeArchived: false, frameId: frame.key });
  expect(frameList.scenarios.nodes.map((node) => node.name).sort()).toEqual(["Grundlag", "Mere til data"]);

  // The views on the life science documents say plainly that this frame has none: no broken or empty screens.
  await page.goto(`${e2e.app.baseUrl}/#/f/${frame.key}/coverage?scenarios=${forkKey}`);
  await page.getByText(`Rammen »${FRAME_NAME}« har ingen dokumenter bag sig`).waitFor();
  await screenshot(page, "frames-3-coverage-da");
  await page.goto(`${e2e.app.baseUrl}/#/f/${frame.key}/consistency/${baselineKey}`);
  await page.getByText("Rammen har ingen aftaletekst: kun tabellens trykte totaler kontrolleres.").waitFor();
  // The printed-total check works for the imported baseline: 2027 differs by 0,5.
  await page.getByRole("heading", { name: /Trykte totaler/ }).waitFor();
  await screenshot(page, "frames-4-consistency-da");
  await page.getByRole("link", { name: "Scenarier", exact: true }).click();
  await page.getByRole("link", { name: "Mere til data" }).waitFor();

  // Back to the life science frame: its list shows its own scenarios only, and its links carry no frame.
  await page.getByRole("combobox", { name: "Ramme" }).selectOption({ label: lifeScience[0]!.name });
  await page.getByRole("link", { name: "Aftale om strategi for life science (21. november 2024)" }).first().waitFor();
  expect(new URL(page.url()).hash).toBe("#/");
  expect(await page.getByRole("link", { name: "Mere til data" }).count()).toBe(0);
  expect(await page.getByRole("link", { name: "Grundlag", exact: true }).count()).toBe(0);
  const lifeList = await api(page, ScenarioList, { includeArchived: false, frameId: lifeScience[0]!.key });
  const shown = await page.locator(".scenario-list tbody tr").count();
  expect(shown).toBe(lifeList.scenarios.nodes.length);
  expect(unexpectedErrors(errors)).toEqual([]);
});

test("a revised proposal becomes a second baseline of the frame from its workbook; a workbook of other years is refused and stores nothing", async () => {
  expect(createdFrameKey).not.toBe("");
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/#/f/${createdFrameKey}/`);
  await signInOnPage(page, ADMIN);
  await page.getByRole("link", { name: "Grundlag", exact: true }).first().waitFor();
  const names = async () => (await api(page, ScenarioList, { includeArchived: false, frameId: createdFrameKey })).scenarios.nodes.map((node) => node.name).sort();
  const before = await names();

  // Years the frame does not have: located, "Opret grundlag" stays off, nothing is stored.
  await page.getByRole("button", { name: "Nyt grundlag" }).click();
  let dialog = page.getByRole("dialog", { name: `Nyt grundlag for »${FRAME_NAME}«` });
  await dialog.getByLabel("Regneark eller CSV-fil").setInputFiles({ name: "andre-aar.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await workbook({ years: [2024, 2025, 2026, 2027, 2028, 2029] }) });
  await dialog.getByText(/Ark Tabel 1/).first().waitFor();
  expect(await dialog.getByRole("button", { name: "Opret grundlag" }).isDisabled()).toBe(true);
  await dialog.getByRole("button", { name: "Luk" }).click();
  expect(await names()).toEqual(before);

  // The revised workbook: a preview against the frame, then a second locked baseline in the same frame.
  await page.getByRole("button", { name: "Nyt grundlag" }).click();
  dialog = page.getByRole("dialog", { name: `Nyt grundlag for »${FRAME_NAME}«` });
  await dialog.getByLabel("Grundlagets navn").fill("Revideret udspil");
  await dialog.getByLabel("Regneark eller CSV-fil").setInputFiles({ name: "revideret.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await workbook({ revision: 2 }) });
  await dialog.getByText("12 linjer under 3 temaer, 2025-2030, fra Tabel 1.").waitFor();
  await screenshot(page, "frames-6-new-baseline-da");
  await dialog.getByRole("button", { name: "Opret grundlag" }).click();
  await page.getByRole("heading", { name: "Revideret udspil" }).waitFor();
  expect(new URL(page.url()).hash).toContain(`#/f/${createdFrameKey}/scenario/`);
  const key = decodeURIComponent(new URL(page.url()).hash.replace(/^.*\/scenario\//, ""));
  const revised = await api(page, ScenarioGridQuery, { id: scenarioId(key) });
  expect(revised.scenario).toMatchObject({ kind: "BASELINE", locked: true, frame: { key: createdFrameKey } });
  expect(storedAmount(revised, "Linje 1", 2025)).toBe("3");
  expect(storedAmount(revised, "Linje 2", 2025)).toBe("2");
  expect(await names()).toEqual([...before, "Revideret udspil"].sort());
  expect(unexpectedErrors(errors)).toEqual([]);
});

test("the admin renames the frame and archives it: the switcher goes, the life science planner is as before, the frame is kept", async () => {
  expect(createdFrameKey).not.toBe("");
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/#/f/${createdFrameKey}/`);
  await signInOnPage(page, ADMIN);
  // The baseline's own row, and the fork's parent column.
  await page.getByRole("link", { name: "Grundlag", exact: true }).first().waitFor();
  await page.getByRole("button", { name: "Rammens indstillinger" }).click();
  const dialog = page.getByRole("dialog");
  // A name another frame has is refused in the catalogue's Danish, naming it (never the API's English sentence), and nothing is stored.
  const other = (await api(page, FramesQuery, {})).frames.find((frame) => frame.key !== createdFrameKey)!;
  await dialog.getByLabel("Navn", { exact: true }).fill(other.name);
  await dialog.getByRole("button", { name: "Gem" }).click();
  await expect.poll(() => dialog.getByRole("alert").innerText()).toBe(`Rammen kunne ikke gemmes: Navnet »${other.name}« er allerede brugt.`);
  await screenshot(page, "frames-5-name-taken-da");
  expect((await api(page, FramesQuery, {})).frames.find((frame) => frame.key === createdFrameKey)!.name).toBe(FRAME_NAME);
  await dialog.getByLabel("Navn", { exact: true }).fill("Grøn pulje 2025-2030");
  await dialog.getByRole("button", { name: "Gem" }).click();
  await dialog.getByText("Rammen er gemt.").waitFor();
  await expect.poll(() => page.getByRole("combobox", { name: "Ramme" }).locator("option:checked").innerText()).toBe("Grøn pulje 2025-2030");

  await dialog.getByRole("button", { name: "Arkivér rammen" }).click();
  await page.getByRole("link", { name: "Aftale om strategi for life science (21. november 2024)" }).first().waitFor();
  await expect.poll(() => page.getByRole("combobox", { name: "Ramme" }).count()).toBe(0);
  expect(new URL(page.url()).hash).toBe("#/");
  const all = (await api(page, FramesQuery, {})).frames;
  expect(all.find((frame) => frame.key === createdFrameKey)).toMatchObject({ name: "Grøn pulje 2025-2030", archived: true });
  expect(unexpectedErrors(errors)).toEqual([]);
});
