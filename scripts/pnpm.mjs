/**
 * Runs pnpm without a global install: these machines have only Node and npm, and `corepack pnpm`
 * fails its signature check here, so pnpm comes through npx at a pinned version.
 */
import { spawnSync } from "node:child_process";

export const PNPM_VERSION = "10.34.8";

/** Runs `pnpm <args>` in the repository root, exiting this process if it fails. */
export function pnpm(args, options = {}) {
  const result = spawnSync("npx", ["--yes", `pnpm@${PNPM_VERSION}`, ...args], {
    stdio: "inherit",
    cwd: new URL("..", import.meta.url),
    env: { ...process.env, npm_config_loglevel: "error" },
    ...options,
  });
  if (result.status !== 0) {
    console.error(`\npnpm ${args.join(" ")} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

/** Installs the workspace exactly as locked, and generates what the type checks need: the Prisma client and Pothos types, and the client's schema types. */
export function installAndGenerate() {
  pnpm(["install", "--frozen-lockfile", "--reporter=append-only"]);
  // The Prisma client and Pothos types (server), the schema's types for the client's documents (gql.tada).
  pnpm(["--filter", "@ramme/server", "--filter", "@ramme/client", "run", "generate"]);
}
