import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, so that relative `file:` URLs mean the same thing from every working directory. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** The embedded default: a SQLite file under data/ in the checkout. */
export const defaultDatabaseUrl = `file:${path.join(repoRoot, "data", "ramme.db")}`;

/**
 * Resolves DATABASE_URL (a `file:` URL for SQLite). Relative paths are taken from the repository
 * root; `file::memory:` is kept as it is.
 */
export function resolveDatabaseUrl(url: string | undefined): string {
  const value = url?.trim() || defaultDatabaseUrl;
  if (!value.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite "file:" URL, got ${JSON.stringify(value.split(":")[0] + ":…")}`);
  }
  const filePath = value.slice("file:".length);
  if (filePath === ":memory:" || path.isAbsolute(filePath)) return value;
  return `file:${path.resolve(repoRoot, filePath)}`;
}

/** Creates the folder a SQLite file lives in, so a fresh checkout can open its database. */
export function ensureDatabaseDirectory(resolvedUrl: string): void {
  const filePath = resolvedUrl.slice("file:".length);
  if (filePath !== ":memory:") mkdirSync(path.dirname(filePath), { recursive: true });
}
