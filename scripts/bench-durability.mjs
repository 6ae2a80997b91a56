/**
 * `node scripts/bench-durability.mjs [--rounds N] [--edits N]`: what SQLite's synchronous=FULL
 * costs against NORMAL, for bare commits and for single-cell edits through real servers (see
 * tests/faults/bench/sqliteDurability.ts). Needs `npm test` or `npm start` to have installed the
 * workspace once.
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

// tsx is the server's dependency; register its loader from there, then run the TypeScript bench.
const fromServer = createRequire(new URL("../server/package.json", import.meta.url));
await import(pathToFileURL(fromServer.resolve("tsx")).href);
await import("../tests/faults/bench/sqliteDurability.ts");
