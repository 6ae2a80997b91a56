/**
 * Writes the transcribed documents into the database, in one transaction, idempotently: the seed
 * files' hash is recorded, and a database that already holds that hash is left alone.
 */
import { formatIndexValue, parseDanishAmount, parseIndexValue, priceLevelYear, type Oere } from "@ramme/domain";
import { isPostgres, type Database } from "../db/client.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { changeBetween, currentState } from "../engine/scenarioState.ts";
import { readSeeds, type SeedData } from "./seedFiles.ts";

/** Who the history names for what came from the documents. */
export const DOCUMENTS_ACTOR = "Dokumenterne";

const SEED_STATE_ID = "documents";
/** An arbitrary constant naming the seeding lock among PostgreSQL advisory locks. */
const SEED_LOCK_KEY = 7_210_001;

export type SeedOutcome = "seeded" | "unchanged";

export async function seedDatabase(db: Database, data: SeedData = readSeeds()): Promise<SeedOutcome> {
  const state = await db.seedState.findUnique({ where: { id: SEED_STATE_ID } });
  if (state?.contentHash === data.contentHash) return "unchanged";
  return db.$transaction(
    async (tx) => {
      // Several instances starting at once on one PostgreSQL: one seeds, the others wait here and
      // then find the hash recorded. (SQLite has one writer; its transaction is already exclusive.)
      if (isPostgres()) await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
      const current = await tx.seedState.findUnique({ where: { id: SEED_STATE_ID } });
      if (current?.contentHash === data.contentHash) return "unchanged" as const;
      await writeSeeds(tx, data);
      return "seeded" as const;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** Parses an amount exactly as printed in a document ("3,5", "-", "100"); a bad one names where it is. */
export function printedToOere(printed: string, where: string): Oere {
  const parsed = parseDanishAmount(printed.replace(/\*+$/, ""));
  if (!parsed.ok) throw new Error(`${where}: ${JSON.stringify(printed)} is not an amount (${parsed.error.code})`);
  return parsed.value;
}

const json = (value: unknown) => value as Prisma.InputJsonValue;

async function writeSeeds(tx: Prisma.TransactionClient, data: SeedData): Promise<void> {
  const { frame } = data;
  for (const document of data.documents) {
    const fields = { fileName: document.file, title: document.title, publisher: document.publisher, published: document.published };
    await tx.document.upsert({ where: { id: document.id }, create: { id: document.id, ...fields }, update: fields });
  }

  const frameFields = { name: frame.name, priceLevel: frame.priceLevel, precisionDecimals: frame.precisionDecimals, source: json(frame.source) };
  await tx.frame.upsert({ where: { id: frame.id }, create: { id: frame.id, ...frameFields, createdBy: DOCUMENTS_ACTOR }, update: frameFields });
  await tx.frameYear.deleteMany({ where: { frameId: frame.id } });
  await tx.frameYear.createMany({
    data: frame.years.map(({ year, amount }) => ({ frameId: frame.id, year, amount: printedToOere(amount, `frame ${year}`) })),
  });
  await writeBaseIndex(tx, frame);

  for (const theme of data.themes) {
    const { id, sources, ...fields } = theme;
    // The documents' themes head the life science frame's tables (other frames' come from their workbooks).
    await tx.theme.upsert({ where: { id }, create: { id, frameId: frame.id, ...fields, sources: json(sources) }, update: { ...fields, sources: json(sources) } });
  }

  await writeStrategy(tx, data);
  await writeInitiatives(tx, data);
  await writeRecommendations(tx, data);
  await writeStrategy2021(tx, data);
  await writeAgreement(tx, data);
  // Tables are read in file order (publication order), so the baselines list oldest first.
  for (const [index, table] of data.tables.entries()) await writeTable(tx, data, table, new Date(Date.now() + index * 1000));
  await writeOutsideFrame(tx, data);
  await writeDiscrepancies(tx, data);

  await tx.seedState.upsert({
    where: { id: SEED_STATE_ID },
    create: { id: SEED_STATE_ID, contentHash: data.contentHash },
    update: { contentHash: data.contentHash, seededAt: new Date() },
  });
}

/**
 * The frame's base year in the price index table. Only that row is written: the other years are
 * entered by people, and seeding again (a new seeds/ version) leaves them as they are.
 */
async function writeBaseIndex(tx: Prisma.TransactionClient, frame: SeedData["frame"]) {
  const year = priceLevelYear(frame.priceLevel)!;
  const parsed = parseIndexValue(frame.priceIndex.value);
  if (!parsed.ok) throw new Error(`frame priceIndex: ${JSON.stringify(frame.priceIndex.value)} is not an index (${parsed.error.code})`);
  const fields = { value: formatIndexValue(parsed.value), source: frame.priceIndex.sourceText, updatedBy: DOCUMENTS_ACTOR, updatedAt: new Date() };
  await tx.priceIndex.upsert({ where: { year }, create: { year, ...fields }, update: fields });
}

async function writeStrategy(tx: Prisma.TransactionClient, data: SeedData) {
  const groupTheme = new Map(data.strategy2024.initiativeGroups.map((group) => [group.number, group.themeId ?? null]));
  for (const initiative of data.strategy2024.initiatives) {
    const fields = {
      title: initiative.title,
      groupNumber: initiative.groupNumber,
      themeId: groupTheme.get(initiative.groupNumber) ?? null,
      description: initiative.description ?? null,
      source: json(initiative.source),
    };
    await tx.strategyInitiative.upsert({ where: { number: initiative.number }, create: { number: initiative.number, ...fields }, update: fields });
  }
}

async function writeInitiatives(tx: Prisma.TransactionClient, data: SeedData) {
  const strategyNumber = new Map(data.strategy2024.tableLinks.map((link) => [link.initiativeId, link]));
  const agreementText = new Map(data.agreement2024.initiativeParagraphs.map((entry) => [entry.initiativeId, entry]));
  const printedIn = new Map<string, unknown[]>();
  for (const table of data.tables) {
    for (const group of table.groups) {
      for (const line of group.lines) {
        printedIn.set(line.initiativeId, [...(printedIn.get(line.initiativeId) ?? []), { ...table.source, quote: line.printedTitle }]);
      }
    }
  }
  for (const initiative of data.initiatives) {
    const link = strategyNumber.get(initiative.id);
    const text = agreementText.get(initiative.id);
    const sources = [...(printedIn.get(initiative.id) ?? []), ...(link ? [link.source] : []), ...(text ? [text.source] : [])];
    const fields = {
      themeId: initiative.themeId,
      title: initiative.title,
      isReserve: initiative.isReserve,
      description: text?.description ?? null,
      strategyNumber: link?.strategyNumber ?? null,
      origin: "DOCUMENT",
      sources: json(sources),
    };
    await tx.initiative.upsert({ where: { id: initiative.id }, create: { id: initiative.id, ...fields }, update: fields });
  }
}

async function writeRecommendations(tx: Prisma.TransactionClient, data: SeedData) {
  const { ambitions, recommendations, initiativeLinks } = data.recommendations;
  for (const ambition of ambitions) {
    const fields = { title: ambition.title, text: ambition.text ?? null, source: json(ambition.source) };
    await tx.recommendationAmbition.upsert({ where: { number: ambition.number }, create: { number: ambition.number, ...fields }, update: fields });
  }
  for (const recommendation of recommendations) {
    const fields = {
      title: recommendation.title,
      ambitionNumber: recommendation.ambitionNumber,
      subPoints: json(recommendation.subPoints),
      source: json(recommendation.source),
    };
    await tx.recommendation.upsert({ where: { number: recommendation.number }, create: { number: recommendation.number, ...fields }, update: fields });
  }
  await tx.initiativeRecommendation.deleteMany({});
  await tx.initiativeRecommendation.createMany({
    data: initiativeLinks.map((link) => ({
      initiativeId: link.initiativeId,
      recommendationNumber: link.recommendationNumber,
      basis: link.basis.toUpperCase(),
      quote: link.quote,
      source: json(link.source),
    })),
  });
}

async function writeStrategy2021(tx: Prisma.TransactionClient, data: SeedData) {
  const { areas, initiatives, continuations } = data.strategy2021;
  for (const area of areas) {
    const fields = { title: area.title, source: json(area.source) };
    await tx.strategy2021Area.upsert({ where: { number: area.number }, create: { number: area.number, ...fields }, update: fields });
  }
  for (const initiative of initiatives) {
    const fields = { title: initiative.title, areaNumber: initiative.areaNumber, source: json(initiative.source) };
    await tx.strategy2021Initiative.upsert({ where: { number: initiative.number }, create: { number: initiative.number, ...fields }, update: fields });
  }
  await tx.initiativeContinuation.deleteMany({});
  await tx.initiativeContinuation.createMany({
    data: continuations.map((link) => ({
      initiativeId: link.initiativeId,
      strategy2021Number: link.strategy2021Number,
      quote: link.quote,
      source: json(link.source),
    })),
  });
}

async function writeAgreement(tx: Prisma.TransactionClient, data: SeedData) {
  const agreement = data.agreement2024;
  for (const paragraph of agreement.paragraphs) {
    const fields = { chapter: paragraph.chapter, text: paragraph.text, source: json(paragraph.source) };
    await tx.agreementParagraph.upsert({ where: { number: paragraph.number }, create: { number: paragraph.number, ...fields }, update: fields });
  }
  await tx.initiativeParagraph.deleteMany({});
  await tx.initiativeParagraph.createMany({
    data: agreement.initiativeParagraphs.flatMap((entry) =>
      entry.paragraphs.map((paragraphNumber) => ({ initiativeId: entry.initiativeId, paragraphNumber })),
    ),
  });

  await tx.statedAmount.deleteMany({});
  for (const stated of agreement.statedAmounts) {
    await tx.statedAmount.create({
      data: {
        id: stated.id,
        paragraphNumber: stated.paragraph,
        subLineId: stated.subLineId ?? null,
        quote: stated.quote,
        amount: printedToOere(stated.amount, `agreement stated amount ${stated.id}`),
        printedAmount: stated.amount,
        basis: stated.basis === "per-year" ? "PER_YEAR" : "PERIOD_TOTAL",
        fromYear: stated.fromYear,
        toYear: stated.toYear,
        withinFrame: stated.withinFrame,
        note: stated.note ?? null,
        initiatives: { create: stated.initiativeIds.map((initiativeId) => ({ initiativeId })) },
      },
    });
  }

  await tx.initiativeSubLine.deleteMany({});
  for (const [position, subLine] of agreement.subLines.entries()) {
    await tx.initiativeSubLine.create({
      data: {
        id: subLine.id,
        initiativeId: subLine.initiativeId,
        title: subLine.title,
        kind: subLine.kind === "of-which" ? "OF_WHICH" : "PART",
        position,
        source: json({ ...subLine.source, paragraph: subLine.paragraph, quote: subLine.quote ?? subLine.source.quote }),
        amounts: {
          create: Object.entries(subLine.amounts).map(([year, printed]) => ({
            year: Number(year),
            printed,
            amount: printedToOere(printed, `sub-line ${subLine.id} ${year}`),
          })),
        },
      },
    });
  }
}

async function writeTable(tx: Prisma.TransactionClient, data: SeedData, table: SeedData["tables"][number], createdAt: Date) {
  const frameYears = data.frame.years.map((entry) => entry.year);
  if (table.years.join() !== frameYears.join()) throw new Error(`table ${table.id}: years ${table.years} are not the frame's ${frameYears}`);

  const scenarioFields = { name: table.scenario.name, description: table.scenario.description, kind: "BASELINE", frameId: data.frame.id, locked: true, mustFit: false };
  const existing = await tx.scenario.findUnique({ where: { id: table.scenario.id }, select: { version: true } });
  const previous = existing ? await currentState(tx, table.scenario.id) : null;
  await tx.scenario.upsert({
    where: { id: table.scenario.id },
    create: { id: table.scenario.id, ...scenarioFields, createdAt, createdBy: DOCUMENTS_ACTOR },
    update: { ...scenarioFields, version: (existing?.version ?? 0) + 1 },
  });
  await tx.scenarioLine.deleteMany({ where: { scenarioId: table.scenario.id } });

  const tableFields = {
    documentId: table.document,
    scenarioId: table.scenario.id,
    title: table.title,
    printedLabel: table.printedLabel ?? null,
    unit: table.unit,
    source: json(table.source),
  };
  await tx.sourceTable.upsert({ where: { id: table.id }, create: { id: table.id, ...tableFields }, update: tableFields });
  await tx.sourceTableLine.deleteMany({ where: { tableId: table.id } });
  await tx.statedTotal.deleteMany({ where: { tableId: table.id } });
  await tx.footnote.deleteMany({ where: { tableId: table.id } });

  const lines = table.groups.flatMap((group) => group.lines.map((line) => ({ ...line, printedHeading: group.printedHeading })));
  await tx.scenarioLine.createMany({
    data: lines.map((line, position) => ({ scenarioId: table.scenario.id, initiativeId: line.initiativeId, position })),
  });
  await tx.allocation.createMany({
    data: lines.flatMap((line) => {
      if (line.amounts.length !== table.years.length) throw new Error(`table ${table.id}, ${line.initiativeId}: ${line.amounts.length} amounts for ${table.years.length} years`);
      return line.amounts.map((printed, index) => ({
        scenarioId: table.scenario.id,
        initiativeId: line.initiativeId,
        year: table.years[index]!,
        amount: printedToOere(printed, `table ${table.id}, ${line.initiativeId}, ${table.years[index]}`),
      }));
    }),
  });
  await recordTranscription(tx, table.scenario.id, frameYears, existing ? { version: existing.version + 1, previous: previous! } : null, table.document, createdAt);
  await tx.sourceTableLine.createMany({
    data: lines.map((line, position) => ({
      tableId: table.id,
      initiativeId: line.initiativeId,
      position,
      printedHeading: line.printedHeading,
      printedTitle: line.printedTitle,
      printedAmounts: json(line.amounts),
      footnoteMarkers: json(line.footnoteMarkers ?? []),
    })),
  });
  await tx.statedTotal.createMany({
    data: table.statedTotals.map((total) => ({
      tableId: table.id,
      year: total.year,
      printed: total.printed,
      amount: printedToOere(total.printed, `table ${table.id}, stated total ${total.year}`),
      footnoteMarkers: json(total.footnoteMarkers ?? []),
    })),
  });
  await tx.footnote.createMany({ data: table.footnotes.map((note) => ({ tableId: table.id, ...note })) });
}

async function writeOutsideFrame(tx: Prisma.TransactionClient, data: SeedData) {
  const agreementScenarioId = data.tables.find((table) => table.document === "agreement-2024")?.scenario.id;
  const entries = [
    ...data.outsideFrame,
    ...data.agreement2024.outsideFrame.map((entry) => ({ ...entry, scenarioId: entry.scenarioId ?? agreementScenarioId })),
  ];
  // Only the seeded notes are replaced; copies carried by what-if scenarios have ids of their own.
  await tx.outsideFrameAmount.deleteMany({ where: { id: { in: entries.map((entry) => entry.id) } } });
  for (const entry of entries) {
    await tx.outsideFrameAmount.create({
      data: {
        id: entry.id,
        frameId: data.frame.id,
        scenarioId: entry.scenarioId ?? null,
        kind: entry.kind.toUpperCase().replace("-", "_"),
        description: entry.description,
        amount: entry.amount === null ? null : printedToOere(entry.amount, `outside-frame ${entry.id}`),
        printedAmount: entry.amount,
        basis: entry.basis === null ? null : entry.basis === "per-year" ? "PER_YEAR" : "PERIOD_TOTAL",
        fromYear: entry.fromYear,
        toYear: entry.toYear,
        note: entry.note ?? null,
        explainsTableId: entry.explainsStatedTotal?.tableId ?? null,
        footnoteMarker: entry.explainsStatedTotal?.footnoteMarker ?? null,
        source: json({ ...entry.source, paragraph: entry.paragraph ?? entry.source.paragraph }),
        initiatives: { create: entry.initiativeIds.map((initiativeId) => ({ initiativeId })) },
      },
    });
  }
}

/** The differences between the agreement's text and its Tabel 1 that a reader noted (seeds: `discrepancies`). */
async function writeDiscrepancies(tx: Prisma.TransactionClient, data: SeedData) {
  const table = data.tables.find((entry) => entry.document === "agreement-2024");
  if (!table) throw new Error("the agreement's table is missing from seeds/tables");
  await tx.discrepancy.deleteMany({ where: { tableId: table.id } });
  await tx.discrepancy.createMany({
    data: data.agreement2024.discrepancies.map((entry, position) => ({
      tableId: table.id,
      position,
      location: entry.where,
      textQuote: entry.text,
      tableQuote: entry.table,
      explanation: entry.explanation,
      source: json(entry.source),
    })),
  });
}

/**
 * The history's first entry for a baseline is its transcription (version 1); when the seed files
 * change later, the new transcription is recorded as a change with the cells it changed.
 */
async function recordTranscription(
  tx: Prisma.TransactionClient,
  scenarioId: string,
  years: number[],
  update: { version: number; previous: Awaited<ReturnType<typeof currentState>> } | null,
  document: string,
  at: Date,
) {
  if (!update) {
    await tx.scenarioChange.create({ data: { scenarioId, version: 1, kind: "CREATED", actor: DOCUMENTS_ACTOR, at, details: { document } } });
    return;
  }
  const change = changeBetween(update.previous, await currentState(tx, scenarioId), years);
  const created = await tx.scenarioChange.create({
    data: { scenarioId, version: update.version, kind: "IMPORTED", actor: DOCUMENTS_ACTOR, details: { document, retranscribed: true } },
  });
  await tx.cellChange.createMany({ data: change.cells.map((cell) => ({ changeId: created.id, ...cell })) });
  const lines = [...change.linesAdded.map((line) => ({ ...line, added: true })), ...change.linesRemoved.map((line) => ({ ...line, added: false }))];
  await tx.lineChange.createMany({ data: lines.map((line) => ({ changeId: created.id, ...line })) });
}
