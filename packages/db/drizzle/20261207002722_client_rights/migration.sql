CREATE TABLE "legal_holds" (
	"team_id" text,
	"id" uuid,
	"client_id" uuid,
	"case_id" uuid,
	"reason" text NOT NULL,
	"reference" text NOT NULL,
	"placed_on" date NOT NULL,
	"placed_by" text NOT NULL,
	"released_on" date,
	"released_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "legal_holds_pkey" PRIMARY KEY("team_id","id"),
	CONSTRAINT "legal_holds_target_check" CHECK (("client_id" is null) <> ("case_id" is null)),
	CONSTRAINT "legal_holds_reason_check" CHECK ("reason" in ('complaint', 'criminal-investigation', 'litigation')),
	CONSTRAINT "legal_holds_release_check" CHECK (("released_on" is null) = ("released_by" is null)),
	CONSTRAINT "legal_holds_dates_check" CHECK ("released_on" is null or "released_on" >= "placed_on")
);
--> statement-breakpoint
-- Entries written before bases were logged are migrated as casework and marked basis_recorded = false
-- (the extract notes it): adding the columns with defaults fills them without touching the append-only
-- rows, and dropping the defaults makes every later entry state its own basis.
ALTER TABLE "audit_log" ADD COLUMN "basis" text DEFAULT 'casework' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "basis" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "basis_consent_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "basis_recorded" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "basis_recorded" DROP DEFAULT;--> statement-breakpoint
CREATE INDEX "legal_holds_team_id_client_id_index" ON "legal_holds" ("team_id","client_id");--> statement-breakpoint
CREATE INDEX "legal_holds_team_id_case_id_index" ON "legal_holds" ("team_id","case_id");--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_team_id_teams_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_basis_check" CHECK ("basis" in ('casework', 'selection', 'consent', 'statutory-notification', 'supervision', 'audit', 'data-subject-request', 'administration'));--> statement-breakpoint
ALTER TABLE "role_assignments" DROP CONSTRAINT "role_assignments_role_check", ADD CONSTRAINT "role_assignments_role_check" CHECK ("role" in ('steering-group-member', 'party-leadership', 'auditor', 'registry-office', 'team-administrator'));