/**
 * The workbooks a preview read, kept for its apply (engine/recentWorkbooks.ts): the same content is
 * read once; other content, a refused file, a grid over the cell budget and a grid unused past the
 * keeping time are read again; the oldest goes first when more are kept than allowed.
 */
import { describe, expect, test } from "vitest";
import { RecentWorkbooks } from "@ramme/server/engine/recentWorkbooks.ts";
import type { Grid, WorkbookReading } from "@ramme/server/exchange/index.ts";

const grid = (cells: number): Grid => ({ sheet: "Ark", rows: [{ row: 1, cells: Array.from({ length: cells }, (_, index) => index) }] });

function counted(reading: WorkbookReading) {
  const reader = { reads: 0, read: async () => (reader.reads++, reading) };
  return reader;
}

describe("recent workbooks", () => {
  test("the same content is read once and gives the same grid; other content is read", async () => {
    const kept = new RecentWorkbooks();
    const file = counted({ ok: true, grid: grid(3) });
    const first = await kept.read("UEsDBA==", file.read);
    const second = await kept.read("UEsDBA==", file.read);
    expect(file.reads).toBe(1);
    expect(second).toEqual(first);
    await kept.read("UEsDBB==", file.read);
    expect(file.reads).toBe(2);
  });

  test("a refused file is not kept", async () => {
    const kept = new RecentWorkbooks();
    const file = counted({ ok: false, problems: [] });
    await kept.read("x", file.read);
    await kept.read("x", file.read);
    expect(file.reads).toBe(2);
    expect(kept.size).toBe(0);
  });

  test("at most `entries` grids and `cells` cells are kept, the least recently used going first", async () => {
    const kept = new RecentWorkbooks({ entries: 2, cells: 10, keepMs: 60_000 });
    const small = counted({ ok: true, grid: grid(4) });
    await kept.read("a", small.read);
    await kept.read("b", small.read);
    await kept.read("a", small.read); // a is now the most recent
    await kept.read("c", small.read); // b goes
    expect(small.reads).toBe(3);
    await kept.read("a", small.read);
    expect(small.reads).toBe(3);
    await kept.read("b", small.read);
    expect(small.reads).toBe(4);
    // 4 + 4 + 4 cells are over the budget of 10: only two stay.
    expect(kept.size).toBe(2);
    const large = counted({ ok: true, grid: grid(11) });
    await kept.read("large", large.read);
    await kept.read("large", large.read);
    expect(large.reads).toBe(2);
  });

  test("a grid unused for longer than the keeping time is read again", async () => {
    let now = 0;
    const kept = new RecentWorkbooks({ entries: 4, cells: 100, keepMs: 1_000 }, () => now);
    const file = counted({ ok: true, grid: grid(1) });
    await kept.read("a", file.read);
    now = 900;
    await kept.read("a", file.read);
    now = 1_800;
    await kept.read("a", file.read);
    expect(file.reads).toBe(1);
    now = 2_900;
    await kept.read("a", file.read);
    expect(file.reads).toBe(2);
  });
});
