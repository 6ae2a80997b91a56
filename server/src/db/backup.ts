/**
 * `db:backup <file>`: a consistent copy of the SQLite database while the server runs, made with
 * SQLite's online backup API (better-sqlite3's `backup`), which copies a snapshot page by page
 * without stopping writers; the copy is checked with PRAGMA integrity_check before it is reported.
 * PostgreSQL is backed up with its own tools (pg_dump); see the README.
 */
import Sqlite from "better-sqlite3";
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { providerOf, resolveDatabaseUrl } from "./databaseUrl.ts";

export async function backupSqlite(target: string, url = resolveDatabaseUrl(process.env.DATABASE_URL)): Promise<{ source: string; target: string; pages: number }> {
  if (providerOf(url) !== "sqlite") throw new Error("db:backup copies the SQLite database; back PostgreSQL up with pg_dump (see the README).");
  const source = url.slice("file:".length);
  if (!existsSync(source)) throw new Error(`there is no database at ${source}`);
  const destination = path.resolve(target);
  if (existsSync(destination)) throw new Error(`${destination} exists already; choose a new file`);
  const database = new Sqlite(source, { readonly: true, fileMustExist: true });
  try {
    const progress = await database.backup(destination);
    const copy = new Sqlite(destination, { readonly: true });
    try {
      const check = copy.pragma("integrity_check", { simple: true });
      if (check !== "ok") throw new Error(`the copy at ${destination} failed integrity_check: ${String(check)}`);
    } finally {
      copy.close();
    }
    return { source, target: destination, pages: progress.totalPages };
  } finally {
    database.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const target = process.argv[2];
  if (!target) {
    console.error("usage: db:backup <file>   (copies DATABASE_URL's SQLite file, default data/ramme.db)");
    process.exit(2);
  }
  backupSqlite(target).then(
    (result) => console.log(`Backed up ${result.source} to ${result.target} (${result.pages} pages, integrity_check ok).`),
    (error: Error) => {
      console.error(`Backup failed: ${error.message}`);
      process.exit(1);
    },
  );
}
