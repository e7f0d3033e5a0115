DROP INDEX "cases_team_id_status_referred_on_index";--> statement-breakpoint
DROP INDEX "cases_team_id_referred_on_index";--> statement-breakpoint
CREATE INDEX "cases_team_id_status_referred_on_id_index" ON "cases" ("team_id","status","referred_on","id");--> statement-breakpoint
CREATE INDEX "cases_team_id_referred_on_id_index" ON "cases" ("team_id","referred_on","id");