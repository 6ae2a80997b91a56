/**
 * A baseline's consistency report: loads what its document states (the printed table's totals and
 * footnotes, the text's amounts and split rows, the money beside the frame, the noted
 * discrepancies) and its lines, and hands them to the pure domain check. A fixed number of
 * statements whatever the size of the table.
 */
import { checkConsistency, readSourceReference, type ConsistencyReport, type ConsistencySource } from "@ramme/domain";
import type { Database } from "../db.ts";
import type { Discrepancy, Footnote, Initiative, InitiativeSubLine, OutsideFrameAmount, StatedAmount } from "../generated/prisma/client.ts";
import { InvalidInputError } from "./errors.ts";
import { ProblemList } from "./input.ts";
import { loadScenarioLines } from "./scenarioLines.ts";

/** The report with the records its checks name by key, for the API to resolve from memory. */
export interface ConsistencyReportShape extends ConsistencyReport {
  scenarioId: string;
  tableId: string;
  documentFile: string;
  initiatives: Map<string, Initiative>;
  statedAmounts: Map<string, StatedAmount>;
  subLines: Map<string, InitiativeSubLine>;
  outsideFrame: Map<string, OutsideFrameAmount>;
  footnotes: Footnote[];
  discrepancies: Discrepancy[];
}

const sourceOf = (value: unknown, quote?: string | null): ConsistencySource => {
  const source = readSourceReference(value);
  return { paragraph: source.paragraph ?? null, section: source.section, quote: quote ?? source.quote ?? null };
};

export async function loadConsistencyReport(client: Database, scenarioIdText: string): Promise<ConsistencyReportShape> {
  const problems = new ProblemList();
  const scenarioId = problems.id("scenarioId", scenarioIdText, "Scenario");
  problems.throwIfAny();

  const scenario = await client.scenario.findUnique({
    where: { id: scenarioId! },
    select: {
      id: true,
      frame: { select: { years: { orderBy: { year: "asc" }, select: { year: true, amount: true } } } },
      outsideFrame: { orderBy: { id: "asc" } },
      sourceTable: {
        select: {
          id: true,
          source: true,
          document: { select: { fileName: true } },
          statedTotals: { orderBy: { year: "asc" } },
          footnotes: { orderBy: { marker: "asc" } },
          discrepancies: { orderBy: { position: "asc" } },
        },
      },
    },
  });
  if (!scenario) throw InvalidInputError.of("scenarioId", "UNKNOWN_SCENARIO", `there is no scenario ${JSON.stringify(scenarioId)}.`, scenarioId);
  const table = scenario.sourceTable;
  if (!table) throw InvalidInputError.of("scenarioId", "NOT_A_BASELINE", `${JSON.stringify(scenarioId)} is a what-if; only a baseline has a printed table to check.`, scenarioId);

  const years = scenario.frame.years.map((entry) => entry.year);
  const [linesByScenario, statedAmounts, subLines] = await Promise.all([
    loadScenarioLines(client, [scenario.id], years),
    client.statedAmount.findMany({
      orderBy: [{ paragraphNumber: "asc" }, { id: "asc" }],
      include: { paragraph: { select: { source: true } }, initiatives: { select: { initiative: true } } },
    }),
    client.initiativeSubLine.findMany({ orderBy: { position: "asc" }, include: { amounts: { orderBy: { year: "asc" } } } }),
  ]);
  // The text's amounts and split rows are the agreement's; they belong to the table printed in the same document.
  const ofThisDocument = (source: unknown) => readSourceReference(source).document === table.document.fileName;
  const stated = statedAmounts.filter((entry) => ofThisDocument(entry.paragraph.source));
  const split = subLines.filter((entry) => ofThisDocument(entry.source));
  const lines = linesByScenario.get(scenario.id)!;

  const initiatives = new Map(lines.map((line) => [line.initiativeId, line.initiative]));
  for (const entry of stated) for (const { initiative } of entry.initiatives) initiatives.set(initiative.id, initiative);

  const report = checkConsistency({
    frame: scenario.frame.years,
    lines: lines.map((line) => ({ initiativeId: line.initiativeId, amounts: line.amounts })),
    table: sourceOf(table.source, null),
    statedTotals: table.statedTotals.map((total) => ({ ...total, footnoteMarkers: total.footnoteMarkers as string[] })),
    footnotes: table.footnotes,
    outsideFrame: scenario.outsideFrame.map((entry) => ({
      ...entry,
      explainsMarker: entry.explainsTableId === table.id ? entry.footnoteMarker : null,
      source: sourceOf(entry.source),
    })),
    statedAmounts: stated.map((entry) => ({
      ...entry,
      basis: entry.basis as "PER_YEAR" | "PERIOD_TOTAL",
      initiativeIds: entry.initiatives.map(({ initiative }) => initiative.id),
      source: { ...sourceOf(entry.paragraph.source, entry.quote), paragraph: entry.paragraphNumber },
    })),
    subLines: split.map((entry) => ({ ...entry, kind: entry.kind as "PART" | "OF_WHICH", source: sourceOf(entry.source) })),
  });
  return {
    ...report,
    scenarioId: scenario.id,
    tableId: table.id,
    documentFile: table.document.fileName,
    initiatives,
    statedAmounts: new Map(stated.map((entry) => [entry.id, entry])),
    subLines: new Map(split.map((entry) => [entry.id, entry])),
    outsideFrame: new Map(scenario.outsideFrame.map((entry) => [entry.id, entry])),
    footnotes: table.footnotes,
    discrepancies: table.discrepancies,
  };
}
