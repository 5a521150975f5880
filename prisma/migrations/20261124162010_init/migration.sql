-- CreateEnum
CREATE TYPE "Role" AS ENUM ('intern', 'manager', 'staff');

-- CreateEnum
CREATE TYPE "FunderKind" AS ENUM ('departement', 'region', 'ars', 'hospital', 'commune', 'association', 'other');

-- CreateEnum
CREATE TYPE "PracticeKind" AS ENUM ('gp_practice', 'health_centre');

-- CreateEnum
CREATE TYPE "AssignmentStatus" AS ENUM ('proposed', 'confirmed', 'cancelled');

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "csrfToken" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitHit" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "resetAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimitHit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Site" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT,
    "commune" TEXT NOT NULL,
    "departement" TEXT NOT NULL,
    "subdivision" TEXT NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "funderKind" "FunderKind" NOT NULL,
    "funderName" TEXT,
    "rentCents" INTEGER,
    "chargesIncluded" BOOLEAN,
    "chargesNote" TEXT,
    "furnished" BOOLEAN,
    "amenities" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "partnerAllowed" BOOLEAN,
    "guestsAllowed" BOOLEAN,
    "houseRules" TEXT,
    "description" TEXT,
    "contactName" TEXT,
    "contactEmail" TEXT,
    "contactPhone" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "planned" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Site_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SiteManager" (
    "siteId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,

    CONSTRAINT "SiteManager_pkey" PRIMARY KEY ("siteId","userId")
);

-- CreateTable
CREATE TABLE "Room" (
    "id" SERIAL NOT NULL,
    "siteId" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "notes" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Room_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Bed" (
    "id" SERIAL NOT NULL,
    "roomId" INTEGER NOT NULL,
    "label" TEXT NOT NULL,

    CONSTRAINT "Bed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AvailabilityWindow" (
    "id" SERIAL NOT NULL,
    "roomId" INTEGER NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "note" TEXT,

    CONSTRAINT "AvailabilityWindow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Practice" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "PracticeKind" NOT NULL DEFAULT 'gp_practice',
    "supervisors" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "address" TEXT,
    "commune" TEXT NOT NULL,
    "departement" TEXT NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Practice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Intern" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "userId" INTEGER,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "subdivision" TEXT NOT NULL,
    "hasCar" BOOLEAN,
    "withPartner" BOOLEAN NOT NULL DEFAULT false,
    "partnerInternId" INTEGER,
    "maxRentCents" INTEGER,
    "limitMinutes" INTEGER,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Intern_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PeerWish" (
    "internId" INTEGER NOT NULL,
    "peerId" INTEGER NOT NULL,

    CONSTRAINT "PeerWish_pkey" PRIMARY KEY ("internId","peerId")
);

-- CreateTable
CREATE TABLE "Placement" (
    "id" SERIAL NOT NULL,
    "internId" INTEGER NOT NULL,
    "practiceId" INTEGER NOT NULL,
    "secondPracticeId" INTEGER,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Placement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" SERIAL NOT NULL,
    "internId" INTEGER NOT NULL,
    "bedId" INTEGER NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "status" "AssignmentStatus" NOT NULL DEFAULT 'proposed',
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "driveSeconds" INTEGER,
    "driveEstimate" BOOLEAN NOT NULL DEFAULT false,
    "explanation" TEXT,
    "matchingRunId" INTEGER,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MatchingRun" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "createdById" INTEGER,
    "input" JSONB NOT NULL,
    "result" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MatchingRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "siteId" INTEGER,
    "internId" INTEGER,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DriveTimeCache" (
    "key" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DriveTimeCache_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SeedRun" (
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "finishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SeedRun_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Site_slug_key" ON "Site"("slug");

-- CreateIndex
CREATE INDEX "SiteManager_userId_idx" ON "SiteManager"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Room_siteId_label_key" ON "Room"("siteId", "label");

-- CreateIndex
CREATE UNIQUE INDEX "Bed_roomId_label_key" ON "Bed"("roomId", "label");

-- CreateIndex
CREATE INDEX "AvailabilityWindow_roomId_idx" ON "AvailabilityWindow"("roomId");

-- CreateIndex
CREATE UNIQUE INDEX "Practice_slug_key" ON "Practice"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Intern_slug_key" ON "Intern"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Intern_userId_key" ON "Intern"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Intern_partnerInternId_key" ON "Intern"("partnerInternId");

-- CreateIndex
CREATE INDEX "Placement_internId_idx" ON "Placement"("internId");

-- CreateIndex
CREATE INDEX "Assignment_bedId_idx" ON "Assignment"("bedId");

-- CreateIndex
CREATE INDEX "Assignment_internId_idx" ON "Assignment"("internId");

-- CreateIndex
CREATE INDEX "AuditEvent_siteId_idx" ON "AuditEvent"("siteId");

-- CreateIndex
CREATE INDEX "AuditEvent_internId_idx" ON "AuditEvent"("internId");

-- CreateIndex
CREATE INDEX "AuditEvent_entity_entityId_idx" ON "AuditEvent"("entity", "entityId");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteManager" ADD CONSTRAINT "SiteManager_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteManager" ADD CONSTRAINT "SiteManager_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Room" ADD CONSTRAINT "Room_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bed" ADD CONSTRAINT "Bed_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AvailabilityWindow" ADD CONSTRAINT "AvailabilityWindow_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Intern" ADD CONSTRAINT "Intern_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Intern" ADD CONSTRAINT "Intern_partnerInternId_fkey" FOREIGN KEY ("partnerInternId") REFERENCES "Intern"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeerWish" ADD CONSTRAINT "PeerWish_internId_fkey" FOREIGN KEY ("internId") REFERENCES "Intern"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeerWish" ADD CONSTRAINT "PeerWish_peerId_fkey" FOREIGN KEY ("peerId") REFERENCES "Intern"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_internId_fkey" FOREIGN KEY ("internId") REFERENCES "Intern"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_secondPracticeId_fkey" FOREIGN KEY ("secondPracticeId") REFERENCES "Practice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_internId_fkey" FOREIGN KEY ("internId") REFERENCES "Intern"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_bedId_fkey" FOREIGN KEY ("bedId") REFERENCES "Bed"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_matchingRunId_fkey" FOREIGN KEY ("matchingRunId") REFERENCES "MatchingRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: what Prisma's schema language cannot say.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- One bed, one intern at a time: no two live assignments of a bed over overlapping dates.
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_bed_no_overlap"
  EXCLUDE USING gist ("bedId" WITH =, daterange("startDate", "endDate", '[]') WITH &&)
  WHERE (status <> 'cancelled');
-- One intern, one bed at a time.
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_intern_no_overlap"
  EXCLUDE USING gist ("internId" WITH =, daterange("startDate", "endDate", '[]') WITH &&)
  WHERE (status <> 'cancelled');

ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_dates_ordered" CHECK ("startDate" <= "endDate");
ALTER TABLE "AvailabilityWindow" ADD CONSTRAINT "AvailabilityWindow_dates_ordered" CHECK ("startDate" <= "endDate");
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_dates_ordered" CHECK ("startDate" <= "endDate");
ALTER TABLE "Site" ADD CONSTRAINT "Site_rent_not_negative" CHECK ("rentCents" IS NULL OR "rentCents" >= 0);
ALTER TABLE "Site" ADD CONSTRAINT "Site_position_valid" CHECK ("lng" BETWEEN -180 AND 180 AND "lat" BETWEEN -90 AND 90);
ALTER TABLE "Practice" ADD CONSTRAINT "Practice_position_valid" CHECK ("lng" BETWEEN -180 AND 180 AND "lat" BETWEEN -90 AND 90);
ALTER TABLE "Intern" ADD CONSTRAINT "Intern_not_own_partner" CHECK ("partnerInternId" IS NULL OR "partnerInternId" <> "id");
