import { randomUUID } from "node:crypto";
import { and, eq, schema, seedTeam, syntheticTeams } from "@ankkuri/db";
import { testEngines } from "@ankkuri/db/testing";
import { helsinkiAnkkuri } from "@ankkuri/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type CaseLinkRelation,
  CaseLinksDocument,
  LinkCasesDocument,
  type LinkedCaseRoleInput,
  UnlinkCasesDocument,
} from "@ankkuri/client/operations";
import { type Harness, startHarness } from "./harness.js";
import {
  addSchoolSocialWorker,
  admit,
  as,
  clock,
  inviteEducationUnderConsent,
  login,
  nextIdentityCode,
  type PostAs,
  refer,
} from "./steps.js";

/**
 * Families and linked cases (003 § 4.2): a link shows each reader only the linked cases they may see,
 * never reveals a case to someone without need-to-know, and domestic-violence links are the core
 * team's alone. The attacker's tests come first.
 */

const teamId = helsinkiAnkkuri.team.id;

describe.each(testEngines)("linked cases on %s", (engine) => {
  let h: Harness;
  let asSchool: PostAs;

  const link = async (who: string, caseIds: string[], relation: CaseLinkRelation, roles?: LinkedCaseRoleInput[]) =>
    (await h.request(who, LinkCasesDocument, { input: { caseIds, relation, ...(roles ? { roles } : {}) } })).data
      ?.linkCases;
  const unlink = async (who: string, linkId: string) =>
    (await h.request(who, UnlinkCasesDocument, { input: { linkId } })).data?.unlinkCases;
  const linksAs = async (who: string, caseId: string) => {
    const { data, errors } = await h.request(who, CaseLinksDocument, { caseId });
    expect(errors).toBeUndefined();
    return data?.case?.links ?? null;
  };
  /** A link as a reader sees it: its relation and the cases with their roles. */
  const seen = (links: Awaited<ReturnType<typeof linksAs>>) =>
    (links ?? []).map((l) => ({ relation: l.relation, cases: l.cases.map((c) => [c.caseId, c.role]) }));
  const result = "__typename ... on Error { code message path } ... on RuleViolationError { violations { code } }";
  const linkMutation = `mutation($input: LinkCasesInput!) { linkCases(input: $input) { ${result} ... on CaseLinkPayload { link { linkId cases { caseId } } } } }`;
  const unlinkMutation = `mutation($input: UnlinkCasesInput!) { unlinkCases(input: $input) { ${result} } }`;
  const linksQuery = `query($id: String!) { case(caseId: $id) { links { relation cases { caseId role } } } }`;
  const referMutation = `mutation($input: ReferCaseInput!) { referCase(input: $input) { __typename ... on CasePayload { case { caseId } } } }`;
  let schoolReferrals = 0;
  /** The school social worker selects no clients: she gets a receipt, and the case id comes from the database. */
  const referAsSchool = async () => {
    schoolReferrals += 1;
    const familyName = `Koulu-${String(schoolReferrals)}`;
    const body = await asSchool(referMutation, {
      input: {
        type: "DOMESTIC_VIOLENCE",
        referredOn: "2026-10-01",
        referralSource: "SCHOOL",
        client: { identityCode: nextIdentityCode("2013-02-03"), givenName: "Kaisa", familyName },
      },
    });
    expect(body.data?.referCase).toEqual({ __typename: "ReferralReceipt" });
    const [row] = await h.database.db
      .select({ id: schema.cases.id })
      .from(schema.cases)
      .innerJoin(
        schema.clients,
        and(eq(schema.clients.teamId, schema.cases.teamId), eq(schema.clients.id, schema.cases.clientId)),
      )
      .where(eq(schema.clients.familyName, familyName));
    if (!row) throw new Error(JSON.stringify(body));
    return row.id;
  };

  beforeAll(async () => {
    h = await startHarness(engine, { gateway: { clock } });
    asSchool = await addSchoolSocialWorker(h);
  });
  afterAll(async () => {
    await h.close();
  });

  describe("the attacker's tests: a link never reveals a case", () => {
    it("answers linking with a case one may not see exactly as linking with no case at all", async () => {
      // The youth worker sees the case she referred; the police officer's own referral is hidden from her.
      const own = await refer(h, { by: login.youthWorker });
      const hidden = await refer(h, { by: login.police });
      const withHidden = await link(login.youthWorker, [own, hidden], "SIBLINGS");
      const withNothing = await link(login.youthWorker, [own, randomUUID()], "SIBLINGS");
      expect(as(withHidden, "NotFoundError")).toEqual(as(withNothing, "NotFoundError"));
      // Nothing was written: the police officer, who sees both, finds no link.
      expect(await linksAs(login.police, own)).toEqual([]);
    });

    it("shows a reader only the linked cases they may see, and no link when they see no other case", async () => {
      const [ownA, ownB] = [await refer(h, { by: login.youthWorker }), await refer(h, { by: login.youthWorker })];
      const policeOnly = await refer(h, { by: login.police });
      const made = as(await link(login.police, [ownA, policeOnly, ownB], "SIBLINGS"), "CaseLinkPayload");
      expect(made.link.cases.map((c) => c.caseId)).toEqual([ownA, policeOnly, ownB]);

      expect(seen(await linksAs(login.police, ownA))).toEqual([
        {
          relation: "SIBLINGS",
          cases: [
            [ownA, null],
            [policeOnly, null],
            [ownB, null],
          ],
        },
      ]);
      // The youth worker sees the two cases she referred, not the police officer's.
      expect(seen(await linksAs(login.youthWorker, ownA))).toEqual([
        {
          relation: "SIBLINGS",
          cases: [
            [ownA, null],
            [ownB, null],
          ],
        },
      ]);
      expect(JSON.stringify(await linksAs(login.youthWorker, ownB))).not.toContain(policeOnly);

      // A link of which she would see one case alone is not shown at all.
      const lone = await refer(h, { by: login.youthWorker });
      as(await link(login.police, [lone, policeOnly], "SAME_HOUSEHOLD"), "CaseLinkPayload");
      expect(await linksAs(login.youthWorker, lone)).toEqual([]);
      expect(seen(await linksAs(login.police, lone))).toEqual([
        {
          relation: "SAME_HOUSEHOLD",
          cases: [
            [lone, null],
            [policeOnly, null],
          ],
        },
      ]);
    });

    it("answers ending a link one is not shown, or does not see every case of, as a link that does not exist", async () => {
      const lone = await refer(h, { by: login.youthWorker });
      const policeOnly = await refer(h, { by: login.police });
      const made = as(await link(login.police, [lone, policeOnly], "SIBLINGS"), "CaseLinkPayload");
      const guessed = await unlink(login.youthWorker, made.link.linkId);
      const missing = await unlink(login.youthWorker, randomUUID());
      expect(as(guessed, "NotFoundError")).toEqual(as(missing, "NotFoundError"));
      expect(as(guessed, "NotFoundError").path).toEqual(["input", "linkId"]);
      // The link is still in force.
      expect(seen(await linksAs(login.police, lone))).toHaveLength(1);
    });

    it("keeps domestic-violence links from anyone outside the core team, even one who sees both cases", async () => {
      // The school social worker referred both cases, so she sees them in full; she is no core-team member.
      const [victim, perpetrator] = [await referAsSchool(), await referAsSchool()];
      const dv = as(
        await link(login.police, [victim, perpetrator], "DOMESTIC_VIOLENCE_PARTIES", [
          { caseId: victim, role: "VICTIM" },
          { caseId: perpetrator, role: "PERPETRATOR" },
        ]),
        "CaseLinkPayload",
      );
      expect(seen(await linksAs(login.police, victim))).toEqual([
        {
          relation: "DOMESTIC_VIOLENCE_PARTIES",
          cases: [
            [victim, "VICTIM"],
            [perpetrator, "PERPETRATOR"],
          ],
        },
      ]);
      expect((await asSchool(linksQuery, { id: victim })).data).toEqual({ case: { links: [] } });

      // Her own attempt is refused for being outside the core team, without telling of the existing link.
      const attempt = await asSchool(linkMutation, {
        input: {
          caseIds: [victim, perpetrator],
          relation: "DOMESTIC_VIOLENCE_PARTIES",
          roles: [
            { caseId: victim, role: "VICTIM" },
            { caseId: perpetrator, role: "PERPETRATOR" },
          ],
        },
      });
      expect(attempt.data?.linkCases).toMatchObject({
        __typename: "RuleViolationError",
        violations: [{ code: "LINK.CORE_TEAM_ONLY" }],
      });
      const ending = await asSchool(unlinkMutation, { input: { linkId: dv.link.linkId } });
      expect(ending.data?.unlinkCases).toMatchObject({ __typename: "NotFoundError", code: "NOT_FOUND" });

      // Siblings she may link and see.
      const siblings = await asSchool(linkMutation, {
        input: { caseIds: [victim, perpetrator], relation: "SIBLINGS" },
      });
      expect(siblings.data?.linkCases).toMatchObject({ __typename: "CaseLinkPayload" });
      expect((await asSchool(linksQuery, { id: victim })).data).toEqual({
        case: {
          links: [
            {
              relation: "SIBLINGS",
              cases: [
                { caseId: victim, role: null },
                { caseId: perpetrator, role: null },
              ],
            },
          ],
        },
      });
    });

    it("answers another team's case as one that does not exist, from either side", async () => {
      const [, second] = syntheticTeams(2).map((t) => t.dataset);
      if (!second) throw new Error("no second team");
      await seedTeam(h.database.db, second);
      const officer = second.users.find((u) =>
        second.staff.some((s) => s.id === u.staffId && s.profession === "police-officer"),
      )?.login;
      if (!officer) throw new Error("no officer in the second team");
      const token = await h.issuer.signClaims({ sub: officer, name: "Toisen Tiimin Poliisi" });
      const post = async (query: string, variables: Record<string, unknown>) =>
        (await (
          await h.fetch("/graphql", {
            method: "POST",
            headers: { "content-type": "application/json", "authorization": `Bearer ${token}` },
            body: JSON.stringify({ query, variables }),
          })
        ).json()) as { data?: Record<string, unknown> };
      const referred = await post(referMutation, {
        input: {
          type: "YOUTH_CRIME",
          referredOn: "2026-10-01",
          referralSource: "POLICE",
          client: { identityCode: nextIdentityCode("2012-05-05"), givenName: "Toisen", familyName: "Tiimin" },
        },
      });
      const theirs = (referred.data?.referCase as { case: { caseId: string } }).case.caseId;
      const [theirOther] = [
        (
          (
            await post(referMutation, {
              input: {
                type: "YOUTH_CRIME",
                referredOn: "2026-10-01",
                referralSource: "POLICE",
                client: { identityCode: nextIdentityCode("2012-05-06"), givenName: "Toinen", familyName: "Tiimi" },
              },
            })
          ).data?.referCase as { case: { caseId: string } }
        ).case.caseId,
      ];
      const ours = await refer(h, { by: login.police });
      expect(as(await link(login.police, [ours, theirs], "SIBLINGS"), "NotFoundError").code).toBe("NOT_FOUND");
      const fromThere = await post(linkMutation, { input: { caseIds: [theirs, ours], relation: "SIBLINGS" } });
      expect(fromThere.data?.linkCases).toMatchObject({ __typename: "NotFoundError" });
      // Their own cases they link; ours never appears in their links.
      const theirsLinked = await post(linkMutation, { input: { caseIds: [theirs, theirOther], relation: "SIBLINGS" } });
      expect(theirsLinked.data?.linkCases).toMatchObject({ __typename: "CaseLinkPayload" });
      expect(await linksAs(login.police, ours)).toEqual([]);
    });

    it("lets a reader present under consent see a link of cases she may see, but not change it", async () => {
      // The police officer's case, admitted; the school gets a seat under every required giver's consent.
      const policeCase = await refer(h, { by: login.police });
      await admit(h, policeCase);
      await inviteEducationUnderConsent(h, policeCase);
      const schoolCase = await referAsSchool();
      // Limited access (consent) is not enough to link: answered as not found.
      const attempt = await asSchool(linkMutation, {
        input: { caseIds: [schoolCase, policeCase], relation: "SIBLINGS" },
      });
      expect(attempt.data?.linkCases).toMatchObject({ __typename: "NotFoundError", code: "NOT_FOUND" });
      // The police officer, who sees both in full, links them; the school sees both cases of the link.
      const made = as(await link(login.police, [policeCase, schoolCase], "SIBLINGS"), "CaseLinkPayload");
      expect((await asSchool(linksQuery, { id: schoolCase })).data).toEqual({
        case: {
          links: [
            {
              relation: "SIBLINGS",
              cases: [
                { caseId: policeCase, role: null },
                { caseId: schoolCase, role: null },
              ],
            },
          ],
        },
      });
      const ending = await asSchool(unlinkMutation, { input: { linkId: made.link.linkId } });
      expect(ending.data?.unlinkCases).toMatchObject({ __typename: "NotFoundError" });
    });
  });

  describe("a list of cases", () => {
    it("loads the links of every case on the page in a bounded number of statements", async () => {
      for (let i = 0; i < 3; i++)
        as(await link(login.socialWorker, [await refer(h), await refer(h)], "SIBLINGS"), "CaseLinkPayload");
      const list = (selection: string) => `{ cases(first: 50) { nodes { caseId ${selection} } } }`;
      const statements = async (query: string) => {
        await h.gql(login.socialWorker, query);
        h.resetQueries();
        const { body } = await h.gql(login.socialWorker, query);
        expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
        const nodes = (body.data as { cases: { nodes: { links?: unknown[] }[] } }).cases.nodes;
        return { count: h.queries.length, linked: nodes.filter((n) => (n.links ?? []).length > 0).length };
      };
      const bare = await statements(list(""));
      const withLinks = await statements(list("links { relation cases { caseId } }"));
      expect(withLinks.linked).toBeGreaterThanOrEqual(6);
      // The links and the reader's view of their cases: two statements for the page, not two per case.
      expect(withLinks.count - bare.count).toBeLessThanOrEqual(2);
    });
  });

  describe("linking and ending links", () => {
    it("links siblings, shows them on each case, ends the link once and keeps it on record", async () => {
      const [a, b] = [await refer(h), await refer(h)];
      const made = as(await link(login.socialWorker, [a, b], "SIBLINGS"), "CaseLinkPayload");
      expect(made.link).toMatchObject({ relation: "SIBLINGS", linkedOn: "2026-11-22", unlinkedOn: null });
      expect(made.link.cases.map((c) => c.case.client.givenName)).toEqual(["Eetu", "Eetu"]);
      expect(seen(await linksAs(login.nurse, b))).toEqual([
        {
          relation: "SIBLINGS",
          cases: [
            [a, null],
            [b, null],
          ],
        },
      ]);

      const again = as(await link(login.police, [b, a], "SIBLINGS"), "RuleViolationError");
      expect(again.violations.map((v) => v.code)).toEqual(["LINK.ALREADY_LINKED"]);

      const ended = as(await unlink(login.police, made.link.linkId), "CaseLinkPayload");
      expect(ended.link.unlinkedOn).toBe("2026-11-22");
      expect(await linksAs(login.police, a)).toEqual([]);
      const twice = as(await unlink(login.police, made.link.linkId), "RuleViolationError");
      expect(twice.violations.map((v) => v.code)).toEqual(["LINK.ALREADY_UNLINKED"]);
      const kept = await h.database.db
        .select()
        .from(schema.caseLinkGroups)
        .where(and(eq(schema.caseLinkGroups.teamId, teamId), eq(schema.caseLinkGroups.id, made.link.linkId)));
      expect(kept.map((k) => [k.linkedBy, k.unlinkedOn, k.unlinkedBy])).toEqual([
        [login.socialWorker, "2026-11-22", login.police],
      ]);
      // Once ended, the same cases may be linked again.
      as(await link(login.police, [a, b], "SIBLINGS"), "CaseLinkPayload");
    });

    it("refuses a domestic-violence link without every role, roles elsewhere and fewer than two cases, in Swedish too", async () => {
      const [a, b] = [await refer(h), await refer(h)];
      const noRole = as(
        await link(login.police, [a, b], "DOMESTIC_VIOLENCE_PARTIES", [{ caseId: a, role: "VICTIM" }]),
        "RuleViolationError",
      );
      expect(noRole.violations.map((v) => [v.code, v.ids])).toEqual([["LINK.ROLE_MISSING", [b]]]);
      const stray = as(
        await link(login.police, [a, b], "SIBLINGS", [{ caseId: a, role: "WITNESS_CHILD" }]),
        "RuleViolationError",
      );
      expect(stray.violations.map((v) => v.code)).toEqual(["LINK.ROLE_NOT_APPLICABLE"]);
      const alone = as(await link(login.police, [a], "SAME_HOUSEHOLD"), "RuleViolationError");
      expect(alone.violations.map((v) => v.code)).toEqual(["LINK.TOO_FEW_CASES"]);

      const sv = await h.gql(
        login.police,
        `mutation($input: LinkCasesInput!) { linkCases(input: $input) { ... on Error { message(language: SV) } ... on RuleViolationError { violations { messages { sv } } } } }`,
        { input: { caseIds: [a], relation: "SIBLINGS" } },
      );
      expect(sv.body.data?.linkCases).toEqual({
        message: "Länka minst två olika klientskap.",
        violations: [{ messages: { sv: "Länka minst två olika klientskap." } }],
      });
    });

    it("audits a link and its end once for each linked case, with its client", async () => {
      const [a, b] = [await refer(h), await refer(h)];
      const made = as(await link(login.police, [a, b], "SAME_HOUSEHOLD"), "CaseLinkPayload");
      as(await unlink(login.police, made.link.linkId), "CaseLinkPayload");
      const entries = await h.database.db
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.resource, "case-link"), eq(schema.auditLog.resourceId, made.link.linkId)));
      expect(entries.map((e) => [e.operation, e.caseId, e.clientId !== null]).sort()).toEqual(
        [
          ["create", a, true],
          ["create", b, true],
          ["update", a, true],
          ["update", b, true],
        ].sort(),
      );
    });
  });
});
