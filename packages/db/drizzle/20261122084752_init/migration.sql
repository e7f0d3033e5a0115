CREATE TABLE "organisations" (
	"id" text PRIMARY KEY,
	"kind" text NOT NULL,
	"parent_id" text,
	"name_fi" text NOT NULL,
	"name_sv" text NOT NULL,
	"name_en" text NOT NULL,
	"short_name" text,
	"business_id" text,
	"sector" text NOT NULL,
	"address" jsonb,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_kind_check" CHECK ("kind" in ('legal-entity', 'division', 'unit')),
	CONSTRAINT "organisations_sector_check" CHECK ("sector" in ('police', 'social-services', 'health-care', 'youth-services', 'education', 'early-education', 'sports', 'culture', 'parish', 'third-sector', 'hospital-district', 'city-administration', 'other')),
	CONSTRAINT "organisations_business_id_check" CHECK ("business_id" is null or ("kind" = 'legal-entity' and "business_id" ~ '^[0-9]{7}-[0-9]$')),
	CONSTRAINT "organisations_root_check" CHECK (("kind" = 'legal-entity') = ("parent_id" is null))
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" text PRIMARY KEY,
	"code" text NOT NULL UNIQUE,
	"name_fi" text NOT NULL,
	"name_sv" text NOT NULL,
	"name_en" text NOT NULL,
	"police_department_id" text NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "teams_code_check" CHECK ("code" ~ '^[a-z][a-z0-9-]{1,39}$')
);
--> statement-breakpoint
CREATE TABLE "users" (
	"team_id" text,
	"login" text,
	"display_name" text NOT NULL,
	"organisation_id" text NOT NULL,
	"roles" text[] NOT NULL,
	"staff_id" text,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_pkey" PRIMARY KEY("team_id","login"),
	CONSTRAINT "users_login_check" CHECK ("login" ~ '^[a-z0-9._-]{2,64}$')
);
--> statement-breakpoint
CREATE TABLE "agreement_parties" (
	"team_id" text,
	"agreement_id" text,
	"version_number" integer,
	"organisation_id" text,
	"position" integer NOT NULL,
	"role" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_title" text NOT NULL,
	"contact_email" text,
	"contact_phone" text,
	"joining_approver" boolean DEFAULT false NOT NULL,
	"essential" boolean DEFAULT false NOT NULL,
	CONSTRAINT "agreement_parties_pkey" PRIMARY KEY("team_id","agreement_id","version_number","organisation_id"),
	CONSTRAINT "agreement_parties_role_check" CHECK ("role" in ('supplier', 'customer'))
);
--> statement-breakpoint
CREATE TABLE "agreement_team_units" (
	"team_id" text,
	"agreement_id" text,
	"version_number" integer,
	"organisation_id" text,
	"party_id" text NOT NULL,
	"position" integer NOT NULL,
	"professions" text[] NOT NULL,
	CONSTRAINT "agreement_team_units_pkey" PRIMARY KEY("team_id","agreement_id","version_number","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "agreement_versions" (
	"team_id" text,
	"agreement_id" text,
	"number" integer,
	"effective_from" date NOT NULL,
	"decided_on" date NOT NULL,
	"summary" jsonb NOT NULL,
	"notice_period_months" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_versions_pkey" PRIMARY KEY("team_id","agreement_id","number"),
	CONSTRAINT "agreement_versions_number_check" CHECK ("number" > 0),
	CONSTRAINT "agreement_versions_notice_check" CHECK ("notice_period_months" between 0 and 60),
	CONSTRAINT "agreement_versions_decided_check" CHECK ("decided_on" <= "effective_from")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"team_id" text CONSTRAINT "agreements_team_unique" UNIQUE,
	"id" text,
	"oid" text NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"starts_on" date NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreements_pkey" PRIMARY KEY("team_id","id")
);
--> statement-breakpoint
CREATE TABLE "fte_targets" (
	"team_id" text,
	"agreement_id" text,
	"version_number" integer,
	"organisation_id" text,
	"position" integer NOT NULL,
	"profession" text NOT NULL,
	"fte" numeric(6,2) NOT NULL,
	"named_fte" numeric(6,2),
	"supervisors" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "fte_targets_pkey" PRIMARY KEY("team_id","agreement_id","version_number","organisation_id"),
	CONSTRAINT "fte_targets_fte_check" CHECK ("fte" > 0 and ("named_fte" is null or "named_fte" >= "fte")),
	CONSTRAINT "fte_targets_profession_check" CHECK ("profession" in ('police-officer', 'social-worker', 'psychiatric-nurse', 'youth-worker', 'social-counsellor', 'psychologist', 'other')),
	CONSTRAINT "fte_targets_supervisors_check" CHECK ("supervisors" between 0 and 10)
);
--> statement-breakpoint
CREATE TABLE "joining_approvals" (
	"team_id" text,
	"decision_id" text,
	"organisation_id" text,
	"approved_on" date NOT NULL,
	"reference" text NOT NULL,
	CONSTRAINT "joining_approvals_pkey" PRIMARY KEY("team_id","decision_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "joining_decisions" (
	"team_id" text,
	"id" text,
	"agreement_id" text NOT NULL,
	"organisation_id" text NOT NULL,
	"effective_from" date NOT NULL,
	"description" text NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "joining_decisions_pkey" PRIMARY KEY("team_id","id")
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"team_id" text,
	"id" text,
	"agreement_id" text NOT NULL,
	"party_id" text NOT NULL,
	"given_on" date NOT NULL,
	"reference" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notices_pkey" PRIMARY KEY("team_id","id"),
	CONSTRAINT "notices_one_per_party" UNIQUE("team_id","agreement_id","party_id")
);
--> statement-breakpoint
CREATE TABLE "signatures" (
	"team_id" text,
	"agreement_id" text NOT NULL,
	"version_number" integer NOT NULL,
	"id" text,
	"signer_name" text NOT NULL,
	"signer_title" text NOT NULL,
	"organisation_id" text NOT NULL,
	"method" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "signatures_pkey" PRIMARY KEY("team_id","id"),
	CONSTRAINT "signatures_method_check" CHECK ("method" in ('strong-authentication', 'advanced-electronic', 'handwritten'))
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"team_id" text,
	"id" text,
	"staff_id" text NOT NULL,
	"organisation_id" text NOT NULL,
	"fraction" numeric(3,2) NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"role" text DEFAULT 'member' NOT NULL,
	"needs_premises_access" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignments_pkey" PRIMARY KEY("team_id","id"),
	CONSTRAINT "assignments_fraction_check" CHECK ("fraction" > 0 and "fraction" <= 1),
	CONSTRAINT "assignments_interval_check" CHECK ("valid_to" is null or "valid_to" >= "valid_from"),
	CONSTRAINT "assignments_role_check" CHECK ("role" in ('member', 'operational-supervisor'))
);
--> statement-breakpoint
CREATE TABLE "premises_access" (
	"team_id" text,
	"id" text,
	"staff_id" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"areas" text NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "premises_access_pkey" PRIMARY KEY("team_id","id"),
	CONSTRAINT "premises_access_interval_check" CHECK ("valid_to" is null or "valid_to" >= "valid_from")
);
--> statement-breakpoint
CREATE TABLE "security_clearances" (
	"team_id" text,
	"id" text,
	"staff_id" text NOT NULL,
	"scope" text NOT NULL,
	"requested_by_id" text NOT NULL,
	"requested_on" date NOT NULL,
	"granted_on" date,
	"denied_on" date,
	"valid_until" date,
	"revoked_on" date,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "security_clearances_pkey" PRIMARY KEY("team_id","id"),
	CONSTRAINT "security_clearances_scope_check" CHECK ("scope" in ('narrow', 'standard', 'extended')),
	CONSTRAINT "security_clearances_outcome_check" CHECK ("granted_on" is null or "denied_on" is null),
	CONSTRAINT "security_clearances_dates_check" CHECK (("granted_on" is null or "granted_on" >= "requested_on") and ("valid_until" is null or ("granted_on" is not null and "valid_until" >= "granted_on")))
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"team_id" text,
	"id" text,
	"organisation_id" text NOT NULL,
	"profession" text NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"title" text NOT NULL,
	"login" text NOT NULL,
	"police_mail_account" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_pkey" PRIMARY KEY("team_id","id"),
	CONSTRAINT "staff_login_unique" UNIQUE("team_id","login"),
	CONSTRAINT "staff_profession_check" CHECK ("profession" in ('police-officer', 'social-worker', 'psychiatric-nurse', 'youth-worker', 'social-counsellor', 'psychologist', 'other'))
);
--> statement-breakpoint
CREATE TABLE "cooperation_bodies" (
	"team_id" text,
	"id" text,
	"kind" text NOT NULL,
	"tier" text NOT NULL,
	"name_fi" text NOT NULL,
	"name_sv" text NOT NULL,
	"name_en" text NOT NULL,
	"parent_body_id" text,
	"region" text,
	"chair_policy" text NOT NULL,
	"chair_organisation_id" text,
	"rotation_anchor" date,
	"rotation_term_months" integer,
	"tasks" jsonb DEFAULT '[]' NOT NULL,
	"legal_basis" text[] DEFAULT '{}'::text[] NOT NULL,
	"age_min" integer,
	"age_max" integer,
	"age_note" text,
	"annual_clock" jsonb DEFAULT '[]' NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cooperation_bodies_pkey" PRIMARY KEY("team_id","id"),
	CONSTRAINT "cooperation_bodies_kind_check" CHECK ("kind" in ('ankkuri-steering-group', 'city-steering-group', 'lasu-collegium', 'regional-coordination-group', 'worker-network', 'youth-guidance-network')),
	CONSTRAINT "cooperation_bodies_tier_check" CHECK ("tier" in ('city', 'strategic', 'regional', 'operational', 'network')),
	CONSTRAINT "cooperation_bodies_chair_check" CHECK ("chair_policy" in ('rotating', 'fixed', 'unspecified')),
	CONSTRAINT "cooperation_bodies_chair_fields_check" CHECK (("chair_policy" = 'fixed') = ("chair_organisation_id" is not null) and ("chair_policy" = 'rotating') = ("rotation_anchor" is not null and "rotation_term_months" between 1 and 60)),
	CONSTRAINT "cooperation_bodies_age_check" CHECK ("age_min" is null or "age_max" >= "age_min")
);
--> statement-breakpoint
CREATE TABLE "rotation_events" (
	"team_id" text,
	"id" text,
	"body_id" text NOT NULL,
	"sequence" integer NOT NULL,
	"kind" text NOT NULL,
	"party_id" text NOT NULL,
	"on" date NOT NULL,
	"decided_on" date,
	"reference" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rotation_events_pkey" PRIMARY KEY("team_id","id"),
	CONSTRAINT "rotation_events_kind_check" CHECK ("kind" in ('join', 'leave', 'notice', 'override')),
	CONSTRAINT "rotation_events_override_check" CHECK (("kind" = 'override') = ("decided_on" is not null and "reference" is not null))
);
--> statement-breakpoint
CREATE TABLE "rotation_order" (
	"team_id" text,
	"body_id" text,
	"position" integer,
	"party_id" text NOT NULL,
	CONSTRAINT "rotation_order_pkey" PRIMARY KEY("team_id","body_id","position")
);
--> statement-breakpoint
CREATE TABLE "seats" (
	"team_id" text,
	"id" text,
	"body_id" text NOT NULL,
	"position" integer NOT NULL,
	"organisation_id" text NOT NULL,
	"role_title_fi" text NOT NULL,
	"role_title_sv" text NOT NULL,
	"role_title_en" text NOT NULL,
	"attendance" text DEFAULT 'member' NOT NULL,
	"secretary" boolean DEFAULT false NOT NULL,
	CONSTRAINT "seats_pkey" PRIMARY KEY("team_id","id"),
	CONSTRAINT "seats_attendance_check" CHECK ("attendance" in ('member', 'invited-when-needed'))
);
--> statement-breakpoint
CREATE TABLE "case_notes" (
	"team_id" text,
	"id" uuid,
	"case_id" uuid NOT NULL,
	"organisation_id" text NOT NULL,
	"kind" text NOT NULL,
	"written_on" date NOT NULL,
	"written_by" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_notes_pkey" PRIMARY KEY("team_id","id"),
	CONSTRAINT "case_notes_kind_check" CHECK ("kind" in ('police', 'health', 'social', 'youth', 'general')),
	CONSTRAINT "case_notes_body_check" CHECK (length("body") between 1 and 20000)
);
--> statement-breakpoint
CREATE TABLE "case_organisations" (
	"team_id" text,
	"case_id" uuid,
	"organisation_id" text,
	"since" date NOT NULL,
	"basis" text NOT NULL,
	CONSTRAINT "case_organisations_pkey" PRIMARY KEY("team_id","case_id","organisation_id"),
	CONSTRAINT "case_organisations_basis_check" CHECK ("basis" in ('selection', 'meeting', 'referral', 'assigned'))
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"team_id" text,
	"id" uuid,
	"client_id" uuid NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"referred_on" date NOT NULL,
	"referral_source" text NOT NULL,
	"selection_started_on" date,
	"decided_on" date,
	"activated_on" date,
	"closed_on" date,
	"close_reason" text,
	"child_welfare_notified_on" date,
	"child_welfare_notified_by_id" text,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_pkey" PRIMARY KEY("team_id","id"),
	CONSTRAINT "cases_type_check" CHECK ("type" in ('youth-crime', 'domestic-violence', 'multi-professional')),
	CONSTRAINT "cases_status_check" CHECK ("status" in ('referred', 'in-selection', 'admitted', 'declined', 'active', 'closed')),
	CONSTRAINT "cases_referral_source_check" CHECK ("referral_source" in ('police', 'child-welfare', 'social-emergency', 'school', 'health-care', 'youth-services', 'family', 'self', 'other')),
	CONSTRAINT "cases_close_reason_check" CHECK ("close_reason" is null or "close_reason" in ('goals-met', 'transferred', 'client-declined', 'moved-away', 'no-contact', 'other')),
	CONSTRAINT "cases_status_fields_check" CHECK (("status" = 'referred') = ("selection_started_on" is null)
        and ("status" in ('admitted', 'declined', 'active', 'closed')) = ("decided_on" is not null)
        and ("status" <> 'active' or "activated_on" is not null)
        and ("status" in ('active', 'closed') or "activated_on" is null)
        and ("status" = 'closed') = ("closed_on" is not null and "close_reason" is not null)),
	CONSTRAINT "cases_dates_check" CHECK ("selection_started_on" >= "referred_on" and "decided_on" >= "selection_started_on"
        and "activated_on" >= "decided_on" and "closed_on" >= coalesce("activated_on", "decided_on")),
	CONSTRAINT "cases_child_welfare_check" CHECK (("child_welfare_notified_on" is null) = ("child_welfare_notified_by_id" is null))
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"team_id" text,
	"id" uuid,
	"identity_code_ciphertext" text,
	"identity_code_hmac" text,
	"birth_date" date NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clients_pkey" PRIMARY KEY("team_id","id"),
	CONSTRAINT "clients_identity_pair_check" CHECK (("identity_code_ciphertext" is null) = ("identity_code_hmac" is null)),
	CONSTRAINT "clients_identity_format_check" CHECK ("identity_code_ciphertext" is null or "identity_code_ciphertext" like 'v1.%')
);
--> statement-breakpoint
CREATE TABLE "consent_scopes" (
	"team_id" text,
	"consent_id" uuid,
	"organisation_id" text,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "consent_scopes_pkey" PRIMARY KEY("team_id","consent_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"team_id" text,
	"case_id" uuid NOT NULL,
	"id" uuid,
	"giver_kind" text NOT NULL,
	"guardian_id" uuid,
	"given_on" date NOT NULL,
	"valid_until" date,
	"withdrawn_on" date,
	"form" text NOT NULL,
	"recorded_by" text NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "consents_pkey" PRIMARY KEY("team_id","id"),
	CONSTRAINT "consents_giver_check" CHECK ("giver_kind" in ('client', 'guardian') and ("giver_kind" = 'guardian') = ("guardian_id" is not null)),
	CONSTRAINT "consents_form_check" CHECK ("form" in ('written', 'oral', 'electronic')),
	CONSTRAINT "consents_dates_check" CHECK (("withdrawn_on" is null or "withdrawn_on" >= "given_on") and ("valid_until" is null or "valid_until" >= "given_on"))
);
--> statement-breakpoint
CREATE TABLE "existing_clientships" (
	"team_id" text,
	"case_id" uuid,
	"organisation_id" text,
	"since" date,
	"responsible_worker_name" text,
	"responsible_worker_staff_id" text,
	"responsible_worker_organisation_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "existing_clientships_pkey" PRIMARY KEY("team_id","case_id","organisation_id"),
	CONSTRAINT "existing_clientships_worker_check" CHECK (("responsible_worker_name" is null) = ("responsible_worker_organisation_id" is null))
);
--> statement-breakpoint
CREATE TABLE "guardians" (
	"team_id" text,
	"case_id" uuid NOT NULL,
	"id" uuid,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"relationship" text NOT NULL,
	"has_custody" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "guardians_pkey" PRIMARY KEY("team_id","id"),
	CONSTRAINT "guardians_relationship_check" CHECK ("relationship" in ('parent', 'legal-guardian', 'other'))
);
--> statement-breakpoint
CREATE TABLE "selection_decisions" (
	"team_id" text,
	"case_id" uuid,
	"staff_id" text,
	"organisation_id" text NOT NULL,
	"profession" text NOT NULL,
	"decision" text NOT NULL,
	"decided_on" date NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "selection_decisions_pkey" PRIMARY KEY("team_id","case_id","staff_id"),
	CONSTRAINT "selection_decisions_decision_check" CHECK ("decision" in ('admit', 'decline')),
	CONSTRAINT "selection_decisions_profession_check" CHECK ("profession" in ('police-officer', 'social-worker', 'psychiatric-nurse', 'youth-worker', 'social-counsellor', 'psychologist', 'other'))
);
--> statement-breakpoint
CREATE TABLE "meeting_participants" (
	"team_id" text,
	"meeting_id" uuid,
	"id" text,
	"role" text NOT NULL,
	"organisation_id" text,
	"staff_id" text,
	"profession" text,
	"guardian_id" uuid,
	"attended" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "meeting_participants_pkey" PRIMARY KEY("team_id","meeting_id","id"),
	CONSTRAINT "meeting_participants_role_check" CHECK ("role" in ('core', 'invited', 'client', 'guardian', 'responsible-worker')),
	CONSTRAINT "meeting_participants_org_check" CHECK (("role" in ('client', 'guardian')) = ("organisation_id" is null)),
	CONSTRAINT "meeting_participants_profession_check" CHECK ("profession" is null or "profession" in ('police-officer', 'social-worker', 'psychiatric-nurse', 'youth-worker', 'social-counsellor', 'psychologist', 'other'))
);
--> statement-breakpoint
CREATE TABLE "meeting_records" (
	"team_id" text,
	"meeting_id" uuid,
	"recorded_on" date NOT NULL,
	"recorded_by" text NOT NULL,
	"in_client_record" boolean NOT NULL,
	"in_statistics" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_records_pkey" PRIMARY KEY("team_id","meeting_id")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"team_id" text,
	"id" uuid,
	"case_id" uuid NOT NULL,
	"planned_on" date NOT NULL,
	"status" text NOT NULL,
	"held_on" date,
	"responsible_worker_informed_on" date,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "meetings_pkey" PRIMARY KEY("team_id","id"),
	CONSTRAINT "meetings_status_check" CHECK ("status" in ('planned', 'held', 'cancelled')),
	CONSTRAINT "meetings_held_check" CHECK (("status" = 'held') = ("held_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"team_id" text,
	"id" uuid,
	"case_id" uuid NOT NULL,
	"meeting_id" uuid,
	"service" text NOT NULL,
	"organisation_id" text NOT NULL,
	"made_on" date NOT NULL,
	"status" text NOT NULL,
	"status_changed_on" date NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "referrals_pkey" PRIMARY KEY("team_id","id"),
	CONSTRAINT "referrals_service_check" CHECK ("service" in ('child-welfare', 'family-support', 'mental-health', 'substance-abuse', 'youth-work', 'education-support', 'employment', 'housing', 'leisure-activity', 'victim-support', 'domestic-violence-support', 'mediation', 'other')),
	CONSTRAINT "referrals_status_check" CHECK ("status" in ('proposed', 'made', 'accepted', 'started', 'completed', 'declined', 'cancelled')),
	CONSTRAINT "referrals_dates_check" CHECK ("status_changed_on" >= "made_on")
);
--> statement-breakpoint
CREATE TABLE "report_artifacts" (
	"team_id" text,
	"run_id" uuid,
	"format" text,
	"content_type" text NOT NULL,
	"content" bytea NOT NULL,
	"sha256" text NOT NULL,
	"byte_size" integer NOT NULL,
	"schema_version" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_artifacts_pkey" PRIMARY KEY("team_id","run_id","format"),
	CONSTRAINT "report_artifacts_format_check" CHECK ("format" in ('json', 'csv', 'pdf')),
	CONSTRAINT "report_artifacts_sha_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "report_runs" (
	"team_id" text,
	"id" uuid,
	"type" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"scope" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"stage" text DEFAULT 'queued' NOT NULL,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"job_id" text,
	"summary" jsonb,
	CONSTRAINT "report_runs_pkey" PRIMARY KEY("team_id","id"),
	CONSTRAINT "report_runs_once" UNIQUE("team_id","type","period_from","period_to","scope"),
	CONSTRAINT "report_runs_type_check" CHECK ("type" in ('annual', 'party', 'monthly')),
	CONSTRAINT "report_runs_status_check" CHECK ("status" in ('queued', 'running', 'completed', 'failed')),
	CONSTRAINT "report_runs_progress_check" CHECK ("progress" between 0 and 100),
	CONSTRAINT "report_runs_period_check" CHECK ("period_to" >= "period_from")
);
--> statement-breakpoint
CREATE TABLE "audit_heads" (
	"team_id" text PRIMARY KEY,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"team_id" text,
	"seq" bigint,
	"occurred_at" timestamp(3) with time zone NOT NULL,
	"request_id" text NOT NULL,
	"actor_id" text NOT NULL,
	"actor_organisation_id" text NOT NULL,
	"actor_role" text NOT NULL,
	"operation" text NOT NULL,
	"resource" text NOT NULL,
	"resource_id" text,
	"case_id" uuid,
	"client_id" uuid,
	"purpose" text NOT NULL,
	"details" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_log_pkey" PRIMARY KEY("team_id","seq"),
	CONSTRAINT "audit_log_operation_check" CHECK ("operation" in ('read', 'create', 'update', 'delete')),
	CONSTRAINT "audit_log_hash_check" CHECK ("hash" ~ '^[0-9a-f]{64}$' and "prev_hash" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE INDEX "organisations_parent_id_index" ON "organisations" ("parent_id");--> statement-breakpoint
CREATE INDEX "users_organisation_id_index" ON "users" ("organisation_id");--> statement-breakpoint
CREATE INDEX "notices_team_id_agreement_id_given_on_index" ON "notices" ("team_id","agreement_id","given_on");--> statement-breakpoint
CREATE INDEX "assignments_team_id_staff_id_valid_from_index" ON "assignments" ("team_id","staff_id","valid_from");--> statement-breakpoint
CREATE INDEX "assignments_team_id_organisation_id_valid_from_index" ON "assignments" ("team_id","organisation_id","valid_from");--> statement-breakpoint
CREATE INDEX "premises_access_team_id_staff_id_index" ON "premises_access" ("team_id","staff_id");--> statement-breakpoint
CREATE INDEX "security_clearances_team_id_staff_id_index" ON "security_clearances" ("team_id","staff_id");--> statement-breakpoint
CREATE INDEX "staff_team_id_organisation_id_index" ON "staff" ("team_id","organisation_id");--> statement-breakpoint
CREATE INDEX "rotation_events_team_id_body_id_sequence_index" ON "rotation_events" ("team_id","body_id","sequence");--> statement-breakpoint
CREATE INDEX "seats_team_id_body_id_position_index" ON "seats" ("team_id","body_id","position");--> statement-breakpoint
CREATE INDEX "case_notes_team_id_case_id_organisation_id_index" ON "case_notes" ("team_id","case_id","organisation_id");--> statement-breakpoint
CREATE INDEX "case_organisations_team_id_organisation_id_case_id_index" ON "case_organisations" ("team_id","organisation_id","case_id");--> statement-breakpoint
CREATE INDEX "cases_team_id_client_id_index" ON "cases" ("team_id","client_id");--> statement-breakpoint
CREATE INDEX "cases_team_id_status_referred_on_index" ON "cases" ("team_id","status","referred_on");--> statement-breakpoint
CREATE INDEX "cases_team_id_referred_on_index" ON "cases" ("team_id","referred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "clients_identity_hmac_unique" ON "clients" ("team_id","identity_code_hmac");--> statement-breakpoint
CREATE INDEX "consents_team_id_case_id_index" ON "consents" ("team_id","case_id");--> statement-breakpoint
CREATE INDEX "consents_team_id_guardian_id_index" ON "consents" ("team_id","guardian_id");--> statement-breakpoint
CREATE INDEX "guardians_team_id_case_id_index" ON "guardians" ("team_id","case_id");--> statement-breakpoint
CREATE INDEX "meeting_participants_team_id_organisation_id_index" ON "meeting_participants" ("team_id","organisation_id");--> statement-breakpoint
CREATE INDEX "meetings_team_id_case_id_planned_on_index" ON "meetings" ("team_id","case_id","planned_on");--> statement-breakpoint
CREATE INDEX "meetings_team_id_planned_on_index" ON "meetings" ("team_id","planned_on");--> statement-breakpoint
CREATE INDEX "referrals_team_id_case_id_index" ON "referrals" ("team_id","case_id");--> statement-breakpoint
CREATE INDEX "referrals_team_id_meeting_id_index" ON "referrals" ("team_id","meeting_id");--> statement-breakpoint
CREATE INDEX "referrals_team_id_made_on_index" ON "referrals" ("team_id","made_on");--> statement-breakpoint
CREATE INDEX "audit_log_team_id_client_id_occurred_at_index" ON "audit_log" ("team_id","client_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_log_team_id_case_id_occurred_at_index" ON "audit_log" ("team_id","case_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_log_team_id_actor_id_occurred_at_index" ON "audit_log" ("team_id","actor_id","occurred_at");--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_parent_id_organisations_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_police_department_id_organisations_id_fkey" FOREIGN KEY ("police_department_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_team_id_teams_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id_organisations_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_organisation_id_organisations_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_0Lo5QSR9kHPR_fkey" FOREIGN KEY ("team_id","agreement_id","version_number") REFERENCES "agreement_versions"("team_id","agreement_id","number");--> statement-breakpoint
ALTER TABLE "agreement_team_units" ADD CONSTRAINT "agreement_team_units_organisation_id_organisations_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "agreement_team_units" ADD CONSTRAINT "agreement_team_units_cmWERYAX0Kda_fkey" FOREIGN KEY ("team_id","agreement_id","version_number","party_id") REFERENCES "agreement_parties"("team_id","agreement_id","version_number","organisation_id");--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_cV9IH4C8aO0T_fkey" FOREIGN KEY ("team_id","agreement_id") REFERENCES "agreements"("team_id","id");--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_team_id_teams_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id");--> statement-breakpoint
ALTER TABLE "fte_targets" ADD CONSTRAINT "fte_targets_uWR6aAFeIQKz_fkey" FOREIGN KEY ("team_id","agreement_id","version_number","organisation_id") REFERENCES "agreement_team_units"("team_id","agreement_id","version_number","organisation_id");--> statement-breakpoint
ALTER TABLE "joining_approvals" ADD CONSTRAINT "joining_approvals_organisation_id_organisations_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "joining_approvals" ADD CONSTRAINT "joining_approvals_EgPeNb3MvXWR_fkey" FOREIGN KEY ("team_id","decision_id") REFERENCES "joining_decisions"("team_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "joining_decisions" ADD CONSTRAINT "joining_decisions_organisation_id_organisations_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "joining_decisions" ADD CONSTRAINT "joining_decisions_0YijZWZ8CaeV_fkey" FOREIGN KEY ("team_id","agreement_id") REFERENCES "agreements"("team_id","id");--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_party_id_organisations_id_fkey" FOREIGN KEY ("party_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_team_id_agreement_id_agreements_team_id_id_fkey" FOREIGN KEY ("team_id","agreement_id") REFERENCES "agreements"("team_id","id");--> statement-breakpoint
ALTER TABLE "signatures" ADD CONSTRAINT "signatures_Hz5S6Smdzsj5_fkey" FOREIGN KEY ("team_id","agreement_id","version_number","organisation_id") REFERENCES "agreement_parties"("team_id","agreement_id","version_number","organisation_id");--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_organisation_id_organisations_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_team_id_staff_id_staff_team_id_id_fkey" FOREIGN KEY ("team_id","staff_id") REFERENCES "staff"("team_id","id");--> statement-breakpoint
ALTER TABLE "premises_access" ADD CONSTRAINT "premises_access_team_id_staff_id_staff_team_id_id_fkey" FOREIGN KEY ("team_id","staff_id") REFERENCES "staff"("team_id","id");--> statement-breakpoint
ALTER TABLE "security_clearances" ADD CONSTRAINT "security_clearances_requested_by_id_organisations_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "security_clearances" ADD CONSTRAINT "security_clearances_team_id_staff_id_staff_team_id_id_fkey" FOREIGN KEY ("team_id","staff_id") REFERENCES "staff"("team_id","id");--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_team_id_teams_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id");--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_organisation_id_organisations_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "cooperation_bodies" ADD CONSTRAINT "cooperation_bodies_team_id_teams_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id");--> statement-breakpoint
ALTER TABLE "cooperation_bodies" ADD CONSTRAINT "cooperation_bodies_chair_organisation_id_organisations_id_fkey" FOREIGN KEY ("chair_organisation_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "cooperation_bodies" ADD CONSTRAINT "cooperation_bodies_cJrV1Ig3Gkyf_fkey" FOREIGN KEY ("team_id","parent_body_id") REFERENCES "cooperation_bodies"("team_id","id");--> statement-breakpoint
ALTER TABLE "rotation_events" ADD CONSTRAINT "rotation_events_party_id_organisations_id_fkey" FOREIGN KEY ("party_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "rotation_events" ADD CONSTRAINT "rotation_events_qHc1EcSANjzA_fkey" FOREIGN KEY ("team_id","body_id") REFERENCES "cooperation_bodies"("team_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "rotation_order" ADD CONSTRAINT "rotation_order_party_id_organisations_id_fkey" FOREIGN KEY ("party_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "rotation_order" ADD CONSTRAINT "rotation_order_aJ16pGXS0Xql_fkey" FOREIGN KEY ("team_id","body_id") REFERENCES "cooperation_bodies"("team_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "seats" ADD CONSTRAINT "seats_organisation_id_organisations_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "seats" ADD CONSTRAINT "seats_team_id_body_id_cooperation_bodies_team_id_id_fkey" FOREIGN KEY ("team_id","body_id") REFERENCES "cooperation_bodies"("team_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_organisation_id_organisations_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_team_id_case_id_cases_team_id_id_fkey" FOREIGN KEY ("team_id","case_id") REFERENCES "cases"("team_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "case_organisations" ADD CONSTRAINT "case_organisations_organisation_id_organisations_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "case_organisations" ADD CONSTRAINT "case_organisations_team_id_case_id_cases_team_id_id_fkey" FOREIGN KEY ("team_id","case_id") REFERENCES "cases"("team_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_team_id_teams_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_child_welfare_notified_by_id_organisations_id_fkey" FOREIGN KEY ("child_welfare_notified_by_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_team_id_client_id_clients_team_id_id_fkey" FOREIGN KEY ("team_id","client_id") REFERENCES "clients"("team_id","id");--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_team_id_teams_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id");--> statement-breakpoint
ALTER TABLE "consent_scopes" ADD CONSTRAINT "consent_scopes_organisation_id_organisations_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "consent_scopes" ADD CONSTRAINT "consent_scopes_team_id_consent_id_consents_team_id_id_fkey" FOREIGN KEY ("team_id","consent_id") REFERENCES "consents"("team_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_team_id_case_id_cases_team_id_id_fkey" FOREIGN KEY ("team_id","case_id") REFERENCES "cases"("team_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_team_id_guardian_id_guardians_team_id_id_fkey" FOREIGN KEY ("team_id","guardian_id") REFERENCES "guardians"("team_id","id");--> statement-breakpoint
ALTER TABLE "existing_clientships" ADD CONSTRAINT "existing_clientships_organisation_id_organisations_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "existing_clientships" ADD CONSTRAINT "existing_clientships_189CNKb3wjFr_fkey" FOREIGN KEY ("responsible_worker_organisation_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "existing_clientships" ADD CONSTRAINT "existing_clientships_team_id_case_id_cases_team_id_id_fkey" FOREIGN KEY ("team_id","case_id") REFERENCES "cases"("team_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "guardians" ADD CONSTRAINT "guardians_team_id_case_id_cases_team_id_id_fkey" FOREIGN KEY ("team_id","case_id") REFERENCES "cases"("team_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "selection_decisions" ADD CONSTRAINT "selection_decisions_organisation_id_organisations_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "selection_decisions" ADD CONSTRAINT "selection_decisions_team_id_case_id_cases_team_id_id_fkey" FOREIGN KEY ("team_id","case_id") REFERENCES "cases"("team_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "selection_decisions" ADD CONSTRAINT "selection_decisions_team_id_staff_id_staff_team_id_id_fkey" FOREIGN KEY ("team_id","staff_id") REFERENCES "staff"("team_id","id");--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_organisation_id_organisations_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_Sm7mlHsbdHQL_fkey" FOREIGN KEY ("team_id","meeting_id") REFERENCES "meetings"("team_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_team_id_staff_id_staff_team_id_id_fkey" FOREIGN KEY ("team_id","staff_id") REFERENCES "staff"("team_id","id");--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_pjKrTbaEQ9hJ_fkey" FOREIGN KEY ("team_id","guardian_id") REFERENCES "guardians"("team_id","id");--> statement-breakpoint
ALTER TABLE "meeting_records" ADD CONSTRAINT "meeting_records_team_id_meeting_id_meetings_team_id_id_fkey" FOREIGN KEY ("team_id","meeting_id") REFERENCES "meetings"("team_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_team_id_case_id_cases_team_id_id_fkey" FOREIGN KEY ("team_id","case_id") REFERENCES "cases"("team_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_organisation_id_organisations_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_team_id_case_id_cases_team_id_id_fkey" FOREIGN KEY ("team_id","case_id") REFERENCES "cases"("team_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_team_id_meeting_id_meetings_team_id_id_fkey" FOREIGN KEY ("team_id","meeting_id") REFERENCES "meetings"("team_id","id");--> statement-breakpoint
ALTER TABLE "report_artifacts" ADD CONSTRAINT "report_artifacts_team_id_run_id_report_runs_team_id_id_fkey" FOREIGN KEY ("team_id","run_id") REFERENCES "report_runs"("team_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "report_runs" ADD CONSTRAINT "report_runs_team_id_teams_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id");