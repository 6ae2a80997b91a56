/**
 * A layout that never hides the numbers (issue 19), measured in real Chromium at 1280×720 and
 * 1920×1080, in Danish and English, with overlay-width (none) and classic (16 px) scrollbars: the
 * toolbar keeps to one line with no button clipped or overlapping another, the total column is in full
 * view, the history panel leaves the titles readable and can be resized, and the chart never shrinks
 * the grid. Screenshots in tests/e2e/artifacts/layout-*.png.
 */
import { expect, test } from "vitest";
import type { Page } from "playwright-core";
import { clientOperationOverHttp } from "../support/graphqlHttp.ts";
import { screenshot } from "./support/browser.ts";
import { useE2E } from "./support/suite.ts";
import { ForkScenario, forkedKey } from "./support/clientOperations.ts";

const e2e = useE2E();

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;
const LANGUAGES = ["da", "en"] as const;

interface Box { x: number; y: number; width: number; height: number }

/** Every visible action of the toolbar (not its hidden measuring copy), with its box and name. */
async function toolbarActions(page: Page): Promise<Array<{ name: string; box: Box }>> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>(".toolbar.actions button, .toolbar.actions .button, .toolbar.actions .live-indicator, .title-bar > *")]
      .filter((element) => !element.closest(".toolbar-measure") && !element.closest(".toolbar-more-panel") && element.getClientRects().length > 0)
      .map((element) => {
        const rect = element.getBoundingClientRect();
        return { name: (element.textContent ?? "").trim(), box: { x: rect.x, y: rect.y, width: rect.width, height: rect.height } };
      }),
  );
}

/** The element at a point is the element itself or inside it: nothing (a scrollbar, another column, a panel) covers it. */
async function uncovered(page: Page, selector: string): Promise<{ box: Box; covered: string[] }> {
  return page.evaluate((wanted) => {
    const element = document.querySelector<HTMLElement>(wanted);
    if (!element) return { box: { x: 0, y: 0, width: 0, height: 0 }, covered: [`${wanted} is not on the page`] };
    const rect = element.getBoundingClientRect();
    const points = [
      [rect.left + 2, rect.top + rect.height / 2],
      [rect.right - 2, rect.top + rect.height / 2],
    ] as const;
    const covered = points.flatMap(([x, y]) => {
      const hit = document.elementFromPoint(x, y);
      return hit && (hit === element || element.contains(hit)) ? [] : [`${x},${y}: ${hit?.outerHTML.slice(0, 80) ?? "nothing"}`];
    });
    return { box: { x: rect.x, y: rect.y, width: rect.width, height: rect.height }, covered };
  }, selector);
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

async function checkLayout(page: Page, label: string) {
  const viewport = page.viewportSize()!;
  // The toolbar: one line, every action inside the window, none over another.
  const actions = await toolbarActions(page);
  expect(actions.length, label).toBeGreaterThan(5);
  const bar = await page.locator(".toolbar.actions").boundingBox();
  expect(bar!.height, `${label}: the toolbar is one line`).toBeLessThan(48);
  for (const action of actions) {
    expect(action.box.x, `${label}: ${action.name} starts inside the window`).toBeGreaterThanOrEqual(0);
    expect(action.box.x + action.box.width, `${label}: ${action.name} ends inside the window`).toBeLessThanOrEqual(viewport.width);
  }
  for (const [index, action] of actions.entries()) {
    for (const other of actions.slice(index + 1)) expect(overlaps(action.box, other.box), `${label}: “${action.name}” overlaps “${other.name}”`).toBe(false);
  }
  // Every action's own text fits in it (not cut by its box).
  const clipped = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>(".toolbar.actions button, .toolbar.actions .button, .title-bar > *")]
      .filter((element) => !element.closest(".toolbar-measure") && element.getClientRects().length > 0 && element.scrollWidth > element.clientWidth + 1)
      .map((element) => element.textContent),
  );
  expect(clipped, `${label}: clipped toolbar text`).toEqual([]);
  // Every dropdown shows its whole chosen text (measured in the dropdown's own font, beside its arrow).
  const cutDropdowns = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLSelectElement>(".scenario-view select")]
      .filter((select) => select.getClientRects().length > 0)
      .flatMap((select) => {
        const text = select.selectedOptions[0]?.textContent ?? "";
        const context = document.createElement("canvas").getContext("2d")!;
        const style = getComputedStyle(select);
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 16;
        return context.measureText(text).width > room ? [`${text} (${Math.round(context.measureText(text).width)} > ${Math.round(room)})`] : [];
      }),
  );
  expect(cutDropdowns, `${label}: dropdowns cut short`).toEqual([]);
  // The total column: header, a line and the pinned total row, in full view and covered by nothing.
  for (const selector of ['.ag-header-cell[col-id="total"]', '.ag-row[row-id="vmk"] .ag-cell[col-id="total"]', '.ag-row.row-allocated .ag-cell[col-id="total"]']) {
    const { box, covered } = await uncovered(page, selector);
    expect(covered, `${label}: ${selector} is covered`).toEqual([]);
    expect(box.x + box.width, `${label}: ${selector} inside the window`).toBeLessThanOrEqual(viewport.width);
    expect(box.width, `${label}: ${selector} has its width`).toBeGreaterThanOrEqual(100);
  }
}

/** Classic scrollbars of 16 px (as on Windows), instead of the headless browser's default. */
const CLASSIC_SCROLLBARS = "::-webkit-scrollbar { width: 16px; height: 16px; background: #eee; } ::-webkit-scrollbar-thumb { background: #999; }";

test("the toolbar, the total column and the history panel at 1280×720 and 1920×1080, Danish and English, both kinds of scrollbar", async () => {
  const fork = await clientOperationOverHttp(e2e.app.baseUrl, ForkScenario, { input: { sourceId: "aftale-2024", name: "Forhandlingsoplæg med et langt navn til layoutprøven" } });
  const key = forkedKey(fork);
  for (const size of SIZES) {
    for (const language of LANGUAGES) {
      for (const scrollbars of ["overlay", "classic"] as const) {
        const { page, context, errors } = await e2e.open();
        await context.addInitScript((locale) => localStorage.setItem("ramme.locale", locale), language);
        if (scrollbars === "classic") await context.addInitScript((css) => document.addEventListener("DOMContentLoaded", () => document.head.append(Object.assign(document.createElement("style"), { textContent: css }))), CLASSIC_SCROLLBARS);
        await page.setViewportSize(size);
        await page.goto(`${e2e.app.baseUrl}/#/scenario/${key}`);
        await page.locator('.ag-row[row-id="vmk"]').waitFor();
        const label = `${size.width}×${size.height} ${language} ${scrollbars}`;
        await checkLayout(page, label);
        if (scrollbars === "overlay") await screenshot(page, `layout-${size.width}-${language}-grid`);

        // The history open: the titles keep their column's minimum width, the total stays in view.
        await page.getByRole("button", { name: language === "da" ? "Historik" : "History", exact: true }).click();
        await page.locator(".history-panel").waitFor();
        await checkLayout(page, `${label} with history`);
        const titleWidth = (await page.locator('.ag-header-cell[col-id="title"]').boundingBox())!.width;
        expect(titleWidth, `${label}: the title column keeps its minimum width`).toBeGreaterThanOrEqual(240);
        if (scrollbars === "overlay") await screenshot(page, `layout-${size.width}-${language}-history`);
        expect(errors).toEqual([]);
        await context.close();
      }
    }
  }
}, 300_000);

test("the history panel is resized by dragging or the arrow keys, and remembers its width", async () => {
  const { page, errors } = await e2e.open();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${e2e.app.baseUrl}/#/scenario/aftale-2024`);
  await page.locator('.ag-row[row-id="vmk"]').waitFor();
  await page.getByRole("button", { name: "Historik", exact: true }).click();
  const splitter = page.getByRole("separator", { name: "Bredden på historikken" });
  const before = (await page.locator(".history-panel").boundingBox())!.width;
  const handle = (await splitter.boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + 100);
  await page.mouse.down();
  await page.mouse.move(handle.x - 100, handle.y + 100, { steps: 5 });
  await page.mouse.up();
  const dragged = (await page.locator(".history-panel").boundingBox())!.width;
  expect(dragged).toBeGreaterThan(before + 80);
  await splitter.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  const narrowed = (await page.locator(".history-panel").boundingBox())!.width;
  expect(narrowed).toBeLessThan(dragged - 40);
  // The total column stays in view at the widest panel too.
  await page.keyboard.press("End");
  await checkLayout(page, "widest history");
  await page.reload();
  await page.locator('.ag-row[row-id="vmk"]').waitFor();
  await page.getByRole("button", { name: "Historik", exact: true }).click();
  expect(Number(await page.getByRole("separator").getAttribute("aria-valuenow"))).toBe(720);
  expect(errors).toEqual([]);
});

test("opening the chart never shrinks the grid: the chart comes below it with its own height", async () => {
  for (const size of SIZES) {
    const { page, context, errors } = await e2e.open();
    await page.setViewportSize(size);
    await page.goto(`${e2e.app.baseUrl}/#/scenario/aftale-2024`);
    await page.locator('.ag-row[row-id="vmk"]').waitFor();
    const grid = page.locator(".grid-wrap");
    const before = (await grid.boundingBox())!;
    await page.getByRole("button", { name: "Diagram", exact: true }).click();
    const chart = page.locator(".scenario-chart");
    await chart.locator("canvas").first().waitFor();
    const after = (await grid.boundingBox())!;
    expect(Math.abs(after.height - before.height), `${size.width}: the grid keeps its height`).toBeLessThanOrEqual(1);
    expect(Math.abs(after.width - before.width), `${size.width}: the grid keeps its width`).toBeLessThanOrEqual(1);
    const chartBox = (await chart.boundingBox())!;
    expect(chartBox.y, `${size.width}: the chart is below the grid`).toBeGreaterThanOrEqual(after.y + after.height);
    expect(chartBox.height, `${size.width}: the chart has its own height`).toBeGreaterThanOrEqual(300);
    await checkLayout(page, `${size.width} with the chart`);
    await screenshot(page, `layout-${size.width}-chart`);
    expect(errors).toEqual([]);
    await context.close();
  }
});

test("where the toolbar is short of room, the views move into “Mere …” and still work from there", async () => {
  const { page, errors } = await e2e.open();
  await page.setViewportSize({ width: 1280, height: 720 });
  const fork = await clientOperationOverHttp(e2e.app.baseUrl, ForkScenario, { input: { sourceId: "aftale-2024", name: "Mere-menuen" } });
  await page.goto(`${e2e.app.baseUrl}/#/scenario/${forkedKey(fork)}`);
  await page.locator('.ag-row[row-id="vmk"]').waitFor();
  const more = page.getByRole("button", { name: "Mere …" });
  await more.waitFor();
  await more.click();
  const panel = page.getByRole("group", { name: "Flere handlinger" });
  await panel.waitFor();
  await screenshot(page, "layout-1280-da-more");
  const inMenu = await panel.locator("a, button").allTextContents();
  expect(inMenu.length).toBeGreaterThan(0);
  // The menu's actions lie inside the window, none over another.
  const boxes = await panel.locator("a, button").evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number }));
  for (const box of boxes) expect(box.x + box.width).toBeLessThanOrEqual(1280);
  // Escape closes it, and the focus is back on "Mere …" (the menu's entries are gone with it).
  await page.keyboard.press("Escape");
  await expect.poll(() => panel.count()).toBe(0);
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Mere …");
  // Wider, the views come back onto the line: at 1920 px "Mere …" holds fewer of them, or is gone. (Not
  // always gone: the page is at most 1800 px wide, and a what-if's Danish views, with "Bring ændringer
  // over til …", are wider than that by about one action.)
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect
    .poll(async () => {
      if ((await more.count()) === 0) return 0;
      if ((await more.getAttribute("aria-expanded")) !== "true") await more.click();
      const count = await panel.locator("a, button").count();
      await page.keyboard.press("Escape");
      return count;
    })
    .toBeLessThan(inMenu.length);
  expect(errors).toEqual([]);
});

test("the balance action keeps its place whether or not the scenario is over the frame (the toolbar does not jump)", async () => {
  const fork = await clientOperationOverHttp(e2e.app.baseUrl, ForkScenario, { input: { sourceId: "aftale-2024", name: "Uden hop" } });
  const key = forkedKey(fork);
  const { page, errors } = await e2e.open();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${e2e.app.baseUrl}/#/scenario/${key}`);
  await page.locator('.ag-row[row-id="vmk"]').waitFor();
  const positions = async () => (await toolbarActions(page)).map((action) => `${action.name}@${Math.round(action.box.x)}`).join(" ");
  const balance = page.getByRole("button", { name: "Bring inden for rammen" });
  expect(await balance.isDisabled()).toBe(true);
  const before = await positions();
  // Over the frame in 2024: the same action is enabled, and nothing has moved.
  await page.locator('.ag-row[row-id="vmk"] .ag-cell[col-id="y2024"]').click();
  await page.keyboard.type("90");
  await page.keyboard.press("Enter");
  await expect.poll(() => balance.isDisabled()).toBe(false);
  expect((await positions()).replace(/Over rammen i[^@]*@\d+/, "")).toBe(before.replace(/Holder rammen@\d+/, ""));
  expect(errors).toEqual([]);
});
