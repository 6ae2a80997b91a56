/**
 * Proposals for bringing a scenario inside its frame. Nothing here changes a scenario: the result
 * lists the cells a person could accept, with the totals they would give, so the decision on what
 * to cut stays with the person.
 */
import { MAX_MIO_DECIMALS, OERE_PER_MIO, formatMio, type Oere } from "./money.ts";
import { allocatedByYear, frameBreaches, frameYearTotals, type FrameYearTotal, type YearAmount } from "./totals.ts";

export type BalanceStrategy =
  /** Cut the chosen lines in proportion to their amount in each year over the frame. */
  | { kind: "REDUCE_PRO_RATA"; initiativeIds: readonly string[] }
  /** Let the reserve absorb the difference each year: cut when over, top up with spare headroom when under. */
  | { kind: "RESERVE"; reserveInitiativeId: string };

export interface BalanceLine {
  initiativeId: string;
  amounts: readonly YearAmount[];
}

export interface BalanceInput {
  frame: readonly YearAmount[];
  lines: readonly BalanceLine[];
  strategy: BalanceStrategy;
  /** The frame's precision in decimals of mio. kr.; every proposed amount is a multiple of 10^-precisionDecimals mio. kr. */
  precisionDecimals: number;
}

export interface BalanceCellChange {
  initiativeId: string;
  year: number;
  before: Oere;
  after: Oere;
}

export interface BalanceProposal {
  /** Only the cells that change, by frame year (frame order) and within a year in line order. */
  cells: BalanceCellChange[];
  /** The frame totals if every proposed cell were accepted. */
  totalsAfter: FrameYearTotal[];
  /** Years still over the frame after the proposal, with the amount over. */
  unresolved: Array<{ year: number; overBy: Oere }>;
}

/** The smallest step an amount may take at the given precision, in øre (0,1 mio. kr. = 10,000,000 øre at precision 1). */
export function precisionUnit(precisionDecimals: number): Oere {
  if (!Number.isInteger(precisionDecimals) || precisionDecimals < 0 || precisionDecimals > MAX_MIO_DECIMALS) {
    throw new Error(`Precision must be a whole number of decimals from 0 to ${MAX_MIO_DECIMALS}, got ${precisionDecimals}`);
  }
  return OERE_PER_MIO / 10n ** BigInt(precisionDecimals);
}

/**
 * Proposes amounts that bring every frame year inside the frame, without applying them.
 * Throws a plain Error for an initiative the strategy names that is not among the lines, for an
 * initiative listed twice, for a precision outside 0–8 decimals, and for a line to cut pro rata whose
 * amount in a year over the frame is not a multiple of the precision unit (amounts are validated
 * against the frame's precision on input, so each is a programming error upstream).
 */
export function proposeBalance(input: BalanceInput): BalanceProposal {
  const { frame, lines, strategy } = input;
  const unit = precisionUnit(input.precisionDecimals);
  const known = new Set(lines.map((line) => line.initiativeId));
  if (known.size !== lines.length) throw new Error("A scenario holds each initiative at most once");
  const named = strategy.kind === "RESERVE" ? [strategy.reserveInitiativeId] : strategy.initiativeIds;
  for (const initiativeId of named) {
    if (!known.has(initiativeId)) throw new Error(`Initiative ${initiativeId} is not among the scenario's lines`);
  }

  // Working copy: initiativeId → year → amount, so accepted cells can be summed into the totals after.
  const working = new Map(lines.map((line) => [line.initiativeId, amountsByYear(line)]));
  const years = frame.map((cell) => cell.year);
  const totalsBefore = frameYearTotals(frame, allocatedByYear(lines, years));

  const cells: BalanceCellChange[] = [];
  for (const total of totalsBefore) {
    const changes =
      strategy.kind === "RESERVE"
        ? reserveChange(strategy.reserveInitiativeId, total, working, unit)
        : proRataChanges(inLineOrder(lines, strategy.initiativeIds), total, working, unit);
    for (const change of changes) {
      working.get(change.initiativeId)?.set(change.year, change.after);
      cells.push(change);
    }
  }

  const linesAfter = [...working.values()].map((byYear) => ({
    amounts: [...byYear.entries()].map(([year, amount]) => ({ year, amount })),
  }));
  const totalsAfter = frameYearTotals(frame, allocatedByYear(linesAfter, years));
  return { cells, totalsAfter, unresolved: frameBreaches(totalsAfter) };
}

function amountsByYear(line: BalanceLine): Map<number, Oere> {
  const byYear = new Map<number, Oere>();
  for (const cell of line.amounts) byYear.set(cell.year, (byYear.get(cell.year) ?? 0n) + cell.amount);
  return byYear;
}

/** The chosen initiatives in the scenario's line order, each once: line order decides ties, not the order of choosing. */
function inLineOrder(lines: readonly BalanceLine[], chosen: readonly string[]): string[] {
  const wanted = new Set(chosen);
  return lines.map((line) => line.initiativeId).filter((initiativeId) => wanted.has(initiativeId));
}

/** The largest multiple of `unit` not above `amount` (amount ≥ 0). */
function floorToUnit(amount: Oere, unit: Oere): Oere {
  return amount - (amount % unit);
}

/** The smallest multiple of `unit` not below `amount` (amount ≥ 0). */
function ceilToUnit(amount: Oere, unit: Oere): Oere {
  const remainder = amount % unit;
  return remainder === 0n ? amount : amount + unit - remainder;
}

/**
 * Cuts the chosen lines in a year over the frame in proportion to their amounts, in whole units.
 * The cut is the overage rounded up to the unit (so the year lands on the frame, or just under it
 * when the overage is not a whole number of units). Each line first gets the whole units of its
 * exact share; the units left over go to the largest remainders, earlier line first on a tie, so
 * the cuts add up exactly. A line never goes below zero: leftover units go only to lines whose
 * exact share has a remainder, and such a share is below the line's amount.
 */
function proRataChanges(
  initiativeIds: readonly string[],
  total: FrameYearTotal,
  working: ReadonlyMap<string, Map<number, Oere>>,
  unit: Oere,
): BalanceCellChange[] {
  if (total.overBy === 0n) return [];
  const { year } = total;
  const chosen = initiativeIds.map((initiativeId) => {
    const amount = working.get(initiativeId)?.get(year) ?? 0n;
    if (amount % unit !== 0n) {
      throw new Error(`Amount ${formatMio(amount)} of ${initiativeId} in ${year} is not a multiple of the precision unit`);
    }
    return { initiativeId, amount };
  });
  const available = chosen.reduce((sum, line) => sum + line.amount, 0n);
  const cut = ceilToUnit(total.overBy, unit);

  // The chosen lines cannot give more than they hold: take them to zero (the year may stay over).
  if (available <= cut) {
    return chosen
      .filter((line) => line.amount > 0n)
      .map(({ initiativeId, amount }) => ({ initiativeId, year, before: amount, after: 0n }));
  }

  // In units: share_i = cutUnits * amountUnits_i / availableUnits, split into whole units and a remainder.
  const cutUnits = cut / unit;
  const availableUnits = available / unit;
  const shares = chosen.map((line, index) => {
    const numerator = cutUnits * (line.amount / unit);
    return { index, units: numerator / availableUnits, remainder: numerator % availableUnits };
  });
  let leftover = cutUnits - shares.reduce((sum, share) => sum + share.units, 0n);
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const share of byRemainder) {
    if (leftover === 0n) break;
    share.units += 1n;
    leftover -= 1n;
  }

  return shares.flatMap((share) => {
    const line = chosen[share.index];
    if (!line || share.units === 0n) return [];
    return [{ initiativeId: line.initiativeId, year, before: line.amount, after: line.amount - share.units * unit }];
  });
}

/**
 * Sets the reserve to what is left of the frame: reserve + headroom, never below zero, rounded down
 * to the unit so the year stays inside the frame. A year the reserve cannot cover stays over.
 */
function reserveChange(
  reserveInitiativeId: string,
  total: FrameYearTotal,
  working: ReadonlyMap<string, Map<number, Oere>>,
  unit: Oere,
): BalanceCellChange[] {
  const before = working.get(reserveInitiativeId)?.get(total.year) ?? 0n;
  const wanted = before + total.headroom;
  const after = wanted > 0n ? floorToUnit(wanted, unit) : 0n;
  return after === before ? [] : [{ initiativeId: reserveInitiativeId, year: total.year, before, after }];
}
