-- CreateTable
CREATE TABLE "PriceIndex" (
    "year" INTEGER NOT NULL,
    "value" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "updatedBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PriceIndex_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "PriceIndexChange" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "source" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PriceIndexChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PriceIndexChange_year_idx" ON "PriceIndexChange"("year");
