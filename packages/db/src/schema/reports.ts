import { type ReportLanguage, reportLanguages } from "@ankkuri/domain";
import { sql } from "drizzle-orm";
import {
  bytea,
  check,
  foreignKey,
  integer,
  jsonb,
  primaryKey,
  snakeCase,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { day, oneOf, teamId } from "./columns.js";
import { teams } from "./teams.js";

export const reportTypes = ["annual", "party", "monthly"] as const;
export type ReportType = (typeof reportTypes)[number];
export const reportRunStatuses = ["queued", "running", "completed", "failed"] as const;
export const reportFormats = ["json", "csv", "pdf", "xlsx"] as const;
export type ReportFormat = (typeof reportFormats)[number];
/** The languages a report's PDF is set in (with English subtitles); the other formats carry every language. */
export { type ReportLanguage, reportLanguages } from "@ankkuri/domain";

/**
 * A requested report. The same type, period, scope and language is produced once: the unique key makes
 * a second request find the existing run.
 */
export const reportRuns = snakeCase.table(
  "report_runs",
  {
    teamId: teamId().references(() => teams.id),
    id: uuid().notNull(),
    type: text().notNull().$type<ReportType>(),
    periodFrom: day().notNull(),
    periodTo: day().notNull(),
    /** The party a party report is limited to; '' for team-wide reports (so the unique key works). */
    scope: text().notNull().default(""),
    /** The language the PDF is set in: a Swedish request for the same period is a run of its own. */
    language: text().notNull().default("fi").$type<ReportLanguage>(),
    status: text().notNull().default("queued").$type<(typeof reportRunStatuses)[number]>(),
    progress: integer().notNull().default(0),
    stage: text().notNull().default("queued"),
    error: text(),
    attempts: integer().notNull().default(0),
    requestedBy: text().notNull(),
    requestedAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true, mode: "date" }),
    finishedAt: timestamp({ withTimezone: true, mode: "date" }),
    jobId: text(),
    summary: jsonb(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    unique("report_runs_once").on(t.teamId, t.type, t.periodFrom, t.periodTo, t.scope, t.language),
    check("report_runs_type_check", oneOf(t.type, reportTypes)),
    check("report_runs_language_check", oneOf(t.language, reportLanguages)),
    check("report_runs_status_check", oneOf(t.status, reportRunStatuses)),
    check("report_runs_progress_check", sql`${t.progress} between 0 and 100`),
    check("report_runs_period_check", sql`${t.periodTo} >= ${t.periodFrom}`),
  ],
);

/** A produced report file, with its SHA-256 checksum. */
export const reportArtifacts = snakeCase.table(
  "report_artifacts",
  {
    teamId: teamId(),
    runId: uuid().notNull(),
    format: text().notNull().$type<ReportFormat>(),
    contentType: text().notNull(),
    content: bytea().notNull(),
    sha256: text().notNull(),
    byteSize: integer().notNull(),
    schemaVersion: text().notNull(),
    createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.runId, t.format] }),
    foreignKey({ columns: [t.teamId, t.runId], foreignColumns: [reportRuns.teamId, reportRuns.id] }).onDelete(
      "cascade",
    ),
    check("report_artifacts_format_check", oneOf(t.format, reportFormats)),
    check("report_artifacts_sha_check", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);
