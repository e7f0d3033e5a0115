import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { helsinkiAnkkuri } from "@ankkuri/domain";
import { and, eq, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { describe, expect, it } from "vitest";
import { seededTestDatabase, testEngines } from "../testing/index.js";
import * as t from "./tables.js";

/*
 * The `returning_clients` migration on data of the kind made before it: a returning client with a
 * record per referral. Its merge statements, run again here on such rows, leave one record with every
 * case and legal hold, and the unique indexes then build.
 */

const folder = fileURLToPath(new URL("../../drizzle/", import.meta.url));
const migration = readdirSync(folder).find((name) => name.endsWith("_returning_clients"));
const statements = readFileSync(`${folder}${migration ?? "missing"}/migration.sql`, "utf8")
  .split("--> statement-breakpoint")
  .map((s) => s.replace(/^\s*--.*$/gm, "").trim());
const merge = statements.filter((s) => s.includes("client_merges"));
const indexes = statements.filter((s) => s.startsWith("CREATE UNIQUE INDEX"));
const teamId = helsinkiAnkkuri.team.id;

describe.each(testEngines)("the returning_clients migration on %s", (engine) => {
  const database = seededTestDatabase(engine);

  it("merges a returning client's records into the first, keeping every case and hold", async () => {
    expect(merge).toHaveLength(5);
    expect(indexes.map((s) => /"(\w+)"/.exec(s)?.[1])).toEqual([
      "cases_one_open_case_per_client",
      "clients_identity_hmac_unique",
    ]);
    const { db } = database;
    await db.execute(sql`drop index "clients_identity_hmac_unique"`);
    await db.execute(sql`drop index "cases_one_open_case_per_client"`);
    const [first, second, other] = [uuidv7(), uuidv7(), uuidv7()];
    const client = (id: string, hmac: string, givenName: string, createdAt: string) => ({
      teamId,
      id,
      identityCodeCiphertext: "v1.k1.x.y.z",
      identityCodeHmac: hmac,
      birthDate: "2011-01-01",
      givenName,
      familyName: "Palaava",
      createdAt: new Date(createdAt),
    });
    await db
      .insert(t.clients)
      .values([
        client(first, "hmac-returning", "Ensimmäinen", "2025-01-01T00:00:00Z"),
        client(second, "hmac-returning", "Toinen", "2026-01-01T00:00:00Z"),
        client(other, "hmac-other", "Muu", "2026-01-01T00:00:00Z"),
      ]);
    const kase = (id: string, clientId: string, status: "declined" | "referred") => ({
      teamId,
      id,
      clientId,
      type: "youth-crime" as const,
      status,
      referredOn: "2025-02-01",
      referralSource: "police" as const,
      ...(status === "declined" ? { selectionStartedOn: "2025-02-01", decidedOn: "2025-02-02" } : {}),
    });
    const [ended, open, otherCase] = [uuidv7(), uuidv7(), uuidv7()];
    await db
      .insert(t.cases)
      .values([kase(ended, first, "declined"), kase(open, second, "referred"), kase(otherCase, other, "referred")]);
    await db.insert(t.legalHolds).values({
      teamId,
      id: uuidv7(),
      clientId: second,
      reason: "complaint",
      reference: "HEL 2026-000001",
      placedOn: "2026-02-01",
      placedBy: "testi",
    });

    for (const statement of [...merge, ...indexes]) await db.execute(sql.raw(statement));

    const records = await db
      .select({ id: t.clients.id })
      .from(t.clients)
      .where(and(eq(t.clients.teamId, teamId), eq(t.clients.identityCodeHmac, "hmac-returning")));
    expect(records).toEqual([{ id: first }]);
    const owners = await db
      .select({ id: t.cases.id, clientId: t.cases.clientId })
      .from(t.cases)
      .where(eq(t.cases.teamId, teamId));
    expect(new Map(owners.map((c) => [c.id, c.clientId]))).toEqual(
      new Map([
        [ended, first],
        [open, first],
        [otherCase, other],
        ...owners.filter((c) => ![ended, open, otherCase].includes(c.id)).map((c) => [c.id, c.clientId] as const),
      ]),
    );
    const holds = await db.select({ clientId: t.legalHolds.clientId }).from(t.legalHolds);
    expect(holds).toEqual([{ clientId: first }]);
  });
});
