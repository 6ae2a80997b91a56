/**
 * Managing users in the browser (accounts mode): an admin of the secretariat reaches "Brugere" from
 * the top bar, creates a user with an initial password (who then signs in with it), changes a role
 * and disables a user, whose open session is refused at once, and resets a forgotten password (the
 * user's open session ends; the new password signs in). An editor sees no "Brugere" link and
 * the price index table without its controls. Every screen is checked with axe and photographed.
 */
import type { Page } from "playwright-core";
import { beforeAll, expect, test } from "vitest";
import { createUserWithCli, signInOnPage, unexpectedErrors } from "./support/accounts.ts";
import { seriousViolations } from "./support/axe.ts";
import { screenshot } from "./support/browser.ts";
import { useE2E } from "./support/suite.ts";

const e2e = useE2E({ env: { RAMME_AUTH: "accounts" } });

const ADMIN = { email: "ada@fm.dk", password: "administratorens kodeord" };
const EDITOR = { email: "eddie@fm.dk", password: "redaktørens kodeord her" };
const NEW_USER = { email: "nina@venstre.dk", password: "ninas første kodeord" };

const createUser = (args: string[], password: string) => createUserWithCli(e2e.app.databaseFile, args, password);

beforeAll(() => {
  createUser(["--email", ADMIN.email, "--name", "Ada Admin", "--organisation", "finansministeriet", "--organisation-name", "Finansministeriet", "--kind", "secretariat", "--role", "admin"], ADMIN.password);
  createUser(["--email", EDITOR.email, "--name", "Eddie Editor", "--organisation", "finansministeriet", "--role", "editor"], EDITOR.password);
  createUser(["--email", "per@venstre.dk", "--name", "Per Partiadmin", "--organisation", "venstre", "--organisation-name", "Venstre", "--kind", "party", "--role", "admin"], "partiets lange kodeord");
});

const unexpected = unexpectedErrors;

const signIn = signInOnPage;

test("an admin creates a user, changes a role and disables a user; the new user signs in, the disabled one is refused at once", async () => {
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/`);
  await signIn(page, ADMIN);
  await page.locator("header.app-header").getByRole("link", { name: "Brugere" }).click();
  await page.getByRole("heading", { name: "Brugere" }).waitFor();
  const table = page.getByRole("table");
  await table.getByRole("row", { name: /Eddie Editor/ }).waitFor();
  // A secretariat admin sees every organisation's users.
  await table.getByRole("row", { name: /Per Partiadmin/ }).waitFor();
  await screenshot(page, "users-1-list");
  expect(await seriousViolations(page)).toEqual([]);

  // Create Nina in Venstre, a viewer; a short password is refused at the field first.
  const form = page.getByRole("form", { name: "Opret bruger" });
  await form.getByLabel("Navn").fill("Nina Ny");
  await form.getByLabel("E-mail").fill(NEW_USER.email);
  await form.getByLabel("Organisation").selectOption({ label: "Venstre" });
  await form.getByLabel("Rolle").selectOption({ label: "Læser" });
  await form.getByLabel("Startadgangskode").fill("for kort");
  await form.getByRole("button", { name: "Opret bruger" }).click();
  await form.getByText(/^Adgangskoden skal være på mindst 12 tegn, svær at gætte/).waitFor();
  await screenshot(page, "users-2-short-password");
  expect(await seriousViolations(page)).toEqual([]);
  await form.getByLabel("Startadgangskode").fill(NEW_USER.password);
  await form.getByRole("button", { name: "Opret bruger" }).click();
  await page.getByRole("status").filter({ hasText: "Nina Ny er oprettet som læser i Venstre." }).waitFor();
  await table.getByRole("row", { name: /Nina Ny/ }).waitFor();

  // Make Nina an editor.
  await page.getByLabel("Rolle for Nina Ny").selectOption({ label: "Redaktør" });
  await page.getByRole("status").filter({ hasText: "Nina Ny er nu redaktør." }).waitFor();

  // Eddie is signed in elsewhere; disabling him refuses his very next request.
  const other = await e2e.open();
  await other.page.goto(`${e2e.app.baseUrl}/`);
  await signIn(other.page, EDITOR);
  await page.getByRole("button", { name: "Deaktivér Eddie Editor" }).click();
  await page.getByRole("status").filter({ hasText: "Eddie Editor er deaktiveret" }).waitFor();
  await table.getByRole("row", { name: /Eddie Editor/ }).getByText("Deaktiveret").waitFor();
  // Her own row has no disable button.
  expect(await page.getByRole("button", { name: "Deaktivér Ada Admin" }).count()).toBe(0);
  await screenshot(page, "users-3-created-and-disabled");
  expect(await seriousViolations(page)).toEqual([]);
  await other.page.getByRole("link", { name: "Sammenlign" }).click();
  await other.page.getByRole("heading", { name: "Log ind" }).waitFor();
  expect(unexpected(other.errors)).toEqual([]);

  // Nina signs in with the password Ada passed on.
  const nina = await e2e.open();
  await nina.page.goto(`${e2e.app.baseUrl}/`);
  await signIn(nina.page, NEW_USER);
  await nina.page.locator("header.app-header").getByText("Venstre").waitFor();
  expect(unexpected(errors)).toEqual([]);
});

test("an editor has no Brugere link and sees the price index table without its controls", async () => {
  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/#/price-levels`);
  await signIn(page, { email: NEW_USER.email, password: NEW_USER.password });
  await page.getByRole("heading", { name: "Prisniveauer" }).waitFor();
  await page.getByText("Kun administratorer kan ændre tabellen; du kan se den").waitFor();
  expect(await page.getByRole("form", { name: "Indtast eller ret et indeks" }).count()).toBe(0);
  expect(await page.locator("header.app-header").getByRole("link", { name: "Brugere" }).count()).toBe(0);
  await screenshot(page, "users-4-editor-price-levels");
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto(`${e2e.app.baseUrl}/#/users`);
  await page.getByText("Kun administratorer kan administrere brugere.").waitFor();
  expect(unexpected(errors)).toEqual([]);
});

test("an admin resets a user's forgotten password: the user's open session ends, the old password is refused, the new one signs in", async () => {
  const NEW_PASSWORD = "ninas nulstillede kodeord";
  // Nina is signed in somewhere, perhaps on a computer she has left.
  const nina = await e2e.open();
  await nina.page.goto(`${e2e.app.baseUrl}/`);
  await signIn(nina.page, NEW_USER);
  await nina.page.locator("header.app-header").getByText("Venstre").waitFor();

  const { page, errors } = await e2e.open();
  await page.goto(`${e2e.app.baseUrl}/#/users`);
  await signIn(page, ADMIN);
  await page.getByRole("heading", { name: "Brugere" }).waitFor();
  // Her own row has no reset button: her own password is changed with the current one.
  await page.getByRole("button", { name: "Nulstil adgangskode for Nina Ny" }).waitFor();
  expect(await page.getByRole("button", { name: "Nulstil adgangskode for Ada Admin" }).count()).toBe(0);

  await page.getByRole("button", { name: "Nulstil adgangskode for Nina Ny" }).click();
  const form = page.getByRole("form", { name: "Nulstil adgangskode for Nina Ny" });
  // The field has the focus as the form opens.
  await form.getByLabel("Ny adgangskode til Nina Ny").fill("for kort");
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe("password");
  await form.getByRole("button", { name: "Nulstil", exact: true }).click();
  await form.getByText(/^Adgangskoden skal være på mindst 12 tegn, svær at gætte/).waitFor();
  expect(await form.getByLabel("Ny adgangskode til Nina Ny").getAttribute("aria-invalid")).toBe("true");
  await screenshot(page, "users-5-reset-short-password");
  expect(await seriousViolations(page)).toEqual([]);

  await form.getByLabel("Ny adgangskode til Nina Ny").fill(NEW_PASSWORD);
  await form.getByRole("button", { name: "Nulstil", exact: true }).click();
  await page.getByRole("status").filter({ hasText: /Adgangskoden til Nina Ny er nulstillet\. Brugerens sessioner er afsluttet \([1-9]\d*\), så Nina Ny skal logge ind med den nye adgangskode\./ }).waitFor();
  expect(await page.getByRole("form", { name: "Nulstil adgangskode for Nina Ny" }).count()).toBe(0);
  await screenshot(page, "users-6-reset-done");
  expect(await seriousViolations(page)).toEqual([]);
  expect(unexpected(errors)).toEqual([]);

  // Nina's open session is refused at its next request; her old password too; the new one signs in.
  await nina.page.getByRole("link", { name: "Sammenlign" }).click();
  await nina.page.getByRole("heading", { name: "Log ind" }).waitFor();
  const again = await e2e.open();
  await again.page.goto(`${e2e.app.baseUrl}/`);
  await again.page.getByLabel("E-mail").fill(NEW_USER.email);
  await again.page.getByLabel("Adgangskode").fill(NEW_USER.password);
  await again.page.getByRole("button", { name: "Log ind" }).click();
  await again.page.getByRole("alert").filter({ hasText: "Forkert e-mail eller adgangskode." }).waitFor();
  await signIn(again.page, { email: NEW_USER.email, password: NEW_PASSWORD });
  await again.page.locator("header.app-header").getByText("Venstre").waitFor();
  expect(unexpected(nina.errors)).toEqual([]);
});
