/**
 * `node scripts/bench-server.mjs [--runs N] [--profile FILE.cpuprofile]`: the API at scale (a 5,025-line
 * what-if over HTTP) without the browser benches; see tests/e2e/bench/serverOnly.ts.
 * `--profile-op grid|webgrid|grid25|edit|paste|compare`: one operation looped in process with its SQL and
 * CPU profile (tests/e2e/bench/serverProfile.ts).
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const fromServer = createRequire(new URL("../server/package.json", import.meta.url));
await import(pathToFileURL(fromServer.resolve("tsx")).href);
await import(process.argv.includes("--profile-op") ? "../tests/e2e/bench/serverProfile.ts" : "../tests/e2e/bench/serverOnly.ts");
