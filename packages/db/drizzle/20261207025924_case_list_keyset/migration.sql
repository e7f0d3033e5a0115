DROP INDEX "cases_team_id_status_referred_on_index";--> statement-breakpoint
DROP INDEX "cases_team_id_referred_on_index";--> statement-breakpoint
ALTER TABLE "case_memberships" ADD COLUMN "case_referred_on" date DEFAULT 'infinity' NOT NULL;--> statement-breakpoint
UPDATE "case_memberships" m SET "case_referred_on" = c."referred_on" FROM "cases" c WHERE c."team_id" = m."team_id" AND c."id" = m."case_id";--> statement-breakpoint
-- A membership carries its case's referral day (the case list's order): set from the case on every
-- write of a membership, and followed when a case's day changes, so the copy cannot drift.
CREATE FUNCTION "case_memberships_case_referred_on"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT c."referred_on" INTO NEW."case_referred_on" FROM "cases" c WHERE c."team_id" = NEW."team_id" AND c."id" = NEW."case_id";
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "case_memberships_case_referred_on" BEFORE INSERT OR UPDATE ON "case_memberships" FOR EACH ROW EXECUTE FUNCTION "case_memberships_case_referred_on"();--> statement-breakpoint
CREATE FUNCTION "cases_referred_on_to_memberships"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "case_memberships" SET "case_referred_on" = NEW."referred_on" WHERE "team_id" = NEW."team_id" AND "case_id" = NEW."id";
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "cases_referred_on_to_memberships" AFTER UPDATE OF "referred_on" ON "cases" FOR EACH ROW WHEN (OLD."referred_on" IS DISTINCT FROM NEW."referred_on") EXECUTE FUNCTION "cases_referred_on_to_memberships"();--> statement-breakpoint
CREATE INDEX "case_memberships_case_list_index" ON "case_memberships" ("team_id","organisation_id","case_referred_on","case_id","valid_from","valid_to");--> statement-breakpoint
CREATE INDEX "cases_team_id_status_referred_on_id_index" ON "cases" ("team_id","status","referred_on","id");--> statement-breakpoint
CREATE INDEX "cases_team_id_referred_on_id_index" ON "cases" ("team_id","referred_on","id");