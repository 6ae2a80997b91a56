/**
 * Starts the REAL app for end-to-end tests and benchmarks: the built web client, the GraphQL API and
 * a fresh SQLite file migrated with the Prisma CLI, in one server process on a free loopback port
 * (support/serverProcess.ts). No vitest imports here: scripts/bench-client.mjs uses it too.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEFAULT_RATE_LIMIT } from "@ramme/server/hardening.ts";
import { repoRoot, serverDirectory, startServer, type ServerProcess } from "../../support/serverProcess.ts";

export { freePort, repoRoot, serverDirectory } from "../../support/serverProcess.ts";
export const clientDirectory = path.join(repoRoot, "client");

/**
 * The e2e servers run hardened as accounts mode is, in either mode: only the web client's own
 * operations (by hash), so every screen proves its documents are in client/persisted-operations.json,
 * and the default rate limit, so the suite proves the client's real use fits the budget.
 */
export const E2E_SERVER_ENV: Record<string, string> = { RAMME_TRUSTED_OPERATIONS: "on", RAMME_RATE_LIMIT: String(DEFAULT_RATE_LIMIT) };
export const clientIndex = path.join(clientDirectory, "dist", "index.html");

const PNPM = "pnpm@10.34.8";
/** What the client build is made from: when any of it is newer than dist/index.html, build again. */
const clientInputs = [
  path.join(clientDirectory, "src"),
  path.join(clientDirectory, "public"),
  path.join(clientDirectory, "index.html"),
  path.join(clientDirectory, "vite.config.ts"),
  path.join(clientDirectory, "package.json"),
  path.join(repoRoot, "domain", "src"),
];

function newestModification(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file shows as a newer directory
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestModification(path.join(entry, child)));
  return newest;
}

/** Whether client/dist is missing or older than its sources. */
export function clientBuildIsStale(): boolean {
  if (!existsSync(clientIndex)) return true;
  const built = statSync(clientIndex).mtimeMs;
  return clientInputs.some((input) => newestModification(input) > built);
}

/**
 * Builds the web client (`pnpm --filter @ramme/client build`) when it is missing or stale.
 * Set RAMME_E2E_BUILD=always to force a build, =never to use client/dist as it is.
 * Returns whether it built.
 */
export function ensureClientBuilt(log: (line: string) => void = () => {}): boolean {
  const mode = process.env.RAMME_E2E_BUILD ?? "auto";
  if (mode === "never") {
    if (!existsSync(clientIndex)) throw new Error(`RAMME_E2E_BUILD=never but ${clientIndex} does not exist`);
    return false;
  }
  if (mode !== "always" && !clientBuildIsStale()) return false;
  log("Building the web client (client/dist is missing or older than its sources)…");
  try {
    execFileSync("npx", ["--yes", PNPM, "--filter", "@ramme/client", "build"], {
      cwd: repoRoot,
      // NODE_ENV=production: under vitest it is "test", which would make Vite bundle React's development build.
      env: { ...process.env, NODE_ENV: "production", npm_config_loglevel: "error", NO_COLOR: "1", FORCE_COLOR: "0" },
      stdio: "pipe",
      encoding: "utf8",
    });
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    throw new Error(`The client build failed:\n${failure.stdout ?? ""}\n${failure.stderr ?? ""}`);
  }
  if (!existsSync(clientIndex)) throw new Error(`The client build did not produce ${clientIndex}`);
  return true;
}

/** Applies the committed migrations to a SQLite file with the Prisma CLI, as production does. */
export function migrateDatabase(file: string): void {
  const prisma = path.join(serverDirectory, "node_modules", ".bin", "prisma");
  try {
    execFileSync(prisma, ["migrate", "deploy"], {
      cwd: serverDirectory,
      env: { ...process.env, DATABASE_URL: `file:${file}` },
      stdio: "pipe",
      encoding: "utf8",
    });
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    throw new Error(`prisma migrate deploy failed for ${file}:\n${failure.stdout ?? ""}\n${failure.stderr ?? ""}`);
  }
}

export interface RunningApp {
  /** e.g. http://127.0.0.1:43121 (no trailing slash) */
  baseUrl: string;
  port: number;
  databaseFile: string;
  /** Everything the server printed so far (stdout and stderr). */
  output(): string;
  /** SIGTERM, then SIGKILL after 5 s; removes the scratch directory. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartAppOptions {
  /** A migrated SQLite file to copy (faster than migrating again); without it the fresh file is migrated here. */
  templateDatabase?: string;
  /** How long to wait for "Ramme is running" (default 60 s). */
  startTimeoutMs?: number;
  /** More environment for the server (RAMME_AUTH=accounts, …). */
  env?: Record<string, string>;
}

/** Starts the server on a fresh database and resolves once it prints that it is running. */
export async function startApp(options: StartAppOptions = {}): Promise<RunningApp> {
  const scratch = mkdtempSync(path.join(tmpdir(), "ramme-e2e-"));
  const databaseFile = path.join(scratch, "ramme.db");
  const removeScratch = () => rmSync(scratch, { recursive: true, force: true });
  let server: ServerProcess;
  try {
    if (options.templateDatabase) copyFileSync(options.templateDatabase, databaseFile);
    else migrateDatabase(databaseFile);
    server = await startServer({ databaseUrl: `file:${databaseFile}`, startTimeoutMs: options.startTimeoutMs, env: options.env });
  } catch (error) {
    removeScratch();
    throw error;
  }
  return {
    baseUrl: server.baseUrl,
    port: server.port,
    databaseFile,
    output: server.output,
    async stop() {
      await server.stop();
      removeScratch();
    },
  };
}
