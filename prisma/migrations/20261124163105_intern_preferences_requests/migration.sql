-- CreateEnum
CREATE TYPE "RoomRequestStatus" AS ENUM ('open', 'accepted', 'declined', 'withdrawn');

-- AlterTable
ALTER TABLE "Intern" ADD COLUMN     "preferencesNote" TEXT;

-- CreateTable
CREATE TABLE "SitePreference" (
    "internId" INTEGER NOT NULL,
    "siteId" INTEGER NOT NULL,
    "rank" INTEGER NOT NULL,

    CONSTRAINT "SitePreference_pkey" PRIMARY KEY ("internId","siteId")
);

-- CreateTable
CREATE TABLE "RoomRequest" (
    "id" SERIAL NOT NULL,
    "internId" INTEGER NOT NULL,
    "siteId" INTEGER NOT NULL,
    "note" TEXT,
    "status" "RoomRequestStatus" NOT NULL DEFAULT 'open',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoomRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SitePreference_siteId_idx" ON "SitePreference"("siteId");

-- CreateIndex
CREATE UNIQUE INDEX "SitePreference_internId_rank_key" ON "SitePreference"("internId", "rank");

-- CreateIndex
CREATE INDEX "RoomRequest_internId_idx" ON "RoomRequest"("internId");

-- CreateIndex
CREATE INDEX "RoomRequest_siteId_idx" ON "RoomRequest"("siteId");

-- AddForeignKey
ALTER TABLE "SitePreference" ADD CONSTRAINT "SitePreference_internId_fkey" FOREIGN KEY ("internId") REFERENCES "Intern"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SitePreference" ADD CONSTRAINT "SitePreference_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoomRequest" ADD CONSTRAINT "RoomRequest_internId_fkey" FOREIGN KEY ("internId") REFERENCES "Intern"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoomRequest" ADD CONSTRAINT "RoomRequest_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;
