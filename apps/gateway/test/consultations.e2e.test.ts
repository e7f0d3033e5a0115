import { testEngines } from "@ankkuri/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConsultationsDocument, RecordConsultationDocument } from "@ankkuri/client/operations";
import { type Harness, startHarness } from "./harness.js";
import { as, clock, login, org } from "./steps.js";

describe.each(testEngines)("consultations over HTTP on %s", (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(engine, { gateway: { clock } });
  });
  afterAll(async () => {
    await h.close();
  });
  const input = {
    organisationId: org.socialEmergency,
    topic: "Nuorten rikoskierteen tunnistaminen (kuvitteellinen koulutus)",
    consultedOn: "2026-11-20",
  };

  it("lets an expert record their own consultation for their own organisation, and lists it", async () => {
    const recorded = as(
      (await h.request(login.socialWorker, RecordConsultationDocument, { input })).data?.recordConsultation,
      "Consultation",
    );
    expect(recorded).toMatchObject({
      expert: { id: "st-sotepe-mattila" },
      organisation: { id: org.socialEmergency },
      party: { id: "org-hel-sotepe" },
    });
    const listed = await h.request(login.leadership, ConsultationsDocument, { from: "2026-11-01", to: "2026-11-30" });
    expect(listed.data?.consultations.map((c) => c.id)).toEqual([recorded.id]);
  });

  it("refuses another party's unit, a future day and client data", async () => {
    const other = as(
      (
        await h.request(login.socialWorker, RecordConsultationDocument, {
          input: { ...input, organisationId: org.youthServices },
        })
      ).data?.recordConsultation,
      "RuleViolationError",
    );
    expect(other.code).toBe("CONSULTATION.NOT_OWN_ORGANISATION");
    const future = as(
      (
        await h.request(login.socialWorker, RecordConsultationDocument, {
          input: { ...input, consultedOn: "2026-11-23" },
        })
      ).data?.recordConsultation,
      "RuleViolationError",
    );
    expect(future.code).toBe("CONSULTATION.IN_FUTURE");
    const client = as(
      (
        await h.request(login.socialWorker, RecordConsultationDocument, {
          input: { ...input, topic: "Asiakas 010203A912X" },
        })
      ).data?.recordConsultation,
      "RuleViolationError",
    );
    expect(client.code).toBe("BODY_MEETING.CLIENT_DATA");
  });

  it("answers another person's staff id as not found for a caseworker, and lets the administrator record anyone's", async () => {
    const notOwn = as(
      (
        await h.request(login.socialWorker, RecordConsultationDocument, {
          input: { ...input, staffId: "st-sotepe-karjalainen" },
        })
      ).data?.recordConsultation,
      "NotFoundError",
    );
    expect(notOwn.path).toEqual(["input", "staffId"]);
    const byAdmin = as(
      (
        await h.request(login.admin, RecordConsultationDocument, {
          input: { ...input, staffId: "st-sotepe-karjalainen" },
        })
      ).data?.recordConsultation,
      "Consultation",
    );
    expect(byAdmin.expert.id).toBe("st-sotepe-karjalainen");
  });

  it("refuses those who neither work with clients nor administer, and keeps the list from the auditor", async () => {
    for (const who of [login.steering, login.leadership, login.auditor]) {
      const attempt = await h.request(who, RecordConsultationDocument, {
        input: { ...input, staffId: "st-sotepe-mattila" },
      });
      expect(attempt.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    const auditor = await h.request(login.auditor, ConsultationsDocument, { from: "2026-11-01", to: "2026-11-30" });
    expect(auditor.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
