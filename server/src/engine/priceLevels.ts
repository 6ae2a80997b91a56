/**
 * The price index table and price levels. Changing the table is done here and only here
 * (setPriceIndex, removePriceIndex), so restricting it to admins later is one check in one place.
 * Converting is a view (domain/priceLevels.ts): stored amounts are never touched.
 */
import { DOCUMENTS_ACTOR } from "../seed/seedDatabase.ts";
import {
  convertYearAmounts,
  formatIndexValue,
  parseIndexValue,
  priceConversion,
  priceLevelLabel,
  priceLevelYear,
  PRICE_INDEX_YEARS,
  sumOere,
  type IndexError,
  type IndexValue,
  type PriceConversion,
  type YearAmount,
} from "@ramme/domain";
import { writeTransaction, type Database } from "../db.ts";
import type { PriceIndex } from "../generated/prisma/client.ts";
import { InvalidInputError, type InputProblemCode } from "./errors.ts";
import { ProblemList } from "./input.ts";

/** A price level to show amounts in, with the figures and sources a reader needs to redo the arithmetic. */
export interface PriceLevelShape extends PriceConversion {
  label: string;
  baseLabel: string;
  source: string;
  baseSource: string;
}

/** The frame's base year, from its price level ("2024-pl"). */
export function baseYearOf(framePriceLevel: string): number {
  const year = priceLevelYear(framePriceLevel);
  if (year === null) throw new Error(`the frame's price level ${JSON.stringify(framePriceLevel)} names no year`);
  return year;
}

const INDEX_CODES: Record<IndexError["code"], InputProblemCode> = {
  EMPTY: "EMPTY",
  NOT_A_NUMBER: "NOT_A_NUMBER",
  AMBIGUOUS: "AMBIGUOUS",
  TOO_PRECISE: "TOO_PRECISE",
  TOO_LARGE: "TOO_LARGE",
  NOT_POSITIVE: "NOT_POSITIVE",
};
const INDEX_MESSAGES: Record<IndexError["code"], (error: IndexError) => string> = {
  EMPTY: () => "an index value is required.",
  NOT_A_NUMBER: (error) => `${JSON.stringify(error.input)} is not a number.`,
  AMBIGUOUS: (error) => `${JSON.stringify(error.input)} is ambiguous: write 1003,25 or 1.003,25, not 1.003.`,
  TOO_PRECISE: (error) => `${JSON.stringify(error.input)} has more than ${error.maxDecimals} decimals.`,
  TOO_LARGE: (error) => `${JSON.stringify(error.input)} is not below 10000.`,
  NOT_POSITIVE: (error) => `${JSON.stringify(error.input)} is not above 0; an index is positive.`,
};

function checkYear(problems: ProblemList, field: string, year: number): void {
  if (!Number.isInteger(year) || year < PRICE_INDEX_YEARS.from || year > PRICE_INDEX_YEARS.to) {
    problems.add(field, "YEAR_OUT_OF_RANGE", `a price level year is from ${PRICE_INDEX_YEARS.from} to ${PRICE_INDEX_YEARS.to}.`, String(year));
  }
}

/**
 * The base year of the table: the documents' frame's (the life science frame's 2024 = 100), never
 * changed here. The table is one for every frame; a frame made later in another price level reads
 * its base year's index from it like any other year's (issue 22).
 */
async function baseYears(client: Pick<Database, "frame">): Promise<Set<number>> {
  return new Set((await client.frame.findMany({ where: { createdBy: DOCUMENTS_ACTOR }, select: { priceLevel: true } })).map((frame) => baseYearOf(frame.priceLevel)));
}

export interface SetPriceIndexInput {
  year: number;
  value: string;
  source: string;
}

/** Enters or corrects a year's index. Refuses the base year, a bad year, value or source; stores nothing then. */
export function setPriceIndex(input: SetPriceIndexInput, actor: string): Promise<PriceIndex> {
  const problems = new ProblemList();
  checkYear(problems, "input.year", input.year);
  const parsed = parseIndexValue(input.value);
  if (!parsed.ok) problems.add("input.value", INDEX_CODES[parsed.error.code], INDEX_MESSAGES[parsed.error.code](parsed.error), input.value);
  const source = problems.text("input.source", input.source, { max: 1_000, required: true });
  return writeTransaction(async (tx) => {
    if ((await baseYears(tx)).has(input.year)) problems.add("input.year", "BASE_PRICE_LEVEL", `${input.year} is the frame's base year; its index is 100 by definition.`, String(input.year));
    problems.throwIfAny();
    const at = new Date();
    const value = formatIndexValue((parsed as { value: IndexValue }).value);
    const before = await tx.priceIndex.findUnique({ where: { year: input.year } });
    await tx.priceIndexChange.create({ data: { year: input.year, before: before?.value ?? null, after: value, source: source!, actor, at } });
    const fields = { value, source: source!, updatedBy: actor, updatedAt: at };
    return tx.priceIndex.upsert({ where: { year: input.year }, create: { year: input.year, ...fields }, update: fields });
  });
}

/** Removes a year's index (the base year's stays). Answers the row as it was. */
export function removePriceIndex(input: { year: number }, actor: string): Promise<PriceIndex> {
  const problems = new ProblemList();
  checkYear(problems, "input.year", input.year);
  return writeTransaction(async (tx) => {
    if ((await baseYears(tx)).has(input.year)) problems.add("input.year", "BASE_PRICE_LEVEL", `${input.year} is the frame's base year; its index cannot be removed.`, String(input.year));
    problems.throwIfAny();
    const row = await tx.priceIndex.findUnique({ where: { year: input.year } });
    if (!row) throw InvalidInputError.of("input.year", "NO_PRICE_INDEX", `there is no index for ${input.year}.`, String(input.year));
    await tx.priceIndex.delete({ where: { year: input.year } });
    await tx.priceIndexChange.create({ data: { year: input.year, before: row.value, after: null, source: row.source, actor } });
    return row;
  });
}

/**
 * The price level `year` (null: the base year) for a frame whose price level is `framePriceLevel`.
 * A year without an index is refused at `field`, saying to enter the index first.
 */
export async function priceLevelFor(client: Pick<Database, "priceIndex">, framePriceLevel: string, year: number | null | undefined, field: string): Promise<PriceLevelShape> {
  const baseYear = baseYearOf(framePriceLevel);
  const target = year ?? baseYear;
  const problems = new ProblemList();
  checkYear(problems, field, target);
  problems.throwIfAny();
  const rows = await client.priceIndex.findMany({ where: { year: { in: [baseYear, target] } } });
  const base = rows.find((row) => row.year === baseYear);
  const chosen = rows.find((row) => row.year === target);
  if (target === baseYear && !base) {
    // The frame's own price level needs no index: a frame whose base year has none in the table
    // (a frame made later, issue 22) shows its amounts as stored, like the life science frame's 2024.
    const own = (parseIndexValue("100") as { value: IndexValue }).value;
    const label = priceLevelLabel(baseYear);
    return { ...priceConversion(baseYear, own, baseYear, own), label, baseLabel: label, source: `Rammens eget prisniveau (${label}).`, baseSource: `Rammens eget prisniveau (${label}).` };
  }
  if (!chosen || !base) {
    throw InvalidInputError.of(field, "NO_PRICE_INDEX", `there is no price index for ${target}; enter the index first (setPriceIndex).`, String(target));
  }
  const indexOf = (row: PriceIndex) => (parseIndexValue(row.value) as { value: IndexValue }).value;
  return {
    ...priceConversion(baseYear, indexOf(base), target, indexOf(chosen)),
    label: priceLevelLabel(target),
    baseLabel: priceLevelLabel(baseYear),
    source: chosen.source,
    baseSource: base.source,
  };
}

/** Whether a price level shows the stored amounts as they are. */
export const isBaseLevel = (level: PriceConversion) => level.ratio.numerator === level.ratio.denominator;

/** A line's amounts in the price level, each converted on its own, with the total as their sum. */
export function convertLine<T extends { amounts: YearAmount[] }>(line: T, level: PriceConversion): T & { total: bigint } {
  const amounts = convertYearAmounts(line.amounts, level.ratio);
  return { ...line, amounts, total: sumOere(amounts.map((cell) => cell.amount)) };
}
