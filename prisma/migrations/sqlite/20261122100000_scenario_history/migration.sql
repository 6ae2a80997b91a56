-- AlterTable
ALTER TABLE "Scenario" ADD COLUMN "createdBy" TEXT;
ALTER TABLE "Scenario" ADD COLUMN "forkedFromVersion" INTEGER;

-- CreateTable
CREATE TABLE "ScenarioChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "scenarioId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "comment" TEXT,
    "details" JSONB,
    CONSTRAINT "ScenarioChange_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CellChange" (
    "changeId" INTEGER NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "before" BIGINT,
    "after" BIGINT,

    PRIMARY KEY ("changeId", "initiativeId", "year"),
    CONSTRAINT "CellChange_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "ScenarioChange" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CellChange_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LineChange" (
    "changeId" INTEGER NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "added" BOOLEAN NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("changeId", "initiativeId"),
    CONSTRAINT "LineChange_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "ScenarioChange" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LineChange_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "scenarioId" TEXT NOT NULL,
    "initiativeId" TEXT,
    "year" INTEGER,
    "changeId" INTEGER,
    "version" INTEGER NOT NULL,
    "author" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Comment_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Comment_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "ScenarioChange" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ScenarioChange_scenarioId_at_idx" ON "ScenarioChange"("scenarioId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "ScenarioChange_scenarioId_version_key" ON "ScenarioChange"("scenarioId", "version");

-- CreateIndex
CREATE INDEX "CellChange_initiativeId_idx" ON "CellChange"("initiativeId");

-- CreateIndex
CREATE INDEX "LineChange_initiativeId_idx" ON "LineChange"("initiativeId");

-- CreateIndex
CREATE INDEX "Comment_scenarioId_initiativeId_idx" ON "Comment"("scenarioId", "initiativeId");

-- CreateIndex
CREATE INDEX "Comment_changeId_idx" ON "Comment"("changeId");
