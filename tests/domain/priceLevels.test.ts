/**
 * Price levels. An index is kept in ten-thousandths (103,2 → 1_032_000), an amount in øre
 * (1 mio. kr. = 100_000_000 øre). Every expected value is worked out by hand in the comment beside it.
 */
import { describe, expect, test } from "vitest";
import {
  allocatedByYear,
  convertAmount,
  convertsExactly,
  convertYearAmounts,
  formatIndexValue,
  frameYearTotals,
  mio,
  parseIndexValue,
  priceLevelLabel,
  priceLevelYear,
  priceRatio,
  type IndexErrorCode,
} from "@ramme/domain";

const indexOf = (text: string) => {
  const parsed = parseIndexValue(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.error.code}`);
  return parsed.value;
};
const refusal = (text: string): IndexErrorCode | undefined => {
  const parsed = parseIndexValue(text);
  return parsed.ok ? undefined : parsed.error.code;
};

describe("parsing an index value", () => {
  test("Danish and dot decimals, grouping as for amounts", () => {
    expect(indexOf("100")).toBe(1_000_000n);
    expect(indexOf("103,2")).toBe(1_032_000n);
    expect(indexOf("103.2")).toBe(1_032_000n);
    expect(indexOf(" 98,75 ")).toBe(987_500n);
    expect(indexOf("1.003,25")).toBe(10_032_500n);
    expect(indexOf("0,0001")).toBe(1n);
    expect(indexOf("9.999,9999")).toBe(99_999_999n);
  });

  test("refuses what is not a positive index with at most four decimals", () => {
    expect(refusal("")).toBe("EMPTY");
    expect(refusal("abc")).toBe("NOT_A_NUMBER");
    expect(refusal("1e3")).toBe("NOT_A_NUMBER");
    expect(refusal("0")).toBe("NOT_POSITIVE");
    expect(refusal("0,00")).toBe("NOT_POSITIVE");
    expect(refusal("-")).toBe("NOT_POSITIVE");
    expect(refusal("-103,2")).toBe("NOT_POSITIVE");
    expect(refusal("103,21234")).toBe("TOO_PRECISE");
    expect(refusal("103,123456789")).toBe("TOO_PRECISE");
    expect(refusal("10000")).toBe("TOO_LARGE");
    const precise = parseIndexValue("1,23456");
    expect(precise).toEqual({ ok: false, error: { code: "TOO_PRECISE", input: "1,23456", maxDecimals: 4 } });
  });

  test("the canonical text has no trailing zeros and keeps every decimal", () => {
    expect(formatIndexValue(1_000_000n)).toBe("100");
    expect(formatIndexValue(1_032_000n)).toBe("103.2");
    expect(formatIndexValue(1_032_000n, ",")).toBe("103,2");
    expect(formatIndexValue(1_032_567n)).toBe("103.2567");
    expect(formatIndexValue(1n)).toBe("0.0001");
    for (const text of ["100", "103.2", "98.75", "0.0001", "1003.25"]) expect(formatIndexValue(indexOf(text))).toBe(text);
  });

  test("labels", () => {
    expect(priceLevelLabel(2026)).toBe("2026-pl");
    expect(priceLevelYear("2024-pl")).toBe(2024);
    expect(priceLevelYear("løbende priser")).toBeNull();
  });
});

describe("converting an amount", () => {
  test("the ratio is index(Y)/index(base) in lowest terms", () => {
    // 103,2 / 100 = 1032/1000 = 129/125.
    expect(priceRatio(1_000_000n, 1_032_000n)).toEqual({ numerator: 129n, denominator: 125n });
    // 100,5 / 100 = 201/200.
    expect(priceRatio(1_000_000n, 1_005_000n)).toEqual({ numerator: 201n, denominator: 200n });
    expect(priceRatio(1_000_000n, 1_000_000n)).toEqual({ numerator: 1n, denominator: 1n });
  });

  test("2025 = 103,2: 3,5 mio. kr. becomes 3,612 and the frame's 100 becomes 103,2, exactly", () => {
    const ratio = priceRatio(1_000_000n, 1_032_000n);
    // 350,000,000 øre × 129 / 125 = 361,200,000 øre = 3,612 mio. kr.
    expect(convertAmount(mio("3.5"), ratio)).toBe(361_200_000n);
    expect(convertAmount(mio("100"), ratio)).toBe(10_320_000_000n);
    expect(convertsExactly(mio("3.5"), ratio)).toBe(true);
  });

  test("rounds once to whole øre, half away from zero", () => {
    // 100,5 / 100 = 201/200: 100 øre → 100,5 → 101; 300 øre → 301,5 → 302; 99 øre → 99,495 → 99.
    const ratio = priceRatio(1_000_000n, 1_005_000n);
    expect(convertAmount(100n, ratio)).toBe(101n);
    expect(convertAmount(-100n, ratio)).toBe(-101n);
    expect(convertAmount(300n, ratio)).toBe(302n);
    expect(convertAmount(99n, ratio)).toBe(99n);
    expect(convertsExactly(100n, ratio)).toBe(false);
    expect(convertsExactly(200n, ratio)).toBe(true);
    // 103,2567 / 100: 50 øre → 51,62835 → 52; 123 øre → 127,005741 → 127; 3,5 mio. → 361,398,450 øre exactly.
    const fine = priceRatio(1_000_000n, 1_032_567n);
    expect(convertAmount(50n, fine)).toBe(52n);
    expect(convertAmount(123n, fine)).toBe(127n);
    expect(convertAmount(mio("3.5"), fine)).toBe(361_398_450n);
    // Below the base: 98,75 / 100 = 79/80; 1 øre → 0,9875 → 1; 2 øre → 1,975 → 2; 40 øre → 39,5 → 40.
    const lower = priceRatio(1_000_000n, 987_500n);
    expect(lower).toEqual({ numerator: 79n, denominator: 80n });
    expect(convertAmount(40n, lower)).toBe(40n);
    expect(convertAmount(mio("2"), lower)).toBe(197_500_000n);
  });

  test("the base level gives back exactly the stored amounts", () => {
    const identity = priceRatio(1_032_000n, 1_032_000n);
    for (const amount of [0n, 1n, -1n, mio("3.5"), mio("98.9"), 123_456_789_012n]) expect(convertAmount(amount, identity)).toBe(amount);
  });

  test("converting a converted figure back need not give the original, which is why only stored amounts are converted", () => {
    // 3 øre at 1/2 → 1,5 → 2 øre; 2 øre back at 2/1 → 4 øre, not 3.
    const half = { numerator: 1n, denominator: 2n };
    const double = { numerator: 2n, denominator: 1n };
    expect(convertAmount(convertAmount(3n, half), double)).toBe(4n);
  });
});

describe("a converted table adds up", () => {
  test("lines are converted one by one and the totals are their sums, the frame converted the same way", () => {
    // Two lines of 100 øre (2025) and 3 øre (2026) at 100,5/100 = 201/200: 100 → 100,5 → 101; 3 → 3,015 → 3.
    // The 2025 total is 101 + 101 = 202 øre, the sum of what is shown (converting the stored total 200 would give 201).
    const ratio = priceRatio(1_000_000n, 1_005_000n);
    const lines = [
      { amounts: convertYearAmounts([{ year: 2025, amount: 100n }, { year: 2026, amount: 3n }], ratio) },
      { amounts: convertYearAmounts([{ year: 2025, amount: 100n }, { year: 2026, amount: 3n }], ratio) },
    ];
    expect(lines[0]!.amounts).toEqual([{ year: 2025, amount: 101n }, { year: 2026, amount: 3n }]);
    const allocated = allocatedByYear(lines, [2025, 2026]);
    expect(allocated.get(2025)).toBe(202n);
    expect(allocated.get(2026)).toBe(6n);
    const frame = convertYearAmounts([{ year: 2025, amount: 200n }, { year: 2026, amount: 10n }], ratio);
    // Frame 200 øre → 201; 10 øre → 10,05 → 10. Headroom 201 − 202 = −1 øre: the rounding shows, it is not hidden.
    expect(frameYearTotals(frame, allocated)).toEqual([
      { year: 2025, allocated: 202n, frame: 201n, headroom: -1n, overBy: 1n, fits: false },
      { year: 2026, allocated: 6n, frame: 10n, headroom: 4n, overBy: 0n, fits: true },
    ]);
  });
});
