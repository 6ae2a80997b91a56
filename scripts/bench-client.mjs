/**
 * `node scripts/bench-client.mjs [--runs N] [--out results.json]`: the client load-time benchmark in
 * real headless Chromium against the real server (see tests/e2e/bench/clientLoad.ts, which shares
 * the e2e support code). Needs `npm start` or `npm test` to have installed the workspace once, and
 * Debian's Chromium (`apt-get install -y chromium`).
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

// tsx is the server's dependency; register its loader from there, then run the TypeScript bench.
const fromServer = createRequire(new URL("../server/package.json", import.meta.url));
await import(pathToFileURL(fromServer.resolve("tsx")).href);
await import("../tests/e2e/bench/clientLoad.ts");
