-- Hand-written: the version of who is signed in as what, as "DataVersion" already holds the catalogue's.
-- The in-process session cache (server/auth/session-cache.ts) keeps a session with its user, role,
-- managed sites and départements for one version; every change that could narrow or end what a session
-- may do bumps it at commit, whoever writes: a session ended (sign-out, password reset, role change,
-- deactivation, invitation accepted, expiry sweep), an account changed or deleted, its managed sites or
-- départements changed, an intern profile linked or unlinked. A new session (sign-in) does not: a
-- session the cache has never seen is read from the database anyway; nor does a new account (it has no
-- session yet). Deferred and once per transaction, on one of 16 shards, as the catalogue's.
INSERT INTO "DataVersion" ("name", "shard", "version") SELECT 'auth', s, 0 FROM generate_series(0, 15) AS s;

CREATE FUNCTION im_bump_auth_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  pick integer := floor(random() * 16)::integer;
BEGIN
  IF current_setting('im.auth_bumped', true) IS DISTINCT FROM 'y' THEN
    PERFORM set_config('im.auth_bumped', 'y', true);
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'auth' AND "shard" = pick;
  END IF;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER "im_auth_version" AFTER UPDATE OR DELETE ON "Session" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION im_bump_auth_version();
CREATE CONSTRAINT TRIGGER "im_auth_version" AFTER UPDATE OR DELETE ON "User" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION im_bump_auth_version();
CREATE CONSTRAINT TRIGGER "im_auth_version" AFTER INSERT OR UPDATE OR DELETE ON "SiteManager" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION im_bump_auth_version();
CREATE CONSTRAINT TRIGGER "im_auth_version" AFTER INSERT OR UPDATE OR DELETE ON "UserDepartement" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION im_bump_auth_version();
-- An intern profile matters to a session only through its link to an account.
CREATE CONSTRAINT TRIGGER "im_auth_version_insert" AFTER INSERT ON "Intern" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW."userId" IS NOT NULL) EXECUTE FUNCTION im_bump_auth_version();
CREATE CONSTRAINT TRIGGER "im_auth_version_update" AFTER UPDATE ON "Intern" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD."userId" IS DISTINCT FROM NEW."userId") EXECUTE FUNCTION im_bump_auth_version();
CREATE CONSTRAINT TRIGGER "im_auth_version_delete" AFTER DELETE ON "Intern" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD."userId" IS NOT NULL) EXECUTE FUNCTION im_bump_auth_version();
