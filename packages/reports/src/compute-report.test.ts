import { type Executor, generateKeySettings, parseKeyMaterial, schema } from "@ankkuri/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@ankkuri/db/testing";
import { helsinkiOrganisationIds as org, referralStatuses } from "@ankkuri/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeReport, resolveScope } from "./compute-report.js";
import { ReportError } from "./errors.js";
import { ageBandsTable } from "./figures/age-bands.js";
import { caseFlowTable } from "./figures/case-flow.js";
import { casesOverTimeTable } from "./figures/cases-over-time.js";
import { consentsTable } from "./figures/consents.js";
import { meetingsTable } from "./figures/meetings.js";
import { caseRuleContext, countCaseRuleViolations } from "./figures/case-rule-counts.js";
import { caseViolationsTable, countCaseViolations } from "./figures/open-violations.js";
import { participationTable } from "./figures/participation.js";
import { referralSourcesTable } from "./figures/referral-sources.js";
import { serviceReferralsTable } from "./figures/service-referrals.js";
import { fixtureTeamId, loadReportFixture } from "./testing/report-dataset.js";
import { type Cell, type CountTable, hasPreviousYear, type ReportDocument, tableIds } from "./report-document.js";
import type { ReportRequest } from "./report-request.js";
import type { RawTable } from "./tables.js";

// Every figure below was counted by hand from the thirteen cases of report-dataset.fixture.ts
// (C1 … C13). "A" is the agreement year 2025-05-01..2026-04-30.

const agreementYear = { from: "2025-05-01", to: "2026-04-30" };
const september = { from: "2025-09-01", to: "2025-09-30" };
const generatedAt = new Date("2026-05-08T04:00:00Z");
const request = (
  type: ReportRequest["type"],
  period: ReportRequest["period"],
  scope: string | null = null,
): ReportRequest => ({ teamId: fixtureTeamId, type, period, scope, requestedBy: "kari.nurmi" });

/** A raw table's numbers by row key. */
const numbers = (table: RawTable) => Object.fromEntries(table.rows.map((r) => [r.key, r.values]));

/** A published table's figures: row values (with the row total), the totals, the hidden entries. */
function published(table: CountTable) {
  return {
    rows: Object.fromEntries(
      table.rows.map((r) => [r.key, r.total === null ? r.values : { ...r.values, total: r.total }]),
    ),
    totals:
      table.totals === null
        ? null
        : table.totals.total === null
          ? table.totals.values
          : { ...table.totals.values, total: table.totals.total },
    suppressed: table.suppressed.map((s) => `${s.row}/${s.column}: ${s.reason}`),
  };
}

/** A row of the referrals table: the statuses given, every other status 0. */
const statuses = (given: Partial<Record<(typeof referralStatuses)[number], Cell>>): Record<string, Cell> =>
  Object.fromEntries(referralStatuses.map((s) => [s, given[s] ?? 0]));
/** The referrals table's rows, the services not named all zero. */
function referralRows(given: Record<string, Record<string, Cell>>): Record<string, Record<string, Cell>> {
  const services = [
    "child-welfare",
    "family-support",
    "mental-health",
    "substance-abuse",
    "youth-work",
    "education-support",
    "employment",
    "housing",
    "leisure-activity",
    "victim-support",
    "domestic-violence-support",
    "mediation",
    "other",
  ];
  return Object.fromEntries(services.map((s) => [s, given[s] ?? { ...statuses({}), total: 0 }]));
}

const sotepe = {
  fi: "Sosiaali-, terveys- ja pelastustoimiala",
  sv: "Social-, hälsovårds- och räddningssektorn",
  en: "Social Services, Health Care and Rescue Services Division",
};
const kuva = {
  fi: "Kulttuurin ja vapaa-ajan toimiala",
  sv: "Kultur- och fritidssektorn",
  en: "Culture and Leisure Division",
};
const police = { fi: "Helsingin poliisilaitos", sv: "Helsingfors polisinrättning", en: "Helsinki Police Department" };
const youthUnit = {
  organisationId: org.youthServices,
  name: { fi: "Nuorisopalvelut", sv: "Ungdomstjänster", en: "Youth Services" },
  partyId: org.kuva,
  profession: "youth-worker",
};
const chairOfA = {
  bodyId: "body-hel-ankkuri-steering",
  bodyName: { fi: "Ankkurin ohjausryhmä", sv: "Ankkuris styrgrupp", en: "Ankkuri steering group" },
  // 003 § 6.2 rotation from 1 May 2024 in party order: police 2024–25, Sotepe 2025–26, Kuva 2026–27.
  terms: [{ from: "2025-05-01", to: "2026-04-30", chairId: org.sotepe, chairName: sotepe, override: false }],
  next: { from: "2026-05-01", to: "2027-04-30", chairId: org.kuva, chairName: kuva, override: false },
};
const definitions = (asOf: string) => ({
  ageReference: "referral",
  ageBands: [
    { code: "under-15", minAge: 0, maxAge: 14 },
    { code: "15-17", minAge: 15, maxAge: 17 },
    { code: "18-plus", minAge: 18, maxAge: null },
  ],
  recordingGraceDays: 7,
  violationsAsOf: asOf,
});
// Kuva's named 4.0 FTE reserves 2.0 for Ankkuri; four youth workers at 0.5, one of them only until
// 2025-10-31 (the fixture ends it): over A (365 days) 1.5 + 0.5 × 184 / 365 = 1.752 (rounded).
const kuvaFteOfA = { target: 2, realised: 1.752, difference: -0.248 };
// On A's last day Kuva has 1.5 of its 2.0: the only staffing finding.
const kuvaShortfall = [
  {
    code: "STAFFING.TARGET_SHORTFALL",
    name: {
      fi: "Yksikön henkilötyövuodet jäävät tavoitteesta",
      sv: "Enhetens årsverken understiger målet",
      en: "A unit's FTE falls short of its target",
    },
    area: "staffing",
    severity: "warning",
    count: 1,
  },
];

describe.each(testEngines)("report figures on %s", (engine) => {
  let database: TestDatabase;
  let db: Executor;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    db = database.db;
    await loadReportFixture(database.db, parseKeyMaterial(generateKeySettings()));
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("counts every figure of the agreement year (before suppression)", async () => {
    const { dataset, scope } = await resolveScope(db, request("annual", agreementYear));
    const index = new Map(dataset.organisations.map((o) => [o.id, o]));
    expect(numbers(await caseFlowTable(db, scope))).toEqual({
      // new = referred in A: C2, C3, C7, C8 | C4, C5 | C6, C9, C13.
      // active = activated by 2026-04-30 and not closed before 2025-05-01: C1, C2, C3, C7, C8, C12 | C4, C5 | C9
      //   (C6 declined and C13 closed unactivated were never active; C11 closed 2025-03-31).
      // closed in A: C1 (2025-06-30), C3 (2025-12-15) | – | C13 (2025-08-20).
      "youth-crime": [4, 6, 2],
      "domestic-violence": [2, 2, 0],
      "multi-professional": [3, 1, 1],
    });
    expect(numbers(await ageBandsTable(db, scope))).toEqual({
      // Age at referral: C2 13, C4 11, C7 12 (birthday 30 Nov still ahead), C9 13 (birthday that day).
      "under-15": [4],
      // C3 16, C5 17, C8 15 (turns 16 five days after referral).
      "15-17": [3],
      // C6 20, C13 35.
      "18-plus": [2],
    });
    expect(numbers(await referralSourcesTable(db, scope))).toEqual({
      "police": [3], // C2, C5, C7
      "child-welfare": [1], // C4
      "social-emergency": [0],
      "school": [1], // C3
      "health-care": [1], // C8
      "youth-services": [0],
      "family": [1], // C9
      "self": [1], // C6
      "other": [1], // C13
    });
    expect(numbers(await casesOverTimeTable(db, scope))).toEqual({
      "2025-05": [1], // C2
      "2025-06": [1], // C3
      "2025-07": [1], // C4
      "2025-08": [1], // C13
      "2025-09": [2], // C5, C6
      "2025-10": [0],
      "2025-11": [1], // C7
      "2025-12": [0],
      "2026-01": [1], // C8
      "2026-02": [0],
      "2026-03": [1], // C9
      "2026-04": [0],
    });
    expect(numbers(await meetingsTable(db, scope))).toEqual({
      // Held in A, recorded within 7 days: C1 05-15, C2 05-20, C3 06-25, C7 11-15, C8 02-01, C12 05-02;
      // unrecorded: C2 09-10 (recorded 20 days late), C3 09-15 (never), C8 04-25 (not yet).
      "youth-crime": [6, 3],
      // C4 07-10 (in the client record only: still recorded), C5 09-12.
      "domestic-violence": [2, 0],
      // C9 03-10.
      "multi-professional": [1, 0],
    });
    expect(numbers(await participationTable(db, scope, index, () => null))).toEqual({
      // Meetings attended in A and their distinct cases, in the Finnish order of the units' names.
      [org.childWelfare]: [1, 1], // C4 (the responsible social worker)
      [org.youthServices]: [7, 6], // C1, C2 (Sep), C3 ×2, C7, C9, C12
      [org.psychiatry]: [3, 3], // C2 (May), C4, C12
      [org.socialEmergency]: [8, 6], // C2 (May), C3 ×2, C4, C5, C8 ×2, C12
      [org.policePrevention]: [10, 8], // C1, C2 ×2, C3, C4, C5, C7, C8 ×2, C12
    });
    const referrals = numbers(await serviceReferralsTable(db, scope));
    // Made in A, by current status: C1 youth work started, C2 family support made, C3 leisure completed,
    // C4 domestic violence support declined, C5 mental health accepted, C8 education support proposed,
    // C12 substance abuse cancelled. Every other cell is 0.
    const one = (status: (typeof referralStatuses)[number]) => referralStatuses.map((s) => (s === status ? 1 : 0));
    expect(referrals).toEqual({
      "child-welfare": one("completed").map(() => 0),
      "family-support": one("made"),
      "mental-health": one("accepted"),
      "substance-abuse": one("cancelled"),
      "youth-work": one("started"),
      "education-support": one("proposed"),
      "employment": one("made").map(() => 0),
      "housing": one("made").map(() => 0),
      "leisure-activity": one("completed"),
      "victim-support": one("made").map(() => 0),
      "domestic-violence-support": one("declined"),
      "mediation": one("made").map(() => 0),
      "other": one("made").map(() => 0),
    });
    expect(numbers(await consentsTable(db, scope))).toEqual({
      // Given in A by the client: C2, C3; withdrawn: C3 (2025-10-01). (C12's client consent predates A.)
      client: [2, 1],
      // Given by a guardian: C2, C4, C5; withdrawn: C12 (2025-05-10).
      guardian: [3, 1],
    });
    const counts = await countCaseRuleViolations(db, scope, caseRuleContext(dataset, scope.period.to));
    // The reference check reads the cases and runs `checkCase` on each; case-rule-counts.test.ts holds the two together.
    expect(await countCaseViolations(db, scope, dataset, { batchSize: 4 })).toEqual(counts);
    expect(numbers(caseViolationsTable(counts))).toEqual({
      // Open on 2026-04-30 among the cases referred by then (all but C10):
      "CASE.CHILD_WELFARE_NOTIFICATION_MISSING": [1], // C7: a minor referred by the police
      "CASE.COMPOSITION_SINGLE_PROFESSION": [1], // C9: youth services alone
      "CASE.MEETING_UNRECORDED": [1], // C3 2025-09-15 (C8's 04-25 is within its 7 days)
      "CASE.PLANNED_MEETING_OVERDUE": [1], // C7 2026-04-10
      "CASE.RECORD_INCOMPLETE": [1], // C4: client record only
    });
  });

  it("publishes the annual evaluation with small cells suppressed", async () => {
    const progress: string[] = [];
    const doc = await computeReport(
      db,
      request("annual", agreementYear),
      (p) => void progress.push(`${String(p.percent)} ${p.stage}`),
      { generatedAt },
    );
    const { tables, ...rest } = doc;
    expect(rest).toEqual({
      schemaVersion: "2.3",
      type: "annual",
      title: {
        fi: "Ankkuri-toiminnan vuosiarviointi",
        sv: "Årsutvärdering av Ankkuri-verksamheten",
        en: "Annual evaluation of Ankkuri work",
      },
      team: {
        id: "team-helsinki",
        code: "helsinki",
        name: { fi: "Ankkuri Helsinki", sv: "Ankkuri Helsingfors", en: "Ankkuri Helsinki" },
      },
      period: { from: "2025-05-01", to: "2026-04-30", days: 365 },
      scope: null,
      generatedAt: "2026-05-08T04:00:00.000Z",
      definitions: definitions("2026-04-30"),
      suppression: { applied: true, threshold: 5, primaryLabel: "<5", secondaryLabel: "x" },
      // As the tables publish them: new and active 9 each; closed 3 is a hidden total; 12 meetings;
      // the 7 referrals' total is hidden to protect the single referrals.
      headline: { newCases: 9, activeCases: 9, closedCases: "x", meetingsHeld: 12, serviceReferrals: "x", goalsMet: 0 },
      // The year before holds only a few cases and meetings: their totals are hidden as small.
      previous: {
        period: { from: "2024-05-01", to: "2025-04-30" },
        headline: { newCases: "x", activeCases: "x", closedCases: "x", meetingsHeld: "x", serviceReferrals: 0 },
      },
      chart: {
        tableId: "casesOverTime",
        unit: "month",
        title: {
          fi: "Uudet asiakkuudet kuukausittain",
          sv: "Nya klientskap per månad",
          en: "New cases per month",
        },
      },
      staffing: {
        units: [
          // Targets of 003 § 5 over the whole year; the seed's staff meet them, but Kuva from November.
          {
            organisationId: org.policePrevention,
            name: {
              fi: "Valvonta ja ennalta estävä toiminto",
              sv: "Övervakning och förebyggande verksamhet",
              en: "Surveillance and Preventive Policing",
            },
            partyId: org.police,
            profession: "police-officer",
            target: 5,
            named: null,
            realised: 5,
            difference: 0,
            headcount: 5,
          },
          {
            organisationId: org.socialEmergency,
            name: {
              fi: "Sosiaali- ja kriisipäivystys",
              sv: "Social- och krisjouren",
              en: "Social and Crisis Emergency Services",
            },
            partyId: org.sotepe,
            profession: "social-worker",
            target: 2.5,
            named: null,
            realised: 2.5,
            difference: 0,
            headcount: 3,
          },
          {
            organisationId: org.psychiatry,
            name: { fi: "Psykiatria", sv: "Psykiatri", en: "Psychiatry" },
            partyId: org.sotepe,
            profession: "psychiatric-nurse",
            target: 1,
            named: null,
            realised: 1,
            difference: 0,
            headcount: 1,
          },
          { ...youthUnit, ...kuvaFteOfA, named: 4, headcount: 4 },
        ],
        parties: [
          { partyId: org.police, name: police, target: 5, realised: 5, difference: 0 },
          { partyId: org.sotepe, name: sotepe, target: 3.5, realised: 3.5, difference: 0 },
          { partyId: org.kuva, name: kuva, ...kuvaFteOfA },
        ],
      },
      chair: chairOfA,
      leadershipDecisions: [],
      consultations: [
        { partyId: org.police, name: police, count: 0 },
        { partyId: org.sotepe, name: sotepe, count: 0 },
        { partyId: org.kuva, name: kuva, count: 0 },
      ],
      organisationViolations: kuvaShortfall,
    });
    expect(published(tables.casesByType)).toEqual({
      // The new column's cells 4, 2, 3 are all small; the total 9 is printed and each of them can still
      // be 1–4. Active: 2 and 1 are small (their sum 3 is known; each could be 1 or 2). Closed: 2 and 1,
      // and their total 3 is itself small, so it is hidden (as "x": a hidden total never shows its size).
      rows: {
        "youth-crime": { new: "<5", active: 6, closed: "<5" },
        "domestic-violence": { new: "<5", active: "<5", closed: 0 },
        "multi-professional": { new: "<5", active: "<5", closed: "<5" },
      },
      totals: { new: 9, active: 9, closed: "x" },
      suppressed: [
        "youth-crime/new: primary",
        "youth-crime/closed: primary",
        "domestic-violence/new: primary",
        "domestic-violence/active: primary",
        "multi-professional/new: primary",
        "multi-professional/active: primary",
        "multi-professional/closed: primary",
        "total/closed: total",
      ],
    });
    expect(published(tables.ageBands)).toEqual({
      rows: { "under-15": { new: "<5" }, "15-17": { new: "<5" }, "18-plus": { new: "<5" } },
      totals: { new: 9 },
      suppressed: ["under-15/new: primary", "15-17/new: primary", "18-plus/new: primary"],
    });
    expect(published(tables.referralSources)).toEqual({
      rows: {
        "police": { new: "<5" },
        "child-welfare": { new: "<5" },
        "social-emergency": { new: 0 },
        "school": { new: "<5" },
        "health-care": { new: "<5" },
        "youth-services": { new: 0 },
        "family": { new: "<5" },
        "self": { new: "<5" },
        "other": { new: "<5" },
      },
      totals: { new: 9 },
      suppressed: [
        "police/new: primary",
        "child-welfare/new: primary",
        "school/new: primary",
        "health-care/new: primary",
        "family/new: primary",
        "self/new: primary",
        "other/new: primary",
      ],
    });
    expect(published(tables.casesOverTime)).toEqual({
      rows: {
        "2025-05": { new: "<5" },
        "2025-06": { new: "<5" },
        "2025-07": { new: "<5" },
        "2025-08": { new: "<5" },
        "2025-09": { new: "<5" },
        "2025-10": { new: 0 },
        "2025-11": { new: "<5" },
        "2025-12": { new: 0 },
        "2026-01": { new: "<5" },
        "2026-02": { new: 0 },
        "2026-03": { new: "<5" },
        "2026-04": { new: 0 },
      },
      totals: { new: 9 },
      suppressed: [
        "2025-05/new: primary",
        "2025-06/new: primary",
        "2025-07/new: primary",
        "2025-08/new: primary",
        "2025-09/new: primary",
        "2025-11/new: primary",
        "2026-01/new: primary",
        "2026-03/new: primary",
      ],
    });
    expect(published(tables.meetings)).toEqual({
      // Youth crime's 3 unrecorded is small; with the row total 9 printed it would be 9 − 6. The cheapest
      // protection hides the 6 recorded ("x", at least 5) and the recorded column's total: then 9 = 6 + 3
      // could as well be 5 + 4 or 8 + 1. The small totals of the other rows (2, 1) and of the unrecorded
      // column (3) are hidden totals; the grand total 12 stays.
      rows: {
        "youth-crime": { recorded: "x", unrecorded: "<5", total: 9 },
        "domestic-violence": { recorded: "<5", unrecorded: 0, total: "x" },
        "multi-professional": { recorded: "<5", unrecorded: 0, total: "x" },
      },
      totals: { recorded: "x", unrecorded: "x", total: 12 },
      suppressed: [
        "youth-crime/recorded: secondary",
        "youth-crime/unrecorded: primary",
        "domestic-violence/recorded: primary",
        "domestic-violence/total: total",
        "multi-professional/recorded: primary",
        "multi-professional/total: total",
        "total/recorded: total",
        "total/unrecorded: total",
      ],
    });
    expect(published(tables.participation)).toEqual({
      // No totals are printed (a meeting has several organisations): only the small cells are hidden.
      rows: {
        [org.childWelfare]: { meetings: "<5", cases: "<5" },
        [org.youthServices]: { meetings: 7, cases: 6 },
        [org.psychiatry]: { meetings: "<5", cases: "<5" },
        [org.socialEmergency]: { meetings: 8, cases: 6 },
        [org.policePrevention]: { meetings: 10, cases: 8 },
      },
      totals: null,
      suppressed: [
        `${org.childWelfare}/meetings: primary`,
        `${org.childWelfare}/cases: primary`,
        `${org.psychiatry}/meetings: primary`,
        `${org.psychiatry}/cases: primary`,
      ],
    });
    expect(tables.participation.rows.map((r) => r.attributes?.partyId)).toEqual([
      org.sotepe,
      org.kuva,
      org.sotepe,
      org.sotepe,
      org.police,
    ]);
    expect(published(tables.serviceReferrals)).toEqual({
      // Seven referrals, one per service and status: every cell, row total and column total is 1, so
      // each hidden 1 is protected only by a cycle through the grand total, which is hidden too.
      rows: referralRows({
        "family-support": { ...statuses({ made: "<5" }), total: "x" },
        "mental-health": { ...statuses({ accepted: "<5" }), total: "x" },
        "substance-abuse": { ...statuses({ cancelled: "<5" }), total: "x" },
        "youth-work": { ...statuses({ started: "<5" }), total: "x" },
        "education-support": { ...statuses({ proposed: "<5" }), total: "x" },
        "leisure-activity": { ...statuses({ completed: "<5" }), total: "x" },
        "domestic-violence-support": { ...statuses({ declined: "<5" }), total: "x" },
      }),
      totals: {
        ...statuses({
          proposed: "x",
          made: "x",
          accepted: "x",
          started: "x",
          completed: "x",
          declined: "x",
          cancelled: "x",
        }),
        total: "x",
      },
      suppressed: [
        "family-support/made: primary",
        "family-support/total: total",
        "mental-health/accepted: primary",
        "mental-health/total: total",
        "substance-abuse/cancelled: primary",
        "substance-abuse/total: total",
        "youth-work/started: primary",
        "youth-work/total: total",
        "education-support/proposed: primary",
        "education-support/total: total",
        "leisure-activity/completed: primary",
        "leisure-activity/total: total",
        "domestic-violence-support/declined: primary",
        "domestic-violence-support/total: total",
        ...referralStatuses.map((s) => `total/${s}: total`),
        "total/total: total",
      ],
    });
    expect(published(tables.consents)).toEqual({
      // Given: 2 + 3 = 5 printed, each could be 1–4. Withdrawn: 1 + 1 = 2, a hidden total.
      rows: { client: { given: "<5", withdrawn: "<5" }, guardian: { given: "<5", withdrawn: "<5" } },
      totals: { given: 5, withdrawn: "x" },
      suppressed: [
        "client/given: primary",
        "client/withdrawn: primary",
        "guardian/given: primary",
        "guardian/withdrawn: primary",
        "total/withdrawn: total",
      ],
    });
    expect(published(tables.caseViolations)).toEqual({
      // Five hidden 1s under a printed total of 5 would all be exactly 1: the total is hidden.
      rows: {
        "CASE.CHILD_WELFARE_NOTIFICATION_MISSING": { count: "<5" },
        "CASE.COMPOSITION_SINGLE_PROFESSION": { count: "<5" },
        "CASE.MEETING_UNRECORDED": { count: "<5" },
        "CASE.PLANNED_MEETING_OVERDUE": { count: "<5" },
        "CASE.RECORD_INCOMPLETE": { count: "<5" },
      },
      totals: { count: "x" },
      suppressed: [
        "CASE.CHILD_WELFARE_NOTIFICATION_MISSING/count: primary",
        "CASE.COMPOSITION_SINGLE_PROFESSION/count: primary",
        "CASE.MEETING_UNRECORDED/count: primary",
        "CASE.PLANNED_MEETING_OVERDUE/count: primary",
        "CASE.RECORD_INCOMPLETE/count: primary",
        "total/count: total",
      ],
    });
    expect(tables.caseViolations.rows.map((r) => r.attributes?.severity)).toEqual([
      "warning",
      "warning",
      "error",
      "warning",
      "warning",
    ]);
    // Stages in order; the rule check reports after each page of 5 cases (12 cases checked).
    expect(progress).toEqual([
      "5 loading team",
      "15 counting cases",
      "30 counting meetings",
      "40 counting referrals and consents",
      "50 checking rules",
      "82 suppressing small cells",
      "88 comparing with the previous year",
    ]);
  });

  it("sets the previous year's key figures beside the period's, as that year's report publishes them", async () => {
    const thisYear = await computeReport(db, request("annual", agreementYear), undefined, { generatedAt });
    const nextYear = await computeReport(db, request("annual", { from: "2026-05-01", to: "2027-04-30" }), undefined, {
      generatedAt,
    });
    // The previous year's key figures are this year's, goals aside (they have no previous year).
    const { goalsMet: _goals, ...keyFigures } = thisYear.headline;
    expect(nextYear.previous).toEqual({ period: agreementYear, headline: keyFigures });
    const monthly = await computeReport(db, request("monthly", september), undefined, { generatedAt });
    expect(monthly.previous).toBeNull();
    for (const id of tableIds) expect(monthly.tables[id].previous, id).toBeNull();
  });

  it("sets the previous year's column in the main tables, each cell as that year's report publishes it", async () => {
    const thisYear = await computeReport(db, request("annual", agreementYear), undefined, { generatedAt });
    const nextYear = await computeReport(db, request("annual", { from: "2026-05-01", to: "2027-04-30" }), undefined, {
      generatedAt,
    });
    for (const id of tableIds) {
      const published = thisYear.tables[id];
      const previous = nextYear.tables[id].previous;
      if (!hasPreviousYear(id)) {
        expect(previous, id).toBeNull();
        continue;
      }
      // Every cell the same number or the same mark: nothing hidden last year is shown now.
      expect(previous, id).toEqual({
        rows: published.rows.map((r) => ({ key: r.key, values: r.values, total: r.total })),
        totals: published.totals,
      });
    }
    // The comparison is not vacuous: last year's hidden cells stay hidden in this year's column.
    const marks = JSON.stringify(nextYear.tables.meetings.previous);
    expect(marks).toContain('"x"');
    expect(marks).toContain('"<5"');
  });

  it("publishes the monthly statistics unsuppressed", async () => {
    const doc = await computeReport(db, request("monthly", september), undefined, { generatedAt });
    const { tables, ...rest } = doc;
    expect(rest).toMatchObject({
      type: "monthly",
      title: { fi: "Toimintatilasto", sv: "Verksamhetsstatistik", en: "Operational statistics" },
      period: { from: "2025-09-01", to: "2025-09-30", days: 30 },
      scope: null,
      definitions: definitions("2025-09-30"),
      suppression: { applied: false, threshold: 5, primaryLabel: "<5", secondaryLabel: "x" },
      headline: { newCases: 2, activeCases: 5, closedCases: 0, meetingsHeld: 3, serviceReferrals: 2, goalsMet: 0 },
      chart: {
        tableId: "casesOverTime",
        unit: "week",
        title: { fi: "Uudet asiakkuudet viikoittain", sv: "Nya klientskap per vecka", en: "New cases per week" },
      },
      // Tuominen's assignment still runs in September: every target met, nothing to report.
      staffing: {
        parties: [
          { partyId: org.police, realised: 5 },
          { partyId: org.sotepe, realised: 3.5 },
          { partyId: org.kuva, target: 2, realised: 2, difference: 0 },
        ],
      },
      chair: chairOfA,
      organisationViolations: [],
    });
    const none: string[] = [];
    expect(Object.fromEntries(Object.entries(tables).map(([id, t]) => [id, published(t)]))).toEqual({
      casesByType: {
        // New: C5 (09-03), C6 (09-20). Active in September: C2, C3, C12 | C4, C5. Closed: none.
        rows: {
          "youth-crime": { new: 0, active: 3, closed: 0 },
          "domestic-violence": { new: 1, active: 2, closed: 0 },
          "multi-professional": { new: 1, active: 0, closed: 0 },
        },
        totals: { new: 2, active: 5, closed: 0 },
        suppressed: none,
      },
      // C5 17, C6 20.
      ageBands: {
        rows: { "under-15": { new: 0 }, "15-17": { new: 1 }, "18-plus": { new: 1 } },
        totals: { new: 2 },
        suppressed: none,
      },
      referralSources: {
        rows: {
          "police": { new: 1 },
          "child-welfare": { new: 0 },
          "social-emergency": { new: 0 },
          "school": { new: 0 },
          "health-care": { new: 0 },
          "youth-services": { new: 0 },
          "family": { new: 0 },
          "self": { new: 1 },
          "other": { new: 0 },
        },
        totals: { new: 2 },
        suppressed: none,
      },
      // ISO weeks from Monday 1 September, the last one clipped to the 30th.
      casesOverTime: {
        rows: {
          "2025-09-01": { new: 1 },
          "2025-09-08": { new: 0 },
          "2025-09-15": { new: 1 },
          "2025-09-22": { new: 0 },
          "2025-09-29": { new: 0 },
        },
        totals: { new: 2 },
        suppressed: none,
      },
      meetings: {
        // C2 09-10 (late record) and C3 09-15 (none) unrecorded; C5 09-12 recorded next day.
        rows: {
          "youth-crime": { recorded: 0, unrecorded: 2, total: 2 },
          "domestic-violence": { recorded: 1, unrecorded: 0, total: 1 },
          "multi-professional": { recorded: 0, unrecorded: 0, total: 0 },
        },
        totals: { recorded: 1, unrecorded: 2, total: 3 },
        suppressed: none,
      },
      participation: {
        // C2 (police, youth), C3 (social, youth), C5 (police, social).
        rows: {
          [org.youthServices]: { meetings: 2, cases: 2 },
          [org.socialEmergency]: { meetings: 2, cases: 2 },
          [org.policePrevention]: { meetings: 2, cases: 2 },
        },
        totals: null,
        suppressed: none,
      },
      serviceReferrals: {
        // C2 family support (made), C5 mental health (accepted).
        rows: referralRows({
          "family-support": { ...statuses({ made: 1 }), total: 1 },
          "mental-health": { ...statuses({ accepted: 1 }), total: 1 },
        }),
        totals: { ...statuses({ made: 1, accepted: 1 }), total: 2 },
        suppressed: none,
      },
      // C5's guardian on 09-12.
      consents: {
        rows: { client: { given: 0, withdrawn: 0 }, guardian: { given: 1, withdrawn: 0 } },
        totals: { given: 1, withdrawn: 0 },
        suppressed: none,
      },
      // On 2025-09-30: C3's meeting of 09-15 unrecorded; C4's record incomplete. (C7, C9 not yet referred.)
      // No assessments in this dataset: the goals table is published with zeros.
      goals: {
        rows: {
          "youth-crime": { set: 0, met: 0, notMet: 0 },
          "domestic-violence": { set: 0, met: 0, notMet: 0 },
          "multi-professional": { set: 0, met: 0, notMet: 0 },
        },
        totals: { set: 0, met: 0, notMet: 0 },
        suppressed: none,
      },
      caseViolations: {
        rows: { "CASE.MEETING_UNRECORDED": { count: 1 }, "CASE.RECORD_INCOMPLETE": { count: 1 } },
        totals: { count: 2 },
        suppressed: none,
      },
    });
  });

  it("limits the party report to the cases and units of the party (Kuva)", async () => {
    const { scope } = await resolveScope(db, request("party", agreementYear, org.kuva));
    // Youth services took part (sat in a meeting) in C1, C2, C3, C7, C9, C12.
    expect(numbers(await caseFlowTable(db, scope))).toEqual({
      "youth-crime": [3, 5, 2],
      "domestic-violence": [0, 0, 0],
      "multi-professional": [1, 1, 0],
    });
    expect(numbers(await meetingsTable(db, scope))).toEqual({
      "youth-crime": [4, 2],
      "domestic-violence": [0, 0],
      "multi-professional": [1, 0],
    });
    expect(numbers(await consentsTable(db, scope))).toEqual({ client: [2, 1], guardian: [1, 1] });

    const doc = await computeReport(db, request("party", agreementYear, org.kuva), undefined, { generatedAt });
    const { tables, ...rest } = doc;
    expect(rest).toMatchObject({
      type: "party",
      title: {
        fi: "Osapuolen raportti: Kulttuurin ja vapaa-ajan toimiala",
        sv: "Partsrapport: Kultur- och fritidssektorn",
        en: "Party report: Culture and Leisure Division",
      },
      scope: { partyId: org.kuva, name: kuva, unitIds: [org.kuva, org.youthServices] },
      suppression: { applied: true },
      headline: {
        newCases: "x",
        activeCases: "x",
        closedCases: "x",
        meetingsHeld: 7,
        serviceReferrals: "x",
        goalsMet: 0,
      },
      // Only Kuva's unit and party, and only its staffing finding.
      staffing: {
        units: [{ ...youthUnit, ...kuvaFteOfA, named: 4, headcount: 4 }],
        parties: [{ partyId: org.kuva, name: kuva, ...kuvaFteOfA }],
      },
      chair: chairOfA,
      organisationViolations: kuvaShortfall,
    });
    expect(Object.fromEntries(Object.entries(tables).map(([id, t]) => [id, published(t)]))).toEqual({
      casesByType: {
        // New 3 (C2, C3, C7) + 1 (C9) = 4: a small total, hidden, so the other tables hide it as well.
        // Active 5 (C1, C2, C3, C7, C12) + 1 (C9) = 6: the 1 can only grow (a hidden 5 could only grow
        // too), so the total is hidden. Closed 2 (C1, C3).
        rows: {
          "youth-crime": { new: "<5", active: 5, closed: "<5" },
          "domestic-violence": { new: 0, active: 0, closed: 0 },
          "multi-professional": { new: "<5", active: "<5", closed: 0 },
        },
        totals: { new: "x", active: "x", closed: "x" },
        suppressed: [
          "youth-crime/new: primary",
          "youth-crime/closed: primary",
          "multi-professional/new: primary",
          "multi-professional/active: primary",
          "total/new: total",
          "total/active: total",
          "total/closed: total",
        ],
      },
      // C2, C7, C9 under 15; C3 16.
      ageBands: {
        rows: { "under-15": { new: "<5" }, "15-17": { new: "<5" }, "18-plus": { new: 0 } },
        totals: { new: "x" },
        suppressed: ["under-15/new: primary", "15-17/new: primary", "total/new: total"],
      },
      referralSources: {
        // C2, C7 police; C3 school; C9 family.
        rows: {
          "police": { new: "<5" },
          "child-welfare": { new: 0 },
          "social-emergency": { new: 0 },
          "school": { new: "<5" },
          "health-care": { new: 0 },
          "youth-services": { new: 0 },
          "family": { new: "<5" },
          "self": { new: 0 },
          "other": { new: 0 },
        },
        totals: { new: "x" },
        suppressed: ["police/new: primary", "school/new: primary", "family/new: primary", "total/new: total"],
      },
      casesOverTime: {
        rows: {
          "2025-05": { new: "<5" },
          "2025-06": { new: "<5" },
          "2025-07": { new: 0 },
          "2025-08": { new: 0 },
          "2025-09": { new: 0 },
          "2025-10": { new: 0 },
          "2025-11": { new: "<5" },
          "2025-12": { new: 0 },
          "2026-01": { new: 0 },
          "2026-02": { new: 0 },
          "2026-03": { new: "<5" },
          "2026-04": { new: 0 },
        },
        totals: { new: "x" },
        suppressed: [
          "2025-05/new: primary",
          "2025-06/new: primary",
          "2025-11/new: primary",
          "2026-03/new: primary",
          "total/new: total",
        ],
      },
      meetings: {
        // Meetings youth services attended: recorded C1, C3 (Jun), C7, C12 and C9; unrecorded C2 (Sep), C3 (Sep).
        rows: {
          "youth-crime": { recorded: "<5", unrecorded: "<5", total: "x" },
          "domestic-violence": { recorded: 0, unrecorded: 0, total: 0 },
          "multi-professional": { recorded: "<5", unrecorded: 0, total: "x" },
        },
        totals: { recorded: "x", unrecorded: "x", total: 7 },
        suppressed: [
          "youth-crime/recorded: primary",
          "youth-crime/unrecorded: primary",
          "youth-crime/total: total",
          "multi-professional/recorded: primary",
          "multi-professional/total: total",
          "total/recorded: total",
          "total/unrecorded: total",
        ],
      },
      // Only the party's own unit.
      participation: { rows: { [org.youthServices]: { meetings: 7, cases: 6 } }, totals: null, suppressed: [] },
      serviceReferrals: {
        // C1 youth work started, C2 family support made, C3 leisure completed, C12 substance abuse cancelled.
        rows: referralRows({
          "family-support": { ...statuses({ made: "<5" }), total: "x" },
          "substance-abuse": { ...statuses({ cancelled: "<5" }), total: "x" },
          "youth-work": { ...statuses({ started: "<5" }), total: "x" },
          "leisure-activity": { ...statuses({ completed: "<5" }), total: "x" },
        }),
        totals: { ...statuses({ made: "x", started: "x", completed: "x", cancelled: "x" }), total: "x" },
        suppressed: [
          "family-support/made: primary",
          "family-support/total: total",
          "substance-abuse/cancelled: primary",
          "substance-abuse/total: total",
          "youth-work/started: primary",
          "youth-work/total: total",
          "leisure-activity/completed: primary",
          "leisure-activity/total: total",
          "total/made: total",
          "total/started: total",
          "total/completed: total",
          "total/cancelled: total",
          "total/total: total",
        ],
      },
      consents: {
        // Client: given C2, C3, withdrawn C3; guardian: given C2, withdrawn C12.
        rows: { client: { given: "<5", withdrawn: "<5" }, guardian: { given: "<5", withdrawn: "<5" } },
        totals: { given: "x", withdrawn: "x" },
        suppressed: [
          "client/given: primary",
          "client/withdrawn: primary",
          "guardian/given: primary",
          "guardian/withdrawn: primary",
          "total/given: total",
          "total/withdrawn: total",
        ],
      },
      // No assessments in this dataset: the goals table is published with zeros.
      goals: {
        rows: {
          "youth-crime": { set: 0, met: 0, notMet: 0 },
          "domestic-violence": { set: 0, met: 0, notMet: 0 },
          "multi-professional": { set: 0, met: 0, notMet: 0 },
        },
        totals: { set: 0, met: 0, notMet: 0 },
        suppressed: [],
      },
      caseViolations: {
        // C7 (notification, overdue meeting), C9 (single profession), C3 (unrecorded). C4's is Sotepe's.
        rows: {
          "CASE.CHILD_WELFARE_NOTIFICATION_MISSING": { count: "<5" },
          "CASE.COMPOSITION_SINGLE_PROFESSION": { count: "<5" },
          "CASE.MEETING_UNRECORDED": { count: "<5" },
          "CASE.PLANNED_MEETING_OVERDUE": { count: "<5" },
        },
        totals: { count: "x" },
        suppressed: [
          "CASE.CHILD_WELFARE_NOTIFICATION_MISSING/count: primary",
          "CASE.COMPOSITION_SINGLE_PROFESSION/count: primary",
          "CASE.MEETING_UNRECORDED/count: primary",
          "CASE.PLANNED_MEETING_OVERDUE/count: primary",
          "total/count: total",
        ],
      },
    });
  });

  it("names both chairs of a calendar year and the one after", async () => {
    const doc: ReportDocument = await computeReport(
      db,
      request("annual", { from: "2025-01-01", to: "2025-12-31" }),
      undefined,
      { generatedAt },
    );
    expect(doc.chair?.terms.map((t) => [t.from, t.chairId])).toEqual([
      ["2024-05-01", org.police],
      ["2025-05-01", org.sotepe],
    ]);
    expect(doc.chair?.next?.chairId).toBe(org.kuva);
  });

  it("lists the joint leadership meeting's decisions of the year and counts consultations per party", async () => {
    const team = fixtureTeamId;
    const item = (text: string) => ({
      kind: "conclusion" as const,
      text,
      ownerOrganisationId: org.sotepe,
      dueOn: null,
    });
    await db.insert(schema.bodyMeetings).values([
      {
        teamId: team,
        id: "bm-later",
        bodyId: "body-hel-joint-leadership",
        plannedOn: "2026-03-10",
        composedOn: "2026-02-01",
        composition: [{ organisationId: org.sotepe, roleTitle: "toimialajohtaja" }],
        status: "held",
        heldOn: "2026-03-10",
        items: [item("Toinen johtopäätös")],
      },
      {
        teamId: team,
        id: "bm-earlier",
        bodyId: "body-hel-joint-leadership",
        plannedOn: "2025-09-15",
        composedOn: "2025-09-01",
        composition: [{ organisationId: org.sotepe, roleTitle: "toimialajohtaja" }],
        status: "held",
        heldOn: "2025-09-15",
        items: [{ ...item("Ensimmäinen linjaus"), kind: "decision", dueOn: "2025-12-31" }],
      },
      {
        teamId: team,
        id: "bm-next-year",
        bodyId: "body-hel-joint-leadership",
        plannedOn: "2026-06-01",
        composedOn: "2026-05-01",
        composition: [{ organisationId: org.sotepe, roleTitle: "toimialajohtaja" }],
        status: "held",
        heldOn: "2026-06-01",
        items: [item("Seuraavan vuoden")],
      },
    ]);
    const consultation = (
      id: string,
      staffId: string,
      organisationId: string,
      partyId: string,
      consultedOn: string,
    ) => ({
      teamId: team,
      id,
      staffId,
      organisationId,
      partyId,
      topic: "Koulutus (kuvitteellinen)",
      consultedOn,
    });
    await db
      .insert(schema.consultations)
      .values([
        consultation("co-1", "st-sotepe-mattila", org.socialEmergency, org.sotepe, "2025-10-01"),
        consultation("co-2", "st-sotepe-honkanen", org.psychiatry, org.sotepe, "2026-01-15"),
        consultation("co-3", "st-kuva-nieminen", org.youthServices, org.kuva, "2025-11-11"),
        consultation("co-4", "st-kuva-nieminen", org.youthServices, org.kuva, "2026-05-02"),
      ]);
    const annual = await computeReport(db, request("annual", agreementYear), undefined, { generatedAt });
    expect(annual.leadershipDecisions.map((d) => [d.heldOn, d.kind, d.text, d.ownerName.fi])).toEqual([
      ["2025-09-15", "decision", "Ensimmäinen linjaus", "Sosiaali-, terveys- ja pelastustoimiala"],
      ["2026-03-10", "conclusion", "Toinen johtopäätös", "Sosiaali-, terveys- ja pelastustoimiala"],
    ]);
    expect(Object.fromEntries(annual.consultations.map((c) => [c.partyId, c.count]))).toEqual({
      [org.police]: 0,
      [org.sotepe]: 2,
      [org.kuva]: 1,
    });
    const party = await computeReport(db, request("party", agreementYear, org.kuva), undefined, { generatedAt });
    expect(party.consultations.map((c) => [c.partyId, c.count])).toEqual([[org.kuva, 1]]);
    expect(party.leadershipDecisions).toEqual([]);
  });

  it("refuses an unknown team, a party that is not a party, and an invalid request", async () => {
    await expect(
      computeReport(db, { ...request("annual", agreementYear), teamId: "team-nowhere" }),
    ).rejects.toMatchObject({ code: "REPORT.UNKNOWN_TEAM" });
    await expect(computeReport(db, request("party", agreementYear, org.education))).rejects.toMatchObject({
      code: "REPORT.UNKNOWN_PARTY",
    });
    await expect(computeReport(db, request("monthly", agreementYear))).rejects.toBeInstanceOf(ReportError);
    await expect(computeReport(db, request("annual", agreementYear, org.kuva))).rejects.toMatchObject({
      code: "REPORT.REQUEST_INVALID",
    });
  });
});
