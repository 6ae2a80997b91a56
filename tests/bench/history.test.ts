/** The bench's history: each full run is appended once, judged as the report judges it, and drawn. */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appendHistory, readHistory } from "../../bench/src/history.ts";
import type { Results } from "../../bench/src/report.ts";

/** A run in which only the 25-line grid's latency and the API floor were measured. */
function run(startedAt: string, gridMs: number): Results {
  const latency = (median: number) => ({ samples: [median], latency: { min: median, median, p95: median, p99: median, max: median }, unit: "ms" });
  return {
    startedAt,
    seconds: 1,
    command: "pnpm bench",
    settings: {},
    dialects: [{ dialect: "sqlite", figures: { "agreementGrid.latency": latency(gridMs), "apiFloor.latency": latency(1) } as never, growth: [] }],
    errors: [],
    notes: [],
  };
}

describe("bench history", () => {
  it("appends each run once, with the grid's cost against the API floor, and draws it", () => {
    const out = mkdtempSync(path.join(tmpdir(), "ramme-bench-history-"));
    appendHistory(run("2026-12-01T10:00:00.000Z", 7.5), "abc1234", out);
    appendHistory(run("2026-12-02T10:00:00.000Z", 2.5), "def5678", out);
    appendHistory(run("2026-12-02T10:00:00.000Z", 2.5), "def5678", out);

    const history = readHistory(path.join(out, "history.json"));
    expect(history.map((entry) => entry.commit)).toEqual(["abc1234", "def5678"]);
    const grid = history.map((entry) => entry.targets.find((target) => target.measurement === "grid query, 25-line agreement: p50"));
    expect(grid.map((target) => [target?.dialect, target?.cost, target?.met])).toEqual([
      ["sqlite", 7.5, false],
      ["sqlite", 2.5, true],
    ]);

    const svg = readFileSync(path.join(out, "history.svg"), "utf8");
    expect(svg).toContain("grid query, 25-line agreement: p50");
    expect(svg).toMatch(/<polyline[^>]+stroke="#1d5fa8"/);
    expect(svg).toContain("abc1234 sqlite: 7.50× (not met)");
  });
});
