CREATE TABLE "referral_events" (
	"team_id" text,
	"case_id" uuid NOT NULL,
	"id" uuid,
	"referred_on" date NOT NULL,
	"referral_source" text NOT NULL,
	"referred_by_organisation_id" text NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referral_events_pkey" PRIMARY KEY("team_id","id"),
	CONSTRAINT "referral_events_source_check" CHECK ("referral_source" in ('police', 'child-welfare', 'social-emergency', 'school', 'health-care', 'youth-services', 'family', 'self', 'other'))
);
--> statement-breakpoint
DROP INDEX "clients_identity_hmac";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "previous_case_id" uuid;--> statement-breakpoint
-- Before this migration a returning client referred by someone without need-to-know got a record of
-- their own. One record per person from now on: the cases and legal holds of the later records move to
-- the person's first one, and the later records go (the access log finds their entries by case).
-- Should that leave two open cases for one client, the unique index below refuses the migration: an
-- operator closes or declines one of them first.
CREATE TEMPORARY TABLE "client_merges" AS
  SELECT "team_id", "id", "keep" FROM (
    SELECT "team_id", "id",
      first_value("id") OVER (PARTITION BY "team_id", "identity_code_hmac" ORDER BY "created_at", "id") AS "keep"
    FROM "clients" WHERE "identity_code_hmac" IS NOT NULL
  ) AS "ranked" WHERE "id" <> "keep";--> statement-breakpoint
UPDATE "cases" SET "client_id" = m."keep" FROM "client_merges" m
  WHERE "cases"."team_id" = m."team_id" AND "cases"."client_id" = m."id";--> statement-breakpoint
UPDATE "legal_holds" SET "client_id" = m."keep" FROM "client_merges" m
  WHERE "legal_holds"."team_id" = m."team_id" AND "legal_holds"."client_id" = m."id";--> statement-breakpoint
DELETE FROM "clients" USING "client_merges" m WHERE "clients"."team_id" = m."team_id" AND "clients"."id" = m."id";--> statement-breakpoint
DROP TABLE "client_merges";--> statement-breakpoint
CREATE UNIQUE INDEX "cases_one_open_case_per_client" ON "cases" ("team_id","client_id") WHERE "status" in ('referred', 'in-selection', 'admitted', 'active');--> statement-breakpoint
CREATE UNIQUE INDEX "clients_identity_hmac_unique" ON "clients" ("team_id","identity_code_hmac");--> statement-breakpoint
CREATE INDEX "referral_events_team_id_case_id_referred_on_index" ON "referral_events" ("team_id","case_id","referred_on");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_previous_case_fkey" FOREIGN KEY ("team_id","previous_case_id") REFERENCES "cases"("team_id","id") ON DELETE SET NULL ("previous_case_id");--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_RPDKlZUTVFOy_fkey" FOREIGN KEY ("referred_by_organisation_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_team_id_case_id_cases_team_id_id_fkey" FOREIGN KEY ("team_id","case_id") REFERENCES "cases"("team_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_previous_case_check" CHECK ("previous_case_id" <> "id");