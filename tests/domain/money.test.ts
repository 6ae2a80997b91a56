/**
 * Exact money in øre (bigint). 1 mio. kr. = 100_000_000 øre, so 0,1 mio. kr. = 10_000_000 øre and
 * 1 øre = 0,00000001 mio. kr. Every expected value below is a literal worked out by hand from that.
 */
import { describe, expect, test } from "vitest";
import {
  AMOUNT_CEILING,
  checkAllocationAmount,
  decimalsOf,
  formatMio,
  MAX_MIO_DECIMALS,
  mio,
  OERE_PER_MIO,
  parseMio,
  sumOere,
  type AmountErrorCode,
  type Oere,
} from "@ramme/domain";

/** The value of a successful parse, or a test failure naming the input. */
function parsedValue(input: string): Oere {
  const result = parseMio(input);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(input)} to parse, got ${result.error.code}`);
  return result.value;
}

function parseError(input: string): { code: AmountErrorCode; input: string; maxDecimals?: number } {
  const result = parseMio(input);
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused, got ${result.value}`);
  return result.error;
}

describe("units", () => {
  test("one mio. kr. is 100,000,000 øre and øre can hold 8 decimals of a mio. kr.", () => {
    expect(OERE_PER_MIO).toBe(100_000_000n);
    expect(MAX_MIO_DECIMALS).toBe(8);
  });

  test("the amount ceiling is 1,000,000 mio. kr. (a trillion kroner) in øre", () => {
    // 1_000_000 mio. kr. * 100_000_000 øre = 100_000_000_000_000 øre.
    expect(AMOUNT_CEILING).toBe(100_000_000_000_000n);
  });
});

describe("parseMio: canonical API notation", () => {
  test.each([
    ["98.9", 9_890_000_000n],
    ["100", 10_000_000_000n],
    ["0.1", 10_000_000n],
    ["-1.1", -110_000_000n],
    ["00012.50", 1_250_000_000n],
    ["0", 0n],
    ["3.55", 355_000_000n],
    ["0.00000001", 1n],
    ["0.12345678", 12_345_678n],
    ["1000000", 100_000_000_000_000n],
    ["9999999999999", 999_999_999_999_900_000_000n],
    ["000000000000000012", 1_200_000_000n],
  ])("reads %j as %d øre", (input, expected) => {
    expect(parsedValue(input)).toBe(expected);
  });

  test("ignores surrounding whitespace", () => {
    expect(parsedValue("  98.9\t")).toBe(9_890_000_000n);
  });

  test("minus zero is zero", () => {
    expect(parsedValue("-0.0")).toBe(0n);
  });

  test.each(["", " ", "\t\n  "])("refuses blank input %j as EMPTY", (input) => {
    expect(parseError(input)).toEqual({ code: "EMPTY", input });
  });

  test.each([
    "abc",
    "1e400",
    "1e5",
    "NaN",
    "Infinity",
    "-Infinity",
    "3,5",
    "1.2.3",
    "+3",
    "-",
    ".5",
    "5.",
    "1 000",
    "1_000",
    "0x10",
    "--1",
    "12a",
  ])("refuses %j as NOT_A_NUMBER", (input) => {
    expect(parseError(input)).toEqual({ code: "NOT_A_NUMBER", input });
  });

  test("refuses more than 8 decimals as TOO_PRECISE and says how many are allowed", () => {
    expect(parseError("0.123456789")).toEqual({ code: "TOO_PRECISE", input: "0.123456789", maxDecimals: 8 });
  });

  test("refuses a 9th decimal even when it is zero (the text is not exact to 8 decimals as written)", () => {
    expect(parseError("1.000000000").code).toBe("TOO_PRECISE");
  });

  test.each(["10000000000000", "100000000000000000000", "-99999999999999999999999999.5"])(
    "refuses the absurdly large %j as TOO_LARGE",
    (input) => {
      expect(parseError(input)).toEqual({ code: "TOO_LARGE", input });
    },
  );

  test("keeps the input exactly as given in the error", () => {
    expect(parseError(" 3,5 ").input).toBe(" 3,5 ");
  });
});

describe("formatMio", () => {
  test.each([
    [9_890_000_000n, "98.9"],
    [10_000_000_000n, "100"],
    [10_000_000n, "0.1"],
    [-110_000_000n, "-1.1"],
    [-5_000_000n, "-0.05"],
    [1n, "0.00000001"],
    [-1n, "-0.00000001"],
    [0n, "0"],
    [100_000_000_000_000n, "1000000"],
  ])("writes %d øre as %j", (amount, expected) => {
    expect(formatMio(amount)).toBe(expected);
  });

  test.each([
    ["12.50", "12.5"],
    ["100.000", "100"],
    ["00012.50", "12.5"],
    ["3.10000000", "3.1"],
  ])("drops trailing zeros and leading zeros: %j is written %j", (input, expected) => {
    expect(formatMio(parsedValue(input))).toBe(expected);
  });

  test.each(["98.9", "100", "0.1", "-1.1", "0.00000001", "-0.05", "123456.78901234", "0"])(
    "round-trips the canonical text %j",
    (text) => {
      expect(formatMio(parsedValue(text))).toBe(text);
    },
  );
});

describe("decimalsOf", () => {
  test.each([
    [10_000_000_000n, 0],
    [0n, 0],
    [9_890_000_000n, 1],
    [-110_000_000n, 1],
    [355_000_000n, 2],
    [1n, 8],
    [12_345_678n, 8],
  ])("%d øre needs %d decimals of mio. kr.", (amount, expected) => {
    expect(decimalsOf(amount)).toBe(expected);
  });
});

describe("checkAllocationAmount", () => {
  const lifeScience = { maxDecimals: 1 };

  test("accepts an amount within the precision and ceiling (3,5 at 1 decimal)", () => {
    expect(checkAllocationAmount(350_000_000n, lifeScience)).toBeNull();
  });

  test("accepts zero", () => {
    expect(checkAllocationAmount(0n, lifeScience)).toBeNull();
  });

  test("refuses a negative amount as NEGATIVE", () => {
    expect(checkAllocationAmount(-100_000_000n, lifeScience)).toEqual({ code: "NEGATIVE", input: "-1" });
  });

  test("NEGATIVE wins over TOO_PRECISE for -3.55", () => {
    expect(checkAllocationAmount(-355_000_000n, lifeScience)?.code).toBe("NEGATIVE");
  });

  test("refuses 3.55 for a frame with 1 decimal as TOO_PRECISE and names the frame's precision", () => {
    expect(checkAllocationAmount(355_000_000n, lifeScience)).toEqual({
      code: "TOO_PRECISE",
      input: "3.55",
      maxDecimals: 1,
    });
  });

  test("accepts 3.55 for a frame with 2 decimals", () => {
    expect(checkAllocationAmount(355_000_000n, { maxDecimals: 2 })).toBeNull();
  });

  test("accepts exactly the default ceiling of 1,000,000 mio. kr.", () => {
    expect(checkAllocationAmount(100_000_000_000_000n, lifeScience)).toBeNull();
  });

  test("refuses 1,000,000.1 mio. kr. as over the default ceiling", () => {
    // 1_000_000.1 mio. kr. = 100_000_000_000_000 + 10_000_000 øre.
    expect(checkAllocationAmount(100_000_010_000_000n, lifeScience)).toEqual({
      code: "TOO_LARGE",
      input: "1000000.1",
    });
  });

  test("uses a given ceiling: 100.1 is over a ceiling of 100 mio. kr., 100 is not", () => {
    const rules = { maxDecimals: 1, ceiling: 10_000_000_000n };
    expect(checkAllocationAmount(10_010_000_000n, rules)?.code).toBe("TOO_LARGE");
    expect(checkAllocationAmount(10_000_000_000n, rules)).toBeNull();
  });

  test("reports the input text the caller passes", () => {
    expect(checkAllocationAmount(355_000_000n, lifeScience, "3,55")?.input).toBe("3,55");
  });
});

describe("sumOere and mio", () => {
  test("sums exactly, and an empty sum is zero", () => {
    expect(sumOere([350_000_000n, 250_000_000n, -100_000_000n])).toBe(500_000_000n);
    expect(sumOere([])).toBe(0n);
  });

  test("mio reads canonical text and throws on anything else", () => {
    expect(mio("6.5")).toBe(650_000_000n);
    expect(() => mio("6,5")).toThrow(/Not a canonical/);
  });
});
