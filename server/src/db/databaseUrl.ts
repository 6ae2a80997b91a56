import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository root (the folder with pnpm-workspace.yaml), so that relative `file:` URLs mean the
 * same thing from every working directory. Found by walking up from this module, which lives in
 * server/src/db under tsx and in server/dist (or dist/chunks) once compiled.
 */
export const repoRoot = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));

function findRepoRoot(from: string): string {
  for (let directory = from; ; directory = path.dirname(directory)) {
    if (existsSync(path.join(directory, "pnpm-workspace.yaml"))) return directory;
    if (path.dirname(directory) === directory) throw new Error(`no pnpm-workspace.yaml above ${from}: run Ramme from its checkout`);
  }
}

/** The embedded default: a SQLite file under data/ in the checkout. */
export const defaultDatabaseUrl = `file:${path.join(repoRoot, "data", "ramme.db")}`;

export type DatabaseProvider = "sqlite" | "postgresql";

/** Which database a URL names: `file:` is SQLite, `postgresql:`/`postgres:` is PostgreSQL. */
export function providerOf(url: string): DatabaseProvider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL must be a SQLite "file:" URL or a "postgresql://" URL, got ${JSON.stringify(url.split(":")[0] + ":…")}`);
}

/**
 * Resolves DATABASE_URL: a `file:` URL for SQLite (relative paths are taken from the repository
 * root; `file::memory:` is kept as it is), or a `postgresql://` URL, kept as it is.
 */
export function resolveDatabaseUrl(url: string | undefined): string {
  const value = url?.trim() || defaultDatabaseUrl;
  if (providerOf(value) === "postgresql") return value;
  const filePath = value.slice("file:".length);
  if (filePath === ":memory:" || path.isAbsolute(filePath)) return value;
  return `file:${path.resolve(repoRoot, filePath)}`;
}

/** Creates the folder a SQLite file lives in, so a fresh checkout can open its database. */
export function ensureDatabaseDirectory(resolvedUrl: string): void {
  if (providerOf(resolvedUrl) !== "sqlite") return;
  const filePath = resolvedUrl.slice("file:".length);
  if (filePath !== ":memory:") mkdirSync(path.dirname(filePath), { recursive: true });
}
