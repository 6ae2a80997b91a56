/**
 * What the list and the grid say about whose a scenario is: shared by another organisation (to read
 * or to edit), one's own shared with others, or nothing (local mode, baselines, unshared drafts).
 */
import { describe, expect, it } from "vitest";
import { mayEdit, ownershipNote, type OwnershipFields } from "../../client/src/features/sharing/ownership.ts";

const fm = { key: "finansministeriet", name: "Finansministeriet" };
const venstre = { key: "venstre", name: "Venstre" };
const sf = { key: "sf", name: "SF" };
const draft = (fields: Partial<OwnershipFields>): OwnershipFields => ({ kind: "WHAT_IF", access: "OWNER", owner: fm, sharedWith: [], ...fields });

describe("ownershipNote", () => {
  it("says nothing in local mode, for a baseline, or for an unshared draft of one's own", () => {
    expect(ownershipNote(draft({ sharedWith: [{ organisation: venstre, access: "READ" }] }), null)).toEqual({ kind: "none" });
    expect(ownershipNote(draft({ kind: "BASELINE", owner: null, access: "READ" }), "venstre")).toEqual({ kind: "none" });
    expect(ownershipNote(draft({}), "finansministeriet")).toEqual({ kind: "none" });
  });

  it("names the owner and the access a share grants the caller's organisation", () => {
    expect(ownershipNote(draft({ access: "READ", sharedWith: [{ organisation: venstre, access: "READ" }] }), "venstre")).toEqual({ kind: "sharedWithUs", ownerName: "Finansministeriet", access: "READ" });
    expect(ownershipNote(draft({ access: "EDIT", sharedWith: [{ organisation: venstre, access: "EDIT" }] }), "venstre")).toEqual({ kind: "sharedWithUs", ownerName: "Finansministeriet", access: "EDIT" });
  });

  it("tells a viewer what the share grants their organisation, though their role caps their own access at READ", () => {
    expect(ownershipNote(draft({ access: "READ", sharedWith: [{ organisation: venstre, access: "EDIT" }] }), "venstre")).toMatchObject({ access: "EDIT" });
  });

  it("counts the organisations one's own draft is shared with", () => {
    expect(ownershipNote(draft({ sharedWith: [{ organisation: venstre, access: "READ" }, { organisation: sf, access: "EDIT" }] }), "finansministeriet")).toEqual({ kind: "sharedByUs", organisations: ["Venstre", "SF"] });
  });
});

describe("mayEdit", () => {
  it("lets the owner and an EDIT share change amounts, not READ", () => {
    expect([mayEdit("OWNER"), mayEdit("EDIT"), mayEdit("READ")]).toEqual([true, true, false]);
  });
});
