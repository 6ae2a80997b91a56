-- CreateTable
CREATE TABLE "AccountChange" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" TEXT,
    "organisationId" TEXT,
    "actor" TEXT NOT NULL,
    "actorUserId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "details" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "AccountChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AccountChange_organisationId_id_idx" ON "AccountChange"("organisationId", "id");

-- CreateIndex
CREATE INDEX "AccountChange_userId_idx" ON "AccountChange"("userId");
