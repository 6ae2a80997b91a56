/**
 * Totals against the frame. Amounts are øre literals (1 mio. kr. = 100_000_000 øre, 0,1 mio. kr. =
 * 10_000_000 øre); every expected figure is hand arithmetic written next to it.
 */
import { describe, expect, test } from "vitest";
import {
  allocatedByYear,
  checkStatedTotal,
  formatDanishAmount,
  frameBreaches,
  frameYearTotals,
  lineTotal,
  parseDanishAmount,
  type LineAmounts,
  type Oere,
} from "@ramme/domain";

/** n tenths of a mio. kr. in øre: tenths(35n) is 3,5 mio. kr. */
const tenths = (n: bigint): Oere => n * 10_000_000n;

function line(...cells: Array<[number, Oere]>): LineAmounts {
  return { amounts: cells.map(([year, amount]) => ({ year, amount })) };
}

const YEARS = [2024, 2025, 2026, 2027] as const;

describe("lineTotal", () => {
  test("adds a line's amounts over all its years (VMK: 3,5 + 2,5 + 2,5 + 2,5 = 11,0)", () => {
    const vmk = line([2024, tenths(35n)], [2025, tenths(25n)], [2026, tenths(25n)], [2027, tenths(25n)]);
    expect(lineTotal(vmk)).toBe(tenths(110n));
  });

  test("a line without cells totals zero", () => {
    expect(lineTotal(line())).toBe(0n);
  });

  test("keeps single øre (0,00000001 + 0,1 = 0,10000001)", () => {
    expect(lineTotal(line([2024, 1n], [2025, tenths(1n)]))).toBe(10_000_001n);
  });
});

describe("allocatedByYear", () => {
  test("sums every line per year", () => {
    const lines = [
      line([2024, tenths(35n)], [2025, tenths(25n)]),
      line([2024, tenths(47n)], [2025, tenths(47n)]),
    ];
    const totals = allocatedByYear(lines, [2024, 2025]);
    // 2024: 3,5 + 4,7 = 8,2; 2025: 2,5 + 4,7 = 7,2
    expect([...totals.entries()]).toEqual([
      [2024, tenths(82n)],
      [2025, tenths(72n)],
    ]);
  });

  test("ignores years outside the list", () => {
    const lines = [line([2023, tenths(50n)], [2024, tenths(10n)], [2028, tenths(70n)])];
    const totals = allocatedByYear(lines, YEARS);
    expect([...totals.keys()]).toEqual([2024, 2025, 2026, 2027]);
    expect(totals.get(2024)).toBe(tenths(10n));
    expect(totals.has(2023)).toBe(false);
    expect(totals.has(2028)).toBe(false);
  });

  test("gives zero for years with no cells", () => {
    const totals = allocatedByYear([line([2025, tenths(5n)])], YEARS);
    expect([...totals.entries()]).toEqual([
      [2024, 0n],
      [2025, tenths(5n)],
      [2026, 0n],
      [2027, 0n],
    ]);
  });

  test("with no lines every year is zero", () => {
    expect([...allocatedByYear([], [2024, 2025]).entries()]).toEqual([
      [2024, 0n],
      [2025, 0n],
    ]);
  });

  test("accepts any iterable of lines (a generator)", () => {
    function* lines(): Generator<LineAmounts> {
      yield line([2024, tenths(1n)]);
      yield line([2024, tenths(2n)]);
    }
    expect(allocatedByYear(lines(), [2024]).get(2024)).toBe(tenths(3n));
  });
});

describe("exactness", () => {
  test("ten lines of 0,1 sum to exactly 1,0 (binary floats give 0.9999999999999999 for this)", () => {
    // In JS floats, adding 0.1 ten times gives 0.9999999999999999; øre in a bigint must give exactly 1.
    const tenLines: LineAmounts[] = [];
    for (let i = 0; i < 10; i++) {
      const parsed = parseDanishAmount("0,1");
      if (!parsed.ok) throw new Error("0,1 must parse");
      tenLines.push(line([2024, parsed.value]));
    }
    const total = allocatedByYear(tenLines, [2024]).get(2024);
    expect(total).toBe(100_000_000n);
    expect(formatDanishAmount(total ?? -1n)).toBe("1,0");
  });

  test("0,1 + 0,2 is exactly 0,3", () => {
    expect(lineTotal(line([2024, tenths(1n)], [2025, tenths(2n)]))).toBe(30_000_000n);
  });
});

describe("frameYearTotals", () => {
  const frame = YEARS.map((year) => ({ year, amount: tenths(1000n) })); // 100 mio. kr. each year

  test("headroom is frame minus allocated, negative when over; overBy and fits follow", () => {
    const allocated = new Map<number, Oere>([
      [2024, tenths(989n)], // 98,9: 1,1 left
      [2025, tenths(1000n)], // exactly 100: fits with 0 left
      [2026, tenths(1011n)], // 101,1: 1,1 over
      [2027, 10_000_000_001n], // 100 mio. kr. + 1 øre: 1 øre over
    ]);
    expect(frameYearTotals(frame, allocated)).toEqual([
      { year: 2024, allocated: tenths(989n), frame: tenths(1000n), headroom: tenths(11n), overBy: 0n, fits: true },
      { year: 2025, allocated: tenths(1000n), frame: tenths(1000n), headroom: 0n, overBy: 0n, fits: true },
      { year: 2026, allocated: tenths(1011n), frame: tenths(1000n), headroom: -tenths(11n), overBy: tenths(11n), fits: false },
      { year: 2027, allocated: 10_000_000_001n, frame: tenths(1000n), headroom: -1n, overBy: 1n, fits: false },
    ]);
  });

  test("a frame year with nothing allocated has the whole frame as headroom", () => {
    const [only] = frameYearTotals([{ year: 2030, amount: tenths(25n) }], new Map());
    expect(only).toEqual({ year: 2030, allocated: 0n, frame: tenths(25n), headroom: tenths(25n), overBy: 0n, fits: true });
  });

  test("keeps the frame's order and ignores allocated years outside the frame", () => {
    const totals = frameYearTotals(
      [
        { year: 2027, amount: tenths(10n) },
        { year: 2024, amount: tenths(10n) },
      ],
      new Map([[2099, tenths(999n)]]),
    );
    expect(totals.map((t) => t.year)).toEqual([2027, 2024]);
    expect(totals.every((t) => t.fits)).toBe(true);
  });
});

describe("frameBreaches", () => {
  test("lists exactly the years over the frame with the amount over", () => {
    const totals = frameYearTotals(
      YEARS.map((year) => ({ year, amount: tenths(1000n) })),
      new Map<number, Oere>([
        [2024, tenths(1003n)], // 0,3 over
        [2025, tenths(999n)],
        [2026, tenths(1000n)],
        [2027, tenths(1200n)], // 20,0 over
      ]),
    );
    expect(frameBreaches(totals)).toEqual([
      { year: 2024, overBy: tenths(3n) },
      { year: 2027, overBy: tenths(200n) },
    ]);
  });

  test("is empty when every year fits", () => {
    const totals = frameYearTotals([{ year: 2024, amount: tenths(1000n) }], new Map([[2024, tenths(1000n)]]));
    expect(frameBreaches(totals)).toEqual([]);
  });
});

describe("checkStatedTotal", () => {
  const hundred = tenths(1000n);

  test("MATCHES when the printed total equals the sum of the lines", () => {
    expect(checkStatedTotal(hundred, hundred)).toEqual({
      stated: hundred,
      computed: hundred,
      difference: 0n,
      explained: 0n,
      unexplained: 0n,
      status: "MATCHES",
    });
  });

  test("EXPLAINED when footnotes account for all of the difference (printed 100, lines 99,1, footnote 0,9)", () => {
    // 100,0 - 99,1 = 0,9; 0,9 - 0,9 = 0
    expect(checkStatedTotal(hundred, tenths(991n), [tenths(9n)])).toEqual({
      stated: hundred,
      computed: tenths(991n),
      difference: tenths(9n),
      explained: tenths(9n),
      unexplained: 0n,
      status: "EXPLAINED",
    });
  });

  test("EXPLAINED by several footnote amounts together (0,4 + 0,5 = 0,9)", () => {
    expect(checkStatedTotal(hundred, tenths(991n), [tenths(4n), tenths(5n)]).status).toBe("EXPLAINED");
  });

  test("PARTLY_EXPLAINED when footnotes account for only part (printed 100, lines 98,9, footnote 0,9)", () => {
    // 100,0 - 98,9 = 1,1; 1,1 - 0,9 = 0,2 unexplained
    expect(checkStatedTotal(hundred, tenths(989n), [tenths(9n)])).toEqual({
      stated: hundred,
      computed: tenths(989n),
      difference: tenths(11n),
      explained: tenths(9n),
      unexplained: tenths(2n),
      status: "PARTLY_EXPLAINED",
    });
  });

  test("UNEXPLAINED when nothing accounts for the difference (printed 100, lines 98,9)", () => {
    expect(checkStatedTotal(hundred, tenths(989n))).toEqual({
      stated: hundred,
      computed: tenths(989n),
      difference: tenths(11n),
      explained: 0n,
      unexplained: tenths(11n),
      status: "UNEXPLAINED",
    });
  });

  test("a printed total below the lines gives a negative difference (printed 100, lines 100,5)", () => {
    const check = checkStatedTotal(hundred, tenths(1005n));
    expect(check.difference).toBe(-tenths(5n));
    expect(check.unexplained).toBe(-tenths(5n));
    expect(check.status).toBe("UNEXPLAINED");
  });

  test("footnote amounts of zero leave a match a match", () => {
    expect(checkStatedTotal(hundred, hundred, [0n]).status).toBe("MATCHES");
  });
});
