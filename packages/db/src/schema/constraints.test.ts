import { helsinkiAnkkuri, helsinkiOrganisationIds as org } from "@ankkuri/domain";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { describe, expect, it } from "vitest";
import { activeCaseDays, insertClientCase, refusedBy, seededTestDatabase, testEngines } from "../testing/index.js";
import * as t from "./tables.js";

const teamId = helsinkiAnkkuri.team.id;

describe.each(testEngines)("database constraints on %s", (engine) => {
  const clientId = uuidv7();
  const caseId = uuidv7();
  const database = seededTestDatabase(engine, async (db) => {
    await insertClientCase(db, { id: caseId, client: { id: clientId }, ...activeCaseDays });
  });
  const db = () => database.db;

  describe("organisations", () => {
    it("refuses a business ID on a division and a malformed one", async () => {
      await refusedBy(
        db().insert(t.organisations).values({
          id: "org-bad-1",
          kind: "division",
          parentId: org.city,
          nameFi: "X",
          nameSv: "X",
          nameEn: "X",
          businessId: "0201256-6",
          sector: "other",
        }),
        "organisations_business_id_check",
      );
      await refusedBy(
        db().insert(t.organisations).values({
          id: "org-bad-2",
          kind: "legal-entity",
          parentId: null,
          nameFi: "X",
          nameSv: "X",
          nameEn: "X",
          businessId: "201256-6",
          sector: "other",
        }),
        "organisations_business_id_check",
      );
    });

    it("refuses a unit without a parent, and a parent that does not exist", async () => {
      await refusedBy(
        db().insert(t.organisations).values({
          id: "org-bad-3",
          kind: "unit",
          parentId: null,
          nameFi: "X",
          nameSv: "X",
          nameEn: "X",
          sector: "other",
        }),
        "organisations_root_check",
      );
      await refusedBy(
        db().insert(t.organisations).values({
          id: "org-bad-4",
          kind: "unit",
          parentId: "org-missing",
          nameFi: "X",
          nameSv: "X",
          nameEn: "X",
          sector: "other",
        }),
        "organisations_parent_id_organisations_id_fkey",
      );
    });

    it("refuses an unknown sector", async () => {
      await refusedBy(
        db()
          .insert(t.organisations)
          .values({
            id: "org-bad-5",
            kind: "legal-entity",
            parentId: null,
            nameFi: "X",
            nameSv: "X",
            nameEn: "X",
            sector: "bakery" as never,
          }),
        "organisations_sector_check",
      );
    });
  });

  describe("staff and assignments", () => {
    const person = "st-hpl-koskinen";
    const assignment = (id: string, values: Partial<typeof t.assignments.$inferInsert> = {}) =>
      db()
        .insert(t.assignments)
        .values({
          teamId,
          id,
          staffId: person,
          organisationId: org.policePrevention,
          fraction: 0.5,
          validFrom: "2030-01-01",
          validTo: "2030-12-31",
          ...values,
        });

    it("refuses a login used twice in the team", async () => {
      await refusedBy(
        db().insert(t.staff).values({
          teamId,
          id: "st-dup",
          organisationId: org.policePrevention,
          profession: "police-officer",
          givenName: "A",
          familyName: "B",
          title: "x",
          login: "maria.jarvinen",
        }),
        "staff_login_unique",
      );
    });

    it("refuses fractions outside (0, 1] and intervals that end before they start", async () => {
      await refusedBy(
        assignment("as-zero", { fraction: 0, staffId: "st-hpl-heikkinen" }),
        "assignments_fraction_check",
      );
      await refusedBy(
        assignment("as-big", { fraction: 1.5, staffId: "st-hpl-heikkinen" }),
        "assignments_fraction_check",
      );
      await refusedBy(
        assignment("as-back", { validFrom: "2031-01-01", validTo: "2030-01-01", staffId: "st-hpl-heikkinen" }),
        "assignments_interval_check",
      );
    });

    it("refuses taking a person above 1.0 FTE on any day, by insert or by update, and keeps what was there", async () => {
      // The seed assigns this officer 1.0 from 2024-05-01 open-ended: any further assignment overlaps.
      await refusedBy(assignment("as-over"), "assignments_fte_limit");
      const [own] = await db()
        .select()
        .from(t.assignments)
        .where(and(eq(t.assignments.teamId, teamId), eq(t.assignments.staffId, person)));
      expect(own?.fraction).toBe(1);
      await db()
        .update(t.assignments)
        .set({ validTo: "2029-12-31" })
        .where(and(eq(t.assignments.teamId, teamId), eq(t.assignments.staffId, person)));
      await assignment("as-later");
      await assignment("as-later-2", { validFrom: "2030-07-01", validTo: "2030-07-31" });
      await refusedBy(
        db()
          .update(t.assignments)
          .set({ fraction: 0.6 })
          .where(and(eq(t.assignments.teamId, teamId), eq(t.assignments.id, "as-later"))),
        "assignments_fte_limit",
      );
      await refusedBy(
        assignment("as-later-3", { fraction: 0.01, validFrom: "2030-07-31", validTo: "2030-08-15" }),
        "assignments_fte_limit",
      );
      // A day after both end there is room again.
      await assignment("as-later-4", { fraction: 0.01, validFrom: "2031-01-01", validTo: "2031-01-01" });
    });

    it("refuses a second operational supervisor on any day of the team", async () => {
      await refusedBy(
        db().insert(t.assignments).values({
          teamId,
          id: "as-sup-2",
          staffId: "st-hpl-heikkinen",
          organisationId: org.policePrevention,
          fraction: 0.1,
          validFrom: "2040-01-01",
          validTo: null,
          role: "operational-supervisor",
        }),
        "assignments_one_supervisor_per_day",
      );
    });
  });

  describe("cases", () => {
    it("refuses a status without the fields it requires", async () => {
      await refusedBy(
        db().insert(t.cases).values({
          teamId,
          id: uuidv7(),
          clientId,
          type: "youth-crime",
          status: "admitted",
          referredOn: "2025-01-02",
          referralSource: "police",
          selectionStartedOn: "2025-01-03",
        }),
        "cases_status_fields_check",
      );
    });

    it("refuses lifecycle dates out of order", async () => {
      await refusedBy(
        db().insert(t.cases).values({
          teamId,
          id: uuidv7(),
          clientId,
          type: "youth-crime",
          status: "admitted",
          referredOn: "2025-01-02",
          referralSource: "police",
          selectionStartedOn: "2025-01-03",
          decidedOn: "2025-01-01",
        }),
        "cases_dates_check",
      );
    });

    it("refuses a case of a client that does not exist", async () => {
      await refusedBy(
        db().insert(t.cases).values({
          teamId,
          id: uuidv7(),
          clientId: uuidv7(),
          type: "youth-crime",
          status: "referred",
          referredOn: "2025-01-02",
          referralSource: "police",
        }),
        "cases_team_id_client_id_clients_team_id_id_fkey",
      );
    });

    it("keeps identity codes only encrypted", async () => {
      await refusedBy(
        db()
          .insert(t.clients)
          .values({
            teamId,
            id: uuidv7(),
            birthDate: "2010-01-01",
            givenName: "C",
            familyName: "D",
            identityCodeCiphertext: "010594Y9032",
            identityCodeHmac: "b".repeat(64),
          }),
        "clients_identity_format_check",
      );
    });

    it("keeps a consent's withdrawal entries as written: a correction is a new entry", async () => {
      const consent = { id: uuidv7(), givenOn: "2025-01-07" };
      await db().insert(t.consents).values({
        teamId,
        caseId,
        id: consent.id,
        giverKind: "client",
        givenOn: consent.givenOn,
        form: "written",
        recordedBy: "testi",
      });
      const entry = uuidv7();
      await db().insert(t.consentWithdrawals).values({
        teamId,
        id: entry,
        consentId: consent.id,
        withdrawnOn: consent.givenOn,
        recordedOn: consent.givenOn,
        recordedBy: "testi",
      });
      await expect(
        db().update(t.consentWithdrawals).set({ withdrawnOn: null }).where(eq(t.consentWithdrawals.id, entry)),
      ).rejects.toThrow();
      const [kept] = await db().select().from(t.consentWithdrawals).where(eq(t.consentWithdrawals.id, entry));
      expect(kept?.withdrawnOn).toBe(consent.givenOn);
      await refusedBy(
        db().insert(t.consentWithdrawals).values({
          teamId,
          id: uuidv7(),
          consentId: consent.id,
          withdrawnOn: null,
          recordedOn: consent.givenOn,
          recordedBy: "testi",
          corrects: entry,
        }),
        "consent_withdrawals_correction_check",
      );
    });

    it("refuses a membership that ends before it starts, and an unknown basis or role", async () => {
      const membership = {
        teamId,
        caseId,
        id: uuidv7(),
        organisationId: org.policePrevention,
        basis: "selecting-unit" as const,
        validFrom: "2025-02-01",
      };
      await refusedBy(
        db()
          .insert(t.caseMemberships)
          .values({ ...membership, validTo: "2025-01-31" }),
        "case_memberships_interval_check",
      );
      await refusedBy(
        db()
          .insert(t.caseMemberships)
          .values({ ...membership, basis: "assigned" as never }),
        "case_memberships_basis_check",
      );
      await refusedBy(
        db()
          .insert(t.roleAssignments)
          .values({
            teamId,
            id: "ra-x",
            login: "kari.nurmi",
            role: "police-officer" as never,
            organisationId: org.policePrevention,
            validFrom: "2025-01-01",
          }),
        "role_assignments_role_check",
      );
    });

    it("refuses a consent withdrawn before it was given", async () => {
      await refusedBy(
        db().insert(t.consents).values({
          teamId,
          caseId,
          id: uuidv7(),
          giverKind: "client",
          givenOn: "2025-02-01",
          withdrawnOn: "2025-01-01",
          form: "written",
          recordedBy: "x",
        }),
        "consents_dates_check",
      );
      await refusedBy(
        db().insert(t.consents).values({
          teamId,
          caseId,
          id: uuidv7(),
          giverKind: "guardian",
          givenOn: "2025-02-01",
          form: "written",
          recordedBy: "x",
        }),
        "consents_giver_check",
      );
    });

    it("refuses a held meeting without a date, and a record of a meeting not held", async () => {
      await refusedBy(
        db().insert(t.meetings).values({ teamId, caseId, id: uuidv7(), plannedOn: "2025-02-01", status: "held" }),
        "meetings_held_check",
      );
      const planned = uuidv7();
      await db().insert(t.meetings).values({ teamId, caseId, id: planned, plannedOn: "2025-02-01", status: "planned" });
      await refusedBy(
        db().insert(t.meetingRecords).values({
          teamId,
          meetingId: planned,
          recordedOn: "2025-02-01",
          recordedBy: "x",
          inClientRecord: true,
          inStatistics: true,
        }),
        "meeting_records_held",
      );
      const held = uuidv7();
      await db()
        .insert(t.meetings)
        .values({ teamId, caseId, id: held, plannedOn: "2025-02-01", status: "held", heldOn: "2025-02-03" });
      await refusedBy(
        db().insert(t.meetingRecords).values({
          teamId,
          meetingId: held,
          recordedOn: "2025-02-02",
          recordedBy: "x",
          inClientRecord: true,
          inStatistics: true,
        }),
        "meeting_records_held",
      );
      await refusedBy(
        db()
          .insert(t.meetingParticipants)
          .values({ teamId, meetingId: held, id: "p1", role: "client", organisationId: org.policePrevention }),
        "meeting_participants_org_check",
      );
    });

    it("refuses a referral whose status changed before it was made", async () => {
      await refusedBy(
        db().insert(t.referrals).values({
          teamId,
          caseId,
          id: uuidv7(),
          service: "youth-work",
          organisationId: org.youthServices,
          madeOn: "2025-03-01",
          status: "made",
          statusChangedOn: "2025-02-01",
        }),
        "referrals_dates_check",
      );
    });
  });

  describe("teams", () => {
    it("produce scheduled reports in Finnish unless set, in a set of fi and sv", async () => {
      const [team] = await db()
        .insert(t.teams)
        .values({
          id: "team-languages",
          code: "languages",
          nameFi: "X",
          nameSv: "X",
          nameEn: "X",
          policeDepartmentId: org.police,
        })
        .returning({ reportLanguages: t.teams.reportLanguages });
      expect(team?.reportLanguages).toEqual(["fi"]);
      const set = (languages: SQL) =>
        db().execute(sql`update teams set report_languages = ${languages} where id = 'team-languages'`);
      for (const good of [sql`'{sv}'`, sql`'{sv,fi}'`, sql`'{fi,sv}'`]) await set(good);
      const [stored] = await db()
        .select({ reportLanguages: t.teams.reportLanguages })
        .from(t.teams)
        .where(eq(t.teams.id, "team-languages"));
      expect(stored?.reportLanguages).toEqual(["fi", "sv"]);
      // None, one twice, English, a null, or a two-dimensional array: each refused by the check.
      for (const bad of [
        sql`'{}'`,
        sql`'{fi,fi}'`,
        sql`'{sv,fi,sv}'`,
        sql`'{fi,en}'`,
        sql`'{fi,NULL}'`,
        sql`'{{fi},{sv}}'`,
      ])
        await refusedBy(set(bad), "teams_report_languages_check");
    });
  });

  describe("agreements and reports", () => {
    it("refuses a second notice by the same party", async () => {
      const notice = {
        teamId,
        agreementId: helsinkiAnkkuri.agreement.id,
        partyId: org.kuva,
        givenOn: "2025-01-01",
        reference: "x",
      };
      await db()
        .insert(t.notices)
        .values({ ...notice, id: "n-1" });
      await refusedBy(
        db()
          .insert(t.notices)
          .values({ ...notice, id: "n-2" }),
        "notices_one_per_party",
      );
    });

    it("never rewrites an agreement version", async () => {
      const attempt = db()
        .update(t.agreementVersions)
        .set({ noticePeriodMonths: 1 })
        .where(eq(t.agreementVersions.teamId, teamId));
      await expect(attempt).rejects.toThrow();
      const [v] = await db().select().from(t.agreementVersions).where(eq(t.agreementVersions.teamId, teamId));
      expect(v?.noticePeriodMonths).toBe(6);
    });

    it("produces a report once per type, period, scope and language, in Finnish or Swedish", async () => {
      const run = {
        teamId,
        type: "annual" as const,
        periodFrom: "2024-05-01",
        periodTo: "2025-04-30",
        requestedBy: "x",
      };
      const [finnish] = await db()
        .insert(t.reportRuns)
        .values({ ...run, id: uuidv7() })
        .returning({ language: t.reportRuns.language });
      expect(finnish?.language).toBe("fi");
      await refusedBy(
        db()
          .insert(t.reportRuns)
          .values({ ...run, id: uuidv7(), language: "fi" }),
        "report_runs_once",
      );
      // The same period in Swedish is a run of its own, and is produced once too.
      await db()
        .insert(t.reportRuns)
        .values({ ...run, id: uuidv7(), language: "sv" });
      await refusedBy(
        db()
          .insert(t.reportRuns)
          .values({ ...run, id: uuidv7(), language: "sv" }),
        "report_runs_once",
      );
      await refusedBy(
        db()
          .insert(t.reportRuns)
          .values({ ...run, id: uuidv7(), language: "en" as "fi" }),
        "report_runs_language_check",
      );
    });
  });

  describe("the audit log", () => {
    it("refuses updates, deletes and truncation", async () => {
      await db()
        .insert(t.auditLog)
        .values({
          teamId,
          seq: 1,
          occurredAt: new Date(),
          requestId: "r",
          actorId: "a",
          actorOrganisationId: org.police,
          actorRole: "auditor",
          operation: "read",
          resource: "case",
          purpose: "test",
          basis: "audit",
          basisRecorded: true,
          prevHash: "0".repeat(64),
          hash: "1".repeat(64),
        });
      await expect(db().update(t.auditLog).set({ purpose: "changed" })).rejects.toThrow();
      await expect(db().delete(t.auditLog)).rejects.toThrow();
      await expect(db().execute(sql`truncate audit_log`)).rejects.toThrow();
      const rows = await db().select().from(t.auditLog);
      expect(rows.map((r) => r.purpose)).toEqual(["test"]);
    });
  });
});
