import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { ensureDatabaseDirectory, resolveDatabaseUrl } from "./src/db/databaseUrl.ts";

// Prisma 6.19 with the "js" engine and a driver adapter: migrations run in the WASM schema engine
// shipped inside the prisma package, so nothing is downloaded (see shared/design/platform.md).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(import.meta.dirname, "../prisma/schema.prisma"),
  migrations: { path: path.join(import.meta.dirname, "../prisma/migrations/sqlite") },
  adapter: async () => {
    const url = resolveDatabaseUrl(process.env.DATABASE_URL);
    ensureDatabaseDirectory(url);
    return new PrismaBetterSQLite3({ url });
  },
});
