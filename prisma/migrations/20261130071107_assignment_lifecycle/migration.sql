-- CreateEnum
CREATE TYPE "CancelReason" AS ENUM ('staff', 'declined', 'expired');

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "answerBy" DATE,
ADD COLUMN     "answeredAt" TIMESTAMP(3),
ADD COLUMN     "cancelReason" "CancelReason";

-- AlterTable
ALTER TABLE "RoomRequest" ADD COLUMN     "answer" TEXT,
ADD COLUMN     "answeredAt" TIMESTAMP(3),
ADD COLUMN     "assignmentId" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "RoomRequest_assignmentId_key" ON "RoomRequest"("assignmentId");

-- AddForeignKey
ALTER TABLE "RoomRequest" ADD CONSTRAINT "RoomRequest_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: what Prisma's schema language cannot say.

-- Bookings cancelled before this migration were cancelled by staff.
UPDATE "Assignment" SET "cancelReason" = 'staff' WHERE status = 'cancelled' AND "cancelReason" IS NULL;

-- One open request per intern and site: older duplicates are withdrawn first, the newest stays open.
UPDATE "RoomRequest" r SET status = 'withdrawn'
  WHERE r.status = 'open'
    AND EXISTS (SELECT 1 FROM "RoomRequest" n WHERE n.status = 'open' AND n."internId" = r."internId" AND n."siteId" = r."siteId" AND n.id > r.id);
CREATE UNIQUE INDEX "RoomRequest_one_open_per_intern_site" ON "RoomRequest"("internId", "siteId") WHERE status = 'open';
