/**
 * buildComparison: lines matched by key, each other scenario's amounts and differences to the base
 * per year, and a status per other scenario. Expected values are the fixtures' hand-worked figures.
 */
import { describe, expect, test } from "vitest";
import { mio, type YearAmount } from "@ramme/domain";
import { buildComparison } from "@ramme/server/exchange/index.ts";
import { AGREEMENT, ALTERNATIVE_A, ALTERNATIVE_B } from "./fixtures.ts";

function perYear(...amounts: string[]): YearAmount[] {
  return amounts.map((amount, index) => ({ year: 2024 + index, amount: mio(amount) }));
}

describe("buildComparison", () => {
  const comparison = buildComparison(AGREEMENT, [ALTERNATIVE_A, ALTERNATIVE_B]);

  test("takes the frame, unit and years from the base", () => {
    expect(comparison.frameName).toBe("Life science");
    expect(comparison.unit).toBe("Mio. kr. (2024-pl)");
    expect(comparison.years).toEqual([2024, 2025, 2026, 2027]);
    expect(comparison.base).toBe(AGREEMENT);
    expect(comparison.others).toEqual([ALTERNATIVE_A, ALTERNATIVE_B]);
  });

  test("lists the base's lines first, then lines only the others have", () => {
    expect(comparison.lines.map((line) => line.key)).toEqual(["vmk", "kli", "ny"]);
  });

  test("a changed line: amounts, differences per year, CHANGED / UNCHANGED per other", () => {
    const [vmk] = comparison.lines;
    expect(vmk).toEqual({
      key: "vmk",
      theme: "Styrket forskning",
      title: 'Oprette en fjerde; "stor" satsning',
      base: perYear("3.5", "2.5", "2.5", "2.5"),
      others: [
        {
          scenarioKey: "alternativ-a",
          amounts: perYear("3.5", "3", "2.5", "2.5"),
          differences: perYear("0", "0.5", "0", "0"),
          status: "CHANGED",
        },
        {
          scenarioKey: "alternativ-b",
          amounts: perYear("3.5", "2.5", "2.5", "2.5"),
          differences: perYear("0", "0", "0", "0"),
          status: "UNCHANGED",
        },
      ],
    });
  });

  test("a removed line: no amounts, the base's amounts negated as differences; a missing year is 0", () => {
    const kli = comparison.lines[1];
    expect(kli?.base).toEqual(perYear("6.6", "8", "1234.5", "0"));
    expect(kli?.others[0]).toEqual({
      scenarioKey: "alternativ-a",
      amounts: null,
      differences: perYear("-6.6", "-8", "-1234.5", "0"),
      status: "REMOVED",
    });
    expect(kli?.others[1]?.status).toBe("UNCHANGED");
  });

  test("an added line: no base, its amounts as differences; UNCHANGED where neither scenario has it", () => {
    const ny = comparison.lines[2];
    expect(ny?.base).toBeNull();
    expect(ny?.title).toBe("Nyt initiativ");
    expect(ny?.others).toEqual([
      { scenarioKey: "alternativ-a", amounts: perYear("1", "1", "1", "1"), differences: perYear("1", "1", "1", "1"), status: "ADDED" },
      { scenarioKey: "alternativ-b", amounts: null, differences: perYear("0", "0", "0", "0"), status: "UNCHANGED" },
    ]);
  });

  test("an explicit 0 and a missing year are the same amount", () => {
    const withZero = {
      ...AGREEMENT,
      scenarioKey: "nul",
      lines: AGREEMENT.lines.map((line) =>
        line.key === "kli" ? { ...line, amounts: [...line.amounts, { year: 2027, amount: 0n }] } : line,
      ),
    };
    const [, kli] = buildComparison(AGREEMENT, [withZero]).lines;
    expect(kli?.others[0]?.status).toBe("UNCHANGED");
  });
});
