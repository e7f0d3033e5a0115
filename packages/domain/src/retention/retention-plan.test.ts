import { describe, expect, it } from "vitest";
import { indexOrganisations } from "../organisations/organisation.js";
import { helsinkiAnkkuri, helsinkiOrganisationIds as org } from "../seed/helsinki/index.js";
import { type RetentionFacts, retentionDecision } from "./retention-plan.js";
import { defaultRetentionPolicy, defaultRetentionPolicyFor, retentionPolicySchema } from "./retention-policy.js";

const policy = defaultRetentionPolicy([
  { organisationId: org.police, sector: "police" },
  { organisationId: org.sotepe, sector: "social-services" },
  { organisationId: org.kuva, sector: "youth-services" },
]);
const context = (today: string, rules = policy) => ({
  agreement: helsinkiAnkkuri.agreement,
  organisations: indexOrganisations(helsinkiAnkkuri.organisations),
  policy: rules,
  today,
});
const facts = (over: Partial<RetentionFacts> = {}): RetentionFacts => ({
  caseId: "case-1",
  closedOn: "2020-06-30",
  clientBirthDate: "2006-04-05",
  lastEntryOn: "2020-06-30",
  memberships: [{ organisationId: org.policePrevention, basis: "selecting-unit", from: "2019-01-01" }],
  noteOrganisationIds: [],
  held: false,
  ...over,
});

describe("retentionDecision", () => {
  it("deletes a closed case past its only controller's period, and not a day before", () => {
    expect(retentionDecision(facts(), context("2025-06-30")).steps).toEqual([
      expect.objectContaining({ kind: "case", action: "delete", caseId: "case-1", dueOn: "2025-06-30" }),
    ]);
    expect(retentionDecision(facts(), context("2025-06-29")).steps).toEqual([]);
  });

  it("keeps an open case whatever its age", () => {
    expect(retentionDecision(facts({ closedOn: null }), context("2060-01-01")).steps).toEqual([]);
  });

  it("holds everything back under a legal hold", () => {
    const decision = retentionDecision(facts({ held: true }), context("2030-01-01"));
    expect(decision.steps).toEqual([]);
    expect(decision.heldBack.map((s) => s.kind)).toEqual(["case"]);
  });

  it("removes only the police's part while Sotepe must keep the case", () => {
    const shared = facts({
      memberships: [
        { organisationId: org.policePrevention, basis: "selecting-unit", from: "2019-01-01" },
        { organisationId: org.socialEmergency, basis: "selecting-unit", from: "2019-01-01" },
      ],
      noteOrganisationIds: [org.policePrevention, org.psychiatry],
    });
    expect(retentionDecision(shared, context("2026-01-01")).steps).toEqual([
      expect.objectContaining({ kind: "notes", controllerId: org.police }),
      expect.objectContaining({ kind: "controller-part", controllerId: org.police }),
    ]);
    // 120 years from the client's birth, Sotepe's period ends too: the whole case goes.
    expect(retentionDecision(shared, context("2126-04-05")).steps.map((s) => s.kind)).toEqual([
      "notes",
      "notes",
      "case",
    ]);
  });

  it("keeps everything of a controller without a rule, and anonymises where a rule says so", () => {
    const kuvaOnly = facts({
      memberships: [{ organisationId: org.youthServices, basis: "meeting-seat", from: "2019-01-01" }],
    });
    const withoutKuva = policy.filter((r) => r.controllerId !== org.kuva);
    expect(retentionDecision(kuvaOnly, context("2040-01-01", withoutKuva))).toMatchObject({
      steps: [],
      unruled: [org.kuva],
    });
    const anonymise = policy.map((r) => (r.controllerId === org.kuva ? { ...r, action: "anonymise" as const } : r));
    expect(retentionDecision(kuvaOnly, context("2040-01-01", anonymise)).steps).toEqual([
      expect.objectContaining({ kind: "case", action: "anonymise" }),
    ]);
  });

  it("runs the last-entry trigger from the case's last change", () => {
    const rules = policy.map((r) => (r.controllerId === org.police ? { ...r, trigger: "last-entry" as const } : r));
    const decision = retentionDecision(
      facts({ closedOn: null, lastEntryOn: "2021-01-01" }),
      context("2026-01-01", rules),
    );
    expect(decision.steps.map((s) => s.kind)).toEqual(["case"]);
  });
});

describe("defaultRetentionPolicyFor", () => {
  it("gives the Helsinki parties the documented defaults", () => {
    const organisations = indexOrganisations(helsinkiAnkkuri.organisations);
    expect(defaultRetentionPolicyFor(helsinkiAnkkuri.agreement, organisations, "2026-01-01")).toEqual(policy);
  });
});

describe("retentionPolicySchema", () => {
  it("accepts the defaults and refuses two rules for one controller and class", () => {
    expect(retentionPolicySchema.safeParse(policy).success).toBe(true);
    expect(retentionPolicySchema.safeParse([...policy, policy[0]]).success).toBe(false);
    expect(policy.every((r) => r.source.length > 0)).toBe(true);
  });
});
