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
CREATE TABLE "assessment_summaries" (
	"team_id" text,
	"assessment_id" uuid,
	"organisation_id" text,
	"body" text NOT NULL,
	"written_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_summaries_pkey" PRIMARY KEY("team_id","assessment_id","organisation_id"),
	CONSTRAINT "assessment_summaries_body_check" CHECK (length("body") between 1 and 20000)
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"team_id" text,
	"id" uuid,
	"case_id" uuid NOT NULL,
	"assessed_on" date NOT NULL,
	"assessed_by" text NOT NULL,
	"organisation_id" text NOT NULL,
	"causes" text[] NOT NULL,
	"needed_organisation_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessments_pkey" PRIMARY KEY("team_id","id"),
	CONSTRAINT "assessments_causes_check" CHECK (cardinality("causes") >= 1 and "causes" <@ array['family-situation', 'domestic-violence', 'substance-use', 'mental-health', 'neurodevelopmental', 'school-difficulties', 'peer-group', 'criminal-recruitment', 'leisure', 'financial-hardship', 'housing', 'other']::text[])
);
--> statement-breakpoint
CREATE TABLE "goal_reviews" (
	"team_id" text,
	"id" uuid,
	"goal_id" uuid NOT NULL,
	"reviewed_on" date NOT NULL,
	"progress" text NOT NULL,
	"reviewed_by" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goal_reviews_pkey" PRIMARY KEY("team_id","id"),
	CONSTRAINT "goal_reviews_progress_check" CHECK ("progress" in ('progressing', 'stalled', 'met', 'not-met'))
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"team_id" text,
	"id" uuid,
	"case_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"description" text NOT NULL,
	"owner_staff_id" text NOT NULL,
	"due_on" date NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goals_pkey" PRIMARY KEY("team_id","id"),
	CONSTRAINT "goals_description_check" CHECK (length("description") between 1 and 1000)
);
--> statement-breakpoint
CREATE INDEX "case_link_group_cases_team_id_case_id_index" ON "case_link_group_cases" ("team_id","case_id");--> statement-breakpoint
CREATE INDEX "assessments_team_id_case_id_assessed_on_index" ON "assessments" ("team_id","case_id","assessed_on");--> statement-breakpoint
CREATE INDEX "goal_reviews_team_id_goal_id_index" ON "goal_reviews" ("team_id","goal_id");--> statement-breakpoint
CREATE INDEX "goal_reviews_team_id_reviewed_on_index" ON "goal_reviews" ("team_id","reviewed_on");--> statement-breakpoint
CREATE INDEX "goals_team_id_case_id_index" ON "goals" ("team_id","case_id");--> statement-breakpoint
CREATE INDEX "goals_team_id_assessment_id_index" ON "goals" ("team_id","assessment_id");--> statement-breakpoint
ALTER TABLE "case_link_group_cases" ADD CONSTRAINT "case_link_group_cases_team_id_case_id_cases_team_id_id_fkey" FOREIGN KEY ("team_id","case_id") REFERENCES "cases"("team_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "case_link_group_cases" ADD CONSTRAINT "case_link_group_cases_link_fkey" FOREIGN KEY ("team_id","link_id") REFERENCES "case_link_groups"("team_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "case_link_groups" ADD CONSTRAINT "case_link_groups_team_id_teams_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id");--> statement-breakpoint
ALTER TABLE "assessment_summaries" ADD CONSTRAINT "assessment_summaries_organisation_id_organisations_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "assessment_summaries" ADD CONSTRAINT "assessment_summaries_assessment_fkey" FOREIGN KEY ("team_id","assessment_id") REFERENCES "assessments"("team_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_organisation_id_organisations_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_team_id_case_id_cases_team_id_id_fkey" FOREIGN KEY ("team_id","case_id") REFERENCES "cases"("team_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "goal_reviews" ADD CONSTRAINT "goal_reviews_goal_fkey" FOREIGN KEY ("team_id","goal_id") REFERENCES "goals"("team_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_team_id_case_id_cases_team_id_id_fkey" FOREIGN KEY ("team_id","case_id") REFERENCES "cases"("team_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_assessment_fkey" FOREIGN KEY ("team_id","assessment_id") REFERENCES "assessments"("team_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_owner_fkey" FOREIGN KEY ("team_id","owner_staff_id") REFERENCES "staff"("team_id","id");