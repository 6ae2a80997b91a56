/**
 * The consistency report of a baseline: everything a document states about its own money, checked
 * against its table's lines — the printed totals, every amount its text states (per year, over a
 * period, for several rows together, split between recipients) — each difference with the paragraph
 * it comes from and the footnotes that explain it. Exact øre throughout; nothing is rounded.
 */
import { formatDanishAmount } from "./danishNumbers.ts";
import type { Language } from "./describeComparison.ts";
import { sumOere, type Oere } from "./money.ts";
import { checkStatedTotal, type YearAmount } from "./totals.ts";

export type ConsistencyCheckKind =
  /** A table's printed total ("I alt") for a year against the sum of its lines. */
  | "STATED_TOTAL"
  /** The text states the whole frame for a year; against the sum of all lines. */
  | "TEXT_FRAME"
  /** An amount the text states for a year, against its line(s) that year. */
  | "TEXT_PER_YEAR"
  /** An amount the text states over a period ("i alt … i 2024-25"), against its line(s) summed over it. */
  | "TEXT_PERIOD_TOTAL"
  /** A line has money in a year for which the text, which speaks of the line, states nothing. */
  | "TEXT_UNSTATED_YEAR"
  /** The parts the text splits a row into (two recipients), summed, against the row in a year. */
  | "TEXT_SPLIT"
  /** An "of which" the text names within a row, against the row in a year: it must fit. */
  | "TEXT_OF_WHICH"
  /** Money the document states beside the frame: listed, never compared with the lines. */
  | "OUTSIDE_FRAME";

export type ConsistencyStatus = "MATCHES" | "EXPLAINED" | "PARTLY_EXPLAINED" | "UNEXPLAINED" | "NOT_COMPARABLE";

export type NotComparableReason =
  /** Money outside the frame (another agreement's, co-financing…): no line of the table holds it. */
  | "OUTSIDE_FRAME"
  /** A part of a row, which the table does not print on its own (checked by the TEXT_SPLIT/TEXT_OF_WHICH checks). */
  | "PART_OF_LINE"
  /** The statement names no line of this table. */
  | "NO_TABLE_LINE";

/** Where in the document a check's statement is. */
export interface ConsistencySource {
  paragraph: number | null;
  section: string;
  quote: string | null;
}

export interface ConsistencyLineInput {
  initiativeId: string;
  amounts: readonly YearAmount[];
}

export interface ConsistencyStatedTotalInput {
  year: number;
  amount: Oere;
  printed: string;
  footnoteMarkers: readonly string[];
}

export interface ConsistencyFootnoteInput {
  marker: string;
  text: string;
}

export interface ConsistencyOutsideFrameInput {
  id: string;
  description: string;
  amount: Oere | null;
  fromYear: number | null;
  toYear: number | null;
  /** The marker of the table's total this amount is included in (it explains that total's difference); null otherwise. */
  explainsMarker: string | null;
  source: ConsistencySource;
}

export interface ConsistencyStatedAmountInput {
  id: string;
  amount: Oere;
  basis: "PER_YEAR" | "PERIOD_TOTAL";
  fromYear: number;
  toYear: number;
  withinFrame: boolean;
  initiativeIds: readonly string[];
  subLineId: string | null;
  note: string | null;
  source: ConsistencySource;
}

export interface ConsistencySubLineInput {
  id: string;
  initiativeId: string;
  kind: "PART" | "OF_WHICH";
  amounts: readonly YearAmount[];
  source: ConsistencySource;
}

export interface ConsistencyInput {
  /** The frame, year by year: a text amount without lines that equals it every year states the frame. */
  frame: readonly YearAmount[];
  /** The table's lines, in table order. */
  lines: readonly ConsistencyLineInput[];
  /** Where the table is printed (the source of its totals). */
  table: ConsistencySource;
  statedTotals: readonly ConsistencyStatedTotalInput[];
  footnotes: readonly ConsistencyFootnoteInput[];
  outsideFrame: readonly ConsistencyOutsideFrameInput[];
  /** The amounts the document's text states, in text order; empty when its text states none. */
  statedAmounts: readonly ConsistencyStatedAmountInput[];
  subLines: readonly ConsistencySubLineInput[];
}

export interface ConsistencyCheck {
  kind: ConsistencyCheckKind;
  status: ConsistencyStatus;
  /** Why a NOT_COMPARABLE check is not compared; null otherwise. */
  reason: NotComparableReason | null;
  /** The year, or the period, the statement covers. */
  fromYear: number | null;
  toYear: number | null;
  /** What the document states; null where the text states nothing (TEXT_UNSTATED_YEAR). */
  stated: Oere | null;
  /** The table's figure for the same thing; null when not comparable. */
  computed: Oere | null;
  /** stated - computed, a missing statement counting as 0; null when not comparable. */
  difference: Oere | null;
  /** The part of the difference the document's footnotes account for. */
  explained: Oere;
  /** difference - explained; null when not comparable. */
  unexplained: Oere | null;
  /** The lines the statement is about (empty: the whole table, or none). */
  initiativeIds: string[];
  /** The sub-lines (parts of a row) the check is about. */
  subLineIds: string[];
  /** The text's stated amount the check comes from. */
  statedAmountId: string | null;
  source: ConsistencySource;
  /** The table's footnotes attached to the statement (a printed total's markers). */
  footnotes: ConsistencyFootnoteInput[];
  /** Outside-frame amounts (ids) the footnotes say the printed total includes. */
  explainedBy: string[];
  /** The transcriber's note on the statement, if any. */
  note: string | null;
}

export type ConsistencyCounts = Record<ConsistencyStatus, number>;

export interface ConsistencyReport {
  checks: ConsistencyCheck[];
  counts: ConsistencyCounts;
  /** Checks whose figures differ (EXPLAINED, PARTLY_EXPLAINED or UNEXPLAINED). */
  differences: number;
}

const STATUSES: readonly ConsistencyStatus[] = ["MATCHES", "EXPLAINED", "PARTLY_EXPLAINED", "UNEXPLAINED", "NOT_COMPARABLE"];

const yearsBetween = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, index) => from + index);

/** A compared check: MATCHES or UNEXPLAINED, the text having no footnotes of its own. */
function compared(stated: Oere | null, computed: Oere, fits: (difference: Oere) => boolean = (difference) => difference === 0n) {
  const difference = (stated ?? 0n) - computed;
  return {
    status: (fits(difference) ? "MATCHES" : "UNEXPLAINED") as ConsistencyStatus,
    reason: null,
    stated,
    computed,
    difference,
    explained: 0n,
    unexplained: fits(difference) ? 0n : difference,
  };
}

const notComparable = (reason: NotComparableReason, stated: Oere | null) => ({
  status: "NOT_COMPARABLE" as const,
  reason,
  stated,
  computed: null,
  difference: null,
  explained: 0n,
  unexplained: null,
});

const noLinks = { initiativeIds: [], subLineIds: [], statedAmountId: null, footnotes: [], explainedBy: [], note: null };

/** Every check of a baseline's consistency report, in the order: printed totals, the text's amounts, split rows, money beside the frame. */
export function checkConsistency(input: ConsistencyInput): ConsistencyReport {
  const lineAmount = new Map<string, Map<number, Oere>>();
  for (const line of input.lines) lineAmount.set(line.initiativeId, new Map(line.amounts.map((cell) => [cell.year, cell.amount])));
  const amountOf = (initiativeIds: readonly string[], years: readonly number[]) =>
    sumOere(initiativeIds.flatMap((id) => years.map((year) => lineAmount.get(id)?.get(year) ?? 0n)));
  const allLines = input.lines.map((line) => line.initiativeId);
  const frame = new Map(input.frame.map((entry) => [entry.year, entry.amount]));
  const checks: ConsistencyCheck[] = [];

  for (const total of input.statedTotals) {
    const explainedBy = input.outsideFrame.filter(
      (entry) =>
        entry.amount !== null && entry.explainsMarker !== null && total.footnoteMarkers.includes(entry.explainsMarker) &&
        entry.fromYear !== null && entry.toYear !== null && entry.fromYear <= total.year && total.year <= entry.toYear,
    );
    const check = checkStatedTotal(total.amount, amountOf(allLines, [total.year]), explainedBy.map((entry) => entry.amount!));
    checks.push({
      ...noLinks,
      kind: "STATED_TOTAL",
      reason: null,
      fromYear: total.year,
      toYear: total.year,
      ...check,
      source: { ...input.table, quote: `I alt ${total.printed}${total.footnoteMarkers.join("")}` },
      footnotes: input.footnotes.filter((note) => total.footnoteMarkers.includes(note.marker)),
      explainedBy: explainedBy.map((entry) => entry.id),
    });
  }

  for (const stated of input.statedAmounts) {
    const base = { ...noLinks, initiativeIds: [...stated.initiativeIds], statedAmountId: stated.id, source: stated.source, note: stated.note };
    const years = yearsBetween(stated.fromYear, stated.toYear);
    const statesFrame =
      stated.initiativeIds.length === 0 && !stated.withinFrame && stated.basis === "PER_YEAR" && years.every((year) => frame.get(year) === stated.amount);
    const period = { fromYear: stated.fromYear, toYear: stated.toYear };
    if (statesFrame) {
      for (const year of years) checks.push({ ...base, kind: "TEXT_FRAME", fromYear: year, toYear: year, ...compared(stated.amount, amountOf(allLines, [year])) });
      continue;
    }
    const kind = stated.basis === "PER_YEAR" ? "TEXT_PER_YEAR" : "TEXT_PERIOD_TOTAL";
    if (!stated.withinFrame) checks.push({ ...base, kind, ...period, ...notComparable("OUTSIDE_FRAME", stated.amount) });
    else if (stated.subLineId !== null) checks.push({ ...base, kind, ...period, subLineIds: [stated.subLineId], ...notComparable("PART_OF_LINE", stated.amount) });
    else if (stated.initiativeIds.length === 0 || stated.initiativeIds.some((id) => !lineAmount.has(id)))
      checks.push({ ...base, kind, ...period, ...notComparable("NO_TABLE_LINE", stated.amount) });
    else if (stated.basis === "PER_YEAR")
      for (const year of years) checks.push({ ...base, kind, fromYear: year, toYear: year, ...compared(stated.amount, amountOf(stated.initiativeIds, [year])) });
    else checks.push({ ...base, kind, ...period, ...compared(stated.amount, amountOf(stated.initiativeIds, years)) });
  }

  // A line the text speaks of, with money in a year no statement of the text covers. A text that
  // states no amounts at all (the government's proposal) is not held to this.
  if (input.statedAmounts.length > 0) {
    for (const line of input.lines) {
      const statements = input.statedAmounts.filter((stated) => stated.initiativeIds.includes(line.initiativeId));
      const covered = new Set(statements.flatMap((stated) => yearsBetween(stated.fromYear, stated.toYear)));
      for (const cell of line.amounts) {
        if (cell.amount === 0n || covered.has(cell.year)) continue;
        const first = statements[0];
        checks.push({
          ...noLinks,
          kind: "TEXT_UNSTATED_YEAR",
          fromYear: cell.year,
          toYear: cell.year,
          ...compared(null, cell.amount),
          initiativeIds: [line.initiativeId],
          // The text's first statement about the line is where the year is missing from.
          statedAmountId: first?.id ?? null,
          source: first ? first.source : { ...input.table, quote: null },
        });
      }
    }
  }

  const splitRows = [...new Set(input.subLines.map((subLine) => subLine.initiativeId))];
  for (const initiativeId of splitRows) {
    const subLines = input.subLines.filter((subLine) => subLine.initiativeId === initiativeId);
    const parts = subLines.filter((subLine) => subLine.kind === "PART");
    const years = [...new Set(subLines.flatMap((subLine) => subLine.amounts.map((cell) => cell.year)))].sort((a, b) => a - b);
    const partOf = (subLine: ConsistencySubLineInput, year: number) => subLine.amounts.find((cell) => cell.year === year)?.amount ?? 0n;
    for (const year of years) {
      const row = amountOf([initiativeId], [year]);
      const common = { ...noLinks, fromYear: year, toYear: year, initiativeIds: [initiativeId] };
      if (!lineAmount.has(initiativeId)) continue;
      if (parts.length > 0) {
        checks.push({
          ...common,
          kind: "TEXT_SPLIT",
          subLineIds: parts.map((part) => part.id),
          source: parts[0]!.source,
          ...compared(sumOere(parts.map((part) => partOf(part, year))), row),
        });
      }
      for (const ofWhich of subLines.filter((subLine) => subLine.kind === "OF_WHICH")) {
        checks.push({ ...common, kind: "TEXT_OF_WHICH", subLineIds: [ofWhich.id], source: ofWhich.source, ...compared(partOf(ofWhich, year), row, (difference) => difference <= 0n) });
      }
    }
  }

  // Money beside the frame that neither a printed total's footnote nor the text's amounts already show.
  for (const entry of input.outsideFrame) {
    if (entry.amount === null || entry.explainsMarker !== null) continue;
    const statedInText = input.statedAmounts.some(
      (stated) => stated.amount === entry.amount && stated.source.paragraph !== null && stated.source.paragraph === entry.source.paragraph,
    );
    if (statedInText) continue;
    checks.push({ ...noLinks, kind: "OUTSIDE_FRAME", fromYear: entry.fromYear, toYear: entry.toYear, source: entry.source, explainedBy: [entry.id], ...notComparable("OUTSIDE_FRAME", entry.amount) });
  }

  const counts = Object.fromEntries(STATUSES.map((status) => [status, checks.filter((check) => check.status === status).length])) as ConsistencyCounts;
  return { checks, counts, differences: counts.EXPLAINED + counts.PARTLY_EXPLAINED + counts.UNEXPLAINED };
}

/** What a check's sentence needs besides the check: titles, and the outside-frame amounts it names. */
export interface ConsistencyWording {
  titleOf(initiativeId: string): string;
  subLineTitleOf(subLineId: string): string;
  outsideFrameOf(id: string): { description: string; amount: Oere | null };
}

interface ConsistencyPhrases {
  amount(amount: Oere): string;
  withUnit(text: string): string;
  list(items: readonly string[]): string;
  quote(title: string): string;
  period(from: number | null, to: number | null): string;
  paragraph(number: number | null): string;
  printedTotal(year: number, stated: string, computed: string): string;
  totalMatches: string;
  totalMore(difference: string): string;
  totalLess(difference: string): string;
  explained(footnotes: string, explainedBy: string): string;
  partlyExplained(footnotes: string, explainedBy: string, unexplained: string): string;
  nothingExplains: string;
  textFrame(paragraph: string, stated: string, year: number, computed: string): string;
  textAmount(paragraph: string, stated: string, basisPeriod: string, titles: string): string;
  perYear(year: number): string;
  periodTotal(period: string): string;
  tableHas(computed: string, several: boolean): string;
  agrees: string;
  differsBy(difference: string): string;
  /** `paragraph`: the number of the paragraph that speaks of the line; null when none does. */
  unstatedYear(computed: string, year: number, title: string, paragraph: number | null): string;
  split(parts: string, year: number, sum: string, row: string): string;
  ofWhich(part: string, year: number, row: string, fits: boolean): string;
  notComparable: Record<NotComparableReason, string>;
  outsideFrame(description: string, amount: string, period: string): string;
}

function joinList(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1]}`;
}

const danish: ConsistencyPhrases = {
  amount: (amount) => formatDanishAmount(amount, { minDecimals: 1 }),
  withUnit: (text) => `${text} mio. kr.`,
  list: (items) => joinList(items, "og"),
  quote: (title) => `»${title}«`,
  period: (from, to) => (from === to ? `${from}` : `${from}–${to}`),
  paragraph: (number) => (number === null ? "Teksten" : `Afsnit ${number}`),
  printedTotal: (year, stated, computed) => `Tabellens »I alt« for ${year} er ${stated}, og linjerne summerer til ${computed}`,
  totalMatches: ": det stemmer.",
  totalMore: (difference) => `: det trykte total er ${difference} mere end linjerne`,
  totalLess: (difference) => `: det trykte total er ${difference} mindre end linjerne`,
  explained: (footnotes, explainedBy) => `, som fodnote ${footnotes} forklarer (${explainedBy}).`,
  partlyExplained: (footnotes, explainedBy, unexplained) => `; fodnote ${footnotes} forklarer en del (${explainedBy}), men ${unexplained} forklares ikke.`,
  nothingExplains: ", og intet i dokumentet forklarer det.",
  textFrame: (paragraph, stated, year, computed) => `${paragraph} angiver rammen: ${stated} i ${year}; tabellens linjer summerer til ${computed}`,
  textAmount: (paragraph, stated, basisPeriod, titles) => `${paragraph} angiver ${stated} ${basisPeriod} til ${titles}`,
  perYear: (year) => `i ${year}`,
  periodTotal: (period) => `i alt i ${period}`,
  tableHas: (computed, several) => (several ? `; linjerne har tilsammen ${computed}` : `; tabellen har ${computed}`),
  agrees: ": det stemmer.",
  differsBy: (difference) => `: en forskel på ${difference}, som intet i dokumentet forklarer.`,
  unstatedYear: (computed, year, title, paragraph) =>
    paragraph === null
      ? `Tabellen afsætter ${computed} i ${year} til ${title}, men teksten nævner intet beløb til linjen.`
      : `Tabellen afsætter ${computed} i ${year} til ${title}, men afsnit ${paragraph} angiver intet beløb for ${year}.`,
  split: (parts, year, sum, row) => `Teksten deler linjen: ${parts} giver ${sum} i ${year}; tabellens linje har ${row}`,
  ofWhich: (part, year, row, fits) => `Heraf ${part} i ${year} af linjens ${row}${fits ? ": det er inden for linjen." : ": mere end linjen, og intet forklarer det."}`,
  notComparable: {
    OUTSIDE_FRAME: "Beløbet ligger uden for rammen og sammenlignes ikke med tabellens linjer.",
    PART_OF_LINE: "Beløbet er en del af en linje, som tabellen ikke trykker for sig; delene tjekkes under »Opdelte linjer«.",
    NO_TABLE_LINE: "Tabellen har ingen linje, beløbet kan sammenlignes med.",
  },
  outsideFrame: (description, amount, period) => `${description}: ${amount} i ${period}, uden for rammen. Sammenlignes ikke med tabellens linjer.`,
};

const english: ConsistencyPhrases = {
  amount: (amount) => formatDanishAmount(amount, { minDecimals: 1 }).replace(/[.,]/g, (separator) => (separator === "." ? "," : ".")),
  withUnit: (text) => `DKK ${text} million`,
  list: (items) => joinList(items, "and"),
  quote: (title) => `“${title}”`,
  period: (from, to) => (from === to ? `${from}` : `${from}–${to}`),
  paragraph: (number) => (number === null ? "The text" : `Paragraph ${number}`),
  printedTotal: (year, stated, computed) => `The table's printed total for ${year} is ${stated}, and the lines add up to ${computed}`,
  totalMatches: ": they agree.",
  totalMore: (difference) => `: the printed total is ${difference} more than the lines`,
  totalLess: (difference) => `: the printed total is ${difference} less than the lines`,
  explained: (footnotes, explainedBy) => `, which footnote ${footnotes} explains (${explainedBy}).`,
  partlyExplained: (footnotes, explainedBy, unexplained) => `; footnote ${footnotes} explains part of it (${explainedBy}), but ${unexplained} is unexplained.`,
  nothingExplains: ", and nothing in the document explains it.",
  textFrame: (paragraph, stated, year, computed) => `${paragraph} states the frame: ${stated} in ${year}; the table's lines add up to ${computed}`,
  textAmount: (paragraph, stated, basisPeriod, titles) => `${paragraph} states ${stated} ${basisPeriod} for ${titles}`,
  perYear: (year) => `in ${year}`,
  periodTotal: (period) => `in total over ${period}`,
  tableHas: (computed, several) => (several ? `; the lines together have ${computed}` : `; the table has ${computed}`),
  agrees: ": they agree.",
  differsBy: (difference) => `: a difference of ${difference} that nothing in the document explains.`,
  unstatedYear: (computed, year, title, paragraph) =>
    paragraph === null
      ? `The table allocates ${computed} in ${year} to ${title}, but the text states no amount for the line.`
      : `The table allocates ${computed} in ${year} to ${title}, but paragraph ${paragraph} states no amount for ${year}.`,
  split: (parts, year, sum, row) => `The text splits the line: ${parts} give ${sum} in ${year}; the table's line has ${row}`,
  ofWhich: (part, year, row, fits) => `Of which ${part} in ${year} of the line's ${row}${fits ? ": within the line." : ": more than the line, and nothing explains it."}`,
  notComparable: {
    OUTSIDE_FRAME: "The amount is outside the frame and is not compared with the table's lines.",
    PART_OF_LINE: "The amount is part of a line the table does not print on its own; the parts are checked under “Split lines”.",
    NO_TABLE_LINE: "The table has no line to compare the amount with.",
  },
  outsideFrame: (description, amount, period) => `${description}: ${amount} over ${period}, outside the frame. Not compared with the table's lines.`,
};

const PHRASES: Record<Language, ConsistencyPhrases> = { da: danish, en: english };

/** One check in a sentence, in Danish or English, with the exact figures. */
export function describeConsistencyCheck(check: ConsistencyCheck, wording: ConsistencyWording, language: Language): string {
  const say = PHRASES[language];
  const money = (amount: Oere) => say.withUnit(say.amount(amount));
  const magnitude = (amount: Oere) => money(amount < 0n ? -amount : amount);
  const titles = say.list(check.initiativeIds.map((id) => say.quote(wording.titleOf(id))));
  const paragraph = say.paragraph(check.source.paragraph);
  const explanation = () => {
    if (check.difference === 0n) return say.agrees;
    return say.differsBy(magnitude(check.difference!));
  };
  switch (check.kind) {
    case "STATED_TOTAL": {
      const opening = say.printedTotal(check.fromYear!, money(check.stated!), money(check.computed!));
      if (check.status === "MATCHES") return opening + say.totalMatches;
      const direction = check.difference! > 0n ? say.totalMore(magnitude(check.difference!)) : say.totalLess(magnitude(check.difference!));
      const markers = check.footnotes.map((note) => note.marker).join(", ");
      const explainedBy = check.explainedBy.map((id) => `${wording.outsideFrameOf(id).description}, ${money(wording.outsideFrameOf(id).amount ?? 0n)}`).join("; ");
      if (check.status === "EXPLAINED") return opening + direction + say.explained(markers, explainedBy);
      if (check.status === "PARTLY_EXPLAINED") return opening + direction + say.partlyExplained(markers, explainedBy, magnitude(check.unexplained!));
      return opening + direction + say.nothingExplains;
    }
    case "TEXT_FRAME":
      return say.textFrame(paragraph, money(check.stated!), check.fromYear!, money(check.computed!)) + explanation();
    case "TEXT_PER_YEAR":
    case "TEXT_PERIOD_TOTAL": {
      const basisPeriod = check.kind === "TEXT_PER_YEAR" && check.fromYear === check.toYear ? say.perYear(check.fromYear!) : say.periodTotal(say.period(check.fromYear, check.toYear));
      if (check.status === "NOT_COMPARABLE") {
        const what = check.subLineIds.length > 0 ? say.list(check.subLineIds.map((id) => say.quote(wording.subLineTitleOf(id)))) : titles;
        const opening = what === "" ? `${paragraph}: ${money(check.stated!)} ${basisPeriod}.` : `${say.textAmount(paragraph, money(check.stated!), basisPeriod, what)}.`;
        return `${opening} ${say.notComparable[check.reason!]}`;
      }
      return say.textAmount(paragraph, money(check.stated!), basisPeriod, titles) + say.tableHas(money(check.computed!), check.initiativeIds.length > 1) + explanation();
    }
    case "TEXT_UNSTATED_YEAR":
      return say.unstatedYear(money(check.computed!), check.fromYear!, titles, check.statedAmountId === null ? null : check.source.paragraph);
    case "TEXT_SPLIT": {
      const parts = say.list(check.subLineIds.map((id) => say.quote(wording.subLineTitleOf(id))));
      return say.split(parts, check.fromYear!, money(check.stated!), money(check.computed!)) + explanation();
    }
    case "TEXT_OF_WHICH":
      return say.ofWhich(money(check.stated!), check.fromYear!, money(check.computed!), check.status === "MATCHES");
    case "OUTSIDE_FRAME": {
      const entry = wording.outsideFrameOf(check.explainedBy[0]!);
      return say.outsideFrame(entry.description, money(check.stated!), say.period(check.fromYear, check.toYear));
    }
  }
}
