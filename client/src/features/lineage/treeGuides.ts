/**
 * The connecting lines of a fork tree drawn as a flat list (the API's order: each scenario followed
 * by its descendants, with a depth). Per row, one guide per level above it: a straight line where
 * an ancestor has a later sibling still to come, nothing where it has not, and at the row's own
 * level a branch (├) or, for the last child, an elbow (└). Two passes over the rows.
 */
export type Guide = "none" | "line" | "branch" | "last";

export function treeGuides(depths: readonly number[]): Guide[][] {
  // Backwards: a row is the last child when no sibling follows before the tree climbs above it.
  const isLast: boolean[] = new Array<boolean>(depths.length);
  const siblingFollows: boolean[] = [];
  for (let index = depths.length - 1; index >= 0; index -= 1) {
    const depth = depths[index]!;
    isLast[index] = !siblingFollows[depth];
    siblingFollows[depth] = true;
    siblingFollows.length = depth + 1;
  }
  // Forwards: whether the ancestor at each level has a later sibling, so its line runs past this row.
  const continues: boolean[] = [];
  return depths.map((depth, index) => {
    const guides: Guide[] = [];
    for (let level = 1; level < depth; level += 1) guides.push(continues[level] ? "line" : "none");
    if (depth > 0) guides.push(isLast[index] ? "last" : "branch");
    continues[depth] = !isLast[index];
    return guides;
  });
}
