-- CreateTable
CREATE TABLE "DataVersion" (
    "name" TEXT NOT NULL,
    "shard" INTEGER NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("name","shard")
);

-- Hand-written: 64 shards of the catalogue's version, and a trigger on every table the catalogue and the
-- drive-time searches read. It is deferred (runs at commit, once per transaction thanks to a
-- transaction-local flag), so the bump becomes visible exactly with the change, and its row lock is the
-- last one a transaction takes (no deadlock). A random shard keeps concurrent writers (and serializable
-- transactions) from queuing on one row.
INSERT INTO "DataVersion" ("name", "shard", "version") SELECT 'catalogue', s, 0 FROM generate_series(0, 63) AS s;

CREATE FUNCTION im_bump_catalogue_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  pick integer := floor(random() * 64)::integer;
BEGIN
  IF current_setting('im.catalogue_bumped', true) IS DISTINCT FROM 'y' THEN
    PERFORM set_config('im.catalogue_bumped', 'y', true);
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'catalogue' AND "shard" = pick;
  END IF;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER "im_catalogue_version" AFTER INSERT OR UPDATE OR DELETE ON "Site" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION im_bump_catalogue_version();
CREATE CONSTRAINT TRIGGER "im_catalogue_version" AFTER INSERT OR UPDATE OR DELETE ON "Room" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION im_bump_catalogue_version();
CREATE CONSTRAINT TRIGGER "im_catalogue_version" AFTER INSERT OR UPDATE OR DELETE ON "Bed" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION im_bump_catalogue_version();
CREATE CONSTRAINT TRIGGER "im_catalogue_version" AFTER INSERT OR UPDATE OR DELETE ON "AvailabilityWindow" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION im_bump_catalogue_version();
CREATE CONSTRAINT TRIGGER "im_catalogue_version" AFTER INSERT OR UPDATE OR DELETE ON "Assignment" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION im_bump_catalogue_version();
-- Drive-time searches also read placements and practices (their dates and positions).
CREATE CONSTRAINT TRIGGER "im_catalogue_version" AFTER INSERT OR UPDATE OR DELETE ON "Placement" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION im_bump_catalogue_version();
CREATE CONSTRAINT TRIGGER "im_catalogue_version" AFTER INSERT OR UPDATE OR DELETE ON "Practice" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION im_bump_catalogue_version();
