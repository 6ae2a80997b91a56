/**
 * How scenarios descend from each other: the fork tree laid out in reading order, and a one-line
 * account of what a scenario changed against the state it was forked from.
 */
import type { PairComparison } from "./compare.ts";
import { formatDanishAmount } from "./danishNumbers.ts";
import type { Language } from "./describeComparison.ts";
import type { Oere } from "./money.ts";

export interface LineageRow {
  id: string;
  /** The scenario it was forked from; null for a baseline. */
  parentId: string | null;
}

export interface LineageEntry<T extends LineageRow> {
  row: T;
  /** 0 for a root of the tree, 1 for its forks, and so on. */
  depth: number;
}

/**
 * The tree in reading order: each scenario followed by its descendants, depth first, siblings in
 * `compareSiblings` order (default: the order of `rows`). With `rootId`, only that scenario and its
 * descendants (nothing when it is not among `rows`); without, every row whose parent is absent or
 * not among `rows` is a root. A stack instead of recursion, so a chain of forks of any length is
 * laid out; a row is placed at most once, so a cycle in bad data cannot loop (rows caught in a
 * cycle with no root are left out).
 */
export function lineageTree<T extends LineageRow>(
  rows: readonly T[],
  options: { rootId?: string | null; compareSiblings?: (a: T, b: T) => number } = {},
): Array<LineageEntry<T>> {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const children = new Map<string, T[]>();
  for (const row of rows) {
    if (row.parentId === null || !byId.has(row.parentId)) continue;
    const siblings = children.get(row.parentId);
    if (siblings) siblings.push(row);
    else children.set(row.parentId, [row]);
  }
  const sorted = (list: T[]) => (options.compareSiblings ? [...list].sort(options.compareSiblings) : list);

  let roots: T[];
  if (options.rootId !== undefined && options.rootId !== null) {
    const root = byId.get(options.rootId);
    roots = root ? [root] : [];
  } else {
    roots = sorted(rows.filter((row) => row.parentId === null || !byId.has(row.parentId)));
  }

  const tree: Array<LineageEntry<T>> = [];
  const placed = new Set<string>();
  // Pushed in reverse, so the first sibling is popped (and laid out) first.
  const pending: Array<LineageEntry<T>> = roots.map((row) => ({ row, depth: 0 })).reverse();
  while (pending.length > 0) {
    const entry = pending.pop()!;
    if (placed.has(entry.row.id)) continue;
    placed.add(entry.row.id);
    tree.push(entry);
    const below = sorted(children.get(entry.row.id) ?? []);
    for (let index = below.length - 1; index >= 0; index -= 1) pending.push({ row: below[index]!, depth: entry.depth + 1 });
  }
  return tree;
}

interface SummaryPhrases {
  noChanges: string;
  verbs: { CHANGED: string; ADDED: string; REMOVED: string };
  /** The first count names the lines ("3 linjer ændret"), the others only count ("1 tilføjet"). */
  firstCount(count: number, verb: string): string;
  formatAmount(amount: Oere): string;
  /** "+2,0 mio. kr. i 2025" for the first year, "-0,5 i 2026" for the others. */
  net(signedAmount: string, year: number, withUnit: boolean): string;
  totalsUnchanged: string;
}

const signed = (text: string, amount: Oere) => (amount > 0n ? `+${text}` : text);

const SUMMARY: Record<Language, SummaryPhrases> = {
  da: {
    noChanges: "Ingen ændringer",
    verbs: { CHANGED: "ændret", ADDED: "tilføjet", REMOVED: "fjernet" },
    firstCount: (count, verb) => `${count} ${count === 1 ? "linje" : "linjer"} ${verb}`,
    formatAmount: (amount) => signed(formatDanishAmount(amount, { minDecimals: 1 }), amount),
    net: (amount, year, withUnit) => `${amount}${withUnit ? " mio. kr." : ""} i ${year}`,
    totalsUnchanged: "totalerne uændrede",
  },
  en: {
    noChanges: "No changes",
    verbs: { CHANGED: "changed", ADDED: "added", REMOVED: "removed" },
    firstCount: (count, verb) => `${count} ${count === 1 ? "line" : "lines"} ${verb}`,
    // The same exact digits as the Danish, with the separators the English way round.
    formatAmount: (amount) =>
      signed(formatDanishAmount(amount, { minDecimals: 1 }).replace(/[.,]/g, (separator) => (separator === "." ? "," : ".")), amount),
    net: (amount, year, withUnit) => `${withUnit ? `DKK ${amount} million` : amount} in ${year}`,
    totalsUnchanged: "totals unchanged",
  },
};

/**
 * One line on what `comparison.otherKey` changed against `comparison.baseKey`: the lines changed,
 * added and removed, then the net change of the total in each year that moved
 * ("3 linjer ændret, 1 tilføjet; +2,0 mio. kr. i 2025, -0,5 i 2026"). Exact, like the comparison.
 */
export function summarizeChange(comparison: PairComparison, language: Language): string {
  const say = SUMMARY[language];
  const counts = (["CHANGED", "ADDED", "REMOVED"] as const)
    .filter((status) => comparison.counts[status] > 0)
    .map((status, index) => {
      const count = comparison.counts[status];
      return index === 0 ? say.firstCount(count, say.verbs[status]) : `${count} ${say.verbs[status]}`;
    });
  if (counts.length === 0) return say.noChanges;
  const moved = comparison.years.filter((flow) => flow.net !== 0n);
  const net = moved.map((flow, index) => say.net(say.formatAmount(flow.net), flow.year, index === 0));
  return `${counts.join(", ")}; ${net.length > 0 ? net.join(", ") : say.totalsUnchanged}`;
}
