/**
 * Balance proposals. The scenarios are the printed baselines with one line raised so a year breaks
 * the frame; every expected amount is worked out by hand in the comment next to it.
 */
import { describe, expect, test } from "vitest";
import {
  mio,
  precisionUnit,
  proposeBalance,
  type BalanceLine,
  type FrameYearTotal,
  type Oere,
  type ScenarioSnapshot,
} from "@ramme/domain";
import { agreement, frame, proposal, withAmount } from "./fixtures/baselines.ts";

const linesOf = (snapshot: ScenarioSnapshot): BalanceLine[] =>
  snapshot.lines.map(({ initiativeId, amounts }) => ({ initiativeId, amounts }));

/** A total against a 100 mio. kr. frame, from the allocated amount. */
function total(year: number, allocated: string): FrameYearTotal {
  const amount = mio(allocated);
  const headroom = mio("100") - amount;
  const overBy = headroom < 0n ? -headroom : 0n;
  return { year, allocated: amount, frame: mio("100"), headroom, overBy, fits: headroom >= 0n };
}

const cell = (initiativeId: string, year: number, before: string, after: string) => ({
  initiativeId,
  year,
  before: mio(before),
  after: mio(after),
});

// The agreement with ATMP 2025 raised 5,5 → 6,7: 2025 is 100,0 + 1,2 = 101,2, 1,2 over; 2024 is 98,9; 2026 and 2027 are 100,0.
const agreementOver = withAmount(agreement, "atmp", 2025, "6.7");

describe("proposeBalance: REDUCE_PRO_RATA", () => {
  test("cuts the chosen lines in proportion, with the largest remainder deciding the last unit", () => {
    // 2025: VMK 2,5, gebyrreduktion 2,0, tillid 2,5 = 7,0 = 70 tenths; cut 1,2 = 12 tenths.
    // Exact shares: VMK 12·25/70 = 4 rest 20/70; gebyr 12·20/70 = 3 rest 30/70; tillid 4 rest 20/70.
    // Whole tenths 4 + 3 + 4 = 11 (rounding each share to nearest also gives 11); the 12th tenth goes to
    // the largest remainder, gebyrreduktion. Cuts 0,4 + 0,4 + 0,4 = 1,2.
    const proposalResult = proposeBalance({
      frame,
      lines: linesOf(agreementOver),
      strategy: { kind: "REDUCE_PRO_RATA", initiativeIds: ["vmk", "gebyrreduktion-medicinsk-udstyr", "sundhedsdata-tillid"] },
      precisionDecimals: 1,
    });
    expect(proposalResult.cells).toEqual([
      cell("vmk", 2025, "2.5", "2.1"),
      cell("gebyrreduktion-medicinsk-udstyr", 2025, "2.0", "1.6"),
      cell("sundhedsdata-tillid", 2025, "2.5", "2.1"),
    ]);
    expect(proposalResult.totalsAfter).toEqual([total(2024, "98.9"), total(2025, "100"), total(2026, "100"), total(2027, "100")]);
    expect(proposalResult.unresolved).toEqual([]);
  });

  test("several leftover units go to the largest remainders in turn", () => {
    // 2025: bilateralt 16,8, sundhedsdiplomater 20,0, HMA/EMA 3,7 = 40,5 = 405 tenths; cut 12 tenths.
    // Shares: 12·168 = 2016 = 4·405 + 396; 12·200 = 2400 = 5·405 + 375; 12·37 = 444 = 1·405 + 39.
    // Whole 4 + 5 + 1 = 10; two left: bilateralt (396), then diplomater (375). Cuts 0,5 + 0,6 + 0,1 = 1,2.
    const result = proposeBalance({
      frame,
      lines: linesOf(agreementOver),
      strategy: { kind: "REDUCE_PRO_RATA", initiativeIds: ["bilateralt-myndighedssamarbejde", "sundhedsdiplomater", "hma-ema"] },
      precisionDecimals: 1,
    });
    expect(result.cells).toEqual([
      cell("bilateralt-myndighedssamarbejde", 2025, "16.8", "16.3"),
      cell("sundhedsdiplomater", 2025, "20.0", "19.4"),
      cell("hma-ema", 2025, "3.7", "3.6"),
    ]);
    expect(result.totalsAfter[1]).toEqual(total(2025, "100"));
  });

  test("at precision 2 the same cut is split in hundredths", () => {
    // 120 hundredths over 700: VMK 120·250 = 30000 = 42·700 + 600; gebyr 120·200 = 24000 = 34·700 + 200;
    // tillid 42 rest 600. Whole 42 + 34 + 42 = 118; two left: VMK and tillid (600 each, VMK first).
    // Cuts 0,43 + 0,34 + 0,43 = 1,20.
    const result = proposeBalance({
      frame,
      lines: linesOf(agreementOver),
      strategy: { kind: "REDUCE_PRO_RATA", initiativeIds: ["vmk", "gebyrreduktion-medicinsk-udstyr", "sundhedsdata-tillid"] },
      precisionDecimals: 2,
    });
    expect(result.cells).toEqual([
      cell("vmk", 2025, "2.5", "2.07"),
      cell("gebyrreduktion-medicinsk-udstyr", 2025, "2.0", "1.66"),
      cell("sundhedsdata-tillid", 2025, "2.5", "2.07"),
    ]);
    expect(result.totalsAfter[1]).toEqual(total(2025, "100"));
  });

  test("at precision 0 the cut is the overage rounded up to whole millions", () => {
    // 1,2 over → cut 2 (whole mio. kr.). Diplomater 20, EU-indsats 2, gebyrreduktion 2 = 24.
    // Shares: 2·20 = 40 = 1·24 + 16; 2·2 = 4 = 0·24 + 4; 0 rest 4. One left → diplomater. 20 → 18.
    // 2025 ends at 101,2 - 2 = 99,2.
    const result = proposeBalance({
      frame,
      lines: linesOf(agreementOver),
      strategy: { kind: "REDUCE_PRO_RATA", initiativeIds: ["sundhedsdiplomater", "eu-indsats", "gebyrreduktion-medicinsk-udstyr"] },
      precisionDecimals: 0,
    });
    expect(result.cells).toEqual([cell("sundhedsdiplomater", 2025, "20.0", "18")]);
    expect(result.totalsAfter[1]).toEqual(total(2025, "99.2"));
    expect(result.unresolved).toEqual([]);
  });

  test("an overage that is not a whole unit is cut by the next whole unit, landing just under the frame", () => {
    // 6,0 + 4,0 + 0,05 = 10,05 against 10: 0,05 over → cut 0,1. Shares 0,6 and 0,4 of one tenth:
    // no whole tenths; the one tenth goes to A (remainder 6 > 4). Total 9,95, 0,05 to spare.
    const result = proposeBalance({
      frame: [{ year: 2024, amount: mio("10") }],
      lines: [
        { initiativeId: "a", amounts: [{ year: 2024, amount: mio("6.0") }] },
        { initiativeId: "b", amounts: [{ year: 2024, amount: mio("4.0") }] },
        { initiativeId: "c", amounts: [{ year: 2024, amount: mio("0.05") }] },
      ],
      strategy: { kind: "REDUCE_PRO_RATA", initiativeIds: ["a", "b"] },
      precisionDecimals: 1,
    });
    expect(result.cells).toEqual([cell("a", 2024, "6.0", "5.9")]);
    expect(result.totalsAfter).toEqual([
      { year: 2024, allocated: mio("9.95"), frame: mio("10"), headroom: mio("0.05"), overBy: 0n, fits: true },
    ]);
  });

  test("on a tie the earlier line in the scenario takes the extra unit, whatever order they were chosen in", () => {
    // 1,0 + 1,0 + 0,3 = 2,3 against 2,0: cut 0,3 = 3 tenths over two equal lines: 1,5 each → 1 + 1, one left,
    // equal remainders → the first line in scenario order (a). a 1,0 → 0,8; b 1,0 → 0,9.
    const result = proposeBalance({
      frame: [{ year: 2024, amount: mio("2.0") }],
      lines: [
        { initiativeId: "a", amounts: [{ year: 2024, amount: mio("1.0") }] },
        { initiativeId: "b", amounts: [{ year: 2024, amount: mio("1.0") }] },
        { initiativeId: "c", amounts: [{ year: 2024, amount: mio("0.3") }] },
      ],
      strategy: { kind: "REDUCE_PRO_RATA", initiativeIds: ["b", "a", "b"] },
      precisionDecimals: 1,
    });
    expect(result.cells).toEqual([cell("a", 2024, "1.0", "0.8"), cell("b", 2024, "1.0", "0.9")]);
    expect(result.totalsAfter[0]?.allocated).toBe(mio("2.0"));
  });

  test("years that fit are untouched even where the chosen lines have money", () => {
    const result = proposeBalance({
      frame,
      lines: linesOf(agreement),
      strategy: { kind: "REDUCE_PRO_RATA", initiativeIds: ["sundhedsdiplomater"] },
      precisionDecimals: 1,
    });
    expect(result.cells).toEqual([]);
    expect(result.totalsAfter).toEqual([total(2024, "98.9"), total(2025, "100"), total(2026, "100"), total(2027, "100")]);
    expect(result.unresolved).toEqual([]);
  });

  test("lines that hold exactly the cut are taken to zero and the year fits", () => {
    // ATMP 2025 5,5 → 6,0 puts 2025 0,5 over; byspildevand has exactly 0,5 in 2025.
    const result = proposeBalance({
      frame,
      lines: linesOf(withAmount(agreement, "atmp", 2025, "6.0")),
      strategy: { kind: "REDUCE_PRO_RATA", initiativeIds: ["byspildevand"] },
      precisionDecimals: 1,
    });
    expect(result.cells).toEqual([cell("byspildevand", 2025, "0.5", "0")]);
    expect(result.unresolved).toEqual([]);
  });

  test("lines that cannot absorb the overage are taken to zero and the year is reported", () => {
    // 1,2 over; byspildevand has 0,5 in 2025 and klinisk forskning 0: 1,2 - 0,5 = 0,7 still over.
    const result = proposeBalance({
      frame,
      lines: linesOf(agreementOver),
      strategy: { kind: "REDUCE_PRO_RATA", initiativeIds: ["byspildevand", "klinisk-forskning-analyse"] },
      precisionDecimals: 1,
    });
    expect(result.cells).toEqual([cell("byspildevand", 2025, "0.5", "0")]);
    expect(result.totalsAfter[1]).toEqual(total(2025, "100.7"));
    expect(result.unresolved).toEqual([{ year: 2025, overBy: mio("0.7") }]);
  });

  test("chosen lines with nothing in the year change nothing and the whole overage is reported", () => {
    const result = proposeBalance({
      frame,
      lines: linesOf(agreementOver),
      strategy: { kind: "REDUCE_PRO_RATA", initiativeIds: ["klinisk-forskning-analyse"] },
      precisionDecimals: 1,
    });
    expect(result.cells).toEqual([]);
    expect(result.unresolved).toEqual([{ year: 2025, overBy: mio("1.2") }]);
  });

  test("handles several years over the frame independently", () => {
    // Frame 10 in 2024 and 2025. 2024: a 6,0 + b 6,0 = 12,0, 2,0 over → 1,0 each. 2025: a 3,0 + b 7,5 = 10,5,
    // 0,5 over: shares 5·30/105 = 1 rest 45, 5·75/105 = 3 rest 60 → one left to b: cuts 0,1 and 0,4.
    const result = proposeBalance({
      frame: [
        { year: 2024, amount: mio("10") },
        { year: 2025, amount: mio("10") },
      ],
      lines: [
        { initiativeId: "a", amounts: [{ year: 2024, amount: mio("6.0") }, { year: 2025, amount: mio("3.0") }] },
        { initiativeId: "b", amounts: [{ year: 2024, amount: mio("6.0") }, { year: 2025, amount: mio("7.5") }] },
      ],
      strategy: { kind: "REDUCE_PRO_RATA", initiativeIds: ["a", "b"] },
      precisionDecimals: 1,
    });
    expect(result.cells).toEqual([
      cell("a", 2024, "6.0", "5.0"),
      cell("b", 2024, "6.0", "5.0"),
      cell("a", 2025, "3.0", "2.9"),
      cell("b", 2025, "7.5", "7.1"),
    ]);
    expect(result.totalsAfter.map((t) => t.allocated)).toEqual([mio("10"), mio("10")]);
  });

  test("invariants over many cases: cuts sum to the overage rounded up, whole units, never below zero", () => {
    // Not a recomputation: these are properties any correct proposal has, checked over a grid of inputs.
    const unit = mio("0.1");
    for (let overTenths = 1n; overTenths <= 40n; overTenths += 1n) {
      const amounts: Oere[] = [mio("0.1"), mio("3.3"), mio("0.7"), mio("1.9")];
      const chosenSum = amounts.reduce((sum, amount) => sum + amount, 0n); // 6,0
      const frameAmount = mio("20");
      const filler = frameAmount - chosenSum + overTenths * unit; // makes the year exactly overTenths tenths over
      const lines: BalanceLine[] = [
        ...amounts.map((amount, index) => ({ initiativeId: `l${index}`, amounts: [{ year: 2024, amount }] })),
        { initiativeId: "filler", amounts: [{ year: 2024, amount: filler }] },
      ];
      const result = proposeBalance({
        frame: [{ year: 2024, amount: frameAmount }],
        lines,
        strategy: { kind: "REDUCE_PRO_RATA", initiativeIds: ["l0", "l1", "l2", "l3"] },
        precisionDecimals: 1,
      });
      const cut = result.cells.reduce((sum, change) => sum + (change.before - change.after), 0n);
      const expectedCut = overTenths * unit < chosenSum ? overTenths * unit : chosenSum;
      expect(cut).toBe(expectedCut);
      for (const change of result.cells) {
        expect(change.after >= 0n && change.after < change.before).toBe(true);
        expect(change.after % unit).toBe(0n);
      }
      expect(result.unresolved.length).toBe(overTenths * unit > chosenSum ? 1 : 0);
    }
  });
});

describe("proposeBalance: RESERVE", () => {
  test("the reserve absorbs the overage and takes up spare headroom, so every year uses the frame exactly", () => {
    // Proposal with ATMP 2025 5,5 → 6,7: 2024 99,1 (0,9 spare) → reserve 7,6 + 0,9 = 8,5;
    // 2025 100,0 + 1,2 = 101,2 → reserve 6,1 - 1,2 = 4,9; 2026 and 2027 are exactly 100 → unchanged.
    const result = proposeBalance({
      frame,
      lines: linesOf(withAmount(proposal, "atmp", 2025, "6.7")),
      strategy: { kind: "RESERVE", reserveInitiativeId: "reserve" },
      precisionDecimals: 1,
    });
    expect(result.cells).toEqual([cell("reserve", 2024, "7.6", "8.5"), cell("reserve", 2025, "6.1", "4.9")]);
    expect(result.totalsAfter).toEqual([total(2024, "100"), total(2025, "100"), total(2026, "100"), total(2027, "100")]);
    expect(result.unresolved).toEqual([]);
  });

  test("a reserve smaller than the overage goes to zero and the year is reported", () => {
    // ATMP 2025 5,5 → 12,5 puts 2025 7,0 over; the reserve holds 6,1 → 0, leaving 7,0 - 6,1 = 0,9 over.
    const result = proposeBalance({
      frame,
      lines: linesOf(withAmount(proposal, "atmp", 2025, "12.5")),
      strategy: { kind: "RESERVE", reserveInitiativeId: "reserve" },
      precisionDecimals: 1,
    });
    expect(result.cells).toEqual([cell("reserve", 2024, "7.6", "8.5"), cell("reserve", 2025, "6.1", "0")]);
    expect(result.totalsAfter[1]).toEqual(total(2025, "100.9"));
    expect(result.unresolved).toEqual([{ year: 2025, overBy: mio("0.9") }]);
  });

  test("a reserve line without a cell for a year is topped up from 0", () => {
    const result = proposeBalance({
      frame: [{ year: 2024, amount: mio("10") }],
      lines: [
        { initiativeId: "a", amounts: [{ year: 2024, amount: mio("7.5") }] },
        { initiativeId: "r", amounts: [] },
      ],
      strategy: { kind: "RESERVE", reserveInitiativeId: "r" },
      precisionDecimals: 1,
    });
    expect(result.cells).toEqual([cell("r", 2024, "0", "2.5")]);
    expect(result.unresolved).toEqual([]);
  });

  test("spare headroom finer than the precision is left unused rather than breaking precision", () => {
    // 10 - 7,45 = 2,55 spare; at precision 1 the reserve gets 2,5 and 0,05 stays unused.
    const result = proposeBalance({
      frame: [{ year: 2024, amount: mio("10") }],
      lines: [
        { initiativeId: "a", amounts: [{ year: 2024, amount: mio("7.45") }] },
        { initiativeId: "r", amounts: [{ year: 2024, amount: 0n }] },
      ],
      strategy: { kind: "RESERVE", reserveInitiativeId: "r" },
      precisionDecimals: 1,
    });
    expect(result.cells).toEqual([cell("r", 2024, "0", "2.5")]);
    expect(result.totalsAfter[0]?.headroom).toBe(mio("0.05"));
  });
});

describe("proposeBalance: programming-error guards", () => {
  test("refuses a reserve that is not among the lines (the agreement has none)", () => {
    expect(() =>
      proposeBalance({
        frame,
        lines: linesOf(agreement),
        strategy: { kind: "RESERVE", reserveInitiativeId: "reserve" },
        precisionDecimals: 1,
      }),
    ).toThrow("Initiative reserve is not among the scenario's lines");
  });

  test("refuses a line to cut that is not among the lines", () => {
    expect(() =>
      proposeBalance({
        frame,
        lines: linesOf(agreement),
        strategy: { kind: "REDUCE_PRO_RATA", initiativeIds: ["vmk", "ukendt"] },
        precisionDecimals: 1,
      }),
    ).toThrow("Initiative ukendt is not among the scenario's lines");
  });

  test("refuses to cut a line whose amount is finer than the precision (ATMP 6,7 at precision 0)", () => {
    expect(() =>
      proposeBalance({
        frame,
        lines: linesOf(agreementOver),
        strategy: { kind: "REDUCE_PRO_RATA", initiativeIds: ["atmp"] },
        precisionDecimals: 0,
      }),
    ).toThrow(/not a multiple of the precision unit/);
  });

  test("refuses a precision outside 0–8 whole decimals", () => {
    expect(() => precisionUnit(9)).toThrow();
    expect(() => precisionUnit(-1)).toThrow();
    expect(() => precisionUnit(1.5)).toThrow();
  });

  test("precision units: 1 mio. kr. at 0 decimals, 0,1 at 1, one øre at 8", () => {
    expect(precisionUnit(0)).toBe(100_000_000n);
    expect(precisionUnit(1)).toBe(10_000_000n);
    expect(precisionUnit(8)).toBe(1n);
  });
});
