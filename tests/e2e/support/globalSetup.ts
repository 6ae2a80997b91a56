/**
 * Once per e2e run: checks that Chromium is installed (failing with how to install it), builds the
 * web client if client/dist is missing or stale, and migrates one template SQLite file that each
 * test file copies (the server seeds its copy on start).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { ensureClientBuilt, migrateDatabase } from "./app.ts";
import { assertChromiumInstalled } from "./browser.ts";

export default function setup(project: TestProject) {
  assertChromiumInstalled();
  ensureClientBuilt((line) => console.log(line));
  const directory = mkdtempSync(path.join(tmpdir(), "ramme-e2e-template-"));
  const template = path.join(directory, "template.db");
  migrateDatabase(template);
  project.provide("e2eTemplateDatabase", template);
  return () => rmSync(directory, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    e2eTemplateDatabase: string;
  }
}
