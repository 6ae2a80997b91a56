-- Frames become first-class (issue 22): a description, an owning secretariat, archiving, and themes
-- that belong to a frame. Everything already stored belongs to the life science frame afterwards.
-- AlterTable
ALTER TABLE "Frame" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "createdBy" TEXT,
ADD COLUMN     "description" TEXT,
ADD COLUMN     "organisationId" TEXT;

-- The frame(s) a database holds before this migration are the documents' (the life science frame).
UPDATE "Frame" SET "createdBy" = 'Dokumenterne';

-- AlterTable
ALTER TABLE "Theme" ADD COLUMN     "frameId" TEXT;
-- Every theme a database holds before this migration heads the life science frame's tables.
UPDATE "Theme" SET "frameId" = (SELECT "id" FROM "Frame" ORDER BY CASE WHEN "id" = 'life-science-2024-2027' THEN 0 ELSE 1 END, "id" LIMIT 1);
ALTER TABLE "Theme" ALTER COLUMN "frameId" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Frame_name_key" ON "Frame"("name");

-- CreateIndex
CREATE INDEX "Theme_frameId_idx" ON "Theme"("frameId");

-- AddForeignKey
ALTER TABLE "Frame" ADD CONSTRAINT "Frame_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Theme" ADD CONSTRAINT "Theme_frameId_fkey" FOREIGN KEY ("frameId") REFERENCES "Frame"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
