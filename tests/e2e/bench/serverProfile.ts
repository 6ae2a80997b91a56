/**
 * One operation of the server bench, looped in process with its SQL logged and its CPU profiled:
 * `node scripts/bench-server.mjs --profile-op grid|webgrid|grid25|edit|paste|compare [--runs N] [--out FILE.cpuprofile]`.
 * Prints the statements Prisma sent for one run (count and summed duration) and the profile's top
 * self-time functions (profileSummary.mjs). The server runs in this process (NODE_ENV=production)
 * on a fresh SQLite file, so the profile holds only the server's work and this loop's fetches.
 */
// First: the scratch database and production mode, before any import reaches the server's db module.
import { databaseFile } from "./profileEnvironment.ts";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { Session } from "node:inspector";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateDatabase, type RunningApp } from "../support/app.ts";
import { prepareScenario } from "./gridEdit.ts";
// The web client's grid query, read from its source; it asks for more than GRID.
import { clientGridQuery } from "../../../bench/src/clientDocuments.ts";
import { COMPARE, EDIT, GRID, PASTE, post } from "./serverScale.ts";

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}
const operation = option("--profile-op")!;
const runs = Number(option("--runs") ?? 30);
const out = path.resolve(option("--out") ?? path.join(tmpdir(), `ramme-${operation}.cpuprofile`));

migrateDatabase(databaseFile);
const { configureDatabase, db, onQuery } = await import("@ramme/server/db.ts");
const { seedDatabase } = await import("@ramme/server/seed/seedDatabase.ts");
const { yoga } = await import("@ramme/server/yoga.ts");
await configureDatabase();
await seedDatabase(db);
const server = createServer(yoga);
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const port = (server.address() as { port: number }).port;
const app = { baseUrl: `http://127.0.0.1:${port}`, databaseFile } as RunningApp;

const large = await prepareScenario(app, "Skala A", 5000);
const other = operation === "compare" ? await prepareScenario(app, "Skala B", 5000) : "";
const globalId = (key: string) => Buffer.from(`Scenario:${key}`).toString("base64");
let version = 1;
const send: Record<string, (run: number) => Promise<unknown>> = {
  grid: () => post(app, GRID, { id: globalId(large) }),
  webgrid: () => post(app, clientGridQuery, { id: globalId(large) }),
  grid25: () => post(app, GRID, { id: globalId("aftale-2024") }),
  compare: () => post(app, COMPARE, { b: large, o: [other] }),
  edit: async (run) => {
    const { data } = await post(app, EDIT, { input: { scenarioId: large, initiativeId: "vmk", year: 2024, amount: `${(run % 9) + 1}`, expectedVersion: version } });
    version = data.setAllocation.version;
  },
  paste: async (run) => {
    const cells = Array.from({ length: 250 }, (_, line) => [2024, 2025, 2026, 2027].map((year) => ({ initiativeId: `bench-line-${line}`, year, amount: `${(run % 5) + 1}.${line % 10}` }))).flat();
    const { data } = await post(app, PASTE, { input: { scenarioId: large, cells, expectedVersion: version } });
    version = data.setAllocations.version;
  },
};
const once = send[operation];
if (!once) throw new Error(`--profile-op must be one of ${Object.keys(send).join(", ")}`);
await once(0);

const statements: Array<{ query: string; duration: number }> = [];
let logging = true;
onQuery((event) => logging && statements.push(event));
await once(1);
logging = false;
console.log(`${operation}: ${statements.length} statements, ${statements.reduce((sum, s) => sum + s.duration, 0)} ms summed as Prisma reports them`);
for (const statement of statements) console.log(`  ${String(statement.duration).padStart(4)} ms  ${statement.query.replace(/\s+/g, " ").slice(0, 200)}`);

const session = new Session();
session.connect();
const call = (method: string, params?: object) => new Promise<any>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
await call("Profiler.enable");
await call("Profiler.setSamplingInterval", { interval: 100 });
await call("Profiler.start");
const started = performance.now();
for (let run = 2; run < runs + 2; run += 1) await once(run);
const elapsed = performance.now() - started;
const { profile } = await call("Profiler.stop");
writeFileSync(out, JSON.stringify(profile));
console.log(`${runs} runs: ${(elapsed / runs).toFixed(1)} ms each on average; profile in ${out}\n`);
console.log(execFileSync(process.execPath, [path.join(import.meta.dirname, "profileSummary.mjs"), out, "25"], { encoding: "utf8" }));
server.close();
await db.$disconnect();
