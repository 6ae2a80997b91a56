/**
 * Which of the toolbar's view actions fit on its one line: all of them when they fit; otherwise room is
 * kept for the "More…" button and the actions are kept by priority (highest first) while they fit.
 */
export interface MeasuredItem {
  id: string;
  width: number;
  priority: number;
}

export function fittingItems(items: readonly MeasuredItem[], available: number, gap: number, moreWidth: number): Set<string> {
  const span = (chosen: readonly MeasuredItem[]) => chosen.reduce((sum, item) => sum + item.width, 0) + gap * Math.max(0, chosen.length - 1);
  if (span(items) <= available) return new Set(items.map((item) => item.id));
  let room = available - moreWidth - gap;
  const kept = new Set<string>();
  for (const item of [...items].sort((left, right) => right.priority - left.priority)) {
    const needed = item.width + (kept.size > 0 ? gap : 0);
    if (needed > room) continue;
    kept.add(item.id);
    room -= needed;
  }
  return kept;
}
