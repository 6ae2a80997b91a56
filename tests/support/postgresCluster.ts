/**
 * A private PostgreSQL cluster for a test: initdb into a scratch directory and pg_ctl on a free
 * loopback port, so a test may stop it (an outage) and start it again without touching the
 * machine's own PostgreSQL, which other suites use. The server refuses to run as root, so when the
 * tests run as root the commands run as the `postgres` OS user, which then owns the directory.
 */
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./serverProcess.ts";

const INSTALLATIONS = "/usr/lib/postgresql";

/** The bin directory of the newest PostgreSQL installed the Debian way, or null when there is none. */
export function postgresBinaries(): string | null {
  if (!existsSync(INSTALLATIONS)) return null;
  const versions = readdirSync(INSTALLATIONS)
    .filter((version) => existsSync(path.join(INSTALLATIONS, version, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? path.join(INSTALLATIONS, versions[0]!, "bin") : null;
}

export interface PostgresCluster {
  readonly port: number;
  /** A URL for `database` on this cluster (user postgres, trust authentication). */
  url(database: string): string;
  createDatabase(name: string): Promise<string>;
  /** pg_ctl stop; "immediate" is as a crash: no checkpoint, connections cut. */
  stop(mode?: "immediate" | "fast"): void;
  /** pg_ctl start, waiting until it accepts connections. */
  start(): void;
  /** Stops it if running and deletes its directory. */
  remove(): void;
}

export async function startPostgresCluster(binaries: string): Promise<PostgresCluster> {
  const directory = mkdtempSync(path.join(tmpdir(), "ramme-pg-"));
  const dataDirectory = path.join(directory, "data");
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const owner = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const group = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(directory, owner, group);
  }
  const run = (tool: string, args: string[]) => {
    const command = path.join(binaries, tool);
    const [file, fullArgs] = asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
    try {
      return execFileSync(file, fullArgs as string[], { stdio: "pipe", encoding: "utf8" });
    } catch (error) {
      const failure = error as { stdout?: string; stderr?: string };
      throw new Error(`${tool} ${args.join(" ")} failed:\n${failure.stdout ?? ""}\n${failure.stderr ?? ""}`);
    }
  };

  const port = await freePort();
  run("initdb", ["-D", dataDirectory, "-U", "postgres", "-A", "trust", "--no-sync", "--no-instructions"]);
  const options = `-p ${port} -k ${directory} -c listen_addresses=127.0.0.1`;
  let running = false;
  const start = () => {
    run("pg_ctl", ["-D", dataDirectory, "-o", options, "-l", path.join(directory, "server.log"), "-w", "-t", "60", "start"]);
    running = true;
  };
  const stop = (mode: "immediate" | "fast" = "fast") => {
    run("pg_ctl", ["-D", dataDirectory, "-m", mode, "-w", "stop"]);
    running = false;
  };
  start();

  const url = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url("postgres") });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    stop,
    start,
    remove() {
      if (running) stop("immediate");
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
