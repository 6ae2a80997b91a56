-- AlterTable
ALTER TABLE "Scenario" ADD COLUMN     "organisationId" TEXT;

-- CreateTable
CREATE TABLE "ScenarioShare" (
    "scenarioId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "access" TEXT NOT NULL,
    "sharedBy" TEXT NOT NULL,
    "sharedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScenarioShare_pkey" PRIMARY KEY ("scenarioId","organisationId")
);

-- CreateTable
CREATE TABLE "ScenarioShareChange" (
    "id" SERIAL NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScenarioShareChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ScenarioShare_organisationId_idx" ON "ScenarioShare"("organisationId");

-- CreateIndex
CREATE INDEX "ScenarioShareChange_scenarioId_at_idx" ON "ScenarioShareChange"("scenarioId", "at");

-- CreateIndex
CREATE INDEX "Scenario_organisationId_idx" ON "Scenario"("organisationId");

-- AddForeignKey
ALTER TABLE "Scenario" ADD CONSTRAINT "Scenario_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioShare" ADD CONSTRAINT "ScenarioShare_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioShare" ADD CONSTRAINT "ScenarioShare_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioShareChange" ADD CONSTRAINT "ScenarioShareChange_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioShareChange" ADD CONSTRAINT "ScenarioShareChange_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- What-ifs made before accounts were made by the local single-user: they belong to the local
-- organisation (auth/caller.ts LOCAL_ORGANISATION), which a first admin can join with
-- `user:create --organisation lokal` to keep them.
INSERT INTO "Organisation" ("id", "key", "name", "kind")
  SELECT 'local', 'lokal', 'Lokal planlægning', 'SECRETARIAT' WHERE EXISTS (SELECT 1 FROM "Scenario" WHERE "kind" = 'WHAT_IF')
  ON CONFLICT DO NOTHING;
UPDATE "Scenario" SET "organisationId" = 'local' WHERE "kind" = 'WHAT_IF' AND "organisationId" IS NULL;
