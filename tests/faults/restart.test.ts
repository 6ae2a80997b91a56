/**
 * `npm start`'s supervisor (scripts/supervise.mjs) around the compiled server (server/dist/server.js),
 * as real processes: a server killed with SIGKILL (as the kernel's OOM killer or an abort would end
 * it) comes back by itself on the same port and data, and says so; between the crash and the restart
 * nothing answers on the port (a load balancer's /readyz check fails, so it sends traffic elsewhere);
 * SIGTERM to the supervisor stops the server gracefully and then the supervisor, leaving no process.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer, freePort, migrateAndSeed, repoRoot } from "../support/serverProcess.ts";

const scratch = mkdtempSync(path.join(tmpdir(), "ramme-restart-"));
const databaseUrl = `file:${path.join(scratch, "ramme.db")}`;
const started: number[] = [];
afterAll(() => {
  for (const pid of started) if (alive(pid)) process.kill(pid, "SIGKILL");
  rmSync(scratch, { recursive: true, force: true });
});

beforeAll(() => {
  buildServer();
  migrateAndSeed(databaseUrl);
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let output = "";

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the output:\n${output}`);
    await sleep(25);
  }
}

const serverPids = (output: string) => [...output.matchAll(/started the server \(pid (\d+)\)/g)].map((match) => Number(match[1]));
const runningLines = (output: string) => output.split("Ramme is running").length - 1;

describe("npm start's supervisor", () => {
  it("restarts the compiled server after a SIGKILL, says so, and stops everything on SIGTERM", async () => {
    const port = await freePort();
    const supervisor = spawn(process.execPath, [path.join(repoRoot, "scripts", "supervise.mjs")], {
      // The ready line is an info line (vitest's own processes log at warn).
      env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: databaseUrl, RAMME_LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    started.push(supervisor.pid!);
    supervisor.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    supervisor.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => supervisor.once("exit", (code) => resolve(code)));
    const readyz = () => fetch(`http://127.0.0.1:${port}/readyz`).then((response) => response.status);

    await until("the first start", () => (runningLines(output) === 1 ? true : undefined));
    const [first] = serverPids(output);
    started.push(first!);
    expect(await readyz()).toBe(200);

    process.kill(first!, "SIGKILL");
    await until("the killed server to be reaped", () => (alive(first!) ? undefined : true));
    // The restart waits a second, and the new process needs its start: nothing listens meanwhile.
    await expect(readyz()).rejects.toThrow();

    await until("the restart", () => (runningLines(output) === 2 ? true : undefined));
    expect(output).toContain("the server crashed (killed by SIGKILL)");
    expect(output).toMatch(/restarting it in 1 s/);
    const second = serverPids(output)[1]!;
    started.push(second);
    expect(second).not.toBe(first);
    expect(await readyz()).toBe(200);

    supervisor.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(alive(second)).toBe(false);
    expect(output).toContain("SIGTERM: finishing requests in flight, then stopping.");
    expect(output).toContain("Stopped.");
    expect(serverPids(output)).toHaveLength(2);
  });
});
