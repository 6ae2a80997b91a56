/**
 * `node scripts/measure-start.mjs [runs]`: start time and idle RSS of the server run through tsx
 * (`node --import tsx src/server.ts`, as development runs it) and compiled (`node dist/server.js`,
 * as production runs it), on one migrated and seeded SQLite file, alternating the two in the same
 * run; prints each variant's median and the compiled one's ratio to tsx.
 * Start time: from spawn to "Ramme is running". Idle RSS: /proc/<pid>/status VmRSS 2 s later.
 * Builds server/dist first.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const runs = Number(process.argv[2] ?? 5);
const serverDirectory = path.join(import.meta.dirname, "..", "server");
const scratch = mkdtempSync(path.join(tmpdir(), "ramme-start-"));
const env = { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", DATABASE_URL: `file:${path.join(scratch, "ramme.db")}`, RAMME_LOG_LEVEL: "info" };

execFileSync("node", ["build.mjs"], { cwd: serverDirectory, stdio: "inherit" });
execFileSync(path.join(serverDirectory, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], { cwd: serverDirectory, env, stdio: "ignore" });
execFileSync("node", ["dist/db-seed.js"], { cwd: serverDirectory, env, stdio: "ignore" });

const variants = { tsx: ["--import", "tsx", "src/server.ts"], compiled: ["dist/server.js"] };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(args, port) {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: serverDirectory, env: { ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  await new Promise((resolve, reject) => {
    child.stdout.setEncoding("utf8").on("data", (chunk) => {
      output += chunk;
      if (output.includes("Ramme is running")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`the server exited (${code}) before it was running:\n${output}`)));
  });
  const startMs = performance.now() - started;
  await sleep(2_000);
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))[1]);
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
  return { startMs, rssMb: rssKb / 1024 };
}

const results = { tsx: [], compiled: [] };
try {
  for (let run = 0; run < runs; run++) {
    for (const [name, args] of Object.entries(variants)) results[name].push(await measure(args, 47_300 + run));
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
const summary = Object.fromEntries(Object.entries(results).map(([name, list]) => [name, { startMs: median(list.map((r) => r.startMs)), rssMb: median(list.map((r) => r.rssMb)) }]));
for (const [name, { startMs, rssMb }] of Object.entries(summary)) console.log(`${name.padEnd(9)} start ${startMs.toFixed(0).padStart(5)} ms   idle RSS ${rssMb.toFixed(1).padStart(6)} MB   (median of ${runs})`);
console.log(`compiled / tsx: start ${(summary.compiled.startMs / summary.tsx.startMs).toFixed(2)}×, idle RSS ${(summary.compiled.rssMb / summary.tsx.rssMb).toFixed(2)}×`);
