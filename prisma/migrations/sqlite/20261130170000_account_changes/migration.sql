-- CreateTable
CREATE TABLE "AccountChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "userId" TEXT,
    "organisationId" TEXT,
    "actor" TEXT NOT NULL,
    "actorUserId" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "details" TEXT NOT NULL DEFAULT '{}'
);

-- CreateIndex
CREATE INDEX "AccountChange_organisationId_id_idx" ON "AccountChange"("organisationId", "id");

-- CreateIndex
CREATE INDEX "AccountChange_userId_idx" ON "AccountChange"("userId");
