/**
 * Min konto in the browser (accounts mode): a signed-in person — a viewer, the least of roles — reaches
 * "Min konto" from the top bar, sees who they are, and changes their own password. A wrong current
 * password, two new ones that differ (caught before anything is sent) and a too short one are each
 * refused at their field; the right change ends their other session, keeps this one, and empties the
 * form. Then the old password is refused and the new one signs in. In local mode there is no such page.
 * Every screen is checked with axe and photographed.
 */
import { beforeAll, expect, test } from "vitest";
import { createUserWithCli, signInOnPage, unexpectedErrors } from "./support/accounts.ts";
import { seriousViolations } from "./support/axe.ts";
import { screenshot } from "./support/browser.ts";
import { useE2E } from "./support/suite.ts";

const e2e = useE2E({ env: { RAMME_AUTH: "accounts" } });
const local = useE2E();

const VIEWER = { email: "vera@venstre.dk", password: "veras gamle kodeord" };
const NEW_PASSWORD = "veras nye og lange kodeord";

beforeAll(() => {
  createUserWithCli(e2e.app.databaseFile, ["--email", VIEWER.email, "--name", "Vera Viewer", "--organisation", "venstre", "--organisation-name", "Venstre", "--kind", "party", "--role", "viewer"], VIEWER.password);
});

test("a viewer changes their own password on Min konto: wrong, differing and short passwords are refused at their field; the change ends the other session and only the new password signs in", async () => {
  // Vera is signed in on another computer too.
  const elsewhere = await e2e.open();
  await elsewhere.page.goto(`${e2e.app.baseUrl}/`);
  await signInOnPage(elsewhere.page, VIEWER);

  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/`);
  await signInOnPage(page, VIEWER);
  await page.locator("header.app-header").getByRole("link", { name: "Min konto" }).click();
  await page.getByRole("heading", { name: "Min konto", level: 2 }).waitFor();
  expect(page.url()).toMatch(/#\/account$/);
  const facts = page.locator(".my-account-facts");
  expect(await facts.innerText()).toMatch(/Navn\s+Vera Viewer\s+E-mail\s+vera@venstre\.dk\s+Organisation\s+Venstre\s+Rolle\s+Læser/);
  const form = page.getByRole("form", { name: "Skift adgangskode" });
  const current = form.getByLabel("Nuværende adgangskode", { exact: true });
  const fresh = form.getByLabel("Ny adgangskode", { exact: true });
  const repeat = form.getByLabel("Gentag ny adgangskode", { exact: true });
  const submit = form.getByRole("button", { name: "Skift adgangskode" });
  // The policy is shown with the field, and the password manager knows which field is which.
  expect(await fresh.getAttribute("aria-describedby")).toBeTruthy();
  await form.getByText("Mellem 12 og 1.024 tegn.").waitFor();
  expect([await current.getAttribute("autocomplete"), await fresh.getAttribute("autocomplete"), await repeat.getAttribute("autocomplete")]).toEqual(["current-password", "new-password", "new-password"]);
  await screenshot(page, "account-1-page");
  expect(await seriousViolations(page)).toEqual([]);

  // Every changePassword request the page sends (its variables name the new password).
  const sent: string[] = [];
  page.on("request", (request) => {
    if (request.postData()?.includes("newPassword")) sent.push(request.url());
  });

  // A wrong current password: refused at its field, which is emptied and has the cursor.
  await current.fill("ikke mit kodeord");
  await fresh.fill(NEW_PASSWORD);
  await repeat.fill(NEW_PASSWORD);
  await submit.click();
  await form.getByText("Den nuværende adgangskode er forkert.").waitFor();
  expect(await current.getAttribute("aria-invalid")).toBe("true");
  expect(await current.inputValue()).toBe("");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("autocomplete"))).toBe("current-password");
  expect(sent).toHaveLength(1);
  await screenshot(page, "account-2-wrong-current");
  expect(await seriousViolations(page)).toEqual([]);

  // Two new passwords that differ: refused in the browser, nothing sent.
  await current.fill(VIEWER.password);
  await repeat.fill(`${NEW_PASSWORD}!`);
  await submit.click();
  await form.getByText("De to nye adgangskoder er ikke ens.").waitFor();
  expect(await repeat.getAttribute("aria-invalid")).toBe("true");
  expect(await current.getAttribute("aria-invalid")).toBe("false");
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe("repeatPassword");
  expect(sent).toHaveLength(1);
  await screenshot(page, "account-3-mismatch");
  expect(await seriousViolations(page)).toEqual([]);

  // Too short for the policy: the server's WEAK_PASSWORD, at the new password.
  await fresh.fill("for kort");
  await repeat.fill("for kort");
  await submit.click();
  await form.getByText(/^Den nye adgangskode skal være på mindst 12 tegn, svær at gætte/).waitFor();
  expect(await fresh.getAttribute("aria-invalid")).toBe("true");
  expect(sent).toHaveLength(2);

  // The right change, by keyboard alone: type, Tab, type, Tab, type, Enter.
  await current.fill("");
  await current.focus();
  await page.keyboard.type(VIEWER.password);
  await page.keyboard.press("Tab");
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(NEW_PASSWORD);
  await page.keyboard.press("Tab");
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(NEW_PASSWORD);
  await page.keyboard.press("Enter");
  await page.getByRole("status").filter({ hasText: "Din adgangskode er skiftet. 1 anden session er afsluttet; dér skal du logge ind med den nye adgangskode." }).waitFor();
  expect([await current.inputValue(), await fresh.inputValue(), await repeat.inputValue()]).toEqual(["", "", ""]);
  expect(await form.locator('[aria-invalid="true"]').count()).toBe(0);
  await screenshot(page, "account-4-changed");
  expect(await seriousViolations(page)).toEqual([]);

  // In English the same form speaks English.
  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("heading", { name: "My account", level: 2 }).waitFor();
  const english = page.getByRole("form", { name: "Change password" });
  await english.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await english.getByRole("button", { name: "Change password" }).click();
  await english.getByText("The two new passwords differ.").waitFor();
  await page.getByRole("button", { name: "Dansk" }).click();

  // This session goes on; the other one is refused at its next request.
  await page.locator("header.app-header").getByRole("link", { name: "Scenarier" }).click();
  await page.getByRole("link", { name: "Regeringens udspil (november 2024)" }).waitFor();
  await elsewhere.page.getByRole("link", { name: "Sammenlign" }).click();
  await elsewhere.page.getByRole("heading", { name: "Log ind" }).waitFor();

  // Signed out, the old password is refused and the new one signs in.
  // Log ud reloads the page (dropping all the client held); the sign-in page after the reload.
  await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Log ud" }).click()]);
  await page.getByRole("heading", { name: "Log ind" }).waitFor();
  await page.getByLabel("E-mail").fill(VIEWER.email);
  await page.getByLabel("Adgangskode").fill(VIEWER.password);
  await page.getByRole("button", { name: "Log ind" }).click();
  await page.getByRole("alert").filter({ hasText: "Forkert e-mail eller adgangskode." }).waitFor();
  await signInOnPage(page, { email: VIEWER.email, password: NEW_PASSWORD });
  await page.locator("header.app-header").getByText("Vera Viewer").waitFor();
  expect(unexpectedErrors(errors)).toEqual([]);
  expect(unexpectedErrors(elsewhere.errors)).toEqual([]);
});

test("in local mode there is no Min konto: no link in the top bar, and the address says why", async () => {
  const { page, errors } = await local.open();
  await page.goto(`${local.app.baseUrl}/#/account`);
  await page.getByText("Min konto findes kun, når Ramme kører med konti").waitFor();
  expect(await page.locator("header.app-header").getByRole("link", { name: "Min konto" }).count()).toBe(0);
  expect(await page.getByRole("form", { name: "Skift adgangskode" }).count()).toBe(0);
  expect(errors).toEqual([]);
});
