import { and, asc, eq, gt, schema } from "@ankkuri/db";
import { testEngines } from "@ankkuri/db/testing";
import { helsinkiAnkkuri } from "@ankkuri/domain";
import {
  CaseLegalHoldsDocument,
  ClientLegalHoldsDocument,
  PlaceLegalHoldDocument,
  ReleaseLegalHoldDocument,
} from "@ankkuri/client/operations";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GraphQLBody, type Harness, startHarness } from "./harness.js";
import { as, clock, login, org, refer } from "./steps.js";

/**
 * Legal holds over GraphQL: an auditor holds any of the team's clients or cases, a registry office
 * its own controller's; everything else — another team's case, a case out of reach, an id that does
 * not exist, someone else's hold — is answered as not found, and other roles are refused.
 */

const teamId = helsinkiAnkkuri.team.id;
const otherTeam = "team-holds-gateway-other";
const codeOf = (body: GraphQLBody) => body.errors?.[0]?.extensions?.code;
const placeText = `mutation($input: PlaceLegalHoldInput!) {
  placeLegalHold(input: $input) { __typename ... on LegalHold { id } ... on Error { code message } }
}`;
const notFound = (path: string, what: string) => ({
  __typename: "NotFoundError",
  code: "NOT_FOUND",
  path: [path],
  message: `Kohdetta ei löydy: ${what}.`,
});

describe.each(testEngines)("legal holds over GraphQL on %s", (engine) => {
  let h: Harness;
  let caseId = "";
  let clientId = "";
  let policeOnlyCaseId = "";
  let foreignCaseId = "";

  /** A police-only case (no Sotepe organisation ever took part), written directly. */
  async function policeOnlyCase(inTeam: string) {
    const client = randomUUID();
    const id = randomUUID();
    await h.database.db
      .insert(schema.clients)
      .values({ teamId: inTeam, id: client, birthDate: "2010-04-05", givenName: "Eetu", familyName: "Esimerkki" });
    await h.database.db.insert(schema.cases).values({
      teamId: inTeam,
      id,
      clientId: client,
      type: "youth-crime",
      status: "referred",
      referredOn: "2026-10-01",
      referralSource: "police",
    });
    await h.database.db.insert(schema.caseMemberships).values({
      teamId: inTeam,
      caseId: id,
      id: randomUUID(),
      organisationId: org.policePrevention,
      basis: "referrer",
      validFrom: "2026-10-01",
    });
    return id;
  }

  beforeAll(async () => {
    h = await startHarness(engine, { gateway: { clock } });
    caseId = await refer(h);
    const [row] = await h.database.db
      .select({ clientId: schema.cases.clientId })
      .from(schema.cases)
      .where(and(eq(schema.cases.teamId, teamId), eq(schema.cases.id, caseId)));
    clientId = row?.clientId ?? "";
    policeOnlyCaseId = await policeOnlyCase(teamId);
    await h.database.db.insert(schema.teams).values({
      id: otherTeam,
      code: "holds-gateway-other",
      nameFi: "Toinen tiimi (kuvitteellinen)",
      nameSv: "Ett annat team (fiktivt)",
      nameEn: "Another team (fictional)",
      policeDepartmentId: org.police,
    });
    foreignCaseId = await policeOnlyCase(otherTeam);
  });
  afterAll(async () => {
    await h.close();
  });

  it("lets the registry office hold its controller's case, lists it on the client, and releases it, all audited", async () => {
    const placed = await h.request(login.registryOffice, PlaceLegalHoldDocument, {
      input: { caseId, reason: "COMPLAINT", reference: "EOAK/7/2026" },
    });
    const hold = as(placed.data?.placeLegalHold, "LegalHold");
    expect(hold).toMatchObject({ caseId, clientId: null, reason: "COMPLAINT", placedBy: login.registryOffice });
    const listed = await h.request(login.auditor, ClientLegalHoldsDocument, { clientId });
    expect(listed.data?.legalHolds?.map((x) => x.id)).toEqual([hold.id]);
    const released = await h.request(login.registryOffice, ReleaseLegalHoldDocument, { holdId: hold.id });
    expect(as(released.data?.releaseLegalHold, "LegalHold").releasedOn).toBe("2026-11-22");
    expect((await h.request(login.auditor, CaseLegalHoldsDocument, { caseId })).data?.legalHolds).toEqual([]);
    const log = await h.database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.teamId, teamId), eq(schema.auditLog.resource, "legal-hold")));
    expect(log.map((e) => [e.operation, e.actorId, e.clientId])).toEqual(
      expect.arrayContaining([
        ["create", login.registryOffice, clientId],
        ["read", login.auditor, clientId],
        ["update", login.registryOffice, clientId],
      ]),
    );
    // Allowed, so none of them is marked refused.
    expect(log.filter((e) => e.clientId === clientId).map((e) => e.details?.outcome)).not.toContain("refused");
  });

  describe("attacks", () => {
    it("refuses caseworkers, the supervisor, administrators and leadership", async () => {
      for (const who of [login.police, login.supervisor, login.socialWorker, login.admin, login.leadership]) {
        const { body } = await h.gql(who, placeText, {
          input: { caseId, reason: "LITIGATION", reference: "HO 1/2026" },
        });
        expect({ who, code: codeOf(body) }).toEqual({ who, code: "FORBIDDEN" });
        const list = await h.request(who, CaseLegalHoldsDocument, { caseId });
        expect({ who, data: list.data?.legalHolds ?? null }).toEqual({ who, data: null });
      }
    });

    it("refuses a caseworker's token that claims the auditor's role", async () => {
      const token = await h.issuer.signClaims({ sub: login.police, name: "Maria Järvinen", roles: ["auditor"] });
      const response = await h.fetch("/graphql", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "accept": "application/json",
          "authorization": `Bearer ${token}`,
        },
        body: JSON.stringify({
          query: placeText,
          variables: { input: { caseId, reason: "LITIGATION", reference: "HO 1/2026" } },
        }),
      });
      const body = (await response.json()) as GraphQLBody;
      expect(body.data?.placeLegalHold ?? null).toBeNull();
      expect(codeOf(body)).toBe("UNAUTHENTICATED");
    });

    it("answers another team's case, a case out of the controller's reach and a missing case alike", async () => {
      for (const [who, id] of [
        [login.auditor, foreignCaseId],
        [login.auditor, randomUUID()],
        [login.registryOffice, foreignCaseId],
        [login.registryOffice, policeOnlyCaseId],
      ] as const) {
        const { body } = await h.gql(who, placeText, { input: { caseId: id, reason: "COMPLAINT", reference: "X/1" } });
        expect(body.data?.placeLegalHold).toEqual({
          __typename: "NotFoundError",
          code: "NOT_FOUND",
          message: "Kohdetta ei löydy: asiakkuus.",
        });
        expect((await h.request(who, CaseLegalHoldsDocument, { caseId: id })).data?.legalHolds).toBeNull();
      }
      const rows = await h.database.db.select().from(schema.legalHolds).where(eq(schema.legalHolds.teamId, otherTeam));
      expect(rows).toEqual([]);
      const held = await h.database.db
        .select()
        .from(schema.legalHolds)
        .where(and(eq(schema.legalHolds.teamId, teamId), eq(schema.legalHolds.caseId, policeOnlyCaseId)));
      expect(held).toEqual([]);
    });

    it("does not let a registry office release a hold out of its reach, nor anyone another team's hold", async () => {
      const auditors = as(
        (
          await h.request(login.auditor, PlaceLegalHoldDocument, {
            input: { caseId: policeOnlyCaseId, reason: "CRIMINAL_INVESTIGATION", reference: "5500/R/1/26" },
          })
        ).data?.placeLegalHold,
        "LegalHold",
      );
      const foreignHold = randomUUID();
      await h.database.db.insert(schema.legalHolds).values({
        teamId: otherTeam,
        id: foreignHold,
        caseId: foreignCaseId,
        reason: "litigation",
        reference: "HO 9/2026",
        placedOn: "2026-11-01",
        placedBy: "someone.else",
      });
      for (const [who, holdId] of [
        [login.registryOffice, auditors.id],
        [login.auditor, foreignHold],
        [login.registryOffice, foreignHold],
      ] as const) {
        const { data } = await h.request(who, ReleaseLegalHoldDocument, { holdId });
        expect(data?.releaseLegalHold).toMatchObject(notFound("holdId", "säilytysvelvoite"));
      }
      const [still] = await h.database.db.select().from(schema.legalHolds).where(eq(schema.legalHolds.id, auditors.id));
      expect(still?.releasedOn).toBeNull();
      const [theirs] = await h.database.db
        .select()
        .from(schema.legalHolds)
        .where(eq(schema.legalHolds.id, foreignHold));
      expect(theirs?.releasedOn).toBeNull();
    });

    it("logs every attempt out of reach as refused, naming the actor, the action and the id asked for, and answers it as not found", async () => {
      const [head] = await h.database.db
        .select({ seq: schema.auditHeads.seq })
        .from(schema.auditHeads)
        .where(eq(schema.auditHeads.teamId, teamId));
      const before = head?.seq ?? 0;
      const missingCase = randomUUID();
      const missingHold = randomUUID();
      // Not the controller's, another team's, not there: one answer.
      for (const id of [policeOnlyCaseId, foreignCaseId, missingCase]) {
        const { body } = await h.gql(login.registryOffice, placeText, {
          input: { caseId: id, reason: "COMPLAINT", reference: "EOAK/8/2026" },
        });
        expect(body.data?.placeLegalHold).toEqual({
          __typename: "NotFoundError",
          code: "NOT_FOUND",
          message: "Kohdetta ei löydy: asiakkuus.",
        });
      }
      const auditors = as(
        (
          await h.request(login.auditor, PlaceLegalHoldDocument, {
            input: { caseId: policeOnlyCaseId, reason: "LITIGATION", reference: "HO 2/2026" },
          })
        ).data?.placeLegalHold,
        "LegalHold",
      );
      for (const holdId of [auditors.id, missingHold]) {
        const { data } = await h.request(login.registryOffice, ReleaseLegalHoldDocument, { holdId });
        expect(data?.releaseLegalHold).toEqual(notFound("holdId", "säilytysvelvoite"));
      }
      expect(
        (await h.request(login.registryOffice, CaseLegalHoldsDocument, { caseId: policeOnlyCaseId })).data?.legalHolds,
      ).toBeNull();

      const rows = await h.database.db
        .select()
        .from(schema.auditLog)
        .where(
          and(
            eq(schema.auditLog.teamId, teamId),
            eq(schema.auditLog.resource, "legal-hold"),
            gt(schema.auditLog.seq, before),
          ),
        )
        .orderBy(asc(schema.auditLog.seq));
      const refused = { outcome: "refused" };
      const place = { ...refused, reason: "complaint", reference: "EOAK/8/2026" };
      // The id asked for only in the details: the entry is the same whether the case exists or not,
      // and the client's extract does not list an attempt that reached nothing.
      expect(rows.map((r) => [r.actorId, r.operation, r.resourceId, r.caseId, r.clientId, r.details])).toEqual([
        [login.registryOffice, "create", null, null, null, { ...place, caseId: policeOnlyCaseId }],
        [login.registryOffice, "create", null, null, null, { ...place, caseId: foreignCaseId }],
        [login.registryOffice, "create", null, null, null, { ...place, caseId: missingCase }],
        [
          login.auditor,
          "create",
          auditors.id,
          policeOnlyCaseId,
          expect.any(String),
          expect.not.objectContaining(refused),
        ],
        [login.registryOffice, "update", auditors.id, null, null, { ...refused, holdId: auditors.id }],
        [login.registryOffice, "update", missingHold, null, null, { ...refused, holdId: missingHold }],
        [login.registryOffice, "read", null, null, null, { ...refused, caseId: policeOnlyCaseId, holds: 0 }],
      ]);
      // The auditors see them as refused in the access log.
      const { body } = await h.gql(
        login.auditor,
        `query($actorId: String) { auditLog(actorId: $actorId, limit: 6) { operation resource resourceId refused } }`,
        { actorId: login.registryOffice },
      );
      expect(body.data?.auditLog).toEqual([
        { operation: "read", resource: "legal-hold", resourceId: null, refused: true },
        { operation: "update", resource: "legal-hold", resourceId: missingHold, refused: true },
        { operation: "update", resource: "legal-hold", resourceId: auditors.id, refused: true },
        { operation: "create", resource: "legal-hold", resourceId: null, refused: true },
        { operation: "create", resource: "legal-hold", resourceId: null, refused: true },
        { operation: "create", resource: "legal-hold", resourceId: null, refused: true },
      ]);
    });

    it("refuses both targets at once, none, and a reference of blanks", async () => {
      for (const input of [
        { caseId, clientId, reason: "COMPLAINT", reference: "X/2" },
        { reason: "COMPLAINT", reference: "X/3" },
        { caseId, reason: "COMPLAINT", reference: "   " },
      ]) {
        const { body } = await h.gql(login.auditor, placeText, { input });
        expect(body.data?.placeLegalHold).toMatchObject({ __typename: "InputValidationError" });
      }
    });
  });
});
