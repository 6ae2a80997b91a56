import { describe, expect, it } from "vitest";
import { readSourceReference, readSourceReferences } from "@ramme/domain";

describe("reading a stored source reference", () => {
  it("keeps the document, the section and the optional fields of their own types", () => {
    expect(readSourceReference({ document: "agreement-2024", section: "Kapitel 3", paragraph: 11, quote: "…", extra: "ignored" })).toEqual({
      document: "agreement-2024",
      section: "Kapitel 3",
      paragraph: 11,
      quote: "…",
    });
  });

  it("drops optional fields stored as null", () => {
    expect(readSourceReference({ document: "d", section: "s", paragraph: null })).toEqual({ document: "d", section: "s" });
  });

  it("refuses a reference without a document or section, or with a field of the wrong type", () => {
    expect(() => readSourceReference({ section: "s" })).toThrow(/document and a section/);
    expect(() => readSourceReference({ document: "d", section: "s", paragraph: "11" })).toThrow(/paragraph must be a number/);
    expect(() => readSourceReference("agreement-2024")).toThrow(/must be an object/);
  });

  it("reads a list, refusing what is not one", () => {
    expect(readSourceReferences([{ document: "d", section: "s" }])).toHaveLength(1);
    expect(() => readSourceReferences({ document: "d", section: "s" })).toThrow(/must be a list/);
  });
});
