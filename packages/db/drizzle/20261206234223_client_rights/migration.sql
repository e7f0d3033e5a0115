-- Entries written before bases were logged are migrated as casework and marked basis_recorded = false
-- (the extract notes it): adding the columns with defaults fills them without touching the append-only
-- rows, and dropping the defaults makes every later entry state its own basis.
ALTER TABLE "audit_log" ADD COLUMN "basis" text DEFAULT 'casework' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "basis" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "basis_consent_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "basis_recorded" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "basis_recorded" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_basis_check" CHECK ("basis" in ('casework', 'selection', 'consent', 'statutory-notification', 'supervision', 'audit', 'data-subject-request', 'administration'));--> statement-breakpoint
ALTER TABLE "role_assignments" DROP CONSTRAINT "role_assignments_role_check", ADD CONSTRAINT "role_assignments_role_check" CHECK ("role" in ('steering-group-member', 'party-leadership', 'auditor', 'registry-office', 'team-administrator'));
