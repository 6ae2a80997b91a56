/**
 * One small SQL interface over raw better-sqlite3 and raw `pg`, so the dataset writer and the data
 * floors state each statement once. Statements use PostgreSQL's `$1` placeholders and quoted
 * identifiers; for SQLite the placeholders become named parameters.
 */
import Database from "better-sqlite3";
import pg from "pg";

export type Dialect = "sqlite" | "postgres";
export type Value = string | number | bigint | boolean | null;
export type Row = Record<string, unknown>;

export interface Sql {
  readonly dialect: Dialect;
  all(text: string, params?: readonly Value[]): Promise<Row[]>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(text: string, params?: readonly Value[]): Promise<number>;
  /** One transaction (SQLite: BEGIN IMMEDIATE, as a writer must). */
  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `$1, $2, …` placeholders for `count` rows of `width` values each: "($1, $2), ($3, $4)". */
export function valuesList(count: number, width: number, offset = 0): string {
  return Array.from({ length: count }, (_, row) => `(${Array.from({ length: width }, (_, column) => `$${offset + row * width + column + 1}`).join(", ")})`).join(", ");
}

export function sqliteSql(file: string): Sql {
  const db = new Database(file);
  db.pragma("busy_timeout = 10000");
  db.defaultSafeIntegers(true);
  const statements = new Map<string, Database.Statement>();
  const prepare = (text: string) => {
    let statement = statements.get(text);
    if (!statement) {
      statement = db.prepare(text.replace(/\$(\d+)/g, "@p$1"));
      statements.set(text, statement);
    }
    return statement;
  };
  const bind = (params: readonly Value[]) => Object.fromEntries(params.map((value, index) => [`p${index + 1}`, typeof value === "boolean" ? Number(value) : value]));
  const sql: Sql = {
    dialect: "sqlite",
    async all(text, params = []) {
      return prepare(text).all(bind(params)) as Row[];
    },
    async run(text, params = []) {
      return prepare(text).run(bind(params)).changes;
    },
    async transaction(work) {
      db.exec("BEGIN IMMEDIATE");
      try {
        const result = await work(sql);
        db.exec("COMMIT");
        return result;
      } catch (error) {
        db.exec("ROLLBACK");
        throw error;
      }
    },
    async close() {
      db.close();
    },
  };
  return sql;
}

const toPg = (params: readonly Value[]) => params.map((value) => (typeof value === "bigint" ? value.toString() : value));

export function postgresSql(url: string, connections = 4): Sql {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  // An idle connection ended by the server (the bench drops its databases WITH (FORCE)) emits
  // 'error' on the pool; unheard, it would end the bench. The pool drops that connection itself.
  pool.on("error", () => {});
  const over = (client: pg.Pool | pg.PoolClient): Omit<Sql, "transaction" | "close"> => ({
    dialect: "postgres",
    async all(text, params = []) {
      return (await client.query(text, toPg(params))).rows as Row[];
    },
    async run(text, params = []) {
      return (await client.query(text, toPg(params))).rowCount ?? 0;
    },
  });
  return {
    ...over(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const inTransaction: Sql = { ...over(client), transaction: (inner) => inner(inTransaction), close: async () => {} };
        const result = await work(inTransaction);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** An integer column as a number, whichever driver read it (SQLite: bigint; pg: number or string). */
export const int = (value: unknown): number => Number(value);
/** A BigInt column as a bigint (pg returns int8 and SUM() as strings). */
export const big = (value: unknown): bigint => (typeof value === "bigint" ? value : BigInt(value as string | number));
/** A Json column as a value (SQLite: text; pg: already parsed). */
export const json = (value: unknown): unknown => (typeof value === "string" ? JSON.parse(value) : value);
