import { and, eq, runRetention, schema, writeMemberships } from "@ankkuri/db";
import { testEngines } from "@ankkuri/db/testing";
import {
  caseMemberships,
  caseSchema,
  defaultRetentionPolicy,
  helsinkiAnkkuri,
  indexOrganisations,
  membershipContext,
} from "@ankkuri/domain";
import { CaseAccessDocument, CaseListDocument, WithdrawConsentDocument } from "@ankkuri/client/operations";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./harness.js";
import { as, clock, login, org, today } from "./steps.js";

/**
 * A controller's part of a case removed by retention stays removed over GraphQL: the remaining
 * party's next change of the closed case rebuilds its memberships, and the police's must not come
 * back with them.
 */

const teamId = helsinkiAnkkuri.team.id;
const referredOn = "2024-06-03";
// The police's period made short enough to end before the tests' day; Sotepe's is the default.
const policy = defaultRetentionPolicy([
  { organisationId: org.police, sector: "police" },
  { organisationId: org.sotepe, sector: "social-services" },
  { organisationId: org.kuva, sector: "youth-services" },
]).map((rule) => (rule.controllerId === org.police ? { ...rule, years: 1 } : rule));

describe.each(testEngines)("a removed controller part over GraphQL on %s", (engine) => {
  let h: Harness;
  let caseId = "";
  const consentId = randomUUID();

  beforeAll(async () => {
    h = await startHarness(engine, { gateway: { clock } });
    const db = h.database.db;
    const clientId = randomUUID();
    caseId = randomUUID();
    await db
      .insert(schema.clients)
      .values({ teamId, id: clientId, birthDate: "2010-04-05", givenName: "Eetu", familyName: "Esimerkki" });
    await db.insert(schema.cases).values({
      teamId,
      id: caseId,
      clientId,
      type: "youth-crime",
      status: "closed",
      referredOn,
      referralSource: "police",
      referredByOrganisationId: org.socialEmergency,
      selectionStartedOn: "2024-06-04",
      decidedOn: "2024-06-05",
      closedOn: "2025-06-30",
      closeReason: "goals-met",
    });
    await db.insert(schema.consents).values({
      teamId,
      caseId,
      id: consentId,
      giverKind: "client",
      givenOn: "2024-06-10",
      form: "written",
      recordedBy: login.socialWorker,
    });
    await db.insert(schema.consentScopes).values({ teamId, consentId, organisationId: org.education });
    // The memberships the gateway derives for such a case: the police among the selecting units.
    const derived = caseMemberships(
      caseSchema.parse({
        id: caseId,
        teamId,
        type: "youth-crime",
        status: "closed",
        referredOn,
        referralSource: "police",
        referredByOrganisationId: org.socialEmergency,
        client: { id: clientId, birthDate: "2010-04-05" },
      }),
      membershipContext(helsinkiAnkkuri.agreement, referredOn, indexOrganisations(helsinkiAnkkuri.organisations)),
    );
    expect(derived.map((m) => [m.organisationId, m.basis])).toContainEqual([org.policePrevention, "selecting-unit"]);
    await writeMemberships(db, teamId, caseId, derived);
  });
  afterAll(async () => {
    await h.close();
  });

  const policeSees = async () => {
    const access = await h.request(login.police, CaseAccessDocument, { caseId });
    const list = await h.request(login.police, CaseListDocument, { first: 100 });
    return {
      case: access.data?.case?.caseId ?? null,
      listed: list.data?.cases.nodes.some((c) => c.caseId === caseId) ?? false,
    };
  };

  it("keeps the police out after the remaining party changes the case", async () => {
    expect(await policeSees()).toEqual({ case: caseId, listed: true });

    const report = await runRetention(h.database.db, h.gateway.services.keys.auditKey, {
      teamId,
      today,
      policy,
      dryRun: false,
      now: clock(),
      actor: "retention-test",
    });
    expect(report.decisions.find((d) => d.caseId === caseId)?.steps.map((s) => s.kind)).toEqual(["controller-part"]);
    expect(await policeSees()).toEqual({ case: null, listed: false });

    // Sotepe's social worker withdraws the consent on the closed case: every membership is derived again.
    const withdrawn = await h.request(login.socialWorker, WithdrawConsentDocument, {
      input: { caseId, consentId, on: today },
    });
    expect(as(withdrawn.data?.withdrawConsent, "CasePayload").case.consents).toEqual([
      { consentId, withdrawnOn: today },
    ]);

    expect(await policeSees()).toEqual({ case: null, listed: false });
    const access = await h.request(login.socialWorker, CaseAccessDocument, { caseId });
    const organisations = access.data?.case?.organisations.map((o) => o.organisation.id) ?? [];
    expect(organisations).toContain(org.socialEmergency);
    expect(organisations).not.toContain(org.policePrevention);
    const rows = await h.database.db
      .select({ organisationId: schema.caseMemberships.organisationId })
      .from(schema.caseMemberships)
      .where(and(eq(schema.caseMemberships.teamId, teamId), eq(schema.caseMemberships.caseId, caseId)));
    expect(rows.map((r) => r.organisationId)).not.toContain(org.policePrevention);
  });
});
