/**
 * One source of truth for the data model: prisma/schema.prisma (SQLite, the embedded default).
 * A Prisma schema has one provider and a generated client is bound to it, so the PostgreSQL
 * schema is written from it here — same models, provider "postgresql", its own client output —
 * and never edited by hand. `--check` fails when the written file is not what the source gives
 * (a test runs it, so the two cannot drift).
 */
import { readFileSync, writeFileSync } from "node:fs";

const source = new URL("../prisma/schema.prisma", import.meta.url);
const target = new URL("../prisma/postgresql/schema.prisma", import.meta.url);

export function postgresSchema(text) {
  const replaced = text
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://localhost/ramme"')
    .replace(/output\s*=\s*"\.\.\/server\/src\/generated\/prisma"/, 'output       = "../../server/src/generated/prisma-pg"')
    // The Pothos types come from the SQLite client (the models are the same); one generator is enough.
    .replace(/generator pothos \{[^}]*\}\n\n/, "");
  for (const [what, pattern] of [["provider", /provider = "postgresql"/], ["client output", /prisma-pg"/]]) {
    if (!pattern.test(replaced)) throw new Error(`prisma/schema.prisma changed shape: could not set the ${what} for PostgreSQL`);
  }
  return `// GENERATED from ../schema.prisma by scripts/prisma-schemas.mjs: do not edit; edit the source and run it.\n${replaced}`;
}

const expected = postgresSchema(readFileSync(source, "utf8"));
if (process.argv.includes("--check")) {
  let actual = "";
  try {
    actual = readFileSync(target, "utf8");
  } catch {
    // missing counts as stale
  }
  if (actual !== expected) {
    console.error("prisma/postgresql/schema.prisma is stale: run `node scripts/prisma-schemas.mjs`.");
    process.exit(1);
  }
} else {
  writeFileSync(target, expected);
  console.log("Wrote prisma/postgresql/schema.prisma");
}
