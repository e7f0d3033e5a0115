import { schema, sql } from "@ankkuri/db";
import { testEngines } from "@ankkuri/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { helsinkiAnkkuri } from "@ankkuri/domain";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import {
  AccessLogDocument,
  AddStaffMemberDocument,
  AmendAgreementDocument,
  AuditChainDocument,
  CaseDetailDocument,
  CaseListDocument,
  ClosePoliceMailAccountDocument,
  CloseUserAccountDocument,
  CreateUserAccountDocument,
  GrantPoliceMailAccountDocument,
  GrantPremisesAccessDocument,
  MoveAssignmentDocument,
  RecordClearanceDocument,
  RevokeClearanceDocument,
  RevokePremisesAccessDocument,
  SignAgreementDocument,
  StartSelectionDocument,
  UpdateStaffMemberDocument,
} from "@ankkuri/client/operations";
import { type Harness, startHarness } from "./harness.js";
import { as, clock, login, org, refer, today } from "./steps.js";

describe.each(testEngines)("the audit log over HTTP on %s", (engine) => {
  let h: Harness;
  let cases: string[] = [];
  beforeAll(async () => {
    h = await startHarness(engine, { gateway: { clock } });
    cases = [await refer(h), await refer(h), await refer(h)];
  });
  afterAll(async () => {
    await h.close();
  });

  // The caller's x-request-id is kept as each entry's correlation id; the request id is the server's.
  // In the order written.
  const rowsOf = (correlationId: string) =>
    h.database.db
      .select()
      .from(schema.auditLog)
      .where(sql`${schema.auditLog.details}->>'correlationId' = ${correlationId}`)
      .orderBy(schema.auditLog.seq);

  it("records each case read under the request's id, in one insert for the whole page", async () => {
    h.resetQueries();
    const requestId = "req-list-0001";
    const { data } = await h.request(login.police, CaseListDocument, {}, { "x-request-id": requestId });
    expect(data?.cases.nodes.length).toBe(3);
    const inserts = h.queries.filter((q) => q.includes('insert into "audit_log"'));
    expect(inserts).toHaveLength(1);
    // The list's total is logged too (a count by filter is derived from clients' data).
    const rows = (await rowsOf(requestId)).filter((r) => r.resource === "case");
    expect(rows.map((r) => r.caseId).sort()).toEqual([...cases].sort());
    expect(
      rows.every(
        (r) =>
          r.operation === "read" &&
          r.actorId === login.police &&
          r.actorOrganisationId === "org-hpl-prevention" &&
          r.purpose === "casework",
      ),
    ).toBe(true);
  });

  it("makes its own request id, keeping the caller's x-request-id beside it, never in its place", async () => {
    const given = await h.fetch("/graphql", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-request-id": "req-echo-0001",
        "authorization": `Bearer ${await h.token(login.police)}`,
      },
      body: JSON.stringify({
        query: "query CaseDetail($caseId: String!) { case(caseId: $caseId) { caseId } }",
        variables: { caseId: cases[2] },
      }),
    });
    const requestId = given.headers.get("x-request-id") ?? "";
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(given.headers.get("x-correlation-id")).toBe("req-echo-0001");
    // The audit entry stores both.
    const rows = await rowsOf("req-echo-0001");
    expect(rows.map((r) => [r.requestId, r.caseId])).toEqual([[requestId, cases[2]]]);
    // A forged id (another request's, or a malformed one) names nothing of the server's.
    const forged = await h.fetch("/graphql", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-request-id": requestId,
        "authorization": `Bearer ${await h.token(login.police)}`,
      },
      body: JSON.stringify({ query: "{ viewer { login } }" }),
    });
    expect(forged.headers.get("x-request-id")).not.toBe(requestId);
    const malformed = await h.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "bad id <script>" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(malformed.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(malformed.headers.get("x-correlation-id")).toBeNull();
  });

  it("logs the cases whose cursors a page shows without any field of theirs, and a count by filter", async () => {
    const page = await h.gql(
      login.police,
      "{ cases(first: 2) { edges { cursor } pageInfo { endCursor } } }",
      {},
      {
        "x-request-id": "req-cursors-001",
      },
    );
    expect(page.status).toBe(200);
    const rows = await rowsOf("req-cursors-001");
    expect(rows.map((r) => r.resource)).toEqual(["case", "case"]);
    expect(rows.every((r) => r.clientId !== null && r.caseId !== null)).toBe(true);
    const counted = await h.gql(
      login.police,
      '{ cases(filter: { ageBand: FROM_15_TO_17, referredFrom: "2026-01-01" }) { totalCount } }',
      {},
      { "x-request-id": "req-count-0001" },
    );
    expect(counted.status, JSON.stringify(counted.body)).toBe(200);
    const count = await rowsOf("req-count-0001");
    expect(count.map((r) => [r.resource, (r.details as { filter?: unknown }).filter])).toEqual([
      ["case-count", { ageBand: "15-17", referredFrom: "2026-01-01" }],
    ]);
  });

  it("logs a page's count when a fragment asks for it, and no count when @skip leaves it out", async () => {
    const query = `query Page($skip: Boolean!) {
      cases(first: 2) { ...Counted nodes { caseId } }
    }
    fragment Counted on QueryCasesConnection { totalCount @skip(if: $skip) totalCountIsCapped @skip(if: $skip) }`;
    const counted = await h.gql(login.police, query, { skip: false }, { "x-request-id": "req-count-frag-1" });
    expect(counted.status, JSON.stringify(counted.body)).toBe(200);
    const withCount = (await rowsOf("req-count-frag-1")).map((r) => r.resource);
    expect(withCount.filter((r) => r === "case-count")).toHaveLength(1);
    expect(withCount.filter((r) => r === "case")).toHaveLength(2);
    const skipped = await h.gql(login.police, query, { skip: true }, { "x-request-id": "req-count-skip-1" });
    expect(skipped.status, JSON.stringify(skipped.body)).toBe(200);
    expect((await rowsOf("req-count-skip-1")).map((r) => r.resource)).toEqual(["case", "case"]);
  });

  it("writes nothing for a request that reads no client data", async () => {
    await h.request(
      login.leadership,
      CaseDetailDocument,
      { caseId: cases[0] ?? "" },
      { "x-request-id": "req-forbidden-01" },
    );
    expect(await rowsOf("req-forbidden-01")).toEqual([]);
  });

  it("audits a write together with the read of its result", async () => {
    const caseId = cases[1] ?? "";
    as(
      (
        await h.request(
          login.socialWorker,
          StartSelectionDocument,
          { input: { caseId, on: "2026-10-02" } },
          { "x-request-id": "req-write-00001" },
        )
      ).data?.startSelection,
      "CasePayload",
    );
    const rows = await rowsOf("req-write-00001");
    expect(rows.map((r) => r.operation).sort()).toEqual(["read", "update"]);
    expect(rows.find((r) => r.operation === "update")?.details).toEqual({
      command: "start-selection",
      correlationId: "req-write-00001",
    });
  });

  it("records each administrative write as one entry per row it changes, naming the administrator", async () => {
    const admin = login.admin;
    let headers: Record<string, string> = {};
    /** Runs a mutation as the administrator under the current row's request id; returns its result. */
    const send = async <R, V>(document: TypedDocumentNode<R, V>, variables: V) => {
      const { data } = await h.request(admin, document, variables, headers);
      return Object.values(data ?? {})[0] as { __typename: string; id?: string; started?: { id: string } } | undefined;
    };
    // In order, each write on what the rows before it made; every one succeeds.
    const made = { staffId: "", clearanceId: "", accessId: "", startedId: "" };
    const keep = <T extends { id?: string } | undefined>(key: keyof typeof made, result: T) => {
      made[key] = result?.id ?? "";
      return result;
    };
    const person = "ville.virkanen";
    const agreementId = helsinkiAnkkuri.agreement.id;
    type Entry = [operation: string, resource: string, resourceId: unknown];
    type Result = { __typename: string } | undefined;
    const writes: [write: string, payload: string, run: () => Promise<Result>, entries: () => Entry[]][] = [
      [
        "addStaffMember",
        "StaffMember",
        async () =>
          keep(
            "staffId",
            await send(AddStaffMemberDocument, {
              input: {
                organisationId: org.socialEmergency,
                profession: "SOCIAL_WORKER",
                givenName: "Ville",
                familyName: "Virkanen",
                title: "sosiaalityöntekijä",
                login: person,
              },
            }),
          ),
        () => [["create", "staff", made.staffId]],
      ],
      [
        "updateStaffMember",
        "StaffMember",
        () => send(UpdateStaffMemberDocument, { input: { staffId: made.staffId, expectedVersion: 0, title: "x" } }),
        () => [["update", "staff", made.staffId]],
      ],
      [
        "createUserAccount",
        "UserAccount",
        () => send(CreateUserAccountDocument, { staffId: made.staffId }),
        () => [["create", "user-account", person]],
      ],
      [
        "closeUserAccount",
        "UserAccount",
        () => send(CloseUserAccountDocument, { login: person, closedOn: today, expectedVersion: 0 }),
        () => [["update", "user-account", person]],
      ],
      [
        // Two rows, an entry each: the ended assignment and the one that follows it.
        "moveAssignment",
        "MoveAssignmentPayload",
        async () => {
          const moved = await send(MoveAssignmentDocument, {
            input: {
              assignmentId: "as-hpl-koskinen",
              expectedVersion: 0,
              lastDay: "2026-12-31",
              next: { fraction: 0.5 },
            },
          });
          made.startedId = moved?.started?.id ?? "";
          return moved;
        },
        // The started one's entry is appended within the write, before the move's own.
        () => [
          ["create", "assignment", made.startedId],
          ["update", "assignment", "as-hpl-koskinen"],
        ],
      ],
      [
        "recordClearance",
        "SecurityClearance",
        async () =>
          keep(
            "clearanceId",
            await send(RecordClearanceDocument, {
              input: {
                staffId: made.staffId,
                scope: "STANDARD",
                requestedOn: "2026-10-01",
                grantedOn: "2026-11-01",
                validUntil: "2031-10-31",
              },
            }),
          ),
        () => [["create", "security-clearance", made.clearanceId]],
      ],
      [
        "grantPremisesAccess",
        "PremisesAccess",
        async () =>
          keep(
            "accessId",
            await send(GrantPremisesAccessDocument, {
              input: { staffId: made.staffId, validFrom: "2026-12-01", validTo: "2027-10-31", areas: "x" },
            }),
          ),
        () => [["create", "premises-access", made.accessId]],
      ],
      [
        "revokePremisesAccess",
        "PremisesAccess",
        () =>
          send(RevokePremisesAccessDocument, { accessId: made.accessId, lastDay: "2026-12-31", expectedVersion: 0 }),
        () => [["update", "premises-access", made.accessId]],
      ],
      [
        "grantPoliceMailAccount",
        "StaffMember",
        () => send(GrantPoliceMailAccountDocument, { staffId: made.staffId }),
        () => [["update", "staff", made.staffId]],
      ],
      [
        "closePoliceMailAccount",
        "StaffMember",
        () => send(ClosePoliceMailAccountDocument, { staffId: made.staffId }),
        () => [["update", "staff", made.staffId]],
      ],
      [
        // The access has ended and the mail account is closed: nothing else goes with the clearance.
        "revokeClearance",
        "SecurityClearance",
        () =>
          send(RevokeClearanceDocument, { clearanceId: made.clearanceId, revokedOn: "2027-03-01", expectedVersion: 0 }),
        () => [["update", "security-clearance", made.clearanceId]],
      ],
      [
        "amendAgreement",
        "AgreementVersion",
        () =>
          send(AmendAgreementDocument, {
            input: {
              effectiveFrom: "2027-01-01",
              decidedOn: "2026-11-20",
              summary: { fi: "Muutos (kuvitteellinen)", sv: "Ändring (fiktiv)", en: "Amendment (fictional)" },
            },
          }),
        () => [["create", "agreement-version", `${agreementId}:2`]],
      ],
      [
        "signAgreement",
        "AgreementVersion",
        () =>
          send(SignAgreementDocument, {
            input: {
              versionNumber: 2,
              organisationId: org.police,
              signerName: "Allekirjoittaja Kuvitteellinen",
              signerTitle: "poliisipäällikkö",
              method: "HANDWRITTEN",
            },
          }),
        () => [["create", "signature", expect.stringMatching(/^sig-/)]],
      ],
    ];
    const seen = [];
    for (const [i, [write, , run]] of writes.entries()) {
      const correlationId = `req-admin-write-${String(i).padStart(2, "0")}`;
      headers = { "x-request-id": correlationId };
      const result = await run();
      const rows = await rowsOf(correlationId);
      seen.push([
        write,
        result?.__typename,
        rows.map((r) => [r.operation, r.resource, r.resourceId, r.actorId, r.basis]),
      ]);
    }
    expect(seen).toEqual(
      writes.map(([write, payload, , entries]) => [
        write,
        payload,
        entries().map((e) => [...e, admin, "administration"]),
      ]),
    );
  });

  it("withholds a read whose log entry the database refuses, and serves the reads written beside it", async () => {
    // A trigger refuses the entries of one request id. Reads finishing together are logged in one
    // transaction, so the refused one must not take the others down with it.
    const refused = "req-refused-0001";
    const served = ["req-served-00001", "req-served-00002", "req-served-00003", "req-served-00004"];
    await h.database.db.execute(
      sql.raw(
        `create function refuse_marked_read() returns trigger language plpgsql as $$ begin if new.details->>'correlationId' = '${refused}' then raise exception 'refused for the test'; end if; return new; end $$`,
      ),
    );
    await h.database.db.execute(
      sql.raw(
        "create trigger refuse_marked_read before insert on audit_log for each row execute function refuse_marked_read()",
      ),
    );
    try {
      const ids = [served[0], refused, ...served.slice(1)] as string[];
      const answers = await Promise.all(
        ids.map((id) =>
          h.request(login.police, CaseDetailDocument, { caseId: cases[0] ?? "" }, { "x-request-id": id }),
        ),
      );
      const byId = new Map(ids.map((id, i) => [id, answers[i]]));
      expect(byId.get(refused)).toMatchObject({ status: 503, data: undefined });
      expect(byId.get(refused)?.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");
      for (const id of served) {
        expect(byId.get(id)?.data?.case?.caseId, id).toBe(cases[0]);
        expect(
          (await rowsOf(id)).map((r) => r.caseId),
          id,
        ).toEqual([cases[0]]);
      }
      expect(await rowsOf(refused)).toEqual([]);
      // The operator's alert: requests withheld because their audit entries were not written.
      expect(await h.metrics()).toMatch(/^ankkuri_audit_write_failures_total [1-9]\d*$/m);
    } finally {
      await h.database.db.execute(sql.raw("drop trigger refuse_marked_read on audit_log"));
      await h.database.db.execute(sql.raw("drop function refuse_marked_read()"));
    }
    const chain = (await h.request(login.auditor, AuditChainDocument, {})).data?.auditChain;
    expect(chain).toMatchObject({ intact: true, firstBadSeq: null });
  });

  it("lets the auditor see who processed a client's data, and verifies the chain", async () => {
    const caseId = cases[2] ?? "";
    const detail = await h.request(login.nurse, CaseDetailDocument, { caseId });
    const clientRows = await h.database.db
      .select({ clientId: schema.cases.clientId })
      .from(schema.cases)
      .where(eq(schema.cases.id, caseId));
    const clientId = clientRows[0]?.clientId ?? "";
    expect(detail.data?.case?.caseId).toBe(caseId);
    const log = (await h.request(login.auditor, AccessLogDocument, { clientId })).data?.auditLog ?? [];
    expect(log.map((e) => e.actorId)).toEqual(expect.arrayContaining([login.nurse, login.police]));
    expect(log.every((e) => e.clientId === clientId)).toBe(true);
    const chain = (await h.request(login.auditor, AuditChainDocument, {})).data?.auditChain;
    expect(chain).toMatchObject({ intact: true, firstBadSeq: null });
    // Reading the log is itself logged.
    const own = await h.database.db.select().from(schema.auditLog).where(eq(schema.auditLog.actorId, login.auditor));
    expect(own.some((r) => r.resource === "audit-log" && r.clientId === clientId)).toBe(true);
  });

  it("lists no forged row above the chain's head, and the chain check names it", async () => {
    const caseId = cases[2] ?? "";
    const clientRows = await h.database.db
      .select({ clientId: schema.cases.clientId, teamId: schema.cases.teamId })
      .from(schema.cases)
      .where(eq(schema.cases.id, caseId));
    const { clientId = "", teamId = "" } = clientRows[0] ?? {};
    const [head] = await h.database.db.select().from(schema.auditHeads).where(eq(schema.auditHeads.teamId, teamId));
    const forgedSeq = (head?.seq ?? 0) + 1000;
    await h.database.db.insert(schema.auditLog).values({
      teamId,
      seq: forgedSeq,
      occurredAt: new Date("2026-10-01T08:00:00Z"),
      requestId: "forged",
      basis: "casework",
      basisRecorded: true,
      actorId: "someone.else",
      actorOrganisationId: "org-hpl-prevention",
      actorRole: "police-officer",
      operation: "read",
      resource: "case",
      caseId,
      clientId,
      purpose: "casework",
      prevHash: "a".repeat(64),
      hash: "b".repeat(64),
    });
    const log = (await h.request(login.auditor, AccessLogDocument, { clientId })).data?.auditLog ?? [];
    expect(log.length).toBeGreaterThan(0);
    expect(log.map((e) => e.actorId)).not.toContain("someone.else");
    const chain = (await h.request(login.auditor, AuditChainDocument, {})).data?.auditChain;
    expect(chain).toMatchObject({ intact: false, firstBadSeq: forgedSeq, problem: "unlinked" });
  });
});
