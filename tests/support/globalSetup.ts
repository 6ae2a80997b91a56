/**
 * Builds one migrated, seeded SQLite file per test run, with the committed migrations (through the
 * Prisma CLI, as production does) and the real seed loader. Each test file then works on its own copy.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

const serverDirectory = path.resolve(import.meta.dirname, "../../server");

export default function setup(project: TestProject) {
  const directory = mkdtempSync(path.join(tmpdir(), "ramme-test-"));
  const templateUrl = `file:${path.join(directory, "template.db")}`;
  const env = { ...process.env, DATABASE_URL: templateUrl };
  const bin = (name: string) => path.join(serverDirectory, "node_modules", ".bin", name);
  execFileSync(bin("prisma"), ["migrate", "deploy"], { cwd: serverDirectory, env, stdio: "pipe" });
  execFileSync(bin("tsx"), ["src/seed/cli.ts"], { cwd: serverDirectory, env, stdio: "pipe" });
  project.provide("templateDatabase", path.join(directory, "template.db"));
  project.provide("scratchDirectory", directory);
  return () => rmSync(directory, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
    scratchDirectory: string;
  }
}
