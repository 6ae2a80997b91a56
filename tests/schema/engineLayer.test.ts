/**
 * The engine (server/src/engine/) depends on nothing above it: not on the live transport (live/,
 * the change feed), the GraphQL schema (schema/) or the server wiring. A committed change leaves the
 * engine through the after-commit hook (engine/committedChanges.ts) that the live layer registers
 * at startup.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SERVER_SRC = resolve(dirname(fileURLToPath(import.meta.url)), "../../server/src");
const ENGINE = join(SERVER_SRC, "engine");
const ABOVE = ["live", "schema", "yoga.ts", "server.ts", "health.ts"];

function importsOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, "utf8"), true, true).importedFiles.map((entry) => entry.fileName);
}

describe("the engine layer", () => {
  it("imports nothing from the live transport, the schema or the server", () => {
    const offending: string[] = [];
    for (const name of readdirSync(ENGINE).filter((entry) => entry.endsWith(".ts"))) {
      const file = join(ENGINE, name);
      for (const target of importsOf(file).filter((path) => path.startsWith("."))) {
        const top = relative(SERVER_SRC, resolve(dirname(file), target)).split("/")[0]!;
        if (ABOVE.includes(top)) offending.push(`engine/${name} → ${target}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it("hands committed changes on through a hook the live layer registers", () => {
    expect(importsOf(join(ENGINE, "commitChange.ts"))).toContain("./committedChanges.ts");
    expect(importsOf(join(SERVER_SRC, "live/publishCommits.ts"))).toContain("../engine/committedChanges.ts");
  });
});
