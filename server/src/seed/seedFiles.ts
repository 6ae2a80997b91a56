/**
 * Reads and validates the transcribed documents in seeds/. Amounts stay as printed here; they are
 * parsed with the domain's Danish parser when written, so a typo in a seed fails loudly.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { repoRoot } from "../db/databaseUrl.ts";

export const seedsDirectory = path.join(repoRoot, "seeds");

const source = z.object({
  document: z.string().min(1),
  section: z.string().min(1),
  paragraph: z.number().int().optional(),
  initiativeNumber: z.string().optional(),
  recommendation: z.number().int().optional(),
  quote: z.string().optional(),
});
export type SourceReference = z.infer<typeof source>;

const year = z.number().int().min(1900).max(2200);
const printedAmount = z.string().min(1);

const documents = z.array(
  z.object({ id: z.string(), file: z.string(), title: z.string(), publisher: z.string(), published: z.string() }),
);

const frame = z.object({
  id: z.string(),
  name: z.string(),
  priceLevel: z.string().regex(/^\d{4}-pl$/, 'a price level such as "2024-pl"'),
  /** The base year's price index (100): the one figure of the index table the documents give. */
  priceIndex: z.object({ value: z.string().min(1), sourceText: z.string().min(1) }),
  precisionDecimals: z.number().int().min(0).max(8),
  years: z.array(z.object({ year, amount: printedAmount })).min(1),
  source,
});

const themes = z.array(
  z.object({
    id: z.string(),
    title: z.string(),
    position: z.number().int(),
    strategyPejlemaerke: z.number().int().nullable(),
    strategyInitiativeGroup: z.number().int().nullable(),
    agreementChapter: z.string().nullable(),
    sources: z.array(source).min(1),
  }),
);

const initiatives = z.array(
  z.object({ id: z.string(), themeId: z.string(), title: z.string(), isReserve: z.boolean() }),
);

const table = z.object({
  id: z.string(),
  scenario: z.object({ id: z.string(), name: z.string(), description: z.string() }),
  document: z.string(),
  title: z.string(),
  printedLabel: z.string().optional(),
  unit: z.string(),
  years: z.array(year),
  source,
  groups: z.array(
    z.object({
      printedHeading: z.string(),
      themeId: z.string(),
      lines: z.array(
        z.object({
          initiativeId: z.string(),
          printedTitle: z.string(),
          amounts: z.array(printedAmount),
          footnoteMarkers: z.array(z.string()).optional(),
        }),
      ),
    }),
  ),
  statedTotals: z.array(z.object({ year, printed: printedAmount, footnoteMarkers: z.array(z.string()).optional() })),
  footnotes: z.array(z.object({ marker: z.string(), text: z.string() })),
});
export type SeedTable = z.infer<typeof table>;

const outsideFrameAmount = z.object({
  id: z.string(),
  /** The baseline whose document states it; the agreement's text belongs to the agreement's scenario. */
  scenarioId: z.string().optional(),
  kind: z.enum(["co-financing", "already-disbursed", "noted", "other-funding"]),
  description: z.string(),
  amount: printedAmount.nullable(),
  basis: z.enum(["per-year", "period-total"]).nullable(),
  fromYear: year.nullable(),
  toYear: year.nullable(),
  note: z.string().optional(),
  initiativeIds: z.array(z.string()),
  explainsStatedTotal: z.object({ tableId: z.string(), footnoteMarker: z.string() }).optional(),
  paragraph: z.number().int().optional(),
  source,
});

const strategy2024 = z.object({
  pejlemaerker: z.array(z.object({ number: z.number().int(), text: z.string(), themeId: z.string().nullable().optional(), source })),
  initiativeGroups: z.array(z.object({ number: z.number().int(), title: z.string(), themeId: z.string().nullable().optional(), source })),
  initiatives: z.array(
    z.object({ number: z.string(), title: z.string(), groupNumber: z.number().int(), description: z.string().optional(), source }),
  ),
  tableLinks: z.array(z.object({ initiativeId: z.string(), strategyNumber: z.string(), source })),
});

const recommendations = z.object({
  ambitions: z.array(z.object({ number: z.number().int(), title: z.string(), text: z.string().optional(), source })),
  recommendations: z.array(
    z.object({
      number: z.number().int(),
      title: z.string(),
      ambitionNumber: z.number().int(),
      subPoints: z.array(z.string()),
      source,
    }),
  ),
  initiativeLinks: z.array(
    z.object({
      initiativeId: z.string(),
      recommendationNumber: z.number().int(),
      basis: z.enum(["explicit", "subpoint"]),
      quote: z.string(),
      source,
    }),
  ),
});

const strategy2021 = z.object({
  areas: z.array(z.object({ number: z.number().int(), title: z.string(), source })),
  initiatives: z.array(z.object({ number: z.number().int(), title: z.string(), areaNumber: z.number().int(), source })),
  continuations: z.array(
    z.object({ initiativeId: z.string(), strategy2021Number: z.number().int(), quote: z.string(), source }),
  ),
});

const agreement2024 = z.object({
  parties: z.array(z.string()),
  date: z.string(),
  chapters: z.array(z.object({ numeral: z.string(), title: z.string(), themeId: z.string().nullable(), source })),
  paragraphs: z.array(z.object({ number: z.number().int(), chapter: z.string().nullable(), text: z.string(), source })),
  initiativeParagraphs: z.array(
    z.object({ initiativeId: z.string(), paragraphs: z.array(z.number().int()), description: z.string(), source }),
  ),
  statedAmounts: z.array(
    z.object({
      id: z.string(),
      paragraph: z.number().int(),
      initiativeIds: z.array(z.string()),
      subLineId: z.string().nullable().optional(),
      quote: z.string(),
      amount: printedAmount,
      basis: z.enum(["per-year", "period-total"]),
      fromYear: year,
      toYear: year,
      withinFrame: z.boolean(),
      note: z.string().nullable().optional(),
    }),
  ),
  subLines: z.array(
    z.object({
      id: z.string(),
      initiativeId: z.string(),
      title: z.string(),
      kind: z.enum(["part", "of-which"]),
      amounts: z.record(z.string(), printedAmount),
      paragraph: z.number().int(),
      quote: z.string().optional(),
      source,
    }),
  ),
  outsideFrame: z.array(outsideFrameAmount),
  discrepancies: z.array(z.object({ where: z.string(), text: z.string(), table: z.string(), explanation: z.string(), source })),
});

const seedFiles = {
  documents: ["documents.json", documents],
  frame: ["frame.json", frame],
  themes: ["themes.json", themes],
  initiatives: ["initiatives.json", initiatives],
  outsideFrame: ["outside-frame.json", z.array(outsideFrameAmount)],
  strategy2024: ["strategy-2024.json", strategy2024],
  recommendations: ["recommendations.json", recommendations],
  strategy2021: ["strategy-2021.json", strategy2021],
  agreement2024: ["agreement-2024.json", agreement2024],
} as const;

type SeedFileSchemas = typeof seedFiles;
export type SeedData = { [K in keyof SeedFileSchemas]: z.infer<SeedFileSchemas[K][1]> } & {
  tables: SeedTable[];
  /** sha256 of the loader's version and every seed file's bytes: the seed's version. */
  contentHash: string;
};

/**
 * Raised when the loader stores more of the same files (2: the agreement's discrepancies), so a
 * database seeded by an older loader is seeded again and gets it.
 */
const LOADER_VERSION = "2";

/** Reads every seed file, validating its shape; throws naming the file and the field that is wrong. */
export function readSeeds(directory = seedsDirectory): SeedData {
  const hash = createHash("sha256").update(`loader ${LOADER_VERSION}`);
  const read = <T>(file: string, schema: z.ZodType<T>): T => {
    const text = readFileSync(path.join(directory, file), "utf8");
    hash.update(file).update(text);
    const parsed = schema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(`seeds/${file} is not valid: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  };
  const data: Record<string, unknown> = {};
  for (const [key, [file, schema]] of Object.entries(seedFiles)) data[key] = read(file, schema as z.ZodType);
  const tableFiles = readdirSync(path.join(directory, "tables")).filter((name) => name.endsWith(".json")).sort();
  data.tables = tableFiles.map((file) => read(path.join("tables", file), table));
  data.contentHash = hash.digest("hex");
  return data as SeedData;
}
