import { schema, sql } from "@ankkuri/db";
import { testEngines } from "@ankkuri/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AddStaffMemberDocument,
  AssignStaffDocument,
  CloseUserAccountDocument,
  ClosePoliceMailAccountDocument,
  CreateUserAccountDocument,
  EndAssignmentDocument,
  GrantPoliceMailAccountDocument,
  GrantPremisesAccessDocument,
  MoveAssignmentDocument,
  RecordClearanceDocument,
  RevokeClearanceDocument,
  RevokePremisesAccessDocument,
  StaffListDocument,
  StaffPremisesDocument,
  UpdateStaffMemberDocument,
  UserAccountsDocument,
} from "@ankkuri/client/operations";
import { type GraphQLBody, type Harness, startHarness } from "./harness.js";
import { as, clock, login, org, today } from "./steps.js";

const admin = login.admin;
const codeOf = (errors: { extensions?: Record<string, unknown> }[] | undefined) => errors?.[0]?.extensions?.code;
const codes = (e: { violations: { code: string }[] }) => e.violations.map((v) => v.code);

describe.each(testEngines)("staff and user administration over HTTP on %s", (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(engine, { gateway: { clock } });
  });
  afterAll(async () => {
    await h.close();
  });

  /** Signs in a login the seed does not know (a person added by a test): the database decides the rest. */
  const post = async (login: string, query: string, variables: Record<string, unknown> = {}) => {
    const token = await h.issuer.sign({ login, name: login });
    const response = await h.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", "authorization": `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLBody;
  };

  const addPerson = async (input: {
    organisationId: string;
    profession: "POLICE_OFFICER" | "YOUTH_WORKER" | "SOCIAL_WORKER";
    givenName: string;
    familyName: string;
    login: string;
  }) =>
    as(
      (await h.request(admin, AddStaffMemberDocument, { input: { ...input, title: "kuvitteellinen nimike" } })).data
        ?.addStaffMember,
      "StaffMember",
    );

  const assignmentOf = async (staffId: string) => {
    const staff = (await h.request(admin, StaffListDocument, {})).data?.staff ?? [];
    return staff.find((s) => s.id === staffId)?.assignments ?? [];
  };

  describe("staff members and user accounts", () => {
    it("adds a person, opens their login, lets the assignment give them their role, and closes the login", async () => {
      const person = await addPerson({
        organisationId: org.youthServices,
        profession: "YOUTH_WORKER",
        givenName: "Iida",
        familyName: "Uusitalo",
        login: "iida.uusitalo",
      });
      expect(person).toMatchObject({ login: "iida.uusitalo", policeMailAccount: false, version: 0 });
      // No account yet: the token names a login the team does not know.
      expect(codeOf((await post("iida.uusitalo", "{ viewer { name } }")).errors)).toBe("UNAUTHENTICATED");
      const account = as(
        (await h.request(admin, CreateUserAccountDocument, { staffId: person.id })).data?.createUserAccount,
        "UserAccount",
      );
      expect(account).toMatchObject({ login: "iida.uusitalo", displayName: "Iida Uusitalo", closedOn: null });
      // An account alone gives no role.
      expect(codeOf((await post("iida.uusitalo", "{ viewer { name } }")).errors)).toBe("FORBIDDEN");
      const again = as(
        (await h.request(admin, CreateUserAccountDocument, { staffId: person.id })).data?.createUserAccount,
        "RuleViolationError",
      );
      expect(again.code).toBe("USER.ACCOUNT_EXISTS");
      // The assignment in force gives the role.
      as(
        (
          await h.request(admin, AssignStaffDocument, {
            input: {
              staffId: person.id,
              organisationId: org.youthServices,
              fraction: 0.2,
              validFrom: today,
              needsPremisesAccess: false,
            },
          })
        ).data?.assignStaff,
        "Assignment",
      );
      const viewer = await post("iida.uusitalo", "{ viewer { name roles } }");
      expect(viewer.data?.viewer).toEqual({ name: "Iida Uusitalo", roles: ["YOUTH_WORKER"] });

      const past = as(
        (
          await h.request(admin, CloseUserAccountDocument, {
            login: "iida.uusitalo",
            closedOn: "2026-11-21",
            expectedVersion: 0,
          })
        ).data?.closeUserAccount,
        "RuleViolationError",
      );
      expect(past.code).toBe("USER.CLOSED_IN_PAST");
      const closed = as(
        (
          await h.request(admin, CloseUserAccountDocument, {
            login: "iida.uusitalo",
            closedOn: today,
            expectedVersion: 0,
          })
        ).data?.closeUserAccount,
        "UserAccount",
      );
      expect(closed).toMatchObject({ closedOn: today, version: 1 });
      expect(codeOf((await post("iida.uusitalo", "{ viewer { name } }")).errors)).toBe("UNAUTHENTICATED");
      const accounts = (await h.request(admin, UserAccountsDocument, {})).data?.userAccounts ?? [];
      expect(accounts.find((a) => a.login === "iida.uusitalo")).toMatchObject({
        closedOn: today,
        staffMember: { id: person.id },
      });
    });

    it("refuses a login someone has and an organisation outside the agreement, naming the person in every language", async () => {
      const refused = as(
        (
          await h.request(admin, AddStaffMemberDocument, {
            input: {
              organisationId: org.hus,
              profession: "YOUTH_WORKER",
              givenName: "Toinen",
              familyName: "Tuominen",
              title: "x",
              login: "emma.tuominen",
            },
          })
        ).data?.addStaffMember,
        "RuleViolationError",
      );
      expect(codes(refused)).toEqual(["STAFF.LOGIN_TAKEN", "STAFF.ORGANISATION_NOT_IN_AGREEMENT"]);
      const swedish = await h.gql(
        admin,
        `mutation { addStaffMember(input: { organisationId: "${org.youthServices}", profession: YOUTH_WORKER,
          givenName: "A", familyName: "B", title: "x", login: "emma.tuominen" }) {
          ... on RuleViolationError { message(language: SV) violations { messages { fi sv en } } } } }`,
      );
      const payload = swedish.body.data?.addStaffMember as { message: string; violations: { messages: object }[] };
      expect(payload.message).toContain("Emma Tuominen");
      expect(payload.message).toMatch(/tillhör/);
      expect(payload.violations[0]?.messages).toMatchObject({
        fi: expect.stringContaining("Emma Tuominen") as unknown,
        en: expect.stringContaining("Emma Tuominen") as unknown,
      });
    });

    it("updates a person with the version they read and refuses a stale one", async () => {
      const updated = as(
        (
          await h.request(admin, UpdateStaffMemberDocument, {
            input: { staffId: "st-kuva-nieminen", expectedVersion: 0, title: "vastaava nuoriso-ohjaaja" },
          })
        ).data?.updateStaffMember,
        "StaffMember",
      );
      expect(updated).toMatchObject({ title: "vastaava nuoriso-ohjaaja", login: "aleksi.nieminen", version: 1 });
      const stale = as(
        (
          await h.request(admin, UpdateStaffMemberDocument, {
            input: { staffId: "st-kuva-nieminen", expectedVersion: 0, title: "x" },
          })
        ).data?.updateStaffMember,
        "ConflictError",
      );
      expect(stale.code).toBe("CONFLICT.STALE_VERSION");
    });

    it("refuses to close the administrator's own login", async () => {
      const own = as(
        (await h.request(admin, CloseUserAccountDocument, { login: admin, closedOn: today, expectedVersion: 0 })).data
          ?.closeUserAccount,
        "RuleViolationError",
      );
      expect(own.code).toBe("USER.OWN_ACCOUNT");
    });
  });

  describe("moveAssignment and the operational supervisor", () => {
    let successorId = "";
    beforeAll(async () => {
      successorId = (
        await addPerson({
          organisationId: org.policePrevention,
          profession: "POLICE_OFFICER",
          givenName: "Olli",
          familyName: "Seuraaja",
          login: "olli.seuraaja",
        })
      ).id;
    });

    it("refuses to end the only supervisor's assignment without a successor", async () => {
      const refused = as(
        (
          await h.request(admin, EndAssignmentDocument, {
            assignmentId: "as-hpl-lehtinen",
            validTo: "2026-12-31",
            expectedVersion: 0,
          })
        ).data?.endAssignment,
        "RuleViolationError",
      );
      expect(refused.code).toBe("STAFFING.SUPERVISOR_GAP");
      expect(refused.violations[0]?.message).toContain("2027-01-01");
      expect((await assignmentOf("st-hpl-lehtinen"))[0]).toMatchObject({ validTo: null, version: 0 });
    });

    it("hands the supervision over to a successor from the next day, atomically", async () => {
      const moved = as(
        (
          await h.request(admin, MoveAssignmentDocument, {
            input: {
              assignmentId: "as-hpl-lehtinen",
              expectedVersion: 0,
              lastDay: "2026-12-31",
              next: { staffId: successorId },
            },
          })
        ).data?.moveAssignment,
        "MoveAssignmentPayload",
      );
      expect(moved.ended).toMatchObject({ id: "as-hpl-lehtinen", validTo: "2026-12-31", version: 1 });
      expect(moved.started).toMatchObject({
        validFrom: "2027-01-01",
        validTo: null,
        fraction: 1,
        operationalSupervisor: true,
        organisation: { id: org.policePrevention },
      });
      expect(moved.warnings).toEqual([]);
      expect((await assignmentOf(successorId)).map((a) => a.id)).toEqual([moved.started.id]);
    });

    it("refuses a step-down that leaves a gap, and accepts it only with the warning in the payload", async () => {
      const [current] = await assignmentOf(successorId);
      const input = {
        assignmentId: current?.id ?? "",
        expectedVersion: current?.version ?? 0,
        lastDay: "2027-06-30",
        next: { operationalSupervisor: false, fraction: 0.5 },
      };
      const refused = as(
        (await h.request(admin, MoveAssignmentDocument, { input })).data?.moveAssignment,
        "RuleViolationError",
      );
      expect(refused.code).toBe("STAFFING.SUPERVISOR_GAP");
      const accepted = as(
        (await h.request(admin, MoveAssignmentDocument, { input: { ...input, acceptSupervisorGap: true } })).data
          ?.moveAssignment,
        "MoveAssignmentPayload",
      );
      expect(accepted.warnings.map((w) => [w.code, w.severity])).toEqual([["STAFFING.SUPERVISOR_GAP", "WARNING"]]);
      expect(accepted.warnings[0]?.messages.sv).toContain("2027-07-01");
      expect(accepted.started).toMatchObject({ operationalSupervisor: false, fraction: 0.5, validFrom: "2027-07-01" });
    });

    it("ends the supervision with an accepted gap only when asked, returning the gap and auditing it", async () => {
      // The successor supervises until 2027-06-30 after the step-down above, and nobody after:
      // ending that assignment earlier leaves the team without a supervisor from the next day.
      const [supervision] = await assignmentOf(successorId);
      const request = {
        assignmentId: supervision?.id ?? "",
        validTo: "2027-03-31",
        expectedVersion: supervision?.version ?? 0,
      };
      const refused = as(
        (await h.request(admin, EndAssignmentDocument, request)).data?.endAssignment,
        "RuleViolationError",
      );
      expect(refused.code).toBe("STAFFING.SUPERVISOR_GAP");
      const correlationId = "req-end-gap-0001";
      const ended = as(
        (
          await h.request(
            admin,
            EndAssignmentDocument,
            { ...request, acceptSupervisorGap: true },
            { "x-request-id": correlationId },
          )
        ).data?.endAssignment,
        "Assignment",
      );
      expect(ended).toMatchObject({ id: request.assignmentId, validTo: "2027-03-31" });
      expect(ended.warnings.map((w) => [w.code, w.severity])).toEqual([["STAFFING.SUPERVISOR_GAP", "WARNING"]]);
      expect(ended.warnings[0]?.messages.fi).toContain("2027-04-01");
      // The warning belongs to the write's answer: the same assignment read again carries none.
      const reread = await h.gql(admin, "{ staff { id assignments { id validTo warnings { code } } } }");
      const staff = reread.body.data?.staff as { id: string; assignments: { id: string }[] }[] | undefined;
      expect(staff?.find((s) => s.id === successorId)?.assignments[0]).toEqual({
        id: request.assignmentId,
        validTo: "2027-03-31",
        warnings: [],
      });
      const entries = await h.database.db
        .select()
        .from(schema.auditLog)
        .where(sql`${schema.auditLog.details}->>'correlationId' = ${correlationId}`);
      expect(entries.map((e) => [e.actorId, e.operation, e.resource, e.resourceId, e.basis])).toEqual([
        [admin, "update", "assignment", request.assignmentId, "administration"],
      ]);
      expect(entries[0]?.details).toMatchObject({ validTo: "2027-03-31", warnings: ["STAFFING.SUPERVISOR_GAP"] });
    });

    it("writes nothing when the next assignment breaks a rule", async () => {
      const refused = as(
        (
          await h.request(admin, MoveAssignmentDocument, {
            input: {
              assignmentId: "as-hpl-koskinen",
              expectedVersion: 0,
              lastDay: "2026-12-31",
              next: { staffId: "st-hpl-heikkinen" },
            },
          })
        ).data?.moveAssignment,
        "RuleViolationError",
      );
      expect(refused.code).toBe("STAFFING.OVER_ALLOCATED");
      expect((await assignmentOf("st-hpl-koskinen"))[0]).toMatchObject({ validTo: null, version: 0 });
    });
  });

  describe("premises access, the police mail account and clearances", () => {
    let personId = "";
    beforeAll(async () => {
      personId = (
        await addPerson({
          organisationId: org.socialEmergency,
          profession: "SOCIAL_WORKER",
          givenName: "Kaisa",
          familyName: "Kulkija",
          login: "kaisa.kulkija",
        })
      ).id;
    });
    const premises = async () =>
      ((await h.request(admin, StaffPremisesDocument, {})).data?.staff ?? []).find((s) => s.id === personId);

    it("refuses access and a mail account without a clearance in force", async () => {
      const access = as(
        (
          await h.request(admin, GrantPremisesAccessDocument, {
            input: { staffId: personId, validFrom: "2026-12-01", validTo: "2027-11-30", areas: "Ankkuri-tiimin tilat" },
          })
        ).data?.grantPremisesAccess,
        "RuleViolationError",
      );
      expect(access.code).toBe("STAFFING.CLEARANCE_MISSING");
      expect(access.message).toContain("Kaisa Kulkija");
      const mail = as(
        (await h.request(admin, GrantPoliceMailAccountDocument, { staffId: personId })).data?.grantPoliceMailAccount,
        "RuleViolationError",
      );
      expect(mail.code).toBe("STAFFING.CLEARANCE_MISSING");
    });

    it("grants access within a clearance, then revoking the clearance takes access and mail with it", async () => {
      as(
        (
          await h.request(admin, RecordClearanceDocument, {
            input: {
              staffId: personId,
              scope: "STANDARD",
              requestedOn: "2026-10-01",
              grantedOn: "2026-11-01",
              validUntil: "2031-10-31",
            },
          })
        ).data?.recordClearance,
        "SecurityClearance",
      );
      const outlasting = as(
        (
          await h.request(admin, GrantPremisesAccessDocument, {
            input: { staffId: personId, validFrom: "2026-12-01", areas: "Ankkuri-tiimin tilat" },
          })
        ).data?.grantPremisesAccess,
        "RuleViolationError",
      );
      expect(outlasting.code).toBe("STAFFING.ACCESS_OUTLASTS_CLEARANCE");
      const backDated = as(
        (
          await h.request(admin, GrantPremisesAccessDocument, {
            input: { staffId: personId, validFrom: "2026-11-01", validTo: "2027-10-31", areas: "Ankkuri-tiimin tilat" },
          })
        ).data?.grantPremisesAccess,
        "RuleViolationError",
      );
      expect(backDated.code).toBe("STAFFING.ACCESS_IN_PAST");
      const access = as(
        (
          await h.request(admin, GrantPremisesAccessDocument, {
            input: { staffId: personId, validFrom: "2026-12-01", validTo: "2031-10-31", areas: "Ankkuri-tiimin tilat" },
          })
        ).data?.grantPremisesAccess,
        "PremisesAccess",
      );
      expect(access).toMatchObject({ validFrom: "2026-12-01", validTo: "2031-10-31", version: 0 });
      expect(
        as(
          (await h.request(admin, GrantPoliceMailAccountDocument, { staffId: personId })).data?.grantPoliceMailAccount,
          "StaffMember",
        ).policeMailAccount,
      ).toBe(true);
      expect(
        as(
          (await h.request(admin, GrantPoliceMailAccountDocument, { staffId: personId })).data?.grantPoliceMailAccount,
          "RuleViolationError",
        ).code,
      ).toBe("STAFFING.MAIL_ACCOUNT_EXISTS");

      const clearance = (await premises())?.clearances[0];
      const revoked = as(
        (
          await h.request(admin, RevokeClearanceDocument, {
            clearanceId: clearance?.id ?? "",
            revokedOn: "2027-03-01",
            expectedVersion: clearance?.version ?? 0,
          })
        ).data?.revokeClearance,
        "SecurityClearance",
      );
      expect(revoked).toMatchObject({ revokedOn: "2027-03-01", version: 1 });
      const after = await premises();
      expect(after?.policeMailAccount).toBe(false);
      expect(after?.premisesAccess.map((p) => p.validTo)).toEqual(["2027-02-28"]);
      const twice = as(
        (
          await h.request(admin, RevokeClearanceDocument, {
            clearanceId: clearance?.id ?? "",
            revokedOn: "2027-04-01",
            expectedVersion: 1,
          })
        ).data?.revokeClearance,
        "RuleViolationError",
      );
      expect(twice.code).toBe("STAFFING.CLEARANCE_ALREADY_REVOKED");
    });

    it("ends an access right, not in the past, and closes a mail account once", async () => {
      const tuominen = ((await h.request(admin, StaffPremisesDocument, {})).data?.staff ?? []).find(
        (s) => s.id === "st-kuva-tuominen",
      );
      const access = tuominen?.premisesAccess[0];
      const past = as(
        (
          await h.request(admin, RevokePremisesAccessDocument, {
            accessId: access?.id ?? "",
            lastDay: "2026-11-01",
            expectedVersion: access?.version ?? 0,
          })
        ).data?.revokePremisesAccess,
        "RuleViolationError",
      );
      expect(past.code).toBe("STAFFING.ACCESS_END_IN_PAST");
      expect(
        as(
          (
            await h.request(admin, RevokePremisesAccessDocument, {
              accessId: access?.id ?? "",
              lastDay: "2026-12-31",
              expectedVersion: access?.version ?? 0,
            })
          ).data?.revokePremisesAccess,
          "PremisesAccess",
        ),
      ).toMatchObject({ validTo: "2026-12-31", version: 1 });
      expect(
        as(
          (await h.request(admin, ClosePoliceMailAccountDocument, { staffId: "st-kuva-tuominen" })).data
            ?.closePoliceMailAccount,
          "StaffMember",
        ).policeMailAccount,
      ).toBe(false);
      expect(
        as(
          (await h.request(admin, ClosePoliceMailAccountDocument, { staffId: "st-kuva-tuominen" })).data
            ?.closePoliceMailAccount,
          "RuleViolationError",
        ).code,
      ).toBe("STAFFING.MAIL_ACCOUNT_MISSING");
      expect(
        as(
          (await h.request(admin, GrantPoliceMailAccountDocument, { staffId: "st-hpl-heikkinen" })).data
            ?.grantPoliceMailAccount,
          "RuleViolationError",
        ).code,
      ).toBe("STAFFING.POLICE_STAFF_HAS_MAIL");
    });
  });

  describe("attackers", () => {
    const otherTeam = "team-staff-attack";
    beforeAll(async () => {
      // Another team with a person, an account, a clearance and an access right, written directly.
      const db = h.database.db;
      await db.insert(schema.teams).values({
        id: otherTeam,
        code: "staff-attack",
        nameFi: "Toinen tiimi (kuvitteellinen)",
        nameSv: "Ett annat team (fiktivt)",
        nameEn: "Another team (fictional)",
        policeDepartmentId: org.police,
      });
      await db.insert(schema.staff).values({
        teamId: otherTeam,
        id: "st-other",
        organisationId: org.youthServices,
        profession: "youth-worker",
        givenName: "Vilma",
        familyName: "Vieras",
        title: "nuoriso-ohjaaja",
        login: "vilma.vieras",
        policeMailAccount: true,
      });
      await db.insert(schema.users).values({
        teamId: otherTeam,
        login: "vilma.vieras",
        displayName: "Vilma Vieras",
        staffId: "st-other",
      });
      await db.insert(schema.securityClearances).values({
        teamId: otherTeam,
        id: "sc-other",
        staffId: "st-other",
        scope: "standard",
        requestedById: org.police,
        requestedOn: "2026-01-01",
        grantedOn: "2026-02-01",
        validUntil: "2031-01-31",
      });
      await db.insert(schema.premisesAccess).values({
        teamId: otherTeam,
        id: "pa-other",
        staffId: "st-other",
        validFrom: "2026-03-01",
        areas: "x",
      });
    });

    it("answers another team's people, accounts, clearances and access rights as not found", async () => {
      const answers = [
        (
          await h.request(admin, UpdateStaffMemberDocument, {
            input: { staffId: "st-other", expectedVersion: 0, title: "x" },
          })
        ).data?.updateStaffMember,
        (await h.request(admin, CreateUserAccountDocument, { staffId: "st-other" })).data?.createUserAccount,
        (
          await h.request(admin, CloseUserAccountDocument, {
            login: "vilma.vieras",
            closedOn: today,
            expectedVersion: 0,
          })
        ).data?.closeUserAccount,
        (
          await h.request(admin, GrantPremisesAccessDocument, {
            input: { staffId: "st-other", validFrom: "2026-12-01", validTo: "2027-01-31", areas: "x" },
          })
        ).data?.grantPremisesAccess,
        (
          await h.request(admin, RevokePremisesAccessDocument, {
            accessId: "pa-other",
            lastDay: today,
            expectedVersion: 0,
          })
        ).data?.revokePremisesAccess,
        (await h.request(admin, ClosePoliceMailAccountDocument, { staffId: "st-other" })).data?.closePoliceMailAccount,
        (
          await h.request(admin, RevokeClearanceDocument, {
            clearanceId: "sc-other",
            revokedOn: today,
            expectedVersion: 0,
          })
        ).data?.revokeClearance,
        (
          await h.request(admin, MoveAssignmentDocument, {
            input: { assignmentId: "as-other", expectedVersion: 0, lastDay: today, next: {} },
          })
        ).data?.moveAssignment,
      ];
      expect(answers.map((a) => a?.__typename)).toEqual(Array(answers.length).fill("NotFoundError"));
      // And nothing of theirs changed.
      const [clearance] = await h.database.db.query.securityClearances.findMany({ where: { teamId: otherTeam } });
      expect(clearance?.revokedOn).toBeNull();
      const [person] = await h.database.db.query.staff.findMany({ where: { teamId: otherTeam } });
      expect(person).toMatchObject({ title: "nuoriso-ohjaaja", policeMailAccount: true });
    });

    it("refuses a caseworker whose token claims the administrator's role", async () => {
      const token = await h.issuer.signClaims({ sub: login.police, roles: ["team-administrator"] });
      const response = await h.fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", "authorization": `Bearer ${token}` },
        body: JSON.stringify({
          query: `mutation { closePoliceMailAccount(staffId: "st-kuva-lindqvist") { __typename } }`,
        }),
      });
      const body = (await response.json()) as GraphQLBody;
      expect(body.data?.closePoliceMailAccount ?? null).toBeNull();
      expect(codeOf(body.errors)).toMatch(/^(UNAUTHENTICATED|FORBIDDEN)$/);
      const [lindqvist] = await h.database.db.query.staff.findMany({ where: { id: "st-kuva-lindqvist" } });
      expect(lindqvist?.policeMailAccount).toBe(true);
    });
  });
});
