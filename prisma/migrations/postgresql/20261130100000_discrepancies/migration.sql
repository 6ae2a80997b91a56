-- CreateTable
CREATE TABLE "Discrepancy" (
    "tableId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "location" TEXT NOT NULL,
    "textQuote" TEXT NOT NULL,
    "tableQuote" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,
    "source" JSONB NOT NULL,

    CONSTRAINT "Discrepancy_pkey" PRIMARY KEY ("tableId","position")
);

-- AddForeignKey
ALTER TABLE "Discrepancy" ADD CONSTRAINT "Discrepancy_tableId_fkey" FOREIGN KEY ("tableId") REFERENCES "SourceTable"("id") ON DELETE CASCADE ON UPDATE CASCADE;
