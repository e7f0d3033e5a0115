ALTER TABLE "audit_heads" ADD COLUMN "pruned_seq" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_heads" ADD COLUMN "pruned_hash" text DEFAULT '0000000000000000000000000000000000000000000000000000000000000000' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_heads" ADD COLUMN "pruned_mac" text;--> statement-breakpoint
ALTER TABLE "audit_heads" ADD COLUMN "pruned_before" timestamp with time zone;--> statement-breakpoint

-- Retention: the audit log stays append-only, except that pruneAuditLog may delete a team's oldest
-- rows up to the pruning point it has just recorded in audit_heads, in its own transaction.
CREATE FUNCTION "audit_log_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('ankkuri.audit_prune', true) = 'on'
     AND OLD."seq" <= (SELECT "pruned_seq" FROM "audit_heads" WHERE "team_id" = OLD."team_id") THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
DROP TRIGGER "audit_log_append_only" ON "audit_log";
--> statement-breakpoint
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "audit_log_guard"();
