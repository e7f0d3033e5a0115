import { helsinkiAnkkuri, helsinkiOrganisationIds } from "@ankkuri/domain";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../client.js";
import { generateKeySettings, parseKeyMaterial } from "../keys/key-material.js";
import { queryRows } from "../query-rows.js";
import { auditLog } from "../schema/audit.js";
import { seedTeam } from "../seed/seed-team.js";
import { createTestDatabase, referTestCase, type TestDatabase, testEngines } from "../testing/index.js";
import { type AuditEntry, canonicalJson, chainHash, genesisHash } from "./audit-chain.js";
import { appendAudit } from "./append-audit.js";
import { pruneAuditLog, retentionCutoff } from "./prune-audit.js";
import { auditedTeams, verifyAuditChain } from "./verify-audit.js";
import { auditCheckpoints, latestCheckpoints, verifyAgainstCheckpoint } from "./checkpoint.js";

const key = parseKeyMaterial(generateKeySettings()).auditKey;
const teamId = helsinkiAnkkuri.team.id;

const entry = (i: number, team = teamId): AuditEntry => ({
  teamId: team,
  occurredAt: new Date(Date.UTC(2025, 0, 1, 8, 0, i)),
  requestId: `req-${String(i)}`,
  actorId: "maria.jarvinen",
  actorOrganisationId: "org-hpl-prevention",
  actorRole: "police-officer",
  operation: i % 3 === 0 ? "update" : "read",
  resource: "case",
  resourceId: `case-${String(i % 5)}`,
  caseId: "0190f5a4-7c2e-7000-8000-000000000001",
  clientId: null,
  purpose: "casework",
  basis: "casework",
  details: { fields: ["status", "meetings"], n: i },
});

/** Runs `change` with the append-only trigger off, as an attacker with database-owner rights could. */
async function tamper(database: TestDatabase, change: string): Promise<void> {
  await database.db.execute(sql.raw("alter table audit_log disable trigger audit_log_append_only"));
  await database.db.execute(sql.raw(change));
  await database.db.execute(sql.raw("alter table audit_log enable trigger audit_log_append_only"));
}

describe("the audit chain's hashing", () => {
  it("is canonical: key order and absent fields do not change the JSON", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }] })).toBe(canonicalJson({ a: [{ d: 2 }], b: 1 }));
  });

  it("changes with any field, the previous hash and the key", () => {
    const base = { ...entry(1), seq: 1 };
    const h = chainHash(key, genesisHash, base);
    expect(chainHash(key, genesisHash, { ...base, purpose: "other" })).not.toBe(h);
    expect(chainHash(key, "f".repeat(64), base)).not.toBe(h);
    expect(chainHash(Buffer.alloc(32), genesisHash, base)).not.toBe(h);
    expect(chainHash(key, genesisHash, { ...base })).toBe(h);
  });
});

describe.each(testEngines)("the audit log on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("chains entries per team and verifies them", async () => {
    await appendAudit(database.db, key, [entry(1), entry(2), entry(3, "team-other")]);
    await appendAudit(database.db, key, [entry(4)]);
    expect(await verifyAuditChain(database.db, key, teamId)).toEqual({ ok: true, rows: 3, headSeq: 3, prunedSeq: 0 });
    expect(await verifyAuditChain(database.db, key, "team-other")).toEqual({
      ok: true,
      rows: 1,
      headSeq: 1,
      prunedSeq: 0,
    });
    expect(await verifyAuditChain(database.db, key, "team-none")).toEqual({
      ok: true,
      rows: 0,
      headSeq: 0,
      prunedSeq: 0,
    });
  });

  it("verifies entries migrated from before bases were logged, and catches a newer entry passed off as one", async () => {
    const team = "team-migrated";
    // A row as written before bases: its hash does not cover the basis; the migration marks it.
    const legacy = { ...entry(1, team), seq: 1, basisRecorded: false };
    const legacyHash = chainHash(key, genesisHash, legacy);
    await database.db
      .insert(auditLog)
      .values({ ...legacy, basisConsentIds: [], prevHash: genesisHash, hash: legacyHash });
    await database.db.execute(sql`insert into audit_heads (team_id, seq, hash) values (${team}, 1, ${legacyHash})`);
    await appendAudit(database.db, key, [
      { ...entry(2, team), basis: "consent", basisConsentIds: ["0190f5a4-7c2e-7000-8000-0000000000c1"] },
      entry(3, team),
    ]);
    expect(await verifyAuditChain(database.db, key, team)).toEqual({ ok: true, rows: 3, headSeq: 3, prunedSeq: 0 });
    await tamper(database, `update audit_log set basis = 'audit' where team_id = '${team}' and seq = 1`);
    expect((await verifyAuditChain(database.db, key, team)).ok).toBe(true);
    await tamper(database, `update audit_log set basis_consent_ids = '{}' where team_id = '${team}' and seq = 2`);
    expect(await verifyAuditChain(database.db, key, team)).toMatchObject({ ok: false, seq: 2, problem: "altered" });
  });

  it("covers the basis of every entry written since bases are logged", async () => {
    for (const attack of [
      "set basis = 'audit'",
      "set basis_recorded = false",
      "set basis = 'casework', basis_recorded = false",
    ]) {
      const team = `team-basis-${String(Math.random()).slice(2, 10)}`;
      await appendAudit(database.db, key, [entry(1, team), { ...entry(2, team), basis: "statutory-notification" }]);
      await tamper(database, `update audit_log ${attack} where team_id = '${team}' and seq = 2`);
      expect(await verifyAuditChain(database.db, key, team)).toMatchObject({ ok: false, seq: 2, problem: "altered" });
    }
  });

  it("detects a chain checked with the wrong key", async () => {
    const result = await verifyAuditChain(database.db, Buffer.alloc(32, 1), teamId);
    expect(result).toMatchObject({ ok: false, seq: 1, problem: "altered" });
  });

  it("names the first altered or deleted row, wherever it is (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 12 }),
        fc.nat(),
        fc.constantFrom("alter", "delete", "relink"),
        async (length, pick, attack) => {
          const team = `team-p${String(Math.random()).slice(2, 10)}`;
          await appendAudit(
            database.db,
            key,
            Array.from({ length }, (_, i) => entry(i + 1, team)),
          );
          const seq = (pick % length) + 1;
          const where = `team_id = '${team}' and seq = ${String(seq)}`;
          if (attack === "alter")
            await tamper(database, `update audit_log set purpose = 'covering tracks' where ${where}`);
          else if (attack === "delete") await tamper(database, `delete from audit_log where ${where}`);
          else await tamper(database, `update audit_log set prev_hash = repeat('e', 64) where ${where}`);
          const result = await verifyAuditChain(database.db, key, team, 4);
          expect(result.ok).toBe(false);
          if (!result.ok) {
            expect(result.seq).toBe(seq);
            expect(result.problem).toBe(attack === "alter" ? "altered" : attack === "delete" ? "missing" : "unlinked");
            expect(result.message).toContain(String(seq));
          }
        },
      ),
      { numRuns: engine === "pglite" ? 25 : 40 },
    );
  });

  it("detects rows deleted from the end through the recorded head", async () => {
    const team = "team-tail";
    await appendAudit(database.db, key, [entry(1, team), entry(2, team), entry(3, team)]);
    await tamper(database, `delete from audit_log where team_id = '${team}' and seq = 3`);
    expect(await verifyAuditChain(database.db, key, team)).toMatchObject({ ok: false, seq: 3, problem: "missing" });
  });

  it("detects a forged row inserted above the head, which the log would otherwise list first", async () => {
    const team = "team-forged";
    await appendAudit(database.db, key, [entry(1, team), entry(2, team)]);
    // Chained correctly after row 2 (as by someone holding the key), but not appended through the
    // head, which an append moves in the same transaction.
    const forged = { ...entry(3, team), seq: 3 };
    const [second] = await database.db
      .select()
      .from(auditLog)
      .where(sql`team_id = ${team} and seq = 2`);
    await database.db.insert(auditLog).values({
      ...forged,
      basisRecorded: true,
      prevHash: second?.hash ?? "",
      hash: chainHash(key, second?.hash ?? "", forged),
    });
    expect(await verifyAuditChain(database.db, key, team)).toMatchObject({ ok: false, seq: 3, problem: "unlinked" });
    // Also without the key: a row far above the head.
    await database.db
      .insert(auditLog)
      .values({ ...entry(9, team), basisRecorded: true, seq: 999, prevHash: "a".repeat(64), hash: "b".repeat(64) });
    expect(await verifyAuditChain(database.db, key, team)).toMatchObject({ ok: false, seq: 3 });
  });

  it("detects a chain whose head was deleted, and refuses to delete, move back or rewrite a head", async () => {
    const team = "team-headless";
    await appendAudit(database.db, key, [entry(1, team), entry(2, team)]);
    await expect(database.db.execute(sql`delete from audit_heads where team_id = ${team}`)).rejects.toThrow();
    await expect(database.db.execute(sql`update audit_heads set seq = 1 where team_id = ${team}`)).rejects.toThrow();
    await expect(
      database.db.execute(sql`update audit_heads set hash = ${"c".repeat(64)} where team_id = ${team}`),
    ).rejects.toThrow();
    await expect(database.db.execute(sql.raw("truncate audit_heads"))).rejects.toThrow();
    await database.db.execute(sql.raw("alter table audit_heads disable trigger audit_heads_forward_only"));
    await database.db.execute(sql`delete from audit_heads where team_id = ${team}`);
    await database.db.execute(sql.raw("alter table audit_heads enable trigger audit_heads_forward_only"));
    expect(await verifyAuditChain(database.db, key, team)).toMatchObject({ ok: false, seq: 1, problem: "unlinked" });
    // `db:verify-audit` verifies it although it has no head.
    expect(await auditedTeams(database.db)).toContain(team);
  });

  it("lists every team of `teams` for verification, also one that never wrote to its log", async () => {
    await seedTeam(database.db, helsinkiAnkkuri);
    expect(await auditedTeams(database.db)).toContain(helsinkiAnkkuri.team.id);
  });

  describe("checkpoints", () => {
    it("detect a tail cut off and the head moved back since the checkpoint", async () => {
      const team = "team-checkpoint";
      await appendAudit(database.db, key, [entry(1, team), entry(2, team), entry(3, team)]);
      const checkpoints = await auditCheckpoints(database.db, key, new Date("2026-12-01T00:00:00Z"));
      const file = checkpoints.map((c) => JSON.stringify(c)).join("\n");
      const mine = latestCheckpoints(file).checkpoints.get(team);
      if (!mine) throw new Error("no checkpoint of the team");
      expect(mine.seq).toBe(3);
      await appendAudit(database.db, key, [entry(4, team)]);
      expect(await verifyAgainstCheckpoint(database.db, key, mine)).toEqual({ ok: true });
      // The tail and the head cut back to row 2, with both tables' triggers off: the chain itself verifies.
      const [second] = await database.db
        .select()
        .from(auditLog)
        .where(sql`team_id = ${team} and seq = 2`);
      await tamper(database, `delete from audit_log where team_id = '${team}' and seq > 2`);
      await database.db.execute(sql.raw("alter table audit_heads disable trigger audit_heads_forward_only"));
      await database.db.execute(
        sql`update audit_heads set seq = 2, hash = ${second?.hash ?? ""} where team_id = ${team}`,
      );
      await database.db.execute(sql.raw("alter table audit_heads enable trigger audit_heads_forward_only"));
      expect(await verifyAuditChain(database.db, key, team)).toMatchObject({ ok: true, rows: 2 });
      expect(await verifyAgainstCheckpoint(database.db, key, mine)).toMatchObject({ ok: false });
    });

    it("are not taken when their signature is not the audit key's", async () => {
      const team = "team-checkpoint-forged";
      await appendAudit(database.db, key, [entry(1, team)]);
      const [mine] = (await auditCheckpoints(database.db, key, new Date())).filter((c) => c.teamId === team);
      if (!mine) throw new Error("no checkpoint of the team");
      expect(await verifyAgainstCheckpoint(database.db, key, { ...mine, seq: 0 })).toMatchObject({ ok: false });
      expect(latestCheckpoints(`${JSON.stringify(mine)}\nnot json\n{"teamId":"x"}`).malformed).toBe(2);
    });
  });

  describe("retention", () => {
    const at = (team: string, i: number, year: number): AuditEntry => ({
      ...entry(i, team),
      occurredAt: new Date(Date.UTC(year, 5, 1, 8, 0, i)),
    });

    it("computes the cutoff by calendar years", () => {
      expect(retentionCutoff(new Date("2026-11-30T00:00:00Z"), 12).toISOString()).toBe("2014-11-30T00:00:00.000Z");
    });

    it("removes the entries past retention, oldest first, and the chain still verifies", async () => {
      const team = "team-retention";
      await appendAudit(database.db, key, [
        at(team, 1, 2012),
        at(team, 2, 2013),
        at(team, 3, 2014),
        at(team, 4, 2020),
        at(team, 5, 2026),
      ]);
      const outcome = await pruneAuditLog(database.db, key, team, new Date("2014-01-01T00:00:00Z"));
      expect(outcome).toEqual({ ok: true, teamId: team, pruned: 2, prunedSeq: 2 });
      const kept = await database.db
        .select({ seq: auditLog.seq })
        .from(auditLog)
        .where(sql`team_id = ${team}`)
        .orderBy(auditLog.seq);
      expect(kept.map((r) => r.seq)).toEqual([3, 4, 5]);
      expect(await verifyAuditChain(database.db, key, team)).toEqual({ ok: true, rows: 3, headSeq: 5, prunedSeq: 2 });
      // Idempotent, and new entries continue the chain.
      expect(await pruneAuditLog(database.db, key, team, new Date("2014-01-01T00:00:00Z"))).toMatchObject({
        ok: true,
        pruned: 0,
        prunedSeq: 2,
      });
      await appendAudit(database.db, key, [at(team, 6, 2026)]);
      expect(await verifyAuditChain(database.db, key, team)).toEqual({ ok: true, rows: 4, headSeq: 6, prunedSeq: 2 });
    });

    describe("under a legal hold", () => {
      // Holds belong to a team of `teams`: a database of their own, seeded with the Helsinki team.
      let held: TestDatabase;
      const clientId = "0190f5a4-7c2e-7000-8000-0000000000c1";
      const heldCase = "0190f5a4-7c2e-7000-8000-0000000000a2";
      const about = (i: number, year: number, ids: { caseId?: string; clientId?: string }): AuditEntry => ({
        ...at(teamId, i, year),
        caseId: ids.caseId ?? null,
        clientId: ids.clientId ?? null,
      });
      const hold = (id: string, target: { clientId: string } | { caseId: string }, releasedOn: string | null = null) =>
        held.db.execute(
          sql`insert into legal_holds (team_id, id, client_id, case_id, reason, reference, placed_on, placed_by, released_on, released_by)
              values (${teamId}, ${id}, ${"clientId" in target ? target.clientId : null}, ${"caseId" in target ? target.caseId : null},
                      'complaint', 'EOAK/1/2026', '2026-01-01', 'aino.auditor', ${releasedOn}, ${releasedOn ? "aino.auditor" : null})`,
        );
      beforeAll(async () => {
        held = await createTestDatabase(engine);
        await seedTeam(held.db, helsinkiAnkkuri);
      });
      afterAll(async () => {
        await held.dispose();
      });

      it("keeps the first entry about a held client, a case of theirs or a held case, and all after it", async () => {
        const other = "0190f5a4-7c2e-7000-8000-0000000000b1";
        await appendAudit(held.db, key, [
          about(1, 2010, { caseId: other }),
          about(2, 2010, { caseId: heldCase }),
          about(3, 2010, { clientId }),
          about(4, 2010, { caseId: other }),
        ]);
        const cutoff = new Date("2015-01-01T00:00:00Z");
        // A released hold stops nothing; one in force on a case keeps its first entry (seq 2) and all after it.
        await hold("0190f5a4-7c2e-7000-8000-0000000000d1", { caseId: other }, "2026-02-01");
        await hold("0190f5a4-7c2e-7000-8000-0000000000d2", { caseId: heldCase });
        expect(await pruneAuditLog(held.db, key, teamId, cutoff)).toEqual({
          ok: true,
          teamId,
          pruned: 1,
          prunedSeq: 1,
          heldFrom: 2,
        });
        // Released, the case's hold stops nothing more.
        await held.db.execute(
          sql`update legal_holds set released_on = '2026-03-01', released_by = 'aino.auditor' where case_id = ${heldCase}`,
        );
        expect(await pruneAuditLog(held.db, key, teamId, cutoff)).toEqual({
          ok: true,
          teamId,
          pruned: 3,
          prunedSeq: 4,
        });
        expect(await verifyAuditChain(held.db, key, teamId)).toMatchObject({ ok: true, rows: 0, prunedSeq: 4 });
      });

      it("counts a client's hold for the entries of the client's cases that name no client", async () => {
        const caseId = await referTestCase(held.db, "youth-crime", helsinkiOrganisationIds.policePrevention);
        const [found] = await queryRows<{ client_id: string }>(
          held.db,
          sql`select client_id from cases where team_id = ${teamId} and id = ${caseId}`,
        );
        const client = found?.client_id ?? "";
        await appendAudit(held.db, key, [about(5, 2010, {}), about(6, 2010, { caseId }), about(7, 2010, {})]);
        await hold("0190f5a4-7c2e-7000-8000-0000000000d3", { clientId: client });
        expect(await pruneAuditLog(held.db, key, teamId, new Date("2015-01-01T00:00:00Z"))).toEqual({
          ok: true,
          teamId,
          pruned: 1,
          prunedSeq: 5,
          heldFrom: 6,
        });
      });
    });

    it("removes only a whole prefix: an old entry after a newer one waits", async () => {
      const team = "team-retention-order";
      await appendAudit(database.db, key, [at(team, 1, 2010), at(team, 2, 2020), at(team, 3, 2010)]);
      expect(await pruneAuditLog(database.db, key, team, new Date("2015-01-01T00:00:00Z"))).toMatchObject({
        ok: true,
        pruned: 1,
        prunedSeq: 1,
      });
    });

    it("still refuses a direct delete, also of a pruned range's neighbour", async () => {
      const team = "team-retention-guard";
      await appendAudit(database.db, key, [at(team, 1, 2010), at(team, 2, 2025)]);
      await pruneAuditLog(database.db, key, team, new Date("2015-01-01T00:00:00Z"));
      await expect(
        database.db.execute(sql`delete from audit_log where team_id = ${team} and seq = 2`),
      ).rejects.toThrow();
      // Switching the setting on outside a retention run does not help: seq 2 is past the pruning point.
      await expect(
        database.db.transaction(async (tx) => {
          await tx.execute(sql`select set_config('ankkuri.audit_prune', 'on', true)`);
          await tx.execute(sql`delete from audit_log where team_id = ${team} and seq = 2`);
        }),
      ).rejects.toThrow();
      expect(await verifyAuditChain(database.db, key, team)).toMatchObject({ ok: true, rows: 1 });
    });

    it("detects a forged pruning point: deleting old rows is not passed off as retention without the key", async () => {
      const team = "team-retention-forged";
      await appendAudit(database.db, key, [at(team, 1, 2025), at(team, 2, 2025), at(team, 3, 2025)]);
      const [second] = await database.db
        .select()
        .from(auditLog)
        .where(sql`team_id = ${team} and seq = 2`);
      await tamper(database, `delete from audit_log where team_id = '${team}' and seq <= 2`);
      await database.db.execute(
        sql`update audit_heads set pruned_seq = 2, pruned_hash = ${second?.hash ?? ""}, pruned_mac = ${"f".repeat(64)} where team_id = ${team}`,
      );
      expect(await verifyAuditChain(database.db, key, team)).toMatchObject({ ok: false, seq: 3, problem: "missing" });
    });

    it("leaves a chain that does not verify untouched", async () => {
      const team = "team-retention-broken";
      await appendAudit(database.db, key, [at(team, 1, 2010), at(team, 2, 2010), at(team, 3, 2025)]);
      await tamper(database, `update audit_log set purpose = 'covering tracks' where team_id = '${team}' and seq = 3`);
      const outcome = await pruneAuditLog(database.db, key, team, new Date("2015-01-01T00:00:00Z"));
      expect(outcome).toMatchObject({ ok: false, message: expect.stringContaining("row 3") as unknown });
      expect(
        await database.db
          .select()
          .from(auditLog)
          .where(sql`team_id = ${team}`),
      ).toHaveLength(3);
    });
  });

  it("writes nothing when the transaction around it fails", async () => {
    const team = "team-rollback";
    await expect(
      database.db.transaction(async (tx) => {
        await appendAudit(tx, key, [entry(1, team)]);
        throw new Error("the write it belonged to failed");
      }),
    ).rejects.toThrow("failed");
    expect(
      await database.db
        .select()
        .from(auditLog)
        .where(sql`team_id = ${team}`),
    ).toEqual([]);
  });
});

// Needs a real PostgreSQL (TEST_DATABASE_URL, set in CI): PGlite serves one connection, so writers cannot race.
describe.runIf(testEngines.includes("postgres"))("concurrent audit writers on PostgreSQL", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("postgres", { maxConnections: 10 });
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("keep one unbroken chain per team", async () => {
    if (!database.url) throw new Error("no url");
    const writers = await Promise.all(
      Array.from({ length: 4 }, () => openDatabase({ engine: "postgres", url: database.url ?? "", maxConnections: 3 })),
    );
    await Promise.all(
      writers.flatMap((w, wi) =>
        Array.from({ length: 10 }, (_, i) => appendAudit(w.db, key, [entry(wi * 100 + i), entry(wi * 100 + i + 50)])),
      ),
    );
    await Promise.all(writers.map((w) => w.close()));
    expect(await verifyAuditChain(database.db, key, teamId)).toEqual({ ok: true, rows: 80, headSeq: 80, prunedSeq: 0 });
  });
});
