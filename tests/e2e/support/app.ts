/**
 * Starts the REAL app for end-to-end tests and benchmarks: the built web client, the GraphQL API and
 * a fresh SQLite file migrated with the Prisma CLI, in one `node --import tsx server/src/server.ts`
 * process on a free loopback port. No vitest imports here: scripts/bench-client.mjs uses it too.
 */
import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export const repoRoot = path.resolve(import.meta.dirname, "../../..");
export const serverDirectory = path.join(repoRoot, "server");
export const clientDirectory = path.join(repoRoot, "client");
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

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error("could not find a free port"))));
    });
  });
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
}

const READY_LINE = "Ramme is running";

/** Starts the server on a fresh database and resolves once it prints that it is running. */
export async function startApp(options: StartAppOptions = {}): Promise<RunningApp> {
  const scratch = mkdtempSync(path.join(tmpdir(), "ramme-e2e-"));
  const databaseFile = path.join(scratch, "ramme.db");
  if (options.templateDatabase) copyFileSync(options.templateDatabase, databaseFile);
  else migrateDatabase(databaseFile);

  const port = await freePort();
  // As `npm start` runs it: NODE_ENV=production (vitest sets "test" in its workers; the app never sees that).
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: `file:${databaseFile}` };
  // One node process (no tsx CLI wrapper, no pnpm), so that a signal reaches the server itself.
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: serverDirectory,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const stop = async () => {
    if (!hasExited) {
      child.kill("SIGTERM");
      const killTimer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(killTimer);
    }
    rmSync(scratch, { recursive: true, force: true });
  };

  const timeoutMs = options.startTimeoutMs ?? 60_000;
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not print "${READY_LINE}" within ${timeoutMs} ms`)), timeoutMs);
      const onData = () => {
        if (output.includes(READY_LINE)) {
          clearTimeout(timer);
          child.stdout.off("data", onData);
          resolve();
        }
      };
      child.stdout.on("data", onData);
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`the server exited (code ${child.exitCode}, signal ${child.signalCode}) before it was running`));
      });
    });
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`);
  }

  return { baseUrl: `http://127.0.0.1:${port}`, port, databaseFile, output: () => output, stop };
}
