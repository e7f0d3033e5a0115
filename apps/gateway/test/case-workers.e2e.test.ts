import { and, eq, schema, seedTeam, syntheticTeams } from "@ankkuri/db";
import { testEngines } from "@ankkuri/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AssignCaseWorkerDocument,
  CaseloadsDocument,
  CaseWorkersDocument,
  type CaseWorkerRole,
  type ParticipantInput,
  RecordMeetingHeldDocument,
  RevokeClearanceDocument,
  UnassignCaseWorkerDocument,
  ViewerDocument,
  WorkerCaseListDocument,
} from "@ankkuri/client/operations";
import { type Harness, startHarness } from "./harness.js";
import {
  addSchoolSocialWorker,
  admit,
  as,
  clock,
  inviteEducationUnderConsent,
  login,
  nextIdentityCode,
  org,
  planCoreMeeting,
  refer,
  schoolSocialWorker,
  today,
} from "./steps.js";

/** The supervisor's coordination (003 § 6.1): assigned workers, caseloads and the list of one worker's cases. */

const maria = "st-hpl-jarvinen";
const hanna = "st-sotepe-mattila";
const koskinen = "st-hpl-koskinen";
const noora = "st-kuva-lindqvist";
const juho = "st-sotepe-karjalainen";

const seat = (staffId: string, organisationId: string, profession: ParticipantInput["profession"]) => ({
  role: "CORE" as const,
  organisationId,
  staffId,
  profession,
});
/** The police and Sotepe with their named workers: Kuva takes no part. */
const composition: ParticipantInput[] = [
  seat(maria, org.policePrevention, "POLICE_OFFICER"),
  seat(hanna, org.socialEmergency, "SOCIAL_WORKER"),
  { role: "CLIENT" },
];

describe.each(testEngines)("assigned workers and caseloads on %s", (engine) => {
  let h: Harness;
  let a = "";
  let b = "";

  const assign = (who: string, caseId: string, staffMemberId: string, role: CaseWorkerRole, on = today) =>
    h.request(who, AssignCaseWorkerDocument, { input: { caseId, staffMemberId, role, on } });
  const unassign = (who: string, caseId: string, staffMemberId: string, on = today) =>
    h.request(who, UnassignCaseWorkerDocument, { input: { caseId, staffMemberId, on } });
  const codesOf = (result: { __typename: string; violations?: { code: string }[] } | undefined) =>
    result?.__typename === "RuleViolationError" ? (result.violations ?? []).map((v) => v.code) : [result?.__typename];
  const caseloads = async (on = today) => {
    const { data, errors } = await h.request(login.supervisor, CaseloadsDocument, { on });
    expect(errors).toBeUndefined();
    return Object.fromEntries(
      (data?.caseloads ?? []).map((c) => [c.staffMemberId, [c.activeCases, c.upcomingMeetings, c.overdueRecords]]),
    );
  };

  beforeAll(async () => {
    h = await startHarness(engine, { gateway: { clock } });
    a = await refer(h);
    await admit(h, a);
    b = await refer(h);
    await admit(h, b);
    // Case a: two meetings in the next 14 days (the last on its 14th day), one after; case b: one held
    // on 2026-11-10 and never recorded (overdue after seven days), one held on 2026-11-20 (within the grace).
    await planCoreMeeting(h, a, "2026-11-25", composition);
    await planCoreMeeting(h, a, "2026-12-05", composition);
    await planCoreMeeting(h, a, "2026-12-06", composition);
    for (const heldOn of ["2026-11-10", "2026-11-20"]) {
      const meetingId = await planCoreMeeting(h, b, heldOn, composition);
      as(
        (
          await h.request(login.police, RecordMeetingHeldDocument, {
            input: { caseId: b, meetingId, heldOn, attended: ["p1", "p2", "p3"] },
          })
        ).data?.recordMeetingHeld,
        "CasePayload",
      );
    }
  });
  afterAll(async () => {
    await h.close();
  });

  it("lets the operational supervisor assign a lead worker and a pair worker, and shows them on the case", async () => {
    const lead = as(
      (await assign(login.supervisor, a, maria, "LEAD_WORKER")).data?.assignCaseWorker,
      "CaseWorkerPayload",
    );
    expect(lead.assignment).toMatchObject({
      caseId: a,
      role: "LEAD_WORKER",
      assignedOn: today,
      unassignedOn: null,
      staffMember: { id: maria, givenName: "Maria", familyName: "Järvinen" },
    });
    as((await assign(login.supervisor, a, hanna, "PAIR_WORKER")).data?.assignCaseWorker, "CaseWorkerPayload");
    as((await assign(login.supervisor, b, maria, "PAIR_WORKER")).data?.assignCaseWorker, "CaseWorkerPayload");
    const seen = await h.request(login.socialWorker, CaseWorkersDocument, { caseId: a });
    expect(seen.data?.case?.assignedWorkers.map((w) => [w.staffMember.id, w.role])).toEqual([
      [maria, "LEAD_WORKER"],
      [hanna, "PAIR_WORKER"],
    ]);
    const entries = await h.database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.resource, "case-worker"), eq(schema.auditLog.caseId, a)));
    expect(entries.map((e) => [e.operation, e.actorId, e.basis])).toEqual([
      ["create", login.supervisor, "supervision"],
      ["create", login.supervisor, "supervision"],
    ]);
  });

  it("keeps one lead worker per case, and says so by name in Swedish", async () => {
    expect(codesOf((await assign(login.supervisor, a, koskinen, "LEAD_WORKER")).data?.assignCaseWorker)).toEqual([
      "CASEWORKER.LEAD_TAKEN",
    ]);
    expect(codesOf((await assign(login.supervisor, a, hanna, "PAIR_WORKER")).data?.assignCaseWorker)).toEqual([
      "CASEWORKER.ALREADY_ASSIGNED",
    ]);
    const { body } = await h.gql(
      login.supervisor,
      `mutation($input: AssignCaseWorkerInput!) { assignCaseWorker(input: $input) { ... on RuleViolationError { violations { messages { sv } } } } }`,
      { input: { caseId: a, staffMemberId: koskinen, role: "LEAD_WORKER", on: today } },
    );
    expect(JSON.stringify(body)).toContain("Maria Järvinen");
    expect(JSON.stringify(body)).toContain("ansvariga arbetstagare");
  });

  it("refuses a worker whose organisation takes no part in the case, naming the organisation", async () => {
    const refused = as(
      (await assign(login.supervisor, a, noora, "PAIR_WORKER")).data?.assignCaseWorker,
      "RuleViolationError",
    );
    expect(refused.violations.map((v) => v.code)).toEqual(["CASEWORKER.NO_ACCESS"]);
    expect(refused.violations[0]?.message).toContain("Nuorisopalvelut");
    expect(refused.violations[0]?.message).not.toContain("org-");
  });

  it("refuses a day in the future and one before the referral", async () => {
    expect(
      codesOf((await assign(login.supervisor, b, koskinen, "LEAD_WORKER", "2026-11-23")).data?.assignCaseWorker),
    ).toEqual(["CASE.FUTURE_DATE"]);
    expect(
      codesOf((await assign(login.supervisor, b, koskinen, "LEAD_WORKER", "2026-09-30")).data?.assignCaseWorker),
    ).toEqual(["CASEWORKER.BEFORE_REFERRAL"]);
    expect(codesOf((await unassign(login.supervisor, b, maria, "2026-11-23")).data?.unassignCaseWorker)).toEqual([
      "CASE.FUTURE_DATE",
    ]);
  });

  it("lets nobody but the supervisor and team administrators assign; an administrator's write is administration", async () => {
    for (const who of [
      login.police,
      login.socialWorker,
      login.nurse,
      login.youthWorker,
      login.auditor,
      login.steering,
    ]) {
      const tried = await assign(who, b, koskinen, "LEAD_WORKER");
      expect(tried.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(tried.data?.assignCaseWorker ?? null).toBeNull();
      const ended = await unassign(who, b, maria);
      expect(ended.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    as((await assign(login.admin, b, koskinen, "LEAD_WORKER")).data?.assignCaseWorker, "CaseWorkerPayload");
    const [entry] = await h.database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.resource, "case-worker"), eq(schema.auditLog.actorId, login.admin)));
    expect(entry?.basis).toBe("administration");
  });

  it("refuses a city employee without a valid security clearance (003 § 7)", async () => {
    const [clearance] = await h.database.db
      .select()
      .from(schema.securityClearances)
      .where(eq(schema.securityClearances.staffId, juho));
    if (!clearance) throw new Error("no clearance");
    as(
      (
        await h.request(login.admin, RevokeClearanceDocument, {
          clearanceId: clearance.id,
          revokedOn: "2026-11-01",
          expectedVersion: clearance.version,
        })
      ).data?.revokeClearance,
      "SecurityClearance",
    );
    const refused = as(
      (await assign(login.supervisor, b, juho, "PAIR_WORKER")).data?.assignCaseWorker,
      "RuleViolationError",
    );
    expect(refused.violations.map((v) => v.code)).toEqual(["CASEWORKER.NO_CLEARANCE"]);
    expect(refused.violations[0]?.message).toContain("Juho Karjalainen");
  });

  it("answers another team's case, and another team's staff member, as not found", async () => {
    const [, second] = syntheticTeams(2).map((t) => t.dataset);
    if (!second) throw new Error("no second team");
    await seedTeam(h.database.db, second);
    const officer = second.users.find((u) =>
      second.staff.some((s) => s.id === u.staffId && s.profession === "police-officer"),
    )?.login;
    const theirStaff = second.staff.find((s) => s.profession === "police-officer")?.id;
    if (!officer || !theirStaff) throw new Error("no officer in the second team");
    const token = await h.issuer.signClaims({ sub: officer, name: "Toisen Tiimin Poliisi" });
    const referred = (await (
      await h.fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", "authorization": `Bearer ${token}` },
        body: JSON.stringify({
          query: `mutation($input: ReferCaseInput!) { referCase(input: $input) { ... on CasePayload { case { caseId } } } }`,
          variables: {
            input: {
              type: "YOUTH_CRIME",
              referredOn: "2026-10-01",
              referralSource: "POLICE",
              client: { identityCode: nextIdentityCode("2012-05-05"), givenName: "Toisen", familyName: "Tiimin" },
            },
          },
        }),
      })
    ).json()) as { data?: { referCase?: { case?: { caseId: string } } } };
    const theirs = referred.data?.referCase?.case?.caseId ?? "";
    expect(theirs).not.toBe("");
    for (const who of [login.supervisor, login.admin]) {
      const onTheirCase = as((await assign(who, theirs, maria, "PAIR_WORKER")).data?.assignCaseWorker, "NotFoundError");
      expect(onTheirCase.code).toBe("NOT_FOUND");
      const theirPerson = await assign(who, b, theirStaff, "PAIR_WORKER");
      expect(as(theirPerson.data?.assignCaseWorker, "NotFoundError").path).toEqual(["input", "staffMemberId"]);
      expect(as((await unassign(who, theirs, maria)).data?.unassignCaseWorker, "NotFoundError").code).toBe("NOT_FOUND");
    }
  });

  it("counts each worker's cases, meetings of the next 14 days and overdue records from the data", async () => {
    const counts = await caseloads();
    // Maria: lead of a, pair of b; Hanna: pair of a; both sit in every meeting.
    expect(counts[maria]).toEqual([2, 2, 1]);
    expect(counts[hanna]).toEqual([1, 2, 1]);
    expect(counts[koskinen]).toEqual([1, 0, 0]);
    // Every worker in force is listed, also without any cases; Juho's assignment is not in force uncleared.
    expect(counts[noora]).toEqual([0, 0, 0]);
    expect(counts[juho]).toBeUndefined();
    // On 2026-11-17 nobody was assigned yet, one meeting lay ahead, and the one held on 2026-11-10
    // was still within its seven days.
    expect((await caseloads("2026-11-17"))[maria]).toEqual([0, 1, 0]);
    // One statement counts every worker's cases and meetings: no statement per worker.
    h.resetQueries();
    await caseloads();
    expect(h.queries.filter((q) => /case_workers|meeting_participants/.test(q))).toHaveLength(1);
    for (const who of [login.police, login.admin, login.socialWorker, login.auditor]) {
      const refused = await h.request(who, CaseloadsDocument, { on: today });
      expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
  });

  it("filters the case list by assigned worker, with its total count", async () => {
    const list = async (who: string, staffMemberId: string) => {
      const { data, errors } = await h.request(who, WorkerCaseListDocument, { staffMemberId });
      expect(errors).toBeUndefined();
      return { ids: (data?.cases.nodes ?? []).map((n) => n.caseId).sort(), total: data?.cases.totalCount };
    };
    expect(await list(login.supervisor, maria)).toEqual({ ids: [a, b].sort(), total: 2 });
    expect(await list(login.police, hanna)).toEqual({ ids: [a], total: 1 });
    // Kuva sees neither case: the filter never widens what a reader sees.
    expect(await list(login.youthWorker, maria)).toEqual({ ids: [], total: 0 });
  });

  it("gives the viewer their own staff member id, for the list of their own cases", async () => {
    const own = async (who: string) => (await h.request(who, ViewerDocument)).data?.viewer.staffMemberId;
    expect(await own(login.police)).toBe(maria);
    expect(await own(login.socialWorker)).toBe(hanna);
    const { data } = await h.request(login.police, WorkerCaseListDocument, { staffMemberId: maria });
    expect((data?.cases.nodes ?? []).map((n) => n.caseId).sort()).toEqual([a, b].sort());
  });

  it("ends an assignment from a day, keeps it in the history, and frees the lead for the next worker", async () => {
    const ended = as((await unassign(login.supervisor, a, maria)).data?.unassignCaseWorker, "CaseWorkerPayload");
    expect(ended.assignment).toMatchObject({ role: "LEAD_WORKER", assignedOn: today, unassignedOn: today });
    expect(codesOf((await unassign(login.supervisor, a, maria)).data?.unassignCaseWorker)).toEqual([
      "CASEWORKER.NOT_ASSIGNED",
    ]);
    as((await assign(login.supervisor, a, koskinen, "LEAD_WORKER")).data?.assignCaseWorker, "CaseWorkerPayload");
    const now = await h.request(login.police, CaseWorkersDocument, { caseId: a });
    expect(now.data?.case?.assignedWorkers.map((w) => w.staffMember.id).sort()).toEqual([hanna, koskinen].sort());
    const history = await h.request(login.police, CaseWorkersDocument, { caseId: a, includeEnded: true });
    expect(history.data?.case?.assignedWorkers.map((w) => [w.staffMember.id, w.unassignedOn])).toContainEqual([
      maria,
      today,
    ]);
    expect((await caseloads())[maria]).toEqual([1, 2, 1]);
  });

  it("shows the assigned workers only to those who see the case", async () => {
    const kuva = await h.request(login.youthWorker, CaseWorkersDocument, { caseId: a });
    expect(kuva.data?.case ?? null).toBeNull();
    const admin = await h.request(login.admin, CaseWorkersDocument, { caseId: a });
    expect(admin.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("shows no workers to a reader present on consent alone, and does not assign her to the case", async () => {
    // A school social worker (fictional) of the Education Division: outside the core team.
    const school = schoolSocialWorker;
    const asSchool = await addSchoolSocialWorker(h);
    const c = await refer(h);
    await admit(h, c);
    await inviteEducationUnderConsent(h, c, school.staffId);
    as((await assign(login.supervisor, c, maria, "LEAD_WORKER")).data?.assignCaseWorker, "CaseWorkerPayload");
    const seen = await asSchool(
      `query($id: String!) { case(caseId: $id) { caseId assignedWorkers { assignmentId } } }`,
      { id: c },
    );
    expect(seen.data?.case).toEqual({ caseId: c, assignedWorkers: [] });
    expect(codesOf((await assign(login.supervisor, c, school.staffId, "PAIR_WORKER")).data?.assignCaseWorker)).toEqual([
      "CASEWORKER.NO_ACCESS",
    ]);
  });
});
