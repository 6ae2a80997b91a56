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

export interface ScenarioLineShape {
  scenarioId: string;
  initiativeId: string;
  position: number;
  initiative: Initiative;
  /** One amount per frame year that has a cell, in year order. */
  amounts: YearAmount[];
  total: Oere;
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
  initiativeQuery: { select?: Prisma.InitiativeSelect; include?: Prisma.InitiativeInclude } = {},
): Promise<Map<string, ScenarioLineShape[]>> {
  const byScenario = new Map<string, ScenarioLineShape[]>(scenarioIds.map((id) => [id, []]));
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
  // The id joins each initiative to its lines, whatever the selection asked for.
  const selectInitiatives: Prisma.InitiativeFindManyArgs = initiativeQuery.select ? { select: { ...initiativeQuery.select, id: true } } : { include: initiativeQuery.include };
  // A few hundred lines find their initiatives by primary key (an EXISTS over the lines reads every
  // initiative: 2.5× slower for the 25-line agreement beside 5,000 other initiatives); past that,
  // Prisma would split the list of keys into several statements, and the EXISTS is the cheaper.
  const where: Prisma.InitiativeWhereInput =
    lines.length <= KEYS_PER_STATEMENT ? { id: { in: [...new Set(lines.map((line) => line.initiativeId))] } } : { lines: { some: { scenarioId: { in: [...scenarioIds] } } } };
  const initiatives = (await client.initiative.findMany({ ...selectInitiatives, where })) as Initiative[];
  const initiativeById = new Map(initiatives.map((initiative) => [initiative.id, initiative]));

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
    byScenario.get(line.scenarioId)!.push({
      scenarioId: line.scenarioId,
      initiativeId: line.initiativeId,
      position: Number(line.position),
      initiative: initiativeById.get(line.initiativeId)!,
      amounts,
      total,
    });
  }
  return byScenario;
}
