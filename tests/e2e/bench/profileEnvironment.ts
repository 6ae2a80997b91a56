/**
 * The profiled server's environment, set when this module is evaluated: serverProfile.ts imports it
 * first, because its other imports reach the server's db module, which reads DATABASE_URL once.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const databaseFile = path.join(mkdtempSync(path.join(tmpdir(), "ramme-profile-")), "ramme.db");
process.env.NODE_ENV = "production";
process.env.DATABASE_URL = `file:${databaseFile}`;
