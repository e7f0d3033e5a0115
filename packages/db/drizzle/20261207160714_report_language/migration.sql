-- A report run carries the language its PDF is set in; the runs made before were all Finnish. The
-- language is part of what identifies a run, so a Swedish request for the same period is its own run.
ALTER TABLE "report_runs" ADD COLUMN "language" text DEFAULT 'fi' NOT NULL;--> statement-breakpoint
ALTER TABLE "report_runs" ADD CONSTRAINT "report_runs_language_check" CHECK ("language" in ('fi', 'sv'));--> statement-breakpoint
ALTER TABLE "report_runs" DROP CONSTRAINT "report_runs_once";--> statement-breakpoint
ALTER TABLE "report_runs" ADD CONSTRAINT "report_runs_once" UNIQUE("team_id","type","period_from","period_to","scope","language");
