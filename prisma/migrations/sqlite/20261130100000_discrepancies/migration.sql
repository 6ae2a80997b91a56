-- CreateTable
CREATE TABLE "Discrepancy" (
    "tableId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "location" TEXT NOT NULL,
    "textQuote" TEXT NOT NULL,
    "tableQuote" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,
    "source" JSONB NOT NULL,

    PRIMARY KEY ("tableId", "position"),
    CONSTRAINT "Discrepancy_tableId_fkey" FOREIGN KEY ("tableId") REFERENCES "SourceTable" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
