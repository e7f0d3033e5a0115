CREATE TABLE "body_meetings" (
	"team_id" text,
	"id" text,
	"body_id" text NOT NULL,
	"planned_on" date NOT NULL,
	"composed_on" date NOT NULL,
	"composition" jsonb NOT NULL,
	"status" text NOT NULL,
	"held_on" date,
	"attendees" jsonb DEFAULT '[]' NOT NULL,
	"items" jsonb DEFAULT '[]' NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "body_meetings_pkey" PRIMARY KEY("team_id","id"),
	CONSTRAINT "body_meetings_status_check" CHECK ("status" in ('planned', 'held')),
	CONSTRAINT "body_meetings_held_check" CHECK (("status" = 'held') = ("held_on" is not null)),
	CONSTRAINT "body_meetings_composed_check" CHECK ("composed_on" <= "planned_on")
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"team_id" text,
	"id" text,
	"staff_id" text NOT NULL,
	"organisation_id" text NOT NULL,
	"party_id" text NOT NULL,
	"topic" text NOT NULL,
	"consulted_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultations_pkey" PRIMARY KEY("team_id","id"),
	CONSTRAINT "consultations_topic_check" CHECK (length("topic") between 1 and 500)
);
--> statement-breakpoint
CREATE INDEX "body_meetings_team_id_body_id_planned_on_index" ON "body_meetings" ("team_id","body_id","planned_on");--> statement-breakpoint
CREATE INDEX "consultations_team_id_consulted_on_index" ON "consultations" ("team_id","consulted_on");--> statement-breakpoint
ALTER TABLE "body_meetings" ADD CONSTRAINT "body_meetings_NNXUq095k3aP_fkey" FOREIGN KEY ("team_id","body_id") REFERENCES "cooperation_bodies"("team_id","id");--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_organisation_id_organisations_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_party_id_organisations_id_fkey" FOREIGN KEY ("party_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_team_id_staff_id_staff_team_id_id_fkey" FOREIGN KEY ("team_id","staff_id") REFERENCES "staff"("team_id","id");--> statement-breakpoint
ALTER TABLE "cooperation_bodies" DROP CONSTRAINT "cooperation_bodies_kind_check", ADD CONSTRAINT "cooperation_bodies_kind_check" CHECK ("kind" in ('ankkuri-steering-group', 'city-steering-group', 'lasu-collegium', 'regional-coordination-group', 'worker-network', 'youth-guidance-network', 'joint-leadership-meeting'));