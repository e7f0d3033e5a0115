import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type Relations } from "../client.js";
import { generateKeySettings, parseKeyMaterial } from "../keys/key-material.js";
import { migrationsFolder } from "../migrate.js";
import { queryRows } from "../query-rows.js";
import { type AuditEntry, chainHash, genesisHash } from "./audit-chain.js";
import { appendAudit } from "./append-audit.js";
import { verifyAuditChain } from "./verify-audit.js";

const key = parseKeyMaterial(generateKeySettings()).auditKey;
const team = "team-before-bases";

describe("the migration that adds the basis to the access log", () => {
  const folder = mkdtempSync(join(tmpdir(), "ankkuri-migrations-"));
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it("marks every earlier entry as casework with a note, keeps its hash, and the chain goes on", async () => {
    // The database as it was before: every migration up to the one that adds the basis.
    const names = readdirSync(migrationsFolder).sort();
    const basis = names.findIndex((n) => n.endsWith("_client_rights"));
    expect(basis).toBeGreaterThan(0);
    for (const name of names.slice(0, basis))
      cpSync(join(migrationsFolder, name), join(folder, name), { recursive: true });
    const handle = await openDatabase({ engine: "pglite" });
    const db = handle.db as unknown as PgliteDatabase<Relations>;
    await migrate(db, { migrationsFolder: folder });
    const old: AuditEntry & { seq: number } = {
      teamId: team,
      seq: 1,
      occurredAt: new Date("2026-11-01T10:00:00Z"),
      requestId: "req-old",
      actorId: "maria.jarvinen",
      actorOrganisationId: "org-hpl-prevention",
      actorRole: "police-officer",
      operation: "read",
      resource: "case",
      caseId: "0190f5a4-7c2e-7000-8000-000000000001",
      clientId: null,
      purpose: "casework",
      basis: "casework",
    };
    // The hash as the code before bases wrote it: over the fields without the basis.
    const hash = chainHash(key, genesisHash, { ...old, basisRecorded: false });
    await db.execute(sql`insert into audit_log (team_id, seq, occurred_at, request_id, actor_id, actor_organisation_id,
      actor_role, operation, resource, case_id, purpose, prev_hash, hash)
      values (${team}, 1, ${old.occurredAt}, 'req-old', 'maria.jarvinen', 'org-hpl-prevention', 'police-officer',
      'read', 'case', ${old.caseId}, 'casework', ${genesisHash}, ${hash})`);
    await db.execute(sql`insert into audit_heads (team_id, seq, hash) values (${team}, 1, ${hash})`);

    await migrate(db, { migrationsFolder });
    const [row] = await queryRows<{ basis: string; basis_recorded: boolean; basis_consent_ids: string[] }>(
      handle.db,
      sql`select basis, basis_recorded, basis_consent_ids from audit_log where team_id = ${team}`,
    );
    expect(row).toMatchObject({ basis: "casework", basis_recorded: false });
    await appendAudit(handle.db, key, [{ ...old, requestId: "req-new", basis: "selection" }]);
    expect(await verifyAuditChain(handle.db, key, team)).toEqual({ ok: true, rows: 2, headSeq: 2, prunedSeq: 0 });
    // Every later entry must state its basis: the defaults are gone.
    await expect(
      db.execute(sql`insert into audit_log (team_id, seq, occurred_at, request_id, actor_id, actor_organisation_id,
        actor_role, operation, resource, purpose, prev_hash, hash)
        values (${team}, 9, now(), 'r', 'a', 'o', 'x', 'read', 'case', 'p', ${genesisHash}, ${genesisHash})`),
    ).rejects.toThrow();
    await handle.close();
  }, 300_000);
});
