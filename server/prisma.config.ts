import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { ensureDatabaseDirectory, providerOf, resolveDatabaseUrl } from "./src/db/databaseUrl.ts";

// DATABASE_URL picks the provider: its schema (PostgreSQL's is generated from SQLite's, see
// scripts/prisma-schemas.mjs), its own migration history and its driver adapter.
const provider = providerOf(resolveDatabaseUrl(process.env.DATABASE_URL));
const prismaDirectory = path.join(import.meta.dirname, "../prisma");

// Prisma 6.19 with the "js" engine and a driver adapter: migrations run in the WASM schema engine
// shipped inside the prisma package, so nothing is downloaded (see shared/design/platform.md).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: provider === "postgresql" ? path.join(prismaDirectory, "postgresql/schema.prisma") : path.join(prismaDirectory, "schema.prisma"),
  migrations: { path: path.join(prismaDirectory, "migrations", provider) },
  adapter: async () => {
    const url = resolveDatabaseUrl(process.env.DATABASE_URL);
    if (provider === "postgresql") return new PrismaPg({ connectionString: url });
    ensureDatabaseDirectory(url);
    return new PrismaBetterSQLite3({ url });
  },
});
