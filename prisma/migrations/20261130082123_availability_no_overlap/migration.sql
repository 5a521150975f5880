-- Hand-written: what Prisma's schema language cannot say.

-- No two availability windows of one room over overlapping dates. Windows that already overlap
-- (or repeat) are merged into the earliest one, which then spans them all.
DO $$
DECLARE a RECORD;
BEGIN
  LOOP
    SELECT w1.id AS keep, w2.id AS drop, GREATEST(w1."endDate", w2."endDate") AS "end"
      INTO a
      FROM "AvailabilityWindow" w1 JOIN "AvailabilityWindow" w2
        ON w1."roomId" = w2."roomId" AND w1.id <> w2.id
       AND (w1."startDate", w1.id) < (w2."startDate", w2.id)
       AND w2."startDate" <= w1."endDate"
      LIMIT 1;
    EXIT WHEN NOT FOUND;
    UPDATE "AvailabilityWindow" SET "endDate" = a."end" WHERE id = a.keep;
    DELETE FROM "AvailabilityWindow" WHERE id = a.drop;
  END LOOP;
END $$;
ALTER TABLE "AvailabilityWindow" ADD CONSTRAINT "AvailabilityWindow_room_no_overlap"
  EXCLUDE USING gist ("roomId" WITH =, daterange("startDate", "endDate", '[]') WITH &&);
