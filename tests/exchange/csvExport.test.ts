/**
 * The scenario and comparison CSV files, compared as whole texts with files written out by hand
 * from the fixtures' worked totals (tests/exchange/fixtures.ts).
 */
import { describe, expect, test } from "vitest";
import { mio } from "@ramme/domain";
import {
  buildComparison,
  comparisonToCsv,
  comparisonToCsvPaced,
  scenarioToCsv,
  scenarioToCsvPaced,
  type ScenarioExport,
} from "@ramme/server/exchange/index.ts";
import { AGREEMENT, ALTERNATIVE_A, ALTERNATIVE_B, csvFile, csvText } from "./fixtures.ts";

describe("scenarioToCsv", () => {
  test("Danish labels and numbers: ';' delimiter, '1.234,5', one decimal at least, title with ';' and '\"' quoted", () => {
    const file = scenarioToCsv(AGREEMENT, { language: "da", numberStyle: "DANISH" });
    expect(file.fileName).toBe("aftale-2024.csv");
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    expect(csvText(file.bytes)).toBe(
      csvFile([
        "Scenarie;Aftale 2024",
        "Ramme;Life science;Mio. kr. (2024-pl)",
        "",
        "Nøgle;Tema;Initiativ;2024;2025;2026;2027;I alt",
        'vmk;Styrket forskning;"Oprette en fjerde; ""stor"" satsning";3,5;2,5;2,5;2,5;11,0',
        "kli;Klinisk;Kliniske forsøg, nationalt;6,6;8,0;1.234,5;0,0;1.249,1",
        "",
        ";;I alt;10,1;10,5;1.237,0;2,5;1.260,1",
        ";;Ramme;10,0;20,0;1.300,0;10,0;1.340,0",
        ";;Råderum;-0,1;9,5;63,0;7,5;79,9",
      ]),
    );
  });

  test("English labels and API numbers: ',' delimiter, '1234.5', a title with ',' quoted", () => {
    const file = scenarioToCsv(AGREEMENT, { language: "en", numberStyle: "API" });
    expect(file.fileName).toBe("aftale-2024.csv");
    expect(csvText(file.bytes)).toBe(
      csvFile([
        "Scenario,Aftale 2024",
        "Frame,Life science,Mio. kr. (2024-pl)",
        "",
        "Key,Theme,Initiative,2024,2025,2026,2027,Total",
        'vmk,Styrket forskning,"Oprette en fjerde; ""stor"" satsning",3.5,2.5,2.5,2.5,11.0',
        'kli,Klinisk,"Kliniske forsøg, nationalt",6.6,8.0,1234.5,0.0,1249.1',
        "",
        ",,Total,10.1,10.5,1237.0,2.5,1260.1",
        ",,Frame,10.0,20.0,1300.0,10.0,1340.0",
        ",,Headroom,-0.1,9.5,63.0,7.5,79.9",
      ]),
    );
  });

  test("labels and number style are independent: Danish labels with API numbers", () => {
    const text = csvText(scenarioToCsv(AGREEMENT, { language: "da", numberStyle: "API" }).bytes);
    const rows = text.split("\r\n");
    expect(rows[3]).toBe("Nøgle,Tema,Initiativ,2024,2025,2026,2027,I alt");
    expect(rows[9]).toBe(",,Råderum,-0.1,9.5,63.0,7.5,79.9");
  });

  test("English labels with Danish numbers", () => {
    const rows = csvText(scenarioToCsv(AGREEMENT, { language: "en", numberStyle: "DANISH" }).bytes).split("\r\n");
    expect(rows[3]).toBe("Key;Theme;Initiative;2024;2025;2026;2027;Total");
    expect(rows[8]).toBe(";;Frame;10,0;20,0;1.300,0;10,0;1.340,0");
  });

  test("the file starts with the UTF-8 byte order mark and æ/ø/å are UTF-8", () => {
    const bytes = scenarioToCsv(AGREEMENT, { language: "da", numberStyle: "DANISH" }).bytes;
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // "Nøgle" begins row 4; "ø" is C3 B8 in UTF-8.
    const text = csvText(bytes);
    const offset = new TextEncoder().encode(text.slice(0, text.indexOf("Nøgle"))).length;
    expect([...bytes.slice(offset, offset + 6)]).toEqual([0x4e, 0xc3, 0xb8, 0x67, 0x6c, 0x65]);
  });

  test("more decimals than one are written in full, never rounded", () => {
    const precise: ScenarioExport = {
      ...AGREEMENT,
      frame: [],
      lines: [{ key: "p", theme: "T", title: "P", amounts: [{ year: 2024, amount: mio("0.05") }, { year: 2025, amount: 1n }] }],
    };
    const rows = csvText(scenarioToCsv(precise, { language: "da", numberStyle: "DANISH" }).bytes).split("\r\n");
    // 0,05 + 0,00000001 = 0,05000001; with no frame the headroom is minus the allocation.
    expect(rows[4]).toBe("p;T;P;0,05;0,00000001;0,0;0,0;0,05000001");
    expect(rows[8]).toBe(";;Råderum;-0,05;-0,00000001;0,0;0,0;-0,05000001");
    const apiRows = csvText(scenarioToCsv(precise, { language: "en", numberStyle: "API" }).bytes).split("\r\n");
    expect(apiRows[4]).toBe("p,T,P,0.05,0.00000001,0.0,0.0,0.05000001");
  });

  test("text that Excel would run as a formula gets a leading apostrophe; negative amounts stay numbers", () => {
    const risky: ScenarioExport = {
      ...AGREEMENT,
      scenarioName: "=HYPERLINK(\"x\")",
      lines: [{ key: "r", theme: "+tema", title: "-minus @at", amounts: [] }],
    };
    const rows = csvText(scenarioToCsv(risky, { language: "da", numberStyle: "DANISH" }).bytes).split("\r\n");
    expect(rows[0]).toBe('\uFEFFScenarie;"\'=HYPERLINK(""x"")"');
    expect(rows[4]).toBe("r;'+tema;'-minus @at;0,0;0,0;0,0;0,0;0,0");
    // With no lines the headroom is the whole frame.
    expect(rows[8]).toBe(";;Råderum;10,0;20,0;1.300,0;10,0;1.340,0");
  });

  test("file names are ASCII slugs of the scenario's current name, with a fallback", () => {
    const named = (scenarioName: string, language: "da" | "en") =>
      scenarioToCsv({ ...AGREEMENT, scenarioName }, { language, numberStyle: "DANISH" }).fileName;
    expect(named("Grøn Ø-pulje 2025", "da")).toBe("groen-oe-pulje-2025.csv");
    expect(named("Ændring/Årsag", "da")).toBe("aendring-aarsag.csv");
    expect(named("???", "da")).toBe("scenarie.csv");
    expect(named("???", "en")).toBe("scenario.csv");
  });
});

describe("comparisonToCsv", () => {
  const comparison = buildComparison(AGREEMENT, [ALTERNATIVE_A, ALTERNATIVE_B]);

  test("Danish: base columns, then per other scenario amount and difference per year, totals, status", () => {
    const file = comparisonToCsv(comparison, { language: "da", numberStyle: "DANISH" });
    expect(file.fileName).toBe("sammenligning-aftale-2024.csv");
    const otherHeader = "2024;Forskel 2024;2025;Forskel 2025;2026;Forskel 2026;2027;Forskel 2027;I alt;Forskel i alt;Status";
    expect(csvText(file.bytes)).toBe(
      csvFile([
        "Sammenligning",
        "Ramme;Life science;Mio. kr. (2024-pl)",
        "Basis;Aftale 2024",
        "Sammenlignet med;Alternativ A;Alternativ B",
        "",
        ";;;Aftale 2024;;;;;Alternativ A;;;;;;;;;;;Alternativ B",
        `Nøgle;Tema;Initiativ;2024;2025;2026;2027;I alt;${otherHeader};${otherHeader}`,
        'vmk;Styrket forskning;"Oprette en fjerde; ""stor"" satsning";3,5;2,5;2,5;2,5;11,0;' +
          "3,5;0,0;3,0;0,5;2,5;0,0;2,5;0,0;11,5;0,5;Ændret;" +
          "3,5;0,0;2,5;0,0;2,5;0,0;2,5;0,0;11,0;0,0;Uændret",
        "kli;Klinisk;Kliniske forsøg, nationalt;6,6;8,0;1.234,5;0,0;1.249,1;" +
          ";-6,6;;-8,0;;-1.234,5;;0,0;;-1.249,1;Fjernet;" +
          "6,6;0,0;8,0;0,0;1.234,5;0,0;0,0;0,0;1.249,1;0,0;Uændret",
        "ny;Ny;Nyt initiativ;;;;;;" +
          "1,0;1,0;1,0;1,0;1,0;1,0;1,0;1,0;4,0;4,0;Tilføjet;" +
          ";0,0;;0,0;;0,0;;0,0;;0,0;Uændret",
        "",
        ";;I alt;10,1;10,5;1.237,0;2,5;1.260,1;" +
          "4,5;-5,6;4,0;-6,5;3,5;-1.233,5;3,5;1,0;15,5;-1.244,6;;" +
          "10,1;0,0;10,5;0,0;1.237,0;0,0;2,5;0,0;1.260,1;0,0",
        ";;Ramme;10,0;20,0;1.300,0;10,0;1.340,0;" +
          "10,0;0,0;20,0;0,0;1.300,0;0,0;10,0;0,0;1.340,0;0,0;;" +
          "10,0;0,0;20,0;0,0;1.300,0;0,0;10,0;0,0;1.340,0;0,0",
        ";;Råderum;-0,1;9,5;63,0;7,5;79,9;" +
          "5,5;5,6;16,0;6,5;1.296,5;1.233,5;6,5;-1,0;1.324,5;1.244,6;;" +
          "-0,1;0,0;9,5;0,0;63,0;0,0;7,5;0,0;79,9;0,0",
      ]),
    );
  });

  test("English labels and API numbers", () => {
    const file = comparisonToCsv(buildComparison(AGREEMENT, [ALTERNATIVE_A]), { language: "en", numberStyle: "API" });
    expect(file.fileName).toBe("comparison-aftale-2024.csv");
    expect(csvText(file.bytes)).toBe(
      csvFile([
        "Comparison",
        "Frame,Life science,Mio. kr. (2024-pl)",
        "Base,Aftale 2024",
        "Compared with,Alternativ A",
        "",
        ",,,Aftale 2024,,,,,Alternativ A",
        "Key,Theme,Initiative,2024,2025,2026,2027,Total," +
          "2024,Difference 2024,2025,Difference 2025,2026,Difference 2026,2027,Difference 2027,Total,Difference total,Status",
        'vmk,Styrket forskning,"Oprette en fjerde; ""stor"" satsning",3.5,2.5,2.5,2.5,11.0,' +
          "3.5,0.0,3.0,0.5,2.5,0.0,2.5,0.0,11.5,0.5,Changed",
        'kli,Klinisk,"Kliniske forsøg, nationalt",6.6,8.0,1234.5,0.0,1249.1,' +
          ",-6.6,,-8.0,,-1234.5,,0.0,,-1249.1,Removed",
        "ny,Ny,Nyt initiativ,,,,,,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,4.0,4.0,Added",
        "",
        ",,Total,10.1,10.5,1237.0,2.5,1260.1,4.5,-5.6,4.0,-6.5,3.5,-1233.5,3.5,1.0,15.5,-1244.6",
        ",,Frame,10.0,20.0,1300.0,10.0,1340.0,10.0,0.0,20.0,0.0,1300.0,0.0,10.0,0.0,1340.0,0.0",
        ",,Headroom,-0.1,9.5,63.0,7.5,79.9,5.5,5.6,16.0,6.5,1296.5,1233.5,6.5,-1.0,1324.5,1244.6",
      ]),
    );
  });
});

describe("the file written in parts, taking turns on the event loop (issue 15)", () => {
  // 1,200 copies of the agreement's first line (the one whose title needs quoting): more than two parts of 500 rows.
  const first = AGREEMENT.lines[0]!;
  const large: ScenarioExport = { ...AGREEMENT, lines: Array.from({ length: 1_200 }, (_, index) => ({ ...first, key: `vmk-${index}` })) };

  test("a scenario over several parts is one CSV: one byte order mark, every line once and in order, quoted as in one part", async () => {
    const paced = await scenarioToCsvPaced(large, { language: "da", numberStyle: "DANISH" });
    const text = csvText(paced.bytes);
    expect(text.startsWith("\uFEFFScenarie;Aftale 2024\r\n")).toBe(true);
    expect(text.match(/\uFEFF/g)).toHaveLength(1);
    const lineRows = text.split("\r\n").filter((row) => row.startsWith("vmk-"));
    expect(lineRows).toEqual(large.lines.map((line) => `${line.key};Styrket forskning;"Oprette en fjerde; ""stor"" satsning";3,5;2,5;2,5;2,5;11,0`));
    expect(text.endsWith("\r\n")).toBe(true);
    expect(paced.fileName).toBe("aftale-2024.csv");
    expect(Buffer.from(paced.bytes).equals(Buffer.from(scenarioToCsv(large, { language: "da", numberStyle: "DANISH" }).bytes))).toBe(true);
  });

  test("a comparison written in parts has the same bytes as written at once", async () => {
    const data = buildComparison(large, [{ ...large, scenarioName: "Alternativ", scenarioKey: "alt", lines: large.lines.slice(100) }]);
    const paced = await comparisonToCsvPaced(data, { language: "en", numberStyle: "API" });
    const whole = comparisonToCsv(data, { language: "en", numberStyle: "API" });
    expect(paced.fileName).toBe(whole.fileName);
    expect(Buffer.from(paced.bytes).equals(Buffer.from(whole.bytes))).toBe(true);
  });
});
