/**
 * What a large workbook import costs (issue 20): a 5,000-line workbook previewed (importScenarioFile,
 * dryRun) and applied, beside the raw parse of the same file by exceljs alone, in the same run. Runs
 * on a fresh, migrated and seeded SQLite file of its own (5,000 initiatives added to it), so nothing
 * reaches a real database: `npx pnpm@10.34.8 --filter @ramme/server run bench:import`.
 * Prints the median of 5 rounds of each (targets: preview ≤ 2 s, apply ≤ 1 s). Every preview reads a
 * file the server has not seen; the apply that follows it sends the same file, as the planner does
 * (the server keeps what the preview read, engine/recentWorkbooks.ts), and an apply of a file never
 * previewed (as the API may) is reported beside it. Not a test.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const serverDirectory = path.resolve(import.meta.dirname, "../..");
const databaseUrl = `file:${path.join(mkdtempSync(path.join(tmpdir(), "ramme-bench-import-")), "ramme.db")}`;
for (const args of [["prisma", "migrate", "deploy"], ["tsx", "src/seed/cli.ts"]]) {
  execFileSync(path.join(serverDirectory, "node_modules", ".bin", args[0]!), args.slice(1), { cwd: serverDirectory, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: "pipe" });
}
process.env.DATABASE_URL = databaseUrl;

const { db } = await import("../db.ts");
const { LOCAL_ORGANISATION } = await import("../auth/caller.ts");
const { forkScenario } = await import("../engine/scenarioLifecycle.ts");
const { importScenarioFile } = await import("../engine/fileImport.ts");
const { ExcelJS } = await import("../exchange/index.ts");

const LINES = 5_000;
const ROUNDS = 5;
const theme = await db.theme.findFirstOrThrow({ select: { id: true, title: true } });
const keys = Array.from({ length: LINES }, (_, index) => `bench-${index}`);
await db.initiative.createMany({ data: keys.map((id, index) => ({ id, themeId: theme.id, title: `Bench-initiativ ${index}`, sources: [] })) });
const frame = await db.frame.findFirstOrThrow({ select: { years: { select: { year: true }, orderBy: { year: "asc" } } } });
const years = frame.years.map((entry) => entry.year);

/** A workbook as a party would send it: key, theme, title and an amount per year (varied by `seed`; each seed's file its own). */
async function workbook(seed: number): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(`Modforslag ${seed}`);
  sheet.addRow(["Nøgle", "Tema", "Initiativ", ...years]);
  keys.forEach((key, index) => sheet.addRow([key, theme.title, `Bench-initiativ ${index}`, ...years.map((_, column) => ((index + column + seed) % 10) / 10)]));
  return Buffer.from(await book.xlsx.writeBuffer()).toString("base64");
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const time = async (work: () => Promise<unknown>) => {
  const start = performance.now();
  await work();
  return performance.now() - start;
};

const scenarioId = (await forkScenario({ sourceId: "aftale-2024", name: "Bench: import" }, "bench", LOCAL_ORGANISATION)).scenarioId;
let version = 1;
const input = (content: string, dryRun: boolean) => ({ scenarioId, expectedVersion: version, format: "XLSX" as const, content, base64: true, fileName: "bench.xlsx", numberStyle: "AUTO" as const, dryRun });
const applied = async (content: string) => {
  version = (await importScenarioFile(input(content, false), "bench")).edit!.version;
};
// The first apply takes the 5,000 lines in; each measured apply then changes every line's amounts.
const first = await workbook(0);
await applied(first);

const parse: number[] = [];
const preview: number[] = [];
const apply: number[] = [];
const applyUnseen: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const [content, unseen] = [await workbook(2 * round + 1), await workbook(2 * round + 2)];
  parse.push(await time(async () => new ExcelJS.Workbook().xlsx.load(Buffer.from(content, "base64") as unknown as ArrayBuffer)));
  preview.push(await time(() => importScenarioFile(input(content, true), "bench")));
  apply.push(await time(() => applied(content)));
  applyUnseen.push(await time(() => applied(unseen)));
}
const bytes = Buffer.from(first, "base64").byteLength;
console.log(`A ${LINES}-line workbook (${years.length} years, ${bytes} bytes), median of ${ROUNDS} rounds on SQLite:`);
console.log(`  exceljs load alone: ${median(parse).toFixed(0)} ms`);
console.log(`  preview (dryRun):   ${median(preview).toFixed(0)} ms  (target ≤ 2000)`);
console.log(`  apply:              ${median(apply).toFixed(0)} ms  (target ≤ 1000; after its preview; every line's amounts change)`);
console.log(`  apply, no preview:  ${median(applyUnseen).toFixed(0)} ms  (a file the server has not read before)`);
await db.$disconnect();
