-- The languages a team's scheduled reports are produced in: a set of fi and sv, Finnish unless set.
ALTER TABLE "teams" ADD COLUMN "report_languages" text[] DEFAULT '{fi}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_report_languages_check" CHECK (cardinality("report_languages") >= 1 and array_ndims("report_languages") = 1 and "report_languages" <@ array['fi', 'sv']::text[] and cardinality(array_positions("report_languages", 'fi')) <= 1 and cardinality(array_positions("report_languages", 'sv')) <= 1);--> statement-breakpoint
-- Helsinki is officially bilingual, so its scheduled reports come in Finnish and in Swedish. A
-- database seeded before this migration gets that here; the seed gives it to a new one.
UPDATE "teams" SET "report_languages" = '{fi,sv}' WHERE "id" = 'team-helsinki';
