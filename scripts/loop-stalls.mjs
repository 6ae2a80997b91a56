/**
 * `node scripts/loop-stalls.mjs [--runs N] [--only REGEX]`: the longest /healthz wait while each heavy
 * operation runs on the 5,000-line dataset (issue 15); see bench/src/loopStalls.ts.
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const fromServer = createRequire(new URL("../server/package.json", import.meta.url));
await import(pathToFileURL(fromServer.resolve("tsx")).href);
await import("../bench/src/loopStalls.ts");
