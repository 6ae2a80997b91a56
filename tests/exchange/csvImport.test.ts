/**
 * parseScenarioCsv: files as the exporter writes them and as Excel saves them after editing, and
 * every problem code with its row and column. Expected amounts are literals (mio("3.5") is 3,5 mio. kr.).
 */
import { describe, expect, test } from "vitest";
import { mio, type Oere } from "@ramme/domain";
import {
  parseScenarioCsv,
  scenarioToCsv,
  type ImportProblem,
  type NumberStyle,
  type SheetReading,
} from "@ramme/server/exchange/index.ts";
import { AGREEMENT, AWKWARD, csvText, YEARS } from "./fixtures.ts";

/** The lines of a successful import as key → amounts per year, or a test failure listing the problems. */
function amountsByLine(result: SheetReading): Array<{ initiativeId: string | null; row: number; amounts: Array<[number, Oere]> }> {
  const errors = result.problems.filter((problem) => problem.severity === "ERROR");
  if (errors.length > 0) throw new Error(`expected the file to import, got:\n${errors.map((p) => p.messageEn).join("\n")}`);
  return result.lines.map((line) => ({
    initiativeId: line.key,
    row: line.row,
    amounts: line.cells.map((cell): [number, Oere] => [cell.year, cell.amount]),
  }));
}

function problemsOf(result: SheetReading): ImportProblem[] {
  if (result.problems.length === 0) throw new Error("expected problems, the file imported");
  return result.problems;
}

/** Problems without their messages, for comparing many at once. */
function problemSummary(result: SheetReading): Array<{ row: number; column: string | null; code: string; text?: string }> {
  return problemsOf(result).map(({ row, column, code, text }) => (text === undefined ? { row, column, code } : { row, column, code, text }));
}

const years = YEARS;

describe("round trip: an exported CSV imports as the lines it was made from", () => {
  /** The fixture's lines, each year in the frame order, a missing year as 0 (kli has no 2027). */
  const agreementLines = [
    { initiativeId: "vmk", row: 5, amounts: [[2024, mio("3.5")], [2025, mio("2.5")], [2026, mio("2.5")], [2027, mio("2.5")]] },
    { initiativeId: "kli", row: 6, amounts: [[2024, mio("6.6")], [2025, mio("8")], [2026, mio("1234.5")], [2027, 0n]] },
  ];
  const awkwardLines = [
    { initiativeId: "awk", row: 5, amounts: [[2024, mio("0.1")], [2025, mio("0.3")], [2026, mio("16.8")], [2027, mio("999999.9")]] },
    { initiativeId: "tiny", row: 6, amounts: [[2024, mio("0.05")], [2025, 1n], [2026, mio("0.2")], [2027, 0n]] },
  ];

  for (const numberStyle of ["DANISH", "API"] as const satisfies readonly NumberStyle[]) {
    for (const language of ["da", "en"] as const) {
      test(`${numberStyle} numbers, ${language} labels (byte order mark kept), read with the same style and with AUTO`, () => {
        for (const [scenario, expected] of [[AGREEMENT, agreementLines], [AWKWARD, awkwardLines]] as const) {
          const text = csvText(scenarioToCsv(scenario, { language, numberStyle }).bytes);
          expect(text.startsWith("\uFEFF")).toBe(true);
          expect(amountsByLine(parseScenarioCsv(text, { years, numberStyle }))).toEqual(expected);
          expect(amountsByLine(parseScenarioCsv(text, { years, numberStyle: "AUTO" }))).toEqual(expected);
        }
      });
    }
  }

  test("cells carry their row, header text, key, year and the text as written", () => {
    const text = csvText(scenarioToCsv(AGREEMENT, { language: "da", numberStyle: "DANISH" }).bytes);
    const result = parseScenarioCsv(text, { years, numberStyle: "DANISH" });
    expect(result.problems).toEqual([]);
    expect(result.lines[1]?.key).toBe("kli");
    expect(result.lines[1]?.cells[2]).toEqual({
      row: 6,
      column: "2026",
      columnNumber: 6,
      year: 2026,
      text: "1.234,5",
      amount: mio("1234.5"),
    });
  });
});

describe("files as Excel saves them", () => {
  test("tab delimiter, LF line ends, no byte order mark, trailing empty cells; Danish decimal commas read with AUTO", () => {
    const text = [
      "Scenarie\tAftale 2024\t\t\t\t\t\t",
      "Ramme\tLife science\tMio. kr. (2024-pl)\t\t\t\t\t",
      "\t\t\t\t\t\t\t",
      "Nøgle\tTema\tInitiativ\t2024\t2025\t2026\t2027\tI alt",
      "vmk\tStyrket forskning\tOprette en fjerde\t3,5\t2,5\t2,5\t2,5\t11",
      "kli\tKlinisk\t\"Kliniske forsøg; \"\"nationalt\"\"\"\t6,6\t8\t1.234,5\t-\t1249,1",
      "\t\t\t\t\t\t\t",
      "\t\tI alt\t10,1\t10,5\t1237\t2,5\t1260,1",
      "",
    ].join("\n");
    expect(amountsByLine(parseScenarioCsv(text, { years, numberStyle: "AUTO" }))).toEqual([
      { initiativeId: "vmk", row: 5, amounts: [[2024, mio("3.5")], [2025, mio("2.5")], [2026, mio("2.5")], [2027, mio("2.5")]] },
      { initiativeId: "kli", row: 6, amounts: [[2024, mio("6.6")], [2025, mio("8")], [2026, mio("1234.5")], [2027, 0n]] },
    ]);
  });

  test("tab delimiter with decimal points reads as API numbers with AUTO", () => {
    const text = "Key\tTheme\tInitiative\t2024\t2025\t2026\t2027\tTotal\nvmk\tT\tI\t3.5\t2.5\t-\t0.25\t6.25\n";
    expect(amountsByLine(parseScenarioCsv(text, { years, numberStyle: "AUTO" }))).toEqual([
      { initiativeId: "vmk", row: 2, amounts: [[2024, mio("3.5")], [2025, mio("2.5")], [2026, 0n], [2027, mio("0.25")]] },
    ]);
  });

  test('Danish "1.234,5" and "1.000.000" (the ceiling, allowed) group thousands; the I alt column is not checked', () => {
    const text = "Nøgle;Tema;Initiativ;2024;2025;2026;2027;I alt\r\na;T;I;1.234,5;1.000.000;0,1;-;999\r\n";
    expect(amountsByLine(parseScenarioCsv(text, { years, numberStyle: "DANISH" }))).toEqual([
      { initiativeId: "a", row: 2, amounts: [[2024, mio("1234.5")], [2025, mio("1000000")], [2026, mio("0.1")], [2027, 0n]] },
    ]);
  });

  test("comma delimiter with quoted cells; a header row found below other rows; quoted header cells", () => {
    const text = [
      "Scenario,\"Plan, revised\"",
      "",
      '"Key","Theme","Initiative","2024","2025","2026","2027","Total"',
      'a,"Theme, with comma","Title ""quoted""",1.0,2,3.25,-',
    ].join("\r\n");
    expect(amountsByLine(parseScenarioCsv(text, { years, numberStyle: "AUTO" }))).toEqual([
      { initiativeId: "a", row: 4, amounts: [[2024, mio("1")], [2025, mio("2")], [2026, mio("3.25")], [2027, 0n]] },
    ]);
  });

  test("year columns may come in any order; cells are returned in the frame's year order", () => {
    const text = "Nøgle;2027;2026;Initiativ;2025;2024\na;4;3;I;2;1\n";
    expect(amountsByLine(parseScenarioCsv(text, { years, numberStyle: "DANISH" }))).toEqual([
      { initiativeId: "a", row: 2, amounts: [[2024, mio("1")], [2025, mio("2")], [2026, mio("3")], [2027, mio("4")]] },
    ]);
  });

  test("rows with a key after the first blank row are still lines; the total row is checked, a row without key and amounts is a note", () => {
    const text = ["Nøgle;Tema;Initiativ;2024;2025;2026;2027", "a;;;1;1;1;1", "", "b;;;2;2;2;2", ";;I alt;3;3;3;3", ";;Note"].join("\n");
    expect(amountsByLine(parseScenarioCsv(text, { years, numberStyle: "DANISH" })).map((line) => [line.initiativeId, line.row])).toEqual([
      ["a", 2],
      ["b", 4],
    ]);
  });

  test("a key that the export protected with an apostrophe is read without it; keys are trimmed", () => {
    const text = "Nøgle;2024;2025;2026;2027\n'-x;1;1;1;1\n  y  ;1;1;1;1\n";
    expect(amountsByLine(parseScenarioCsv(text, { years, numberStyle: "DANISH" })).map((line) => line.initiativeId)).toEqual(["-x", "y"]);
  });

  test("a header with no lines imports as no lines", () => {
    expect(parseScenarioCsv("Nøgle;Tema;Initiativ;2024;2025;2026;2027;I alt\r\n", { years, numberStyle: "AUTO" })).toEqual({ lines: [], frame: null, problems: [] });
  });
});

describe("problems", () => {
  test("every cell problem is collected, each with its row and column", () => {
    const text = [
      "Scenarie;X", // 1
      "Ramme;Y;Z", // 2
      "", // 3
      "Nøgle;Tema;Initiativ;2024;2025;2026;2028;I alt", // 4: 2028 is not a frame year, 2027 is missing
      "a;T;I;1,0;abc;5;1;", // 5: 2025 not a number
      "b;T;I;;0,000000001;1;1", // 6: 2024 empty (0), 2025 has 9 decimals
      "a;T;I;-1,0;1.000.000,1;1;1", // 7: duplicate of row 5, 2024 negative, 2025 above the ceiling
      ";T;;1;1;1;1", // 8: neither key nor title
      "c;T;I;1;1;1;1", // 9: fine
      "", // 10
      ";;I alt;1;2;3;4", // 11: the total row, checked: a warning where it differs from the lines' sum
    ].join("\r\n");
    expect(problemSummary(parseScenarioCsv(text, { years, numberStyle: "DANISH" }))).toEqual([
      { row: 4, column: "2028", code: "UNKNOWN_YEAR_COLUMN" },
      { row: 4, column: "2027", code: "MISSING_YEAR_COLUMN" },
      { row: 5, column: "2025", code: "NOT_A_NUMBER", text: "abc" },
      { row: 6, column: "2025", code: "TOO_PRECISE", text: "0,000000001" },
      { row: 7, column: "Nøgle", code: "DUPLICATE_LINE", text: "a" },
      { row: 7, column: "2024", code: "NEGATIVE", text: "-1,0" },
      { row: 7, column: "2025", code: "TOO_LARGE", text: "1.000.000,1" },
      { row: 8, column: "Nøgle", code: "EMPTY_KEY" },
      { row: 11, column: "2024", code: "TOTAL_MISMATCH", text: "1" },
      { row: 11, column: "2025", code: "TOTAL_MISMATCH", text: "2" },
      { row: 11, column: "2026", code: "TOTAL_MISMATCH", text: "3" },
    ]);
    expect(problemsOf(parseScenarioCsv(text, { years, numberStyle: "DANISH" })).filter((problem) => problem.severity === "WARNING").map((problem) => problem.code)).toEqual(["TOTAL_MISMATCH", "TOTAL_MISMATCH", "TOTAL_MISMATCH"]);
  });

  test("messages in Danish and English name the row and column", () => {
    const text = "Nøgle;2024;2025;2026;2027;2030\na;1;x;1;1;1\na;1;1;1;1;1\n";
    const problems = problemsOf(parseScenarioCsv(text, { years, numberStyle: "DANISH" }));
    expect(problems.map((problem) => [problem.message, problem.messageEn])).toEqual([
      [
        "Række 1, kolonne 2030 (F): 2030 er ikke et af rammens år (2024, 2025, 2026, 2027).",
        "Row 1, column 2030 (F): 2030 is not one of the frame's years (2024, 2025, 2026, 2027).",
      ],
      ['Række 2, kolonne 2025 (C): "x" er ikke et beløb i mio. kr.', 'Row 2, column 2025 (C): "x" is not an amount in mio. kr.'],
      ['Række 3, kolonne Nøgle (A): "a" står allerede i række 2.', 'Row 3, column Nøgle (A): "a" is already in row 2.'],
    ]);
  });

  test("API style: parseMio rules, so grouping and decimal commas are not numbers, but '-' is 0", () => {
    const text = 'Key,2024,2025,2026,2027\na,"1,234.5",-,"3,5",1e3\n';
    expect(problemSummary(parseScenarioCsv(text, { years, numberStyle: "API" }))).toEqual([
      { row: 2, column: "2024", code: "NOT_A_NUMBER", text: "1,234.5" },
      { row: 2, column: "2026", code: "NOT_A_NUMBER", text: "3,5" },
      { row: 2, column: "2027", code: "NOT_A_NUMBER", text: "1e3" },
    ]);
  });

  test("API style negative and too large", () => {
    const text = "Key,2024,2025,2026,2027\na,-0.1,1000000.00000001,12345678901234,1000000\n";
    expect(problemSummary(parseScenarioCsv(text, { years, numberStyle: "API" }))).toEqual([
      { row: 2, column: "2024", code: "NEGATIVE", text: "-0.1" },
      { row: 2, column: "2025", code: "TOO_LARGE", text: "1000000.00000001" },
      { row: 2, column: "2026", code: "TOO_LARGE", text: "12345678901234" },
    ]);
  });

  test("a row shorter than the header has empty cells, which are 0", () => {
    const text = "Nøgle;Tema;Initiativ;2024;2025;2026;2027\na;T;I;1;2\n";
    expect(amountsByLine(parseScenarioCsv(text, { years, numberStyle: "DANISH" }))[0]?.amounts).toEqual([[2024, mio("1")], [2025, mio("2")], [2026, 0n], [2027, 0n]]);
  });

  test("NO_HEADER when no row has a key or initiative column beside year columns", () => {
    for (const text of ["", "Scenarie;X\r\nKode;Tema;2024\r\na;b;1\r\n", "Nøgle\r\na\r\n"]) {
      expect(problemsOf(parseScenarioCsv(text, { years, numberStyle: "AUTO" }))).toEqual([
        {
          sheet: null,
          row: 0,
          column: null,
          columnNumber: null,
          code: "NO_HEADER",
          severity: "ERROR",
          message: 'Ingen række har en kolonne "Nøgle" eller "Initiativ" sammen med kolonner for årene (f.eks. 2025).',
          messageEn: 'No row has a "Key" or "Initiative" column together with columns for the years (e.g. 2025).',
        },
      ]);
    }
  });

  test("a year column twice is DUPLICATE_YEAR_COLUMN; the first one is read", () => {
    const text = "Nøgle;2024;2025;2026;2027;2025\na;1;2;3;4;x\n";
    expect(problemSummary(parseScenarioCsv(text, { years, numberStyle: "DANISH" }))).toEqual([
      { row: 1, column: "2025", code: "DUPLICATE_YEAR_COLUMN" },
    ]);
  });

  test("a quoted cell that never ends is MALFORMED_CSV", () => {
    const problems = problemsOf(parseScenarioCsv('Nøgle;2024;2025;2026;2027\na;"1;2;3;4\n', { years, numberStyle: "DANISH" }));
    expect(problems.map(({ code, column }) => ({ code, column }))).toEqual([{ code: "MALFORMED_CSV", column: null }]);
  });
});
