-- CreateIndex
CREATE INDEX "Allocation_scenarioId_year_amount_idx" ON "Allocation"("scenarioId", "year", "amount");
