-- CreateTable
CREATE TABLE "ScenarioShare" (
    "scenarioId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "access" TEXT NOT NULL,
    "sharedBy" TEXT NOT NULL,
    "sharedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("scenarioId", "organisationId"),
    CONSTRAINT "ScenarioShare_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ScenarioShare_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScenarioShareChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "scenarioId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "actor" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ScenarioShareChange_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ScenarioShareChange_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Scenario" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "kind" TEXT NOT NULL,
    "frameId" TEXT NOT NULL,
    "parentId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "forkedFromVersion" INTEGER,
    "createdBy" TEXT,
    "organisationId" TEXT,
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "mustFit" BOOLEAN NOT NULL DEFAULT false,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Scenario_frameId_fkey" FOREIGN KEY ("frameId") REFERENCES "Frame" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Scenario_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Scenario_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Scenario" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Scenario" ("archivedAt", "createdAt", "createdBy", "description", "forkedFromVersion", "frameId", "id", "kind", "locked", "mustFit", "name", "parentId", "updatedAt", "version") SELECT "archivedAt", "createdAt", "createdBy", "description", "forkedFromVersion", "frameId", "id", "kind", "locked", "mustFit", "name", "parentId", "updatedAt", "version" FROM "Scenario";
DROP TABLE "Scenario";
ALTER TABLE "new_Scenario" RENAME TO "Scenario";
CREATE INDEX "Scenario_parentId_idx" ON "Scenario"("parentId");
CREATE INDEX "Scenario_organisationId_idx" ON "Scenario"("organisationId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ScenarioShare_organisationId_idx" ON "ScenarioShare"("organisationId");

-- CreateIndex
CREATE INDEX "ScenarioShareChange_scenarioId_at_idx" ON "ScenarioShareChange"("scenarioId", "at");


-- What-ifs made before accounts were made by the local single-user: they belong to the local
-- organisation (auth/caller.ts LOCAL_ORGANISATION), which a first admin can join with
-- `user:create --organisation lokal` to keep them.
INSERT OR IGNORE INTO "Organisation" ("id", "key", "name", "kind")
  SELECT 'local', 'lokal', 'Lokal planlægning', 'SECRETARIAT' WHERE EXISTS (SELECT 1 FROM "Scenario" WHERE "kind" = 'WHAT_IF');
UPDATE "Scenario" SET "organisationId" = 'local' WHERE "kind" = 'WHAT_IF' AND "organisationId" IS NULL;
