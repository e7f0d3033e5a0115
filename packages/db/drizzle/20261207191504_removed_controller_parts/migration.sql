CREATE TABLE "removed_controller_parts" (
	"team_id" text,
	"case_id" uuid,
	"controller_id" text,
	"removed_on" date NOT NULL,
	"request_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "removed_controller_parts_pkey" PRIMARY KEY("team_id","case_id","controller_id")
);
--> statement-breakpoint
ALTER TABLE "removed_controller_parts" ADD CONSTRAINT "removed_controller_parts_controller_id_organisations_id_fkey" FOREIGN KEY ("controller_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "removed_controller_parts" ADD CONSTRAINT "removed_controller_parts_team_id_case_id_cases_team_id_id_fkey" FOREIGN KEY ("team_id","case_id") REFERENCES "cases"("team_id","id") ON DELETE CASCADE;