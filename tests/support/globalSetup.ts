/**
 * Builds one migrated, seeded SQLite file per test run, with the committed migrations (through the
 * Prisma CLI, as production does) and the real seed loader. Each test file then works on its own copy.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateAndSeed } from "./serverProcess.ts";

export default function setup(project: TestProject) {
  const directory = mkdtempSync(path.join(tmpdir(), "ramme-test-"));
  migrateAndSeed(`file:${path.join(directory, "template.db")}`);
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
