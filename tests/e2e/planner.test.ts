/**
 * The planner as a negotiator uses it, in real Chromium against the real server and a real SQLite
 * file: open the agreement, fork it, edit a cell and watch the totals, paste a block from Excel,
 * undo it, break the frame, compare the baselines, export and read the file back.
 */
import { expect, test } from "vitest";
import type { Page, Request } from "playwright-core";
import { clientOperationOverHttp } from "../support/graphqlHttp.ts";
import { screenshot, forkFromGrid } from "./support/browser.ts";
import { cell, cellText, focusCell, pasteText, shownRowOrder, storedCells } from "./support/grid.ts";
import { useE2E } from "./support/suite.ts";
import { ForkScenario, forkedKey, gridScenario, ScenarioGridQuery } from "./support/clientOperations.ts";

const e2e = useE2E();

const AGREEMENT = "Aftale om strategi for life science (21. november 2024)";

/** A cell by its row's id (an initiative's key, "theme:<key>", "summary:allocated|frame|headroom|stated") and its column ("y2024", "total"). */
/**
 * Playwright's "networkidle" for a page with a live grid, whose update stream stays open: resolves
 * once no other request has been in flight for 500 ms. Call before navigating; await the result after.
 */
function quietApartFromLiveStream(page: Page): () => Promise<void> {
  const open = new Set<Request>();
  let changedAt = Date.now();
  const isLiveStream = (request: Request) => request.postDataJSON()?.operationName === "ScenarioChanged";
  page.on("request", (request) => {
    if (isLiveStream(request)) return;
    open.add(request);
    changedAt = Date.now();
  });
  const done = (request: Request) => {
    if (open.delete(request)) changedAt = Date.now();
  };
  page.on("requestfinished", done);
  page.on("requestfailed", done);
  return () => expect.poll(() => open.size === 0 && Date.now() - changedAt >= 500, { interval: 100, timeout: 30_000 }).toBe(true);
}

test("open the agreement: lines under their themes, totals, frame and headroom per year, read-only with a fork action", async () => {
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/`);
  await page.getByRole("link", { name: AGREEMENT }).click();
  await page.getByRole("heading", { name: AGREEMENT }).waitFor();
  await page.locator(".ag-row").first().waitFor();
  expect(await cellText(page, "theme:forskning-sundhedsdata", "y2024")).toBe("16,3");
  expect(await cellText(page, "summary:allocated", "y2024")).toBe("98,9");
  expect(await cellText(page, "summary:frame", "y2024")).toBe("100,0");
  expect(await cellText(page, "summary:headroom", "y2024")).toBe("1,1");
  expect(await cellText(page, "summary:headroom", "y2025")).toBe("0,0");
  await page.getByText("Grundlag fra dokumentet – kan ikke ændres.").waitFor();
  await screenshot(page, "planner-1-agreement");
  expect(errors).toEqual([]);
});

test("fork, edit a cell and see the totals and headroom change; break the frame and see the warning; paste a block and undo it", async () => {
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/#/scenario/aftale-2024`);
  await forkFromGrid(page);
  await page.getByRole("heading", { name: `${AGREEMENT} – alternativ` }).waitFor();
  await page.locator(".ag-row").first().waitFor();

  // VMK 2024 is 3,5; typing 4,5 raises 2024 from 98,9 to 99,9.
  await focusCell(page, "vmk", "y2024");
  await page.keyboard.type("4,5");
  await page.keyboard.press("Enter");
  await expect.poll(() => cellText(page, "summary:allocated", "y2024")).toBe("99,9");
  expect(await cellText(page, "summary:headroom", "y2024")).toBe("0,1");
  await page.getByText("Gemt · version 2").waitFor();

  // 2025 is exactly at the frame: +1,0 on VMK breaks it.
  await focusCell(page, "vmk", "y2025");
  await page.keyboard.type("3.5");
  await page.keyboard.press("Enter");
  await expect.poll(() => cellText(page, "summary:headroom", "y2025")).toBe("-1,0");
  await page.getByText("Over rammen i 2025 (1,0)").waitFor();
  await screenshot(page, "planner-2-over-frame");

  // Invalid input is shown at the cell and never stored.
  await focusCell(page, "trial-nation", "y2026");
  await page.keyboard.type("abc");
  await page.keyboard.press("Enter");
  await page.getByText("»abc« blev ikke gemt: ikke et beløb").waitFor();
  // The editor stays open with the typed text; Escape gives it up and the stored amount shows again.
  await expect.poll(() => cell(page, "trial-nation", "y2026").locator("input").inputValue()).toBe("abc");
  await page.keyboard.press("Escape");
  await expect.poll(() => cellText(page, "trial-nation", "y2026")).toBe("4,7");

  // Paste a 3×4 block from Excel at Trial Nation 2024.
  await focusCell(page, "trial-nation", "y2024");
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData("text/plain", "1\t1\t1\t1\r\n2\t2\t2\t2\r\n3\t3\t3\t3\r\n");
    document.querySelector(".grid-wrap")!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await page.getByText("12 celler indsat.").waitFor();
  expect(await cellText(page, "trial-nation", "y2024")).toBe("1,0");
  await screenshot(page, "planner-3-pasted");

  // Undo (Ctrl+Z) takes the whole paste back.
  await focusCell(page, "trial-nation", "y2025");
  await page.keyboard.press("Control+z");
  await page.getByText("Fortrudt.").waitFor();
  await expect.poll(() => cellText(page, "trial-nation", "y2024")).toBe("4,7");
  expect(errors).toEqual([]);
});

test("a paste lands on the selected block from its top-left: one value fills it, a column tiles it; only those cells are stored", async () => {
  const fork = await clientOperationOverHttp(e2e.app.baseUrl, ForkScenario, { input: { sourceId: "aftale-2024", name: "Indsæt i markering" } });
  const key = forkedKey(fork);
  const before = await storedCells(e2e.app.baseUrl, key);
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/#/scenario/${key}`);
  await page.locator('.ag-row[row-id="vmk"]').waitFor();

  // Select vmk 2024 and extend two lines down and one year right (3 × 2), then paste one value.
  await focusCell(page, "vmk", "y2024");
  await page.keyboard.down("Shift");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.up("Shift");
  const rows = await page.locator(".cell-selected").evaluateAll((cells) => [...new Set(cells.map((cell) => cell.closest(".ag-row")!.getAttribute("row-id")!))]);
  expect(rows).toHaveLength(3);
  await pasteText(page, "2,5\r\n");
  await page.getByText("6 celler indsat.").waitFor();

  const afterFill = await storedCells(e2e.app.baseUrl, key);
  const changed = [...afterFill].filter(([cellId, amount]) => before.get(cellId) !== amount).map(([cellId]) => cellId).sort();
  expect(changed).toEqual(rows.flatMap((row) => [`${row}:2024`, `${row}:2025`].filter((cellId) => before.get(cellId) !== "2.5")).sort());
  for (const row of rows) {
    expect(afterFill.get(`${row}:2024`)).toBe("2.5");
    expect(afterFill.get(`${row}:2025`)).toBe("2.5");
  }
  // The cell where the selection ended (bottom-right) was not the start: the line below the block is untouched.
  expect(afterFill.get(`${rows[2]}:2026`)).toBe(before.get(`${rows[2]}:2026`));

  // A one-value-wide column of two values, pasted on a 2 × 1 selection made upwards (Shift+↑), lands from the top.
  await focusCell(page, rows[2]!, "y2027");
  await page.keyboard.press("Shift+ArrowUp");
  await pasteText(page, "7\r\n8\r\n");
  await page.getByText("2 celler indsat.").waitFor();
  const afterColumn = await storedCells(e2e.app.baseUrl, key);
  expect([afterColumn.get(`${rows[1]}:2027`), afterColumn.get(`${rows[2]}:2027`)]).toEqual(["7", "8"]);
  expect(errors).toEqual([]);
});

test("sorting a column orders lines within each theme, headings stay; a paste after the sort follows the rows as shown", async () => {
  const fork = await clientOperationOverHttp(e2e.app.baseUrl, ForkScenario, { input: { sourceId: "aftale-2024", name: "Sorteret" } });
  const key = forkedKey(fork);
  const grid = await clientOperationOverHttp(e2e.app.baseUrl, ScenarioGridQuery, { id: Buffer.from(`Scenario:${key}`).toString("base64") });
  const themeOf = new Map(gridScenario(grid).lines.map((line) => [line.initiative.key, line.initiative.theme.key]));
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/#/scenario/${key}`);
  await page.locator('.ag-row[row-id="vmk"]').waitFor();
  const shownOrder = () => shownRowOrder(page);
  const documentOrder = await shownOrder();

  await page.locator('.ag-header-cell[col-id="y2024"]').click();
  await expect.poll(async () => (await shownOrder()).join(",")).not.toBe(documentOrder.join(","));
  const sorted = await shownOrder();
  // Every line sits under its own theme's heading, and the headings keep the document's order.
  let heading = "";
  for (const rowId of sorted) {
    if (rowId.startsWith("theme:")) heading = rowId.slice("theme:".length);
    else expect([rowId, heading]).toEqual([rowId, themeOf.get(rowId)]);
  }
  expect(sorted.filter((rowId) => rowId.startsWith("theme:"))).toEqual(documentOrder.filter((rowId) => rowId.startsWith("theme:")));

  // The first two lines as shown (not as in the document) get the pasted value.
  const [first, second] = sorted.filter((rowId) => !rowId.startsWith("theme:"));
  await focusCell(page, first!, "y2026");
  await page.keyboard.press("Shift+ArrowDown");
  await pasteText(page, "9\r\n");
  await page.getByText("2 celler indsat.").waitFor();
  const stored = await storedCells(e2e.app.baseUrl, key);
  expect([stored.get(`${first}:2026`), stored.get(`${second}:2026`)]).toEqual(["9", "9"]);
  expect(errors).toEqual([]);
});

test("Delete sets the selected block to 0 and Ctrl+D fills down from its first row, each as one stored edit", async () => {
  const fork = await clientOperationOverHttp(e2e.app.baseUrl, ForkScenario, { input: { sourceId: "aftale-2024", name: "Ryd og udfyld" } });
  const key = forkedKey(fork);
  const before = await storedCells(e2e.app.baseUrl, key);
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/#/scenario/${key}`);
  await page.locator('.ag-row[row-id="vmk"]').waitFor();

  // vmk 2024–2025 and the line below it: Delete clears those four cells, nothing else.
  await focusCell(page, "vmk", "y2024");
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("Shift+ArrowRight");
  const rows = await page.locator(".cell-selected").evaluateAll((cells) => [...new Set(cells.map((cell) => cell.closest(".ag-row")!.getAttribute("row-id")!))]);
  expect(rows).toHaveLength(2);
  await page.keyboard.press("Delete");
  await page.getByText("Sat til 0: 4 af de valgte celler.").waitFor();
  const cleared = await storedCells(e2e.app.baseUrl, key);
  for (const row of rows) for (const year of [2024, 2025]) expect(cleared.get(`${row}:${year}`)).toBe("0");
  expect(cleared.get(`${rows[0]}:2026`)).toBe(before.get(`${rows[0]}:2026`));

  // Ctrl+D on vmk 2026 down over the next line: the line below gets vmk's 2026 amount.
  await focusCell(page, rows[0]!, "y2026");
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("Control+d");
  await page.getByText("Udfyldt: 1 af de valgte celler.").waitFor();
  const filled = await storedCells(e2e.app.baseUrl, key);
  expect(filled.get(`${rows[1]}:2026`)).toBe(before.get(`${rows[0]}:2026`));
  expect(errors).toEqual([]);
});

test("a refused value marks its cell until the cell is right again; Backspace then Enter empties the cell to 0", async () => {
  const fork = await clientOperationOverHttp(e2e.app.baseUrl, ForkScenario, { input: { sourceId: "aftale-2024", name: "Tom celle" } });
  const key = forkedKey(fork);
  const before = await storedCells(e2e.app.baseUrl, key);
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/#/scenario/${key}`);
  await page.locator('.ag-row[row-id="vmk"]').waitFor();

  // "2.000" is ambiguous: refused, marked, nothing stored.
  await focusCell(page, "vmk", "y2025");
  await page.keyboard.type("2.000");
  await page.keyboard.press("Enter");
  await expect.poll(() => cell(page, "vmk", "y2025").getAttribute("class")).toContain("cell-error");
  expect((await storedCells(e2e.app.baseUrl, key)).get("vmk:2025")).toBe(before.get("vmk:2025"));

  // The editor is open again with the refused text selected: typing the amount it already holds
  // replaces it; that is nothing to store, but the mark goes.
  await expect.poll(() => cell(page, "vmk", "y2025").locator("input").inputValue()).toBe("2.000");
  await page.keyboard.type(String(before.get("vmk:2025")).replace(".", ","));
  await page.keyboard.press("Enter");
  await expect.poll(() => cell(page, "vmk", "y2025").getAttribute("class")).not.toContain("cell-error");

  // Backspace opens the editor empty; Enter stores 0.
  await focusCell(page, "vmk", "y2024");
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await storedCells(e2e.app.baseUrl, key)).get("vmk:2024")).toBe("0");
  expect(errors).toEqual([]);
});

test("select a block with Shift+arrows and copy it as tab-separated text, ready for Excel", async () => {
  const { page, context, errors } = await e2e.open();
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const quiet = quietApartFromLiveStream(page);
  await page.goto(`${e2e.app.baseUrl}/#/scenario/aftale-2024`);
  await quiet();
  await focusCell(page, "vmk", "y2024");
  await page.keyboard.down("Shift");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.up("Shift");
  await page.keyboard.press("Control+c");
  // Polled on the status line itself, so a failure says what the grid did instead.
  await expect.poll(async () => `${await page.locator(".status").textContent()} / ${await page.locator(".cell-selected").count()} selected`).toBe("4 celler kopieret. / 4 selected");
  // vmk 3,5 and 2,5; below it klinisk-forskning-analyse 1,0 and 0 (printed "-").
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("3,5\t2,5\r\n1,0\t0,0\r\n");
  expect(errors).toEqual([]);
});

test("add a new proposal line, bring the frame back with a reserve proposal, show the chart, remove the line", async () => {
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/#/scenario/regeringens-udspil-2024`);
  await forkFromGrid(page);
  await page.getByRole("heading", { name: /– alternativ$/ }).waitFor();
  await page.locator('.ag-row[row-id="vmk"]').waitFor();

  await page.getByRole("button", { name: "Tilføj linje" }).click();
  const add = page.getByRole("dialog", { name: /Ny linje i/ });
  await add.getByLabel("Titel").fill("Nyt partiforslag");
  await add.getByLabel("Tema").selectOption({ label: "Internationalt samarbejde og sundhedsdiplomati" });
  await add.getByRole("button", { name: "Tilføj linje" }).click();
  await page.getByText("Nyt partiforslag").waitFor();

  // Give the new line 3,0 in 2025: the proposal's 2025 is at 100,0, so the year goes 3,0 over.
  const newRow = page.locator(".ag-row").filter({ hasText: "Nyt partiforslag" });
  const rowId = await newRow.first().getAttribute("row-id");
  await focusCell(page, rowId!, "y2025");
  await page.keyboard.type("3");
  await page.keyboard.press("Enter");
  await page.getByText("Over rammen i 2025 (3,0)").waitFor();

  await page.getByRole("button", { name: "Bring inden for rammen" }).click();
  const balance = page.getByRole("dialog", { name: "Bring alle år inden for rammen" });
  await balance.getByRole("button", { name: "Vis forslag" }).click();
  // The reserve takes the difference: 2025's reserve 6,1 → 3,1 (and 2024's spare 0,9 goes to it: 7,6 → 8,5).
  await balance.getByRole("cell", { name: "3,1" }).waitFor();
  await screenshot(page, "planner-4-balance");
  await balance.getByRole("button", { name: "Anvend forslaget" }).click();
  await page.getByText("Holder rammen").waitFor();
  await expect.poll(() => cellText(page, "reserve", "y2025")).toBe("3,1");

  await page.getByRole("button", { name: "Diagram" }).click();
  await page.locator(".scenario-chart canvas").first().waitFor();
  await screenshot(page, "planner-5-chart");
  await page.getByRole("button", { name: "Diagram" }).click();

  await focusCell(page, rowId!, "y2024");
  await page.getByRole("button", { name: "Fjern linje" }).click();
  await page.getByRole("dialog", { name: "Fjern linje" }).getByRole("button", { name: "Fjern linje" }).click();
  await expect.poll(() => page.locator(`.ag-row[row-id="${rowId}"]`).count()).toBe(0);
  expect(errors).toEqual([]);
});
