/**
 * `pnpm --filter @ramme/server run build`: compiles the server and its deploy commands to plain
 * JavaScript in server/dist, so production runs `node dist/server.js` (no tsx, no TypeScript at run
 * time). One esbuild bundle per entry with shared chunks; the domain package (TypeScript source) and
 * the generated Prisma client are bundled in, every other dependency stays in node_modules.
 */
import { build } from "esbuild";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";

const serverDirectory = import.meta.dirname;
const outdir = path.join(serverDirectory, "dist");
const { dependencies } = JSON.parse(readFileSync(path.join(serverDirectory, "package.json"), "utf8"));
const bundled = new Set(["@ramme/domain"]);
const external = Object.keys(dependencies).filter((name) => !bundled.has(name)).flatMap((name) => [name, `${name}/*`]);

/** dist/<name>.js ← src/<path>: the server and every command a deployment runs. */
export const entryPoints = {
  server: "src/server.ts",
  "db-seed": "src/seed/cli.ts",
  "db-migrate-postgres": "src/db/migratePostgres.ts",
  "db-backup": "src/db/backup.ts",
  accounts: "src/auth/cli.ts",
};

rmSync(outdir, { recursive: true, force: true });
const started = performance.now();
await build({
  absWorkingDir: serverDirectory,
  entryPoints,
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20.19",
  external,
  sourcemap: true,
  chunkNames: "chunks/[name]-[hash]",
  logLevel: "warning",
});
console.log(`Built server/dist (${Object.keys(entryPoints).length} entries) in ${Math.round(performance.now() - started)} ms.`);
