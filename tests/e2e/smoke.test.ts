/** Smoke: the built client, served by the real server on a fresh database, shows the seeded baselines. */
import { expect, test } from "vitest";
import { screenshot } from "./support/browser.ts";
import { useE2E } from "./support/suite.ts";

const e2e = useE2E();

const baselines = ["Regeringens udspil (november 2024)", "Aftale om strategi for life science (21. november 2024)"];

test("the root page shows both baseline scenarios from the API, without console errors", async () => {
  const { page, errors } = await e2e.open();
  const response = await page.goto(`${e2e.app.baseUrl}/`);
  expect(response?.status()).toBe(200);

  for (const name of baselines) {
    await page.getByText(name).filter({ visible: true }).first().waitFor({ state: "visible", timeout: 15_000 });
  }
  await expect(page.title()).resolves.toMatch(/Ramme/);

  await screenshot(page, "smoke-root");
  expect(errors).toEqual([]);
});
