/**
 * The consistency report, on a small table modelled on the agreement's. Amounts are tenths of a
 * mio. kr.; every expected figure is hand arithmetic written next to it.
 */
import { describe, expect, test } from "vitest";
import {
  checkConsistency,
  describeConsistencyCheck,
  type ConsistencyCheck,
  type ConsistencyInput,
  type ConsistencySource,
  type ConsistencyStatedAmountInput,
  type Oere,
} from "@ramme/domain";

/** n tenths of a mio. kr. in øre: tenths(47n) is 4,7 mio. kr. */
const tenths = (n: bigint): Oere => n * 10_000_000n;
const YEARS = [2024, 2025, 2026, 2027];
const cells = (...values: bigint[]) => values.map((value, index) => ({ year: YEARS[index]!, amount: tenths(value) }));
const paragraph = (number: number, quote: string): ConsistencySource => ({ paragraph: number, section: "tekst", quote });
const TABLE: ConsistencySource = { paragraph: 51, section: "Økonomi, Tabel 1", quote: null };

function stated(id: string, fields: Partial<ConsistencyStatedAmountInput> & Pick<ConsistencyStatedAmountInput, "amount" | "fromYear" | "toYear">): ConsistencyStatedAmountInput {
  return { id, basis: "PER_YEAR", withinFrame: true, initiativeIds: [], subLineId: null, note: null, source: paragraph(Number(id.replace(/\D/g, "")) || 1, id), ...fields };
}

const input: ConsistencyInput = {
  frame: YEARS.map((year) => ({ year, amount: tenths(1000n) })),
  lines: [
    { initiativeId: "trial", amounts: cells(47n, 47n, 47n, 47n) },
    { initiativeId: "vmk", amounts: cells(35n, 25n, 25n, 25n) },
    { initiativeId: "industriparker", amounts: cells(73n, 44n, 39n, 39n) }, // 19,5 over the period
    { initiativeId: "one-stop-shop", amounts: cells(37n, 96n, 101n, 101n) }, // 33,5 over the period
    { initiativeId: "ude", amounts: cells(20n, 11n, 18n, 23n) }, // 7,2 over the period
    { initiativeId: "tillid", amounts: cells(0n, 25n, 25n, 25n) },
    { initiativeId: "prismodeller", amounts: cells(8n, 2n, 0n, 0n) }, // 1,0 over 2024-25
    { initiativeId: "eu-formandskab", amounts: cells(28n, 0n, 0n, 0n) },
  ],
  // 2024: 4,7 + 3,5 + 7,3 + 3,7 + 2,0 + 0 + 0,8 + 2,8 = 24,8; 2025: 4,7 + 2,5 + 4,4 + 9,6 + 1,1 + 2,5 + 0,2 + 0 = 25,0.
  table: TABLE,
  statedTotals: [
    { year: 2024, amount: tenths(258n), printed: "25,8", footnoteMarkers: ["**"] },
    { year: 2025, amount: tenths(250n), printed: "25,0", footnoteMarkers: [] },
  ],
  footnotes: [
    { marker: "*", text: "Rød løber uden for rammen." },
    { marker: "**", text: "Brofinansiering 0,9 mio. kr. i 2024." },
  ],
  outsideFrame: [
    { id: "bro", description: "Brofinansiering", amount: tenths(9n), fromYear: 2024, toYear: 2024, explainsMarker: "**", source: { paragraph: null, section: "anm. **", quote: null } },
    { id: "roed", description: "Rød løber", amount: tenths(1024n), fromYear: 2024, toYear: 2027, explainsMarker: null, source: { paragraph: null, section: "anm. *", quote: null } },
    { id: "of-p9", description: "Forskningsreserven", amount: tenths(2315n), fromYear: 2025, toYear: 2025, explainsMarker: null, source: paragraph(9, "231,5") },
    { id: "medfinansiering", description: "Medfinansiering (søges)", amount: null, fromYear: null, toYear: null, explainsMarker: null, source: paragraph(12, "søges") },
  ],
  statedAmounts: [
    stated("p9", { amount: tenths(2315n), fromYear: 2025, toYear: 2025, withinFrame: false }),
    stated("p10a", { amount: tenths(35n), fromYear: 2024, toYear: 2024, initiativeIds: ["vmk"] }),
    stated("p10b", { amount: tenths(25n), fromYear: 2025, toYear: 2027, initiativeIds: ["vmk"] }),
    stated("p11", { amount: tenths(47n), fromYear: 2025, toYear: 2027, initiativeIds: ["trial"] }),
    stated("p14", { amount: tenths(25n), fromYear: 2025, toYear: 2027, initiativeIds: ["tillid"] }),
    stated("p21", { amount: tenths(12n), basis: "PERIOD_TOTAL", fromYear: 2024, toYear: 2025, initiativeIds: ["prismodeller"] }),
    stated("p25", { amount: tenths(530n), basis: "PERIOD_TOTAL", fromYear: 2024, toYear: 2027, initiativeIds: ["industriparker", "one-stop-shop"] }),
    stated("p31", { amount: tenths(72n), basis: "PERIOD_TOTAL", fromYear: 2024, toYear: 2027, initiativeIds: ["ude"] }),
    stated("p31a", { amount: tenths(11n), fromYear: 2025, toYear: 2025, initiativeIds: ["ude"], subLineId: "ude-a" }),
    stated("p41", { amount: tenths(5n), fromYear: 2025, toYear: 2025, initiativeIds: ["byspildevand"] }),
    stated("p51", { amount: tenths(1000n), fromYear: 2024, toYear: 2025, withinFrame: false }),
  ],
  subLines: [
    { id: "ude-a", initiativeId: "ude", kind: "PART", amounts: cells(0n, 11n, 15n, 15n), source: paragraph(31, "Invest In Denmark") },
    { id: "ude-b", initiativeId: "ude", kind: "PART", amounts: cells(20n, 0n, 3n, 7n), source: paragraph(31, "erhvervshuse") },
    { id: "tillid-a", initiativeId: "tillid", kind: "OF_WHICH", amounts: cells(0n, 5n, 5n, 5n).slice(1), source: paragraph(14, "Heraf 0,5") },
  ],
};

const figures = (check: ConsistencyCheck) => ({
  kind: check.kind,
  status: check.status,
  years: `${check.fromYear}-${check.toYear}`,
  stated: check.stated,
  computed: check.computed,
  difference: check.difference,
});

describe("checkConsistency", () => {
  const report = checkConsistency(input);

  test("lists every difference, with the figures worked out by hand", () => {
    expect(report.checks.filter((check) => check.status !== "MATCHES" && check.status !== "NOT_COMPARABLE").map(figures)).toEqual([
      // Printed 25,8 against lines of 24,8: 1,0 more, of which footnote ** accounts for 0,9.
      { kind: "STATED_TOTAL", status: "PARTLY_EXPLAINED", years: "2024-2024", stated: tenths(258n), computed: tenths(248n), difference: tenths(10n) },
      // Paragraph 21: "i alt 1,2 i 2024-25" against 0,8 + 0,2 = 1,0.
      { kind: "TEXT_PERIOD_TOTAL", status: "UNEXPLAINED", years: "2024-2025", stated: tenths(12n), computed: tenths(10n), difference: tenths(2n) },
      // Paragraph 51 states the frame, 100 a year; the lines add up to 24,8 and 25,0.
      { kind: "TEXT_FRAME", status: "UNEXPLAINED", years: "2024-2024", stated: tenths(1000n), computed: tenths(248n), difference: tenths(752n) },
      { kind: "TEXT_FRAME", status: "UNEXPLAINED", years: "2025-2025", stated: tenths(1000n), computed: tenths(250n), difference: tenths(750n) },
      // Trial: the text covers 2025-2027 only; the table has 4,7 in 2024 too.
      { kind: "TEXT_UNSTATED_YEAR", status: "UNEXPLAINED", years: "2024-2024", stated: null, computed: tenths(47n), difference: -tenths(47n) },
      // EU-formandskab: no statement about the line at all.
      { kind: "TEXT_UNSTATED_YEAR", status: "UNEXPLAINED", years: "2024-2024", stated: null, computed: tenths(28n), difference: -tenths(28n) },
      // Parts in 2027: 1,5 + 0,7 = 2,2 against the row's 2,3.
      { kind: "TEXT_SPLIT", status: "UNEXPLAINED", years: "2027-2027", stated: tenths(22n), computed: tenths(23n), difference: -tenths(1n) },
    ]);
    expect(report.counts).toEqual({ MATCHES: 19, EXPLAINED: 0, PARTLY_EXPLAINED: 1, UNEXPLAINED: 6, NOT_COMPARABLE: 4 });
    expect(report.differences).toBe(7);
  });

  test("a printed total carries its footnote and what the footnote accounts for", () => {
    const total2024 = report.checks[0]!;
    expect(total2024).toMatchObject({ explained: tenths(9n), unexplained: tenths(1n), explainedBy: ["bro"], footnotes: [{ marker: "**" }] });
    expect(total2024.source.quote).toBe("I alt 25,8**");
    expect(report.checks[1]).toMatchObject({ kind: "STATED_TOTAL", status: "MATCHES", difference: 0n, footnotes: [] });
  });

  test("per-year amounts are checked year by year, several lines against their sum, a period against the lines over it", () => {
    const fromStatement = (id: string) => report.checks.filter((check) => check.statedAmountId === id && check.kind !== "TEXT_UNSTATED_YEAR").map(figures);
    expect(fromStatement("p10b")).toEqual(
      [2025, 2026, 2027].map((year) => ({ kind: "TEXT_PER_YEAR", status: "MATCHES", years: `${year}-${year}`, stated: tenths(25n), computed: tenths(25n), difference: 0n })),
    );
    // 19,5 + 33,5 = 53,0 over 2024-2027.
    expect(fromStatement("p25")).toEqual([{ kind: "TEXT_PERIOD_TOTAL", status: "MATCHES", years: "2024-2027", stated: tenths(530n), computed: tenths(530n), difference: 0n }]);
    // 2,0 + 1,1 + 1,8 + 2,3 = 7,2.
    expect(fromStatement("p31")).toEqual([{ kind: "TEXT_PERIOD_TOTAL", status: "MATCHES", years: "2024-2027", stated: tenths(72n), computed: tenths(72n), difference: 0n }]);
  });

  test("what cannot be compared says why", () => {
    expect(report.checks.filter((check) => check.status === "NOT_COMPARABLE").map((check) => [check.kind, check.reason, check.statedAmountId ?? check.explainedBy[0], check.stated])).toEqual([
      ["TEXT_PER_YEAR", "OUTSIDE_FRAME", "p9", tenths(2315n)],
      ["TEXT_PER_YEAR", "PART_OF_LINE", "p31a", tenths(11n)],
      ["TEXT_PER_YEAR", "NO_TABLE_LINE", "p41", tenths(5n)],
      // The proposal's footnote *: beside the frame. The forskningsreserve (of-p9) is already the text's p9; the co-financing has no amount.
      ["OUTSIDE_FRAME", "OUTSIDE_FRAME", "roed", tenths(1024n)],
    ]);
  });

  test("an 'of which' must fit in its row", () => {
    expect(report.checks.filter((check) => check.kind === "TEXT_OF_WHICH").map((check) => [check.fromYear, check.status, check.difference])).toEqual([
      [2025, "MATCHES", -tenths(20n)],
      [2026, "MATCHES", -tenths(20n)],
      [2027, "MATCHES", -tenths(20n)],
    ]);
    const tooLarge = checkConsistency({ ...input, subLines: [{ ...input.subLines[2]!, amounts: [{ year: 2025, amount: tenths(30n) }] }] });
    expect(tooLarge.checks.filter((check) => check.kind === "TEXT_OF_WHICH").map(figures)).toEqual([
      { kind: "TEXT_OF_WHICH", status: "UNEXPLAINED", years: "2025-2025", stated: tenths(30n), computed: tenths(25n), difference: tenths(5n) },
    ]);
  });

  test("a document whose text states no amounts has only its printed totals checked", () => {
    const proposal = checkConsistency({ ...input, statedAmounts: [], subLines: [], outsideFrame: input.outsideFrame.slice(0, 1) });
    expect(proposal.checks.map((check) => check.kind)).toEqual(["STATED_TOTAL", "STATED_TOTAL"]);
  });
});

describe("describeConsistencyCheck", () => {
  const report = checkConsistency(input);
  const wording = {
    titleOf: (id: string) => ({ trial: "Videreudvikle Trial Nation", prismodeller: "Alternative prismodeller" })[id] ?? id,
    subLineTitleOf: (id: string) => ({ "ude-a": "Invest In Denmark", "ude-b": "Erhvervshusene" })[id] ?? id,
    outsideFrameOf: (id: string) => input.outsideFrame.find((entry) => entry.id === id)!,
  };
  const sentence = (predicate: (check: ConsistencyCheck) => boolean, language: "da" | "en") => describeConsistencyCheck(report.checks.find(predicate)!, wording, language);

  test("says a difference with its exact figures and what explains it, in Danish and English", () => {
    expect(sentence((check) => check.kind === "STATED_TOTAL" && check.fromYear === 2024, "da")).toBe(
      "Tabellens »I alt« for 2024 er 25,8 mio. kr., og linjerne summerer til 24,8 mio. kr.: det trykte total er 1,0 mio. kr. mere end linjerne; " +
        "fodnote ** forklarer en del (Brofinansiering, 0,9 mio. kr.), men 0,1 mio. kr. forklares ikke.",
    );
    expect(sentence((check) => check.kind === "STATED_TOTAL" && check.fromYear === 2024, "en")).toBe(
      "The table's printed total for 2024 is DKK 25.8 million, and the lines add up to DKK 24.8 million: the printed total is DKK 1.0 million more than the lines; " +
        "footnote ** explains part of it (Brofinansiering, DKK 0.9 million), but DKK 0.1 million is unexplained.",
    );
    expect(sentence((check) => check.kind === "TEXT_UNSTATED_YEAR", "da")).toBe(
      "Tabellen afsætter 4,7 mio. kr. i 2024 til »Videreudvikle Trial Nation«, men afsnit 11 angiver intet beløb for 2024.",
    );
    expect(sentence((check) => check.kind === "TEXT_PERIOD_TOTAL" && check.status === "UNEXPLAINED", "en")).toBe(
      "Paragraph 21 states DKK 1.2 million in total over 2024–2025 for “Alternative prismodeller”; the table has DKK 1.0 million: a difference of DKK 0.2 million that nothing in the document explains.",
    );
    expect(sentence((check) => check.kind === "TEXT_SPLIT" && check.fromYear === 2027, "da")).toBe(
      "Teksten deler linjen: »Invest In Denmark« og »Erhvervshusene« giver 2,2 mio. kr. i 2027; tabellens linje har 2,3 mio. kr.: en forskel på 0,1 mio. kr., som intet i dokumentet forklarer.",
    );
    expect(sentence((check) => check.reason === "PART_OF_LINE", "da")).toBe(
      "Afsnit 31 angiver 1,1 mio. kr. i 2025 til »Invest In Denmark«. Beløbet er en del af en linje, som tabellen ikke trykker for sig; delene tjekkes under »Opdelte linjer«.",
    );
  });
});
