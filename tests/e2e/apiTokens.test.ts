/**
 * API tokens in the browser (accounts mode, trusted operations on as in production): a signed-in
 * person reaches "API-nøgler" from the top bar, creates a READ_WRITE token whose secret is shown once,
 * uses it from a program (Node's fetch, sending operation text, which a token may), revokes it in the
 * page, and the program's next request is refused. A viewer may create only READ tokens; an admin
 * revokes a colleague's token; an operator revokes one with `token:revoke`. In local mode there is no
 * such page. Every screen is checked with axe and photographed.
 */
import type { Page } from "playwright-core";
import { beforeAll, expect, test } from "vitest";
import { ramme, rammeAsync, signInOnPage, unexpectedErrors } from "./support/accounts.ts";
import { seriousViolations } from "./support/axe.ts";
import { screenshot } from "./support/browser.ts";
import { useE2E } from "./support/suite.ts";

const e2e = useE2E({ env: { RAMME_AUTH: "accounts" } });
const local = useE2E();

const ADMIN = { email: "ada@fm.dk", password: "administratorens kodeord" };
const EDITOR = { email: "eddie@fm.dk", password: "redaktørens kodeord her" };
const VIEWER = { email: "vera@fm.dk", password: "læserens lange kodeord" };
const SECRET_PATTERN = /^ramme_([0-9a-f]{8})_[A-Za-z0-9_-]{43}$/;

/** The project's own command line (server/src/auth/cli.ts), as an operator runs it; its stdout. */
const cli = (args: string[], input = "") => ramme(e2e.app.databaseFile, args, input);
/** The same, while the test's HTTP client keeps running (between requests of a test). */
const cliAsync = (args: string[]) => rammeAsync(e2e.app.databaseFile, args);

beforeAll(() => {
  cli(["user:create", "--email", ADMIN.email, "--name", "Ada Admin", "--organisation", "finansministeriet", "--organisation-name", "Finansministeriet", "--kind", "secretariat", "--role", "admin"], `${ADMIN.password}\n`);
  cli(["user:create", "--email", EDITOR.email, "--name", "Eddie Editor", "--organisation", "finansministeriet", "--role", "editor"], `${EDITOR.password}\n`);
  cli(["user:create", "--email", VIEWER.email, "--name", "Vera Viewer", "--organisation", "finansministeriet", "--role", "viewer"], `${VIEWER.password}\n`);
});

const unexpected = unexpectedErrors;

async function openTokensPage(who: { email: string; password: string }) {
  const opened = await e2e.open();
  const { page } = opened;
  await page.goto(`${e2e.app.baseUrl}/`);
  await signInOnPage(page, who);
  await page.locator("header.app-header").getByRole("link", { name: "API-nøgler" }).click();
  await page.getByRole("heading", { name: "API-nøgler", level: 2 }).waitFor();
  return opened;
}

/** A program's request with the token: operation text, which only a token may send where trusted operations are on. */
async function asProgram(secret: string) {
  const response = await fetch(`${e2e.app.baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", authorization: `Bearer ${secret}` },
    body: JSON.stringify({ query: `{ me { actor token { name scope } } }` }),
  });
  return { status: response.status, body: (await response.json()) as { data?: { me: { actor: string; token: { name: string; scope: string } } }; errors?: Array<{ extensions?: { code?: string } }> } };
}

async function createToken(page: Page, name: string, scope: "Læse" | "Læse og skrive"): Promise<string> {
  const form = page.getByRole("form", { name: "Opret API-nøgle" });
  await form.getByLabel("Navn").fill(name);
  await form.getByRole("radio", { name: new RegExp(`^${scope}:`) }).check();
  await form.getByRole("button", { name: "Opret nøgle" }).click();
  const box = page.getByRole("region", { name: `Din nye API-nøgle «${name}»` });
  const secret = await box.getByLabel("API-nøgle").inputValue();
  expect(secret).toMatch(SECRET_PATTERN);
  return secret;
}

test("a person creates a READ_WRITE token, sees its secret once, uses it from a program, and revokes it: the next request is refused", async () => {
  const { page, context, errors } = await openTokensPage(EDITOR);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: e2e.app.baseUrl });
  await page.getByText("Du har ingen API-nøgler.").waitFor();

  const secret = await createToken(page, "Regneark", "Læse og skrive");
  const prefix = `ramme_${SECRET_PATTERN.exec(secret)![1]}`;
  const box = page.getByRole("region", { name: "Din nye API-nøgle «Regneark»" });
  await box.getByText("Den vises kun denne ene gang").waitFor();
  await box.getByRole("button", { name: "Kopiér" }).click();
  await box.getByText("Nøglen er kopieret.").waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  const mine = page.getByRole("table", { name: "Dine nøgler" });
  const row = mine.getByRole("row", { name: /Regneark/ });
  await row.getByText(`${prefix}_…`).waitFor();
  await row.getByText("Læse og skrive").waitFor();
  await row.getByText("Aldrig").waitFor();
  await screenshot(page, "apiTokens-1-secret-once");
  expect(await seriousViolations(page)).toEqual([]);

  // The program acts as Eddie, through the token.
  const used = await asProgram(secret);
  expect(used.status).toBe(200);
  expect(used.body.data?.me).toEqual({ actor: "Regneark (API, Eddie Editor)", token: { name: "Regneark", scope: "READ_WRITE" } });

  // Closed, the secret is gone from the page and was never stored in the browser.
  await box.getByRole("button", { name: "Jeg har gemt nøglen" }).click();
  await box.waitFor({ state: "detached" });
  expect(await page.content()).not.toContain(secret);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain(secret.slice("ramme_12345678_".length));

  // Back on the page, the list shows the use.
  await page.getByRole("link", { name: "Scenarier" }).click();
  await page.locator("header.app-header").getByRole("link", { name: "API-nøgler" }).click();
  await expect.poll(() => row.locator("td").nth(3).textContent()).not.toBe("Aldrig");
  expect(await page.content()).not.toContain(secret);
  await screenshot(page, "apiTokens-2-list");
  expect(await seriousViolations(page)).toEqual([]);

  // Revoking asks first.
  await row.getByRole("button", { name: "Tilbagekald Regneark" }).click();
  await mine.getByText("Tilbagekald «Regneark»? Programmer, der bruger den, afvises fra næste forespørgsel.").waitFor();
  await screenshot(page, "apiTokens-3-confirm-revoke");
  await mine.getByRole("button", { name: "Annullér" }).click();
  expect((await asProgram(secret)).status).toBe(200);
  await row.getByRole("button", { name: "Tilbagekald Regneark" }).click();
  await mine.getByRole("button", { name: "Ja, tilbagekald" }).click();
  await page.getByRole("status").filter({ hasText: "«Regneark» er tilbagekaldt og virker ikke længere." }).waitFor();
  await row.getByText(/^Tilbagekaldt /).waitFor();
  expect(await row.getByRole("button", { name: "Tilbagekald Regneark" }).count()).toBe(0);
  await screenshot(page, "apiTokens-4-revoked");
  expect(await seriousViolations(page)).toEqual([]);

  const refused = await asProgram(secret);
  expect(refused.status).toBe(401);
  expect(refused.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  expect(unexpected(errors)).toEqual([]);
});

test("a viewer may create only READ tokens: the other option is disabled and says why", async () => {
  const { page, errors } = await openTokensPage(VIEWER);
  const form = page.getByRole("form", { name: "Opret API-nøgle" });
  expect(await form.getByRole("radio", { name: /^Læse og skrive:/ }).isDisabled()).toBe(true);
  await form.getByText("Som læser kan du kun oprette nøgler, der læser.").waitFor();
  // An empty name is refused by the server, shown at the field.
  await form.getByRole("button", { name: "Opret nøgle" }).click();
  await form.getByText("Skriv et navn til nøglen (højst 100 tegn).").waitFor();
  await screenshot(page, "apiTokens-5-viewer");
  expect(await seriousViolations(page)).toEqual([]);

  const secret = await createToken(page, "Læseadgang", "Læse");
  const used = await asProgram(secret);
  expect(used.body.data?.me.token).toEqual({ name: "Læseadgang", scope: "READ" });
  expect(unexpected(errors)).toEqual([]);
});

test("an admin sees her organisation's other tokens and revokes a colleague's; an operator revokes one with token:revoke", async () => {
  const colleague = (await cliAsync(["token:create", "--email", EDITOR.email, "--name", "Eddies script", "--scope", "read"])).trim();
  expect(colleague).toMatch(SECRET_PATTERN);
  expect((await asProgram(colleague)).status).toBe(200);

  const { page, errors } = await openTokensPage(ADMIN);
  const others = page.getByRole("table", { name: "Andres nøgler i Finansministeriet" });
  const row = others.getByRole("row", { name: /Eddies script/ });
  await row.getByText("Eddie Editor").waitFor();
  await others.getByRole("row", { name: /Læseadgang/ }).getByText("Vera Viewer").waitFor();
  await screenshot(page, "apiTokens-6-admin");
  expect(await seriousViolations(page)).toEqual([]);
  await row.getByRole("button", { name: "Tilbagekald Eddies script" }).click();
  await others.getByRole("button", { name: "Ja, tilbagekald" }).click();
  await page.getByRole("status").filter({ hasText: "«Eddies script» er tilbagekaldt" }).waitFor();
  expect((await asProgram(colleague)).status).toBe(401);
  expect(unexpected(errors)).toEqual([]);

  // The operator's way, by the prefix a list shows.
  const secret = (await cliAsync(["token:create", "--email", ADMIN.email, "--name", "Natlig eksport", "--scope", "read-write"])).trim();
  const prefix = `ramme_${SECRET_PATTERN.exec(secret)![1]}`;
  expect((await asProgram(secret)).status).toBe(200);
  expect(await cliAsync(["token:revoke", "--prefix", prefix])).toMatch(new RegExp(`^Revoked API token "Natlig eksport" \\(${prefix}, read_write\\) of ${ADMIN.email}`));
  expect((await asProgram(secret)).status).toBe(401);
  expect(await cliAsync(["token:revoke", "--prefix", prefix])).toContain("was revoked already");
  await expect(cliAsync(["token:revoke", "--prefix", "ramme_00000000"])).rejects.toThrow(/No API token has the prefix ramme_00000000/);
});

test("in local mode there is no API tokens link, and the page says tokens need accounts", async () => {
  const { page, errors } = await local.open();
  await page.goto(`${local.app.baseUrl}/`);
  await page.getByRole("link", { name: "Regeringens udspil (november 2024)" }).waitFor();
  expect(await page.locator("header.app-header").getByRole("link", { name: "API-nøgler" }).count()).toBe(0);
  await page.goto(`${local.app.baseUrl}/#/api-tokens`);
  await page.getByText("API-nøgler findes kun, når Ramme kører med konti").waitFor();
  expect(errors).toEqual([]);
});
