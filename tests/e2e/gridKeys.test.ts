/**
 * The grid's keyboard and mouse contract (docs/grid-keys.md), row by row, in real Chromium against
 * the real server: every test forks the agreement, uses one key or gesture, and reads the stored
 * cells back through the API — what landed where, and that nothing else changed. Refusals show a
 * message and store nothing.
 */
import { expect, test } from "vitest";
import type { Page } from "playwright-core";
import { clientOperationOverHttp } from "../support/graphqlHttp.ts";
import { seriousViolations } from "./support/axe.ts";
import { screenshot } from "./support/browser.ts";
import { cell, cellText, changedCells, expectFocusAt, focusCell, forkAndOpen, pasteText, scenarioId, shownRowOrder, storedCells } from "./support/grid.ts";
import { useE2E } from "./support/suite.ts";
import { gridScenario, LockScenario, ScenarioGridQuery } from "./support/clientOperations.ts";

const e2e = useE2E();

const status = (page: Page) => page.locator("p.status");
const selectionStatus = (page: Page) => page.getByTestId("selection-status");
const stored = (key: string) => storedCells(e2e.app.baseUrl, key);
/** Waits until the stored cells differ from `before` in exactly these cells; returns the new reading. */
async function expectChanged(key: string, before: Map<string, string>, cells: string[]): Promise<Map<string, string>> {
  await expect.poll(async () => changedCells(before, await stored(key)), { timeout: 15_000 }).toEqual([...cells].sort());
  return stored(key);
}
/** Types a value into the focused cell and presses Enter. */
async function typeValue(page: Page, text: string) {
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}
const yearColumn = (year: number) => `y${year}`;
/** Rows whose cells carry the block's highlight, as row-id → years. */
const selectedCells = (page: Page) =>
  page.locator(".cell-selected").evaluateAll((cells) => cells.map((element) => `${element.closest(".ag-row")!.getAttribute("row-id")}:${element.getAttribute("col-id")!.slice(1)}`).sort());

test("click a cell, type and Enter: the amount is stored in that cell and no other", async () => {
  const { page, key, before, errors } = await forkAndOpen(e2e, "Klik og skriv");
  await focusCell(page, "vmk", "y2026");
  await typeValue(page, "12,5");
  const after = await expectChanged(key, before, ["vmk:2026"]);
  expect(after.get("vmk:2026")).toBe("12.5");
  expect(errors).toEqual([]);
});

test("Shift+click extends the selection from its anchor; Delete then sets exactly that block to 0", async () => {
  const { page, key, before, lineKeys, errors } = await forkAndOpen(e2e, "Skift-klik");
  await focusCell(page, lineKeys[0]!, "y2024");
  await cell(page, lineKeys[2]!, "y2025").click({ modifiers: ["Shift"] });
  const block = lineKeys.slice(0, 3).flatMap((line) => [`${line}:2024`, `${line}:2025`]);
  await expect.poll(() => selectedCells(page)).toEqual([...block].sort());
  await page.keyboard.press("Delete");
  await page.getByText("Sat til 0: 6 af de valgte celler.").waitFor();
  const after = await stored(key);
  expect(changedCells(before, after)).toEqual(block.filter((cellId) => before.get(cellId) !== "0").sort());
  for (const cellId of block) expect(after.get(cellId)).toBe("0");
  expect(errors).toEqual([]);
});

test("Shift+arrows extend the selection one cell a step; Ctrl+V pastes a block from its top-left", async () => {
  const { page, key, before, lineKeys, errors } = await forkAndOpen(e2e, "Skift-pile");
  await focusCell(page, lineKeys[1]!, "y2025");
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("Shift+ArrowLeft");
  await expect.poll(() => selectedCells(page)).toEqual([`${lineKeys[1]}:2024`, `${lineKeys[1]}:2025`, `${lineKeys[2]}:2024`, `${lineKeys[2]}:2025`].sort());
  await pasteText(page, "1\t2\r\n3\t4\r\n");
  await page.getByText("4 celler indsat.").waitFor();
  const after = await stored(key);
  expect([after.get(`${lineKeys[1]}:2024`), after.get(`${lineKeys[1]}:2025`), after.get(`${lineKeys[2]}:2024`), after.get(`${lineKeys[2]}:2025`)]).toEqual(["1", "2", "3", "4"]);
  expect(changedCells(before, after).every((cellId) => cellId.startsWith(`${lineKeys[1]}:`) || cellId.startsWith(`${lineKeys[2]}:`))).toBe(true);
  expect(errors).toEqual([]);
});

test("a click and Shift+arrows in one moment, before the grid reports the click, select from the clicked cell; a paste lands there", async () => {
  const { page, key, before, lineKeys, errors } = await forkAndOpen(e2e, "Klik og skift i et nu");
  // An older block elsewhere, which the keys must not extend.
  await focusCell(page, lineKeys[4]!, "y2027");
  await page.keyboard.press("Shift+ArrowUp");
  await expect.poll(() => selectedCells(page)).toEqual([`${lineKeys[3]}:2027`, `${lineKeys[4]}:2027`].sort());
  // The click and the keys in one task: the grid reports its focus moves in a later task, as it can
  // on a loaded machine when a user clicks and presses keys quickly.
  await page.evaluate(({ rowId }) => {
    const target = document.querySelector(`.ag-row[row-id="${rowId}"] .ag-cell[col-id="y2024"]`)!;
    const { left, top } = target.getBoundingClientRect();
    const at = { bubbles: true, cancelable: true, composed: true, clientX: left + 5, clientY: top + 5, button: 0 };
    target.dispatchEvent(new PointerEvent("pointerdown", at));
    target.dispatchEvent(new MouseEvent("mousedown", at));
    target.dispatchEvent(new PointerEvent("pointerup", at));
    target.dispatchEvent(new MouseEvent("mouseup", at));
    target.dispatchEvent(new MouseEvent("click", at));
    for (const key of ["ArrowDown", "ArrowRight"]) (document.activeElement ?? target).dispatchEvent(new KeyboardEvent("keydown", { key, shiftKey: true, bubbles: true, cancelable: true }));
  }, { rowId: lineKeys[1]! });
  const block = [`${lineKeys[1]}:2024`, `${lineKeys[1]}:2025`, `${lineKeys[2]}:2024`, `${lineKeys[2]}:2025`].sort();
  await expect.poll(() => selectedCells(page)).toEqual(block);
  await expect.poll(() => selectionStatus(page).textContent()).toContain("Antal 4");
  await pasteText(page, "1\t2\r\n3\t4\r\n");
  await page.getByText("4 celler indsat.").waitFor();
  const after = await stored(key);
  expect(changedCells(before, after).every((cellId) => block.includes(cellId))).toBe(true);
  expect([after.get(`${lineKeys[1]}:2024`), after.get(`${lineKeys[1]}:2025`), after.get(`${lineKeys[2]}:2024`), after.get(`${lineKeys[2]}:2025`)]).toEqual(["1", "2", "3", "4"]);
  expect(errors).toEqual([]);
});

test("Tab moves along the row and leaves the grid at the row's end (Shift+Tab at its start); the skip link jumps past the grid", async () => {
  const { page, lineKeys, errors } = await forkAndOpen(e2e, "Ud af tabellen");
  /** Where the browser's focus is: a grid cell as row/column, else "after"/"before" the grid, with the element's text. */
  const focusPlace = () =>
    page.evaluate(() => {
      const active = document.activeElement;
      const grid = document.querySelector(".grid-wrap")!;
      if (active && grid.contains(active)) {
        const cellElement = active.closest(".ag-cell");
        return cellElement ? `${cellElement.closest(".ag-row")?.getAttribute("row-id")}/${cellElement.getAttribute("col-id")}` : "grid";
      }
      if (!active || active === document.body) return "page";
      return grid.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING ? "after" : "before";
    });
  // The skip link is out of sight until it has the focus.
  const skip = page.locator(".skip-link");
  expect((await skip.boundingBox())!.width).toBeLessThanOrEqual(1);
  await focusCell(page, lineKeys[2]!, "y2026");
  await page.keyboard.press("Tab");
  await expectFocusAt(page, lineKeys[2]!, "y2027");
  await page.keyboard.press("Tab");
  await expectFocusAt(page, lineKeys[2]!, "total");
  await page.keyboard.press("Tab");
  await expect.poll(focusPlace).toBe("after");

  // Shift+Tab on the row's first column: out before the grid, onto the skip link, now shown; Enter goes past the grid.
  await focusCell(page, lineKeys[2]!, "title");
  await page.keyboard.press("Shift+Tab");
  await expect.poll(focusPlace).toBe("before");
  await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe("skip-link");
  expect((await skip.boundingBox())!.width).toBeGreaterThan(20);
  await expect.poll(() => skip.textContent()).toBe("Spring tabellen over");
  await screenshot(page, "grid-skip-link");
  await page.keyboard.press("Enter");
  await expect.poll(focusPlace).toBe("after");
  expect(errors).toEqual([]);
});

test("dragging the fill handle repeats the selection through the cells dragged over, as one stored edit that Ctrl+Z undoes", async () => {
  const { page, key, before, lineKeys, errors } = await forkAndOpen(e2e, "Fyldhåndtag");
  const dragHandleTo = async (rowId: string, colId: string, screenshotName?: string) => {
    const handle = (await page.getByTestId("fill-handle").boundingBox())!;
    const target = (await cell(page, rowId, colId).boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 6 });
    await page.locator(".fill-outline").waitFor();
    if (screenshotName) await screenshot(page, screenshotName);
    await page.mouse.up();
  };
  // Two cells of a column dragged down two more rows: a, b, a, b.
  await focusCell(page, lineKeys[1]!, "y2025");
  await page.keyboard.press("Shift+ArrowDown");
  await dragHandleTo(lineKeys[4]!, "y2025", "grid-fill-handle-drag");
  await page.getByText("Udfyldt: 2 af de valgte celler.").waitFor();
  const a = before.get(`${lineKeys[1]}:2025`)!;
  const b = before.get(`${lineKeys[2]}:2025`)!;
  const filled = [`${lineKeys[3]}:2025`, `${lineKeys[4]}:2025`];
  await expect.poll(async () => { const now = await stored(key); return filled.map((cellId) => now.get(cellId)); }).toEqual([a, b]);
  expect(changedCells(before, await stored(key)).every((cellId) => filled.includes(cellId))).toBe(true);
  await expect.poll(() => selectedCells(page)).toEqual([1, 2, 3, 4].map((row) => `${lineKeys[row]}:2025`).sort());
  // Ctrl+Z undoes the whole fill.
  await page.keyboard.press("Control+z");
  await expect.poll(async () => changedCells(before, await stored(key))).toEqual([]);

  // One cell dragged right: its amount into the years dragged over; nothing is written in the source.
  await focusCell(page, lineKeys[5]!, "y2024");
  await dragHandleTo(lineKeys[5]!, "y2026");
  await page.getByText("Udfyldt: 2 af de valgte celler.").waitFor();
  const source = before.get(`${lineKeys[5]}:2024`)!;
  await expect.poll(async () => { const now = await stored(key); return [now.get(`${lineKeys[5]}:2025`), now.get(`${lineKeys[5]}:2026`)]; }).toEqual([source, source]);
  expect(errors).toEqual([]);
});

test("Ctrl+A selects every amount cell: the status line counts them all, and Delete clears every one", async () => {
  const { page, key, lineKeys, years, errors } = await forkAndOpen(e2e, "Marker alt");
  await focusCell(page, lineKeys[3]!, "y2025");
  await page.keyboard.press("Control+a");
  const all = lineKeys.length * years.length;
  await expect.poll(() => selectionStatus(page).textContent()).toContain(`Antal ${all}`);
  await page.keyboard.press("Delete");
  await page.getByText(`Sat til 0: ${all} af de valgte celler.`).waitFor();
  const after = await stored(key);
  expect([...after.values()].every((amount) => amount === "0")).toBe(true);
  expect(after.size).toBe(all);
  expect(errors).toEqual([]);
});

test("Home and End go to the row's first and last year", async () => {
  const { page, key, before, years, errors } = await forkAndOpen(e2e, "Home og End");
  await focusCell(page, "vmk", "y2025");
  await page.keyboard.press("End");
  await expectFocusAt(page, "vmk", yearColumn(years.at(-1)!));
  await typeValue(page, "21");
  await expectChanged(key, before, [`vmk:${years.at(-1)}`]);
  const middle = await stored(key);
  await focusCell(page, "vmk", "y2026");
  await page.keyboard.press("Home");
  await expectFocusAt(page, "vmk", yearColumn(years[0]!));
  await typeValue(page, "22");
  await expectChanged(key, middle, [`vmk:${years[0]}`]);
  expect(errors).toEqual([]);
});

test("Ctrl+Home and Ctrl+End go to the first and the last amount cell", async () => {
  const { page, key, before, lineKeys, years, errors } = await forkAndOpen(e2e, "Ctrl+Home og Ctrl+End");
  await focusCell(page, "vmk", "y2025");
  await page.keyboard.press("Control+End");
  await expectFocusAt(page, lineKeys.at(-1)!, yearColumn(years.at(-1)!));
  await typeValue(page, "31");
  await expectChanged(key, before, [`${lineKeys.at(-1)}:${years.at(-1)}`]);
  const middle = await stored(key);
  await page.keyboard.press("Control+Home");
  await expectFocusAt(page, lineKeys[0]!, yearColumn(years[0]!));
  await typeValue(page, "32");
  await expectChanged(key, middle, [`${lineKeys[0]}:${years[0]}`]);
  expect(errors).toEqual([]);
});

/** Excel's Ctrl+↓ over the stored cells, as the contract states it (0 counts as empty). */
function edgeDown(cells: Map<string, string>, lineKeys: string[], fromRow: number, year: number): number {
  const filled = (row: number) => cells.get(`${lineKeys[row]}:${year}`) !== "0";
  let row = fromRow;
  if (row + 1 >= lineKeys.length) return row;
  if (filled(row) && filled(row + 1)) {
    while (row + 1 < lineKeys.length && filled(row + 1)) row += 1;
    return row;
  }
  row += 1;
  while (row + 1 < lineKeys.length && !filled(row)) row += 1;
  return row;
}

test("Ctrl+arrows jump to the edge of the data, as in Excel", async () => {
  const { page, key, before, lineKeys, years, errors } = await forkAndOpen(e2e, "Ctrl+pile");
  const year = 2027;
  const expected = edgeDown(before, lineKeys, 0, year);
  expect(expected).toBeGreaterThan(1); // the test means something only when the jump is more than one step
  await focusCell(page, lineKeys[0]!, yearColumn(year));
  await page.keyboard.press("Control+ArrowDown");
  await expectFocusAt(page, lineKeys[expected]!, yearColumn(year));
  await typeValue(page, "41");
  const middle = await expectChanged(key, before, [`${lineKeys[expected]}:${year}`]);
  // Ctrl+→ from the first year of a line whose years all hold data: its last year.
  const full = lineKeys.find((line) => years.every((entry) => middle.get(`${line}:${entry}`) !== "0"))!;
  await focusCell(page, full, yearColumn(years[0]!));
  await page.keyboard.press("Control+ArrowRight");
  await expectFocusAt(page, full, yearColumn(years.at(-1)!));
  expect(errors).toEqual([]);
});

test("Shift with Home, End, Ctrl+Home, Ctrl+End or Ctrl+arrows extends the selection to where the key leads", async () => {
  const { page, key, before, years, errors } = await forkAndOpen(e2e, "Skift-spring");
  await focusCell(page, "vmk", "y2025");
  await page.keyboard.press("Shift+End");
  await expect.poll(() => selectedCells(page)).toEqual(years.filter((year) => year >= 2025).map((year) => `vmk:${year}`).sort());
  await page.keyboard.press("Delete");
  await page.getByText(`Sat til 0: ${years.length - 1} af de valgte celler.`).waitFor();
  const after = await stored(key);
  expect(changedCells(before, after)).toEqual(years.filter((year) => year >= 2025 && before.get(`vmk:${year}`) !== "0").map((year) => `vmk:${year}`).sort());
  expect(errors).toEqual([]);
});

test("PageDown and PageUp move the active cell a screenful down and up", async () => {
  const { page, key, before, lineKeys, errors } = await forkAndOpen(e2e, "Side ned");
  await focusCell(page, lineKeys[0]!, "y2024");
  await page.keyboard.press("PageDown");
  await expect.poll(() => page.evaluate(() => document.querySelector(".ag-cell-focus")?.closest(".ag-row")?.getAttribute("row-id"))).not.toBe(lineKeys[0]);
  const moved = await page.evaluate(() => document.querySelector(".ag-cell-focus")!.closest(".ag-row")!.getAttribute("row-id")!);
  expect(lineKeys.indexOf(moved)).toBeGreaterThan(3);
  await typeValue(page, "51");
  const middle = await expectChanged(key, before, [`${moved}:2024`]);
  // Enter moved the focus one line down; PageUp goes a screenful up (onto a line, or a theme's heading just above one).
  const focusedRow = () => page.evaluate(() => { const row = document.querySelector(".ag-cell-focus")?.closest(".ag-row"); return { id: row?.getAttribute("row-id") ?? "", index: Number(row?.getAttribute("row-index")) }; });
  const below = await focusedRow();
  await page.keyboard.press("PageUp");
  await expect.poll(async () => (await focusedRow()).index).toBeLessThan(below.index - 3);
  if ((await focusedRow()).id.startsWith("theme:")) await page.keyboard.press("ArrowDown");
  const up = (await focusedRow()).id;
  expect(lineKeys.indexOf(up)).toBeLessThan(lineKeys.indexOf(moved));
  await typeValue(page, "52");
  await expectChanged(key, middle, [`${up}:2024`]);
  expect(errors).toEqual([]);
});

test("Shift+PageDown and Shift+PageUp extend the selection a screenful down and up from its anchor; Delete then clears exactly that block", async () => {
  const { page, key, before, lineKeys, years, errors } = await forkAndOpen(e2e, "Skift-side");
  const column = (cells: string[]) => cells.map((cellId) => cellId.split(":")[0]!);
  await focusCell(page, lineKeys[0]!, "y2024");
  await page.keyboard.press("Shift+PageDown");
  // The block runs from the anchor down a screenful, in the one column, skipping no line.
  await expect.poll(async () => (await selectedCells(page)).length).toBeGreaterThan(3);
  const down = await selectedCells(page);
  const reach = Math.max(...column(down).map((line) => lineKeys.indexOf(line)));
  expect(down).toEqual(lineKeys.slice(0, reach + 1).map((line) => `${line}:2024`).sort());
  await page.keyboard.press("Delete");
  const block = lineKeys.slice(0, reach + 1).map((line) => `${line}:2024`);
  await page.getByText(`Sat til 0: ${block.length} af de valgte celler.`).waitFor();
  const middle = await expectChanged(key, before, block.filter((cellId) => before.get(cellId) !== "0"));
  for (const cellId of block) expect(middle.get(cellId)).toBe("0");

  // From the last line (Ctrl+End: its last year), Shift+PageUp extends the block up a screenful; the anchor stays on the last line.
  const last = lineKeys.length - 1;
  const lastYear = years.at(-1)!;
  await page.keyboard.press("Control+End");
  await expectFocusAt(page, lineKeys[last]!, yearColumn(lastYear));
  await page.keyboard.press("Shift+PageUp");
  await expect.poll(async () => (await selectedCells(page)).length).toBeGreaterThan(3);
  const up = await selectedCells(page);
  const top = Math.min(...column(up).map((line) => lineKeys.indexOf(line)));
  const upBlock = lineKeys.slice(top, last + 1).map((line) => `${line}:${lastYear}`);
  expect(up).toEqual([...upBlock].sort());
  await page.keyboard.press("Delete");
  await page.getByText(`Sat til 0: ${upBlock.length} af de valgte celler.`).waitFor();
  const after = await expectChanged(key, middle, upBlock.filter((cellId) => middle.get(cellId) !== "0"));
  for (const cellId of upBlock) expect(after.get(cellId)).toBe("0");
  expect(errors).toEqual([]);
});

test("a year header's sort cycles ascending, descending, then back to the document's order; lines stay under their theme; one click on 'Dokumentets rækkefølge' goes back too", async () => {
  const { page, key, before, errors } = await forkAndOpen(e2e, "Sorteringscyklus");
  const grid = await clientOperationOverHttp(e2e.app.baseUrl, ScenarioGridQuery, { id: scenarioId(key) });
  const themeOf = new Map(gridScenario(grid).lines.map((line) => [line.initiative.key, line.initiative.theme.key]));
  const shownOrder = () => shownRowOrder(page);
  // The lines under each heading as shown, and each group's 2024 amounts.
  const groups = (order: string[]) => {
    const byTheme: Array<{ theme: string; lines: string[] }> = [];
    for (const rowId of order) {
      if (rowId.startsWith("theme:")) byTheme.push({ theme: rowId.slice("theme:".length), lines: [] });
      else byTheme.at(-1)!.lines.push(rowId);
    }
    return byTheme;
  };
  const amount2024 = (line: string) => Number(before.get(`${line}:2024`) ?? "0");
  const ordered = (order: string[], direction: 1 | -1) =>
    groups(order).every(({ theme, lines }) =>
      lines.every((line) => themeOf.get(line) === theme) && lines.every((line, index) => index === 0 || direction * (amount2024(line) - amount2024(lines[index - 1]!)) >= 0),
    );
  await page.setViewportSize({ width: 1280, height: 2400 }); // every row drawn, so the order is read whole
  await expect.poll(async () => (await shownOrder()).filter((rowId) => !rowId.startsWith("theme:")).length).toBe(themeOf.size);
  const documentOrder = await shownOrder();
  expect(ordered(documentOrder, 1) && ordered(documentOrder, -1)).toBe(false); // the sort has something to do
  const header = page.locator('.ag-header-cell[col-id="y2024"] .ag-header-cell-label');

  await header.click();
  await expect.poll(async () => (await shownOrder()).join(",")).not.toBe(documentOrder.join(","));
  const ascending = await shownOrder();
  expect(ordered(ascending, 1)).toBe(true);
  const headings = (order: string[]) => order.filter((rowId) => rowId.startsWith("theme:"));
  expect(headings(ascending)).toEqual(headings(documentOrder));

  await header.click();
  await expect.poll(async () => (await shownOrder()).join(",")).not.toBe(ascending.join(","));
  const descending = await shownOrder();
  expect(ordered(descending, -1)).toBe(true);
  expect(descending).not.toEqual(documentOrder);
  expect(headings(descending)).toEqual(headings(documentOrder));

  await header.click();
  await expect.poll(async () => (await shownOrder()).join(",")).toBe(documentOrder.join(","));
  // Sorting stores nothing.
  expect(changedCells(before, await stored(key))).toEqual([]);

  // While sorted, a line above the grid says by what, and one click goes back to the document's order;
  // then an edit lands in the cell clicked, as shown.
  const notice = page.getByRole("status").filter({ hasText: "Sorteret efter" });
  expect(await notice.count()).toBe(0);
  await header.click();
  await notice.filter({ hasText: "Sorteret efter 2024, stigende, inden for hvert tema." }).waitFor();
  await header.click();
  await notice.filter({ hasText: "Sorteret efter 2024, faldende, inden for hvert tema." }).waitFor();
  await notice.getByRole("button", { name: "Dokumentets rækkefølge" }).click();
  await expect.poll(async () => (await shownOrder()).join(",")).toBe(documentOrder.join(","));
  await expect.poll(() => notice.count()).toBe(0);
  const target = documentOrder.find((rowId) => !rowId.startsWith("theme:"))!;
  await page.locator(`.ag-row[row-id="${target}"] .ag-cell[col-id="y2025"]`).click();
  await page.keyboard.type("4,4");
  await page.keyboard.press("Enter");
  await expect.poll(async () => changedCells(before, await stored(key))).toEqual([`${target}:2025`]);
  expect(errors).toEqual([]);
});

test("Escape cancels an edit: nothing is stored", async () => {
  const { page, key, before, errors } = await forkAndOpen(e2e, "Escape");
  await focusCell(page, "vmk", "y2024");
  await page.keyboard.type("99");
  await page.keyboard.press("Escape");
  await expect.poll(() => cellText(page, "vmk", "y2024")).toBe("3,5");
  // A later edit is stored; the cancelled one never was.
  await focusCell(page, "vmk", "y2025");
  await typeValue(page, "1");
  await expectChanged(key, before, ["vmk:2025"]);
  expect(errors).toEqual([]);
});

test("a refused value keeps the editor open with the typed text and says why; nothing is stored until it is put right, then the mark goes", async () => {
  const { page, key, before, errors } = await forkAndOpen(e2e, "Afvist værdi");
  await focusCell(page, "vmk", "y2025");
  await typeValue(page, "2.000");
  await page.getByText("»2.000« blev ikke gemt: tvetydigt: skriv 2000 eller 2.000,0 for to tusind, 2,0 for to").waitFor();
  const editor = cell(page, "vmk", "y2025").locator("input");
  await expect.poll(() => editor.inputValue()).toBe("2.000");
  expect(await cell(page, "vmk", "y2025").getAttribute("class")).toContain("cell-error");
  expect(changedCells(before, await stored(key))).toEqual([]);
  await screenshot(page, "grid-keys-refused-editor");
  // The typed text is selected: typing replaces it.
  await typeValue(page, "2000");
  const after = await expectChanged(key, before, ["vmk:2025"]);
  expect(after.get("vmk:2025")).toBe("2000");
  await expect.poll(() => cell(page, "vmk", "y2025").getAttribute("class")).not.toContain("cell-error");
  expect(errors).toEqual([]);
});

test("Ctrl+Enter writes the typed value into every selected cell, as one edit", async () => {
  const { page, key, before, lineKeys, errors } = await forkAndOpen(e2e, "Ctrl+Enter");
  await focusCell(page, lineKeys[0]!, "y2024");
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("Shift+ArrowRight");
  await page.keyboard.type("6,5");
  await page.keyboard.press("Control+Enter");
  await page.getByText("Udfyldt: 4 af de valgte celler.").waitFor();
  const block = [lineKeys[0], lineKeys[1]].flatMap((line) => [`${line}:2024`, `${line}:2025`]);
  const after = await stored(key);
  for (const cellId of block) expect(after.get(cellId)).toBe("6.5");
  expect(changedCells(before, after)).toEqual(block.filter((cellId) => before.get(cellId) !== "6.5").sort());
  // One edit: one undo takes all four back.
  await page.keyboard.press("Control+z");
  await expect.poll(async () => changedCells(before, await stored(key))).toEqual([]);
  expect(errors).toEqual([]);
});

test("Ctrl+D fills down and Ctrl+R fills right from the selection's first row and column", async () => {
  const { page, key, before, lineKeys, errors } = await forkAndOpen(e2e, "Udfyld");
  await focusCell(page, lineKeys[0]!, "y2024");
  await page.keyboard.press("Shift+ArrowRight");
  await page.keyboard.press("Shift+ArrowRight");
  await page.keyboard.press("Control+r");
  await page.getByText("Udfyldt: 2 af de valgte celler.").waitFor();
  let after = await stored(key);
  expect([after.get(`${lineKeys[0]}:2025`), after.get(`${lineKeys[0]}:2026`)]).toEqual([before.get(`${lineKeys[0]}:2024`), before.get(`${lineKeys[0]}:2024`)]);
  await focusCell(page, lineKeys[1]!, "y2027");
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("Control+d");
  await expect.poll(async () => (await stored(key)).get(`${lineKeys[2]}:2027`)).toBe(before.get(`${lineKeys[1]}:2027`));
  after = await stored(key);
  expect(changedCells(before, after).every((cellId) => [`${lineKeys[0]}:2025`, `${lineKeys[0]}:2026`, `${lineKeys[2]}:2027`].includes(cellId))).toBe(true);
  expect(errors).toEqual([]);
});

test("Delete sets the cell to 0; Backspace empties it and opens the editor, and Enter stores 0", async () => {
  const { page, key, before, errors } = await forkAndOpen(e2e, "Slet");
  await focusCell(page, "vmk", "y2024");
  await page.keyboard.press("Delete");
  const middle = await expectChanged(key, before, ["vmk:2024"]);
  expect(middle.get("vmk:2024")).toBe("0");
  await focusCell(page, "vmk", "y2025");
  await page.keyboard.press("Backspace");
  await expect.poll(() => cell(page, "vmk", "y2025").locator("input").inputValue()).toBe("");
  await page.keyboard.press("Enter");
  const after = await expectChanged(key, middle, ["vmk:2025"]);
  expect(after.get("vmk:2025")).toBe("0");
  expect(errors).toEqual([]);
});

test("Ctrl+Z and Ctrl+Y (and ⌘Z) undo and redo wherever the focus is in the planner, not only in the grid", async () => {
  const { page, key, before, errors } = await forkAndOpen(e2e, "Fortryd overalt");
  await focusCell(page, "vmk", "y2024");
  await typeValue(page, "8");
  await expectChanged(key, before, ["vmk:2024"]);
  await page.getByText("Gemt · version 2").waitFor();
  // The focus on a toolbar button.
  await page.getByRole("button", { name: "Diagram" }).focus();
  await page.keyboard.press("Control+z");
  await expect.poll(async () => changedCells(before, await stored(key))).toEqual([]);
  await page.getByRole("button", { name: "Historik" }).focus();
  await page.keyboard.press("Control+y");
  await expectChanged(key, before, ["vmk:2024"]);
  await page.getByText("Gentaget.").waitFor();
  await page.keyboard.press("Meta+z");
  await expect.poll(async () => changedCells(before, await stored(key))).toEqual([]);
  // In a text field Ctrl+Z is the field's own: the comment box keeps its text and the scenario is not touched.
  await page.getByRole("button", { name: "Gentag" }).click();
  await expectChanged(key, before, ["vmk:2024"]);
  await page.getByRole("button", { name: "Historik" }).click();
  const box = page.getByRole("textbox", { name: "Kommentar" });
  await box.fill("en note");
  await page.keyboard.press("Control+z");
  expect((await stored(key)).get("vmk:2024")).toBe("8");
  expect(errors).toEqual([]);
});

test("after a dialog closes the focus is back on the cell that was active, and Ctrl+Z works at once", async () => {
  const { page, key, before, errors } = await forkAndOpen(e2e, "Efter dialog");
  await focusCell(page, "vmk", "y2026");
  await typeValue(page, "9");
  await expectChanged(key, before, ["vmk:2026"]);
  await focusCell(page, "vmk", "y2025");
  await page.getByRole("button", { name: "Tilføj linje" }).click();
  await page.getByRole("dialog").waitFor();
  await page.keyboard.press("Escape");
  await expect.poll(() => page.getByRole("dialog").count()).toBe(0);
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest(".ag-cell")?.getAttribute("col-id") ?? document.activeElement?.tagName)).toBe("y2025");
  await page.keyboard.press("Control+z");
  await expect.poll(async () => changedCells(before, await stored(key))).toEqual([]);
  // The next key goes to that cell.
  await typeValue(page, "4");
  await expectChanged(key, before, ["vmk:2025"]);
  expect(errors).toEqual([]);
});

test("right-click on a cell opens its menu: Clear sets the selection to 0; Escape closes it and hands the focus back", async () => {
  const { page, key, before, lineKeys, errors } = await forkAndOpen(e2e, "Højreklik");
  await focusCell(page, lineKeys[0]!, "y2024");
  await page.keyboard.press("Shift+ArrowDown");
  await cell(page, lineKeys[1]!, "y2024").click({ button: "right" });
  const menu = page.getByRole("menu");
  await menu.waitFor();
  expect(await menu.getAttribute("aria-label")).toMatch(/^Handlinger for /);
  await screenshot(page, "grid-keys-menu-da-1280");
  expect(await seriousViolations(page)).toEqual([]);
  await menu.getByRole("menuitem", { name: /Ryd/ }).click();
  await page.getByText("Sat til 0: 2 af de valgte celler.").waitFor();
  const middle = await stored(key);
  expect(changedCells(before, middle)).toEqual([`${lineKeys[0]}:2024`, `${lineKeys[1]}:2024`].filter((cellId) => before.get(cellId) !== "0").sort());

  // Right-click outside the block selects that cell; Escape returns to it.
  await cell(page, "vmk", "y2026").click({ button: "right" });
  await menu.waitFor();
  await page.keyboard.press("Escape");
  await expect.poll(() => menu.count()).toBe(0);
  await expectFocusAt(page, "vmk", "y2026");
  await typeValue(page, "3");
  await expectChanged(key, middle, ["vmk:2026"]);
  expect(errors).toEqual([]);
});

test("the context-menu key and Shift+F10 open the cell's menu, worked with the arrow keys: fill down, copy and paste", async () => {
  const { page, context, key, before, lineKeys, errors } = await forkAndOpen(e2e, "Menutast");
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await focusCell(page, lineKeys[0]!, "y2025");
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("Shift+F10");
  const menu = page.getByRole("menu");
  await menu.waitFor();
  // Copy, Paste, Clear, Fill down: three steps down.
  for (let step = 0; step < 3; step += 1) await page.keyboard.press("ArrowDown");
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain("Udfyld nedad");
  await page.keyboard.press("Enter");
  await page.getByText("Udfyldt: 1 af de valgte celler.").waitFor();
  const middle = await stored(key);
  expect(middle.get(`${lineKeys[1]}:2025`)).toBe(before.get(`${lineKeys[0]}:2025`));

  // ContextMenu key → Copy (the first item), then on another cell → Paste.
  await focusCell(page, "vmk", "y2024");
  await page.keyboard.press("ContextMenu");
  await menu.waitFor();
  await page.keyboard.press("Enter");
  await page.getByText("1 celle kopieret.").waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("3,5\r\n");
  await focusCell(page, "vmk", "y2027");
  await page.keyboard.press("ContextMenu");
  await menu.waitFor();
  await menu.getByRole("menuitem", { name: "Sæt ind" }).click();
  await page.getByText("1 celle indsat.").waitFor();
  const after = await stored(key);
  expect(after.get("vmk:2027")).toBe("3.5");
  expect(changedCells(middle, after)).toEqual(before.get("vmk:2027") === "3.5" ? [] : ["vmk:2027"]);
  expect(errors).toEqual([]);
});

test("the menu adds a comment on the cell (the comment form opens with that line and year) and shows the cell's history alone", async () => {
  const { page, key, errors } = await forkAndOpen(e2e, "Menu kommentar");
  await focusCell(page, "vmk", "y2025");
  await typeValue(page, "5");
  await page.getByText("Gemt · version 2").waitFor();
  await focusCell(page, "vmk", "y2026");
  await typeValue(page, "6");
  await page.getByText("Gemt · version 3").waitFor();

  await cell(page, "vmk", "y2025").click({ button: "right" });
  await page.getByRole("menuitem", { name: "Tilføj kommentar …" }).click();
  const box = page.getByRole("textbox", { name: "Kommentar" });
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("TEXTAREA");
  await box.fill("Aftalt med ministeriet");
  await page.getByRole("button", { name: "Tilføj kommentar" }).click();
  await expect.poll(async () => {
    const data = await clientOperationOverHttp(e2e.app.baseUrl, ScenarioGridQuery, { id: scenarioId(key) });
    return gridScenario(data).comments.map((comment) => `${comment.initiative?.key}:${comment.year}:${comment.text}`);
  }).toContain("vmk:2025:Aftalt med ministeriet");

  await cell(page, "vmk", "y2025").click({ button: "right" });
  await page.getByRole("menuitem", { name: "Vis cellens historik" }).click();
  await page.getByText(/Kun ændringer af .* 2025/).waitFor();
  // Version 2 changed vmk 2025; version 3 (vmk 2026) is not listed.
  await expect.poll(() => page.locator(".history > li").count()).toBe(1);
  await page.getByRole("button", { name: "Vis al historik" }).click();
  await expect.poll(() => page.locator(".history > li").count()).toBeGreaterThan(1);
  expect(errors).toEqual([]);
});

test("the status line shows the selection's sum, count and average, exactly, in Danish and in English", async () => {
  const da = await forkAndOpen(e2e, "Statuslinje", { viewport: { width: 1280, height: 720 } });
  // vmk 3,5 and 2,5 over klinisk-forskning-analyse 1,0 and 0: sum 7,0, count 4, average 1,75.
  await focusCell(da.page, "vmk", "y2024");
  await da.page.keyboard.press("Shift+ArrowDown");
  await da.page.keyboard.press("Shift+ArrowRight");
  await expect.poll(() => selectionStatus(da.page).innerText()).toMatch(/Sum 7,0\s+Antal 4\s+Gennemsnit 1,75/);
  await screenshot(da.page, "grid-keys-status-da-1280");
  // A third of 10: rounded, and marked as rounded (the frame's one decimal and two more). The
  // 2 × 1 block tiles the 2 × 2 selection: vmk gets 10 in both years, the line below 0.
  await pasteText(da.page, "10\r\n0\r\n");
  await da.page.getByText("4 celler indsat.").waitFor();
  await focusCell(da.page, "vmk", "y2024");
  await da.page.keyboard.press("Shift+ArrowDown");
  await da.page.keyboard.press("Shift+ArrowDown");
  const third = da.before.get(`${da.lineKeys[2]}:2024`);
  expect(third).toBe("0");
  await expect.poll(() => selectionStatus(da.page).innerText()).toMatch(/Sum 10,0\s+Antal 3\s+Gennemsnit ≈ 3,333/);
  const stored2024 = await stored(da.key);
  expect(stored2024.get("vmk:2024")).toBe("10");

  const en = await forkAndOpen(e2e, "Status line", { locale: "en", viewport: { width: 1920, height: 1080 } });
  await focusCell(en.page, "vmk", "y2024");
  await en.page.keyboard.press("Control+a");
  const all = [...en.before.values()].reduce((sum, amount) => sum + Math.round(Number(amount) * 10), 0) / 10;
  await expect.poll(() => selectionStatus(en.page).innerText()).toMatch(new RegExp(`Sum ${all.toLocaleString("en-GB", { minimumFractionDigits: 1 }).replace(".", "\\.")}\\s+Count ${en.before.size}`));
  await screenshot(en.page, "grid-keys-status-en-1920");
  expect([...da.errors, ...en.errors]).toEqual([]);
});

test("refusals show a message and store nothing: an ambiguous number, a paste too wide for the table, a locked scenario", async () => {
  const { page, key, before, lineKeys, years, errors } = await forkAndOpen(e2e, "Afvisninger");
  // Ambiguous in a paste.
  await focusCell(page, "vmk", "y2024");
  await pasteText(page, "1,000\r\n");
  await page.getByText(/Indsættelsen blev ikke gemt: 1 celle er ugyldig/).waitFor();
  // Too wide: four years pasted from the second-to-last year.
  await focusCell(page, "vmk", yearColumn(years.at(-2)!));
  await pasteText(page, "1\t2\t3\t4\r\n");
  await page.getByText(/går ud over tabellen.*plads til 1 rækker × 2 kolonner|går ud over tabellen/).waitFor();
  expect(await status(page).textContent()).toContain("Intet er gemt.");
  expect(changedCells(before, await stored(key))).toEqual([]);

  // Locked: paste, Delete and the menu's Clear each say so; nothing is stored.
  await clientOperationOverHttp(e2e.app.baseUrl, LockScenario, { input: { scenarioId: key } });
  await page.reload();
  await page.getByText("Scenariet er låst.").waitFor();
  await page.locator(`.ag-row[row-id="${lineKeys[0]}"]`).waitFor();
  await focusCell(page, "vmk", "y2024");
  await pasteText(page, "5\r\n");
  await page.getByText("Scenariet kan ikke ændres her; indsættelsen blev ikke gemt.").waitFor();
  await page.keyboard.press("Delete");
  await page.getByText("Scenariet kan ikke ændres her; intet er gemt.").waitFor();
  await cell(page, "vmk", "y2025").click({ button: "right" });
  expect(await page.getByRole("menuitem", { name: /Ryd/ }).getAttribute("aria-disabled")).toBe("true");
  await page.keyboard.press("Escape");
  expect(changedCells(before, await stored(key))).toEqual([]);
  expect(errors).toEqual([]);
});
