import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

describe("one source of truth for the data model", () => {
  it("prisma/postgresql/schema.prisma is exactly what scripts/prisma-schemas.mjs writes from prisma/schema.prisma", () => {
    const run = () => execFileSync(process.execPath, ["scripts/prisma-schemas.mjs", "--check"], { cwd: root, stdio: "pipe", encoding: "utf8" });
    expect(run).not.toThrow();
  });
});
