import { testEngines } from "@ankkuri/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AgreementDocument,
  AssignStaffDocument,
  ChairCalendarDocument,
  EndAssignmentDocument,
  FteDashboardDocument,
  GiveNoticeDocument,
  OverrideChairTermDocument,
  RecordClearanceDocument,
  RecordJoiningDecisionDocument,
  SetTeamReportLanguagesDocument,
  StaffListDocument,
} from "@ankkuri/client/operations";
import { schema } from "@ankkuri/db";
import { and, eq } from "drizzle-orm";
import { type Harness, startHarness } from "./harness.js";
import { as, clock, login, org } from "./steps.js";

const steering = "body-hel-ankkuri-steering";

describe.each(testEngines)("team administration over HTTP on %s", (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(engine, { gateway: { clock } });
  });
  afterAll(async () => {
    await h.close();
  });
  const admin = login.admin;

  describe("assignStaff and endAssignment", () => {
    it("assigns within the 1.0 FTE limit and refuses more", async () => {
      // Karjalainen works 0.5 for the team from 2024-05-01: another 0.5 fits, 0.51 does not.
      const refused = as(
        (
          await h.request(admin, AssignStaffDocument, {
            input: {
              staffId: "st-sotepe-karjalainen",
              organisationId: org.socialEmergency,
              fraction: 0.51,
              validFrom: "2027-01-01",
              validTo: "2027-06-30",
            },
          })
        ).data?.assignStaff,
        "RuleViolationError",
      );
      expect(refused.violations.map((v) => v.code)).toContain("STAFFING.OVER_ALLOCATED");
      const assigned = as(
        (
          await h.request(admin, AssignStaffDocument, {
            input: {
              staffId: "st-sotepe-karjalainen",
              organisationId: org.socialEmergency,
              fraction: 0.5,
              validFrom: "2027-01-01",
              validTo: "2027-06-30",
            },
          })
        ).data?.assignStaff,
        "Assignment",
      );
      expect(assigned).toMatchObject({ fraction: 0.5, validFrom: "2027-01-01", version: 0 });
      const ended = as(
        (
          await h.request(admin, EndAssignmentDocument, {
            assignmentId: assigned.id,
            validTo: "2027-03-31",
            expectedVersion: 0,
          })
        ).data?.endAssignment,
        "Assignment",
      );
      expect(ended).toMatchObject({ validTo: "2027-03-31", version: 1 });
      const stale = as(
        (
          await h.request(admin, EndAssignmentDocument, {
            assignmentId: assigned.id,
            validTo: "2027-02-28",
            expectedVersion: 0,
          })
        ).data?.endAssignment,
        "ConflictError",
      );
      expect(stale.code).toBe("CONFLICT.STALE_VERSION");
      const staff =
        (await h.request(admin, StaffListDocument, { organisationId: org.socialEmergency })).data?.staff ?? [];
      expect(
        staff.find((s) => s.id === "st-sotepe-karjalainen")?.assignments.find((a) => a.id === assigned.id)?.validTo,
      ).toBe("2027-03-31");
    });

    it("shows a new assignment on the FTE dashboard at once", async () => {
      // The dashboard is derived once per dataset version: a change must give a new one.
      const period = { from: "2029-01-01", to: "2029-06-30" };
      const unit = async () =>
        (await h.request(login.leadership, FteDashboardDocument, { period })).data?.fteReport.units.find(
          (u) => u.organisation.id === org.socialEmergency,
        );
      const before = await unit();
      expect(await unit()).toEqual(before);
      as(
        (
          await h.request(admin, AssignStaffDocument, {
            input: {
              staffId: "st-sotepe-karjalainen",
              organisationId: org.socialEmergency,
              fraction: 0.5,
              validFrom: "2029-01-01",
              validTo: "2029-06-30",
            },
          })
        ).data?.assignStaff,
        "Assignment",
      );
      const after = await unit();
      // More realised FTE (not the whole 0.5: premises work counts only while cleared).
      expect(after?.realised ?? 0).toBeGreaterThan(before?.realised ?? Number.POSITIVE_INFINITY);
    });

    it("refuses a second operational supervisor on the same days", async () => {
      const refused = as(
        (
          await h.request(admin, AssignStaffDocument, {
            input: {
              staffId: "st-hpl-heikkinen",
              organisationId: org.policePrevention,
              fraction: 0.01,
              validFrom: "2027-01-01",
              operationalSupervisor: true,
            },
          })
        ).data?.assignStaff,
        "RuleViolationError",
      );
      expect(refused.violations.map((v) => v.code)).toEqual(expect.arrayContaining(["STAFFING.SUPERVISOR_OVERLAP"]));
    });

    it("says not found for an unknown staff member", async () => {
      expect(
        as(
          (
            await h.request(admin, AssignStaffDocument, {
              input: {
                staffId: "st-nobody",
                organisationId: org.socialEmergency,
                fraction: 0.5,
                validFrom: "2027-01-01",
              },
            })
          ).data?.assignStaff,
          "NotFoundError",
        ).path,
      ).toEqual(["input", "staffId"]);
    });

    it("validates the fraction at the boundary", async () => {
      const invalid = (
        await h.request(admin, AssignStaffDocument, {
          input: {
            staffId: "st-sotepe-karjalainen",
            organisationId: org.socialEmergency,
            fraction: 1.5,
            validFrom: "2027-01-01",
          },
        })
      ).data?.assignStaff;
      expect(as(invalid, "InputValidationError").issues[0]?.path).toEqual(["input", "fraction"]);
    });
  });

  it("records a security clearance that is valid from its grant", async () => {
    const clearance = as(
      (
        await h.request(admin, RecordClearanceDocument, {
          input: {
            staffId: "st-kuva-tuominen",
            scope: "EXTENDED",
            requestedOn: "2026-09-01",
            grantedOn: "2026-10-01",
            validUntil: "2031-09-30",
          },
        })
      ).data?.recordClearance,
      "SecurityClearance",
    );
    expect(clearance).toMatchObject({ scope: "EXTENDED", validOn: true });
  });

  describe("joining decisions", () => {
    const input = (approvals: string[]) => ({
      organisationId: org.hus,
      effectiveFrom: "2026-12-01",
      description: "HUS:n nuorisopsykiatrian edustaja mukaan työryhmään (kuvitteellinen päätös).",
      approvals: approvals.map((organisationId) => ({
        organisationId,
        approvedOn: "2026-11-20",
        reference: `Päätös ${organisationId}`,
      })),
    });

    it("needs the approval of both the police department and Sotepe; Kuva's is not needed", async () => {
      const refused = as(
        (await h.request(admin, RecordJoiningDecisionDocument, { input: input(["org-hpl", org.kuva]) })).data
          ?.recordJoiningDecision,
        "RuleViolationError",
      );
      expect(refused.code).toBe("AGREEMENT.JOINING_APPROVAL_MISSING");
      expect(refused.violations[0]?.ids).toContain("org-hel-sotepe");
      const decided = as(
        (await h.request(admin, RecordJoiningDecisionDocument, { input: input(["org-hpl", "org-hel-sotepe"]) })).data
          ?.recordJoiningDecision,
        "JoiningDecision",
      );
      expect(decided.approvals.map((a) => a.organisation.id).sort()).toEqual(["org-hel-sotepe", "org-hpl"]);
    });
  });

  describe("notices", () => {
    it("sets the end six calendar months later, clamped to the month's end, and refuses a second notice", async () => {
      const notice = as(
        (
          await h.request(admin, GiveNoticeDocument, {
            partyId: org.kuva,
            givenOn: "2027-08-31",
            reference: "Kuvan päätös (kuvitteellinen)",
          })
        ).data?.giveNotice,
        "Notice",
      );
      expect(notice.endsOn).toBe("2028-02-29");
      const again = as(
        (await h.request(admin, GiveNoticeDocument, { partyId: org.kuva, givenOn: "2027-09-01", reference: "x" })).data
          ?.giveNotice,
        "RuleViolationError",
      );
      expect(again.code).toBe("AGREEMENT.NOTICE_ALREADY_GIVEN");
      expect(
        (await h.request(login.leadership, AgreementDocument, {})).data?.agreement?.notices.map((n) => n.endsOn),
      ).toEqual(["2028-02-29"]);
    });
  });

  describe("chair overrides", () => {
    it("refuses a day that starts no term, then gives a term away and lets the displaced party chair next", async () => {
      const wrong = as(
        (
          await h.request(admin, OverrideChairTermDocument, {
            bodyId: steering,
            termStart: "2027-06-01",
            partyId: org.sotepe,
            decidedOn: "2027-01-15",
            reference: "x",
          })
        ).data?.overrideChairTerm,
        "RuleViolationError",
      );
      expect(wrong.code).toBe("ROTATION.OVERRIDE_NOT_TERM_START");
      as(
        (
          await h.request(admin, OverrideChairTermDocument, {
            bodyId: steering,
            termStart: "2027-05-01",
            partyId: org.sotepe,
            decidedOn: "2027-01-15",
            reference: "Johtoryhmän päätös (kuvitteellinen)",
          })
        ).data?.overrideChairTerm,
        "CooperationBody",
      );
      const calendar =
        (await h.request(login.steering, ChairCalendarDocument, { bodyId: steering, from: "2026-05-01", years: 3 }))
          .data?.chairCalendar ?? [];
      // Order: police 2024, Sotepe 2025, Kuva 2026, then police's turn in 2027 goes to Sotepe by decision.
      expect(calendar.map((t) => [t.from, t.chair?.id, t.overrideReference !== null])).toEqual([
        ["2026-05-01", "org-hel-kuva", false],
        ["2027-05-01", "org-hel-sotepe", true],
        ["2028-05-01", "org-hpl", false],
      ]);
    });
  });

  describe("report languages", () => {
    const stored = async () =>
      (await h.database.db.query.teams.findFirst({ where: { id: "team-helsinki" } }))?.reportLanguages;

    it("sets the languages of the scheduled reports, audited with the languages before and after", async () => {
      expect(await stored()).toEqual(["fi", "sv"]);
      const set = as(
        (await h.request(admin, SetTeamReportLanguagesDocument, { languages: ["SV"] })).data?.setTeamReportLanguages,
        "Team",
      );
      expect(set.reportLanguages).toEqual(["SV"]);
      expect(await stored()).toEqual(["sv"]);
      // The next read of the team answers from the changed dataset.
      const viewer = await h.gql(admin, "{ viewer { team { reportLanguages } } }");
      expect(viewer.body.data).toEqual({ viewer: { team: { reportLanguages: ["SV"] } } });
      const entries = await h.database.db
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.resource, "team"), eq(schema.auditLog.actorId, admin)));
      expect(entries.map((e) => [e.operation, e.resourceId, e.basis, e.details])).toEqual([
        ["update", "team-helsinki", "administration", { reportLanguages: ["sv"], before: ["fi", "sv"] }],
      ]);
      as(
        (await h.request(admin, SetTeamReportLanguagesDocument, { languages: ["FI", "SV"] })).data
          ?.setTeamReportLanguages,
        "Team",
      );
      expect(await stored()).toEqual(["fi", "sv"]);
    });

    it("refuses none, English and a language twice, in the reader's language, and changes nothing", async () => {
      const refused = as(
        (
          await h.request(
            admin,
            SetTeamReportLanguagesDocument,
            { languages: ["FI", "EN", "FI"] },
            { "accept-language": "sv" },
          )
        ).data?.setTeamReportLanguages,
        "RuleViolationError",
      );
      expect(refused.violations.map((v) => v.code)).toEqual([
        "REPORT.LANGUAGE_UNSUPPORTED",
        "REPORT.LANGUAGE_REPEATED",
      ]);
      expect(refused.path).toEqual(["languages", "1"]);
      expect(refused.message).toContain("finska eller svenska");
      const none = as(
        (await h.request(admin, SetTeamReportLanguagesDocument, { languages: [] })).data?.setTeamReportLanguages,
        "RuleViolationError",
      );
      expect(none.code).toBe("REPORT.LANGUAGES_MISSING");
      expect(await stored()).toEqual(["fi", "sv"]);
    });

    it("is a team administrator's: a caseworker and a steering-group member are refused", async () => {
      for (const who of [login.police, login.steering]) {
        const { data, errors } = await h.request(who, SetTeamReportLanguagesDocument, { languages: ["SV"] });
        expect(data?.setTeamReportLanguages ?? null).toBeNull();
        expect(errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      }
      expect(await stored()).toEqual(["fi", "sv"]);
    });
  });
});
