/**
 * Frames as first-class records (issue 22): a secretariat creates, renames and archives them. The
 * life science frame comes from the documents (seeds/); every other frame is made here or by
 * importBaseline (engine/baselineImport.ts), which shares the checks below. Every check collects all
 * problems of the input, located at its field, before anything is stored.
 */
import { MAX_MIO_DECIMALS, type Oere, type YearAmount } from "@ramme/domain";
import { LOCAL_ORGANISATION, organisationOf, type Caller } from "../auth/caller.ts";
import { frameAdminOnly } from "../auth/refusal.ts";
import { db, writeTransaction, type Transaction } from "../db.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { InvalidInputError } from "./errors.ts";
import { parseAllocationAmount, ProblemList, TEXT_LIMITS, type AmountNotation } from "./input.ts";
import { newKey } from "./scenarioLifecycle.ts";

/** The most years a frame may have: the scale the cost model promises (operationCost.ts SCALE.years). */
export const MAX_FRAME_YEARS = 10;
/** The most themes createFrame takes. */
export const MAX_FRAME_THEMES = 50;
const PRICE_LEVEL = /^(19|2\d)\d{2}-pl$/;

export interface FrameYearInput {
  year: number;
  /** Mio. kr. in `notation`; missing: MISSING_AMOUNT. */
  amount?: string | null;
}

export interface FrameFieldsInput {
  name: string;
  description?: string | null;
  /** "2025-pl"; omitted: the first year's. */
  priceLevel?: string | null;
  /** Decimals of mio. kr. an allocation may have; omitted: 1. */
  precisionDecimals?: number | null;
  years?: readonly FrameYearInput[] | null;
  notation?: AmountNotation | null;
}

export interface CheckedFrameFields {
  name: string;
  description: string | null;
  priceLevel: string | null;
  precisionDecimals: number;
  years: YearAmount[] | null;
}

/** Whether the caller may create, rename and archive frames: the local user, or an admin of a secretariat (or a READ_WRITE token of one). */
export function assertFrameAdmin(caller: Caller): void {
  if (!isFrameAdmin(caller)) throw frameAdminOnly();
}

export function isFrameAdmin(caller: Caller): boolean {
  return caller.kind === "local" || (caller.kind !== "anonymous" && organisationOf(caller).kind === "SECRETARIAT");
}

/**
 * Before anything is looked up in the database: a caller who may not manage frames learns about the
 * form of the input (as before) or is refused; nothing about which frames or names exist.
 */
export function checkedFormThenAdmin(caller: Caller, problems: ProblemList): void {
  if (isFrameAdmin(caller)) return;
  problems.throwIfAny();
  throw frameAdminOnly();
}

/** The frame's years checked: at least one, whole years, each once, one consecutive range, each with an amount above 0 within the precision. */
export function checkFrameYears(problems: ProblemList, field: string, years: readonly FrameYearInput[], precisionDecimals: number, notation: AmountNotation): YearAmount[] {
  if (years.length === 0) {
    problems.add(field, "NO_YEARS", "a frame needs at least one year.");
    return [];
  }
  if (years.length > MAX_FRAME_YEARS) {
    problems.add(field, "TOO_MANY_CELLS", `a frame has at most ${MAX_FRAME_YEARS} years (got ${years.length}).`, String(years.length));
    return [];
  }
  const seen = new Map<number, number>();
  const checked: YearAmount[] = [];
  years.forEach((entry, index) => {
    const at = `${field}[${index}]`;
    if (!Number.isInteger(entry.year) || entry.year < 1900 || entry.year > 2999) {
      problems.add(`${at}.year`, "YEAR_OUT_OF_RANGE", `${entry.year} is not a year from 1900 to 2999.`, String(entry.year));
      return;
    }
    const first = seen.get(entry.year);
    if (first !== undefined) {
      problems.add(`${at}.year`, "DUPLICATE_YEAR", `${entry.year} is given twice (also at ${field}[${first}]); a frame's years do not overlap.`, String(entry.year));
      return;
    }
    seen.set(entry.year, index);
    const amount = checkFrameAmount(problems, `${at}.amount`, entry.year, entry.amount, precisionDecimals, notation);
    if (amount !== null) checked.push({ year: entry.year, amount });
  });
  const sorted = [...seen.keys()].sort((left, right) => left - right);
  if (sorted.length > 0 && sorted[sorted.length - 1]! - sorted[0]! !== sorted.length - 1) {
    problems.add(field, "YEARS_NOT_CONSECUTIVE", `a frame's years are one range without gaps (got ${sorted.join(", ")}).`, sorted.join(","));
  }
  return checked.sort((left, right) => left.year - right.year);
}

/** One year's frame amount: given, a number in the notation, within the precision, above 0. */
export function checkFrameAmount(problems: ProblemList, field: string, year: number, text: string | null | undefined, precisionDecimals: number, notation: AmountNotation): Oere | null {
  if (text === null || text === undefined || text.trim() === "") {
    problems.add(field, "MISSING_AMOUNT", `the year ${year} has no amount.`, String(year));
    return null;
  }
  const parsed = parseAllocationAmount(text.trim(), notation, precisionDecimals);
  if (!parsed.ok) {
    const code = parsed.error.code === "EMPTY" ? "MISSING_AMOUNT" : parsed.error.code === "NEGATIVE" ? "NOT_POSITIVE" : parsed.error.code;
    problems.add(field, code, code === "NOT_POSITIVE" ? `the frame in ${year} must be above 0 (got ${text}).` : `${JSON.stringify(text)} is not a frame amount with at most ${precisionDecimals} decimal(s) in mio. kr.`, text);
    return null;
  }
  if (parsed.value <= 0n) {
    problems.add(field, "NOT_POSITIVE", `the frame in ${year} must be above 0 (got ${text}).`, text);
    return null;
  }
  return parsed.value;
}

/** Name, description, price level and precision, and the years when given. */
export function checkFrameFields(problems: ProblemList, prefix: string, input: FrameFieldsInput): CheckedFrameFields {
  const name = problems.text(`${prefix}.name`, input.name, { max: TEXT_LIMITS.name, required: true });
  const description = problems.text(`${prefix}.description`, input.description, { max: TEXT_LIMITS.description, required: false });
  const precisionDecimals = input.precisionDecimals ?? 1;
  let precisionOk = true;
  if (!Number.isInteger(precisionDecimals) || precisionDecimals < 0 || precisionDecimals > MAX_MIO_DECIMALS) {
    problems.add(`${prefix}.precisionDecimals`, precisionDecimals < 0 ? "NEGATIVE" : "TOO_PRECISE", `the precision is 0 to ${MAX_MIO_DECIMALS} decimals of mio. kr. (got ${precisionDecimals}).`, String(precisionDecimals));
    precisionOk = false;
  }
  const priceLevel = input.priceLevel?.trim() || null;
  if (priceLevel !== null && !PRICE_LEVEL.test(priceLevel)) problems.add(`${prefix}.priceLevel`, "BAD_PRICE_LEVEL", `a price level is a year and "-pl" ("2025-pl"), got ${JSON.stringify(priceLevel)}.`, priceLevel);
  const years = input.years === null || input.years === undefined ? null : checkFrameYears(problems, `${prefix}.years`, input.years, precisionOk ? precisionDecimals : MAX_MIO_DECIMALS, input.notation ?? "API");
  return { name: name ?? "", description, priceLevel, precisionDecimals, years };
}

/** NAME_TAKEN unless no other frame has the name (ignoring case and outer spaces). */
export async function assertNameFree(tx: Pick<Transaction, "frame">, field: string, name: string, exceptId: string | null = null): Promise<void> {
  const problems = new ProblemList();
  await listNameTaken(tx, problems, field, name, exceptId);
  problems.throwIfAny();
}

/** NAME_TAKEN among the input's other problems when another frame has the name. */
export async function listNameTaken(tx: Pick<Transaction, "frame">, problems: ProblemList, field: string, name: string, exceptId: string | null = null): Promise<void> {
  if (name.trim() === "") return;
  const frames = await tx.frame.findMany({ select: { id: true, name: true } });
  const taken = frames.find((frame) => frame.id !== exceptId && frame.name.trim().toLowerCase() === name.trim().toLowerCase());
  if (taken) problems.add(field, "NAME_TAKEN", `the frame ${JSON.stringify(taken.name)} has this name already.`, name);
}

/** The frame a key or global ID names, or UNKNOWN_FRAME / MALFORMED_ID. */
export async function findFrame(tx: Pick<Transaction, "frame">, problems: ProblemList, field: string, id: string) {
  const frame = await lookUpFrame(tx, problems, field, id);
  problems.throwIfAny();
  return frame!;
}

/** Like findFrame, but the problem (MALFORMED_ID or UNKNOWN_FRAME) joins the input's others instead of being thrown. */
export async function lookUpFrame(tx: Pick<Transaction, "frame">, problems: ProblemList, field: string, id: string) {
  const key = problems.id(field, id, "Frame");
  if (key === null) return null;
  const frame = await tx.frame.findUnique({ where: { id: key }, include: { years: { orderBy: { year: "asc" } } } });
  if (!frame) problems.add(field, "UNKNOWN_FRAME", `there is no frame ${JSON.stringify(key)}.`, key);
  return frame;
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** Stores a new frame with its years (and themes) for the caller's organisation; the caller's transaction. */
export async function storeFrame(tx: Transaction, caller: Caller, actor: string, fields: CheckedFrameFields & { years: YearAmount[] }, source: { document: string; section: string }, themes: readonly string[] = []): Promise<string> {
  await assertNameFree(tx, "input.name", fields.name);
  const owner = organisationOf(caller);
  if (owner.id === LOCAL_ORGANISATION.id) await tx.organisation.upsert({ where: { id: owner.id }, create: owner, update: {} });
  const id = newKey(fields.name);
  await tx.frame.create({
    data: {
      id,
      name: fields.name,
      description: fields.description,
      organisationId: owner.id,
      priceLevel: fields.priceLevel ?? `${fields.years[0]!.year}-pl`,
      precisionDecimals: fields.precisionDecimals,
      source: source as Prisma.InputJsonValue,
      createdBy: actor,
    },
  });
  await tx.frameYear.createMany({ data: fields.years.map((entry) => ({ frameId: id, year: entry.year, amount: entry.amount })) });
  for (const [position, title] of themes.entries()) {
    await tx.theme.create({ data: { id: newKey(title), frameId: id, title, position, sources: [] as Prisma.InputJsonValue } });
  }
  return id;
}

export interface CreateFrameInput extends FrameFieldsInput {
  themes?: readonly string[] | null;
}

/** A new frame: its name, years and amounts, and optionally its themes (a baseline comes with importBaseline). */
export async function createFrame(caller: Caller, actor: string, input: CreateFrameInput): Promise<string> {
  const problems = new ProblemList();
  const fields = checkFrameFields(problems, "input", input);
  if (fields.years === null) problems.add("input.years", "NO_YEARS", "a frame needs at least one year.");
  const themes: string[] = [];
  if ((input.themes?.length ?? 0) > MAX_FRAME_THEMES) problems.add("input.themes", "TOO_MANY_CELLS", `at most ${MAX_FRAME_THEMES} themes.`);
  else {
    (input.themes ?? []).forEach((text, index) => {
      const title = problems.text(`input.themes[${index}]`, text, { max: TEXT_LIMITS.title, required: true });
      if (title === null) return;
      if (themes.some((other) => other.toLowerCase() === title.toLowerCase())) problems.add(`input.themes[${index}]`, "DUPLICATE_TITLE", `the theme ${JSON.stringify(title)} is given twice.`, title);
      else themes.push(title);
    });
  }
  checkedFormThenAdmin(caller, problems);
  await listNameTaken(db, problems, "input.name", fields.name);
  problems.throwIfAny();
  try {
    return await writeTransaction((tx) => storeFrame(tx, caller, actor, { ...fields, years: fields.years! }, { document: "Ramme", section: `createFrame (${actor})` }, themes));
  } catch (error) {
    if (isUniqueViolation(error)) throw InvalidInputError.of("input.name", "NAME_TAKEN", "another frame has this name already.", fields.name);
    throw error;
  }
}

/** Renames a frame or changes its description. */
export async function updateFrame(caller: Caller, input: { frameId: string; name?: string | null; description?: string | null }): Promise<string> {
  const problems = new ProblemList();
  const name = input.name === undefined || input.name === null ? null : problems.text("input.name", input.name, { max: TEXT_LIMITS.name, required: true });
  const description = input.description === undefined ? undefined : problems.text("input.description", input.description, { max: TEXT_LIMITS.description, required: false });
  checkedFormThenAdmin(caller, problems);
  // The frame and the name looked up with the form's problems, so all are answered at once.
  const named = await lookUpFrame(db, problems, "input.frameId", input.frameId);
  if (name !== null) await listNameTaken(db, problems, "input.name", name, named?.id ?? null);
  problems.throwIfAny();
  try {
    return await writeTransaction(async (tx) => {
      const frame = await findFrame(tx, new ProblemList(), "input.frameId", input.frameId);
      if (name !== null) await assertNameFree(tx, "input.name", name, frame.id);
      await tx.frame.update({ where: { id: frame.id }, data: { ...(name !== null ? { name } : {}), ...(description !== undefined ? { description } : {}) } });
      return frame.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw InvalidInputError.of("input.name", "NAME_TAKEN", "another frame has this name already.", name);
    throw error;
  }
}

/** Archives a frame (or, with archived: false, brings it back): it stays readable, but takes no new baseline. */
export async function archiveFrame(caller: Caller, input: { frameId: string; archived: boolean }): Promise<string> {
  const problems = new ProblemList();
  assertFrameAdmin(caller);
  return writeTransaction(async (tx) => {
    const frame = await findFrame(tx, problems, "input.frameId", input.frameId);
    await tx.frame.update({ where: { id: frame.id }, data: { archivedAt: input.archived ? (frame.archivedAt ?? new Date()) : null } });
    return frame.id;
  });
}
