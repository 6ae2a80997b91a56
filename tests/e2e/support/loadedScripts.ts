/**
 * The JavaScript a screen actually loads: the script resources Chromium fetched for a page, matched to
 * the built files in client/dist/assets and sized as gzip (zlib level 9, as the server's precompressed
 * .gz files). Used by the first-screen budget test and by `scripts/bench-client.mjs`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { clientDirectory } from "./app.ts";

export interface LoadedScripts {
  files: Array<{ file: string; gzip: number }>;
  gzipTotal: number;
}

/** The built scripts the page has loaded so far (call after the screen is ready). */
export async function loadedScripts(page: Page): Promise<LoadedScripts> {
  const urls = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((entry) => entry.name)
      .filter((name) => new URL(name).pathname.startsWith("/assets/") && name.endsWith(".js")),
  );
  const files = [...new Set(urls.map((url) => path.basename(new URL(url).pathname)))].sort().map((file) => ({
    file,
    gzip: gzipSync(readFileSync(path.join(clientDirectory, "dist", "assets", file)), { level: 9 }).length,
  }));
  return { files, gzipTotal: files.reduce((sum, file) => sum + file.gzip, 0) };
}
