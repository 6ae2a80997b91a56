-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fileName" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "published" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Frame" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "priceLevel" TEXT NOT NULL,
    "precisionDecimals" INTEGER NOT NULL,
    "source" JSONB NOT NULL
);

-- CreateTable
CREATE TABLE "FrameYear" (
    "frameId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL,

    PRIMARY KEY ("frameId", "year"),
    CONSTRAINT "FrameYear_frameId_fkey" FOREIGN KEY ("frameId") REFERENCES "Frame" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Theme" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "strategyPejlemaerke" INTEGER,
    "strategyInitiativeGroup" INTEGER,
    "agreementChapter" TEXT,
    "sources" JSONB NOT NULL
);

-- CreateTable
CREATE TABLE "Initiative" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "themeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "isReserve" BOOLEAN NOT NULL DEFAULT false,
    "origin" TEXT NOT NULL DEFAULT 'DOCUMENT',
    "strategyNumber" TEXT,
    "createdInScenarioId" TEXT,
    "sources" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Initiative_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Initiative_strategyNumber_fkey" FOREIGN KEY ("strategyNumber") REFERENCES "StrategyInitiative" ("number") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StrategyInitiative" (
    "number" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "groupNumber" INTEGER NOT NULL,
    "themeId" TEXT,
    "description" TEXT,
    "source" JSONB NOT NULL,
    CONSTRAINT "StrategyInitiative_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AgreementParagraph" (
    "number" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "chapter" TEXT,
    "text" TEXT NOT NULL,
    "source" JSONB NOT NULL
);

-- CreateTable
CREATE TABLE "InitiativeParagraph" (
    "initiativeId" TEXT NOT NULL,
    "paragraphNumber" INTEGER NOT NULL,

    PRIMARY KEY ("initiativeId", "paragraphNumber"),
    CONSTRAINT "InitiativeParagraph_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InitiativeParagraph_paragraphNumber_fkey" FOREIGN KEY ("paragraphNumber") REFERENCES "AgreementParagraph" ("number") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StatedAmount" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "paragraphNumber" INTEGER NOT NULL,
    "subLineId" TEXT,
    "quote" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "printedAmount" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "fromYear" INTEGER NOT NULL,
    "toYear" INTEGER NOT NULL,
    "withinFrame" BOOLEAN NOT NULL,
    "note" TEXT,
    CONSTRAINT "StatedAmount_paragraphNumber_fkey" FOREIGN KEY ("paragraphNumber") REFERENCES "AgreementParagraph" ("number") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StatedAmountInitiative" (
    "statedAmountId" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,

    PRIMARY KEY ("statedAmountId", "initiativeId"),
    CONSTRAINT "StatedAmountInitiative_statedAmountId_fkey" FOREIGN KEY ("statedAmountId") REFERENCES "StatedAmount" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StatedAmountInitiative_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InitiativeSubLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "initiativeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "source" JSONB NOT NULL,
    CONSTRAINT "InitiativeSubLine_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SubLineAmount" (
    "subLineId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL,
    "printed" TEXT NOT NULL,

    PRIMARY KEY ("subLineId", "year"),
    CONSTRAINT "SubLineAmount_subLineId_fkey" FOREIGN KEY ("subLineId") REFERENCES "InitiativeSubLine" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RecommendationAmbition" (
    "number" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "text" TEXT,
    "source" JSONB NOT NULL
);

-- CreateTable
CREATE TABLE "Recommendation" (
    "number" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "ambitionNumber" INTEGER NOT NULL,
    "subPoints" JSONB NOT NULL,
    "source" JSONB NOT NULL,
    CONSTRAINT "Recommendation_ambitionNumber_fkey" FOREIGN KEY ("ambitionNumber") REFERENCES "RecommendationAmbition" ("number") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InitiativeRecommendation" (
    "initiativeId" TEXT NOT NULL,
    "recommendationNumber" INTEGER NOT NULL,
    "basis" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    "source" JSONB NOT NULL,

    PRIMARY KEY ("initiativeId", "recommendationNumber"),
    CONSTRAINT "InitiativeRecommendation_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InitiativeRecommendation_recommendationNumber_fkey" FOREIGN KEY ("recommendationNumber") REFERENCES "Recommendation" ("number") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Strategy2021Area" (
    "number" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "source" JSONB NOT NULL
);

-- CreateTable
CREATE TABLE "Strategy2021Initiative" (
    "number" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "areaNumber" INTEGER NOT NULL,
    "source" JSONB NOT NULL,
    CONSTRAINT "Strategy2021Initiative_areaNumber_fkey" FOREIGN KEY ("areaNumber") REFERENCES "Strategy2021Area" ("number") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InitiativeContinuation" (
    "initiativeId" TEXT NOT NULL,
    "strategy2021Number" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "source" JSONB NOT NULL,

    PRIMARY KEY ("initiativeId", "strategy2021Number"),
    CONSTRAINT "InitiativeContinuation_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InitiativeContinuation_strategy2021Number_fkey" FOREIGN KEY ("strategy2021Number") REFERENCES "Strategy2021Initiative" ("number") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SourceTable" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "documentId" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "printedLabel" TEXT,
    "unit" TEXT NOT NULL,
    "source" JSONB NOT NULL,
    CONSTRAINT "SourceTable_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SourceTable_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SourceTableLine" (
    "tableId" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "printedHeading" TEXT NOT NULL,
    "printedTitle" TEXT NOT NULL,
    "printedAmounts" JSONB NOT NULL,
    "footnoteMarkers" JSONB NOT NULL,

    PRIMARY KEY ("tableId", "initiativeId"),
    CONSTRAINT "SourceTableLine_tableId_fkey" FOREIGN KEY ("tableId") REFERENCES "SourceTable" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SourceTableLine_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StatedTotal" (
    "tableId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL,
    "printed" TEXT NOT NULL,
    "footnoteMarkers" JSONB NOT NULL,

    PRIMARY KEY ("tableId", "year"),
    CONSTRAINT "StatedTotal_tableId_fkey" FOREIGN KEY ("tableId") REFERENCES "SourceTable" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Footnote" (
    "tableId" TEXT NOT NULL,
    "marker" TEXT NOT NULL,
    "text" TEXT NOT NULL,

    PRIMARY KEY ("tableId", "marker"),
    CONSTRAINT "Footnote_tableId_fkey" FOREIGN KEY ("tableId") REFERENCES "SourceTable" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutsideFrameAmount" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "frameId" TEXT NOT NULL,
    "scenarioId" TEXT,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "amount" BIGINT,
    "printedAmount" TEXT,
    "basis" TEXT,
    "fromYear" INTEGER,
    "toYear" INTEGER,
    "note" TEXT,
    "explainsTableId" TEXT,
    "footnoteMarker" TEXT,
    "source" JSONB NOT NULL,
    CONSTRAINT "OutsideFrameAmount_frameId_fkey" FOREIGN KEY ("frameId") REFERENCES "Frame" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OutsideFrameAmount_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OutsideFrameAmount_explainsTableId_fkey" FOREIGN KEY ("explainsTableId") REFERENCES "SourceTable" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutsideFrameInitiative" (
    "outsideFrameId" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,

    PRIMARY KEY ("outsideFrameId", "initiativeId"),
    CONSTRAINT "OutsideFrameInitiative_outsideFrameId_fkey" FOREIGN KEY ("outsideFrameId") REFERENCES "OutsideFrameAmount" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OutsideFrameInitiative_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Scenario" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "kind" TEXT NOT NULL,
    "frameId" TEXT NOT NULL,
    "parentId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "mustFit" BOOLEAN NOT NULL DEFAULT false,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Scenario_frameId_fkey" FOREIGN KEY ("frameId") REFERENCES "Frame" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Scenario_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Scenario" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScenarioLine" (
    "scenarioId" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("scenarioId", "initiativeId"),
    CONSTRAINT "ScenarioLine_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ScenarioLine_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Allocation" (
    "scenarioId" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL,

    PRIMARY KEY ("scenarioId", "initiativeId", "year"),
    CONSTRAINT "Allocation_scenarioId_initiativeId_fkey" FOREIGN KEY ("scenarioId", "initiativeId") REFERENCES "ScenarioLine" ("scenarioId", "initiativeId") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Allocation_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SeedState" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contentHash" TEXT NOT NULL,
    "seededAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "Document_fileName_key" ON "Document"("fileName");

-- CreateIndex
CREATE INDEX "Initiative_themeId_idx" ON "Initiative"("themeId");

-- CreateIndex
CREATE UNIQUE INDEX "SourceTable_scenarioId_key" ON "SourceTable"("scenarioId");

-- CreateIndex
CREATE INDEX "Scenario_parentId_idx" ON "Scenario"("parentId");

-- CreateIndex
CREATE INDEX "ScenarioLine_initiativeId_idx" ON "ScenarioLine"("initiativeId");
