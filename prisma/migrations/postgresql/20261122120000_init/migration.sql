-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "published" TEXT NOT NULL,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Frame" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "priceLevel" TEXT NOT NULL,
    "precisionDecimals" INTEGER NOT NULL,
    "source" JSONB NOT NULL,

    CONSTRAINT "Frame_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FrameYear" (
    "frameId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL,

    CONSTRAINT "FrameYear_pkey" PRIMARY KEY ("frameId","year")
);

-- CreateTable
CREATE TABLE "Theme" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "strategyPejlemaerke" INTEGER,
    "strategyInitiativeGroup" INTEGER,
    "agreementChapter" TEXT,
    "sources" JSONB NOT NULL,

    CONSTRAINT "Theme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Initiative" (
    "id" TEXT NOT NULL,
    "themeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "isReserve" BOOLEAN NOT NULL DEFAULT false,
    "origin" TEXT NOT NULL DEFAULT 'DOCUMENT',
    "strategyNumber" TEXT,
    "createdInScenarioId" TEXT,
    "sources" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Initiative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StrategyInitiative" (
    "number" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "groupNumber" INTEGER NOT NULL,
    "themeId" TEXT,
    "description" TEXT,
    "source" JSONB NOT NULL,

    CONSTRAINT "StrategyInitiative_pkey" PRIMARY KEY ("number")
);

-- CreateTable
CREATE TABLE "AgreementParagraph" (
    "number" INTEGER NOT NULL,
    "chapter" TEXT,
    "text" TEXT NOT NULL,
    "source" JSONB NOT NULL,

    CONSTRAINT "AgreementParagraph_pkey" PRIMARY KEY ("number")
);

-- CreateTable
CREATE TABLE "InitiativeParagraph" (
    "initiativeId" TEXT NOT NULL,
    "paragraphNumber" INTEGER NOT NULL,

    CONSTRAINT "InitiativeParagraph_pkey" PRIMARY KEY ("initiativeId","paragraphNumber")
);

-- CreateTable
CREATE TABLE "StatedAmount" (
    "id" TEXT NOT NULL,
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

    CONSTRAINT "StatedAmount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatedAmountInitiative" (
    "statedAmountId" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,

    CONSTRAINT "StatedAmountInitiative_pkey" PRIMARY KEY ("statedAmountId","initiativeId")
);

-- CreateTable
CREATE TABLE "InitiativeSubLine" (
    "id" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "source" JSONB NOT NULL,

    CONSTRAINT "InitiativeSubLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubLineAmount" (
    "subLineId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL,
    "printed" TEXT NOT NULL,

    CONSTRAINT "SubLineAmount_pkey" PRIMARY KEY ("subLineId","year")
);

-- CreateTable
CREATE TABLE "RecommendationAmbition" (
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT,
    "source" JSONB NOT NULL,

    CONSTRAINT "RecommendationAmbition_pkey" PRIMARY KEY ("number")
);

-- CreateTable
CREATE TABLE "Recommendation" (
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "ambitionNumber" INTEGER NOT NULL,
    "subPoints" JSONB NOT NULL,
    "source" JSONB NOT NULL,

    CONSTRAINT "Recommendation_pkey" PRIMARY KEY ("number")
);

-- CreateTable
CREATE TABLE "InitiativeRecommendation" (
    "initiativeId" TEXT NOT NULL,
    "recommendationNumber" INTEGER NOT NULL,
    "basis" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    "source" JSONB NOT NULL,

    CONSTRAINT "InitiativeRecommendation_pkey" PRIMARY KEY ("initiativeId","recommendationNumber")
);

-- CreateTable
CREATE TABLE "Strategy2021Area" (
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "source" JSONB NOT NULL,

    CONSTRAINT "Strategy2021Area_pkey" PRIMARY KEY ("number")
);

-- CreateTable
CREATE TABLE "Strategy2021Initiative" (
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "areaNumber" INTEGER NOT NULL,
    "source" JSONB NOT NULL,

    CONSTRAINT "Strategy2021Initiative_pkey" PRIMARY KEY ("number")
);

-- CreateTable
CREATE TABLE "InitiativeContinuation" (
    "initiativeId" TEXT NOT NULL,
    "strategy2021Number" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "source" JSONB NOT NULL,

    CONSTRAINT "InitiativeContinuation_pkey" PRIMARY KEY ("initiativeId","strategy2021Number")
);

-- CreateTable
CREATE TABLE "SourceTable" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "printedLabel" TEXT,
    "unit" TEXT NOT NULL,
    "source" JSONB NOT NULL,

    CONSTRAINT "SourceTable_pkey" PRIMARY KEY ("id")
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

    CONSTRAINT "SourceTableLine_pkey" PRIMARY KEY ("tableId","initiativeId")
);

-- CreateTable
CREATE TABLE "StatedTotal" (
    "tableId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL,
    "printed" TEXT NOT NULL,
    "footnoteMarkers" JSONB NOT NULL,

    CONSTRAINT "StatedTotal_pkey" PRIMARY KEY ("tableId","year")
);

-- CreateTable
CREATE TABLE "Footnote" (
    "tableId" TEXT NOT NULL,
    "marker" TEXT NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "Footnote_pkey" PRIMARY KEY ("tableId","marker")
);

-- CreateTable
CREATE TABLE "OutsideFrameAmount" (
    "id" TEXT NOT NULL,
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

    CONSTRAINT "OutsideFrameAmount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutsideFrameInitiative" (
    "outsideFrameId" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,

    CONSTRAINT "OutsideFrameInitiative_pkey" PRIMARY KEY ("outsideFrameId","initiativeId")
);

-- CreateTable
CREATE TABLE "Scenario" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "kind" TEXT NOT NULL,
    "frameId" TEXT NOT NULL,
    "parentId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "forkedFromVersion" INTEGER,
    "createdBy" TEXT,
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "mustFit" BOOLEAN NOT NULL DEFAULT false,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Scenario_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScenarioLine" (
    "scenarioId" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ScenarioLine_pkey" PRIMARY KEY ("scenarioId","initiativeId")
);

-- CreateTable
CREATE TABLE "Allocation" (
    "scenarioId" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL,

    CONSTRAINT "Allocation_pkey" PRIMARY KEY ("scenarioId","initiativeId","year")
);

-- CreateTable
CREATE TABLE "SeedState" (
    "id" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "seededAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SeedState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScenarioChange" (
    "id" SERIAL NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "comment" TEXT,
    "details" JSONB,

    CONSTRAINT "ScenarioChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CellChange" (
    "changeId" INTEGER NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "before" BIGINT,
    "after" BIGINT,

    CONSTRAINT "CellChange_pkey" PRIMARY KEY ("changeId","initiativeId","year")
);

-- CreateTable
CREATE TABLE "LineChange" (
    "changeId" INTEGER NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "added" BOOLEAN NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "LineChange_pkey" PRIMARY KEY ("changeId","initiativeId")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" SERIAL NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "initiativeId" TEXT,
    "year" INTEGER,
    "changeId" INTEGER,
    "version" INTEGER NOT NULL,
    "author" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "FrameYear" ADD CONSTRAINT "FrameYear_frameId_fkey" FOREIGN KEY ("frameId") REFERENCES "Frame"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_strategyNumber_fkey" FOREIGN KEY ("strategyNumber") REFERENCES "StrategyInitiative"("number") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StrategyInitiative" ADD CONSTRAINT "StrategyInitiative_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeParagraph" ADD CONSTRAINT "InitiativeParagraph_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeParagraph" ADD CONSTRAINT "InitiativeParagraph_paragraphNumber_fkey" FOREIGN KEY ("paragraphNumber") REFERENCES "AgreementParagraph"("number") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatedAmount" ADD CONSTRAINT "StatedAmount_paragraphNumber_fkey" FOREIGN KEY ("paragraphNumber") REFERENCES "AgreementParagraph"("number") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatedAmountInitiative" ADD CONSTRAINT "StatedAmountInitiative_statedAmountId_fkey" FOREIGN KEY ("statedAmountId") REFERENCES "StatedAmount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatedAmountInitiative" ADD CONSTRAINT "StatedAmountInitiative_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeSubLine" ADD CONSTRAINT "InitiativeSubLine_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubLineAmount" ADD CONSTRAINT "SubLineAmount_subLineId_fkey" FOREIGN KEY ("subLineId") REFERENCES "InitiativeSubLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_ambitionNumber_fkey" FOREIGN KEY ("ambitionNumber") REFERENCES "RecommendationAmbition"("number") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeRecommendation" ADD CONSTRAINT "InitiativeRecommendation_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeRecommendation" ADD CONSTRAINT "InitiativeRecommendation_recommendationNumber_fkey" FOREIGN KEY ("recommendationNumber") REFERENCES "Recommendation"("number") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Strategy2021Initiative" ADD CONSTRAINT "Strategy2021Initiative_areaNumber_fkey" FOREIGN KEY ("areaNumber") REFERENCES "Strategy2021Area"("number") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeContinuation" ADD CONSTRAINT "InitiativeContinuation_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeContinuation" ADD CONSTRAINT "InitiativeContinuation_strategy2021Number_fkey" FOREIGN KEY ("strategy2021Number") REFERENCES "Strategy2021Initiative"("number") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceTable" ADD CONSTRAINT "SourceTable_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceTable" ADD CONSTRAINT "SourceTable_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceTableLine" ADD CONSTRAINT "SourceTableLine_tableId_fkey" FOREIGN KEY ("tableId") REFERENCES "SourceTable"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceTableLine" ADD CONSTRAINT "SourceTableLine_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatedTotal" ADD CONSTRAINT "StatedTotal_tableId_fkey" FOREIGN KEY ("tableId") REFERENCES "SourceTable"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Footnote" ADD CONSTRAINT "Footnote_tableId_fkey" FOREIGN KEY ("tableId") REFERENCES "SourceTable"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutsideFrameAmount" ADD CONSTRAINT "OutsideFrameAmount_frameId_fkey" FOREIGN KEY ("frameId") REFERENCES "Frame"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutsideFrameAmount" ADD CONSTRAINT "OutsideFrameAmount_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutsideFrameAmount" ADD CONSTRAINT "OutsideFrameAmount_explainsTableId_fkey" FOREIGN KEY ("explainsTableId") REFERENCES "SourceTable"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutsideFrameInitiative" ADD CONSTRAINT "OutsideFrameInitiative_outsideFrameId_fkey" FOREIGN KEY ("outsideFrameId") REFERENCES "OutsideFrameAmount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutsideFrameInitiative" ADD CONSTRAINT "OutsideFrameInitiative_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scenario" ADD CONSTRAINT "Scenario_frameId_fkey" FOREIGN KEY ("frameId") REFERENCES "Frame"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scenario" ADD CONSTRAINT "Scenario_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Scenario"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioLine" ADD CONSTRAINT "ScenarioLine_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioLine" ADD CONSTRAINT "ScenarioLine_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_scenarioId_initiativeId_fkey" FOREIGN KEY ("scenarioId", "initiativeId") REFERENCES "ScenarioLine"("scenarioId", "initiativeId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioChange" ADD CONSTRAINT "ScenarioChange_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CellChange" ADD CONSTRAINT "CellChange_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "ScenarioChange"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CellChange" ADD CONSTRAINT "CellChange_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LineChange" ADD CONSTRAINT "LineChange_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "ScenarioChange"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LineChange" ADD CONSTRAINT "LineChange_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "ScenarioChange"("id") ON DELETE SET NULL ON UPDATE CASCADE;
