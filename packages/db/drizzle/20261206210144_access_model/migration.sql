CREATE TABLE "role_assignments" (
	"team_id" text,
	"id" text,
	"login" text NOT NULL,
	"role" text NOT NULL,
	"organisation_id" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_assignments_pkey" PRIMARY KEY("team_id","id"),
	CONSTRAINT "role_assignments_role_check" CHECK ("role" in ('steering-group-member', 'party-leadership', 'auditor', 'team-administrator')),
	CONSTRAINT "role_assignments_interval_check" CHECK ("valid_to" is null or "valid_to" >= "valid_from")
);
--> statement-breakpoint
CREATE TABLE "case_links" (
	"team_id" text,
	"case_id" uuid,
	"linked_case_id" uuid,
	"relation" text,
	"linked_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_links_pkey" PRIMARY KEY("team_id","case_id","linked_case_id","relation"),
	CONSTRAINT "case_links_relation_check" CHECK ("relation" in ('same-client'))
);
--> statement-breakpoint
CREATE TABLE "case_memberships" (
	"team_id" text,
	"case_id" uuid NOT NULL,
	"id" uuid,
	"organisation_id" text NOT NULL,
	"basis" text NOT NULL,
	"meeting_id" uuid,
	"consent_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	CONSTRAINT "case_memberships_pkey" PRIMARY KEY("team_id","id"),
	CONSTRAINT "case_memberships_basis_check" CHECK ("basis" in ('selecting-unit', 'referrer', 'existing-clientship', 'meeting-seat', 'consent')),
	CONSTRAINT "case_memberships_interval_check" CHECK ("valid_to" is null or "valid_to" >= "valid_from")
);
--> statement-breakpoint
CREATE TABLE "consent_withdrawals" (
	"team_id" text,
	"id" uuid,
	"consent_id" uuid NOT NULL,
	"withdrawn_on" date,
	"recorded_on" date NOT NULL,
	"recorded_by" text NOT NULL,
	"corrects" uuid,
	"reason" text,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consent_withdrawals_pkey" PRIMARY KEY("team_id","id"),
	CONSTRAINT "consent_withdrawals_correction_check" CHECK (("corrects" is null) = ("reason" is null))
);
--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_organisation_id_organisations_id_fkey";--> statement-breakpoint
-- Access becomes membership with a basis and an end (docs/domain.md, "Who sees a case"). The grants
-- kept so far move over as open memberships from their day: the selecting units and the referrer's
-- organisation from the referral, seats of the team's own units from their meeting. A grant from a
-- meeting seat outside the team's units rested on a consent nobody recorded with it: it is not carried
-- over, and the case's next change derives that organisation's access from its consents again.
INSERT INTO "case_memberships" ("team_id", "case_id", "id", "organisation_id", "basis", "valid_from")
SELECT co."team_id", co."case_id", gen_random_uuid(), co."organisation_id",
  CASE co."basis" WHEN 'meeting' THEN 'meeting-seat' WHEN 'referral' THEN 'referrer' ELSE 'selecting-unit' END,
  co."since"
FROM "case_organisations" co
WHERE co."basis" <> 'meeting' OR EXISTS (
  SELECT 1 FROM "agreement_team_units" u WHERE u."team_id" = co."team_id" AND u."organisation_id" = co."organisation_id"
);
--> statement-breakpoint
-- A withdrawal becomes the first entry of its consent's history.
INSERT INTO "consent_withdrawals" ("team_id", "id", "consent_id", "withdrawn_on", "recorded_on", "recorded_by")
SELECT "team_id", gen_random_uuid(), "id", "withdrawn_on", "withdrawn_on", "recorded_by"
FROM "consents" WHERE "withdrawn_on" IS NOT NULL;
--> statement-breakpoint
-- Roles that are granted rather than worked become role assignments, from the day the account was made;
-- casework roles come from staff assignments from now on.
INSERT INTO "role_assignments" ("team_id", "id", "login", "role", "organisation_id", "valid_from")
SELECT u."team_id", 'ra-' || u."login" || '-' || r.role, u."login", r.role, u."organisation_id", u."created_at"::date
FROM "users" u CROSS JOIN LATERAL unnest(u."roles") AS r(role)
WHERE r.role IN ('steering-group-member', 'party-leadership', 'auditor', 'team-administrator');
--> statement-breakpoint
DROP TABLE "case_organisations";--> statement-breakpoint
DROP INDEX "users_organisation_id_index";--> statement-breakpoint
DROP INDEX "clients_identity_hmac_unique";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "closed_on" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "referred_by_organisation_id" text;--> statement-breakpoint
ALTER TABLE "existing_clientships" ADD COLUMN "recorded_on" date;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "composed_on" date;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "cancelled_on" date;--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "organisation_id";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "roles";--> statement-breakpoint
CREATE INDEX "role_assignments_team_id_login_index" ON "role_assignments" ("team_id","login");--> statement-breakpoint
CREATE INDEX "users_login_index" ON "users" ("login");--> statement-breakpoint
CREATE INDEX "case_links_team_id_linked_case_id_index" ON "case_links" ("team_id","linked_case_id");--> statement-breakpoint
CREATE INDEX "case_memberships_team_id_organisation_id_case_id_index" ON "case_memberships" ("team_id","organisation_id","case_id");--> statement-breakpoint
CREATE INDEX "case_memberships_team_id_case_id_index" ON "case_memberships" ("team_id","case_id");--> statement-breakpoint
CREATE INDEX "clients_identity_hmac" ON "clients" ("team_id","identity_code_hmac");--> statement-breakpoint
CREATE INDEX "consent_withdrawals_team_id_consent_id_index" ON "consent_withdrawals" ("team_id","consent_id");--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_team_id_teams_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id");--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_organisation_id_organisations_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_team_id_login_users_team_id_login_fkey" FOREIGN KEY ("team_id","login") REFERENCES "users"("team_id","login");--> statement-breakpoint
ALTER TABLE "case_links" ADD CONSTRAINT "case_links_team_id_case_id_cases_team_id_id_fkey" FOREIGN KEY ("team_id","case_id") REFERENCES "cases"("team_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "case_links" ADD CONSTRAINT "case_links_team_id_linked_case_id_cases_team_id_id_fkey" FOREIGN KEY ("team_id","linked_case_id") REFERENCES "cases"("team_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "case_memberships" ADD CONSTRAINT "case_memberships_organisation_id_organisations_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "case_memberships" ADD CONSTRAINT "case_memberships_team_id_case_id_cases_team_id_id_fkey" FOREIGN KEY ("team_id","case_id") REFERENCES "cases"("team_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_referred_by_organisation_id_organisations_id_fkey" FOREIGN KEY ("referred_by_organisation_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "consent_withdrawals" ADD CONSTRAINT "consent_withdrawals_team_id_consent_id_consents_team_id_id_fkey" FOREIGN KEY ("team_id","consent_id") REFERENCES "consents"("team_id","id") ON DELETE CASCADE;--> statement-breakpoint
-- Who may act is part of the team dataset the gateway caches: a change to an account or a role
-- assignment must reach every gateway on its next request.
CREATE TRIGGER "users_bump_dataset_version" AFTER INSERT OR UPDATE OR DELETE ON "users" FOR EACH STATEMENT EXECUTE FUNCTION "bump_team_dataset_version"();
--> statement-breakpoint
CREATE TRIGGER "role_assignments_bump_dataset_version" AFTER INSERT OR UPDATE OR DELETE ON "role_assignments" FOR EACH STATEMENT EXECUTE FUNCTION "bump_team_dataset_version"();
--> statement-breakpoint
-- A withdrawal is corrected by a new entry, never by changing the one made.
CREATE TRIGGER "consent_withdrawals_no_update" BEFORE UPDATE ON "consent_withdrawals" FOR EACH ROW EXECUTE FUNCTION "forbid_change"();
