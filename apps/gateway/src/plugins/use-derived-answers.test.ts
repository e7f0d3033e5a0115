import type { Actor } from "@ankkuri/domain";
import { getNamedType, type GraphQLNamedType, isInterfaceType, isObjectType, isUnionType, parse } from "graphql";
import { createSchema, createYoga } from "graphql-yoga";
import { describe, expect, it } from "vitest";
import { AuditCollector } from "../audit/audit-collector.js";
import type { GatewayContext, TeamSnapshot } from "../context.js";
import { schema } from "../schema/index.js";
import { useAuditFlush } from "./use-audit-flush.js";
import { derivedRootFields, isDerivedOperation, useDerivedAnswers } from "./use-derived-answers.js";

const actor = (login: string): Actor => ({
  login,
  name: login,
  teamId: "team-a",
  organisationId: "org-a",
  roles: ["party-leadership"] as Actor["roles"],
});

/**
 * A gateway-shaped yoga on a small schema whose `chairCalendar` counts its runs, answers from the
 * current snapshot, fails when asked to and records a client-data read when asked to.
 */
function harness() {
  let snapshot = { name: "first" } as unknown as TeamSnapshot;
  let runs = 0;
  let release: (() => void) | undefined;
  const yoga = createYoga<Record<string, unknown>, GatewayContext>({
    schema: createSchema<Record<string, unknown> & GatewayContext>({
      typeDefs: `type Query { chairCalendar(bodyId: ID!, fail: Boolean, readCase: Boolean, wait: Boolean): String, other: String }`,
      resolvers: {
        Query: {
          chairCalendar: async (
            _root: unknown,
            args: { bodyId: string; fail?: boolean; readCase?: boolean; wait?: boolean },
            ctx: GatewayContext,
          ) => {
            runs += 1;
            if (args.wait) await new Promise<void>((done) => (release = done));
            if (args.fail) throw new Error("failed");
            if (args.readCase) ctx.audit.read({ resource: "case", caseId: "c" }, { basis: "casework" });
            const team = (await ctx.team()) as unknown as { name: string };
            return `${args.bodyId} ${team.name} ${ctx.language} ${ctx.today} ${String(ctx.actor?.login)} run ${String(runs)}`;
          },
          other: () => `run ${String(++runs)}`,
        },
      },
    }),
    context: ({ request }) => {
      const login = request.headers.get("x-login");
      const who = login ? actor(login) : null;
      return {
        actor: who,
        language: request.headers.get("accept-language") === "en" ? "en" : "fi",
        today: request.headers.get("x-today") ?? "2026-12-01",
        audit: new AuditCollector("r", who, () => new Date()),
        team: () => Promise.resolve(snapshot),
        services: { auditLog: false },
      } as unknown as GatewayContext;
    },
    // In the gateway's order (yoga.ts): the audit flush, listed after, wraps this plugin and takes the reads after it looked.
    plugins: [useDerivedAnswers(), useAuditFlush()],
    maskedErrors: false,
  });
  const ask = async (
    query: string,
    headers: Record<string, string> = { "x-login": "anna" },
    variables?: Record<string, unknown>,
  ) => {
    const res = await yoga.fetch("http://gateway/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  };
  return {
    ask,
    runs: () => runs,
    release: () => release?.(),
    newDataset: () => (snapshot = { name: "second" } as unknown as TeamSnapshot),
  };
}

const calendar = `{ chairCalendar(bodyId: "b1") }`;

describe("useDerivedAnswers", () => {
  it("answers the same question on the same dataset from the first answer", async () => {
    const h = harness();
    const first = await h.ask(calendar);
    expect(first.data?.chairCalendar).toBe("b1 first fi 2026-12-01 anna run 1");
    expect(await h.ask(calendar)).toEqual(first);
    expect(h.runs()).toBe(1);
  });

  it("computes again for another person, language, day, variable or document", async () => {
    const h = harness();
    await h.ask(calendar);
    expect((await h.ask(calendar, { "x-login": "ben" })).data?.chairCalendar).toBe("b1 first fi 2026-12-01 ben run 2");
    expect((await h.ask(calendar, { "x-login": "anna", "accept-language": "en" })).data?.chairCalendar).toBe(
      "b1 first en 2026-12-01 anna run 3",
    );
    expect((await h.ask(calendar, { "x-login": "anna", "x-today": "2026-12-02" })).data?.chairCalendar).toBe(
      "b1 first fi 2026-12-02 anna run 4",
    );
    expect(
      (await h.ask(`query($b: ID!) { chairCalendar(bodyId: $b) }`, { "x-login": "anna" }, { b: "b2" })).data
        ?.chairCalendar,
    ).toBe("b2 first fi 2026-12-01 anna run 5");
    expect((await h.ask(`{ __typename chairCalendar(bodyId: "b1") }`)).data?.chairCalendar).toBe(
      "b1 first fi 2026-12-01 anna run 6",
    );
    expect(h.runs()).toBe(6);
  });

  it("computes again once the team dataset changed", async () => {
    const h = harness();
    await h.ask(calendar);
    h.newDataset();
    expect((await h.ask(calendar)).data?.chairCalendar).toBe("b1 second fi 2026-12-01 anna run 2");
    expect(h.runs()).toBe(2);
  });

  it("keeps no answer with errors, none that read client data, and none for other fields or anonymous callers", async () => {
    const h = harness();
    for (let i = 0; i < 2; i++) {
      expect((await h.ask(`{ chairCalendar(bodyId: "b1", fail: true) }`)).errors).toHaveLength(1);
      await h.ask(`{ chairCalendar(bodyId: "b1", readCase: true) }`);
      await h.ask(`{ chairCalendar(bodyId: "b1") other }`);
      await h.ask(calendar, {});
    }
    expect(h.runs()).toBe(10);
  });

  it("lets a request that waited for an answer with errors or audited reads execute on its own", async () => {
    const h = harness();
    for (const query of [
      `{ chairCalendar(bodyId: "b1", wait: true, fail: true) }`,
      `{ chairCalendar(bodyId: "b1", wait: true, readCase: true) }`,
    ]) {
      const before = h.runs();
      const both = Promise.all([h.ask(query), h.ask(query)]);
      await new Promise((done) => setTimeout(done, 20));
      h.release();
      await new Promise((done) => setTimeout(done, 20));
      h.release();
      await both;
      expect(h.runs() - before).toBe(2);
    }
  });

  it("lets concurrent identical requests share one execution", async () => {
    const h = harness();
    const query = `{ chairCalendar(bodyId: "b1", wait: true) }`;
    const both = Promise.all([h.ask(query), h.ask(query)]);
    await new Promise((done) => setTimeout(done, 20));
    h.release();
    const [a, b] = await both;
    expect(a).toEqual(b);
    expect(h.runs()).toBe(1);
  });
});

describe("isDerivedOperation", () => {
  const derived = (query: string, name?: string) => isDerivedOperation(parse(query), name);
  it("takes queries whose root fields are all derived", () => {
    expect(derived(`{ chairCalendar(bodyId: "b") { from } }`)).toBe(true);
    expect(
      derived(
        `query Dash($p: PeriodInput!) { __typename fteReport(period: $p) { units { target } } cal: chairCalendar(bodyId: "b") { from } }`,
      ),
    ).toBe(true);
    expect(
      derived(`query A { case(caseId: "x") { caseId } } query B { chairCalendar(bodyId: "b") { from } }`, "B"),
    ).toBe(true);
  });
  it("refuses anything else", () => {
    expect(derived(`{ chairCalendar(bodyId: "b") { from } case(caseId: "x") { caseId } }`)).toBe(false);
    expect(derived(`{ ...F } fragment F on Query { chairCalendar(bodyId: "b") { from } }`)).toBe(false);
    expect(derived(`{ ... on Query { chairCalendar(bodyId: "b") { from } } }`)).toBe(false);
    expect(derived(`mutation { chairCalendar }`)).toBe(false);
    expect(derived(`query A { chairCalendar(bodyId: "b") { from } } query B { cases { totalCount } }`, "B")).toBe(
      false,
    );
    expect(
      derived(`query A { chairCalendar(bodyId: "b") { from } } query B { chairCalendar(bodyId: "b") { from } }`),
    ).toBe(false);
    expect(derived(`{ __typename }`)).toBe(false);
  });
});

describe("derivedRootFields", () => {
  // Every type an answer of these fields can hold. A field added beneath them that reaches another
  // type fails here until someone has checked that it carries no client data and is computed from
  // the team dataset alone (which the dataset version covers).
  const reviewed = [
    "ChairTerm",
    "Date",
    "Float",
    "FteReport",
    "FteRow",
    "ID",
    "Int",
    "LocalisedText",
    "Organisation",
    "OrganisationKind",
    "PartyFte",
    "Period",
    "PostalAddress",
    // The FTE rows' profession: a fixed list of the domain, no person.
    "Profession",
    // A replaced decision on a chair term: a party, a day and the decision's reference.
    "ReplacedChairOverride",
    "Sector",
    "String",
  ];

  it("reach only reviewed types that hold no client data", () => {
    const seen = new Set<string>();
    const visit = (type: GraphQLNamedType) => {
      if (seen.has(type.name) || type.name.startsWith("__")) return;
      seen.add(type.name);
      const members = isUnionType(type) ? type.getTypes() : [];
      for (const member of members) visit(member);
      if (isObjectType(type) || isInterfaceType(type))
        for (const field of Object.values(type.getFields())) visit(getNamedType(field.type));
    };
    const query = schema.getQueryType();
    for (const name of derivedRootFields) {
      const field = query?.getFields()[name];
      expect(field, name).toBeDefined();
      if (field) visit(getNamedType(field.type));
    }
    expect([...seen].sort()).toEqual(reviewed);
  });
});
