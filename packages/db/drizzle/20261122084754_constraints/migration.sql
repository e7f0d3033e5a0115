-- Rules the schema language cannot express: the operational-supervisor exclusion, the 1.0 FTE
-- limit per person, append-only tables and cross-table checks of meeting records.

CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint

-- At most one operational supervisor on any day of a team (003 § 6.1).
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_one_supervisor_per_day"
  EXCLUDE USING gist ("team_id" WITH =, daterange("valid_from", "valid_to", '[]') WITH &&)
  WHERE ("role" = 'operational-supervisor');
--> statement-breakpoint

-- One person's assignments never sum above 1.0 FTE on any day. The maximum over an interval is
-- reached on one of the start days inside it, so only those days are summed. The staff row is
-- locked first so that concurrent writers for the same person are serialised.
CREATE FUNCTION "assignments_check_fte_limit"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  found_day date;
  found_total numeric;
BEGIN
  PERFORM 1 FROM "staff" WHERE "team_id" = NEW."team_id" AND "id" = NEW."staff_id" FOR UPDATE;
  SELECT d.day, sum(a."fraction") INTO found_day, found_total
  FROM (
    SELECT NEW."valid_from" AS day
    UNION
    SELECT o."valid_from" FROM "assignments" o
    WHERE o."team_id" = NEW."team_id" AND o."staff_id" = NEW."staff_id"
      AND o."valid_from" > NEW."valid_from" AND (NEW."valid_to" IS NULL OR o."valid_from" <= NEW."valid_to")
  ) d
  JOIN "assignments" a ON a."team_id" = NEW."team_id" AND a."staff_id" = NEW."staff_id"
    AND a."valid_from" <= d.day AND (a."valid_to" IS NULL OR a."valid_to" >= d.day)
  GROUP BY d.day
  HAVING sum(a."fraction") > 1
  ORDER BY d.day
  LIMIT 1;
  IF found_day IS NOT NULL THEN
    RAISE EXCEPTION 'staff member % would be assigned % FTE on %', NEW."staff_id", found_total, found_day
      USING ERRCODE = 'check_violation', CONSTRAINT = 'assignments_fte_limit';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "assignments_fte_limit" AFTER INSERT OR UPDATE OF "staff_id", "fraction", "valid_from", "valid_to" ON "assignments"
  FOR EACH ROW EXECUTE FUNCTION "assignments_check_fte_limit"();
--> statement-breakpoint

-- Append-only tables: history is never rewritten (agreement versions) and the access log is never
-- edited. A database owner can still disable these triggers; the audit log's hash chain is what
-- detects that.
CREATE FUNCTION "forbid_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "forbid_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "forbid_change"();
--> statement-breakpoint
CREATE TRIGGER "agreement_versions_append_only" BEFORE UPDATE OR DELETE ON "agreement_versions" FOR EACH ROW EXECUTE FUNCTION "forbid_change"();
--> statement-breakpoint

-- A record belongs to a held meeting and is written on or after the day it was held.
CREATE FUNCTION "meeting_records_check_meeting"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  meeting_held date;
BEGIN
  SELECT "held_on" INTO meeting_held FROM "meetings" WHERE "team_id" = NEW."team_id" AND "id" = NEW."meeting_id";
  IF meeting_held IS NULL OR NEW."recorded_on" < meeting_held THEN
    RAISE EXCEPTION 'meeting % is not held, or the record predates it', NEW."meeting_id"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'meeting_records_held';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "meeting_records_held" BEFORE INSERT OR UPDATE ON "meeting_records" FOR EACH ROW EXECUTE FUNCTION "meeting_records_check_meeting"();
