/**
 * A comparison told the way a negotiator would say it: how many lines moved, what happened to the
 * reserve, where money was freed and what it went to, year by year, and how the years stand
 * against the frame. Every sentence comes from the exact øre figures of a PairComparison; nothing
 * is rounded, so the amounts in the text add up like the table.
 */
import { formatDanishAmount } from "./danishNumbers.ts";
import type { Oere } from "./money.ts";
import type { LineComparison, LineStatus, PairComparison } from "./compare.ts";

export type Language = "da" | "en";

type ItemKind = "NEW" | "RAISED" | "REMOVED" | "CUT";

interface YearFigure {
  year: number;
  amount: Oere;
}

interface HeadroomChange {
  year: number;
  before: Oere;
  after: Oere;
}

/** How a year over the frame stood before: within it, over by the same amount, or over by another amount. */
type OverBefore = { kind: "FITTED" } | { kind: "SAME" } | { kind: "OVER"; overBy: string };

/** Everything one language says; the only place user-facing text lives. */
interface Phrases {
  formatAmount(amount: Oere): string;
  /** The amount with its unit, for the first amount of a sentence. */
  withUnit(amountText: string): string;
  /** "a, b og c". */
  list(items: readonly string[]): string;
  quote(title: string): string;
  noDifferences: string;
  statusVerb: Record<Exclude<LineStatus, "UNCHANGED">, string>;
  /** The first count carries the noun ("6 linjer tilføjet"), the others only the verb ("1 fjernet"). */
  firstCount(count: number, verb: string): string;
  laterCount(count: number, verb: string): string;
  /** "7,6 mio. kr. i 2024" (with unit) or "6,1 i 2025". */
  amountInYear(amountText: string, year: number): string;
  /** "Reserven" or, when a scenario pair has several reserves, "Reserven »title«". */
  reserveName(title: string | null): string;
  reserveRemoved(name: string, amounts: string | null): string;
  reserveAdded(name: string, amounts: string | null): string;
  reserveCut(name: string, amounts: string): string;
  reserveRaised(name: string, amounts: string): string;
  item(kind: ItemKind, quotedTitle: string, amountText: string): string;
  freed(year: number, totalWithUnit: string, items: string): string;
  spentOn(year: number, totalWithUnit: string, items: string): string;
  /** "fra 0,9 til 1,1 mio. kr. i 2024"; the caller puts the unit on the first change's `after`. */
  headroomChange(before: string, after: string, year: number): string;
  headroom(changes: string): string;
  over(year: number, overByWithUnit: string, before: OverBefore): string;
  backWithin(year: number, spareWithUnit: string | null, wasOverWithUnit: string): string;
}

/**
 * An amount in mio. kr. with one decimal at least, never rounded: Danish "1.234,5", or the same
 * digits with the separators the English way round ("1,234.5").
 */
export function formatAmountIn(language: Language, amount: Oere): string {
  const danishText = formatDanishAmount(amount, { minDecimals: 1 });
  return language === "da" ? danishText : danishText.replace(/[.,]/g, (separator) => (separator === "." ? "," : "."));
}

/** "a, b og c" / "a, b and c". */
export function joinList(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1]}`;
}

const danish: Phrases = {
  formatAmount: (amount) => formatAmountIn("da", amount),
  withUnit: (amountText) => `${amountText} mio. kr.`,
  list: (items) => joinList(items, "og"),
  quote: (title) => `»${title}«`,
  noDifferences: "Ingen forskelle.",
  statusVerb: { ADDED: "tilføjet", REMOVED: "fjernet", CHANGED: "ændret" },
  firstCount: (count, verb) => `${count} ${count === 1 ? "linje" : "linjer"} ${verb}`,
  laterCount: (count, verb) => `${count} ${verb}`,
  amountInYear: (amountText, year) => `${amountText} i ${year}`,
  reserveName: (title) => (title === null ? "Reserven" : `Reserven »${title}«`),
  reserveRemoved: (name, amounts) => (amounts === null ? `${name} er fjernet.` : `${name} på ${amounts} er fjernet.`),
  reserveAdded: (name, amounts) => (amounts === null ? `${name} er tilføjet.` : `${name} på ${amounts} er tilføjet.`),
  reserveCut: (name, amounts) => `${name} er sat ned med ${amounts}.`,
  reserveRaised: (name, amounts) => `${name} er sat op med ${amounts}.`,
  item: (kind, quotedTitle, amountText) =>
    ({
      NEW: `${quotedTitle} (ny: ${amountText})`,
      RAISED: `${quotedTitle} (forhøjet med ${amountText})`,
      REMOVED: `${quotedTitle} (fjernet: ${amountText})`,
      CUT: `${quotedTitle} (sat ned med ${amountText})`,
    })[kind],
  freed: (year, total, items) => `I ${year} frigøres ${total} fra ${items}.`,
  spentOn: (year, total, items) => `I ${year} går ${total} til ${items}.`,
  headroomChange: (before, after, year) => `fra ${before} til ${after} i ${year}`,
  headroom: (changes) => `Det uudmøntede beløb under rammen går ${changes}.`,
  over: (year, overBy, before) =>
    `${year} er ${overBy} over rammen${
      before.kind === "SAME" ? " (uændret)" : before.kind === "OVER" ? ` (før: ${before.overBy})` : ""
    }.`,
  backWithin: (year, spare, wasOver) =>
    spare === null
      ? `${year} er nu inden for rammen; før var året ${wasOver} over.`
      : `${year} er nu inden for rammen med ${spare} til overs; før var året ${wasOver} over.`,
};

const english: Phrases = {
  formatAmount: (amount) => formatAmountIn("en", amount),
  withUnit: (amountText) => `DKK ${amountText} million`,
  list: (items) => joinList(items, "and"),
  quote: (title) => `“${title}”`,
  noDifferences: "No differences.",
  statusVerb: { ADDED: "added", REMOVED: "removed", CHANGED: "changed" },
  firstCount: (count, verb) => `${count} ${count === 1 ? "line" : "lines"} ${verb}`,
  laterCount: (count, verb) => `${count} ${verb}`,
  amountInYear: (amountText, year) => `${amountText} in ${year}`,
  reserveName: (title) => (title === null ? "The reserve" : `The reserve “${title}”`),
  reserveRemoved: (name, amounts) =>
    amounts === null ? `${name} has been removed.` : `${name} of ${amounts} has been removed.`,
  reserveAdded: (name, amounts) =>
    amounts === null ? `${name} has been added.` : `${name} of ${amounts} has been added.`,
  reserveCut: (name, amounts) => `${name} has been cut by ${amounts}.`,
  reserveRaised: (name, amounts) => `${name} has been raised by ${amounts}.`,
  item: (kind, quotedTitle, amountText) =>
    ({
      NEW: `${quotedTitle} (new: ${amountText})`,
      RAISED: `${quotedTitle} (raised by ${amountText})`,
      REMOVED: `${quotedTitle} (removed: ${amountText})`,
      CUT: `${quotedTitle} (cut by ${amountText})`,
    })[kind],
  freed: (year, total, items) => `In ${year}, ${total} is freed from ${items}.`,
  spentOn: (year, total, items) => `In ${year}, ${total} goes to ${items}.`,
  headroomChange: (before, after, year) => `from ${before} to ${after} in ${year}`,
  headroom: (changes) => `The unallocated amount under the frame goes ${changes}.`,
  over: (year, overBy, before) =>
    `${year} is ${overBy} over the frame${
      before.kind === "SAME" ? " (unchanged)" : before.kind === "OVER" ? ` (before: ${before.overBy})` : ""
    }.`,
  backWithin: (year, spare, wasOver) =>
    spare === null
      ? `${year} is now within the frame; it was ${wasOver} over.`
      : `${year} is now within the frame with ${spare} to spare; it was ${wasOver} over.`,
};

const PHRASES: Record<Language, Phrases> = { da: danish, en: english };

/**
 * Sentences describing how `comparison.otherKey` differs from `comparison.baseKey`, in this order:
 * the counts of added, removed and changed lines; what happened to the reserve; per year, what was
 * freed from other lines and what the money went to; the change in unallocated money per year; and
 * every year over the frame. A category with nothing to say gives no sentence; identical scenarios
 * give one sentence saying so. Reserve lines are told only by the reserve sentences.
 */
export function describeComparison(
  comparison: PairComparison,
  titleOf: (initiativeId: string) => string,
  language: Language,
): string[] {
  const say = PHRASES[language];
  const { counts } = comparison;
  if (counts.ADDED === 0 && counts.REMOVED === 0 && counts.CHANGED === 0) return [say.noDifferences];

  return [
    countsSentence(comparison, say),
    ...reserveSentences(comparison, titleOf, say),
    ...moneyFlowSentences(comparison, titleOf, say),
    ...frameSentences(comparison, say),
  ];
}

function countsSentence(comparison: PairComparison, say: Phrases): string {
  const statuses = ["ADDED", "REMOVED", "CHANGED"] as const;
  const parts = statuses
    .filter((status) => comparison.counts[status] > 0)
    .map((status, index) => {
      const count = comparison.counts[status];
      const verb = say.statusVerb[status];
      return index === 0 ? say.firstCount(count, verb) : say.laterCount(count, verb);
    });
  return `${say.list(parts)}.`;
}

/** "7,6 mio. kr. i 2024, 6,1 i 2025 og 7,3 i 2026": the unit once, on the first amount. */
function amountsByYear(entries: readonly YearFigure[], say: Phrases): string | null {
  if (entries.length === 0) return null;
  return say.list(
    entries.map(({ year, amount }, index) => {
      const text = say.formatAmount(amount);
      return say.amountInYear(index === 0 ? say.withUnit(text) : text, year);
    }),
  );
}

/** The entries with a positive amount: a year with nothing (or a move the other way) is not mentioned. */
function nonZero(entries: readonly YearFigure[]): YearFigure[] {
  return entries.filter((entry) => entry.amount > 0n);
}

function reserveSentences(
  comparison: PairComparison,
  titleOf: (initiativeId: string) => string,
  say: Phrases,
): string[] {
  const reserves = comparison.lines.filter((line) => line.isReserve);
  const sentences: string[] = [];
  for (const line of reserves) {
    const name = say.reserveName(reserves.length > 1 ? titleOf(line.initiativeId) : null);
    if (line.status === "REMOVED") {
      const held = nonZero(line.cells.map((cell) => ({ year: cell.year, amount: cell.base ?? 0n })));
      sentences.push(say.reserveRemoved(name, amountsByYear(held, say)));
    } else if (line.status === "ADDED") {
      const holds = nonZero(line.cells.map((cell) => ({ year: cell.year, amount: cell.other ?? 0n })));
      sentences.push(say.reserveAdded(name, amountsByYear(holds, say)));
    } else if (line.status === "CHANGED") {
      const cuts = nonZero(line.cells.map((cell) => ({ year: cell.year, amount: -cell.difference })));
      const raises = nonZero(line.cells.map((cell) => ({ year: cell.year, amount: cell.difference })));
      const cutText = amountsByYear(cuts, say);
      const raiseText = amountsByYear(raises, say);
      if (cutText !== null) sentences.push(say.reserveCut(name, cutText));
      if (raiseText !== null) sentences.push(say.reserveRaised(name, raiseText));
    }
  }
  return sentences;
}

/** Per year: what was freed from ordinary lines, then what ordinary lines received. */
function moneyFlowSentences(
  comparison: PairComparison,
  titleOf: (initiativeId: string) => string,
  say: Phrases,
): string[] {
  const ordinary = comparison.lines.filter((line) => !line.isReserve && line.status !== "UNCHANGED");
  return comparison.years.flatMap((flow, index) => {
    const freed: Array<{ kind: ItemKind; line: LineComparison; amount: Oere }> = [];
    const spent: Array<{ kind: ItemKind; line: LineComparison; amount: Oere }> = [];
    for (const line of ordinary) {
      const difference = line.cells[index]?.difference ?? 0n;
      if (difference < 0n) freed.push({ kind: line.status === "REMOVED" ? "REMOVED" : "CUT", line, amount: -difference });
      if (difference > 0n) spent.push({ kind: line.status === "ADDED" ? "NEW" : "RAISED", line, amount: difference });
    }
    const sentences: string[] = [];
    for (const [items, sentence] of [
      [freed, say.freed],
      [spent, say.spentOn],
    ] as const) {
      if (items.length === 0) continue;
      const total = items.reduce((sum, item) => sum + item.amount, 0n);
      const described = items.map((item) =>
        say.item(item.kind, say.quote(titleOf(item.line.initiativeId)), say.formatAmount(item.amount)),
      );
      sentences.push(sentence(flow.year, say.withUnit(say.formatAmount(total)), say.list(described)));
    }
    return sentences;
  });
}

/** The unallocated money in years that fit both before and after, then each year the other scenario breaks or mends. */
function frameSentences(comparison: PairComparison, say: Phrases): string[] {
  const headroomChanges: HeadroomChange[] = comparison.years
    .filter((flow) => flow.baseOverBy === 0n && flow.otherOverBy === 0n && flow.net !== 0n)
    .map((flow) => ({ year: flow.year, before: flow.baseHeadroom, after: flow.otherHeadroom }));
  const sentences: string[] = [];
  if (headroomChanges.length > 0) {
    const changes = headroomChanges.map((change, index) => {
      const after = say.formatAmount(change.after);
      return say.headroomChange(say.formatAmount(change.before), index === 0 ? say.withUnit(after) : after, change.year);
    });
    sentences.push(say.headroom(say.list(changes)));
  }
  for (const flow of comparison.years) {
    if (flow.otherOverBy > 0n) {
      const before: OverBefore =
        flow.baseOverBy === 0n
          ? { kind: "FITTED" }
          : flow.baseOverBy === flow.otherOverBy
            ? { kind: "SAME" }
            : { kind: "OVER", overBy: say.formatAmount(flow.baseOverBy) };
      sentences.push(say.over(flow.year, say.withUnit(say.formatAmount(flow.otherOverBy)), before));
    } else if (flow.baseOverBy > 0n) {
      const spare = flow.otherHeadroom > 0n ? say.withUnit(say.formatAmount(flow.otherHeadroom)) : null;
      sentences.push(say.backWithin(flow.year, spare, say.withUnit(say.formatAmount(flow.baseOverBy))));
    }
  }
  return sentences;
}
