/** The fork tree's connecting lines, drawn by hand for a small tree and checked row by row. */
import { describe, expect, it } from "vitest";
import { treeGuides } from "../../client/src/features/lineage/treeGuides.ts";

const glyph = { none: " ", line: "│", branch: "├", last: "└" } as const;
const draw = (depths: number[]) => treeGuides(depths).map((guides) => guides.map((guide) => glyph[guide]).join(""));

describe("treeGuides", () => {
  it("draws branches, elbows for last children and the lines of ancestors with siblings still to come", () => {
    // The proposal and the agreement; under the agreement W (with G, which has a fork, and G2) and A.
    const depths = [0, 0, 1, 2, 3, 2, 1];
    expect(draw(depths)).toEqual([
      "", //      the proposal
      "", //      the agreement
      "├", //     W (A follows)
      "│├", //    G (G2 follows under W)
      "││└", //   G's fork, its only child
      "│└", //    G2, last under W
      "└", //     A, last under the agreement
    ]);
  });

  it("leaves no line where an ancestor was the last child", () => {
    expect(draw([0, 1, 2, 2])).toEqual(["", "└", " ├", " └"]);
  });
});
