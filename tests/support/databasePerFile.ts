/** Runs before each API test file's imports: points DATABASE_URL at a fresh copy of the seeded template. */
import { randomUUID } from "node:crypto";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";

const file = path.join(inject("scratchDirectory"), `${randomUUID()}.db`);
copyFileSync(inject("templateDatabase"), file);
process.env.DATABASE_URL = `file:${file}`;
