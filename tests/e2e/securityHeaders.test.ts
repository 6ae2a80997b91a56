/**
 * Security headers over real HTTP from the real server (NODE_ENV=production, as `npm start` and a
 * deployment run it), and the web client working under its Content-Security-Policy: the grid, the
 * comparison and the brief load with no policy violation and no console error.
 */
import { expect, test } from "vitest";
import { persistedBody } from "../support/persistedOperations.ts";
import { screenshot } from "./support/browser.ts";
import { useE2E } from "./support/suite.ts";

const e2e = useE2E();

const common = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
};

test("the web client, the API and the health check carry the security headers; no HSTS over plain HTTP", async () => {
  const page = await fetch(`${e2e.app.baseUrl}/`);
  expect(page.status).toBe(200);
  expect(Object.fromEntries(page.headers)).toMatchObject(common);
  const csp = page.headers.get("content-security-policy") ?? "";
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe/);
  expect(page.headers.get("permissions-policy")).toContain("camera=()");
  expect(page.headers.get("strict-transport-security")).toBeNull();

  const api = await fetch(`${e2e.app.baseUrl}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(persistedBody("Me")) });
  expect((await api.json()).data.me.mode).toBe("LOCAL");
  expect(Object.fromEntries(api.headers)).toMatchObject({ ...common, "content-security-policy": "default-src 'none'; frame-ancestors 'none'" });

  const health = await fetch(`${e2e.app.baseUrl}/healthz`);
  expect(Object.fromEntries(health.headers)).toMatchObject(common);
});

test("over real HTTP a foreign page's simple POST is refused (403), and an operation the web client does not have is not run", async () => {
  const simple = await fetch(`${e2e.app.baseUrl}/graphql`, { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify(persistedBody("Me")) });
  expect(simple.status).toBe(403);
  const introspection = await fetch(`${e2e.app.baseUrl}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __schema { types { name } } }" }) });
  expect(introspection.status).toBe(403);
  expect((await introspection.json()).errors[0].extensions.code).toBe("PERSISTED_OPERATION_REQUIRED");
});

test.each([
  ["the grid", "/#/scenario/aftale-2024", "csp-grid"],
  ["the comparison", "/#/compare?base=regeringens-udspil-2024&others=aftale-2024", "csp-compare"],
  ["the brief", "/#/brief?base=regeringens-udspil-2024&other=aftale-2024", "csp-brief"],
])("%s works under the Content-Security-Policy, with no violation", async (_name, hash, artifact) => {
  const { page, errors } = await e2e.open();
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto(`${e2e.app.baseUrl}${hash}`);
  // Each view's own content, from the API: the headers let its scripts, styles (AG Grid and AG
  // Charts inject theirs before they draw) and requests through. (Not "network idle": the grid's live stream stays open.)
  await page.getByText("Styrket forskning og bedre brug af sundhedsdata").first().waitFor({ state: "visible", timeout: 20_000 });
  await screenshot(page, artifact);
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  expect(errors).toEqual([]);
});
