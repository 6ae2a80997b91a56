/**
 * Per test file: one real server on its own fresh database and one Chromium, started in beforeAll
 * and stopped in afterAll. Each test opens pages in fresh contexts with `e2e.open()`.
 */
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, inject } from "vitest";
import { E2E_SERVER_ENV, startApp, type RunningApp } from "./app.ts";
import { launchBrowser, openPage, type OpenedPage } from "./browser.ts";

export interface E2E {
  readonly app: RunningApp;
  readonly browser: Browser;
  /** A fresh context and page; closed after the test. */
  open(): Promise<OpenedPage>;
}

/** `env`: more environment for the server, e.g. `{ RAMME_AUTH: "accounts" }`, over E2E_SERVER_ENV (trusted operations on, the default rate limit). */
export function useE2E(options: { env?: Record<string, string> } = {}): E2E {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  const opened: OpenedPage[] = [];

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp({ templateDatabase: inject("e2eTemplateDatabase"), env: { ...E2E_SERVER_ENV, ...options.env } }), launchBrowser()]);
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map(({ context }) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const requireBrowser = () => {
    if (!browser) throw new Error("the browser is not launched (use e2e.browser inside a test)");
    return browser;
  };
  return {
    get app() {
      if (!app) throw new Error("the app is not started (use e2e.app inside a test)");
      return app;
    },
    get browser() {
      return requireBrowser();
    },
    async open() {
      const page = await openPage(requireBrowser());
      opened.push(page);
      return page;
    },
  };
}
