/**
 * A scenario's totals per frame year, against the frame and, for baselines, against the total the
 * document printed. The one place these figures are put together: the Scenario.yearTotals field
 * and every edit's payload both use it.
 */
import { checkStatedTotal, frameYearTotals, type FrameYearTotal, type Oere, type StatedTotalStatus, type YearAmount } from "@ramme/domain";
import type { Transaction } from "../db.ts";
import type { Footnote, OutsideFrameAmount, StatedTotal } from "../generated/prisma/client.ts";

export interface StatedTotalCheckShape {
  stated: Oere;
  printed: string;
  computed: Oere;
  difference: Oere;
  explained: Oere;
  unexplained: Oere;
  status: StatedTotalStatus;
  footnotes: Footnote[];
  explainedBy: OutsideFrameAmount[];
}

export interface YearTotalShape extends FrameYearTotal {
  statedTotalCheck: StatedTotalCheckShape | null;
  outsideFrame: OutsideFrameAmount[];
}

export interface PrintedTableTotals {
  id: string;
  statedTotals: StatedTotal[];
  footnotes: Footnote[];
}

export function buildYearTotals(input: {
  frameYears: readonly YearAmount[];
  allocated: ReadonlyMap<number, Oere>;
  outsideFrame: readonly OutsideFrameAmount[];
  printedTable: PrintedTableTotals | null;
}): YearTotalShape[] {
  const table = input.printedTable;
  return frameYearTotals(input.frameYears, input.allocated).map((total) => {
    const coversYear = (entry: OutsideFrameAmount) =>
      entry.amount !== null && entry.fromYear !== null && entry.toYear !== null && entry.fromYear <= total.year && total.year <= entry.toYear;
    const stated = table?.statedTotals.find((entry) => entry.year === total.year);
    let statedTotalCheck: StatedTotalCheckShape | null = null;
    if (table && stated) {
      const markers = stated.footnoteMarkers as string[];
      const explainedBy = input.outsideFrame.filter(
        (entry) => entry.explainsTableId === table.id && entry.footnoteMarker !== null && markers.includes(entry.footnoteMarker) && coversYear(entry),
      );
      statedTotalCheck = {
        ...checkStatedTotal(stated.amount, total.allocated, explainedBy.map((entry) => entry.amount ?? 0n)),
        printed: stated.printed,
        footnotes: table.footnotes.filter((note) => markers.includes(note.marker)),
        explainedBy,
      };
    }
    return { ...total, statedTotalCheck, outsideFrame: input.outsideFrame.filter(coversYear) };
  });
}

/**
 * The scenario's YearTotals for given frame years and allocated sums (a live event's, or a price
 * level's): the documents' notes outside the frame and the printed totals read from the database,
 * so every place that shows a year total shows the same shape as Scenario.yearTotals.
 * `withPrintedTotals: false` where the printed totals do not apply (another price level).
 */
export async function scenarioYearTotals(
  client: Transaction,
  scenarioId: string,
  frameYears: readonly YearAmount[],
  allocated: ReadonlyMap<number, Oere>,
  withPrintedTotals = true,
): Promise<YearTotalShape[]> {
  const [outsideFrame, printedTable] = await Promise.all([
    client.outsideFrameAmount.findMany({ where: { scenarioId }, orderBy: { id: "asc" } }),
    withPrintedTotals ? client.sourceTable.findUnique({ where: { scenarioId }, select: { id: true, statedTotals: true, footnotes: true } }) : null,
  ]);
  return buildYearTotals({ frameYears, allocated, outsideFrame, printedTable });
}
