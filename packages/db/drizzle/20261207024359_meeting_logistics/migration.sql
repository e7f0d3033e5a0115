CREATE TABLE "meeting_invitations" (
	"team_id" text,
	"id" uuid,
	"meeting_id" uuid NOT NULL,
	"participant_id" text NOT NULL,
	"channel" text NOT NULL,
	"sent_on" date NOT NULL,
	"sent_by" text NOT NULL,
	"answer" text,
	"answered_on" date,
	"answer_recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "meeting_invitations_pkey" PRIMARY KEY("team_id","id"),
	CONSTRAINT "meeting_invitations_channel_check" CHECK ("channel" in ('letter', 'email', 'phone', 'in-person', 'secure-message')),
	CONSTRAINT "meeting_invitations_answer_check" CHECK ("answer" is null or "answer" in ('accepted', 'declined')),
	CONSTRAINT "meeting_invitations_answered_check" CHECK (("answer" is null) = ("answered_on" is null) and ("answer" is null) = ("answer_recorded_by" is null) and ("answered_on" is null or "answered_on" >= "sent_on"))
);
--> statement-breakpoint
CREATE TABLE "meeting_record_amendments" (
	"team_id" text,
	"meeting_id" uuid NOT NULL,
	"id" uuid,
	"recorded_on" date NOT NULL,
	"recorded_by" text NOT NULL,
	"in_client_record" boolean NOT NULL,
	"in_statistics" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "meeting_record_amendments_pkey" PRIMARY KEY("team_id","id"),
	CONSTRAINT "meeting_record_amendments_adds_check" CHECK ("in_client_record" or "in_statistics")
);
--> statement-breakpoint
CREATE TABLE "premises" (
	"team_id" text,
	"id" text,
	"name_fi" text NOT NULL,
	"name_sv" text NOT NULL,
	"name_en" text NOT NULL,
	"address" text,
	"organisation_id" text NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "premises_pkey" PRIMARY KEY("team_id","id")
);
--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "start_time" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "duration_minutes" integer;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "premises_id" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "place_description" text;--> statement-breakpoint
CREATE INDEX "meeting_invitations_team_id_meeting_id_index" ON "meeting_invitations" ("team_id","meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_record_amendments_team_id_meeting_id_index" ON "meeting_record_amendments" ("team_id","meeting_id");--> statement-breakpoint
CREATE INDEX "meetings_team_id_premises_id_planned_on_index" ON "meetings" ("team_id","premises_id","planned_on");--> statement-breakpoint
ALTER TABLE "meeting_invitations" ADD CONSTRAINT "meeting_invitations_Z5QLEMNmGXh3_fkey" FOREIGN KEY ("team_id","meeting_id","participant_id") REFERENCES "meeting_participants"("team_id","meeting_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "meeting_record_amendments" ADD CONSTRAINT "meeting_record_amendments_bgndAccS0QmN_fkey" FOREIGN KEY ("team_id","meeting_id") REFERENCES "meeting_records"("team_id","meeting_id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_team_id_premises_id_premises_team_id_id_fkey" FOREIGN KEY ("team_id","premises_id") REFERENCES "premises"("team_id","id");--> statement-breakpoint
ALTER TABLE "premises" ADD CONSTRAINT "premises_organisation_id_organisations_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_start_time_check" CHECK ("start_time" is null or "start_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_duration_check" CHECK (("start_time" is null) = ("duration_minutes" is null) and ("duration_minutes" is null or ("duration_minutes" between 5 and 480 and split_part("start_time", ':', 1)::int * 60 + split_part("start_time", ':', 2)::int + "duration_minutes" <= 1440)));--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_place_check" CHECK ("premises_id" is null or "place_description" is null);--> statement-breakpoint
-- The team's premises are part of the team dataset the gateway caches.
CREATE TRIGGER "premises_bump_dataset_version" AFTER INSERT OR UPDATE OR DELETE ON "premises" FOR EACH STATEMENT EXECUTE FUNCTION "bump_team_dataset_version"();
--> statement-breakpoint
-- A record is completed by a new amending entry, never by changing one made.
CREATE TRIGGER "meeting_record_amendments_no_update" BEFORE UPDATE ON "meeting_record_amendments" FOR EACH ROW EXECUTE FUNCTION "forbid_change"();
