-- Frames become first-class (issue 22): a description, an owning secretariat, archiving, and themes
-- that belong to a frame. Everything already stored belongs to the life science frame afterwards.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Frame" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "organisationId" TEXT,
    "priceLevel" TEXT NOT NULL,
    "precisionDecimals" INTEGER NOT NULL,
    "source" JSONB NOT NULL,
    "createdBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archivedAt" DATETIME,
    CONSTRAINT "Frame_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- The frame(s) a database holds before this migration are the documents' (the life science frame).
INSERT INTO "new_Frame" ("id", "name", "precisionDecimals", "priceLevel", "source", "createdBy") SELECT "id", "name", "precisionDecimals", "priceLevel", "source", 'Dokumenterne' FROM "Frame";
DROP TABLE "Frame";
ALTER TABLE "new_Frame" RENAME TO "Frame";
CREATE UNIQUE INDEX "Frame_name_key" ON "Frame"("name");
CREATE TABLE "new_Theme" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "frameId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "strategyPejlemaerke" INTEGER,
    "strategyInitiativeGroup" INTEGER,
    "agreementChapter" TEXT,
    "sources" JSONB NOT NULL,
    CONSTRAINT "Theme_frameId_fkey" FOREIGN KEY ("frameId") REFERENCES "Frame" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- Every theme a database holds before this migration heads the life science frame's tables.
INSERT INTO "new_Theme" ("agreementChapter", "id", "position", "sources", "strategyInitiativeGroup", "strategyPejlemaerke", "title", "frameId") SELECT "agreementChapter", "id", "position", "sources", "strategyInitiativeGroup", "strategyPejlemaerke", "title", (SELECT "id" FROM "Frame" ORDER BY CASE WHEN "id" = 'life-science-2024-2027' THEN 0 ELSE 1 END, "id" LIMIT 1) FROM "Theme";
DROP TABLE "Theme";
ALTER TABLE "new_Theme" RENAME TO "Theme";
CREATE INDEX "Theme_frameId_idx" ON "Theme"("frameId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
