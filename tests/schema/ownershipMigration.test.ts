/**
 * Upgrading a database made before what-ifs had owners (migration 20261130160000_scenario_ownership,
 * on a real SQLite file): the what-ifs the local single-user made belong to the local organisation
 * afterwards, so a first admin who joins it keeps them; baselines stay everyone's; and a database
 * with no what-ifs gets no local organisation to list.
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

const migrations = path.resolve(import.meta.dirname, "../../prisma/migrations/sqlite");
const OWNERSHIP = "20261130160000_scenario_ownership";

/** A fresh SQLite file with every migration before the ownership one applied, as Prisma would. */
function databaseBeforeOwnership(): Database.Database {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "ramme-migration-")), "ramme.db");
  const database = new Database(file);
  const earlier = readdirSync(migrations).filter((name) => /^\d{14}_/.test(name) && name < OWNERSHIP).sort();
  for (const name of earlier) database.exec(readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));
  return database;
}

const applyOwnership = (database: Database.Database) => database.exec(readFileSync(path.join(migrations, OWNERSHIP, "migration.sql"), "utf8"));

function addScenario(database: Database.Database, id: string, kind: "BASELINE" | "WHAT_IF") {
  database.prepare(`INSERT INTO "Scenario" ("id", "name", "kind", "frameId", "updatedAt") VALUES (?, ?, ?, 'ramme', CURRENT_TIMESTAMP)`).run(id, id, kind);
}

describe("the scenario ownership migration", () => {
  it("gives the local organisation every what-if made before it, and no baseline", () => {
    const database = databaseBeforeOwnership();
    database.prepare(`INSERT INTO "Frame" ("id", "name", "priceLevel", "precisionDecimals", "source") VALUES ('ramme', 'Ramme', '2024-pl', 1, '{}')`).run();
    addScenario(database, "aftale-2024", "BASELINE");
    addScenario(database, "mit-udkast", "WHAT_IF");
    addScenario(database, "andet-udkast", "WHAT_IF");
    applyOwnership(database);

    const owners = database.prepare(`SELECT "id", "organisationId" FROM "Scenario" ORDER BY "id"`).all();
    expect(owners).toEqual([
      { id: "aftale-2024", organisationId: null },
      { id: "andet-udkast", organisationId: "local" },
      { id: "mit-udkast", organisationId: "local" },
    ]);
    expect(database.prepare(`SELECT "id", "key", "kind" FROM "Organisation"`).all()).toEqual([{ id: "local", key: "lokal", kind: "SECRETARIAT" }]);
  });

  it("makes no local organisation where there is no what-if to own", () => {
    const database = databaseBeforeOwnership();
    applyOwnership(database);
    expect(database.prepare(`SELECT COUNT(*) AS count FROM "Organisation"`).get()).toEqual({ count: 0 });
  });
});
