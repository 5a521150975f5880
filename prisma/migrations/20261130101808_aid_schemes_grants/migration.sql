-- CreateEnum
CREATE TYPE "AidKind" AS ENUM ('lump_sum', 'monthly', 'per_km');

-- AlterTable
ALTER TABLE "Intern" ADD COLUMN     "receivesHousingAid" BOOLEAN;

-- AlterTable
ALTER TABLE "Practice" ADD COLUMN     "underservedZone" BOOLEAN;

-- CreateTable
CREATE TABLE "AidScheme" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "departementCode" TEXT,
    "kind" "AidKind" NOT NULL,
    "amountCents" INTEGER NOT NULL DEFAULT 0,
    "rateTable" JSONB,
    "minMonths" INTEGER,
    "requiresUnderservedZone" BOOLEAN NOT NULL DEFAULT false,
    "conflictsWithHousingAid" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "rules" TEXT,
    "description" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AidScheme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AidGrant" (
    "id" SERIAL NOT NULL,
    "schemeId" INTEGER NOT NULL,
    "internId" INTEGER NOT NULL,
    "placementId" INTEGER,
    "amountCents" INTEGER NOT NULL,
    "grantedOn" DATE NOT NULL,
    "grantedById" INTEGER,
    "note" TEXT,
    "cancelledAt" TIMESTAMP(3),
    "cancelledById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AidGrant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AidScheme_code_key" ON "AidScheme"("code");

-- CreateIndex
CREATE INDEX "AidScheme_departementCode_idx" ON "AidScheme"("departementCode");

-- CreateIndex
CREATE INDEX "AidGrant_schemeId_grantedOn_idx" ON "AidGrant"("schemeId", "grantedOn");

-- CreateIndex
CREATE INDEX "AidGrant_internId_idx" ON "AidGrant"("internId");

-- CreateIndex
CREATE INDEX "AidGrant_grantedOn_idx" ON "AidGrant"("grantedOn");

-- AddForeignKey
ALTER TABLE "AidScheme" ADD CONSTRAINT "AidScheme_departementCode_fkey" FOREIGN KEY ("departementCode") REFERENCES "Departement"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AidGrant" ADD CONSTRAINT "AidGrant_schemeId_fkey" FOREIGN KEY ("schemeId") REFERENCES "AidScheme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AidGrant" ADD CONSTRAINT "AidGrant_internId_fkey" FOREIGN KEY ("internId") REFERENCES "Intern"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AidGrant" ADD CONSTRAINT "AidGrant_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: amounts are whole cents, never negative; a grant is of something; a placement lasts months.
ALTER TABLE "AidScheme" ADD CONSTRAINT "AidScheme_amount_not_negative" CHECK ("amountCents" >= 0);
ALTER TABLE "AidScheme" ADD CONSTRAINT "AidScheme_minMonths_positive" CHECK ("minMonths" IS NULL OR "minMonths" > 0);
ALTER TABLE "AidScheme" ADD CONSTRAINT "AidScheme_per_km_has_rates" CHECK ("kind" <> 'per_km' OR "rateTable" IS NOT NULL);
ALTER TABLE "AidGrant" ADD CONSTRAINT "AidGrant_amount_positive" CHECK ("amountCents" > 0);
