/**
 * Finding lines (client/src/features/grid/lineFilter.ts): the search by title, key, theme,
 * initiative number and paragraph, the chips, and the theme headings kept for matching lines.
 */
import { mio } from "@ramme/domain";
import { describe, expect, it } from "vitest";
import { filterLines, isFilterActive, lineMatches, NO_FILTER, parseSearch, type FilterableLine } from "../../client/src/features/grid/lineFilter.ts";

const line = (overrides: Partial<FilterableLine>): FilterableLine => ({
  key: "vmk", title: "Oprette en fjerde Videnskabsetisk Medicinsk Komité", themeKey: "forskning", themeTitle: "Forskning og sundhedsdata",
  initiativeNumbers: [], paragraphs: [], isProposal: false, hasComments: false, total: mio("3.5"), changed: null, ...overrides,
});
const vmk = line({ initiativeNumbers: ["2.1"], paragraphs: [11] });
const reserve = line({ key: "reserve", title: "Reserve", themeKey: "reserve", themeTitle: "Reserve", total: mio("0.4"), hasComments: true, changed: true });
const proposal = line({ key: "gebyrreduktion-medicinsk-udstyr", title: "Gebyrreduktion for medicinsk udstyr", themeKey: "regulering", themeTitle: "Regulering", isProposal: true, initiativeNumbers: ["2.10"], paragraphs: [1], total: mio("12"), changed: false });

describe("the search", () => {
  it("reads a paragraph, an initiative number or words", () => {
    expect(parseSearch("  ")).toEqual({ kind: "none" });
    expect(parseSearch("§ 11")).toEqual({ kind: "paragraph", paragraph: 11 });
    expect(parseSearch("§11")).toEqual({ kind: "paragraph", paragraph: 11 });
    expect(parseSearch("2.1")).toMatchObject({ kind: "initiativeNumber", number: "2.1" });
    expect(parseSearch("Medicinsk KOMITE")).toEqual({ kind: "words", words: ["medicinsk", "komite"] });
  });

  it("finds by every word in title, key or theme, whatever the case and accents", () => {
    const find = (text: string) => filterLines([vmk, reserve, proposal], { ...NO_FILTER, text }).lines;
    expect([...find("komite medicinsk")]).toEqual(["vmk"]);
    expect([...find("medicinsk")]).toEqual(["vmk", "gebyrreduktion-medicinsk-udstyr"]);
    expect([...find("gebyrreduktion-medicinsk")]).toEqual(["gebyrreduktion-medicinsk-udstyr"]);
    expect([...find("sundhedsdata")]).toEqual(["vmk"]);
    expect([...find("komité ukendt")]).toEqual([]);
  });

  it("finds an initiative number exactly or its sub-numbers, never a longer number that merely starts alike", () => {
    const find = (text: string) => [...filterLines([vmk, reserve, proposal, line({ key: "sub", initiativeNumbers: ["2.1.3"] })], { ...NO_FILTER, text }).lines];
    expect(find("2.1")).toEqual(["vmk", "sub"]);
    expect(find("2.10")).toEqual(["gebyrreduktion-medicinsk-udstyr"]);
  });

  it("finds the agreement's paragraph, § 1 not matching § 11", () => {
    expect([...filterLines([vmk, proposal], { ...NO_FILTER, text: "§ 11" }).lines]).toEqual(["vmk"]);
    expect([...filterLines([vmk, proposal], { ...NO_FILTER, text: "§ 1" }).lines]).toEqual(["gebyrreduktion-medicinsk-udstyr"]);
  });

  it("keeps the themes of the lines found, and only those", () => {
    expect(filterLines([vmk, reserve, proposal], { ...NO_FILTER, text: "reserve" }).themes).toEqual(new Set(["reserve"]));
  });
});

describe("the chips", () => {
  const all = [vmk, reserve, proposal];
  const keys = (filter: Partial<typeof NO_FILTER>) => [...filterLines(all, { ...NO_FILTER, ...filter }).lines];

  it("changed against the reference: only lines the comparison calls different", () => {
    expect(keys({ changed: true })).toEqual(["reserve"]);
  });

  it("over and under a threshold, strictly, on the line's total", () => {
    expect(keys({ threshold: { direction: "over", amount: mio("3.5") } })).toEqual(["gebyrreduktion-medicinsk-udstyr"]);
    expect(keys({ threshold: { direction: "under", amount: mio("3.5") } })).toEqual(["reserve"]);
  });

  it("with comments, new proposals, and combined with the search", () => {
    expect(keys({ comments: true })).toEqual(["reserve"]);
    expect(keys({ proposals: true })).toEqual(["gebyrreduktion-medicinsk-udstyr"]);
    expect(keys({ proposals: true, text: "vmk" })).toEqual([]);
  });

  it("is active only when something narrows the lines", () => {
    expect(isFilterActive(NO_FILTER)).toBe(false);
    expect(isFilterActive({ ...NO_FILTER, text: "  " })).toBe(false);
    expect(isFilterActive({ ...NO_FILTER, comments: true })).toBe(true);
    expect(lineMatches(vmk, NO_FILTER)).toBe(true);
  });
});
