/**
 * Sorting that keeps the themes: AG Grid sorts every body row by the clicked column, theme headings
 * and subtotals included, which put lines under the wrong heading. After its sort, the rows are put
 * back as heading, then that theme's lines in the sorted order, with the headings in the document's
 * order, so a sort orders lines within each theme and nothing else.
 */
import type { BodyRow } from "./gridRows.ts";

/**
 * `sorted`: the rows in the order the sort gave; `rowOf` reads an item's row, `documentIndex` its place
 * in the document's order (AG Grid's `sourceRowIndex`). Lines whose theme has no heading row keep
 * their sorted order at the end.
 */
export function keepLinesUnderThemes<T>(sorted: readonly T[], rowOf: (item: T) => BodyRow | undefined, documentIndex: (item: T) => number): T[] {
  const headings: T[] = [];
  const linesByTheme = new Map<string, T[]>();
  const orphans: T[] = [];
  for (const item of sorted) {
    const row = rowOf(item);
    if (row?.kind === "theme") headings.push(item);
    else if (row?.kind === "line") {
      const lines = linesByTheme.get(row.themeKey);
      if (lines) lines.push(item);
      else linesByTheme.set(row.themeKey, [item]);
    } else orphans.push(item);
  }
  headings.sort((left, right) => documentIndex(left) - documentIndex(right));
  const ordered: T[] = [];
  for (const heading of headings) {
    const row = rowOf(heading)!;
    ordered.push(heading, ...(linesByTheme.get(row.themeKey) ?? []));
    linesByTheme.delete(row.themeKey);
  }
  for (const lines of linesByTheme.values()) ordered.push(...lines);
  return [...ordered, ...orphans];
}
