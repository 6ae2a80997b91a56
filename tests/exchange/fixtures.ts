/**
 * Small scenarios whose every total is worked out by hand in the comments, so the tests compare
 * the files with literals, never with figures the code under test computed.
 */
import { mio } from "@ramme/domain";
import type { ScenarioExport } from "@ramme/server/exchange/index.ts";

export const YEARS = [2024, 2025, 2026, 2027] as const;

/** A title with both a ";" and a '"', which a CSV writer must quote (and double the '"'). */
export const AWKWARD_TITLE = 'Oprette en fjerde; "stor" satsning';

/**
 * Frame 10 / 20 / 1.300 / 10 (total 1.340).
 * vmk: 3,5 + 2,5 + 2,5 + 2,5 = 11,0
 * kli: 6,6 + 8,0 + 1.234,5 + (no 2027 amount → 0) = 1.249,1
 * Allocated: 10,1 / 10,5 / 1.237,0 / 2,5 (total 1.260,1)
 * Headroom: 10 − 10,1 = −0,1 (over the frame) / 9,5 / 63,0 / 7,5 (total 79,9 = 1.340 − 1.260,1)
 */
export const AGREEMENT: ScenarioExport = {
  scenarioName: "Aftale 2024",
  scenarioKey: "aftale-2024",
  frameName: "Life science",
  unit: "Mio. kr. (2024-pl)",
  years: YEARS,
  frame: [
    { year: 2024, amount: mio("10") },
    { year: 2025, amount: mio("20") },
    { year: 2026, amount: mio("1300") },
    { year: 2027, amount: mio("10") },
  ],
  lines: [
    {
      key: "vmk",
      theme: "Styrket forskning",
      title: AWKWARD_TITLE,
      amounts: [
        { year: 2024, amount: mio("3.5") },
        { year: 2025, amount: mio("2.5") },
        { year: 2026, amount: mio("2.5") },
        { year: 2027, amount: mio("2.5") },
      ],
    },
    {
      key: "kli",
      theme: "Klinisk",
      title: "Kliniske forsøg, nationalt",
      amounts: [
        { year: 2024, amount: mio("6.6") },
        { year: 2025, amount: mio("8") },
        { year: 2026, amount: mio("1234.5") },
      ],
    },
  ],
};

/**
 * Against AGREEMENT: vmk 2025 raised from 2,5 to 3,0; kli removed; "ny" added with 1,0 a year.
 * vmk: 3,5 + 3,0 + 2,5 + 2,5 = 11,5 (difference 0,5)
 * Allocated: 4,5 / 4,0 / 3,5 / 3,5 (total 15,5); differences −5,6 / −6,5 / −1.233,5 / 1,0 (total −1.244,6)
 * Headroom: 5,5 / 16,0 / 1.296,5 / 6,5 (total 1.324,5); differences 5,6 / 6,5 / 1.233,5 / −1,0 (total 1.244,6)
 */
export const ALTERNATIVE_A: ScenarioExport = {
  ...AGREEMENT,
  scenarioName: "Alternativ A",
  scenarioKey: "alternativ-a",
  lines: [
    {
      key: "vmk",
      theme: "Styrket forskning",
      title: AWKWARD_TITLE,
      amounts: [
        { year: 2024, amount: mio("3.5") },
        { year: 2025, amount: mio("3") },
        { year: 2026, amount: mio("2.5") },
        { year: 2027, amount: mio("2.5") },
      ],
    },
    {
      key: "ny",
      theme: "Ny",
      title: "Nyt initiativ",
      amounts: YEARS.map((year) => ({ year, amount: mio("1") })),
    },
  ],
};

/** The same lines as AGREEMENT: every line UNCHANGED, and "ny" (in neither) UNCHANGED with no amounts. */
export const ALTERNATIVE_B: ScenarioExport = {
  ...AGREEMENT,
  scenarioName: "Alternativ B",
  scenarioKey: "alternativ-b",
};

/**
 * Amounts a binary float cannot hold exactly (0,1, 0,3, 16,8) or that are near the ceiling
 * (999.999,9), and 0,05 and 1 øre (0,00000001), which need more than one decimal.
 * awk: 0,1 + 0,3 + 16,8 + 999.999,9 = 1.000.017,1
 * tiny: 0,05 + 0,00000001 + 0,2 + 0 = 0,25000001
 * Allocated: 0,15 / 0,30000001 / 17,0 / 999.999,9 (total 1.000.017,35000001)
 * Frame 1.000.000 a year (total 4.000.000); headroom 999.999,85 / 999.999,69999999 / 999.983,0 / 0,1
 * (total 2.999.982,64999999)
 */
export const AWKWARD: ScenarioExport = {
  scenarioName: "Skæve beløb",
  scenarioKey: "skaeve-beloeb",
  frameName: "Life science",
  unit: "Mio. kr. (2024-pl)",
  years: YEARS,
  frame: YEARS.map((year) => ({ year, amount: mio("1000000") })),
  lines: [
    {
      key: "awk",
      theme: "Tema",
      title: "Skæve beløb",
      amounts: [
        { year: 2024, amount: mio("0.1") },
        { year: 2025, amount: mio("0.3") },
        { year: 2026, amount: mio("16.8") },
        { year: 2027, amount: mio("999999.9") },
      ],
    },
    {
      key: "tiny",
      theme: "Tema",
      title: "Små beløb",
      amounts: [
        { year: 2024, amount: mio("0.05") },
        { year: 2025, amount: 1n },
        { year: 2026, amount: mio("0.2") },
        { year: 2027, amount: 0n },
      ],
    },
  ],
};

/** The text of an exported CSV with its byte order mark kept (TextDecoder drops it by default). */
export function csvText(bytes: Uint8Array): string {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
}

/** CSV rows as written: a byte order mark first, CRLF after every row. */
export function csvFile(rows: readonly string[]): string {
  return `\uFEFF${rows.map((row) => `${row}\r\n`).join("")}`;
}
