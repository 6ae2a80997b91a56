/** `pnpm schema:print`: writes the schema as SDL to docs/schema.graphql (the API's documented contract); `--stdout` prints it instead. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { lexicographicSortSchema, printSchema } from "graphql";
import { repoRoot } from "../db/databaseUrl.ts";
import { schema } from "./index.ts";

export const printedSchema = () => `${printSchema(lexicographicSortSchema(schema))}\n`;

if (process.argv.includes("--stdout")) {
  process.stdout.write(printedSchema());
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const target = path.join(repoRoot, "docs", "schema.graphql");
  writeFileSync(target, printedSchema());
  console.log(`Wrote ${path.relative(repoRoot, target)}`);
}
