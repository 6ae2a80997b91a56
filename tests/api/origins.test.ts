/**
 * Which pages may call the API (origins.ts), in both modes: a page of another origin is refused
 * before anything runs, its preflight too, and its origin is never named back with credentials;
 * an origin on RAMME_CORS_ORIGINS may call; in local mode a Host that is not a name the server
 * listens on (DNS rebinding) is refused. GraphiQL is not served in accounts mode.
 */
import { hardeningConfigFrom } from "@ramme/server/hardening.ts";
import { corsOriginsFrom, HOST_NOT_ALLOWED, listeningHostnames, ORIGIN_NOT_ALLOWED } from "@ramme/server/origins.ts";
import { createRammeYoga } from "@ramme/server/yoga.ts";
import { describe, expect, it } from "vitest";
import { fingerprint } from "../support/scenarios.ts";

const SERVER = "http://127.0.0.1:4000";
const ALLOWED = "https://dashboard.ministeriet.dk";
const EVIL = "https://evil.example";
const modes = {
  local: createRammeYoga({ auth: "local", hardening: hardeningConfigFrom({ RAMME_CORS_ORIGINS: ALLOWED }, "127.0.0.1") }),
  accounts: createRammeYoga({ auth: "accounts", hardening: hardeningConfigFrom({ RAMME_AUTH: "accounts", RAMME_CORS_ORIGINS: ALLOWED, RAMME_TRUSTED_OPERATIONS: "off" }, "127.0.0.1") }),
};
type Mode = keyof typeof modes;

const FORK = `mutation { forkScenario(input: { sourceId: "aftale-2024", name: "Fra en fremmed side" }) { __typename } }`;

const preflight = (mode: Mode, origin: string, url = `${SERVER}/graphql`) =>
  modes[mode].fetch(url, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type, x-ramme-client" } });
const post = (mode: Mode, origin: string | null, url = `${SERVER}/graphql`) =>
  modes[mode].fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-ramme-client": "web", ...(origin === null ? {} : { origin }) },
    body: JSON.stringify({ query: FORK }),
  });

describe.each(["local", "accounts"] as const)("%s mode", (mode) => {
  it("answers a foreign page's preflight without naming its origin, allowing credentials, methods or headers: the browser sends nothing", async () => {
    const response = await preflight(mode, EVIL);
    for (const header of ["access-control-allow-origin", "access-control-allow-credentials", "access-control-allow-methods", "access-control-allow-headers"]) {
      expect(response.headers.get(header), header).toBeNull();
    }
  });

  it("refuses a foreign page's POST with a coded error, and nothing runs", async () => {
    const before = await fingerprint();
    const response = await post(mode, EVIL);
    expect(response.status).toBe(403);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect((await response.json()).errors).toEqual([expect.objectContaining({ extensions: { code: ORIGIN_NOT_ALLOWED } })]);
    expect(await fingerprint()).toBe(before);
  });

  it("answers the allow-listed origin by name, with credentials, and no other", async () => {
    const response = await preflight(mode, ALLOWED);
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    const answered = await post(mode, ALLOWED);
    expect(answered.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(answered.status).toBe(mode === "local" ? 200 : 401);
  });

  it("lets the page of its own origin, and clients that send no Origin, call it without CORS headers", async () => {
    for (const origin of [SERVER, null]) {
      const response = await post(mode, origin);
      expect(response.status, String(origin)).toBe(mode === "local" ? 200 : 401);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
    }
  });
});

describe("DNS rebinding", () => {
  it("refuses in local mode a Host that is not a name the server listens on, and nothing runs", async () => {
    const before = await fingerprint();
    const response = await post("local", null, "http://evil.example:4000/graphql");
    expect(response.status).toBe(421);
    expect((await response.json()).errors[0].extensions.code).toBe(HOST_NOT_ALLOWED);
    expect(await fingerprint()).toBe(before);
    for (const name of ["localhost", "127.0.0.1", "[::1]"]) expect((await post("local", null, `http://${name}:4000/graphql`)).status, name).toBe(200);
  });

  it("knows the names of a loopback, a wildcard and a given address", () => {
    expect(listeningHostnames("127.0.0.1")).toEqual(["localhost", "127.0.0.1", "[::1]"]);
    expect(listeningHostnames("0.0.0.0")).toEqual(expect.arrayContaining(["localhost", "127.0.0.1"]));
    expect(listeningHostnames("10.0.0.5")).toEqual(["10.0.0.5"]);
  });
});

describe("RAMME_CORS_ORIGINS", () => {
  it("takes origins separated by commas and stops the server on anything else", () => {
    expect(corsOriginsFrom(`${ALLOWED}, http://localhost:5173`)).toEqual([ALLOWED, "http://localhost:5173"]);
    expect(corsOriginsFrom(undefined)).toEqual([]);
    for (const bad of ["*", "evil.example", "https://a.example/path", "ftp://a.example"]) expect(() => corsOriginsFrom(bad), bad).toThrow("RAMME_CORS_ORIGINS");
  });
});

describe("GraphiQL", () => {
  it("is served in local mode and not in accounts mode, where the session cookie lives", async () => {
    const page = async (mode: Mode) => (await modes[mode].fetch(`${SERVER}/graphql`, { headers: { accept: "text/html" } })).text();
    expect(await page("local")).toContain("GraphiQL");
    expect(await page("accounts")).not.toContain("GraphiQL");
  });
});
