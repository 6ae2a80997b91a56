/**
 * Scenarios' lines for reading (the grid, the comparison): positions and cells in one statement,
 * the initiatives in another, put together as plain objects in memory. Loading them as nested Prisma relations
 * (lines → initiative, lines → allocations) cost ~4× as much at 5,000 lines: Prisma builds and
 * stitches a result object per relation row, and Pothos then resolves every field through its
 * relation machinery.
 */
import type { Oere, YearAmount } from "@ramme/domain";
import type { Database } from "../db.ts";
import { Prisma, type Initiative } from "../generated/prisma/client.ts";

/**
 * Keys bound in one statement: far below SQLite's (32,766) and PostgreSQL's (65,535) parameter
 * limits, with room for the rest of the statement. Past this many lines, initiatives are found
 * through the lines rather than by a list of keys.
 */
export const KEYS_PER_STATEMENT = 500;

/** A list in slices of at most `size`, for statements whose parameters would grow with the input. */
export function slices<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

/** A line's place and cells, without its initiative: all that a scenario's version fixes. */
export interface LineCells {
  initiativeId: string;
  position: number;
  /** One amount per frame year that has a cell, in year order. */
  amounts: YearAmount[];
  total: Oere;
}

export interface ScenarioLineShape extends LineCells {
  scenarioId: string;
  initiative: Initiative;
}

/**
 * Each scenario's lines in position order (an empty list for a scenario without lines), with their
 * cells in the frame's years. `initiativeQuery` is the select (or include) the GraphQL selection
 * under `initiative` needs (Pothos' queryFromInfo), so relations below it load in the same
 * statement; without it the initiatives' own columns load.
 */
export async function loadScenarioLines(
  client: Database,
  scenarioIds: readonly string[],
  frameYears: readonly number[],
  initiativeQuery: InitiativeQuery = {},
): Promise<Map<string, ScenarioLineShape[]>> {
  return withInitiatives(client, await loadLineCells(client, scenarioIds, frameYears), initiativeQuery);
}

type InitiativeQuery = { select?: Prisma.InitiativeSelect; include?: Prisma.InitiativeInclude };

/** Each scenario's lines in position order with their cells in the frame's years: one statement. */
export async function loadLineCells(client: Database, scenarioIds: readonly string[], frameYears: readonly number[]): Promise<Map<string, LineCells[]>> {
  const byScenario = new Map<string, LineCells[]>(scenarioIds.map((id) => [id, []]));
  if (scenarioIds.length === 0) return byScenario;
  // One row per line, its cells pivoted into one column per frame year (null: no cell). The cells
  // are where the rows are: 4 per line, 20,000 for a 5,000-line scenario, and materialising each
  // as a Prisma object cost more than everything else the grid does.
  const cellColumns = frameYears.map((year, index) => Prisma.sql`MAX(CASE WHEN a."year" = ${year} THEN a."amount" END) AS ${Prisma.raw(`"y${index}"`)}`);
  const lines = await client.$queryRaw<Array<{ scenarioId: string; initiativeId: string; position: number } & Record<string, bigint | number | null>>>`
    SELECT l."scenarioId", l."initiativeId", l."position"${cellColumns.length > 0 ? Prisma.sql`, ${Prisma.join(cellColumns)}` : Prisma.empty}
    FROM "ScenarioLine" l LEFT JOIN "Allocation" a ON a."scenarioId" = l."scenarioId" AND a."initiativeId" = l."initiativeId"
    WHERE l."scenarioId" IN (${Prisma.join(scenarioIds)})
    GROUP BY l."scenarioId", l."initiativeId", l."position"
    ORDER BY l."scenarioId", l."position"`;
  for (const line of lines) {
    const amounts: YearAmount[] = [];
    let total = 0n;
    frameYears.forEach((year, index) => {
      const cell = line[`y${index}`];
      if (cell === null || cell === undefined) return;
      const amount = BigInt(cell);
      amounts.push({ year, amount });
      total += amount;
    });
    byScenario.get(line.scenarioId)!.push({ initiativeId: line.initiativeId, position: Number(line.position), amounts, total });
  }
  return byScenario;
}

/** The lines with their initiatives, loaded as `initiativeQuery` asks (one statement; the lines are not changed). */
export async function withInitiatives(client: Database, cells: ReadonlyMap<string, readonly LineCells[]>, initiativeQuery: InitiativeQuery = {}): Promise<Map<string, ScenarioLineShape[]>> {
  const all = [...cells.values()].flat();
  // The id joins each initiative to its lines, whatever the selection asked for.
  const selectInitiatives: Prisma.InitiativeFindManyArgs = initiativeQuery.select ? { select: { ...initiativeQuery.select, id: true } } : { include: initiativeQuery.include };
  // A few hundred lines find their initiatives by primary key (an EXISTS over the lines reads every
  // initiative: 2.5× slower for the 25-line agreement beside 5,000 other initiatives); past that,
  // Prisma would split the list of keys into several statements, and the EXISTS is the cheaper.
  const where: Prisma.InitiativeWhereInput =
    all.length <= KEYS_PER_STATEMENT ? { id: { in: [...new Set(all.map((line) => line.initiativeId))] } } : { lines: { some: { scenarioId: { in: [...cells.keys()] } } } };
  const initiatives = all.length === 0 ? [] : ((await client.initiative.findMany({ ...selectInitiatives, where })) as Initiative[]);
  const initiativeById = new Map(initiatives.map((initiative) => [initiative.id, initiative]));
  return new Map(
    [...cells].map(([scenarioId, lines]) => [scenarioId, lines.map((line) => ({ ...line, scenarioId, initiative: initiativeById.get(line.initiativeId)! }))]),
  );
}
