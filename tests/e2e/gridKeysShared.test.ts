/**
 * The grid's refusals on a what-if shared to read (accounts mode): Bo of Venstre opens Anna's
 * what-if, and every change he tries by key, paste or menu says it cannot be made and stores nothing
 * (read back through the API); copying still works.
 */
import type { Page } from "playwright-core";
import { beforeAll, expect, test } from "vitest";
import { operationName, type TypedDocument } from "../support/documents.ts";
import { persistedBody } from "../support/persistedOperations.ts";
import { createUserWithCli, signInOnPage, unexpectedErrors } from "./support/accounts.ts";
import { screenshot } from "./support/browser.ts";
import { cell, focusCell, pasteText, scenarioId } from "./support/grid.ts";
import { useE2E } from "./support/suite.ts";
import { ForkScenario, forkedKey, gridScenario, ScenarioGridQuery, ShareScenario } from "./support/clientOperations.ts";

const e2e = useE2E({ env: { RAMME_AUTH: "accounts" } });

const ANNA = { email: "anna@fm.dk", password: "annas lange kodeord" };
const BO = { email: "bo@venstre.dk", password: "bos lange kodeord her" };

beforeAll(() => {
  createUserWithCli(e2e.app.databaseFile, ["--email", ANNA.email, "--name", "Anna Holm", "--organisation", "finansministeriet", "--organisation-name", "Finansministeriet", "--kind", "secretariat", "--role", "editor"], ANNA.password);
  createUserWithCli(e2e.app.databaseFile, ["--email", BO.email, "--name", "Bo Berg", "--organisation", "venstre", "--organisation-name", "Venstre", "--kind", "party", "--role", "editor"], BO.password);
});

/** One of the web client's operations with the page's own session. */
async function asPage<TData, TVariables extends Record<string, unknown>>(page: Page, operation: TypedDocument<TData, TVariables>, variables: TVariables): Promise<TData> {
  const response = await page.request.post(`${e2e.app.baseUrl}/graphql`, { headers: { "content-type": "application/json", "x-ramme-client": "web" }, data: persistedBody(operationName(operation as TypedDocument<unknown, unknown>), variables) });
  // The server ran the document by its name's hash: the answer has that document's type.
  const body = (await response.json()) as { data: TData; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data;
}

async function storedAsPage(page: Page, key: string): Promise<Map<string, string>> {
  const { lines } = gridScenario(await asPage(page, ScenarioGridQuery, { id: scenarioId(key) }));
  return new Map(lines.flatMap((line) => line.amounts.map((entry) => [`${line.initiative.key}:${entry.year}`, entry.amount] as const)));
}

test("on a what-if shared to read, paste, Delete, Ctrl+D, Ctrl+Enter's typing and the menu's changes are refused with a message; nothing is stored", async () => {
  const anna = await e2e.open();
  await anna.page.goto(`${e2e.app.baseUrl}/`);
  await signInOnPage(anna.page, ANNA);
  const fork = await asPage(anna.page, ForkScenario, { input: { sourceId: "aftale-2024", name: "Delt til læsning" } });
  const key = forkedKey(fork);
  const share = await asPage(anna.page, ShareScenario, { input: { scenarioId: key, organisation: "venstre", access: "READ" } });
  expect(share.shareScenario.__typename).not.toMatch(/Error$/);

  const bo = await e2e.open();
  await bo.context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await bo.page.goto(`${e2e.app.baseUrl}/`);
  await signInOnPage(bo.page, BO);
  const before = await storedAsPage(bo.page, key);
  await bo.page.goto(`${e2e.app.baseUrl}/#/scenario/${key}`);
  await bo.page.locator('.ag-row[row-id="vmk"]').waitFor();
  const status = bo.page.locator("p.status");

  await focusCell(bo.page, "vmk", "y2024");
  await pasteText(bo.page, "7\r\n");
  await expect.poll(() => status.textContent()).toBe("Scenariet kan ikke ændres her; indsættelsen blev ikke gemt.");
  await focusCell(bo.page, "vmk", "y2025");
  await bo.page.keyboard.press("Delete");
  await expect.poll(() => status.textContent()).toBe("Scenariet kan ikke ændres her; intet er gemt.");
  await bo.page.keyboard.press("Shift+ArrowDown");
  await bo.page.keyboard.press("Control+d");
  await expect.poll(() => status.textContent()).toBe("Scenariet kan ikke ændres her; intet er gemt.");
  // Typing opens no editor on a read-only cell.
  await bo.page.keyboard.type("9");
  await bo.page.keyboard.press("Enter");
  expect(await cell(bo.page, "vmk", "y2025").locator("input").count()).toBe(0);

  // The menu: changes disabled, copy works.
  await cell(bo.page, "vmk", "y2024").click({ button: "right" });
  const menu = bo.page.getByRole("menu");
  await menu.waitFor();
  for (const name of ["Sæt ind", "Ryd (sæt til 0)", "Udfyld nedad"]) expect(await menu.getByRole("menuitem", { name }).getAttribute("aria-disabled")).toBe("true");
  await screenshot(bo.page, "grid-keys-menu-read-only");
  await menu.getByRole("menuitem", { name: "Kopiér" }).click();
  await bo.page.getByText("1 celle kopieret.").waitFor();
  expect(await bo.page.evaluate(() => navigator.clipboard.readText())).toBe("3,5\r\n");

  expect([...(await storedAsPage(bo.page, key))]).toEqual([...before]);
  expect(unexpectedErrors([...anna.errors, ...bo.errors])).toEqual([]);
});
