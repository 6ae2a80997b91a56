/**
 * Accounts mode (RAMME_AUTH=accounts) in the browser: the planner is a sign-in page until one signs
 * in; then the top bar names the user and their organisation, the history records their name, and
 * "Log ud" (or a session that ends) brings the sign-in page back. The user is made with the
 * project's own command (user:create), as an administrator would. The sign-in page is checked with
 * axe here, as accessibility.test.ts checks the other screens (its server runs in local mode).
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, expect, test } from "vitest";
import { serverDirectory } from "./support/app.ts";
import { seriousViolations } from "./support/axe.ts";
import { screenshot, forkFromGrid } from "./support/browser.ts";
import { useE2E } from "./support/suite.ts";

const e2e = useE2E({ env: { RAMME_AUTH: "accounts" } });

const EMAIL = "anna@fm.dk";
const PASSWORD = "korrekt hest batteri";

beforeAll(() => {
  execFileSync(
    path.join(serverDirectory, "node_modules", ".bin", "tsx"),
    ["src/auth/cli.ts", "user:create", "--email", EMAIL, "--name", "Anna Holm", "--organisation", "finansministeriet", "--organisation-name", "Finansministeriet", "--kind", "secretariat", "--role", "editor"],
    { cwd: serverDirectory, env: { ...process.env, DATABASE_URL: `file:${e2e.app.databaseFile}` }, input: `${PASSWORD}\n`, stdio: "pipe" },
  );
});

/** The browser logs every refused request (HTTP 401) as a console error; signed out, those are expected. */
const unexpected = (errors: string[]) => errors.filter((error) => !error.includes("status of 401"));

async function signIn(page: Page, password: string) {
  await page.getByLabel("E-mail").fill(EMAIL);
  await page.getByLabel("Adgangskode").fill(password);
  await page.getByRole("button", { name: "Log ind" }).click();
}

test("signed out, only the sign-in page shows; a wrong password is refused at the form, the right one opens the planner", async () => {
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/`);
  await page.getByRole("heading", { name: "Log ind" }).waitFor();
  // The first field has the focus, and the browser's password manager knows the fields.
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("autocomplete"))).toBe("username");
  expect(await page.getByLabel("Adgangskode").getAttribute("autocomplete")).toBe("current-password");
  expect(await page.getByRole("navigation", { name: "Hovedmenu" }).count()).toBe(0);
  await screenshot(page, "signIn-1-page");
  expect(await seriousViolations(page)).toEqual([]);

  await signIn(page, "forkert");
  await page.getByRole("alert").filter({ hasText: "Forkert e-mail eller adgangskode." }).waitFor();
  expect(await page.getByText("Regeringens udspil (november 2024)").count()).toBe(0);
  expect(await page.getByLabel("Adgangskode").inputValue()).toBe("");
  await screenshot(page, "signIn-2-wrong-password");
  expect(await seriousViolations(page)).toEqual([]);

  await signIn(page, PASSWORD);
  await page.getByRole("link", { name: "Regeringens udspil (november 2024)" }).waitFor();
  const header = page.locator("header.app-header");
  await header.getByText("Anna Holm").waitFor();
  await header.getByText("Finansministeriet").waitFor();
  // The server knows who is calling: no name field to type in.
  expect(await page.getByPlaceholder("Lokal bruger").count()).toBe(0);
  await screenshot(page, "signIn-3-signed-in");
  expect(await seriousViolations(page)).toEqual([]);
  expect(unexpected(errors)).toEqual([]);
});

test("an edit in a fork is recorded under the signed-in user's name; Log ud returns to the sign-in page, also after a reload", async () => {
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/#/scenario/aftale-2024`);
  await signIn(page, PASSWORD);
  await forkFromGrid(page);
  await page.getByRole("heading", { name: /– alternativ$/ }).waitFor();
  await page.locator('.ag-row[row-id="vmk"] .ag-cell[col-id="y2024"]').click();
  await page.keyboard.type("4");
  await page.keyboard.press("Enter");
  await page.getByText("Gemt · version 2").waitFor();
  await page.getByRole("button", { name: "Historik" }).click();
  const history = page.getByRole("complementary", { name: "Historik" });
  // The edit (version 2) names Anna, as the fork before it does.
  await history.getByRole("listitem").filter({ hasText: "Version 2 ·" }).getByText("Anna Holm ·", { exact: false }).waitFor();
  await screenshot(page, "signIn-4-history");

  // Signing out loads the page afresh, so nothing Anna saw stays in the browser for the next person.
  await page.evaluate(() => { (window as unknown as { annaWasHere?: boolean }).annaWasHere = true; });
  await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Log ud" }).click()]);
  await page.getByRole("heading", { name: "Log ind" }).waitFor();
  expect(await page.evaluate(() => (window as unknown as { annaWasHere?: boolean }).annaWasHere)).toBeUndefined();
  await page.reload();
  await page.getByRole("heading", { name: "Log ind" }).waitFor();
  expect(await page.getByRole("navigation", { name: "Hovedmenu" }).count()).toBe(0);
  expect(unexpected(errors)).toEqual([]);
});

test("when the session is gone, the next request brings the sign-in page back with a message", async () => {
  const { page, context, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/`);
  await signIn(page, PASSWORD);
  await page.getByRole("link", { name: "Regeringens udspil (november 2024)" }).waitFor();
  await context.clearCookies();
  await page.getByRole("link", { name: "Sammenlign" }).click();
  await page.getByRole("status").filter({ hasText: "Din session er udløbet; log ind igen." }).waitFor();
  await page.getByRole("heading", { name: "Log ind" }).waitFor();
  await screenshot(page, "signIn-5-expired");
  expect(unexpected(errors)).toEqual([]);
});
