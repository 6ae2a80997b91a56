import { describe, expect, it } from "vitest";
import { resolutionOf, validResolutions, type Choice } from "../../client/src/features/merge/resolutions.ts";

describe("merge resolutions: mine, theirs or a typed value, as the API takes them", () => {
  it("sends a side as it is and a typed Danish amount in the API's notation", () => {
    expect(resolutionOf("vmk", 2024, { take: "SOURCE" }, 1)).toEqual({ ok: true, input: { initiativeId: "vmk", year: 2024, take: "SOURCE" } });
    expect(resolutionOf("vmk", 2024, { take: "VALUE", text: "1.234,5" }, 1)).toEqual({ ok: true, input: { initiativeId: "vmk", year: 2024, take: "VALUE", amount: "1234.5" } });
    expect(resolutionOf("vmk", 2024, { take: "VALUE", text: "-" }, 1)).toEqual({ ok: true, input: { initiativeId: "vmk", year: 2024, take: "VALUE", amount: "0" } });
  });

  it("refuses a typed amount the grid would refuse, with the grid's reason", () => {
    const code = (text: string) => {
      const result = resolutionOf("vmk", 2024, { take: "VALUE", text }, 1);
      return result.ok ? "ok" : result.error.code;
    };
    expect(code("7,55")).toBe("TOO_PRECISE");
    expect(code("-1")).toBe("NEGATIVE");
    expect(code("tre")).toBe("NOT_A_NUMBER");
    expect(code("")).toBe("EMPTY");
  });

  it("keeps only the valid choices, in a stable order", () => {
    const choices = new Map<string, Choice>([
      ["vmk:2025", { take: "VALUE", text: "7,55" }],
      ["vmk:2024", { take: "TARGET" }],
      ["atmp:2024", { take: "VALUE", text: "7,5" }],
    ]);
    expect(validResolutions(choices, 1)).toEqual([
      { initiativeId: "atmp", year: 2024, take: "VALUE", amount: "7.5" },
      { initiativeId: "vmk", year: 2024, take: "TARGET" },
    ]);
  });
});
