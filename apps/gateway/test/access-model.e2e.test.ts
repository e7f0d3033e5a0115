import { and, eq, schema, seedTeam, sql, syntheticTeams } from "@ankkuri/db";
import { testEngines } from "@ankkuri/db/testing";
import { type AccessRole, helsinkiAnkkuri } from "@ankkuri/domain";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GraphQLBody, type Harness, startHarness, users } from "./harness.js";
import {
  addSchoolSocialWorker,
  admit,
  clock,
  consentAll,
  coreComposition,
  login,
  nextIdentityCode,
  org,
  refer,
  today,
} from "./steps.js";

/**
 * The access model under attack: each test reproduces one finding of the security review the way an
 * attacker would, and asserts the secure behaviour. Client data may reach a person only when the
 * database (not their token) says who they are, and their organisation has a current basis for the
 * case.
 */

const teamId = helsinkiAnkkuri.team.id;
const yesterday = "2026-11-21";
const tomorrow = "2026-11-23";

/** Staff members whose standing changes during the suite (each in one test only), by login. */
const attacker = {
  /** Police, Surveillance and Preventive Policing: her assignment is ended in finding 1 (d). */
  endedOfficer: "laura.heikkinen",
  /** Social worker, Social and Crisis Emergency: her clearance is revoked in finding 1 (e). */
  revokedSocialWorker: "elina.saarinen",
} as const;

const caseList = "{ cases(first: 100) { totalCount nodes { caseId client { givenName familyName } } } }";
const caseById = `query($id: String!) {
  case(caseId: $id) {
    caseId
    client { clientId givenName familyName birthDate }
    guardians { guardianId givenName }
    consents { consentId giverKind givenOn withdrawnOn }
    meetings { meetingId plannedOn }
    organisations { organisation { id } basis }
  }
}`;
const result = "__typename ... on Error { code } ... on RuleViolationError { violations { code } }";
const caseResult = `${result} ... on CasePayload { existingClient case { caseId client { clientId givenName familyName birthDate } } }`;

const referCase = `mutation($input: ReferCaseInput!) { referCase(input: $input) {
  ${caseResult} ... on ReferralReceipt { referredOn type referralSource client { givenName familyName birthDate } }
} }`;
const addNote = `mutation($input: AddCaseNoteInput!) { addCaseNote(input: $input) { ${result} } }`;
const recordConsent = `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { ${result} } }`;
const withdrawConsent = `mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { ${result} } }`;
const planMeeting = `mutation($input: PlanMeetingInput!) { planMeeting(input: $input) { ${result} } }`;
const recordExistingClientship = `mutation($input: RecordExistingClientshipInput!) {
  recordExistingClientship(input: $input) { ${result} }
}`;
const endExistingClientship = `mutation($input: EndExistingClientshipInput!) {
  endExistingClientship(input: $input) { ${result} }
}`;

const codeOf = (body: GraphQLBody) => body.errors?.[0]?.extensions?.code;
const codesOf = (body: GraphQLBody) => (body.errors ?? []).map((e) => e.extensions?.code);

/** The typed result of a mutation `field` (payload or error), or undefined when the request failed. */
const payloadOf = (body: GraphQLBody, field: string) =>
  (body.data?.[field] ?? undefined) as
    { __typename: string; code?: string; violations?: { code: string }[]; [key: string]: unknown } | undefined;

describe.each(testEngines)("the access model under attack on %s", (engine) => {
  let h: Harness;
  /** Error-level log lines of the gateway (stack traces of unexpected errors land here). */
  const errorLogs: Record<string, unknown>[] = [];
  /** A referral the selecting units (police, Sotepe's emergency social work and psychiatry) take part in. */
  let sharedCase = "";

  /** A validly signed token with any claims: the issuer's signature is no licence for what it claims. */
  const tokenFor = (claims: {
    login: string;
    name?: string;
    teamId?: string;
    organisationId?: string;
    roles?: AccessRole[];
  }) =>
    h.issuer.signClaims({
      sub: claims.login,
      name: claims.name ?? "Hyökkääjä",
      ...(claims.teamId ? { team_id: claims.teamId } : {}),
      ...(claims.organisationId ? { organisation_id: claims.organisationId } : {}),
      ...(claims.roles ? { roles: claims.roles } : {}),
    });
  /** POSTs an operation with a raw bearer token. */
  const post = async (token: string, query: string, variables: Record<string, unknown> = {}) => {
    const response = await h.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", "accept": "application/json", "authorization": `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as GraphQLBody };
  };
  /** The case as `who` sees it (null when hidden), with the request's first error code. */
  const caseAs = async (who: string, caseId: string) => {
    const { body } = await h.gql(who, caseById, { id: caseId });
    return { case: (body.data?.case ?? null) as Record<string, unknown> | null, code: codeOf(body) };
  };
  /** Case ids `who` gets from the case list (null when refused). */
  const listedAs = async (who: string) => {
    const { body } = await h.gql(who, caseList);
    const cases = body.data?.cases as { nodes: { caseId: string }[] } | null | undefined;
    return { ids: cases?.nodes.map((n) => n.caseId) ?? null, code: codeOf(body) };
  };
  /** The case's guardian and consents, as the police officer sees them. */
  const detailOf = async (caseId: string) => {
    const seen = await caseAs(login.police, caseId);
    if (!seen.case) throw new Error(`the police officer cannot see ${caseId}`);
    return seen.case as {
      client: { clientId: string; givenName: string; familyName: string; birthDate: string };
      guardians: { guardianId: string }[];
      consents: { consentId: string; giverKind: string; withdrawnOn: string | null }[];
      meetings: { meetingId: string }[];
    };
  };
  const note = (caseId: string) => ({
    input: { caseId, kind: "GENERAL", body: "Hyökkääjän muistiinpano (kuvitteellinen)." },
  });

  beforeAll(async () => {
    const logger = pino(
      { level: "error" },
      { write: (line: string) => void errorLogs.push(JSON.parse(line) as Record<string, unknown>) },
    );
    h = await startHarness(engine, { gateway: { clock, logger } });
    sharedCase = await refer(h);
  });
  afterAll(async () => {
    await h.close();
  });

  describe("finding 1: the actor is who the database says, not what the token claims", () => {
    it("finding 1 (a): refuses a validly signed token of a login that exists nowhere", async () => {
      const token = await tokenFor({ login: "haamu.kayttaja", name: "Haamu Käyttäjä" });
      const { body } = await post(token, caseList);
      expect({ cases: body.data?.cases ?? null, code: codeOf(body) }).toEqual({ cases: null, code: "UNAUTHENTICATED" });
    });

    it("finding 1 (b): refuses a real user's token that names another organisation and extra roles", async () => {
      // Maria Järvinen is a police officer of Surveillance and Preventive Policing; her token claims
      // Psychiatry and the auditor's and the administrator's roles.
      const token = await tokenFor({
        login: login.police,
        name: users[login.police]?.displayName ?? "",
        organisationId: org.psychiatry,
        roles: ["police-officer", "auditor", "team-administrator"],
      });
      const cases = await post(token, caseList);
      const log = await post(token, "{ auditLog(limit: 5) { actorId caseId } }");
      const staff = await post(token, "{ staff { id clearances { id scope } premisesAccess { id areas } } }");
      const assign = await post(
        token,
        `mutation($input: AssignStaffInput!) { assignStaff(input: $input) { ${result} ... on Assignment { id } } }`,
        {
          input: {
            staffId: "st-kuva-nieminen",
            organisationId: org.youthServices,
            fraction: 0.1,
            validFrom: "2041-01-01",
            validTo: "2041-01-31",
          },
        },
      );
      expect({
        cases: cases.body.data?.cases ?? null,
        auditLog: log.body.data?.auditLog ?? null,
        staff: staff.body.data?.staff ?? null,
        assignStaff: assign.body.data?.assignStaff ?? null,
      }).toEqual({ cases: null, auditLog: null, staff: null, assignStaff: null });
      for (const { body } of [cases, log, staff, assign]) expect(codeOf(body)).toBe("UNAUTHENTICATED");
    });

    it("finding 1 (c): refuses a token that names another team than the person's own", async () => {
      // A second team with one police officer of its own, written directly: the seed has only Helsinki.
      await h.database.db.insert(schema.teams).values({
        id: "team-attack-other",
        code: "attack-other",
        nameFi: "Toinen tiimi (kuvitteellinen)",
        nameSv: "Ett annat team (fiktivt)",
        nameEn: "Another team (fictional)",
        policeDepartmentId: org.police,
      });
      await h.database.db.insert(schema.users).values({
        teamId: "team-attack-other",
        login: "ville.vieras",
        displayName: "Ville Vieras",
        staffId: null,
      });
      // Ville's token names Helsinki's team instead of his own.
      const token = await tokenFor({ login: "ville.vieras", name: "Ville Vieras", teamId });
      const { body } = await post(token, caseList);
      expect({ cases: body.data?.cases ?? null, code: codeOf(body) }).toEqual({
        cases: null,
        code: expect.stringMatching(/^(UNAUTHENTICATED|FORBIDDEN)$/) as unknown,
      });
    });

    it("finding 1 (d): takes client data away on the next request once the assignment has ended", async () => {
      const officer = attacker.endedOfficer;
      const oldToken = await h.token(officer);
      // Before: she works on the team and sees the referral.
      expect(JSON.stringify((await post(oldToken, caseList)).body.data)).toContain(sharedCase);
      const staff = await h.gql(
        login.admin,
        `{ staff(organisationId: "${org.policePrevention}") { id assignments { id version validTo } } }`,
      );
      const assignment = (staff.body.data?.staff as { id: string; assignments: { id: string; version: number }[] }[])
        .find((s) => s.id === "st-hpl-heikkinen")
        ?.assignments.at(-1);
      const ended = await h.gql(
        login.admin,
        `mutation($id: ID!, $to: Date!, $v: Int!) {
          endAssignment(assignmentId: $id, validTo: $to, expectedVersion: $v) { ${result} ... on Assignment { validTo } }
        }`,
        { id: assignment?.id, to: yesterday, v: assignment?.version },
      );
      expect(payloadOf(ended.body, "endAssignment")).toMatchObject({ __typename: "Assignment", validTo: yesterday });

      for (const [which, token] of [
        ["unexpired token", oldToken],
        ["fresh token", await h.token(officer)],
      ] as const) {
        const list = await post(token, caseList);
        const single = await post(token, caseById, { id: sharedCase });
        const written = await post(token, addNote, note(sharedCase));
        expect(
          {
            which,
            listed: JSON.stringify(list.body.data ?? null).includes(sharedCase),
            listCode: codeOf(list.body),
            case: single.body.data?.case ?? null,
            caseCode: codeOf(single.body),
            note: payloadOf(written.body, "addCaseNote")?.__typename ?? null,
            noteCode: codeOf(written.body),
          },
          which,
        ).toEqual({
          which,
          listed: false,
          listCode: "FORBIDDEN",
          case: null,
          caseCode: "FORBIDDEN",
          note: null,
          noteCode: "FORBIDDEN",
        });
      }
    });

    it("finding 1 (e): takes client data away from a city employee whose security clearance is revoked", async () => {
      const worker = attacker.revokedSocialWorker;
      expect((await listedAs(worker)).ids).toContain(sharedCase);
      // The administrator revokes her clearance from today through the mutation, as the police ask.
      const clearancesOf = async () => {
        const staff = await h.gql(
          login.admin,
          `{ staff(organisationId: "${org.socialEmergency}") { id clearances { id version revokedOn validOn } } }`,
        );
        return (
          staff.body.data?.staff as { id: string; clearances: { id: string; version: number; validOn: boolean }[] }[]
        ).find((s) => s.id === "st-sotepe-saarinen")?.clearances;
      };
      const [clearance] = (await clearancesOf()) ?? [];
      const revoked = await h.gql(
        login.admin,
        `mutation($id: ID!, $on: Date!, $version: Int!) {
          revokeClearance(clearanceId: $id, revokedOn: $on, expectedVersion: $version) {
            ${result} ... on SecurityClearance { revokedOn }
          }
        }`,
        { id: clearance?.id, on: today, version: clearance?.version },
      );
      expect(payloadOf(revoked.body, "revokeClearance")).toEqual({ __typename: "SecurityClearance", revokedOn: today });
      expect((await clearancesOf())?.map((c) => c.validOn)).toEqual([false]);

      const list = await listedAs(worker);
      const single = await caseAs(worker, sharedCase);
      expect({
        listed: (list.ids ?? []).includes(sharedCase),
        listCode: list.code,
        case: single.case,
        caseCode: single.code,
      }).toEqual({ listed: false, listCode: "FORBIDDEN", case: null, caseCode: "FORBIDDEN" });
    });
  });

  describe("finding 2: a referral does not disclose that the client is known", () => {
    it("finding 2: answers a youth worker's referral of a known client exactly as one of a new client", async () => {
      // The police refer a client; Kuva takes part in none of the client's cases.
      const identityCode = nextIdentityCode("2012-03-01");
      const police = await h.gql(login.police, referCase, {
        input: {
          type: "YOUTH_CRIME",
          referredOn: "2026-10-01",
          referralSource: "POLICE",
          client: { identityCode, givenName: "Oskari", familyName: "Oikeanimi" },
          guardians: [{ givenName: "Olga", familyName: "Oikeanimi", relationship: "PARENT", hasCustody: true }],
        },
      });
      const earlier = payloadOf(police.body, "referCase") as { case: { caseId: string } } | undefined;
      const earlierCase = earlier?.case.caseId ?? "";
      expect(earlierCase).not.toBe("");
      expect((await caseAs(login.youthWorker, earlierCase)).case).toBeNull();

      // A youth worker refers a truly new client (the control) and then the known one, with made-up names.
      const referral = (code: string, givenName: string, familyName: string) => ({
        input: {
          type: "YOUTH_CRIME",
          referredOn: "2026-11-02",
          referralSource: "YOUTH_SERVICES",
          client: { identityCode: code, givenName, familyName },
        },
      });
      const fresh = payloadOf(
        (await h.gql(login.youthWorker, referCase, referral(nextIdentityCode("2012-03-01"), "Uusi", "Asiakas"))).body,
        "referCase",
      );
      // The youth worker selects no clients: a referral is answered with a receipt of what she sent.
      expect(fresh).toMatchObject({
        __typename: "ReferralReceipt",
        client: { givenName: "Uusi", familyName: "Asiakas" },
      });
      const known = payloadOf(
        (await h.gql(login.youthWorker, referCase, referral(identityCode, "Keksitty", "Nimi"))).body,
        "referCase",
      ) as { __typename: string; client: Record<string, unknown> } | undefined;
      expect({
        typename: known?.__typename,
        givenName: known?.client.givenName,
        familyName: known?.client.familyName,
        disclosesRealName: JSON.stringify(known).includes("Oikeanimi"),
      }).toEqual({
        typename: "ReferralReceipt",
        givenName: "Keksitty",
        familyName: "Nimi",
        disclosesRealName: false,
      });
      expect(Object.keys(known ?? {}).sort()).toEqual(Object.keys(fresh ?? {}).sort());
      // Nothing of the earlier case becomes visible to the youth worker.
      expect((await listedAs(login.youthWorker)).ids).not.toContain(earlierCase);
      expect((await caseAs(login.youthWorker, earlierCase)).case).toBeNull();
    });
  });

  describe("finding 3: responsible-worker seats are not a way around consent", () => {
    let caseId = "";
    const clientship = () => ({
      input: { caseId, organisationId: org.hus, responsibleWorkerName: "Keksitty Työntekijä", since: "2026-01-01" },
    });
    const husSeat = () => ({
      input: {
        caseId,
        plannedOn: "2026-11-25",
        composition: [
          ...coreComposition,
          { role: "RESPONSIBLE_WORKER", organisationId: org.hus, profession: "SOCIAL_WORKER" },
        ],
      },
    });
    beforeAll(async () => {
      // An admitted case (a minor with a guardian) that HUS takes part in nowhere.
      caseId = await refer(h);
      await admit(h, caseId);
    });

    it("finding 3: refuses recording an existing clientship with HUS, which is no unit of a party with clients", async () => {
      const recorded = payloadOf(
        (await h.gql(login.socialWorker, recordExistingClientship, clientship())).body,
        "recordExistingClientship",
      );
      expect(recorded?.__typename).not.toBe("CasePayload");
      expect(["RuleViolationError", "InvalidInputError"]).toContain(recorded?.__typename);
    });

    it("finding 3: refuses HUS in a RESPONSIBLE_WORKER seat without consent, and HUS never gets access", async () => {
      // The attack: record the clientship (however that ends), then seat HUS as the responsible worker.
      await h.gql(login.socialWorker, recordExistingClientship, clientship());
      const planned = payloadOf((await h.gql(login.police, planMeeting, husSeat())).body, "planMeeting");
      // No HUS user exists in the seed: the grant is checked in the database instead.
      const grants = await h.database.db
        .select({ organisationId: schema.caseMemberships.organisationId })
        .from(schema.caseMemberships)
        .where(and(eq(schema.caseMemberships.teamId, teamId), eq(schema.caseMemberships.caseId, caseId)));
      expect({
        planned: planned?.__typename,
        violations: planned?.violations?.map((v) => v.code) ?? [],
        husHasAccess: grants.some((g) => g.organisationId === org.hus),
      }).toEqual({
        planned: "RuleViolationError",
        violations: expect.arrayContaining(["CONSENT.MISSING"]) as unknown,
        husHasAccess: false,
      });
    });
  });

  describe("finding 4: access ends with the consent it was based on", () => {
    // Kuva's youth services are in the core team, so the invited party is the Education Division. No
    // seeded person works there: a school social worker (fictional) is written directly, with a staff
    // record, a small assignment for her organisation and an account. Her casework role comes from
    // that assignment; she may see a case only on the basis of the consent and her organisation's seat.
    const invited = { login: "eeva.kuraattori", organisationId: org.education };
    let invitedToken = "";
    beforeAll(async () => {
      await addSchoolSocialWorker(h);
      invitedToken = await tokenFor({ login: invited.login, name: "Eeva Kuraattori" });
    });

    it.each(["CLIENT", "GUARDIAN"])(
      "finding 4: an organisation invited on consent loses the case from the day the %s withdraws it",
      async (giverKind) => {
        // An admitted case: every required giver consents to the Education Division, which gets a seat
        // in one meeting; a second meeting is the core team's only.
        const caseId = await refer(h);
        await admit(h, caseId);
        const guardianId = (await detailOf(caseId)).guardians[0]?.guardianId ?? "";
        await consentAll(h, caseId, guardianId, [org.education]);
        const invitedSeat = { role: "INVITED", organisationId: org.education, profession: "OTHER" };
        for (const composition of [[...coreComposition, invitedSeat], coreComposition]) {
          const planned = await h.gql(login.police, planMeeting, {
            input: { caseId, plannedOn: "2026-11-10", composition },
          });
          expect(payloadOf(planned.body, "planMeeting")?.__typename).toBe("CasePayload");
        }
        const before = await post(invitedToken, caseById, { id: caseId });
        expect(
          before.body.data?.case,
          "while the consent is in effect, the invited organisation sees the case",
        ).toMatchObject({ caseId });
        // Need-to-know within the case: the meeting it has a seat in, not the core team's other one.
        expect((before.body.data?.case as { meetings: unknown[] }).meetings).toHaveLength(1);
        const ownNote = await post(invitedToken, addNote, note(caseId));
        expect(payloadOf(ownNote.body, "addCaseNote")?.__typename).toBe("CasePayload");

        const consent = (await detailOf(caseId)).consents.find((c) => c.giverKind === giverKind);
        const withdrawn = await h.gql(login.socialWorker, withdrawConsent, {
          input: { caseId, consentId: consent?.consentId, on: today },
        });
        expect(payloadOf(withdrawn.body, "withdrawConsent")?.__typename).toBe("CasePayload");

        const single = await post(invitedToken, caseById, { id: caseId });
        const list = await post(invitedToken, caseList);
        const consented = await post(invitedToken, recordConsent, {
          input: { caseId, giverKind: "CLIENT", organisationIds: [org.education], givenOn: today, form: "ORAL" },
        });
        const written = await post(invitedToken, addNote, note(caseId));
        const seen = single.body.data?.case as { meetings?: unknown[] } | null | undefined;
        expect({
          case: seen ? `visible with ${String(seen.meetings?.length)} meetings` : null,
          listed: JSON.stringify(list.body.data ?? null).includes(caseId),
          recordConsent: payloadOf(consented.body, "recordConsent")?.__typename ?? null,
          addCaseNote: payloadOf(written.body, "addCaseNote")?.__typename ?? null,
        }).toEqual({
          case: null,
          listed: false,
          recordConsent: expect.not.stringMatching(/^CasePayload$/) as unknown,
          addCaseNote: expect.not.stringMatching(/^CasePayload$/) as unknown,
        });
        // What it wrote itself stays its own to read, without the client's data.
        const own = await post(invitedToken, `query($id: String!) { ownCaseNotes(caseId: $id) { kind body } }`, {
          id: caseId,
        });
        expect(own.body.data?.ownCaseNotes).toEqual([
          { kind: "GENERAL", body: "Hyökkääjän muistiinpano (kuvitteellinen)." },
        ]);
      },
    );
  });

  describe("finding 5: a withdrawal is dated between the consent and today", () => {
    let caseId = "";
    let consents: { consentId: string; giverKind: string; withdrawnOn: string | null }[] = [];
    const withdraw = async (consentId: string | undefined, on: string) =>
      payloadOf(
        (await h.gql(login.socialWorker, withdrawConsent, { input: { caseId, consentId, on } })).body,
        "withdrawConsent",
      );
    beforeAll(async () => {
      caseId = await refer(h);
      const guardianId = (await detailOf(caseId)).guardians[0]?.guardianId ?? "";
      await consentAll(h, caseId, guardianId, [org.education], "2026-10-06");
      consents = (await detailOf(caseId)).consents;
    });

    it("finding 5: refuses a withdrawal before the consent was given and one dated 2099-12-31", async () => {
      const client = consents.find((c) => c.giverKind === "CLIENT")?.consentId;
      const early = await withdraw(client, "2026-10-01");
      const future = await withdraw(client, "2099-12-31");
      const stored = (await detailOf(caseId)).consents.find((c) => c.consentId === client);
      expect({
        beforeGiven: early?.__typename,
        in2099: future?.__typename,
        withdrawnOn: stored?.withdrawnOn,
      }).toEqual({ beforeGiven: "RuleViolationError", in2099: "RuleViolationError", withdrawnOn: null });
    });

    it("finding 5: corrects a mistaken withdrawal with an entry of its own, and keeps the mistake", async () => {
      const guardian = consents.find((c) => c.giverKind === "GUARDIAN")?.consentId;
      expect((await withdraw(guardian, yesterday))?.__typename).toBe("CasePayload");
      const corrected = await h.gql(
        login.socialWorker,
        `mutation($input: CorrectConsentWithdrawalInput!) { correctConsentWithdrawal(input: $input) { ${result} } }`,
        { input: { caseId, consentId: guardian, reason: "Kirjattiin väärälle luvalle (kuvitteellinen)." } },
      );
      expect(payloadOf(corrected.body, "correctConsentWithdrawal")?.__typename).toBe("CasePayload");
      expect((await detailOf(caseId)).consents.find((c) => c.consentId === guardian)?.withdrawnOn).toBeNull();
      const history = await h.database.db
        .select()
        .from(schema.consentWithdrawals)
        .where(eq(schema.consentWithdrawals.consentId, guardian ?? ""));
      expect(history.map((w) => [w.withdrawnOn, w.corrects === null])).toEqual([
        [yesterday, true],
        [null, false],
      ]);
      // A correction into the future is refused like a withdrawal would be.
      const future = await h.gql(
        login.socialWorker,
        `mutation($input: CorrectConsentWithdrawalInput!) { correctConsentWithdrawal(input: $input) { ${result} } }`,
        { input: { caseId, consentId: guardian, withdrawnOn: tomorrow, reason: "Väärä päivä (kuvitteellinen)." } },
      );
      expect(payloadOf(future.body, "correctConsentWithdrawal")?.__typename).toBe("RuleViolationError");
    });

    it("finding 5: refuses a withdrawal dated tomorrow", async () => {
      const guardian = consents.find((c) => c.giverKind === "GUARDIAN")?.consentId;
      const answer = await withdraw(guardian, tomorrow);
      expect({ tomorrow: answer?.__typename }).toEqual({ tomorrow: "RuleViolationError" });
    });
  });

  describe("finding 5b: access ends with the client relationship it was based on", () => {
    // A child welfare social worker (fictional), written directly like the school social worker: her
    // organisation has a client relationship with the client and nothing else in the case.
    const childWelfareWorker = { login: "kaisa.lastensuojelu", staffId: "st-cw-lastensuojelu" };
    let workerToken = "";
    let caseId = "";
    const endClientship = (who: string, endedOn: string, organisationId: string = org.childWelfare) =>
      h.gql(who, endExistingClientship, { input: { caseId, organisationId, endedOn } });
    const rwSeat = (plannedOn: string) => ({
      input: {
        caseId,
        plannedOn,
        composition: [
          ...coreComposition,
          { role: "RESPONSIBLE_WORKER", organisationId: org.childWelfare, profession: "SOCIAL_WORKER" },
        ],
      },
    });
    beforeAll(async () => {
      await h.database.db.insert(schema.staff).values({
        teamId,
        id: childWelfareWorker.staffId,
        organisationId: org.childWelfare,
        profession: "social-worker",
        givenName: "Kaisa",
        familyName: "Lastensuojelu",
        title: "sosiaalityöntekijä",
        login: childWelfareWorker.login,
      });
      await h.database.db.insert(schema.assignments).values({
        teamId,
        id: "as-cw-lastensuojelu",
        staffId: childWelfareWorker.staffId,
        organisationId: org.childWelfare,
        fraction: 0.1,
        validFrom: "2026-01-01",
        needsPremisesAccess: false,
      });
      await h.database.db.insert(schema.users).values({
        teamId,
        login: childWelfareWorker.login,
        displayName: "Kaisa Lastensuojelu",
        staffId: childWelfareWorker.staffId,
      });
      workerToken = await tokenFor({ login: childWelfareWorker.login, name: "Kaisa Lastensuojelu" });
      // An admitted case; the client and the guardian consent to child welfare, so that a responsible
      // worker's seat is refused below for the relationship alone.
      caseId = await refer(h);
      await admit(h, caseId);
      await consentAll(h, caseId, (await detailOf(caseId)).guardians[0]?.guardianId ?? "", [org.childWelfare]);
      const recorded = await h.gql(login.socialWorker, recordExistingClientship, {
        input: {
          caseId,
          organisationId: org.childWelfare,
          responsibleWorkerName: "Keksitty Työntekijä",
          since: "2026-01-01",
        },
      });
      expect(payloadOf(recorded.body, "recordExistingClientship")?.__typename).toBe("CasePayload");
    });

    it("finding 5b: refuses an end dated tomorrow, and one by another organisation, with or without a part in the case", async () => {
      const byOutsider = payloadOf((await endClientship(login.youthWorker, today)).body, "endExistingClientship");
      // Youth services take a core-team seat: a full member of the case, but neither child welfare nor a selecting unit.
      const meetingPlanned = await h.gql(login.police, planMeeting, {
        input: { caseId, plannedOn: "2026-12-01", composition: coreComposition },
      });
      expect(payloadOf(meetingPlanned.body, "planMeeting")?.__typename).toBe("CasePayload");
      const byMember = payloadOf((await endClientship(login.youthWorker, today)).body, "endExistingClientship");
      const inFuture = payloadOf((await endClientship(login.socialWorker, tomorrow)).body, "endExistingClientship");
      // Child welfare itself sees the case on the relationship alone, which changes nothing.
      const { body: ownBody } = await post(workerToken, endExistingClientship, {
        input: { caseId, organisationId: org.childWelfare, endedOn: today },
      });
      expect({
        outsider: byOutsider?.code,
        member: byMember?.violations?.map((v) => v.code),
        tomorrow: inFuture?.violations?.map((v) => v.code),
        childWelfareItself: payloadOf(ownBody, "endExistingClientship")?.code,
        stillSeen: (await post(workerToken, caseById, { id: caseId })).body.data?.case !== null,
      }).toEqual({
        outsider: "NOT_FOUND",
        member: ["CLIENTSHIP.NOT_RECORDER"],
        tomorrow: ["CASE.FUTURE_DATE"],
        childWelfareItself: "NOT_FOUND",
        stillSeen: true,
      });
    });

    it("finding 5b: once the relationship ends, child welfare no longer sees the case and its worker gets no seat", async () => {
      const ended = await endClientship(login.socialWorker, today);
      expect(payloadOf(ended.body, "endExistingClientship")?.__typename).toBe("CasePayload");
      const single = await post(workerToken, caseById, { id: caseId });
      const list = await post(workerToken, caseList);
      const seat = payloadOf((await h.gql(login.police, planMeeting, rwSeat("2026-11-25"))).body, "planMeeting");
      const again = payloadOf((await endClientship(login.socialWorker, today)).body, "endExistingClientship");
      const memberships = await h.database.db
        .select({ from: schema.caseMemberships.validFrom, to: schema.caseMemberships.validTo })
        .from(schema.caseMemberships)
        .where(
          and(
            eq(schema.caseMemberships.teamId, teamId),
            eq(schema.caseMemberships.caseId, caseId),
            eq(schema.caseMemberships.basis, "existing-clientship"),
          ),
        );
      const detail = await h.gql(
        login.police,
        `query($id: String!) { case(caseId: $id) { existingClientships { organisation { id } endedOn } } }`,
        { id: caseId },
      );
      expect({
        case: single.body.data?.case ?? null,
        error: codeOf(single.body) ?? null,
        listed: JSON.stringify(list.body.data ?? null).includes(caseId),
        seat: seat?.violations?.map((v) => v.code),
        endedTwice: again?.violations?.map((v) => v.code),
        memberships,
        relationships: (detail.body.data?.case as { existingClientships: unknown[] } | null)?.existingClientships,
      }).toEqual({
        case: null,
        error: null,
        listed: false,
        seat: ["MEETING.NO_CLIENTSHIP"],
        endedTwice: ["CLIENTSHIP.ALREADY_ENDED"],
        // Recorded and ended today: it gave access until now, and leaves none.
        memberships: [],
        relationships: [{ organisation: { id: org.childWelfare }, endedOn: today }],
      });
    });
  });

  describe("finding 6: node(id:) tells nothing of whether a case exists", () => {
    let hiddenId = "";
    let missingId = "";
    beforeAll(async () => {
      // The shared referral is hidden from Kuva; a second id is the same with a case id nobody has.
      const own = await h.gql(login.police, `query($id: String!) { case(caseId: $id) { id } }`, { id: sharedCase });
      hiddenId = (own.body.data?.case as { id: string }).id;
      const decoded = Buffer.from(hiddenId, "base64").toString("utf8");
      expect(decoded).toContain(sharedCase);
      missingId = Buffer.from(decoded.replace(sharedCase, "01900000-0000-7000-8000-000000000000")).toString("base64");
    });
    /** Messages of the error log lines that carry a stack trace. */
    const stackTraces = () =>
      errorLogs.flatMap((line) => {
        const err = line.err as { message?: unknown; stack?: unknown } | undefined;
        return typeof err?.stack === "string" ? [String(err.message)] : [];
      });
    const nodeQuery = `query($id: ID!) { node(id: $id) { id ... on Case { caseId client { givenName } } } }`;
    const nodesQuery = `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Case { caseId client { givenName } } } }`;

    it("finding 6: node answers null, without an error, for a hidden case and for no case alike", async () => {
      errorLogs.splice(0);
      const hidden = await h.gql(login.youthWorker, nodeQuery, { id: hiddenId });
      const missing = await h.gql(login.youthWorker, nodeQuery, { id: missingId });
      const answer = { status: 200, body: { data: { node: null } } };
      expect({
        hidden: { status: hidden.status, body: hidden.body },
        missing: { status: missing.status, body: missing.body },
        errorsLoggedWithStack: stackTraces(),
      }).toEqual({ hidden: answer, missing: answer, errorsLoggedWithStack: [] });
    });

    it("finding 6: nodes answers null for each, without an error, for a hidden case and for no case alike", async () => {
      errorLogs.splice(0);
      const both = await h.gql(login.youthWorker, nodesQuery, { ids: [hiddenId, missingId] });
      expect({
        status: both.status,
        codes: codesOf(both.body),
        data: both.body.data,
        errorsLoggedWithStack: stackTraces(),
      }).toEqual({ status: 200, codes: [], data: { nodes: [null, null] }, errorsLoggedWithStack: [] });
    });
  });

  describe("finding 7: every administrative write is in the access log", () => {
    const steering = "body-hel-ankkuri-steering";
    /** Runs an administrative mutation under a request id; returns its payload. */
    const adminWrite = async (requestId: string, query: string, variables: Record<string, unknown>) => {
      const { body } = await h.gql(login.admin, query, variables, { "x-request-id": requestId });
      const payload = Object.values(body.data ?? {})[0] as { __typename: string; id?: string } | undefined;
      expect(payload?.__typename, JSON.stringify(body)).not.toMatch(/Error$/);
      expect(body.errors).toBeUndefined();
      return payload;
    };
    // The caller's x-request-id is kept as the entry's correlation id (the server makes the request id).
    const entriesOf = (correlationId: string) =>
      h.database.db
        .select()
        .from(schema.auditLog)
        .where(sql`${schema.auditLog.details}->>'correlationId' = ${correlationId}`);
    const assignStaff = `mutation($input: AssignStaffInput!) { assignStaff(input: $input) { ${result} ... on Assignment { id version } } }`;

    // Dates far ahead (2039–2041), so that the agreement, the core team and the staffing of 2026,
    // which the other findings use, stay as they are.
    const writes: [string, (requestId: string) => Promise<string | undefined>][] = [
      [
        "assignStaff",
        async (requestId) =>
          (
            await adminWrite(requestId, assignStaff, {
              input: {
                staffId: "st-kuva-peltonen",
                organisationId: org.youthServices,
                fraction: 0.2,
                validFrom: "2039-01-01",
                validTo: "2039-12-31",
              },
            })
          )?.id,
      ],
      [
        "endAssignment",
        async (requestId) => {
          const made = (await h.gql(login.admin, assignStaff, {
            input: {
              staffId: "st-kuva-nieminen",
              organisationId: org.youthServices,
              fraction: 0.2,
              validFrom: "2039-01-01",
            },
          })) as { body: GraphQLBody };
          const assignment = payloadOf(made.body, "assignStaff") as { id: string; version: number } | undefined;
          return (
            await adminWrite(
              requestId,
              `mutation($id: ID!, $to: Date!, $v: Int!) {
                endAssignment(assignmentId: $id, validTo: $to, expectedVersion: $v) { ${result} ... on Assignment { id } }
              }`,
              { id: assignment?.id, to: "2039-06-30", v: assignment?.version },
            )
          )?.id;
        },
      ],
      [
        "recordClearance",
        async (requestId) =>
          (
            await adminWrite(
              requestId,
              `mutation($input: RecordClearanceInput!) { recordClearance(input: $input) { ${result} ... on SecurityClearance { id } } }`,
              {
                input: {
                  staffId: "st-sotepe-karjalainen",
                  scope: "STANDARD",
                  requestedOn: "2039-01-01",
                  grantedOn: "2039-02-01",
                  validUntil: "2044-01-31",
                },
              },
            )
          )?.id,
      ],
      [
        "recordJoiningDecision",
        async (requestId) =>
          (
            await adminWrite(
              requestId,
              `mutation($input: RecordJoiningDecisionInput!) { recordJoiningDecision(input: $input) { ${result} ... on JoiningDecision { id } } }`,
              {
                input: {
                  organisationId: org.childWelfare,
                  effectiveFrom: "2039-06-01",
                  description: "Lastensuojelun edustaja mukaan työryhmään (kuvitteellinen päätös).",
                  approvals: ["org-hpl", "org-hel-sotepe"].map((organisationId) => ({
                    organisationId,
                    approvedOn: "2039-05-01",
                    reference: `Päätös ${organisationId}`,
                  })),
                },
              },
            )
          )?.id,
      ],
      [
        "giveNotice",
        async (requestId) =>
          (
            await adminWrite(
              requestId,
              `mutation { giveNotice(partyId: "${org.kuva}", givenOn: "2040-01-01", reference: "Kuvan päätös (kuvitteellinen)") { ${result} ... on Notice { id } } }`,
              {},
            )
          )?.id,
      ],
      [
        "overrideChairTerm",
        async (requestId) =>
          (
            await adminWrite(
              requestId,
              `mutation { overrideChairTerm(bodyId: "${steering}", termStart: "2039-05-01", partyId: "${org.sotepe}", decidedOn: "2039-01-15", reference: "Johtoryhmän päätös (kuvitteellinen)") { ${result} ... on CooperationBody { id } } }`,
              {},
            )
          )?.id,
      ],
    ];

    it.each(writes)(
      "finding 7: %s appends an entry naming the administrator and the operation",
      async (name, write) => {
        const requestId = `finding-7-${name}-${engine}`;
        const recordId = await write(requestId);
        expect(recordId).toBeTruthy();
        const entries = await entriesOf(requestId);
        // The entry names who (the administrator, in the administrator's role) and what: a write of the
        // mutation's record, recognisable by the mutation's name or the record's id.
        expect(entries.length, "entries written under the request's id").toBeGreaterThan(0);
        expect(entries.map((e) => e.actorId)).toEqual(entries.map(() => login.admin));
        expect(entries.every((e) => ["create", "update", "delete"].includes(e.operation))).toBe(true);
        expect(entries.some((e) => e.actorRole.includes("team-administrator"))).toBe(true);
        const named = entries.some((e) =>
          [e.resource, e.resourceId ?? "", JSON.stringify({ ...e.details, correlationId: undefined })].some(
            (text) => text.includes(name) || (recordId !== undefined && text.includes(recordId)),
          ),
        );
        expect(named, JSON.stringify(entries)).toBe(true);
      },
    );
  });

  describe("finding 8: security clearances are shown to those who administer them, and to the person", () => {
    const clearanceQuery = "{ staff { id clearances { id scope grantedOn validUntil } premisesAccess { id areas } } }";
    /** Clearances and access rights in a response, except the reader's own (`ownStaffId`). */
    const othersClearances = (body: GraphQLBody, ownStaffId: string | null) =>
      ((body.data?.staff ?? []) as { id: string; clearances?: unknown[] | null; premisesAccess?: unknown[] | null }[])
        .filter((s) => s.id !== ownStaffId)
        .flatMap((s) => [...(s.clearances ?? []), ...(s.premisesAccess ?? [])]);

    it.each([
      [login.youthWorker, "st-kuva-lindqvist"],
      [login.steering, null],
      [login.leadership, null],
    ])("finding 8: shows %s no one else's clearances or premises access", async (who, ownStaffId) => {
      // Those who need them do see them.
      for (const reader of [login.admin, login.supervisor]) {
        const { body } = await h.gql(reader, clearanceQuery);
        expect(othersClearances(body, null).length, reader).toBeGreaterThan(0);
      }
      const { body } = await h.gql(who, clearanceQuery);
      expect(othersClearances(body, ownStaffId)).toEqual([]);
    });

    it("finding 8: shows the person their own clearances and premises access, as their administrators see them", async () => {
      type Row = { id: string; clearances: unknown[] | null; premisesAccess: unknown[] | null };
      const own = "st-kuva-lindqvist";
      const rowOf = async (reader: string) =>
        ((await h.gql(reader, clearanceQuery)).body.data?.staff as Row[] | undefined)?.find((s) => s.id === own);
      const mine = await rowOf(login.youthWorker);
      const asAdministered = await rowOf(login.admin);
      expect(mine?.clearances?.length).toBeGreaterThan(0);
      expect(mine?.premisesAccess?.length).toBeGreaterThan(0);
      expect(mine).toEqual(asAdministered);
    });
  });
  describe("three teams: a person sees their own team only, whatever the token claims", () => {
    const [, second, third] = syntheticTeams(3).map((t) => t.dataset);
    /** A police officer of the team who is not its operational supervisor. */
    const officerOf = (dataset: typeof second) => {
      const supervisors = new Set(
        dataset?.assignments.filter((a) => a.role === "operational-supervisor").map((a) => a.staffId),
      );
      const staff = dataset?.staff.find((x) => x.profession === "police-officer" && !supervisors.has(x.id));
      return dataset?.users.find((u) => u.staffId === staff?.id)?.login ?? "";
    };
    let secondCase = "";
    beforeAll(async () => {
      for (const dataset of [second, third]) if (dataset) await seedTeam(h.database.db, dataset);
      const token = await tokenFor({ login: officerOf(second) });
      const referred = await post(token, referCase, {
        input: {
          type: "YOUTH_CRIME",
          referredOn: "2026-10-01",
          referralSource: "POLICE",
          client: { identityCode: nextIdentityCode("2012-05-05"), givenName: "Toisen", familyName: "Tiimin" },
        },
      });
      secondCase =
        (payloadOf(referred.body, "referCase") as { case: { caseId: string } } | undefined)?.case.caseId ?? "";
      expect(secondCase).not.toBe("");
    });

    it("lists and opens only the own team's cases", async () => {
      const second2 = await post(await tokenFor({ login: officerOf(second) }), caseList);
      const third3 = await post(await tokenFor({ login: officerOf(third) }), caseList);
      const ids = (body: GraphQLBody) =>
        ((body.data?.cases as { nodes: { caseId: string }[] } | undefined)?.nodes ?? []).map((n) => n.caseId);
      expect(ids(second2.body)).toEqual([secondCase]);
      expect(ids(third3.body)).toEqual([]);
      expect((await listedAs(login.police)).ids).not.toContain(secondCase);
      expect((await caseAs(login.police, secondCase)).case).toBeNull();
    });

    it("refuses a token that claims another team, organisation or roles than the database gives", async () => {
      const forged = [
        { login: officerOf(second), teamId },
        { login: officerOf(second), teamId: third?.team.id ?? "" },
        { login: login.police, teamId: second?.team.id ?? "" },
        { login: officerOf(third), organisationId: org.socialEmergency },
        { login: officerOf(third), roles: ["police-officer", "team-administrator"] as AccessRole[] },
      ];
      for (const claims of forged) {
        const { body } = await post(await tokenFor(claims), caseList);
        expect({ claims, data: body.data ?? null, code: codeOf(body) }).toEqual({
          claims,
          data: null,
          code: "UNAUTHENTICATED",
        });
      }
      // Claims that agree with the database are accepted, and add nothing.
      const agreeing = await post(
        await tokenFor({ login: officerOf(second), teamId: second?.team.id ?? "", roles: ["police-officer"] }),
        caseList,
      );
      expect(codeOf(agreeing.body)).toBeUndefined();
    });

    it("answers another team's case by global id as one that does not exist", async () => {
      const token = await tokenFor({ login: officerOf(second) });
      const own = await post(token, `query($id: String!) { case(caseId: $id) { id } }`, { id: secondCase });
      const globalId = (own.body.data?.case as { id: string }).id;
      const nodeQuery = `query($id: ID!) { node(id: $id) { ... on Case { caseId } } }`;
      expect((await post(token, nodeQuery, { id: globalId })).body).toEqual({ data: { node: { caseId: secondCase } } });
      expect((await h.gql(login.police, nodeQuery, { id: globalId })).body).toEqual({ data: { node: null } });
    });
  });
});
