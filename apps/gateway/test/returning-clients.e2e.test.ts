import { and, eq, inArray, schema, seedTeam, syntheticTeams } from "@ankkuri/db";
import { helsinkiAnkkuri } from "@ankkuri/domain";
import { testEngines } from "@ankkuri/db/testing";
import {
  CaseReferralsDocument,
  DeclineCaseDocument,
  RecordSelectionDecisionDocument,
  ReferCaseDocument,
  StartSelectionDocument,
} from "@ankkuri/client/operations";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./harness.js";
import { as, clock, login, nextIdentityCode, org } from "./steps.js";

/**
 * Returning clients (issue "returning clients", 003 § 4.2): a client with an open case has a new
 * referral added to it as a later referral event; one whose cases have all ended gets a new case that
 * names the previous one; there are never two open cases for one client in a team, and the database
 * holds that even against two referrals at once. A referrer who does not take part in the client's
 * cases learns nothing of them (#7). The attacker's tests come first.
 */

const teamId = helsinkiAnkkuri.team.id;

describe.each(testEngines)("returning clients on %s", (engine) => {
  let h: Harness;

  const referral = (identityCode: string, givenName = "Ville", familyName = "Palaava", referredOn = "2026-10-01") => ({
    input: {
      type: "YOUTH_CRIME" as const,
      referredOn,
      referralSource: "POLICE" as const,
      client: { identityCode, givenName, familyName },
    },
  });
  const refer = async (who: string, input: ReturnType<typeof referral>) =>
    (await h.request(who, ReferCaseDocument, input)).data?.referCase;
  const referralsOf = async (who: string, caseId: string) => {
    const { data, errors } = await h.request(who, CaseReferralsDocument, { caseId });
    expect(errors).toBeUndefined();
    return data?.case ?? null;
  };
  /** The client's cases in the team, straight from the database, with their statuses. */
  const casesOfClientOf = async (caseId: string) => {
    const [row] = await h.database.db
      .select({ clientId: schema.cases.clientId })
      .from(schema.cases)
      .where(and(eq(schema.cases.teamId, teamId), eq(schema.cases.id, caseId)));
    return h.database.db
      .select({ id: schema.cases.id, status: schema.cases.status })
      .from(schema.cases)
      .where(and(eq(schema.cases.teamId, teamId), eq(schema.cases.clientId, row?.clientId ?? "")));
  };
  const open = <R extends { status: string }>(rows: R[]) =>
    rows.filter((r) => ["referred", "in-selection", "admitted", "active"].includes(r.status));
  /** Takes a referred case through a selection in which every selecting profession declines. */
  const decline = async (caseId: string, on = "2026-10-03") => {
    as(
      (await h.request(login.police, StartSelectionDocument, { input: { caseId, on } })).data?.startSelection,
      "CasePayload",
    );
    for (const who of [login.police, login.socialWorker, login.nurse]) {
      as(
        (await h.request(who, RecordSelectionDecisionDocument, { input: { caseId, admit: false, decidedOn: on } })).data
          ?.recordSelectionDecision,
        "CasePayload",
      );
    }
    as(
      (await h.request(login.police, DeclineCaseDocument, { input: { caseId, on } })).data?.declineCase,
      "CasePayload",
    );
  };

  beforeAll(async () => {
    h = await startHarness(engine, { gateway: { clock } });
  });
  afterAll(async () => {
    await h.close();
  });

  describe("the attacker's tests: a referral tells nothing of the client's cases", () => {
    it("answers a youth worker's referral of a client with an open case exactly as one of a new client", async () => {
      const code = nextIdentityCode("2012-04-01");
      const known = as(await refer(login.police, referral(code, "Oona", "Oikea")), "CasePayload").case.caseId;

      const fresh = await refer(login.youthWorker, referral(nextIdentityCode("2012-04-01"), "Keksi", "Tty"));
      const again = await refer(login.youthWorker, referral(code, "Keksi", "Tty"));
      // The same receipt, of what she sent: no case, no names or birth date but her own, no flag.
      const strip = (r: unknown) => {
        const { client, ...rest } = as(r as { __typename: string } | undefined, "ReferralReceipt") as {
          client: { birthDate: string };
        };
        return { ...rest, client: { ...client, birthDate: "(given)" } };
      };
      expect(strip(again)).toEqual(strip(fresh));
      expect(JSON.stringify(again)).not.toContain("Oikea");

      // The referral joined the open case, which stays hidden from her: no list entry, no case.
      expect(open(await casesOfClientOf(known))).toHaveLength(1);
      expect(await referralsOf(login.youthWorker, known)).toBeNull();
      const list = await h.gql(login.youthWorker, "{ cases(first: 100) { nodes { caseId } } }");
      expect(JSON.stringify(list.body)).not.toContain(known);
      // Those who take part in the case see her referral, with the names as she gave them.
      const seen = await referralsOf(login.police, known);
      expect(seen?.referralEvents.map((e) => [e.first, e.referredBy?.id ?? null, e.givenName])).toEqual([
        [true, org.policePrevention, "Oona"],
        [false, org.youthServices, "Keksi"],
      ]);
    });

    it("opens a returning client's new case without opening it, or the earlier one, to a referrer who took part in neither", async () => {
      const code = nextIdentityCode("2011-09-09");
      const earlier = as(await refer(login.police, referral(code, "Eero", "Entinen")), "CasePayload").case.caseId;
      await decline(earlier);
      const receipt = as(
        await refer(login.youthWorker, referral(code, "Keksi", "Tty", "2026-11-01")),
        "ReferralReceipt",
      );
      expect(JSON.stringify(receipt)).not.toContain("Entinen");
      const rows = await casesOfClientOf(earlier);
      const [newCase] = open(rows);
      expect(rows).toHaveLength(2);
      // The police see the new case continue the earlier one; the youth worker sees neither.
      const seen = await referralsOf(login.police, newCase?.id ?? "");
      expect(seen).toMatchObject({ previousCaseId: earlier, status: "REFERRED" });
      expect(seen?.referralEvents.map((e) => [e.first, e.referredBy])).toEqual([[true, null]]);
      expect(await referralsOf(login.youthWorker, newCase?.id ?? "")).toBeNull();
      expect(await referralsOf(login.youthWorker, earlier)).toBeNull();
    });

    it("keeps another team's referral of a known identity code in that team, with nothing of ours", async () => {
      const code = nextIdentityCode("2012-07-07");
      const ours = as(await refer(login.police, referral(code, "Meidän", "Asiakas")), "CasePayload").case.caseId;
      const [, other] = syntheticTeams(2).map((t) => t.dataset);
      if (!other) throw new Error("no second team");
      await seedTeam(h.database.db, other);
      const staffIds = new Set(other.staff.filter((s) => s.profession === "police-officer").map((s) => s.id));
      const officer = other.users.find((u) => u.staffId !== null && staffIds.has(u.staffId))?.login ?? "";
      const token = await h.issuer.signClaims({ sub: officer, name: "Toisen tiimin poliisi" });
      const response = await h.fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", "authorization": `Bearer ${token}` },
        body: JSON.stringify({
          query: `mutation($input: ReferCaseInput!) { referCase(input: $input) {
            __typename ... on CasePayload { existingClient case { caseId client { givenName } referralEvents { givenName } } }
          } }`,
          ...{ variables: referral(code, "Toinen", "Nimi") },
        }),
      });
      const body = (await response.json()) as {
        data?: { referCase?: { existingClient: boolean; case: { caseId: string } } };
      };
      const theirs = body.data?.referCase;
      expect(theirs).toMatchObject({
        __typename: "CasePayload",
        existingClient: false,
        case: { client: { givenName: "Toinen" }, referralEvents: [{ givenName: "Toinen" }] },
      });
      expect(theirs?.case.caseId).not.toBe(ours);
      expect(JSON.stringify(body)).not.toContain("Meidän");
      // Our case got no referral event from them.
      expect((await referralsOf(login.police, ours))?.referralEvents).toHaveLength(1);
    });
  });

  describe("re-referral", () => {
    it("adds a referral of a client with an open case to that case, seen by everyone taking part in it", async () => {
      const code = nextIdentityCode("2013-01-15");
      const first = as(await refer(login.police, referral(code)), "CasePayload");
      expect(first.existingClient).toBe(false);
      const again = as(
        await refer(login.socialWorker, referral(code, "Ville", "Palaava-Virtanen", "2026-10-20")),
        "CasePayload",
      );
      expect(again).toMatchObject({ existingClient: true, case: { caseId: first.case.caseId, version: 1 } });
      for (const who of [login.police, login.socialWorker, login.nurse]) {
        const seen = await referralsOf(who, first.case.caseId);
        expect(
          seen?.referralEvents.map((e) => [e.first, e.referredOn, e.referredBy?.id ?? null, e.familyName]),
          who,
        ).toEqual([
          [true, "2026-10-01", org.policePrevention, "Palaava"],
          [false, "2026-10-20", org.socialEmergency, "Palaava-Virtanen"],
        ]);
      }
      expect(open(await casesOfClientOf(first.case.caseId))).toHaveLength(1);
    });

    it("opens a new case linked to the previous one when the client's cases have all ended", async () => {
      const code = nextIdentityCode("2010-05-05");
      const earlier = as(await refer(login.police, referral(code)), "CasePayload").case.caseId;
      await decline(earlier);
      const again = as(await refer(login.police, referral(code, "Ville", "Palaava", "2026-11-02")), "CasePayload");
      expect(again.existingClient).toBe(true);
      expect(again.case.caseId).not.toBe(earlier);
      expect(again.case.status).toBe("REFERRED");
      const seen = await referralsOf(login.police, again.case.caseId);
      expect(seen).toMatchObject({
        previousCaseId: earlier,
        referralEvents: [{ first: true, referredOn: "2026-11-02" }],
      });
      // Those who took part in the earlier case learn that the client came back.
      expect((await referralsOf(login.socialWorker, earlier))?.laterReferrals).toEqual(["2026-11-02"]);
      const rows = await casesOfClientOf(earlier);
      expect(rows.map((r) => r.status).sort()).toEqual(["declined", "referred"]);
    });
  });

  describe("never two open cases for one client", () => {
    it("keeps one open case when the same new client is referred twice at once", async () => {
      const code = nextIdentityCode("2012-12-12");
      const results = await Promise.all([
        refer(login.police, referral(code, "Yhtä", "Aikaa")),
        refer(login.socialWorker, referral(code, "Yhtä", "Aikaa")),
      ]);
      const [a, b] = results.map((r) => as(r, "CasePayload").case.caseId);
      // One of them made the case; the other joined it (after a retry on PostgreSQL).
      expect(a).toBe(b);
      const rows = await casesOfClientOf(a ?? "");
      expect(rows).toHaveLength(1);
      const events = await h.database.db
        .select({ id: schema.referralEvents.id })
        .from(schema.referralEvents)
        .where(and(eq(schema.referralEvents.teamId, teamId), inArray(schema.referralEvents.caseId, [a ?? ""])));
      expect(events).toHaveLength(1);
    });

    it("keeps one open case when a returning client whose cases have ended is referred twice at once", async () => {
      const code = nextIdentityCode("2011-11-11");
      const earlier = as(await refer(login.police, referral(code)), "CasePayload").case.caseId;
      await decline(earlier);
      const results = await Promise.all([
        refer(login.police, referral(code, "Ville", "Palaava", "2026-11-03")),
        refer(login.nurse, referral(code, "Ville", "Palaava", "2026-11-03")),
      ]);
      const ids = results.map((r) => as(r, "CasePayload").case.caseId);
      expect(ids[0]).toBe(ids[1]);
      expect(open(await casesOfClientOf(earlier))).toEqual([{ id: ids[0], status: "referred" }]);
    });
  });
});
