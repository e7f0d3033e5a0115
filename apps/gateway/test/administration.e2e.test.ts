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
  StaffListDocument,
} from "@ankkuri/client/operations";
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
});
