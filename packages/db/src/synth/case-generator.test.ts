import {
  addDays,
  ageBand,
  type Case,
  caseInvariants,
  caseSchema,
  checkCase,
  coreOrganisationIds,
  isOpenCase,
  isTestIdentityCode,
  parseIdentityCode,
  selectionOrganisationIds,
} from "@ankkuri/domain";
import { describe, expect, it } from "vitest";
import type { CaseRows } from "./case-rows.js";
import { createCaseGenerator } from "./case-generator.js";
import { syntheticTeams } from "./synthetic-teams.js";
import { teamContext } from "./team-context.js";

const today = "2026-11-22";
const teams = syntheticTeams(3);
const contexts = teams.map((team) => teamContext(team.dataset));
const agreements = new Map(teams.map((team) => [team.dataset.team.id, team.dataset.agreement]));

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

function counterIds(): () => string {
  let n = 0;
  return () => `00000000-0000-7000-8000-${(++n).toString(16).padStart(12, "0")}`;
}

function generate(count: number, seed: number): CaseRows[] {
  const generator = createCaseGenerator(contexts, { seed, today, newId: counterIds() });
  return Array.from({ length: count }, (_, i) => generator.generate(i));
}

/** The domain case the rows describe, as `loadCase` would build it (clients looked up in `clients`). */
function toCase(rows: CaseRows, clients: Map<string, { birthDate: string }>): Case {
  const c = rows.case;
  const client = clients.get(c.clientId)!;
  const byMeeting = groupBy(rows.meetingParticipants, (p) => p.meetingId);
  return caseSchema.parse({
    id: c.id,
    teamId: c.teamId,
    type: c.type,
    status: c.status,
    referredOn: c.referredOn,
    referralSource: c.referralSource,
    client: { id: c.clientId, birthDate: client.birthDate },
    guardians: rows.guardians.map((g) => ({ id: g.id, relationship: g.relationship, hasCustody: g.hasCustody })),
    existingClientships: rows.existingClientships.map((x) => ({
      organisationId: x.organisationId,
      since: x.since,
      responsibleWorker: {
        staffId: null,
        name: x.responsibleWorkerName,
        organisationId: x.responsibleWorkerOrganisationId,
      },
    })),
    selection: rows.selectionDecisions.map((d) => ({
      staffId: d.staffId,
      organisationId: d.organisationId,
      profession: d.profession,
      decision: d.decision,
      decidedOn: d.decidedOn,
    })),
    selectionStartedOn: c.selectionStartedOn ?? null,
    decidedOn: c.decidedOn ?? null,
    activatedOn: c.activatedOn ?? null,
    closedOn: c.closedOn ?? null,
    closeReason: c.closeReason ?? null,
    consents: rows.consents.map((x) => ({
      id: x.id,
      giver: x.giverKind === "client" ? { kind: "client" } : { kind: "guardian", guardianId: x.guardianId },
      organisationIds: rows.consentScopes.filter((s) => s.consentId === x.id).map((s) => s.organisationId),
      givenOn: x.givenOn,
      validUntil: x.validUntil,
      withdrawnOn: x.withdrawnOn,
      form: x.form,
    })),
    meetings: rows.meetings.map((m) => {
      const seats = byMeeting.get(m.id) ?? [];
      const record = rows.meetingRecords.find((r) => r.meetingId === m.id);
      return {
        id: m.id,
        plannedOn: m.plannedOn,
        status: m.status,
        heldOn: m.heldOn,
        composition: seats.map((p) => ({
          id: p.id,
          role: p.role,
          organisationId: p.organisationId,
          staffId: p.staffId,
          profession: p.profession,
          guardianId: p.guardianId,
        })),
        attended: seats.filter((p) => p.attended).map((p) => p.id),
        record: record
          ? {
              recordedOn: record.recordedOn,
              recordedBy: record.recordedBy,
              inClientRecord: record.inClientRecord,
              inStatistics: record.inStatistics,
            }
          : null,
        responsibleWorkerInformedOn: m.responsibleWorkerInformedOn,
      };
    }),
    referrals: rows.referrals.map((r) => ({
      id: r.id,
      meetingId: r.meetingId,
      service: r.service,
      organisationId: r.organisationId,
      madeOn: r.madeOn,
      status: r.status,
      statusChangedOn: r.statusChangedOn,
    })),
    childWelfareNotification: c.childWelfareNotifiedOn
      ? { madeOn: c.childWelfareNotifiedOn, organisationId: c.childWelfareNotifiedById }
      : null,
  });
}

// Violations the generator produces on purpose (docs/synthetic-data.md); nothing else may appear.
const deliberate = new Set([
  "CASE.MEETING_UNRECORDED",
  "CASE.RECORD_INCOMPLETE",
  "CASE.CHILD_WELFARE_NOTIFICATION_MISSING",
]);

describe("the synthetic case generator", () => {
  const sample = generate(3000, 11);
  const clients = new Map(sample.flatMap((r) => (r.client ? [[r.client.id, r.client] as const] : [])));
  const cases = sample.map((r) => toCase(r, clients));

  it("is deterministic: the same seed gives the same rows, another seed other rows", () => {
    expect(generate(200, 11)).toEqual(sample.slice(0, 200));
    expect(generate(200, 12)).not.toEqual(sample.slice(0, 200));
  });

  it("builds cases that keep every domain invariant", () => {
    const broken = cases.flatMap((c) => caseInvariants(c));
    expect(broken).toEqual([]);
  });

  it("breaks no rule besides the deliberate ones, and never the consent rule", () => {
    const found = cases.flatMap((c) =>
      checkCase(c, { asOf: today, coreOrganisationIds: coreOrganisationIds(agreements.get(c.teamId)!, today) }),
    );
    expect(found.filter((v) => v.code.startsWith("CONSENT."))).toEqual([]);
    expect([...new Set(found.map((v) => v.code))].filter((code) => !deliberate.has(code))).toEqual([]);
    // The deliberate gaps are there, for reports to find.
    expect(new Set(found.map((v) => v.code))).toEqual(deliberate);
  });

  it("invites outside organisations, with consent, and withdraws some consents", () => {
    const invited = sample.flatMap((r) => r.meetingParticipants.filter((p) => p.role === "invited"));
    expect(invited.length).toBeGreaterThan(500);
    expect(sample.flatMap((r) => r.consents).filter((c) => c.withdrawnOn !== null).length).toBeGreaterThan(50);
    expect(
      sample.flatMap((r) => r.meetingParticipants).filter((p) => p.role === "responsible-worker").length,
    ).toBeGreaterThan(100);
  });

  it("has about ten meetings per case, with 2–5 seats of at least two professions", () => {
    const meetings = sample.flatMap((r) => r.meetings);
    expect(meetings.length / sample.length).toBeGreaterThan(8.5);
    expect(meetings.length / sample.length).toBeLessThan(12);
    const seats = groupBy(
      sample.flatMap((r) => r.meetingParticipants),
      (p) => p.meetingId,
    );
    for (const m of meetings) {
      const composition = seats.get(m.id) ?? [];
      expect(composition.length).toBeGreaterThanOrEqual(2);
      expect(composition.length).toBeLessThanOrEqual(5);
      expect(new Set(composition.flatMap((p) => (p.profession ? [p.profession] : []))).size).toBeGreaterThanOrEqual(2);
    }
  });

  it("books the next meeting of nearly every open case, as a working team does", () => {
    const open = sample.filter((r) => r.case.status === "active" || r.case.status === "admitted");
    const booked = open.filter((r) => r.meetings.some((m) => m.status === "planned" && m.plannedOn >= today));
    expect(open.length).toBeGreaterThan(100);
    // The rest are about to close (their last meeting held) or met today.
    expect(booked.length / open.length).toBeGreaterThan(0.8);
    // Closed cases have nothing left in the calendar.
    expect(sample.filter((r) => r.case.status === "closed" && r.meetings.some((m) => m.status === "planned"))).toEqual(
      [],
    );
  });

  it("spreads statuses, types and sources realistically", () => {
    const share = (predicate: (r: CaseRows) => boolean) => sample.filter(predicate).length / sample.length;
    expect(share((r) => r.case.status === "closed")).toBeGreaterThan(0.5);
    expect(share((r) => r.case.status === "active")).toBeGreaterThan(0.1);
    expect(share((r) => r.case.status === "declined")).toBeGreaterThan(0.05);
    expect(share((r) => r.case.status === "declined")).toBeLessThan(0.15);
    expect(share((r) => r.case.status === "in-selection" || r.case.status === "referred")).toBeGreaterThan(0);
    expect(share((r) => r.case.type === "youth-crime")).toBeGreaterThan(0.6);
    expect(share((r) => r.case.type === "domestic-violence")).toBeGreaterThan(0.15);
    expect(share((r) => r.case.referralSource === "police")).toBeGreaterThan(0.4);
    expect(share((r) => r.client === null)).toBeGreaterThan(0.01);
  });

  it("refers clients mostly aged 10–20 at referral, a third under 15, some adults", () => {
    const bands = cases.map((c) => ageBand(c.client.birthDate, c.referredOn).code);
    const under15 = bands.filter((b) => b === "under-15").length / cases.length;
    expect(under15).toBeGreaterThan(0.2);
    expect(under15).toBeLessThan(0.45);
    const adults = cases.filter((c) => ageBand(c.client.birthDate, c.referredOn).code === "18-plus");
    expect(adults.length / cases.length).toBeGreaterThan(0.1);
    expect(adults.filter((c) => c.type === "domestic-violence").length / adults.length).toBeGreaterThan(0.3);
    for (const c of cases) expect(c.referredOn >= "2024-05-01" && c.referredOn <= today).toBe(true);
  });

  it("uses test-range identity codes only, unique in each team, matching the birth date", () => {
    const withCode = [...clients.values()].filter((c) => c.identityCode !== null);
    expect(withCode.length / clients.size).toBeGreaterThan(0.85);
    expect(withCode.length).toBeLessThan(clients.size);
    for (const c of withCode) {
      expect(isTestIdentityCode(c.identityCode!)).toBe(true);
      const parsed = parseIdentityCode(c.identityCode!);
      expect(parsed.ok && parsed.value.birthDate).toBe(c.birthDate);
    }
    expect(new Set(withCode.map((c) => `${c.teamId}/${c.identityCode!}`)).size).toBe(withCode.length);
  });

  it("grants case access as the domain derives it: the selecting units from the referral, seats on their basis", () => {
    let consentSeats = 0;
    for (const r of sample) {
      const agreement = agreements.get(r.case.teamId)!;
      const selecting = r.caseMemberships.filter((m) => m.basis === "selecting-unit");
      expect(selecting.map((m) => [m.organisationId, m.validFrom, m.validTo ?? null])).toEqual(
        selectionOrganisationIds(agreement, r.case.referredOn).map((id) => [id, r.case.referredOn, null]),
      );
      const core = (day: string) => coreOrganisationIds(agreement, day);
      for (const m of r.caseMemberships.filter((x) => x.basis === "meeting-seat" || x.basis === "consent")) {
        const meeting = r.meetings.find((x) => x.id === m.meetingId);
        expect(meeting).toBeDefined();
        const seated = r.meetingParticipants.some(
          (p) => p.meetingId === m.meetingId && p.organisationId === m.organisationId,
        );
        expect(seated).toBe(true);
        expect(core(meeting?.plannedOn ?? "").includes(m.organisationId)).toBe(m.basis === "meeting-seat");
        if (m.basis === "consent") consentSeats += 1;
      }
      // Every seat of the core team in a meeting not cancelled gives access; a seat outside it only with
      // the consents behind it.
      for (const p of r.meetingParticipants) {
        const meeting = r.meetings.find((x) => x.id === p.meetingId);
        if (!p.organisationId || !meeting || meeting.status === "cancelled") continue;
        if (!core(meeting.plannedOn).includes(p.organisationId)) continue;
        expect(
          r.caseMemberships.some((m) => m.meetingId === p.meetingId && m.organisationId === p.organisationId),
        ).toBe(true);
      }
    }
    expect(consentSeats).toBeGreaterThan(0);
  });

  it("leaves about 3 % of held meetings unrecorded and 2 % recorded in one system only", () => {
    const recorded = new Map(sample.flatMap((r) => r.meetingRecords.map((m) => [m.meetingId, m] as const)));
    const past = sample
      .flatMap((r) => r.meetings)
      .flatMap((m) =>
        m.status === "held" && m.heldOn && m.heldOn < addDays(today, -7) ? [{ id: m.id, heldOn: m.heldOn }] : [],
      );
    const unrecorded = past.filter((m) => !recorded.has(m.id)).length / past.length;
    expect(unrecorded).toBeGreaterThan(0.02);
    expect(unrecorded).toBeLessThan(0.04);
    const oneSystem = [...recorded.values()].filter((r) => r.inClientRecord !== r.inStatistics).length / recorded.size;
    expect(oneSystem).toBeGreaterThan(0.01);
    expect(oneSystem).toBeLessThan(0.03);
    for (const m of past) {
      const record = recorded.get(m.id);
      if (record) expect(record.recordedOn <= addDays(m.heldOn, 7) && record.recordedOn >= m.heldOn).toBe(true);
    }
  });

  it("never gives a client two open cases, and names a returning client's previous, ended case", () => {
    const openByClient = new Map<string, number>();
    for (const r of sample) {
      if (isOpenCase(r.case.status)) openByClient.set(r.case.clientId, (openByClient.get(r.case.clientId) ?? 0) + 1);
    }
    expect(Math.max(...openByClient.values())).toBe(1);
    const byId = new Map(sample.map((r) => [r.case.id, r.case]));
    const returning = sample.filter((r) => r.case.previousCaseId);
    expect(returning.length).toBeGreaterThan(0);
    for (const { case: c } of returning) {
      const previous = byId.get(c.previousCaseId ?? "");
      expect(previous?.clientId).toBe(c.clientId);
      expect(previous && isOpenCase(previous.status)).toBe(false);
      expect((previous?.referredOn ?? "") < c.referredOn).toBe(true);
    }
  });

  it("spreads cases over the teams and selects with that team's staff", () => {
    const staffOf = new Map(teams.map((team) => [team.dataset.team.id, new Set(team.dataset.staff.map((s) => s.id))]));
    expect(new Set(sample.map((r) => r.case.teamId)).size).toBe(3);
    for (const r of sample)
      for (const d of r.selectionDecisions) expect(staffOf.get(r.case.teamId)?.has(d.staffId)).toBe(true);
  });
});
