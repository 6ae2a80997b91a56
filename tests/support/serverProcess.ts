/**
 * The real server as a separate process, for tests that need what `yoga.fetch` in process cannot
 * give: several instances on one database, a crash (SIGKILL), a graceful stop (SIGTERM), a restart on
 * the same data. One `node --import tsx src/server.ts` process (no tsx CLI or pnpm wrapper, so a
 * signal reaches the server itself) on a free loopback port, or `node dist/server.js` as production
 * runs it (`compiled`, after buildServer()). The web client need not be built: the
 * server then answers 503 at / and serves the API as usual.
 * No vitest imports here: the e2e helpers and the benchmark scripts use it too.
 */
import { execFileSync, spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

export const repoRoot = path.resolve(import.meta.dirname, "../..");
export const serverDirectory = path.join(repoRoot, "server");

const READY_LINE = "Ramme is running";

/**
 * Migrates an empty database with the committed migrations, as production does (the Prisma CLI for
 * SQLite, server/src/db/migratePostgres.ts for PostgreSQL), and seeds it with the real seed loader.
 */
export function migrateAndSeed(databaseUrl: string): void {
  const env = { ...process.env, DATABASE_URL: databaseUrl };
  const bin = (name: string) => path.join(serverDirectory, "node_modules", ".bin", name);
  const steps = databaseUrl.startsWith("file:")
    ? [[bin("prisma"), "migrate", "deploy"], [bin("tsx"), "src/seed/cli.ts"]]
    : [[bin("tsx"), "src/db/migratePostgres.ts"], [bin("tsx"), "src/seed/cli.ts"]];
  for (const [command, ...args] of steps) {
    try {
      execFileSync(command!, args, { cwd: serverDirectory, env, stdio: "pipe", encoding: "utf8" });
    } catch (error) {
      const failure = error as { stdout?: string; stderr?: string };
      throw new Error(`${path.basename(command!)} ${args.join(" ")} failed:\n${failure.stdout ?? ""}\n${failure.stderr ?? ""}`);
    }
  }
}

/** Compiles the server to server/dist (server/build.mjs), as `npm start` and a deployment do. */
export function buildServer(): void {
  execFileSync(process.execPath, ["build.mjs"], { cwd: serverDirectory, stdio: "pipe" });
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

export interface ServerOptions {
  /** `file:/absolute/path.db` (the file is kept across restarts) or a `postgresql://` URL. */
  databaseUrl: string;
  /** More environment for the server (REDIS_URL, RAMME_SQLITE_SYNCHRONOUS, …). */
  env?: Record<string, string>;
  /** Default: a free port. A restart keeps the port it had. */
  port?: number;
  /** Run the compiled server/dist/server.js (build it first: buildServer()) instead of src/ through tsx. */
  compiled?: boolean;
  /** How long to wait for "Ramme is running" (default 60 s). */
  startTimeoutMs?: number;
}

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  /** e.g. http://127.0.0.1:43121 (no trailing slash) */
  readonly baseUrl: string;
  readonly port: number;
  readonly databaseUrl: string;
  readonly pid: number;
  /** Everything the server printed so far (stdout and stderr). */
  output(): string;
  /** Resolves when the process has exited, however it ended. */
  readonly exited: Promise<ProcessExit>;
  /** Whether the process is still running. */
  isRunning(): boolean;
  /** Sends `signal` (SIGKILL: a crash; SIGTERM: a graceful stop) and waits for the exit. */
  kill(signal: NodeJS.Signals): Promise<ProcessExit>;
  /** SIGTERM, then SIGKILL after 5 s. Safe to call twice, and after a kill. */
  stop(): Promise<void>;
  /** Starts a new process on the same database and port, once this one has exited (stop or kill it first). */
  restart(): Promise<ServerProcess>;
}

/** Starts the server and resolves once it prints that it is running; rejects with its output if it does not. */
export async function startServer(options: ServerOptions): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  // As `npm start` runs it: NODE_ENV=production (vitest sets "test" in its workers; the app never sees that).
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: options.databaseUrl,
    // "Ramme is running" and the other lines the tests look for are info lines.
    RAMME_LOG_LEVEL: "info",
    ...options.env,
  };
  const args = options.compiled ? ["dist/server.js"] : ["--import", "tsx", "src/server.ts"];
  const child = spawn(process.execPath, args, { cwd: serverDirectory, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  let running = true;
  const exited = new Promise<ProcessExit>((resolve) =>
    child.once("exit", (code, signal) => {
      running = false;
      resolve({ code, signal });
    }),
  );

  const kill = async (signal: NodeJS.Signals) => {
    if (running) child.kill(signal);
    return exited;
  };
  const stop = async () => {
    if (!running) return;
    const killTimer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await kill("SIGTERM");
    clearTimeout(killTimer);
  };

  const timeoutMs = options.startTimeoutMs ?? 60_000;
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not print "${READY_LINE}" within ${timeoutMs} ms`)), timeoutMs);
      const onData = () => {
        if (!output.includes(READY_LINE)) return;
        clearTimeout(timer);
        child.stdout.off("data", onData);
        resolve();
      };
      child.stdout.on("data", onData);
      void exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`the server exited (code ${code}, signal ${signal}) before it was running`));
      });
    });
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`);
  }

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    databaseUrl: options.databaseUrl,
    pid: child.pid!,
    output: () => output,
    exited,
    isRunning: () => running,
    kill,
    stop,
    async restart() {
      if (running) throw new Error("restart() needs the process to have exited: stop() or kill() it first");
      return startServer({ ...options, port });
    },
  };
}
