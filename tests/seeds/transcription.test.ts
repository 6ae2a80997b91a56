/**
 * The seed files (seeds/*.json, seeds/tables/*.json) are faithful to the documents in
 * ../shared/seed-documents/. The document comparisons parse the raw document text here, independently of
 * the seeds and of the app; the hand-checked figures are literals from reading the documents.
 *
 * Amounts: n tenths of a mio. kr. = n * 10_000_000 øre (see tenths()).
 */
import { describe, expect, test } from "vitest";
import { parseDanishAmount, type Oere } from "@ramme/domain";
import {
  DOCUMENT_FILE_NAMES,
  DOCUMENT_FILES,
  documentContains,
  documentsDir,
  haveDocuments,
  joinWrappedLines,
  normaliseDocument,
  occursIn,
  parseAgreementTable,
  parseProposalTable,
  readDocument,
  readSeed,
  seedJsonFiles,
  splitMarkers,
  type Agreement,
  type AllocationTable,
  type Initiative,
  type PrintedRow,
  type Source,
  type StatedAmount,
} from "./seedFiles.ts";

const NO_DOCUMENTS = haveDocuments ? "" : ` [SKIPPED: the seed documents are not at ${documentsDir}]`;
if (!haveDocuments) console.warn(`Seed documents not found at ${documentsDir}; document comparisons are skipped.`);

const tenths = (n: bigint): Oere => n * 10_000_000n;

function amount(printed: string): Oere {
  const parsed = parseDanishAmount(printed);
  if (!parsed.ok) throw new Error(`seed amount ${JSON.stringify(printed)} does not parse: ${parsed.error.code}`);
  return parsed.value;
}

const proposal = readSeed<AllocationTable>("tables/1-government-proposal-2024.json");
const agreementTable = readSeed<AllocationTable>("tables/2-agreement-2024.json");
const agreement = readSeed<Agreement>("agreement-2024.json");
const initiatives = readSeed<Initiative[]>("initiatives.json");
const themes = readSeed<Array<{ id: string }>>("themes.json");
const frame = readSeed<{ years: Array<{ year: number; amount: string }>; source: Source }>("frame.json");

/** A table's lines flattened in printed order, with their heading. */
function seedRows(table: AllocationTable): PrintedRow[] {
  return table.groups.flatMap((group) =>
    group.lines.map((line) => ({
      heading: group.printedHeading,
      title: line.printedTitle,
      cells: line.amounts,
      markers: line.footnoteMarkers ?? [],
    })),
  );
}

function allLines(table: AllocationTable) {
  return table.groups.flatMap((group) => group.lines);
}

/** Sum per year (2024..2027) of a table's printed cells. */
function columnSums(table: AllocationTable): Oere[] {
  const sums = [0n, 0n, 0n, 0n];
  for (const line of allLines(table)) {
    expect(line.amounts).toHaveLength(4);
    line.amounts.forEach((cell, i) => (sums[i] = (sums[i] ?? 0n) + amount(cell)));
  }
  return sums;
}

const YEARS = [2024, 2025, 2026, 2027];

/** The agreement table's amount in `year` for the sum of the given initiatives' lines. */
function agreementAmount(initiativeIds: readonly string[], year: number): Oere {
  const column = agreementTable.years.indexOf(year);
  if (column < 0) throw new Error(`year ${year} is not a column of Tabel 1`);
  let total = 0n;
  for (const id of initiativeIds) {
    const line = allLines(agreementTable).find((l) => l.initiativeId === id);
    if (!line) throw new Error(`no line for ${id} in Tabel 1`);
    total += amount(line.amounts[column] ?? "missing");
  }
  return total;
}

// =========================================================================================================
// 1. The allocation tables against the documents

describe.skipIf(!haveDocuments)(`the government proposal's table (000, "Økonomi")${NO_DOCUMENTS}`, () => {
  const printed = () => parseProposalTable(readDocument(DOCUMENT_FILES.strategy2024));

  test("the document's table has the unit, years and 20 rows this test expects (parser sanity)", () => {
    const table = printed();
    expect(table.header).toEqual(["Mio. kr. (2024-niveau)", "2024", "2025", "2026", "2027"]);
    expect(table.rows).toHaveLength(20);
  });

  test("every row of the document is in the seed, in order, under the same heading, with the same four cells", () => {
    expect(seedRows(proposal)).toEqual(printed().rows);
  });

  test("the seed has the document's unit and years", () => {
    expect(proposal.unit).toBe("Mio. kr. (2024-niveau)");
    expect(proposal.years).toEqual([2024, 2025, 2026, 2027]);
  });

  test('the printed "I alt" row is 100** / 100 / 100 / 100 and the seed keeps it as printed with the marker apart', () => {
    const total = printed().total;
    expect(total).toEqual(["100**", "100", "100", "100"]);
    const fromDocument = total.map((cell, i) => {
      const [text, markers] = splitMarkers(cell);
      return markers.length > 0
        ? { year: YEARS[i], printed: text, footnoteMarkers: markers }
        : { year: YEARS[i], printed: text };
    });
    expect(proposal.statedTotals).toEqual(fromDocument);
  });

  test("both footnotes are in the seed verbatim", () => {
    const footnotes = printed().footnotes;
    expect(footnotes.map((f) => f.marker)).toEqual(["*", "**"]);
    expect(proposal.footnotes).toEqual(footnotes);
  });
});

describe.skipIf(!haveDocuments)(`the agreement's Tabel 1 (004)${NO_DOCUMENTS}`, () => {
  const printed = () => parseAgreementTable(readDocument(DOCUMENT_FILES.agreement2024));

  test("the document's table has the years and 25 rows this test expects (parser sanity)", () => {
    const table = printed();
    expect(table.header).toEqual(["Initiativ", "2024", "2025", "2026", "2027"]);
    expect(table.rows).toHaveLength(25);
  });

  test("wrapped titles are joined: hyphenation dropped, a hyphen after a capital kept", () => {
    expect(joinWrappedLines(["Oprette en fjerde Videnskabsetisk Medi-", "cinsk Komité"])).toBe(
      "Oprette en fjerde Videnskabsetisk Medicinsk Komité",
    );
    expect(joinWrappedLines(["Markedsføring og konference under EU-", "formandskabet"])).toBe(
      "Markedsføring og konference under EU-formandskabet",
    );
  });

  test("every row of the document is in the seed, in order, under the same heading, with the same four cells", () => {
    expect(seedRows(agreementTable)).toEqual(printed().rows);
  });

  test('the printed "I alt" row is 100 in every year, as in the seed', () => {
    expect(printed().total).toEqual(["100", "100", "100", "100"]);
    expect(agreementTable.statedTotals).toEqual(YEARS.map((year) => ({ year, printed: "100" })));
  });

  test("the table has no footnotes, and the seed none", () => {
    expect(printed().footnotes).toEqual([]);
    expect(agreementTable.footnotes).toEqual([]);
  });
});

// =========================================================================================================
// 2. Hand-checked figures (literals from reading the documents)

describe("hand-checked figures", () => {
  test("the frame is 100 mio. kr. in each of 2024-2027", () => {
    expect(frame.years.map((y) => y.year)).toEqual([2024, 2025, 2026, 2027]);
    for (const year of frame.years) expect(amount(year.amount)).toBe(10_000_000_000n);
  });

  test.skipIf(!haveDocuments)(`paragraph 51 of the agreement states the frame: 100 mio. kr. årligt i 2024-2027${NO_DOCUMENTS}`, () => {
    expect(
      documentContains(
        DOCUMENT_FILES.agreement2024,
        "51. Med aftalen udmøntes reserven til life science strategien på samlet set 100 mio. kr. årligt i 2024-2027",
      ),
    ).toBe(true);
  });

  test("the proposal's lines sum to 99,1 / 100,0 / 100,0 / 100,0", () => {
    expect(columnSums(proposal)).toEqual([tenths(991n), tenths(1000n), tenths(1000n), tenths(1000n)]);
  });

  test("the agreement's lines sum to 98,9 / 100,0 / 100,0 / 100,0", () => {
    expect(columnSums(agreementTable)).toEqual([tenths(989n), tenths(1000n), tenths(1000n), tenths(1000n)]);
  });

  test("the proposal has 20 lines, one of them the reserve 7,6 / 6,1 / 7,3 / 6,8", () => {
    const lines = allLines(proposal);
    expect(lines).toHaveLength(20);
    const reserves = lines.filter((line) => line.initiativeId === "reserve");
    expect(reserves).toHaveLength(1);
    expect(reserves[0]?.printedTitle).toBe("Reserve til yderligere initiativer");
    expect(reserves[0]?.amounts.map(amount)).toEqual([tenths(76n), tenths(61n), tenths(73n), tenths(68n)]);
    expect(initiatives.find((i) => i.id === "reserve")?.isReserve).toBe(true);
  });

  test("the agreement has 25 lines and no reserve", () => {
    const lines = allLines(agreementTable);
    expect(lines).toHaveLength(25);
    const reserveIds = new Set(initiatives.filter((i) => i.isReserve).map((i) => i.id));
    expect(lines.filter((line) => reserveIds.has(line.initiativeId) || /reserve/i.test(line.printedTitle))).toEqual([]);
  });

  test("the proposal's footnote ** explains 0,9 of 2024 (printed 100 = lines 99,1 + 0,9 bridge financing)", () => {
    const outside = readSeed<Array<{ amount: string; explainsStatedTotal?: { tableId: string; footnoteMarker: string } }>>(
      "outside-frame.json",
    );
    const explaining = outside.filter(
      (o) => o.explainsStatedTotal?.tableId === "government-proposal-2024" && o.explainsStatedTotal.footnoteMarker === "**",
    );
    expect(explaining.map((o) => amount(o.amount))).toEqual([tenths(9n)]);
  });
});

// =========================================================================================================
// 3. The agreement's text against its table

const statedWithinFrame = agreement.statedAmounts.filter((s) => s.withinFrame && s.initiativeIds.length > 0);

function yearsOf(stated: StatedAmount): number[] {
  const years: number[] = [];
  for (let year = stated.fromYear; year <= stated.toYear; year++) years.push(year);
  return years;
}

describe("the agreement's stated amounts against Tabel 1", () => {
  test("the stated amounts within the frame name one initiative, or two for paragraphs 25 and 34", () => {
    const twoIds = statedWithinFrame.filter((s) => s.initiativeIds.length !== 1);
    expect(twoIds.map((s) => [s.paragraph, s.initiativeIds])).toEqual([
      [25, ["industriparker", "one-stop-shop"]],
      [34, ["bilateralt-myndighedssamarbejde", "sundhedsdiplomater"]],
    ]);
  });

  test.skipIf(!haveDocuments)(`each stated amount's quote is in the agreement and contains the amount${NO_DOCUMENTS}`, () => {
    for (const stated of agreement.statedAmounts) {
      expect(documentContains(DOCUMENT_FILES.agreement2024, stated.quote), stated.id).toBe(true);
      expect(stated.quote, stated.id).toContain(`${stated.amount} mio.`);
    }
  });

  // Amounts stated for a sub-line (subLineId set: "Heraf ..." in §14, the two parts of §31) state part of a
  // row, so they are compared with that sub-line, not with the whole row.
  const rowStatements = statedWithinFrame.filter((s) => s.subLineId === null);
  const subLineStatements = statedWithinFrame.filter((s) => s.subLineId !== null);

  test.each(rowStatements.map((s) => [s.id, s.basis, s.amount, s.fromYear, s.toYear, s] as const))(
    "%s (%s %s mio. kr., %d-%d) agrees with the table's line(s)",
    (_id, _basis, _amount, _from, _to, stated) => {
      const said = amount(stated.amount);
      if (stated.basis === "per-year") {
        for (const year of yearsOf(stated)) expect(agreementAmount(stated.initiativeIds, year), `${year}`).toBe(said);
      } else {
        const sum = yearsOf(stated).reduce((acc, year) => acc + agreementAmount(stated.initiativeIds, year), 0n);
        expect(sum).toBe(said);
      }
    },
  );

  test.each(subLineStatements.map((s) => [s.id, s.subLineId, s.amount, s.fromYear, s.toYear, s] as const))(
    "%s agrees with its sub-line %s (%s mio. kr., %d-%d)",
    (_id, _subLineId, _amount, _from, _to, stated) => {
      const subLine = agreement.subLines.find((l) => l.id === stated.subLineId);
      expect(subLine?.initiativeId).toBe(stated.initiativeIds[0]);
      const cell = (year: number) => amount(subLine?.amounts[String(year)] ?? "missing");
      const said = amount(stated.amount);
      if (stated.basis === "per-year") for (const year of yearsOf(stated)) expect(cell(year), `${year}`).toBe(said);
      else expect(yearsOf(stated).reduce((acc, year) => acc + cell(year), 0n)).toBe(said);
    },
  );

  test("an 'of which' sub-line never exceeds its row (sundhed.dk 0,5 of tillid 2,5)", () => {
    for (const subLine of agreement.subLines.filter((l) => l.kind === "of-which")) {
      for (const year of YEARS) {
        expect(amount(subLine.amounts[String(year)] ?? "missing")).toBeLessThanOrEqual(
          agreementAmount([subLine.initiativeId], year),
        );
      }
    }
  });

  /*
   * Years where Tabel 1 has money that no amount stated in the text covers. Checked by hand, row by row,
   * against the paragraphs of 004 (paragraph: what the text says):
   *   vmk §10 3,5 (2024) + 2,5 årligt 2025-27 | klinisk-forskning-analyse §10 1 (2024)
   *   gebyrreduktion §10 2 årligt 2025-2027   | trial-nation §11 4,7 årligt 2025-2027 ONLY -> 2024 uncovered
   *   sundhedsdata-vision §12 6,1 (2024), 7,5 (2025) | sundhedsdata-tillid §14 2,5 årligt 2025-2027
   *   kunstig-intelligens §15 1 (2024), 2,5 årligt 2026-27 | digitale-sundhedsloesninger §19 1 (2024)
   *   vaerdibaseret-indkoeb §19 5,6 (2024)   | brugersamarbejde §19 0,1 (2024)
   *   arbejdskraftfrigoerende §19 2,5 årligt 2026-27 | alternative-prismodeller §21 i alt 1 i 2024-25
   *   atmp §21 6 (2024), 5,5 (2025), 7 årligt 2026-27 | industriparker + one-stop-shop §25 53 i 2024-2027
   *   elitesommerskole §29 0,5 (2024), 3,5 årligt 2025-27 | life-science-ude-i-landet §31 i alt 7,2 i 2024-27
   *   bilateralt + sundhedsdiplomater §34 i alt 36,8 årligt 2024-27 | healthcare-denmark §35 4,3 (2024), 7,5 2025-27
   *   eu-indsats §38 2 årligt 2024-27        | byspildevand §41 0,5 (2025), 1 (2026); 2027 prints "0", 2024 "-"
   *   hma-ema §42 3,7 årligt 2024-27         | eu-formandskab §43 i alt 2,8 i 2024
   *   life-science-enheder §44 6,0 i 2024-26, 6,5 i 2027
   * So the only year with money the text does not state is Trial Nation 2024.
   */
  test("the only table money the text does not state is Trial Nation in 2024", () => {
    const uncovered: Array<{ initiativeId: string; year: number }> = [];
    for (const line of allLines(agreementTable)) {
      agreementTable.years.forEach((year, column) => {
        if (amount(line.amounts[column] ?? "missing") === 0n) return;
        const covered = statedWithinFrame.some(
          (s) => s.initiativeIds.includes(line.initiativeId) && s.fromYear <= year && year <= s.toYear,
        );
        if (!covered) uncovered.push({ initiativeId: line.initiativeId, year });
      });
    }
    expect(uncovered).toEqual([{ initiativeId: "trial-nation", year: 2024 }]);
  });

  test.skipIf(!haveDocuments)(`§11 states Trial Nation's 4,7 mio. kr. årligt for 2025-2027 only${NO_DOCUMENTS}`, () => {
    expect(
      documentContains(
        DOCUMENT_FILES.agreement2024,
        "videreføre det statslige tilskud på 4,7 mio. kr. årligt til Trial Nation i 2025-2027.",
      ),
    ).toBe(true);
    expect(agreementAmount(["trial-nation"], 2024)).toBe(tenths(47n));
  });

  describe("Life science ude i landet (§31)", () => {
    test.skipIf(!haveDocuments)(`the text says i alt 7,2 mio. kr. i perioden 2024-27${NO_DOCUMENTS}`, () => {
      expect(documentContains(DOCUMENT_FILES.agreement2024, "afsætte i alt 7,2 mio. kr. i perioden 2024-27")).toBe(true);
    });

    test("the line is 2,0 / 1,1 / 1,8 / 2,3, which sums to the stated 7,2 (20 + 11 + 18 + 23 = 72 tenths)", () => {
      const line = YEARS.map((year) => agreementAmount(["life-science-ude-i-landet"], year));
      expect(line).toEqual([tenths(20n), tenths(11n), tenths(18n), tenths(23n)]);
      expect(line.reduce((a, b) => a + b, 0n)).toBe(tenths(72n));
      const stated = agreement.statedAmounts.find((s) => s.id === "p31-a");
      expect(stated && [stated.amount, stated.basis, stated.fromYear, stated.toYear]).toEqual(["7,2", "period-total", 2024, 2027]);
    });

    test("its two parts add up to the table row in each year (- + 2 = 2,0; 1,1 + - = 1,1; 1,5 + 0,3 = 1,8; 1,5 + 0,8 = 2,3)", () => {
      const parts = agreement.subLines.filter((l) => l.initiativeId === "life-science-ude-i-landet");
      expect(parts.map((p) => p.kind)).toEqual(["part", "part"]);
      for (const year of YEARS) {
        const sum = parts.reduce((acc, part) => acc + amount(part.amounts[String(year)] ?? "missing"), 0n);
        expect(sum, `${year}`).toBe(agreementAmount(["life-science-ude-i-landet"], year));
      }
      expect(parts.map((p) => YEARS.map((y) => amount(p.amounts[String(y)] ?? "missing")))).toEqual([
        [0n, tenths(11n), tenths(15n), tenths(15n)],
        [tenths(20n), 0n, tenths(3n), tenths(8n)],
      ]);
    });
  });
});

// =========================================================================================================
// 4. Seed integrity

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Found {
  file: string;
  path: string;
  value: Json;
}

/** Every value under `key` anywhere in every seed file. */
function findKey(key: string): Found[] {
  const found: Found[] = [];
  const walk = (file: string, value: Json, at: string): void => {
    if (Array.isArray(value)) value.forEach((item, i) => walk(file, item, `${at}[${i}]`));
    else if (value !== null && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        if (k === key) found.push({ file, path: `${at}.${k}`, value: v });
        walk(file, v, `${at}.${k}`);
      }
    }
  };
  for (const file of seedJsonFiles()) walk(file, readSeed<Json>(file), "");
  return found;
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return value !== null && value !== undefined && typeof value === "object" && !Array.isArray(value);
}

describe("seed integrity", () => {
  test("every initiativeId referenced anywhere exists in initiatives.json", () => {
    const known = new Set(initiatives.map((i) => i.id));
    const referenced = [
      ...findKey("initiativeId").map((f) => ({ ...f, id: f.value })),
      ...findKey("initiativeIds").flatMap((f) => (Array.isArray(f.value) ? f.value : [f.value]).map((id) => ({ ...f, id }))),
    ];
    expect(referenced.length).toBeGreaterThan(100);
    expect(referenced.filter((r) => typeof r.id !== "string" || !known.has(r.id)).map((r) => `${r.file}${r.path}`)).toEqual([]);
  });

  test("every themeId exists in themes.json (null only where a chapter has no theme)", () => {
    const known = new Set(themes.map((t) => t.id));
    const bad = findKey("themeId").filter((f) => !(typeof f.value === "string" && known.has(f.value)));
    // Chapters IX (implementation) and X (the agreement's nature) of the agreement are not themes.
    expect(bad.map((f) => [f.file + f.path, f.value])).toEqual([
      ["agreement-2024.json.chapters[8].themeId", null],
      ["agreement-2024.json.chapters[9].themeId", null],
    ]);
  });

  test("every line of both tables is the initiative's own theme, and every initiative is a line of a table with its title", () => {
    const tables = [proposal, agreementTable];
    for (const table of tables) {
      for (const group of table.groups) {
        for (const line of group.lines) {
          expect(initiatives.find((i) => i.id === line.initiativeId)?.themeId, line.initiativeId).toBe(group.themeId);
        }
      }
    }
    for (const initiative of initiatives) {
      const titles = tables.flatMap((t) => allLines(t)).filter((l) => l.initiativeId === initiative.id).map((l) => l.printedTitle);
      expect(titles, initiative.id).toContain(initiative.title);
    }
  });

  test("ids used as references between seeds exist (subLineId, strategy numbers, recommendation numbers)", () => {
    const subLineIds = new Set(agreement.subLines.map((l) => l.id));
    for (const stated of agreement.statedAmounts) {
      if (stated.subLineId !== null) expect(subLineIds.has(stated.subLineId), stated.id).toBe(true);
    }
    const s2024 = readSeed<{ initiatives: Array<{ number: string }>; tableLinks: Array<{ strategyNumber: string }> }>(
      "strategy-2024.json",
    );
    const numbers2024 = new Set(s2024.initiatives.map((i) => i.number));
    expect(s2024.tableLinks.filter((l) => !numbers2024.has(l.strategyNumber))).toEqual([]);
    const s2021 = readSeed<{ continuations: Array<{ strategy2021Number: number }> }>("strategy-2021.json");
    expect(s2021.continuations.filter((c) => !(c.strategy2021Number >= 1 && c.strategy2021Number <= 38))).toEqual([]);
    const recs = readSeed<{ initiativeLinks: Array<{ recommendationNumber: number }> }>("recommendations.json");
    expect(recs.initiativeLinks.filter((l) => !(l.recommendationNumber >= 1 && l.recommendationNumber <= 12))).toEqual([]);
  });

  /*
   * seeds/FORMAT.md: "Every record carries source". The records are the items of these arrays and these
   * single objects. Exempt: documents.json (the register of the documents themselves) and initiatives.json
   * (the register of ids; it is checked above against the tables' printed titles instead). Rows, totals and
   * footnotes of a table are covered by the table's own source.
   */
  const RECORDS: Record<string, { arrays: string[]; objects: string[]; sourcesArrays?: boolean }> = {
    "agreement-2024.json": {
      arrays: ["chapters", "paragraphs", "initiativeParagraphs", "subLines", "statedAmounts", "outsideFrame", "discrepancies"],
      objects: [],
    },
    "frame.json": { arrays: [], objects: [""] },
    "outside-frame.json": { arrays: [""], objects: [] },
    "recommendations.json": { arrays: ["ambitions", "recommendations", "initiativeLinks"], objects: [] },
    "strategy-2021.json": { arrays: ["areas", "initiatives", "continuations"], objects: [] },
    "strategy-2024.json": { arrays: ["pejlemaerker", "initiativeGroups", "initiatives", "tableLinks"], objects: ["vision"] },
    "tables/1-government-proposal-2024.json": { arrays: [], objects: [""] },
    "tables/2-agreement-2024.json": { arrays: [], objects: [""] },
    "themes.json": { arrays: [""], objects: [], sourcesArrays: true },
  };
  const EXEMPT = ["documents.json", "initiatives.json"];

  test("the list of record kinds covers every seed file and every top-level array", () => {
    expect([...Object.keys(RECORDS), ...EXEMPT].sort()).toEqual(seedJsonFiles());
    for (const [file, kinds] of Object.entries(RECORDS)) {
      const data = readSeed<Json>(file);
      if (data !== null && typeof data === "object" && !Array.isArray(data)) {
        const arrays = Object.entries(data)
          .filter(([, v]) => Array.isArray(v) && v.some((item) => item !== null && typeof item === "object"))
          .map(([k]) => k);
        const tableParts = ["groups", "statedTotals", "footnotes", "years"];
        expect(arrays.filter((k) => !kinds.arrays.includes(k) && !tableParts.includes(k)), file).toEqual([]);
      }
    }
  });

  function recordsOf(file: string): Array<{ at: string; record: Json }> {
    const kinds = RECORDS[file];
    if (!kinds) throw new Error(file);
    const data = readSeed<Json>(file);
    const get = (key: string): Json => (key === "" ? data : isObject(data) ? (data[key] ?? null) : null);
    const out: Array<{ at: string; record: Json }> = [];
    for (const key of kinds.arrays) {
      const list = get(key);
      expect(Array.isArray(list), `${file} .${key}`).toBe(true);
      if (Array.isArray(list)) list.forEach((record, i) => out.push({ at: `${file} ${key}[${i}]`, record }));
    }
    for (const key of kinds.objects) out.push({ at: `${file} ${key || "(top)"}`, record: get(key) });
    return out;
  }

  function checkSource(json: Json | undefined, at: string): void {
    expect(isObject(json), `${at}: source is an object`).toBe(true);
    if (!isObject(json)) return;
    const source = json as unknown as Partial<Source>;
    expect(DOCUMENT_FILE_NAMES, `${at}: document`).toContain(source.document);
    expect(typeof source.section === "string" && source.section.trim() !== "", `${at}: section`).toBe(true);
    if (source.paragraph !== undefined) {
      expect(source.document, `${at}: paragraph numbers are the agreement's`).toBe(DOCUMENT_FILES.agreement2024);
      expect(Number.isInteger(source.paragraph) && source.paragraph >= 1 && source.paragraph <= 51, `${at}: paragraph`).toBe(true);
    }
    if (source.recommendation !== undefined) {
      expect(Number.isInteger(source.recommendation) && source.recommendation >= 1 && source.recommendation <= 12, `${at}: recommendation`).toBe(true);
    }
    if (source.quote !== undefined) expect(source.quote.length, `${at}: quote ≤ 300 chars`).toBeLessThanOrEqual(300);
  }

  test.each(Object.keys(RECORDS))("every record of %s has a valid source", (file) => {
    const records = recordsOf(file);
    expect(records.length).toBeGreaterThan(0);
    for (const { at, record } of records) {
      expect(isObject(record), at).toBe(true);
      if (!isObject(record)) continue;
      if (RECORDS[file]?.sourcesArrays) {
        const sources = record.sources;
        expect(Array.isArray(sources) && sources.length > 0, `${at}: sources`).toBe(true);
        if (Array.isArray(sources)) sources.forEach((s, i) => checkSource(s, `${at}.sources[${i}]`));
      } else checkSource(record.source, `${at}.source`);
    }
  });

  test("every source anywhere in seeds/ names one of the five documents", () => {
    const all = [...findKey("source"), ...findKey("sources").flatMap((f) => (Array.isArray(f.value) ? f.value.map((value) => ({ ...f, value })) : []))];
    expect(all.length).toBeGreaterThan(300);
    for (const { file, path, value } of all) checkSource(value, `${file}${path}`);
  });

  describe("numbering", () => {
    test("strategy-2024.json has initiatives 1.1 .. 6.3 with no gaps per group (1, 5, 7, 6, 6 and 3 in groups 1-6)", () => {
      const s = readSeed<{ initiatives: Array<{ number: string; groupNumber: number }>; initiativeGroups: Array<{ number: number }> }>(
        "strategy-2024.json",
      );
      const expected = [1, 5, 7, 6, 6, 3].flatMap((count, g) => Array.from({ length: count }, (_, i) => `${g + 1}.${i + 1}`));
      expect(s.initiatives.map((i) => i.number)).toEqual(expected);
      expect(s.initiatives.every((i) => i.number.startsWith(`${i.groupNumber}.`))).toBe(true);
      expect(s.initiativeGroups.map((g) => g.number)).toEqual([1, 2, 3, 4, 5, 6]);
    });

    test("recommendations.json has exactly 12 recommendations numbered 1..12 and 4 ambitions (3 recommendations each)", () => {
      const r = readSeed<{ recommendations: Array<{ number: number; ambitionNumber: number }>; ambitions: Array<{ number: number }> }>(
        "recommendations.json",
      );
      expect(r.recommendations.map((x) => x.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect(r.ambitions.map((a) => a.number)).toEqual([1, 2, 3, 4]);
      expect(r.recommendations.map((x) => x.ambitionNumber)).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]);
    });

    test("strategy-2021.json has 38 initiatives numbered 1..38 in 7 areas (1-11, 12-18, 19-23, 24-25, 26-32, 33-35, 36-38)", () => {
      const s = readSeed<{ initiatives: Array<{ number: number; areaNumber: number }>; areas: Array<{ number: number }> }>(
        "strategy-2021.json",
      );
      expect(s.initiatives.map((i) => i.number)).toEqual(Array.from({ length: 38 }, (_, i) => i + 1));
      expect(s.areas.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      const areaSizes = [11, 7, 5, 2, 7, 3, 3];
      expect(s.initiatives.map((i) => i.areaNumber)).toEqual(areaSizes.flatMap((n, a) => Array<number>(n).fill(a + 1)));
    });

    test("agreement-2024.json has paragraphs 1..51 in chapters I-X and the closing 'Økonomi' (51)", () => {
      expect(agreement.paragraphs.map((p) => p.number)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
      // From the document: I 1-4, II 5-15, III 16-22, IV 23-29, V 30-32, VI 33-36, VII 37-43, VIII 44-46,
      // IX 47-49, X 50, and 51 under "Økonomi" (no numeral).
      const chapters: Array<[string | null, number]> = [
        ["I", 4], ["II", 11], ["III", 7], ["IV", 7], ["V", 3], ["VI", 4], ["VII", 7], ["VIII", 3], ["IX", 3], ["X", 1], [null, 1],
      ];
      expect(agreement.paragraphs.map((p) => p.chapter)).toEqual(chapters.flatMap(([c, n]) => Array<string | null>(n).fill(c)));
      expect(agreement.chapters.map((c) => c.numeral)).toEqual(["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]);
    });
  });
});

// =========================================================================================================
// 5. Quotes and paragraph texts against the documents

interface QuoteCase {
  at: string;
  document: string;
  quote: string;
}

/** Every source's quote, and every record-level quote checked against the record's source document. */
function quoteCases(): QuoteCase[] {
  const cases: QuoteCase[] = [];
  const walk = (file: string, value: Json, at: string): void => {
    if (Array.isArray(value)) value.forEach((item, i) => walk(file, item, `${at}[${i}]`));
    else if (value !== null && typeof value === "object") {
      const source = value.source;
      if (isObject(source) && typeof source.document === "string") {
        if (typeof source.quote === "string") cases.push({ at: `${file} ${at}.source.quote`, document: source.document, quote: source.quote });
        if (typeof value.quote === "string") cases.push({ at: `${file} ${at}.quote`, document: source.document, quote: value.quote });
      }
      for (const [k, v] of Object.entries(value)) walk(file, v, `${at}.${k}`);
    }
  };
  for (const file of seedJsonFiles()) walk(file, readSeed<Json>(file), "");
  return cases;
}

describe.skipIf(!haveDocuments)(`quotes and texts occur in their documents${NO_DOCUMENTS}`, () => {
  test("the normaliser joins hyphenation at line breaks and collapses whitespace, and nothing more", () => {
    const doc = normaliseDocument("Styrket forsk-\n\nnings- og IT-infra  struktur; EU-\nformandskabet; **fed**");
    expect(occursIn(doc, "Styrket forsknings- og IT-infra struktur")).toBe(true);
    expect(occursIn(doc, "EU-formandskabet")).toBe(true);
    expect(occursIn(doc, "Styrket forsk- nings-")).toBe(false);
    expect(occursIn(doc, "IT-infrastruktur")).toBe(false);
    expect(occursIn(doc, "fed")).toBe(true);
    expect(occursIn(doc, "; fed")).toBe(false);
  });

  const cases = quoteCases();
  test("there are quotes to check", () => {
    expect(cases.length).toBeGreaterThan(150);
  });

  test.each(cases.map((c) => [c.at, c.document, c] as const))("%s occurs verbatim in %s", (_at, _document, c) => {
    expect(documentContains(c.document, c.quote), c.quote).toBe(true);
  });

  test.each(agreement.paragraphs.map((p) => [p.number, p] as const))(
    "agreement paragraph %d is the document's text under that number",
    (number, paragraph) => {
      // The document prints paragraph 41 as "41 Aftalepartierne ..." (no period after the number).
      const label = number === 41 ? "41 " : `${number}. `;
      expect(documentContains(DOCUMENT_FILES.agreement2024, label + paragraph.text)).toBe(true);
    },
  );
});
