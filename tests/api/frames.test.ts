/**
 * Any frame (issue 22): a frame made from a workbook's table (3 themes, 12 lines, 2025-2030, a
 * different frame amount each year), previewed, applied, forked, edited, compared and exported,
 * with the life science frame's views unchanged throughout; frames created, renamed and archived;
 * every refusal typed, located and storing nothing; nothing of one frame in another's lists.
 */
import { ExcelJS } from "@ramme/server/exchange/index.ts";
import { beforeAll, describe, expect, it } from "vitest";
import { gql, type VariablesOf } from "../support/documents.ts";
import { query } from "../support/graphql.ts";
import { fingerprint } from "../support/scenarios.ts";

const YEARS = [2025, 2026, 2027, 2028, 2029, 2030];
const FRAME = ["100", "110", "120", "125.5", "130", "140"];
const THEMES = ["Forskning og data", "Erhverv og eksport", "Sundhedsvæsenet"];
/** Line i (0-11) in year y: i + 1 + (y - 2025) / 2 mio. kr.; the lines add up to 78 + 6 (y - 2025). */
const amountOf = (line: number, year: number) => line + 1 + (year - 2025) / 2;
const computedTotal = (year: number) => 78 + 6 * (year - 2025);

/** A workbook as a secretariat writes one: a title, a header, theme headings, lines, a printed total (2027 misprinted), footnotes. */
async function workbook(options: { duplicate?: boolean; tooPrecise?: boolean; years?: readonly number[] } = {}): Promise<string> {
  const years = options.years ?? YEARS;
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Tabel 1");
  sheet.addRow(["Udspil: Ny pulje for grøn omstilling (mio. kr., 2025-pl)"]);
  sheet.addRow([]);
  sheet.addRow(["Initiativ", ...years]);
  let line = 0;
  for (const theme of THEMES) {
    sheet.addRow([theme]);
    for (let index = 0; index < 4; index += 1, line += 1) {
      const title = options.duplicate && line === 3 ? "Linje 1" : `Linje ${line + 1}`;
      sheet.addRow([title, ...years.map((year) => (options.tooPrecise && line === 5 && year === 2026 ? 6.55 : amountOf(line, year)))]);
    }
  }
  sheet.addRow(["I alt", ...years.map((year) => (year === 2027 ? computedTotal(year) + 0.5 : computedTotal(year)))]);
  sheet.addRow([]);
  sheet.addRow(["1) Beløbene er foreløbige."]);
  sheet.addRow(["2) Heraf 0,5 mio. kr. i 2027 fra en anden pulje."]);
  return Buffer.from(await book.xlsx.writeBuffer()).toString("base64");
}

const IMPORT = gql(`mutation ImportBaseline($input: ImportBaselineInput!) { importBaseline(input: $input) {
  __typename
  ... on BaselineImportPreview {
    applied canApply sheet frameName years themes
    lines { row theme title initiativeKey amounts { year amount } }
    yearTotals { year allocated frame headroom fitsFrame }
    printedTotals { year printed computed difference row }
    footnotes { marker text row }
    problems { code severity sheet row column message }
    frame { key name years { year amount } themes { title } }
    scenario { key kind locked frame { key } }
  }
  ... on ImportRefusedError { problems { code severity sheet row column value } }
  ... on InvalidInputError { inputProblems: problems { field code } }
} }`);
type ImportInput = VariablesOf<typeof IMPORT>["input"];

/** `value` as the member of its union named `typename`; any other member fails the test, naming it. */
function member<T extends { __typename: string }, N extends T["__typename"]>(value: T, typename: N): Extract<T, { __typename: N }> {
  if (!isMember(value, typename)) throw new Error(`expected ${typename}: ${JSON.stringify(value)}`);
  return value;
}
const isMember = <T extends { __typename: string }, N extends T["__typename"]>(value: T, typename: N): value is Extract<T, { __typename: N }> => value.__typename === typename;

const newFrame = (name: string) => ({ name, description: "Puljen til grøn omstilling, aftale af 1. december 2026.", years: YEARS.map((year, index) => ({ year, amount: FRAME[index]! })) });
const importInput = async (extra: Partial<ImportInput>): Promise<ImportInput> => ({ name: "Regeringens udspil", format: "XLSX", fileName: "udspil-groen-pulje.xlsx", content: await workbook(), ...extra });

/** What the planner shows of the life science frame: its frame, themes, baselines' totals and lines. */
const lifeScienceViews = () =>
  query(gql(`query LifeScienceViews {
    frame(id: "life-science-2024-2027") { name description archived priceLevel precisionDecimals years { year amount } themes { key title } }
    scenarios(frameId: "life-science-2024-2027", kind: BASELINE, first: 100) { nodes { key fitsFrame yearTotals { year allocated frame statedTotal } lines { initiative { key } amounts { year amount } } } }
    consistencyReport(scenarioId: "aftale-2024") { __typename ... on ConsistencyReport { differences } }
  }`));

let before: unknown;
let frameKey = "";
let baselineKey = "";

beforeAll(async () => {
  before = await lifeScienceViews();
});

describe("a frame from a workbook", () => {
  it("previews first: lines under their themes, totals against the frame, the printed total against the computed one, the footnotes; nothing stored", async () => {
    const stored = await fingerprint();
    const { importBaseline: answer } = await query(IMPORT, { input: await importInput({ newFrame: newFrame("Grøn pulje"), dryRun: true }) });
    expect(answer.__typename).toBe("BaselineImportPreview");
    const preview = member(answer, "BaselineImportPreview");
    expect(preview).toMatchObject({ applied: false, canApply: true, sheet: "Tabel 1", frameName: "Grøn pulje", years: YEARS, themes: THEMES, frame: null, scenario: null });
    expect(preview.lines).toHaveLength(12);
    expect(preview.lines[4]).toEqual({ row: 10, theme: THEMES[1], title: "Linje 5", initiativeKey: null, amounts: YEARS.map((year) => ({ year, amount: String(amountOf(4, year)) })) });
    expect(preview.yearTotals.map((total) => [total.year, total.allocated, total.frame, total.fitsFrame])).toEqual(YEARS.map((year, index) => [year, String(computedTotal(year)), FRAME[index], true]));
    expect(preview.printedTotals.find((total) => total.year === 2027)).toEqual({ year: 2027, printed: "90.5", computed: "90", difference: "0.5", row: 19 });
    expect(preview.printedTotals.filter((total) => total.difference !== "0")).toHaveLength(1);
    expect(preview.footnotes).toEqual([
      { marker: "1", text: "Beløbene er foreløbige.", row: 21 },
      { marker: "2", text: "Heraf 0,5 mio. kr. i 2027 fra en anden pulje.", row: 22 },
    ]);
    // The misprint is a warning at its place; the document is transcribed, not fixed.
    expect(preview.problems).toEqual([expect.objectContaining({ code: "TOTAL_MISMATCH", severity: "WARNING", sheet: "Tabel 1", row: 19, column: "2027" })]);
    expect(await fingerprint()).toBe(stored);
  });

  it("applies as a locked baseline of a new frame, with its years, themes, printed table and source", async () => {
    const { importBaseline: answer } = await query(IMPORT, { input: await importInput({ newFrame: newFrame("Grøn pulje") }) });
    expect(answer.__typename).toBe("BaselineImportPreview");
    const applied = member(answer, "BaselineImportPreview");
    expect(applied.applied).toBe(true);
    frameKey = applied.frame!.key;
    baselineKey = applied.scenario!.key;
    expect(applied.frame).toMatchObject({ name: "Grøn pulje", years: YEARS.map((year, index) => ({ year, amount: FRAME[index] })), themes: THEMES.map((title) => ({ title })) });
    expect(applied.scenario).toEqual({ key: baselineKey, kind: "BASELINE", locked: true, frame: { key: frameKey } });

    const data = await query(gql(`query ImportedFrame($id: ID!, $frame: ID!) {
      frame(id: $frame) { name description owner { key } createdBy hasDocuments priceLevel precisionDecimals }
      scenario(id: $id) { fitsFrame yearTotals { year allocated frame statedTotal } printedTable { title document { title publisher } statedTotals { year printed } footnotes { marker text } } }
      history(scenarioId: $id) { nodes { version actor comment } }
      consistencyReport(scenarioId: $id) { __typename ... on ConsistencyReport { differences checks { kind status } } }
    }`), { id: baselineKey, frame: frameKey });
    const scenario = data.scenario!;
    expect(data.frame).toEqual({ name: "Grøn pulje", description: "Puljen til grøn omstilling, aftale af 1. december 2026.", owner: { key: "lokal" }, createdBy: expect.any(String), hasDocuments: false, priceLevel: "2025-pl", precisionDecimals: 1 });
    expect(scenario.yearTotals.map((total) => [total.year, total.allocated, total.frame, total.statedTotal])).toEqual(
      YEARS.map((year, index) => [year, String(computedTotal(year)), FRAME[index], year === 2027 ? "90.5" : String(computedTotal(year))]),
    );
    expect(scenario.printedTable!.document.title).toBe("udspil-groen-pulje.xlsx");
    expect(scenario.printedTable!.title).toBe("Tabel 1");
    expect(scenario.printedTable!.footnotes.map((note) => note.marker)).toEqual(["1", "2"]);
    expect(data.history.nodes).toEqual([{ version: 1, actor: data.frame!.createdBy, comment: "udspil-groen-pulje.xlsx" }]);
    // The consistency report's printed-total check works for it: 2027 differs, the other years agree.
    const totals = member(data.consistencyReport, "ConsistencyReport").checks.filter((check) => check.kind === "STATED_TOTAL");
    expect(totals).toHaveLength(6);
    expect(totals.filter((check) => check.status !== "MATCHES")).toHaveLength(1);
  });

  it("is planned as the life science frame is: fork, edit any of its years, compare, export", async () => {
    const { forkScenario } = await query(gql(`mutation ForkFrameBaseline($input: ForkScenarioInput!) { forkScenario(input: $input) { __typename ... on ScenarioEdit { scenario { key version } } } }`), { input: { sourceId: baselineKey, name: "Mere til data" } });
    const forkKey = member(forkScenario, "ScenarioEdit").scenario.key;
    const edit = await query(gql(`mutation SetFrameCell($input: SetAllocationInput!) { setAllocation(input: $input) { __typename ... on ScenarioEdit { yearTotals { year allocated } } } }`), {
      input: { scenarioId: forkKey, expectedVersion: 1, initiativeId: (await lineKey(baselineKey, "Linje 1")), year: 2030, amount: "4.6", notation: "API" },
    });
    expect(edit.setAllocation.__typename).toBe("ScenarioEdit");
    expect(member(edit.setAllocation, "ScenarioEdit").yearTotals.find((total) => total.year === 2030)!.allocated).toBe("109.1");
    // 2024 is no year of this frame; 2030 is no year of the life science frame.
    const outside = await query(gql(`mutation SetCellOutsideFrame($input: SetAllocationInput!) { setAllocation(input: $input) { __typename ... on InvalidInputError { problems { field code } } } }`), {
      input: { scenarioId: forkKey, expectedVersion: 2, initiativeId: await lineKey(baselineKey, "Linje 1"), year: 2024, amount: "1" },
    });
    expect(member(outside.setAllocation, "InvalidInputError").problems).toContainEqual({ field: "input.year", code: "YEAR_OUTSIDE_FRAME" });

    const compared = await query(gql(`query CompareInFrame($base: ID!, $other: ID!) { compareScenarios(baseId: $base, otherIds: [$other]) { __typename ... on ScenarioComparison { years differences { summary } } } }`), { base: baselineKey, other: forkKey });
    expect(compared.compareScenarios.__typename).toBe("ScenarioComparison");
    expect(member(compared.compareScenarios, "ScenarioComparison").years).toEqual(YEARS);

    const exported = await query(gql(`query ExportFrameFork($id: ID!) { exportScenario(scenarioId: $id, format: XLSX) { __typename ... on ExportFile { fileName base64 } ... on InvalidInputError { problems { field code message } } } }`), { id: forkKey });
    expect(exported.exportScenario.__typename, JSON.stringify(exported)).toBe("ExportFile");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(member(exported.exportScenario, "ExportFile").base64, "base64") as unknown as ArrayBuffer);
    const rows = book.worksheets[0]!.getSheetValues().filter(Array.isArray) as unknown[][];
    const header = rows.find((row) => row.some((cell) => String(cell) === "2025"));
    expect(header?.map(String).filter((cell) => /^\d{4}$/.test(cell))).toEqual(YEARS.map(String));
  });

  it("keeps frames apart: comparing across frames is OTHER_FRAME; lists filter by frame; a line of one frame is not added to another's scenario", async () => {
    const across = await query(gql(`query CompareAcrossFrames($other: ID!) { compareScenarios(baseId: "aftale-2024", otherIds: [$other]) { __typename ... on InvalidInputError { problems { field code } } } }`), { other: baselineKey });
    expect(across.compareScenarios).toEqual({ __typename: "InvalidInputError", problems: [{ field: "otherIds[0]", code: "OTHER_FRAME" }] });

    const lists = await query(gql(`query FrameLists($frame: ID!) {
      scenarios(frameId: $frame, first: 100) { nodes { key frame { key } } }
      themes(frameId: $frame) { title frame { key } }
      initiatives(frameId: $frame, first: 100) { totalCount }
      frames { key }
    }`), { frame: frameKey });
    expect(new Set(lists.scenarios.nodes.map((node) => node.frame.key))).toEqual(new Set([frameKey]));
    expect(lists.scenarios.nodes.map((node) => node.key)).toContain(baselineKey);
    expect(lists.themes.map((theme) => theme.title)).toEqual(THEMES);
    expect(lists.initiatives.totalCount).toBe(12);
    expect(lists.frames.map((frame) => frame.key)).toEqual(["life-science-2024-2027", frameKey]);

    const { forkScenario } = await query(gql(`mutation ForkLifeScience { forkScenario(input: { sourceId: "aftale-2024", name: "Livsvidenskab" }) { __typename ... on ScenarioEdit { scenario { key } } } }`));
    const foreign = await query(gql(`mutation AddForeignLine($input: AddInitiativeInput!) { addInitiative(input: $input) { __typename ... on InvalidInputError { problems { field code } } } }`), {
      input: { scenarioId: member(forkScenario, "ScenarioEdit").scenario.key, expectedVersion: 1, initiativeId: await lineKey(baselineKey, "Linje 2") },
    });
    expect(member(foreign.addInitiative, "InvalidInputError").problems).toContainEqual({ field: "input.initiativeId", code: "OTHER_FRAME" });
  });

  it("takes a revised baseline of the same frame: lines with the same theme and title are the same initiatives, so the two compare", async () => {
    const revised = member((await query(IMPORT, { input: await importInput({ frameId: frameKey, name: "Revideret udspil", fileName: "revideret.xlsx" }) })).importBaseline, "BaselineImportPreview");
    expect(revised.applied).toBe(true);
    expect(revised.lines.every((line) => line.initiativeKey !== null)).toBe(true);
    expect(revised.frame!.key).toBe(frameKey);
    const compared = await query(gql(`query CompareRevised($base: ID!, $other: ID!) { compareScenarios(baseId: $base, otherIds: [$other]) { __typename ... on ScenarioComparison { lines { initiative { key } } } } }`), { base: baselineKey, other: revised.scenario!.key });
    expect(member(compared.compareScenarios, "ScenarioComparison").lines).toHaveLength(12);
  });
});

describe("bad tables are refused, located, and nothing is stored", () => {
  const refused = async (input: ImportInput) => {
    const stored = await fingerprint();
    const { importBaseline: result } = await query(IMPORT, { input });
    expect(await fingerprint()).toBe(stored);
    return result;
  };

  it("duplicate titles within a theme: DUPLICATE_TITLE at the second row", async () => {
    const result = await refused(await importInput({ newFrame: newFrame("Dubletter"), content: await workbook({ duplicate: true }) }));
    expect(result.__typename).toBe("ImportRefusedError");
    expect(member(result, "ImportRefusedError").problems).toContainEqual(expect.objectContaining({ code: "DUPLICATE_TITLE", severity: "ERROR", sheet: "Tabel 1", row: 8, value: "Linje 1" }));
  });

  it("more decimals than the frame allows: TOO_PRECISE at the cell", async () => {
    const result = await refused(await importInput({ newFrame: newFrame("For præcis"), content: await workbook({ tooPrecise: true }) }));
    expect(member(result, "ImportRefusedError").problems).toContainEqual(expect.objectContaining({ code: "TOO_PRECISE", row: 11, column: "2026" }));
  });

  it("year columns with a gap: YEARS_NOT_CONSECUTIVE at the header", async () => {
    const result = await refused(await importInput({ newFrame: { name: "Huller" }, content: await workbook({ years: [2025, 2026, 2028] }) }));
    expect(member(result, "ImportRefusedError").problems).toContainEqual(expect.objectContaining({ code: "YEARS_NOT_CONSECUTIVE", row: 3 }));
  });

  it("no frame amounts (neither given nor a frame row): MISSING_AMOUNT", async () => {
    const result = await refused(await importInput({ newFrame: { name: "Uden ramme" } }));
    expect(member(result, "ImportRefusedError").problems).toContainEqual(expect.objectContaining({ code: "MISSING_AMOUNT", severity: "ERROR" }));
  });

  it("a CSV without year columns: NO_YEARS", async () => {
    const result = await refused({ name: "X", format: "CSV", fileName: "x.csv", content: "Tema;Initiativ;Beløb\nA;Linje;1\n", newFrame: { name: "Uden år" } });
    expect(member(result, "ImportRefusedError").problems).toContainEqual(expect.objectContaining({ code: "NO_YEARS", row: 1 }));
  });

  it("a frame row of 0 in a CSV: NOT_POSITIVE at the cell", async () => {
    const result = await refused({ name: "X", format: "CSV", fileName: "x.csv", content: "Tema;Initiativ;2025;2026\nA;Linje;1;1\n;Ramme;0;10\n", newFrame: { name: "Nul" } });
    expect(member(result, "ImportRefusedError").problems).toContainEqual(expect.objectContaining({ code: "NOT_POSITIVE", row: 3, column: "2025" }));
  });

  it("a dry run gives the same problems in the preview, storing nothing", async () => {
    const result = await refused(await importInput({ newFrame: newFrame("Dubletter"), content: await workbook({ duplicate: true }), dryRun: true }));
    const preview = member(result, "BaselineImportPreview");
    expect(preview.canApply).toBe(false);
    expect(preview.problems.map((problem) => problem.code)).toContain("DUPLICATE_TITLE");
  });
});

describe("frames are created, renamed and archived", () => {
  it("createFrame: any consecutive range, a different amount each year; its name unique", async () => {
    const created = await query(gql(`mutation CreateFrame($input: CreateFrameInput!) { createFrame(input: $input) { __typename ... on Frame { key name years { year amount } themes { title } priceLevel } ... on InvalidInputError { problems { field code } } } }`), {
      input: { name: "Pulje 2026-2029", years: [{ year: 2026, amount: "12,5" }, { year: 2027, amount: "13" }, { year: 2028, amount: "1.000,1" }, { year: 2029, amount: "7" }], notation: "DANISH", themes: ["Et", "To"] },
    });
    expect(created.createFrame).toMatchObject({ __typename: "Frame", name: "Pulje 2026-2029", priceLevel: "2026-pl", years: [{ year: 2026, amount: "12.5" }, { year: 2027, amount: "13" }, { year: 2028, amount: "1000.1" }, { year: 2029, amount: "7" }], themes: [{ title: "Et" }, { title: "To" }] });
    const key = member(created.createFrame, "Frame").key;

    const taken = await query(gql(`mutation RenameToTaken($input: UpdateFrameInput!) { updateFrame(input: $input) { __typename ... on InvalidInputError { problems { field code } } } }`), { input: { frameId: key, name: "GRØN PULJE" } });
    expect(member(taken.updateFrame, "InvalidInputError").problems).toEqual([{ field: "input.name", code: "NAME_TAKEN" }]);
    const renamed = await query(gql(`mutation RenameFrame($input: UpdateFrameInput!) { updateFrame(input: $input) { __typename ... on Frame { name description } } }`), { input: { frameId: key, name: "Pulje 2026-29", description: "Omdøbt." } });
    expect(renamed.updateFrame).toEqual({ __typename: "Frame", name: "Pulje 2026-29", description: "Omdøbt." });

    await query(`mutation($input: ArchiveFrameInput!) { archiveFrame(input: $input) { __typename } }`, { input: { frameId: key } });
    const listed = await query(gql(`query FramesWithArchived { frames { key } all: frames(includeArchived: true) { key archived } }`));
    expect(listed.frames.map((frame) => frame.key)).not.toContain(key);
    expect(listed.all).toContainEqual({ key, archived: true });
    const archived = await query(IMPORT, { input: await importInput({ frameId: key, dryRun: true }) });
    expect(member(archived.importBaseline, "InvalidInputError").inputProblems).toEqual([{ field: "input.frameId", code: "FRAME_ARCHIVED" }]);
  });
});

describe("the life science frame", () => {
  it("is exactly as it was before any other frame existed", async () => {
    expect(await lifeScienceViews()).toEqual(before);
  });
});

async function lineKey(scenario: string, title: string): Promise<string> {
  const data = await query(gql(`query LineKeys($id: ID!) { scenario(id: $id) { lines { initiative { key title } } } }`), { id: scenario });
  const line = data.scenario?.lines.find((entry) => entry.initiative.title === title);
  if (!line) throw new Error(`no line "${title}" in ${scenario}`);
  return line.initiative.key;
}
