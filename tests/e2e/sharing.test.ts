/**
 * Sharing a what-if between organisations in the browser (accounts mode): Anna of
 * Finansministeriet forks the agreement and shares it with Venstre to read; Bo of Venstre, in a
 * browser of his own, sees it listed as shared by Finansministeriet, opens it read-only and cannot
 * change a cell (the stored amount stays as it was); Anna lets Venstre edit and Bo's edit is stored;
 * Anna takes the share back and Bo no longer sees it. The share dialog, the list and the read-only
 * grid are checked with axe and photographed.
 */
import type { Page } from "playwright-core";
import { beforeAll, expect, test } from "vitest";
import { persistedBody } from "../support/persistedOperations.ts";
import { createUserWithCli, signInOnPage, unexpectedErrors } from "./support/accounts.ts";
import { seriousViolations } from "./support/axe.ts";
import { screenshot, forkFromGrid, toolbarAction } from "./support/browser.ts";
import { useE2E } from "./support/suite.ts";

const e2e = useE2E({ env: { RAMME_AUTH: "accounts" } });

const ANNA = { email: "anna@fm.dk", password: "annas lange kodeord" };
const BO = { email: "bo@venstre.dk", password: "bos lange kodeord her" };
const AGREEMENT = "Aftale om strategi for life science (21. november 2024)";
const DRAFT = `${AGREEMENT} – alternativ`;

const createUser = (args: string[], password: string) => createUserWithCli(e2e.app.databaseFile, args, password);

beforeAll(() => {
  createUser(["--email", ANNA.email, "--name", "Anna Holm", "--organisation", "finansministeriet", "--organisation-name", "Finansministeriet", "--kind", "secretariat", "--role", "editor"], ANNA.password);
  createUser(["--email", BO.email, "--name", "Bo Berg", "--organisation", "venstre", "--organisation-name", "Venstre", "--kind", "party", "--role", "editor"], BO.password);
  // A third organisation, so the share form has one left to offer once Venstre has its share.
  createUser(["--email", "sara@sf.dk", "--name", "Sara Sand", "--organisation", "sf", "--organisation-name", "SF", "--kind", "party", "--role", "admin"], "saras lange kodeord");
});

const unexpected = unexpectedErrors;

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto(`${e2e.app.baseUrl}/`);
  await signInOnPage(page, who);
}

const cell = (page: Page, rowId: string, colId: string) => page.locator(`.ag-row[row-id="${rowId}"] .ag-cell[col-id="${colId}"]`);

async function focusCell(page: Page, rowId: string, colId: string) {
  await cell(page, rowId, colId).click();
  await expect.poll(() => cell(page, rowId, colId).getAttribute("class")).toContain("ag-cell-focus");
}

/** The stored amount of a line in a year, read through the API with the page's own session and the client's own query (what the server holds, not what the grid shows). */
async function storedAmount(page: Page, scenarioKey: string, initiativeKey: string, year: number): Promise<string | null> {
  const response = await page.request.post(`${e2e.app.baseUrl}/graphql`, {
    headers: { "content-type": "application/json", "x-ramme-client": "web" },
    // The web client's own grid query, by hash: the e2e server runs with trusted operations on.
    data: persistedBody("ScenarioGrid", { id: Buffer.from(`Scenario:${scenarioKey}`).toString("base64") }),
  });
  const body = (await response.json()) as { data: { scenario: { lines: Array<{ initiative: { key: string }; amounts: Array<{ year: number; amount: string }> }> } | null } };
  const line = body.data.scenario?.lines.find((entry) => entry.initiative.key === initiativeKey);
  return line?.amounts.find((entry) => entry.year === year)?.amount ?? null;
}

async function openShareDialog(page: Page) {
  // Wide enough that "Del" is on the toolbar itself, the button focus returns to when the dialog closes.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await (await toolbarAction(page, "button", "Del")).click();
  const dialog = page.getByRole("dialog", { name: `Del »${DRAFT}«` });
  await dialog.waitFor();
  return dialog;
}

test("a what-if shared to read is seen read-only by the other organisation, editable once shared to edit, and gone once taken back", async () => {
  const anna = await e2e.open();
  await signIn(anna.page, ANNA);
  await anna.page.goto(`${e2e.app.baseUrl}/#/scenario/aftale-2024`);
  // A baseline is everyone's: no sharing there.
  await anna.page.getByText("Grundlag fra dokumentet – kan ikke ændres.").waitFor();
  expect(await anna.page.getByRole("button", { name: "Del", exact: true }).count()).toBe(0);
  await forkFromGrid(anna.page);
  await anna.page.getByRole("heading", { name: DRAFT }).waitFor();
  const draftKey = decodeURIComponent(new URL(anna.page.url()).hash.replace(/^#\/scenario\//, ""));
  expect(draftKey).not.toBe("aftale-2024");

  // Share it with Venstre to read. The form offers the other organisations, never Anna's own.
  const dialog = await openShareDialog(anna.page);
  await dialog.getByText("Alternativet er ikke delt med nogen.").waitFor();
  const organisation = dialog.getByLabel("Organisation", { exact: true });
  expect(await organisation.locator("option").allTextContents()).toEqual(["Vælg en organisation", "SF", "Venstre"]);
  await organisation.selectOption({ label: "Venstre" });
  await dialog.getByLabel("Adgang", { exact: true }).selectOption({ label: "Læse" });
  await dialog.getByRole("button", { name: "Del", exact: true }).click();
  await dialog.getByRole("status").filter({ hasText: "Delt med Venstre til læsning." }).waitFor();
  const shareRow = dialog.getByRole("row", { name: /Venstre/ });
  await shareRow.getByText("Anna Holm").waitFor();
  expect(await dialog.getByLabel("Adgang for Venstre").inputValue()).toBe("READ");
  // Venstre has its share now: only SF is left to offer.
  expect(await dialog.getByLabel("Organisation", { exact: true }).locator("option").allTextContents()).toEqual(["Vælg en organisation", "SF"]);
  await screenshot(anna.page, "sharing-1-dialog");
  expect(await seriousViolations(anna.page)).toEqual([]);
  // Escape closes it and the focus goes back to the button that opened it.
  await anna.page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  expect(await anna.page.evaluate(() => document.activeElement?.textContent)).toBe("Del");
  await anna.page.getByText("Delt med 1", { exact: true }).waitFor();
  // In a narrow window "Del" sits under "Mere …": closed, the dialog hands the focus back to "Mere …".
  await anna.page.setViewportSize({ width: 1024, height: 768 });
  const more = anna.page.getByRole("button", { name: "Mere …" });
  await more.waitFor();
  await more.click();
  await anna.page.getByRole("group", { name: "Flere handlinger" }).getByRole("button", { name: "Del", exact: true }).click();
  await anna.page.getByRole("dialog", { name: `Del »${DRAFT}«` }).waitFor();
  await anna.page.keyboard.press("Escape");
  await anna.page.getByRole("dialog").waitFor({ state: "detached" });
  expect(await anna.page.evaluate(() => document.activeElement?.textContent)).toBe("Mere …");

  // Bo of Venstre, in a browser of his own, finds it listed as shared by Finansministeriet, to read.
  const bo = await e2e.open();
  await signIn(bo.page, BO);
  const row = bo.page.getByRole("row", { name: new RegExp(DRAFT.replace(/[()]/g, "\\$&")) });
  await row.getByText("Delt af Finansministeriet · kun læse").waitFor();
  // To read: no rename, lock or archive for Bo; his own copy he may make.
  expect(await row.getByRole("button", { name: "Arkivér" }).count()).toBe(0);
  expect(await row.getByRole("button", { name: "Omdøb" }).count()).toBe(0);
  await row.getByRole("button", { name: "Lav alternativ" }).waitFor();
  await screenshot(bo.page, "sharing-2-list-shared-with-venstre");
  expect(await seriousViolations(bo.page)).toEqual([]);

  // Opened, it is read-only: typing in a cell opens no editor, a paste is refused, nothing is stored.
  await row.getByRole("link", { name: DRAFT }).click();
  await bo.page.getByRole("heading", { name: DRAFT }).waitFor();
  await bo.page.getByText("Delt med din organisation til læsning — du kan kommentere og lave din egen kopi.").waitFor();
  await bo.page.getByText("Delt af Finansministeriet · kun læse").waitFor();
  expect(await bo.page.getByRole("button", { name: "Del", exact: true }).count()).toBe(0);
  expect(await bo.page.getByRole("button", { name: "Tilføj linje" }).count()).toBe(0);
  const before = await storedAmount(bo.page, draftKey, "vmk", 2024);
  expect(before).not.toBeNull();
  await focusCell(bo.page, "vmk", "y2024");
  await bo.page.keyboard.type("9");
  await bo.page.keyboard.press("Enter");
  expect(await bo.page.locator(".ag-cell-inline-editing").count()).toBe(0);
  await bo.page.evaluate(() => {
    const data = new DataTransfer();
    data.setData("text/plain", "7\t7");
    document.activeElement?.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await bo.page.getByText("Scenariet kan ikke ændres her; indsættelsen blev ikke gemt.").waitFor();
  expect(await storedAmount(bo.page, draftKey, "vmk", 2024)).toBe(before);
  await screenshot(bo.page, "sharing-3-read-only-grid");
  expect(await seriousViolations(bo.page)).toEqual([]);

  // Anna lets Venstre edit.
  await anna.page.getByRole("heading", { name: DRAFT }).waitFor();
  const again = await openShareDialog(anna.page);
  await again.getByLabel("Adgang for Venstre").selectOption({ label: "Redigere" });
  await again.getByRole("status").filter({ hasText: "Venstre har nu adgang til redigering." }).waitFor();
  await anna.page.keyboard.press("Escape");
  await again.waitFor({ state: "detached" });

  // Bo, after a reload, edits like an owner, but has no "Del".
  await bo.page.reload();
  await bo.page.getByText("Delt af Finansministeriet · kan redigere").waitFor();
  await bo.page.locator(".ag-row").first().waitFor();
  expect(await bo.page.getByText("Delt med din organisation til læsning").count()).toBe(0);
  expect(await bo.page.getByRole("button", { name: "Del", exact: true }).count()).toBe(0);
  await focusCell(bo.page, "vmk", "y2024");
  await bo.page.keyboard.type("4,5");
  await bo.page.keyboard.press("Enter");
  await bo.page.getByText("Gemt · version 2").waitFor();
  expect(await storedAmount(bo.page, draftKey, "vmk", 2024)).not.toBe(before);
  expect(await storedAmount(anna.page, draftKey, "vmk", 2024)).toMatch(/^4\.50?$/);

  // Anna takes the share back: after a reload Bo's list no longer has it.
  const last = await openShareDialog(anna.page);
  await last.getByRole("button", { name: "Fjern deling med Venstre" }).click();
  await last.getByRole("status").filter({ hasText: "Delingen med Venstre er fjernet" }).waitFor();
  await last.getByText("Alternativet er ikke delt med nogen.").waitFor();
  await last.getByText("Historik for deling").click();
  await last.getByText(/Venstre: Redigere → ikke delt/).waitFor();
  await screenshot(anna.page, "sharing-4-dialog-taken-back");
  expect(await seriousViolations(anna.page)).toEqual([]);
  await anna.page.keyboard.press("Escape");

  await bo.page.goto(`${e2e.app.baseUrl}/`);
  await bo.page.reload();
  await bo.page.getByRole("link", { name: AGREEMENT, exact: true }).waitFor();
  expect(await bo.page.getByRole("link", { name: DRAFT }).count()).toBe(0);
  expect(await storedAmount(bo.page, draftKey, "vmk", 2024)).toBeNull();

  expect(unexpected(anna.errors)).toEqual([]);
  expect(unexpected(bo.errors)).toEqual([]);
});
