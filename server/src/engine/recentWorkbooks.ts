/**
 * Workbooks read lately, by their content's hash. Importing a workbook is a preview and then, a
 * moment later, applying it, and both requests carry the same bytes: reading them with exceljs is
 * the largest single cost of the apply (≈ 0.3–0.5 s of a 5,000-line file), so the second read reuses
 * the first's rows. A grid is derived from the bytes alone (no caller, scenario or frame goes into
 * it) and is never changed by its readers (its types are readonly), so sharing it is safe. Several
 * server processes each keep their own; a miss only reads the file again.
 */
import { createHash } from "node:crypto";
import type { Grid, WorkbookReading } from "../exchange/index.ts";

export interface RecentWorkbookLimits {
  /** Grids kept at most. */
  entries: number;
  /** Cells kept at most, all grids together: a large sheet is read again rather than held. */
  cells: number;
  /** How long a grid is kept after it was last used. */
  keepMs: number;
}

export const RECENT_WORKBOOK_LIMITS: RecentWorkbookLimits = { entries: 4, cells: 1_000_000, keepMs: 10 * 60_000 };

interface Entry {
  grid: Grid;
  cells: number;
  usedAt: number;
}

export class RecentWorkbooks {
  /** In order of last use, oldest first (a Map keeps insertion order). */
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly limits: RecentWorkbookLimits = RECENT_WORKBOOK_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The grid of `content`, from `read` unless read lately; only a readable workbook is kept. */
  async read(content: string, read: () => Promise<WorkbookReading>): Promise<WorkbookReading> {
    const key = createHash("sha256").update(content).digest("base64");
    this.forgetExpired();
    const kept = this.entries.get(key);
    if (kept) {
      this.entries.delete(key);
      this.entries.set(key, { ...kept, usedAt: this.now() });
      return { ok: true, grid: kept.grid };
    }
    const reading = await read();
    if (reading.ok) this.keep(key, reading.grid);
    return reading;
  }

  /** Grids held now. */
  get size(): number {
    return this.entries.size;
  }

  private keep(key: string, grid: Grid) {
    const cells = grid.rows.reduce((sum, row) => sum + row.cells.length, 0);
    if (cells > this.limits.cells) return;
    this.entries.set(key, { grid, cells, usedAt: this.now() });
    let held = [...this.entries.values()].reduce((sum, entry) => sum + entry.cells, 0);
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.limits.entries && held <= this.limits.cells) break;
      this.entries.delete(oldest);
      held -= entry.cells;
    }
  }

  private forgetExpired() {
    const cutoff = this.now() - this.limits.keepMs;
    for (const [key, entry] of this.entries) if (entry.usedAt < cutoff) this.entries.delete(key);
  }
}

/** The server process's own. */
export const recentWorkbooks = new RecentWorkbooks();
