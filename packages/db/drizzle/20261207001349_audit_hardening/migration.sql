-- The head of each team's audit chain is as append-only as the chain: it only moves forward. An
-- append moves `seq` (and `hash`) forward; retention moves `pruned_*` forward, under the audit key.
-- Deleting a head, moving it back, or changing its hash in place is refused, so removing the tail
-- and the head with it needs the trigger disabled (the checkpoint file detects that:
-- `pnpm db:audit-checkpoint`).
CREATE FUNCTION "audit_heads_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW."team_id" = OLD."team_id"
     AND NEW."seq" >= OLD."seq"
     AND (NEW."seq" > OLD."seq" OR NEW."hash" = OLD."hash")
     AND NEW."pruned_seq" >= OLD."pruned_seq"
     AND NEW."pruned_seq" <= NEW."seq" THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% only moves forward', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER "audit_heads_forward_only" BEFORE UPDATE OR DELETE ON "audit_heads" FOR EACH ROW EXECUTE FUNCTION "audit_heads_guard"();
--> statement-breakpoint
CREATE TRIGGER "audit_heads_no_truncate" BEFORE TRUNCATE ON "audit_heads" FOR EACH STATEMENT EXECUTE FUNCTION "forbid_change"();
