-- CreateTable
CREATE TABLE "ApiKey" (
    "id" SERIAL NOT NULL,
    "label" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "ownerId" INTEGER NOT NULL,
    "perMinute" INTEGER NOT NULL,
    "perDay" INTEGER NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "minuteStart" TIMESTAMP(3),
    "minuteCount" INTEGER NOT NULL DEFAULT 0,
    "dayStart" TIMESTAMP(3),
    "dayCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_keyHash_key" ON "ApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "ApiKey_ownerId_idx" ON "ApiKey"("ownerId");

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: quotas of at least one request, counters never negative.
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_quotas_positive" CHECK ("perMinute" >= 1 AND "perDay" >= 1);
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_counts_not_negative" CHECK ("minuteCount" >= 0 AND "dayCount" >= 0);
