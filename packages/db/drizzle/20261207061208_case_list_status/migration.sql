ALTER TABLE "case_memberships" ADD COLUMN "case_status" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- The keyset migration's triggers kept the referral day only; they are replaced by ones that keep the
-- case's status beside it. Dropped first, so that the backfill below is one plain update.
DROP TRIGGER "case_memberships_case_referred_on" ON "case_memberships";--> statement-breakpoint
DROP FUNCTION "case_memberships_case_referred_on"();--> statement-breakpoint
DROP TRIGGER "cases_referred_on_to_memberships" ON "cases";--> statement-breakpoint
DROP FUNCTION "cases_referred_on_to_memberships"();--> statement-breakpoint
UPDATE "case_memberships" m SET "case_status" = c."status" FROM "cases" c WHERE c."team_id" = m."team_id" AND c."id" = m."case_id";--> statement-breakpoint
-- A membership carries its case's referral day and status (the case list's order and its status
-- filter): set from the case on every write of a membership, and followed when the case changes
-- either, so the copies cannot drift.
CREATE FUNCTION "case_memberships_case_list_columns"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT c."referred_on", c."status" INTO NEW."case_referred_on", NEW."case_status" FROM "cases" c WHERE c."team_id" = NEW."team_id" AND c."id" = NEW."case_id";
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "case_memberships_case_list_columns" BEFORE INSERT OR UPDATE ON "case_memberships" FOR EACH ROW EXECUTE FUNCTION "case_memberships_case_list_columns"();--> statement-breakpoint
CREATE FUNCTION "cases_list_columns_to_memberships"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "case_memberships" SET "case_referred_on" = NEW."referred_on", "case_status" = NEW."status" WHERE "team_id" = NEW."team_id" AND "case_id" = NEW."id";
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "cases_list_columns_to_memberships" AFTER UPDATE OF "referred_on", "status" ON "cases" FOR EACH ROW WHEN (OLD."referred_on" IS DISTINCT FROM NEW."referred_on" OR OLD."status" IS DISTINCT FROM NEW."status") EXECUTE FUNCTION "cases_list_columns_to_memberships"();--> statement-breakpoint
CREATE INDEX "case_memberships_case_list_status_index" ON "case_memberships" ("team_id","organisation_id","case_status","case_referred_on","case_id","valid_from","valid_to");
