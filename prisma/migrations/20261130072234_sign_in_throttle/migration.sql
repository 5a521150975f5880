-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "windowEndsMs" BIGINT NOT NULL,
    "blockedUntilMs" BIGINT NOT NULL,
    "lastAttemptId" TEXT NOT NULL,

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "SignInThrottle_windowEndsMs_idx" ON "SignInThrottle"("windowEndsMs");
