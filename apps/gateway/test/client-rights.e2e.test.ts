import { and, eq, schema } from "@ankkuri/db";
import { testEngines } from "@ankkuri/db/testing";
import { helsinkiAnkkuri } from "@ankkuri/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GraphQLBody, type Harness, startHarness } from "./harness.js";
import { addSchoolSocialWorker, admit, clock, consentAll, coreComposition, login, org, refer } from "./steps.js";

/**
 * A client's right to know who processed their data and on what basis (client-data act 703/2023):
 * every entry records its basis from the access it rests on, and the extract lists exactly one
 * client's events, to an auditor (the whole team) or a registry office (its own controller).
 */

const teamId = helsinkiAnkkuri.team.id;
const extractQuery = `query($clientId: String!, $from: Date!, $to: Date!, $language: Language) {
  clientAccessLogExtract(clientId: $clientId, from: $from, to: $to, language: $language) {
    clientId controller from to language
    events { occurredAt organisation controller role person action basis basisText consentIds note }
  }
}`;
const caseById = `query($id: String!) {
  case(caseId: $id) { caseId client { clientId } guardians { guardianId } consents { consentId } }
}`;
const planMeeting = `mutation($input: PlanMeetingInput!) { planMeeting(input: $input) { __typename } }`;
const notify = `mutation($input: RecordChildWelfareNotificationInput!) {
  recordChildWelfareNotification(input: $input) { __typename }
}`;
const range = { from: "2026-01-01", to: "2026-12-31" };

interface ExtractEvent {
  organisation: string;
  controller: string;
  role: string;
  person: string | null;
  action: string;
  basis: string;
  basisText: string;
  consentIds: string[];
}
const codeOf = (body: GraphQLBody) => body.errors?.[0]?.extensions?.code;
const eventsOf = (body: GraphQLBody) =>
  (body.data?.clientAccessLogExtract ?? null) as { events: ExtractEvent[]; controller: string | null } | null;

describe.each(testEngines)("the client's access-log extract on %s", (engine) => {
  let h: Harness;
  let caseId = "";
  let clientId = "";
  let otherClientId = "";
  let consentIds: string[] = [];
  const invited = { login: "eeva.kuraattori", organisationId: org.education };
  /** POSTs an operation with a validly signed token for `sub` (and any claims). */
  const post = async (claims: Record<string, unknown>, query: string, variables: Record<string, unknown> = {}) => {
    const token = await h.issuer.signClaims(claims);
    const response = await h.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", "accept": "application/json", "authorization": `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLBody;
  };

  beforeAll(async () => {
    h = await startHarness(engine, { gateway: { clock } });
    // A school social worker (fictional) of the Education Division, outside the core team.
    await addSchoolSocialWorker(h);

    caseId = await refer(h);
    await admit(h, caseId);
    const detail = (await h.gql(login.police, caseById, { id: caseId })).body.data?.case as {
      client: { clientId: string };
      guardians: { guardianId: string }[];
    };
    clientId = detail.client.clientId;
    await consentAll(h, caseId, detail.guardians[0]?.guardianId ?? "", [org.education]);
    const seat = { role: "INVITED", organisationId: org.education, profession: "OTHER" };
    const planned = await h.gql(login.police, planMeeting, {
      input: { caseId, plannedOn: "2026-11-10", composition: [...coreComposition, seat] },
    });
    expect(planned.body.data?.planMeeting).toEqual({ __typename: "CasePayload" });
    const notified = await h.gql(login.socialWorker, notify, {
      input: { caseId, madeOn: "2026-11-12", organisationId: org.socialEmergency },
    });
    expect(notified.body.data?.recordChildWelfareNotification).toEqual({ __typename: "CasePayload" });
    const consents = (await h.gql(login.socialWorker, caseById, { id: caseId })).body.data?.case as {
      consents: { consentId: string }[];
    };
    consentIds = consents.consents.map((c) => c.consentId).sort();
    // The invited organisation reads the case on the consent.
    const seen = await post({ sub: invited.login, name: "Eeva Kuraattori" }, caseById, { id: caseId });
    expect(seen.data?.case).toMatchObject({ caseId });
    // Another client, read by the police: none of it may show in the first client's extract.
    const other = await refer(h);
    const otherCase = (await h.gql(login.police, caseById, { id: other })).body.data?.case as {
      client: { clientId: string };
    };
    otherClientId = otherCase.client.clientId;
  }, 300_000);
  afterAll(async () => {
    await h.close();
  });

  it("records the basis of every access from the access it rests on", async () => {
    const rows = await h.database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.teamId, teamId), eq(schema.auditLog.caseId, caseId)));
    const basesOf = (actorId: string) => new Set(rows.filter((r) => r.actorId === actorId).map((r) => r.basis));
    expect(basesOf(invited.login)).toEqual(new Set(["consent"]));
    const invitedRead = rows.find((r) => r.actorId === invited.login);
    expect([...(invitedRead?.basisConsentIds ?? [])].sort()).toEqual(consentIds);
    expect(basesOf(login.socialWorker)).toEqual(new Set(["selection", "casework", "statutory-notification"]));
    expect(rows.find((r) => r.operation === "create" && r.resource === "case")?.basis).toBe("selection");
    expect(rows.every((r) => r.basisRecorded)).toBe(true);
  });

  it("lists exactly the client's events, with the basis of each, to an auditor", async () => {
    // The client's entries before the request (the request's own entry is written after it answers).
    const rows = await h.database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.teamId, teamId), eq(schema.auditLog.clientId, clientId)));
    const { body } = await h.gql(login.auditor, extractQuery, { clientId, ...range, language: "EN" });
    const extract = eventsOf(body);
    expect(extract?.controller).toBeNull();
    expect(extract?.events.map((e) => e.basis)).toEqual(
      rows
        .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.seq - b.seq)
        .map((r) => r.basis.toUpperCase().replaceAll("-", "_")),
    );
    const bases = new Set(extract?.events.map((e) => e.basis));
    for (const basis of ["SELECTION", "CASEWORK", "CONSENT", "STATUTORY_NOTIFICATION"]) expect(bases).toContain(basis);
    const onConsent = extract?.events.find((e) => e.basis === "CONSENT");
    expect(onConsent).toMatchObject({ organisation: "Education Division", role: "Social worker", person: null });
    expect([...(onConsent?.consentIds ?? [])].sort()).toEqual(consentIds);
    // Organisation and role, never the login (no controller names people by default).
    const text = JSON.stringify(extract);
    for (const who of [login.police, login.socialWorker, invited.login, "Eeva Kuraattori"])
      expect(text).not.toContain(who);
    // Nothing of the other client.
    const otherRows = await h.database.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.clientId, otherClientId));
    expect(otherRows.length).toBeGreaterThan(0);
  });

  it("gives a registry office only its own controller's events, in Swedish", async () => {
    const { body } = await h.gql(login.registryOffice, extractQuery, { clientId, ...range, language: "SV" });
    const extract = eventsOf(body);
    expect(extract?.controller).toBe("Social-, hälsovårds- och räddningssektorn");
    expect(extract?.events.length).toBeGreaterThan(0);
    expect(new Set(extract?.events.map((e) => e.controller))).toEqual(new Set([extract?.controller]));
    expect(
      extract?.events.some((e) => e.basis === "STATUTORY_NOTIFICATION" && e.basisText.includes("barnskyddslagen")),
    ).toBe(true);
  });

  it("logs the request itself with the basis of a data-subject request", async () => {
    const rows = await h.database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.teamId, teamId), eq(schema.auditLog.resource, "access-log-extract")));
    expect(rows.map((r) => [r.actorId, r.basis, r.clientId])).toEqual(
      expect.arrayContaining([
        [login.auditor, "data-subject-request", clientId],
        [login.registryOffice, "data-subject-request", clientId],
      ]),
    );
  });

  describe("attacks", () => {
    it("refuses caseworkers, leadership and administrators", async () => {
      for (const who of [login.police, login.supervisor, login.socialWorker, login.leadership, login.admin]) {
        const { body } = await h.gql(who, extractQuery, { clientId, ...range });
        expect({ who, data: body.data?.clientAccessLogExtract ?? null, code: codeOf(body) }).toEqual({
          who,
          data: null,
          code: "FORBIDDEN",
        });
      }
    });

    it("refuses a registry office's token that claims the auditor's role", async () => {
      const body = await post({ sub: login.registryOffice, name: "Liisa Kirjava", roles: ["auditor"] }, extractQuery, {
        clientId,
        ...range,
      });
      expect({ data: body.data?.clientAccessLogExtract ?? null, code: codeOf(body) }).toEqual({
        data: null,
        code: "UNAUTHENTICATED",
      });
    });

    it("answers another team's client and a client that does not exist alike", async () => {
      await h.database.db.insert(schema.teams).values({
        id: "team-extract-other",
        code: "extract-other",
        nameFi: "Toinen tiimi (kuvitteellinen)",
        nameSv: "Ett annat team (fiktivt)",
        nameEn: "Another team (fictional)",
        policeDepartmentId: org.police,
      });
      const foreign = "0190f5a4-7c2e-7000-8000-00000000f0f0";
      await h.database.db.insert(schema.clients).values({
        teamId: "team-extract-other",
        id: foreign,
        birthDate: "2011-01-01",
        givenName: "A",
        familyName: "B",
      });
      const missing = "0190f5a4-7c2e-7000-8000-00000000dead";
      for (const id of [foreign, missing]) {
        const { body } = await h.gql(login.auditor, extractQuery, { clientId: id, ...range });
        expect({ data: body.data?.clientAccessLogExtract, errors: body.errors }).toEqual({
          data: null,
          errors: undefined,
        });
      }
      // Both attempts logged alike, as refused, the client asked for only in the details.
      const logged = await h.database.db
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.actorId, login.auditor), eq(schema.auditLog.resource, "access-log-extract")))
        .orderBy(schema.auditLog.seq);
      expect(
        logged
          .filter((r) => r.details?.clientId === foreign || r.details?.clientId === missing)
          .map((r) => [r.teamId, r.clientId, r.details?.clientId, r.details?.outcome]),
      ).toEqual([
        [teamId, null, foreign, "refused"],
        [teamId, null, missing, "refused"],
      ]);
    });

    it("takes no basis from the request, and refuses a period that ends before it starts", async () => {
      const forged = await h.gql(
        login.auditor,
        `{ clientAccessLogExtract(clientId: "${clientId}", from: "2026-01-01", to: "2026-12-31", basis: CASEWORK) { clientId } }`,
      );
      expect(codeOf(forged.body)).toBe("GRAPHQL_VALIDATION_FAILED");
      const reversed = await h.gql(login.auditor, extractQuery, { clientId, from: "2026-12-31", to: "2026-01-01" });
      expect(reversed.body.data?.clientAccessLogExtract ?? null).toBeNull();
      expect(reversed.body.errors?.[0]?.message).toMatch(/from must not be after to/);
    });
  });
});
