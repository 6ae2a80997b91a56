/**
 * `npm test`: installs, type-checks every package, and runs the unit and API suites on real SQLite
 * files. Needs nothing but Node and npm (no PostgreSQL, Redis or browser: those suites run in .ci/run).
 */
import { installAndGenerate, pnpm } from "./pnpm.mjs";

installAndGenerate();
pnpm(["--recursive", "run", "typecheck"]);
pnpm(["--filter", "@ramme/tests", "run", "test"]);
