/**
 * Debian's Chromium driven by playwright-core (no downloaded browser: see docs on the platform).
 * `chromium.launch` gives every launch a fresh temporary profile (user-data-dir) of its own and
 * removes it on close; every `newPage` here opens a fresh context (no cache, cookies or storage).
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from "playwright-core";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** The launch flags that work on these machines (platform.md). */
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const defaultViewport = { width: 1280, height: 800 };
export const artifactsDirectory = path.resolve(import.meta.dirname, "../artifacts");

/** Fails loudly (never skips) when the browser is not installed. */
export function assertChromiumInstalled(): void {
  if (existsSync(chromiumPath)) return;
  throw new Error(
    `Chromium not found at ${chromiumPath}: the e2e suite needs Debian's Chromium.\n` +
      `Install it with:  apt-get update && apt-get install -y chromium   (as root)\n` +
      `or point CHROMIUM_PATH at a Chromium binary.`,
  );
}

export async function launchBrowser(): Promise<Browser> {
  assertChromiumInstalled();
  // Playwright hides scrollbars in headless mode; a user's Chromium shows them, and AG Grid then
  // sizes its columns differently (hidden, the grid's last column is drawn under the scrollbar's
  // place and looks cut). Screenshots should show what a user sees.
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs, ignoreDefaultArgs: ["--hide-scrollbars"] });
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors seen so far, as text. */
  errors: string[];
}

/**
 * Console errors that are not the app's: the browser asks for /favicon.ico on its own, and the
 * server answers 404 while the client ships no icon. Keep this list short and explained.
 */
export function isIgnoredConsoleError(text: string, url: string): boolean {
  return text.startsWith("Failed to load resource") && new URL(url, "http://x/").pathname === "/favicon.ico";
}

/** A page in a fresh context (1280×800 by default) that records console errors and page errors. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: defaultViewport, locale: "da-DK", ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const { url, lineNumber } = message.location();
    if (isIgnoredConsoleError(message.text(), url)) return;
    errors.push(`console.error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ""}`);
  });
  page.on("pageerror", (error) => errors.push(`uncaught: ${error.stack ?? error.message}`));
  return { context, page, errors };
}

/** Saves a full-page PNG as tests/e2e/artifacts/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDirectory, { recursive: true });
  const file = path.join(artifactsDirectory, `${name.replace(/[^\w.-]+/g, "-")}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * "Make a what-if to edit" from a read-only grid: the button asks for a name as the scenario list does;
 * this accepts the proposed one (or gives `name`) and waits for the new what-if's page.
 */
export async function forkFromGrid(page: Page, name?: string): Promise<void> {
  await page.getByRole("button", { name: /^(Lav et alternativ for at redigere|Make a what-if to edit)$/ }).click();
  const dialog = page.getByRole("dialog");
  const field = dialog.getByLabel(/^(Navn|Name)$/);
  if (name !== undefined) await field.fill(name);
  const chosen = await field.inputValue();
  await dialog.getByRole("button", { name: /^(Lav alternativ|Make a what-if)$/ }).click();
  await page.getByRole("heading", { name: chosen, exact: true }).waitFor();
}

/**
 * A planner toolbar action by its name, opening "Mere …" first where the toolbar is short of room and
 * has moved the action there (as a person at 1280 px does). Call once the grid is drawn.
 */
export async function toolbarAction(page: Page, role: "button" | "link", name: string): Promise<Locator> {
  const action = page.getByRole(role, { name, exact: true });
  const more = page.getByRole("button", { name: "Mere …" });
  // The toolbar re-fits its line when the window is resized, so "Mere …" may come or go between our
  // look and our click: look again until the action is shown, on the line or in the opened menu.
  const deadline = Date.now() + 20_000;
  while (!(await action.isVisible())) {
    if (Date.now() > deadline) throw new Error(`The toolbar shows no ${role} "${name}", on its line or under "Mere …".`);
    if ((await more.isVisible()) && (await more.getAttribute("aria-expanded")) !== "true") await more.click({ timeout: 2_000 }).catch(() => undefined);
    await page.waitForTimeout(100);
  }
  return action;
}
