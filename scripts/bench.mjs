/**
 * `pnpm bench` / `npm run bench` (flags after `--` for npm): the server benchmark of issue 7 (see
 * bench/src/run.ts and the README's Benchmarks section). Installs the workspace first when a fresh
 * clone has not been installed yet, then runs the TypeScript bench under tsx.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { installAndGenerate } from "./pnpm.mjs";

const root = new URL("..", import.meta.url);
if (!existsSync(new URL("bench/node_modules", root)) || !existsSync(new URL("server/src/generated/prisma", root))) installAndGenerate();

// tsx is the server's dependency; register its loader from there, then run the TypeScript bench.
const fromServer = createRequire(new URL("../server/package.json", import.meta.url));
await import(pathToFileURL(fromServer.resolve("tsx")).href);
await import("../bench/src/run.ts");
