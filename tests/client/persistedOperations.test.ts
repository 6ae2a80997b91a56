/**
 * client/persisted-operations.json, the list of operations the server runs for a browser where
 * trusted operations are on, is exactly what the client's source gives (as urql prints and hashes
 * each document), so a changed document cannot reach users as an operation the server refuses.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const manifest: Record<string, string> = JSON.parse(readFileSync(path.join(root, "client/persisted-operations.json"), "utf8"));

describe("the web client's persisted operations", () => {
  it("client/persisted-operations.json is what scripts/persisted-operations.mjs writes from client/src (run it after changing a document)", () => {
    const run = () => execFileSync(process.execPath, ["scripts/persisted-operations.mjs", "--check"], { cwd: root, stdio: "pipe", encoding: "utf8" });
    expect(run).not.toThrow();
  }, 60_000);

  it("holds every operation the client names once, each under the SHA-256 of its text", () => {
    const texts = Object.values(manifest);
    const names = texts.map((text) => /^(query|mutation|subscription) (\w+)/.exec(text)?.[2]);
    expect(names).toContain("ScenarioGrid");
    expect(names).toContain("ScenarioChanged");
    expect(new Set(names).size).toBe(texts.length);
    for (const [hash, text] of Object.entries(manifest)) expect(createHash("sha256").update(text).digest("hex")).toBe(hash);
  });
});
