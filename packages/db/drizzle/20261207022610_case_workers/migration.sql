CREATE TABLE "case_workers" (
	"team_id" text,
	"id" uuid,
	"case_id" uuid NOT NULL,
	"staff_id" text NOT NULL,
	"role" text NOT NULL,
	"assigned_on" date NOT NULL,
	"assigned_by" text NOT NULL,
	"unassigned_on" date,
	"unassigned_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_workers_pkey" PRIMARY KEY("team_id","id"),
	CONSTRAINT "case_workers_role_check" CHECK ("role" in ('lead-worker', 'pair-worker')),
	CONSTRAINT "case_workers_unassigned_check" CHECK (("unassigned_on" is null) = ("unassigned_by" is null)),
	CONSTRAINT "case_workers_dates_check" CHECK ("unassigned_on" is null or "unassigned_on" >= "assigned_on")
);
--> statement-breakpoint
CREATE INDEX "case_workers_team_id_case_id_index" ON "case_workers" ("team_id","case_id");--> statement-breakpoint
CREATE INDEX "case_workers_team_id_staff_id_assigned_on_index" ON "case_workers" ("team_id","staff_id","assigned_on");--> statement-breakpoint
CREATE UNIQUE INDEX "case_workers_one_open_lead" ON "case_workers" ("team_id","case_id") WHERE "role" = 'lead-worker' and "unassigned_on" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "case_workers_one_open_per_person" ON "case_workers" ("team_id","case_id","staff_id") WHERE "unassigned_on" is null;--> statement-breakpoint
ALTER TABLE "case_workers" ADD CONSTRAINT "case_workers_team_id_case_id_cases_team_id_id_fkey" FOREIGN KEY ("team_id","case_id") REFERENCES "cases"("team_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "case_workers" ADD CONSTRAINT "case_workers_team_id_staff_id_staff_team_id_id_fkey" FOREIGN KEY ("team_id","staff_id") REFERENCES "staff"("team_id","id");