/**
 * The consistency report on the real seeded baselines. Every expected figure was worked out by hand
 * from the documents: 004_dbaa3c6e1e080e50.txt (the agreement) read paragraph by paragraph against
 * its Tabel 1, and 000_835fd4cdab98d775.txt (the government's proposal) and its table's notes.
 */
import { describe, expect, it } from "vitest";
import { gql } from "../support/documents.ts";
import { globalId, query, recordSql } from "../support/graphql.ts";
import { asMember } from "../support/unions.ts";
import { fork } from "../support/scenarios.ts";

const REPORT = gql(`
  query Report($id: ID!, $language: Language) {
    consistencyReport(scenarioId: $id) {
      __typename
      ... on InvalidInputError { problems { field code value } }
      ... on ConsistencyReport {
        scenario { key }
        printedTable { key printedLabel }
        counts { matches explained partlyExplained unexplained notComparable }
        differences
        checks {
          kind status reason fromYear toYear stated computed difference explained unexplained
          initiatives { key } subLines { key } statedAmount { key }
          source { document section paragraph quote }
          footnotes { marker text }
          explainedBy { key amount }
          explanation(language: $language)
        }
        discrepancies { position location textQuote tableQuote explanation source { paragraph } }
      }
    }
  }
`);

const answer = async (id: string, language: "DA" | "EN" = "DA") => (await query(REPORT, { id, language })).consistencyReport;
/** The report itself; throws with the answer when it is a refusal. */
const report = async (id: string, language: "DA" | "EN" = "DA") => asMember(await answer(id, language), "ConsistencyReport");
type Check = Awaited<ReturnType<typeof report>>["checks"][number];

/** The figures of a check, compactly: what a colleague reads off the report. */
const figures = (check: Check) => ({
  kind: check.kind,
  status: check.status,
  years: check.fromYear === check.toYear ? `${check.fromYear}` : `${check.fromYear}-${check.toYear}`,
  stated: check.stated,
  computed: check.computed,
  difference: check.difference,
  lines: check.initiatives.map((initiative) => initiative.key),
  paragraph: check.source.paragraph,
});

describe("the agreement's consistency report", () => {
  it("lists exactly the differences the agreement contains, with their figures", async () => {
    const agreement = await report("aftale-2024");
    expect(agreement.__typename).toBe("ConsistencyReport");
    expect(agreement.scenario.key).toBe("aftale-2024");
    expect(agreement.printedTable).toEqual({ key: "agreement-2024-table-1", printedLabel: "Tabel 1" });

    const differences = agreement.checks.filter((check) => check.status !== "MATCHES" && check.status !== "NOT_COMPARABLE");
    expect(differences.map(figures)).toEqual([
      // Tabel 1's 2024 column: 16,3 + 13,5 + 13,5 + 49,6 + 6,0 = 98,9 against "I alt 100"; the table has no footnote.
      { kind: "STATED_TOTAL", status: "UNEXPLAINED", years: "2024", stated: "100", computed: "98.9", difference: "1.1", lines: [], paragraph: 51 },
      // Paragraph 51: "reserven … på samlet set 100 mio. kr. årligt i 2024-2027" — the same 1,1 short in 2024.
      { kind: "TEXT_FRAME", status: "UNEXPLAINED", years: "2024", stated: "100", computed: "98.9", difference: "1.1", lines: [], paragraph: 51 },
      // Paragraph 11: "4,7 mio. kr. årligt til Trial Nation i 2025-2027"; Tabel 1 allocates 4,7 in 2024 as well.
      { kind: "TEXT_UNSTATED_YEAR", status: "UNEXPLAINED", years: "2024", stated: null, computed: "4.7", difference: "-4.7", lines: ["trial-nation"], paragraph: 11 },
    ]);
    expect(differences[0]!.footnotes).toEqual([]);
    expect(differences[0]!.explained).toBe("0");
    expect(differences[0]!.unexplained).toBe("1.1");
    expect(agreement.differences).toBe(3);
  });

  it("checks every amount the text states: 41 statements, 72 checks that agree, 8 that cannot be compared and say why", async () => {
    const agreement = await report("aftale-2024");
    const statements = new Set(agreement.checks.filter((check) => check.statedAmount).map((check) => check.statedAmount!.key));
    expect(statements.size).toBe(41);
    // Matches: printed totals 2025-27 (3); the text's amounts year by year (p10: 8, p11: 3, p12: 2, p14: 3, p15: 3, p19: 5,
    // p21: 5, p25: 1, p29: 4, p31: 1, p34: 4, p35: 4, p38: 4, p41: 2, p42: 4, p43: 1, p44: 4, p51: 3 = 61); the split of
    // "Life science ude i landet" in 4 years and the "heraf 0,5" of paragraph 14 in 4 years (8).
    expect(agreement.counts).toEqual({ matches: 72, explained: 0, partlyExplained: 0, unexplained: 3, notComparable: 8 });

    const notCompared = agreement.checks.filter((check) => check.status === "NOT_COMPARABLE").map((check) => [check.statedAmount?.key, check.reason, check.stated]);
    expect(notCompared).toEqual([
      ["p9-a", "OUTSIDE_FRAME", "231.5"], // forskningsreserven for 2025, another agreement
      ["p14-b", "PART_OF_LINE", "0.5"], // "Heraf 0,5 mio. kr. årligt" to sundhed.dk
      ["p22-a", "OUTSIDE_FRAME", "39"], // Aftale om en reform af ældreområdet
      ["p31-b", "PART_OF_LINE", "1.1"], // Invest In Denmark
      ["p31-c", "PART_OF_LINE", "1.5"],
      ["p31-d", "PART_OF_LINE", "2"], // de tværkommunale erhvervshuse
      ["p31-e", "PART_OF_LINE", "0.3"],
      ["p31-f", "PART_OF_LINE", "0.8"],
    ]);
  });

  it("compares multi-year and multi-line statements with the sums of the lines", async () => {
    const agreement = await report("aftale-2024");
    const of = (key: string) => agreement.checks.filter((check) => check.statedAmount?.key === key && check.kind !== "TEXT_UNSTATED_YEAR").map(figures);
    // Paragraph 21: "i alt 1 mio. kr. i 2024-25" = 0,8 + 0,2.
    expect(of("p21-a")).toEqual([{ kind: "TEXT_PERIOD_TOTAL", status: "MATCHES", years: "2024-2025", stated: "1", computed: "1", difference: "0", lines: ["alternative-prismodeller"], paragraph: 21 }]);
    // Paragraph 25: 53 mio. kr. i 2024-2027 for "rød løber" = industriparker 19,5 + one-stop-shop 33,5.
    expect(of("p25-a")).toEqual([{ kind: "TEXT_PERIOD_TOTAL", status: "MATCHES", years: "2024-2027", stated: "53", computed: "53", difference: "0", lines: ["industriparker", "one-stop-shop"], paragraph: 25 }]);
    // Paragraph 31: "i alt 7,2 mio. kr. i perioden 2024-27" = 2,0 + 1,1 + 1,8 + 2,3.
    expect(of("p31-a")).toEqual([{ kind: "TEXT_PERIOD_TOTAL", status: "MATCHES", years: "2024-2027", stated: "7.2", computed: "7.2", difference: "0", lines: ["life-science-ude-i-landet"], paragraph: 31 }]);
    // Paragraph 34: "i alt 36,8 mio. kr. årligt i 2024-27" = 16,8 + 20,0 each year.
    expect(of("p34-a").map((check) => [check.years, check.stated, check.computed, check.status])).toEqual(
      ["2024", "2025", "2026", "2027"].map((year) => [year, "36.8", "36.8", "MATCHES"]),
    );
    // Paragraph 31's two recipients, year by year: (0 + 2,0), (1,1 + 0), (1,5 + 0,3), (1,5 + 0,8) against 2,0 / 1,1 / 1,8 / 2,3.
    const split = agreement.checks.filter((check) => check.kind === "TEXT_SPLIT");
    expect(split.map((check) => [check.fromYear, check.stated, check.computed, check.status])).toEqual([
      [2024, "2", "2", "MATCHES"],
      [2025, "1.1", "1.1", "MATCHES"],
      [2026, "1.8", "1.8", "MATCHES"],
      [2027, "2.3", "2.3", "MATCHES"],
    ]);
    expect(split[0]!.subLines.map((subLine) => subLine.key)).toEqual(["life-science-ude-i-landet-a", "life-science-ude-i-landet-b"]);
    // Paragraph 14: "Heraf 0,5 mio. kr. årligt" of the row's 2,5 in 2025-27.
    const ofWhich = agreement.checks.filter((check) => check.kind === "TEXT_OF_WHICH" && (check.fromYear ?? 0) >= 2025);
    expect(ofWhich.map((check) => [check.stated, check.computed, check.status])).toEqual([["0.5", "2.5", "MATCHES"], ["0.5", "2.5", "MATCHES"], ["0.5", "2.5", "MATCHES"]]);
  });

  it("says each difference in Danish and in English, with the paragraph's words", async () => {
    const danish = await report("aftale-2024", "DA");
    const english = await report("aftale-2024", "EN");
    const trial = (entry: Awaited<ReturnType<typeof report>>) => entry.checks.find((check) => check.kind === "TEXT_UNSTATED_YEAR")!;
    expect(trial(danish).explanation).toBe("Tabellen afsætter 4,7 mio. kr. i 2024 til »Videreudvikle Trial Nation«, men afsnit 11 angiver intet beløb for 2024.");
    expect(trial(english).explanation).toBe("The table allocates DKK 4.7 million in 2024 to “Videreudvikle Trial Nation”, but paragraph 11 states no amount for 2024.");
    expect(trial(danish).source.quote).toContain("videreføre det statslige tilskud på 4,7 mio. kr. årligt til Trial Nation i 2025-2027");
    expect(danish.checks[0]!.explanation).toBe(
      "Tabellens »I alt« for 2024 er 100,0 mio. kr., og linjerne summerer til 98,9 mio. kr.: det trykte total er 1,1 mio. kr. mere end linjerne, og intet i dokumentet forklarer det.",
    );
    expect(english.checks[0]!.explanation).toBe(
      "The table's printed total for 2024 is DKK 100.0 million, and the lines add up to DKK 98.9 million: the printed total is DKK 1.1 million more than the lines, and nothing in the document explains it.",
    );
  });

  it("carries the ten discrepancies a reader noted that no sum can check", async () => {
    const { discrepancies } = await report("aftale-2024");
    expect(discrepancies).toHaveLength(10);
    expect(discrepancies.map((entry) => entry.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // The '0' cell of byspildevand 2027 and the mislabelled EU row (paragraph 38).
    expect(discrepancies.find((entry) => entry.source.paragraph === 41)!.tableQuote).toBe("Analyse af byspildevand - 0,5 1,0 0");
    expect(discrepancies.find((entry) => entry.source.paragraph === 38)!.tableQuote).toBe("Styrke den industripolitiske indsats i EU inden for life science og industripolitik");
  });
});

describe("the government proposal's consistency report", () => {
  it("has the 2024 total explained by footnote ** and the red carpet's 102,4 beside the frame", async () => {
    const proposal = await report(globalId("Scenario", "regeringens-udspil-2024"));
    expect(proposal.__typename).toBe("ConsistencyReport");
    // 2024: 15,3 + 11,9 + 11,5 + 46,8 + 13,6 = 99,1 against "100**"; 2025-27 add up to 100,0. The text states no amounts for the table's lines.
    expect(proposal.checks.map(figures)).toEqual([
      { kind: "STATED_TOTAL", status: "EXPLAINED", years: "2024", stated: "100", computed: "99.1", difference: "0.9", lines: [], paragraph: null },
      { kind: "STATED_TOTAL", status: "MATCHES", years: "2025", stated: "100", computed: "100", difference: "0", lines: [], paragraph: null },
      { kind: "STATED_TOTAL", status: "MATCHES", years: "2026", stated: "100", computed: "100", difference: "0", lines: [], paragraph: null },
      { kind: "STATED_TOTAL", status: "MATCHES", years: "2027", stated: "100", computed: "100", difference: "0", lines: [], paragraph: null },
      // Anm. *: "i alt 102,4 mio. kr. til rød løber … fra 2024-2027 … udover life science-rammen".
      { kind: "OUTSIDE_FRAME", status: "NOT_COMPARABLE", years: "2024-2027", stated: "102.4", computed: null, difference: null, lines: [], paragraph: null },
    ]);
    const total2024 = proposal.checks[0]!;
    expect(total2024).toMatchObject({ explained: "0.9", unexplained: "0", explainedBy: [{ key: "brofinansiering-fl24-q1-2024", amount: "0.9" }] });
    expect(total2024.footnotes.map((note) => note.marker)).toEqual(["**"]);
    expect(total2024.source.quote).toBe("I alt 100**");
    expect(total2024.explanation).toContain("som fodnote ** forklarer");
    expect(proposal.checks[4]!.reason).toBe("OUTSIDE_FRAME");
    expect(proposal.counts).toEqual({ matches: 3, explained: 1, partlyExplained: 0, unexplained: 0, notComparable: 1 });
    expect(proposal.differences).toBe(1);
    expect(proposal.discrepancies).toEqual([]);
  });

  it("runs the same fixed number of SQL statements for either baseline", async () => {
    const agreement = await recordSql(() => report("aftale-2024"));
    const proposal = await recordSql(() => report("regeringens-udspil-2024"));
    expect(agreement.length).toBe(proposal.length);
    expect(agreement.length).toBeLessThanOrEqual(20);
  });
});

describe("consistencyReport refuses what is not a baseline", () => {
  it("names the field for an unknown, a malformed or an empty ID, and for a what-if", async () => {
    const whatIf = await fork("aftale-2024", "Konsistens-test");
    const problems = async (id: string) => asMember(await answer(id), "InvalidInputError").problems;
    expect(await problems("findes-ikke")).toEqual([{ field: "scenarioId", code: "UNKNOWN_SCENARIO", value: "findes-ikke" }]);
    expect(await problems(globalId("Initiative", "vmk"))).toEqual([{ field: "scenarioId", code: "MALFORMED_ID", value: globalId("Initiative", "vmk") }]);
    expect(await problems(" ")).toEqual([{ field: "scenarioId", code: "REQUIRED", value: " " }]);
    expect(await problems(whatIf.key)).toEqual([{ field: "scenarioId", code: "NOT_A_BASELINE", value: whatIf.key }]);
  });
});
