import {
  caseLinkRelations,
  caseStatuses,
  domesticViolenceRoles,
  caseTypes,
  closeReasons,
  type GuardianRelationship,
  type MembershipBasis,
  membershipBases,
  openCaseStatuses,
  noteKinds,
  professions,
  referralSources,
} from "@ankkuri/domain";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  integer,
  foreignKey,
  index,
  type PgColumn,
  primaryKey,
  snakeCase,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { day, oneOf, rowVersion, teamId, timestamps } from "./columns.js";
import { organisations } from "./organisations.js";
import { staff } from "./staffing.js";
import { teams } from "./teams.js";

/**
 * A client (young person or adult). The identity code is never stored in plain text: only its
 * authenticated encryption and a keyed hash (HMAC) for exact-match lookup and duplicate detection.
 */
export const clients = snakeCase.table(
  "clients",
  {
    teamId: teamId().references(() => teams.id),
    id: uuid().notNull(),
    /** `v1.<keyId>.<iv>.<tag>.<ciphertext>` (AES-256-GCM, base64url); null when the client has no Finnish identity code. */
    identityCodeCiphertext: text(),
    /** HMAC-SHA-256 of the identity code under the lookup key, hex. */
    identityCodeHmac: text(),
    birthDate: day().notNull(),
    givenName: text().notNull(),
    familyName: text().notNull(),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    // One record per person: a returning client's cases share it (and the one-open-case index below
    // rests on it). Two referrals of a new person at once cannot make two records: the second waits
    // for the first and is refused, then retried. A referrer's own spelling of the names is kept on
    // the referral (`referral_events`), never written over the record.
    uniqueIndex("clients_identity_hmac_unique").on(t.teamId, t.identityCodeHmac),
    check("clients_identity_pair_check", sql`(${t.identityCodeCiphertext} is null) = (${t.identityCodeHmac} is null)`),
    check(
      "clients_identity_format_check",
      sql`${t.identityCodeCiphertext} is null or ${t.identityCodeCiphertext} like 'v1.%'`,
    ),
  ],
);

/** A client case and its lifecycle; the columns of each status are enforced as in the domain's invariants. */
export const cases = snakeCase.table(
  "cases",
  {
    teamId: teamId().references(() => teams.id),
    id: uuid().notNull(),
    clientId: uuid().notNull(),
    type: text().notNull().$type<(typeof caseTypes)[number]>(),
    status: text().notNull().$type<(typeof caseStatuses)[number]>(),
    referredOn: day().notNull(),
    referralSource: text().notNull().$type<(typeof referralSources)[number]>(),
    /** The referring person's organisation: it may see the case from the referral on. */
    referredByOrganisationId: text().references(() => organisations.id),
    selectionStartedOn: day(),
    decidedOn: day(),
    activatedOn: day(),
    closedOn: day(),
    closeReason: text().$type<(typeof closeReasons)[number]>(),
    childWelfareNotifiedOn: day(),
    childWelfareNotifiedById: text().references(() => organisations.id),
    /** A returning client's new case names their latest ended case (`decideReferral`). */
    previousCaseId: uuid(),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ columns: [t.teamId, t.clientId], foreignColumns: [clients.teamId, clients.id] }),
    // The migration makes it `on delete set null (previous_case_id)`: retention may delete the
    // earlier case first, and the team id is part of the key.
    foreignKey({
      name: "cases_previous_case_fkey",
      columns: [t.teamId, t.previousCaseId],
      foreignColumns: [t.teamId, t.id],
    }),
    check("cases_previous_case_check", sql`${t.previousCaseId} <> ${t.id}`),
    // Never two open cases for one client in a team: a second referral joins the open case.
    uniqueIndex("cases_one_open_case_per_client")
      .on(t.teamId, t.clientId)
      .where(sql`${t.status} in (${sql.raw(openCaseStatuses.map((s) => `'${s}'`).join(", "))})`),
    index().on(t.teamId, t.clientId),
    // The case list's order (`referred_on desc, id desc`) with the key that breaks its ties: a page
    // is a range scan from its keyset, with or without one status.
    index().on(t.teamId, t.status, t.referredOn, t.id),
    index().on(t.teamId, t.referredOn, t.id),
    check("cases_type_check", oneOf(t.type, caseTypes)),
    check("cases_status_check", oneOf(t.status, caseStatuses)),
    check("cases_referral_source_check", oneOf(t.referralSource, referralSources)),
    check("cases_close_reason_check", sql`${t.closeReason} is null or ${oneOf(t.closeReason, closeReasons)}`),
    check(
      "cases_status_fields_check",
      sql`(${t.status} = 'referred') = (${t.selectionStartedOn} is null)
        and (${t.status} in ('admitted', 'declined', 'active', 'closed')) = (${t.decidedOn} is not null)
        and (${t.status} <> 'active' or ${t.activatedOn} is not null)
        and (${t.status} in ('active', 'closed') or ${t.activatedOn} is null)
        and (${t.status} = 'closed') = (${t.closedOn} is not null and ${t.closeReason} is not null)`,
    ),
    check(
      "cases_dates_check",
      sql`${t.selectionStartedOn} >= ${t.referredOn} and ${t.decidedOn} >= ${t.selectionStartedOn}
        and ${t.activatedOn} >= ${t.decidedOn} and ${t.closedOn} >= coalesce(${t.activatedOn}, ${t.decidedOn})`,
    ),
    check(
      "cases_child_welfare_check",
      sql`(${t.childWelfareNotifiedOn} is null) = (${t.childWelfareNotifiedById} is null)`,
    ),
  ],
);

const caseKey = { teamId: teamId(), caseId: uuid().notNull() };
/** Rows of a case go with it: a case is deleted only by retention, and then entirely. */
export const caseRef = (t: { teamId: PgColumn; caseId: PgColumn }) =>
  foreignKey({ columns: [t.teamId, t.caseId], foreignColumns: [cases.teamId, cases.id] }).onDelete("cascade");

/**
 * A later referral of a case's client to the team (003 § 4.2), made while the case was open: the case
 * keeps its first referral in its own columns, and each later one is an event here, with the names
 * as the referrer gave them. Seen by those who see the case.
 */
export const referralEvents = snakeCase.table(
  "referral_events",
  {
    ...caseKey,
    id: uuid().notNull(),
    referredOn: day().notNull(),
    referralSource: text().notNull().$type<(typeof referralSources)[number]>(),
    referredByOrganisationId: text()
      .notNull()
      .references(() => organisations.id),
    givenName: text().notNull(),
    familyName: text().notNull(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    caseRef(t),
    index().on(t.teamId, t.caseId, t.referredOn),
    check("referral_events_source_check", oneOf(t.referralSource, referralSources)),
  ],
);

/** A guardian (huoltaja) of the client in a case. */
export const guardians = snakeCase.table(
  "guardians",
  {
    ...caseKey,
    id: uuid().notNull(),
    givenName: text().notNull(),
    familyName: text().notNull(),
    relationship: text().notNull().$type<GuardianRelationship>(),
    hasCustody: boolean().notNull().default(true),
    ...timestamps(),
    /** Place in the case aggregate's list, so it reads back in the order it was recorded. */
    position: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    caseRef(t),
    index().on(t.teamId, t.caseId),
    check("guardians_relationship_check", sql`${t.relationship} in ('parent', 'legal-guardian', 'other')`),
  ],
);

/** An existing client relationship with another organisation and its responsible social worker. */
export const existingClientships = snakeCase.table(
  "existing_clientships",
  {
    ...caseKey,
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    since: day(),
    responsibleWorkerName: text(),
    responsibleWorkerStaffId: text(),
    responsibleWorkerOrganisationId: text().references(() => organisations.id),
    /** The day the team recorded it: the organisation's access rests on it from then. */
    recordedOn: day(),
    /** The day it ended (not in force from then): the organisation's access ends the day before. */
    endedOn: day(),
    ...timestamps(),
    /** Place in the case aggregate's list, so it reads back in the order it was recorded. */
    position: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.caseId, t.organisationId] }),
    caseRef(t),
    check(
      "existing_clientships_worker_check",
      sql`(${t.responsibleWorkerName} is null) = (${t.responsibleWorkerOrganisationId} is null)`,
    ),
    // A relationship does not end before it was recorded (the domain's `clientshipEndRefusals`).
    check(
      "existing_clientships_ended_check",
      sql`${t.endedOn} is null or ${t.recordedOn} is null or ${t.endedOn} >= ${t.recordedOn}`,
    ),
  ],
);

/**
 * Every organisation's access to a case, on its basis, for an interval: the need-to-know grant
 * (DOMAIN § 5, 003 § 9). Derived from the case by the domain (`caseMemberships`) and rewritten with
 * every change to the case, so access ends when what it rests on ends. A person sees a case's client
 * data on a day only when a membership of their organisation is in force that day.
 */
export const caseMemberships = snakeCase.table(
  "case_memberships",
  {
    ...caseKey,
    id: uuid().notNull(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    basis: text().notNull().$type<MembershipBasis>(),
    /** The meeting whose seat it rests on. */
    meetingId: uuid(),
    /** The consents it rests on: it ends when the first of them ends. */
    consentIds: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    validFrom: day().notNull(),
    validTo: day(),
    /**
     * The case's `referred_on`, kept here by the trigger `case_memberships_case_list_columns` (the
     * default only lets writers leave it out): the case list walks an organisation's memberships in
     * the list's order (`case_memberships_case_list_index`), so a page reads its own rows and no more.
     */
    caseReferredOn: day()
      .notNull()
      .default(sql`'infinity'`),
    /**
     * The case's `status`, kept here by the same trigger and followed when the case's status changes
     * (the default only lets writers leave it out): a status filter of the case list is then a range
     * of `case_memberships_case_list_status_index`, not a probe of every case the scan passes.
     */
    caseStatus: text().notNull().default(""),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    caseRef(t),
    index().on(t.teamId, t.organisationId, t.caseId),
    // Need-to-know in the case list's order; the validity columns let the scan skip the heap.
    index("case_memberships_case_list_index").on(
      t.teamId,
      t.organisationId,
      t.caseReferredOn,
      t.caseId,
      t.validFrom,
      t.validTo,
    ),
    // The same under a status filter: one backward scan per status, each in the list's order.
    index("case_memberships_case_list_status_index").on(
      t.teamId,
      t.organisationId,
      t.caseStatus,
      t.caseReferredOn,
      t.caseId,
      t.validFrom,
      t.validTo,
    ),
    index().on(t.teamId, t.caseId),
    check("case_memberships_basis_check", oneOf(t.basis, membershipBases)),
    check("case_memberships_interval_check", sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

/**
 * Cases linked on the server side. `same-client`: a client referred again, recognised by their
 * identity code; the link is shown only to those who may see the case it leads to, and the earlier
 * case's members learn that the client came back.
 */
export const caseLinks = snakeCase.table(
  "case_links",
  {
    teamId: teamId(),
    caseId: uuid().notNull(),
    linkedCaseId: uuid().notNull(),
    relation: text().notNull().$type<"same-client">(),
    linkedOn: day().notNull(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.caseId, t.linkedCaseId, t.relation] }),
    caseRef(t),
    foreignKey({ columns: [t.teamId, t.linkedCaseId], foreignColumns: [cases.teamId, cases.id] }).onDelete("cascade"),
    index().on(t.teamId, t.linkedCaseId),
    check("case_links_relation_check", sql`${t.relation} in ('same-client')`),
  ],
);

/**
 * Cases of one family joined by a relation (`caseLinkRelations`: siblings, one household, the parties
 * of domestic violence), made by a caseworker who sees all of them in full. Ending a link keeps it
 * (`unlinkedOn`): who linked what stays on record. Shown to a reader only with the linked cases they
 * may see (`linkShownTo`).
 */
export const caseLinkGroups = snakeCase.table(
  "case_link_groups",
  {
    teamId: teamId().references(() => teams.id),
    id: uuid().notNull(),
    relation: text().notNull().$type<(typeof caseLinkRelations)[number]>(),
    linkedOn: day().notNull(),
    linkedBy: text().notNull(),
    unlinkedOn: day(),
    unlinkedBy: text(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    check("case_link_groups_relation_check", oneOf(t.relation, caseLinkRelations)),
    check("case_link_groups_unlinked_check", sql`(${t.unlinkedOn} is null) = (${t.unlinkedBy} is null)`),
    check("case_link_groups_dates_check", sql`${t.unlinkedOn} is null or ${t.unlinkedOn} >= ${t.linkedOn}`),
  ],
);

/** The cases of a link, each with its role in a domestic-violence link. */
export const caseLinkGroupCases = snakeCase.table(
  "case_link_group_cases",
  {
    ...caseKey,
    linkId: uuid().notNull(),
    role: text().$type<(typeof domesticViolenceRoles)[number]>(),
    /** Place in the link's list, so it reads back in the order it was given. */
    position: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.linkId, t.caseId] }),
    caseRef(t),
    foreignKey({
      name: "case_link_group_cases_link_fkey",
      columns: [t.teamId, t.linkId],
      foreignColumns: [caseLinkGroups.teamId, caseLinkGroups.id],
    }).onDelete("cascade"),
    index().on(t.teamId, t.caseId),
    check("case_link_group_cases_role_check", sql`${t.role} is null or ${oneOf(t.role, domesticViolenceRoles)}`),
  ],
);

/** One selection participant's decision (003 § 4.2). */
export const selectionDecisions = snakeCase.table(
  "selection_decisions",
  {
    ...caseKey,
    staffId: text().notNull(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    profession: text().notNull().$type<(typeof professions)[number]>(),
    decision: text().notNull().$type<"admit" | "decline">(),
    decidedOn: day().notNull(),
    /** Place in the case aggregate's list, so it reads back in the order it was recorded. */
    position: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.caseId, t.staffId] }),
    caseRef(t),
    foreignKey({ columns: [t.teamId, t.staffId], foreignColumns: [staff.teamId, staff.id] }),
    check("selection_decisions_decision_check", sql`${t.decision} in ('admit', 'decline')`),
    check("selection_decisions_profession_check", oneOf(t.profession, professions)),
  ],
);

/** A consent by the client or a guardian to invite organisations outside the core team. */
export const consents = snakeCase.table(
  "consents",
  {
    ...caseKey,
    id: uuid().notNull(),
    giverKind: text().notNull().$type<"client" | "guardian">(),
    guardianId: uuid(),
    givenOn: day().notNull(),
    validUntil: day(),
    /** The withdrawal in effect (the last entry of `consent_withdrawals`), kept here for queries. */
    withdrawnOn: day(),
    form: text().notNull().$type<"written" | "oral" | "electronic">(),
    recordedBy: text().notNull(),
    version: rowVersion(),
    ...timestamps(),
    /** Place in the case aggregate's list, so it reads back in the order it was recorded. */
    position: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    caseRef(t),
    foreignKey({ columns: [t.teamId, t.guardianId], foreignColumns: [guardians.teamId, guardians.id] }),
    index().on(t.teamId, t.caseId),
    index().on(t.teamId, t.guardianId),
    check(
      "consents_giver_check",
      sql`${t.giverKind} in ('client', 'guardian') and (${t.giverKind} = 'guardian') = (${t.guardianId} is not null)`,
    ),
    check("consents_form_check", sql`${t.form} in ('written', 'oral', 'electronic')`),
    check(
      "consents_dates_check",
      sql`(${t.withdrawnOn} is null or ${t.withdrawnOn} >= ${t.givenOn}) and (${t.validUntil} is null or ${t.validUntil} >= ${t.givenOn})`,
    ),
  ],
);

/**
 * A consent's withdrawals, kept as entries: a mistaken one is corrected by a later entry naming it,
 * never overwritten (a trigger refuses updates).
 */
export const consentWithdrawals = snakeCase.table(
  "consent_withdrawals",
  {
    teamId: teamId(),
    id: uuid().notNull(),
    consentId: uuid().notNull(),
    /** The day the consent ends; null in a correction that annuls the withdrawal. */
    withdrawnOn: day(),
    recordedOn: day().notNull(),
    recordedBy: text().notNull(),
    corrects: uuid(),
    reason: text(),
    position: integer().notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ columns: [t.teamId, t.consentId], foreignColumns: [consents.teamId, consents.id] }).onDelete(
      "cascade",
    ),
    index().on(t.teamId, t.consentId),
    check("consent_withdrawals_correction_check", sql`(${t.corrects} is null) = (${t.reason} is null)`),
  ],
);

/** The organisations a consent covers. */
export const consentScopes = snakeCase.table(
  "consent_scopes",
  {
    teamId: teamId(),
    consentId: uuid().notNull(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    /** Place in the case aggregate's list, so it reads back in the order it was recorded. */
    position: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.consentId, t.organisationId] }),
    foreignKey({ columns: [t.teamId, t.consentId], foreignColumns: [consents.teamId, consents.id] }).onDelete(
      "cascade",
    ),
  ],
);

/**
 * A note on a case. Confidential details (police investigation, health) stay inside the originating
 * organisation (003 § 9): only its people may read a note, whatever else they may see of the case.
 */
export const caseNotes = snakeCase.table(
  "case_notes",
  {
    teamId: teamId(),
    id: uuid().notNull(),
    caseId: uuid().notNull(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    kind: text().notNull().$type<(typeof noteKinds)[number]>(),
    writtenOn: day().notNull(),
    writtenBy: text().notNull(),
    body: text().notNull(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    caseRef(t),
    index().on(t.teamId, t.caseId, t.organisationId),
    check("case_notes_kind_check", oneOf(t.kind, noteKinds)),
    check("case_notes_body_check", sql`length(${t.body}) between 1 and 20000`),
  ],
);
