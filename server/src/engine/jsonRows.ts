/**
 * Many rows sent to the database as ONE parameter: a JSON array of arrays, read back as a table by
 * the database itself (SQLite's json_each, PostgreSQL's json_array_elements). A statement with a
 * bound parameter per value costs Prisma's raw-query path (serialising, the query compiler, the
 * driver adapter) far more than the database's own work: 20,000 cells of a workbook import as
 * 1,000-row VALUES lists took ~0.5 s a table on SQLite, as JSON ~0.1 s. The values are still bound,
 * never spliced into the SQL text.
 */
import { isPostgres } from "../db/client.ts";
import { Prisma } from "../generated/prisma/client.ts";

export type JsonColumnType = "text" | "integer" | "bigint";
export type JsonValue = string | number | bigint | null;

/** Rows per statement: bounds one parameter's size (a few hundred kB) whatever the input. */
export const JSON_ROWS_PER_STATEMENT = 5_000;

/** The rows as the JSON text of an array of arrays; bigints are written as exact integers. */
export function rowsAsJson(rows: ReadonlyArray<ReadonlyArray<JsonValue>>): string {
  const cell = (value: JsonValue) => (value === null ? "null" : typeof value === "bigint" ? value.toString() : JSON.stringify(value));
  return `[${rows.map((row) => `[${row.map(cell).join(",")}]`).join(",")}]`;
}

/**
 * `SELECT <constants…>, <column 0>, <column 1>, … FROM <the rows>` for an INSERT … SELECT or an
 * IN (…): each constant bound once (not repeated in every row), each column cast to its type;
 * `WHERE true` so SQLite reads a following ON CONFLICT as the upsert's.
 */
export function selectJsonRows(
  types: readonly JsonColumnType[],
  rows: ReadonlyArray<ReadonlyArray<JsonValue>>,
  constants: ReadonlyArray<{ value: JsonValue; type: JsonColumnType }> = [],
): Prisma.Sql {
  const json = rowsAsJson(rows);
  const sqlType = { text: "text", integer: "integer", bigint: "bigint" } as const;
  // CAST, not a bare parameter: PostgreSQL would take an untyped parameter in a SELECT list as text.
  const leading = constants.length === 0 ? Prisma.empty : Prisma.join(constants.map(({ value, type }) => Prisma.sql`CAST(${value} AS ${Prisma.raw(sqlType[type])}), `), "");
  if (isPostgres()) {
    const columns = types.map((type, index) => `("row"->>${index})::${sqlType[type]}`).join(", ");
    return Prisma.sql`SELECT ${leading}${Prisma.raw(columns)} FROM json_array_elements(CAST(${json} AS json)) AS "rows"("row") WHERE true`;
  }
  // json_extract gives TEXT for a string, INTEGER for an integer (exact to 64 bits) and NULL for null.
  const columns = types.map((_, index) => `json_extract("value", '$[${index}]')`).join(", ");
  return Prisma.sql`SELECT ${leading}${Prisma.raw(columns)} FROM json_each(${json}) WHERE true`;
}

/**
 * The other way: the rows a query finds as ONE JSON text (an array of arrays of `columns`), which
 * the caller parses with JSON.parse instead of Prisma turning every value of every row into a
 * typed result (~0.1 s for a 20,000-cell scenario). Cast a BIGINT column to text first: JSON
 * numbers are exact only to 2^53. No rows give null on PostgreSQL ("[]" on SQLite).
 */
export function jsonArrayOfRows(columns: readonly Prisma.Sql[]): Prisma.Sql {
  return isPostgres() ? Prisma.sql`json_agg(json_build_array(${Prisma.join(columns)}))::text` : Prisma.sql`json_group_array(json_array(${Prisma.join(columns)}))`;
}
