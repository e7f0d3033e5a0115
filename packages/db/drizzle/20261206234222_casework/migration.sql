CREATE TABLE "case_link_group_cases" (
	"team_id" text,
	"case_id" uuid,
	"link_id" uuid,
	"role" text,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "case_link_group_cases_pkey" PRIMARY KEY("team_id","link_id","case_id"),
	CONSTRAINT "case_link_group_cases_role_check" CHECK ("role" is null or "role" in ('victim', 'perpetrator', 'witness-child'))
);
--> statement-breakpoint
CREATE TABLE "case_link_groups" (
	"team_id" text,
	"id" uuid,
	"relation" text NOT NULL,
	"linked_on" date NOT NULL,
	"linked_by" text NOT NULL,
	"unlinked_on" date,
	"unlinked_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_link_groups_pkey" PRIMARY KEY("team_id","id"),
	CONSTRAINT "case_link_groups_relation_check" CHECK ("relation" in ('siblings', 'same-household', 'domestic-violence-parties')),
	CONSTRAINT "case_link_groups_unlinked_check" CHECK (("unlinked_on" is null) = ("unlinked_by" is null)),
	CONSTRAINT "case_link_groups_dates_check" CHECK ("unlinked_on" is null or "unlinked_on" >= "linked_on")
);
--> statement-breakpoint
CREATE INDEX "case_link_group_cases_team_id_case_id_index" ON "case_link_group_cases" ("team_id","case_id");--> statement-breakpoint
ALTER TABLE "case_link_group_cases" ADD CONSTRAINT "case_link_group_cases_team_id_case_id_cases_team_id_id_fkey" FOREIGN KEY ("team_id","case_id") REFERENCES "cases"("team_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "case_link_group_cases" ADD CONSTRAINT "case_link_group_cases_link_fkey" FOREIGN KEY ("team_id","link_id") REFERENCES "case_link_groups"("team_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "case_link_groups" ADD CONSTRAINT "case_link_groups_team_id_teams_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id");