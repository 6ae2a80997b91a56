/** `pnpm db:seed`: writes seeds/ into DATABASE_URL's database (no-op when it already holds them). */
import { configureSqlite, createDatabase } from "../db/client.ts";
import { seedDatabase } from "./seedDatabase.ts";

const db = createDatabase();
await configureSqlite(db);
const outcome = await seedDatabase(db);
console.log(outcome === "seeded" ? "Seeded the documents' data." : "The documents' data is already seeded.");
await db.$disconnect();
