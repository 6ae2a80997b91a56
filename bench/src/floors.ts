/**
 * The data floors: the rows the API reads, and the writes it does, done with raw SQL (better-sqlite3
 * or `pg`) and serialised to JSON, with no ORM and no GraphQL. What the layers above add is the
 * difference between these and the API's figures.
 */
import { formatMio } from "@ramme/domain";
import { big, int, json, valuesList, type Sql, type Value } from "./sql.ts";

const ACTOR = "bench-floor";

/** The grid query's answer for one scenario: scenario, frame, lines with initiatives, cells, comments, totals, themes. */
export async function gridFloor(sql: Sql, scenarioKey: string): Promise<string> {
  const [scenario] = await sql.all(
    `SELECT s."id", s."name", s."description", s."kind", s."locked", s."archivedAt", s."mustFit", s."version", s."frameId",
            p."id" AS "parentKey", p."name" AS "parentName", f."name" AS "frameName", f."priceLevel", f."precisionDecimals"
       FROM "Scenario" s JOIN "Frame" f ON f."id" = s."frameId" LEFT JOIN "Scenario" p ON p."id" = s."parentId"
      WHERE s."id" = $1`,
    [scenarioKey],
  );
  if (!scenario) throw new Error(`no scenario ${scenarioKey}`);
  const frameYears = await sql.all(`SELECT "year", "amount" FROM "FrameYear" WHERE "frameId" = $1 ORDER BY "year"`, [scenario.frameId as string]);
  const lines = await sql.all(
    `SELECT l."initiativeId", i."title", i."isReserve", i."origin", i."themeId", i."sources"
       FROM "ScenarioLine" l JOIN "Initiative" i ON i."id" = l."initiativeId"
      WHERE l."scenarioId" = $1 ORDER BY l."position"`,
    [scenarioKey],
  );
  const cells = await sql.all(`SELECT "initiativeId", "year", "amount" FROM "Allocation" WHERE "scenarioId" = $1`, [scenarioKey]);
  const comments = await sql.all(`SELECT "text", "author", "year", "initiativeId" FROM "Comment" WHERE "scenarioId" = $1 ORDER BY "id"`, [scenarioKey]);
  const themes = await sql.all(`SELECT "id", "title", "position" FROM "Theme" ORDER BY "position"`);

  const years = frameYears.map((row) => int(row.year));
  const byLine = new Map<string, Map<number, bigint>>();
  const allocated = new Map<number, bigint>(years.map((year) => [year, 0n]));
  for (const cell of cells) {
    const year = int(cell.year);
    const amount = big(cell.amount);
    const line = byLine.get(cell.initiativeId as string) ?? new Map<number, bigint>();
    line.set(year, amount);
    byLine.set(cell.initiativeId as string, line);
    allocated.set(year, (allocated.get(year) ?? 0n) + amount);
  }
  return JSON.stringify({
    data: {
      scenario: {
        id: scenario.id,
        key: scenario.id,
        name: scenario.name,
        description: scenario.description,
        kind: scenario.kind,
        locked: Boolean(Number(scenario.locked)),
        archived: scenario.archivedAt !== null,
        mustFit: Boolean(Number(scenario.mustFit)),
        version: int(scenario.version),
        parent: scenario.parentKey ? { key: scenario.parentKey, name: scenario.parentName } : null,
        frame: {
          name: scenario.frameName,
          priceLevel: scenario.priceLevel,
          precisionDecimals: int(scenario.precisionDecimals),
          years: frameYears.map((row) => ({ year: int(row.year), amount: formatMio(big(row.amount)) })),
        },
        lines: lines.map((line) => ({
          initiative: {
            key: line.initiativeId,
            title: line.title,
            isReserve: Boolean(Number(line.isReserve)),
            origin: line.origin,
            theme: { key: line.themeId },
            sources: (json(line.sources) as Array<Record<string, unknown>>).map(({ document, section, paragraph, initiativeNumber }) => ({ document, section, paragraph, initiativeNumber })),
          },
          amounts: years.map((year) => ({ year, amount: formatMio(byLine.get(line.initiativeId as string)?.get(year) ?? 0n) })),
        })),
        comments: comments.map((comment) => ({ text: comment.text, author: comment.author, year: comment.year === null ? null : int(comment.year), initiative: comment.initiativeId ? { key: comment.initiativeId } : null })),
        yearTotals: years.map((year) => ({ year, allocated: formatMio(allocated.get(year)!), statedTotalCheck: null })),
      },
      themes: themes.map((theme) => ({ key: theme.id, title: theme.title, position: int(theme.position) })),
    },
  });
}

export interface FloorCell {
  initiativeId: string;
  year: number;
  amount: bigint;
}

/**
 * An edit of `cells` as the engine does it, in one transaction: the version claim (UPDATE … WHERE
 * version), the cells' before values, the upserts, the history entry with its cell changes, and the
 * new per-year totals, answered as JSON.
 */
export async function editFloor(sql: Sql, scenarioKey: string, expectedVersion: number, cells: readonly FloorCell[]): Promise<{ version: number; json: string }> {
  return sql.transaction(async (tx) => {
    const now = new Date().toISOString();
    const claimed = await tx.run(`UPDATE "Scenario" SET "version" = "version" + 1, "updatedAt" = $1 WHERE "id" = $2 AND "version" = $3`, [now, scenarioKey, expectedVersion]);
    if (claimed !== 1) throw new Error(`data floor: ${scenarioKey} is no longer at version ${expectedVersion}`);
    const version = expectedVersion + 1;
    const initiatives = [...new Set(cells.map((cell) => cell.initiativeId))];
    const before = new Map<string, bigint>();
    const rows = await tx.all(
      `SELECT "initiativeId", "year", "amount" FROM "Allocation" WHERE "scenarioId" = $1 AND "initiativeId" IN (${initiatives.map((_, index) => `$${index + 2}`).join(", ")})`,
      [scenarioKey, ...initiatives],
    );
    for (const row of rows) before.set(`${row.initiativeId as string}/${int(row.year)}`, big(row.amount));
    await tx.run(
      `INSERT INTO "Allocation" ("scenarioId", "initiativeId", "year", "amount") VALUES ${valuesList(cells.length, 4)}
       ON CONFLICT ("scenarioId", "initiativeId", "year") DO UPDATE SET "amount" = excluded."amount"`,
      cells.flatMap((cell): Value[] => [scenarioKey, cell.initiativeId, cell.year, cell.amount]),
    );
    const [change] = await tx.all(`INSERT INTO "ScenarioChange" ("scenarioId", "version", "kind", "actor", "at", "details") VALUES ($1, $2, 'CELLS_SET', $3, $4, $5) RETURNING "id"`, [
      scenarioKey,
      version,
      ACTOR,
      now,
      "{}",
    ]);
    const changeId = int(change!.id);
    await tx.run(
      `INSERT INTO "CellChange" ("changeId", "initiativeId", "year", "before", "after") VALUES ${valuesList(cells.length, 5)}`,
      cells.flatMap((cell): Value[] => [changeId, cell.initiativeId, cell.year, before.get(`${cell.initiativeId}/${cell.year}`) ?? null, cell.amount]),
    );
    const totals = await tx.all(`SELECT "year", SUM("amount") AS "allocated" FROM "Allocation" WHERE "scenarioId" = $1 GROUP BY "year" ORDER BY "year"`, [scenarioKey]);
    return { version, json: JSON.stringify({ version, yearTotals: totals.map((row) => ({ year: int(row.year), allocated: formatMio(big(row.allocated)) })) }) };
  });
}

/** The scenario's current version, for the floor's first expectedVersion. */
export async function versionOf(sql: Sql, scenarioKey: string): Promise<number> {
  const [row] = await sql.all(`SELECT "version" FROM "Scenario" WHERE "id" = $1`, [scenarioKey]);
  return int(row!.version);
}

/** Two scenarios' lines and cells read raw and diffed per line and year, as JSON: what a comparison must at least do. */
export async function compareFloor(sql: Sql, baseKey: string, otherKey: string): Promise<string> {
  const lines = await sql.all(
    `SELECT l."scenarioId", l."initiativeId", i."title", i."themeId" FROM "ScenarioLine" l JOIN "Initiative" i ON i."id" = l."initiativeId"
      WHERE l."scenarioId" IN ($1, $2) ORDER BY l."position"`,
    [baseKey, otherKey],
  );
  const cells = await sql.all(`SELECT "scenarioId", "initiativeId", "year", "amount" FROM "Allocation" WHERE "scenarioId" IN ($1, $2)`, [baseKey, otherKey]);
  const amount = new Map<string, bigint>();
  const years = new Set<number>();
  for (const cell of cells) {
    amount.set(`${cell.scenarioId as string}/${cell.initiativeId as string}/${int(cell.year)}`, big(cell.amount));
    years.add(int(cell.year));
  }
  const inScenario = new Map<string, { title: unknown; themeId: unknown; base: boolean; other: boolean }>();
  for (const line of lines) {
    const entry = inScenario.get(line.initiativeId as string) ?? { title: line.title, themeId: line.themeId, base: false, other: false };
    if (line.scenarioId === baseKey) entry.base = true;
    else entry.other = true;
    inScenario.set(line.initiativeId as string, entry);
  }
  const sortedYears = [...years].sort();
  const result = [...inScenario].map(([initiativeKey, line]) => {
    const cellsOf = sortedYears.map((year) => {
      const base = amount.get(`${baseKey}/${initiativeKey}/${year}`) ?? 0n;
      const other = amount.get(`${otherKey}/${initiativeKey}/${year}`) ?? 0n;
      return { year, base: formatMio(base), other: formatMio(other), difference: formatMio(other - base) };
    });
    const status = !line.base ? "ADDED" : !line.other ? "REMOVED" : cellsOf.some((cell) => cell.difference !== "0") ? "CHANGED" : "UNCHANGED";
    return { initiativeKey, themeKey: line.themeId, inBase: line.base, initiative: { title: line.title }, versus: [{ scenarioKey: otherKey, status, cells: cellsOf }] };
  });
  return JSON.stringify({ data: { compareScenarios: { lines: result } } });
}
