ALTER TABLE "teams" ADD COLUMN "dataset_version" bigint DEFAULT 1 NOT NULL;--> statement-breakpoint

-- Any write to a table of the team dataset (DOMAIN: organisations, agreement, staffing, bodies) bumps
-- every team's dataset_version, so gateways can cache the dataset and compare one number per request.
-- These writes are rare administrative changes; bumping all teams keeps the triggers simple and
-- covers organisations, which are shared by the teams.
CREATE FUNCTION "bump_team_dataset_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "teams" SET "dataset_version" = "dataset_version" + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['organisations', 'agreements', 'agreement_versions', 'agreement_parties', 'agreement_team_units', 'fte_targets', 'signatures', 'joining_decisions', 'joining_approvals', 'notices', 'staff', 'assignments', 'security_clearances', 'premises_access', 'cooperation_bodies', 'seats', 'rotation_order', 'rotation_events'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "bump_team_dataset_version"()', t || '_bump_dataset_version', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- A change to the team row itself (its names) counts too, unless it is the bump.
CREATE FUNCTION "teams_bump_own_dataset_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."dataset_version" = OLD."dataset_version" THEN
    NEW."dataset_version" := OLD."dataset_version" + 1;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "teams_bump_dataset_version" BEFORE UPDATE ON "teams" FOR EACH ROW EXECUTE FUNCTION "teams_bump_own_dataset_version"();
