/**
 * Danish amounts as people type and paste them, tested rule by rule against the rules documented at the
 * top of domain/src/danishNumbers.ts. Expected values are øre literals (1 mio. kr. = 100_000_000 øre).
 */
import { describe, expect, test } from "vitest";
import { formatDanishAmount, parseDanishAmount, type AmountErrorCode, type Oere } from "@ramme/domain";

function parsedValue(input: string): Oere {
  const result = parseDanishAmount(input);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(input)} to parse, got ${result.error.code}`);
  return result.value;
}

function parseErrorCode(input: string): AmountErrorCode {
  const result = parseDanishAmount(input);
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused, got ${result.value}`);
  expect(result.error.input).toBe(input);
  return result.error.code;
}

const NBSP = "\u00a0";
const NARROW_NBSP = "\u202f";

describe("parseDanishAmount", () => {
  describe("rule: surrounding spaces are ignored; spaces inside are digit grouping", () => {
    test.each([
      [" 3,5 ", 350_000_000n],
      [`${NBSP}3,5${NBSP}`, 350_000_000n],
      ["1 234,5", 123_450_000_000n],
      [`1${NBSP}234,5`, 123_450_000_000n],
      [`1${NARROW_NBSP}234,5`, 123_450_000_000n],
      ["1 234 567", 123_456_700_000_000n],
    ])("%j is %d øre", (input, expected) => {
      expect(parsedValue(input)).toBe(expected);
    });

    // Digit grouping groups thousands: as with "." and "," ("12,34,5" and "1.23.456" are refused), a group
    // after a grouping space must have three digits. Otherwise a typo such as "3 5" (meant: 3,5) silently
    // becomes 35 mio. kr.
    test.each(["12 34,5", "3 5"])("%j is refused: a group after a space must have three digits", (input) => {
      expect(parseErrorCode(input)).toBe("NOT_A_NUMBER");
    });
  });

  describe("rule: a lone dash is zero, as the documents' tables print it", () => {
    test.each([
      ["-", "hyphen"],
      ["\u2013", "en dash"],
      ["\u2014", "em dash"],
      ["\u2212", "minus sign"],
      [" - ", "hyphen with spaces around"],
    ])("%j (%s) is zero", (input) => {
      expect(parsedValue(input)).toBe(0n);
    });
  });

  describe("a leading minus makes the amount negative", () => {
    test.each([
      ["-3,5", -350_000_000n],
      ["\u22123,5", -350_000_000n],
      ["-1.234,5", -123_450_000_000n],
    ])("%j is %d øre", (input, expected) => {
      expect(parsedValue(input)).toBe(expected);
    });

    test("a doubled minus is refused", () => {
      expect(parseErrorCode("--3")).toBe("NOT_A_NUMBER");
    });
  });

  describe("rule: with both . and , the last one is the decimal separator, the other groups thousands", () => {
    test.each([
      ["1.234,5", 123_450_000_000n],
      ["1,234.5", 123_450_000_000n],
      ["1.234.567,89", 123_456_789_000_000n],
      ["1,234,567.89", 123_456_789_000_000n],
    ])("%j is %d øre", (input, expected) => {
      expect(parsedValue(input)).toBe(expected);
    });

    test.each(["1.234,5.6", "1,234.5,6", "1.23,5", "1,2345.6"])(
      "%j is refused (separator after the decimal part, or a group that is not three digits)",
      (input) => {
        expect(parseErrorCode(input)).toBe("NOT_A_NUMBER");
      },
    );
  });

  describe("rule: one kind of separator appearing once is the decimal separator", () => {
    test.each([
      ["3,5", 350_000_000n],
      ["3.5", 350_000_000n],
      ["0,1", 10_000_000n],
      ["100,0", 10_000_000_000n],
      ["3,55", 355_000_000n],
      // Three digits after a zero or a whole part that cannot be a thousands group: plainly decimals.
      ["0,125", 12_500_000n],
      ["0.125", 12_500_000n],
      ["1234,567", 123_456_700_000n],
      ["1234.567", 123_456_700_000n],
    ])("%j is %d øre", (input, expected) => {
      expect(parsedValue(input)).toBe(expected);
    });

    // The grid shows two thousand as "2.000,0"; typing "2.000" back once stored 2,0 (a thousand times less),
    // and an English "1,000" stored 1,0. A lone separator before three digits is read neither way.
    test.each(["2.000", "1,000", "1.234", "1,234", "-2.000", "999,999", "1 000.500", "2 000,000"])(
      "%j is AMBIGUOUS: it groups thousands in one notation and marks decimals in the other",
      (input) => {
        expect(parseErrorCode(input)).toBe("AMBIGUOUS");
      },
    );

    test.each([
      ["2.000,0", 200_000_000_000n],
      ["2000", 200_000_000_000n],
      ["2 000", 200_000_000_000n],
      ["2.000.000", 200_000_000_000_000n],
      ["2,0", 200_000_000n],
    ])("the unambiguous ways to write it are read: %j is %d øre", (input, expected) => {
      expect(parsedValue(input)).toBe(expected);
    });
  });

  describe("rule: one kind appearing several times groups thousands; every later group has three digits", () => {
    test.each([
      ["1.234.567", 123_456_700_000_000n],
      ["1,234,567", 123_456_700_000_000n],
      ["12.345.678", 1_234_567_800_000_000n],
    ])("%j is %d øre", (input, expected) => {
      expect(parsedValue(input)).toBe(expected);
    });

    test.each(["12,34,5", "1.23.456", "1.2345.678", "1..234"])("%j is refused", (input) => {
      expect(parseErrorCode(input)).toBe("NOT_A_NUMBER");
    });
  });

  describe("refusals", () => {
    test.each(["", "   ", `${NBSP}`])("blank %j is EMPTY", (input) => {
      expect(parseErrorCode(input)).toBe("EMPTY");
    });

    test.each(["abc", "1e5", ",5", ".5", "5,", "5.", "3,5 mio.", "kr. 3", ",", "1,2x", "NaN", "Infinity"])(
      "%j is NOT_A_NUMBER",
      (input) => {
        expect(parseErrorCode(input)).toBe("NOT_A_NUMBER");
      },
    );

    test("more than 8 decimals is TOO_PRECISE (øre cannot hold it)", () => {
      expect(parseErrorCode("0,123456789")).toBe("TOO_PRECISE");
    });

    test("8 decimals is exactly one øre per last digit", () => {
      expect(parsedValue("0,00000001")).toBe(1n);
    });

    test("an absurdly large amount is TOO_LARGE", () => {
      expect(parseErrorCode("12.345.678.901.234")).toBe("TOO_LARGE");
    });
  });
});

describe("formatDanishAmount", () => {
  test.each([
    [123_450_000_000n, "1.234,5"],
    [10_000_000_000n, "100,0"],
    [-110_000_000n, "-1,1"],
    [-123_450_000_000n, "-1.234,5"],
    [0n, "0,0"],
    [10_000_000n, "0,1"],
    [123_456_789_000_000_000n, "1.234.567.890,0"],
    [99_999_900_000_000n, "999.999,0"],
  ])("writes %d øre as %j (grouping with '.', one decimal by default)", (amount, expected) => {
    expect(formatDanishAmount(amount)).toBe(expected);
  });

  test("never rounds: 3,55 is shown as 3,55 although the default shows one decimal", () => {
    expect(formatDanishAmount(355_000_000n)).toBe("3,55");
  });

  test("never rounds: one øre is shown with all 8 decimals", () => {
    expect(formatDanishAmount(1n)).toBe("0,00000001");
  });

  test("shows zero as a dash when asked, and only zero", () => {
    expect(formatDanishAmount(0n, { zeroAsDash: true })).toBe("-");
    expect(formatDanishAmount(10_000_000n, { zeroAsDash: true })).toBe("0,1");
  });

  test("minDecimals pads with zeros up to the given count", () => {
    expect(formatDanishAmount(350_000_000n, { minDecimals: 2 })).toBe("3,50");
    expect(formatDanishAmount(10_000_000_000n, { minDecimals: 0 })).toBe("100");
    expect(formatDanishAmount(10_000_000_000n, { minDecimals: 3 })).toBe("100,000");
    expect(formatDanishAmount(0n, { minDecimals: 0 })).toBe("0");
  });

  test("minDecimals does not cut decimals the amount needs", () => {
    expect(formatDanishAmount(355_000_000n, { minDecimals: 0 })).toBe("3,55");
  });

  test("grouping can be switched off", () => {
    expect(formatDanishAmount(123_450_000_000n, { grouping: false })).toBe("1234,5");
  });

  test.each([
    ["1.234,5", 123_450_000_000n],
    ["-1,1", -110_000_000n],
    ["3,55", 355_000_000n],
    ["100,0", 10_000_000_000n],
  ])("what it writes parses back: %j is %d øre", (text, amount) => {
    expect(formatDanishAmount(amount)).toBe(text);
    expect(parsedValue(text)).toBe(amount);
  });
});
