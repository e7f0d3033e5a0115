import { assessmentCauses, goalProgresses } from "@ankkuri/domain";
import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, primaryKey, snakeCase, text, uuid } from "drizzle-orm/pg-core";
import { caseRef } from "./cases.js";
import { day, oneOf, teamId, timestamps } from "./columns.js";
import { organisations } from "./organisations.js";
import { staff } from "./staffing.js";

const quoted = (values: readonly string[]) => sql.raw(values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", "));

/**
 * An assessment of a case (003 § 6.1: the causes of the client's problems and the actors whose work
 * solving them needs): the causes from the documented code list, the needed organisations, and the
 * goals set. Kept as written; the case screen shows the latest.
 */
export const assessments = snakeCase.table(
  "assessments",
  {
    teamId: teamId(),
    id: uuid().notNull(),
    caseId: uuid().notNull(),
    assessedOn: day().notNull(),
    assessedBy: text().notNull(),
    /** The organisation of the person who recorded it. */
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    causes: text().$type<(typeof assessmentCauses)[number]>().array().notNull(),
    neededOrganisationIds: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    caseRef(t),
    index().on(t.teamId, t.caseId, t.assessedOn),
    check(
      "assessments_causes_check",
      sql`cardinality(${t.causes}) >= 1 and ${t.causes} <@ array[${quoted(assessmentCauses)}]::text[]`,
    ),
  ],
);

/**
 * An organisation's free-text summary of an assessment: kept as notes are, readable only inside the
 * organisation that wrote it (003 § 9).
 */
export const assessmentSummaries = snakeCase.table(
  "assessment_summaries",
  {
    teamId: teamId(),
    assessmentId: uuid().notNull(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    body: text().notNull(),
    writtenBy: text().notNull(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.assessmentId, t.organisationId] }),
    foreignKey({
      name: "assessment_summaries_assessment_fkey",
      columns: [t.teamId, t.assessmentId],
      foreignColumns: [assessments.teamId, assessments.id],
    }).onDelete("cascade"),
    check("assessment_summaries_body_check", sql`length(${t.body}) between 1 and 20000`),
  ],
);

/** A goal set in an assessment, with its owner (a staff member of the team) and due day. */
export const goals = snakeCase.table(
  "goals",
  {
    teamId: teamId(),
    id: uuid().notNull(),
    caseId: uuid().notNull(),
    assessmentId: uuid().notNull(),
    description: text().notNull(),
    ownerStaffId: text().notNull(),
    dueOn: day().notNull(),
    /** Place in the assessment's list, so it reads back in the order it was given. */
    position: integer().notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    caseRef(t),
    foreignKey({
      name: "goals_assessment_fkey",
      columns: [t.teamId, t.assessmentId],
      foreignColumns: [assessments.teamId, assessments.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "goals_owner_fkey",
      columns: [t.teamId, t.ownerStaffId],
      foreignColumns: [staff.teamId, staff.id],
    }),
    index().on(t.teamId, t.caseId),
    index().on(t.teamId, t.assessmentId),
    check("goals_description_check", sql`length(${t.description}) between 1 and 1000`),
  ],
);

/** A review of a goal's progress; `met` or `not-met` ends the goal. Kept, never rewritten. */
export const goalReviews = snakeCase.table(
  "goal_reviews",
  {
    teamId: teamId(),
    id: uuid().notNull(),
    goalId: uuid().notNull(),
    reviewedOn: day().notNull(),
    progress: text().notNull().$type<(typeof goalProgresses)[number]>(),
    reviewedBy: text().notNull(),
    position: integer().notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({
      name: "goal_reviews_goal_fkey",
      columns: [t.teamId, t.goalId],
      foreignColumns: [goals.teamId, goals.id],
    }).onDelete("cascade"),
    index().on(t.teamId, t.goalId),
    index().on(t.teamId, t.reviewedOn),
    check("goal_reviews_progress_check", oneOf(t.progress, goalProgresses)),
  ],
);
