import { helsinkiAnkkuri, helsinkiOrganisationIds, testIdentityCode } from "@ankkuri/domain";
import { describe, expect, it } from "vitest";
import { newId, referCase } from "../repositories/case-repository.js";
import { clients } from "../schema/tables.js";
import { seededTestDatabase, testEngines } from "../testing/index.js";
import { createIdentityVault } from "./identity-vault.js";
import { generateKeySettings, parseKeyMaterial } from "./key-material.js";
import { rotateIdentityKeys } from "./rotate-identity-keys.js";

const oldSettings = generateKeySettings();
const oldVault = createIdentityVault(parseKeyMaterial(oldSettings));
const fresh = generateKeySettings();
const newVault = createIdentityVault(
  parseKeyMaterial({
    identityKeys: `${fresh.identityKeys.replace("k1:", "k2:")},${oldSettings.identityKeys}`,
    identityHmacKey: fresh.identityHmacKey,
    auditKey: fresh.auditKey,
  }),
);
const codes = Array.from({ length: 7 }, (_, i) => testIdentityCode(`2010-01-${String(i + 10)}`, 920 + i));

describe.each(testEngines)("identity key rotation on %s", (engine) => {
  const database = seededTestDatabase(engine, async (db) => {
    for (const code of codes) {
      await referCase(db, oldVault, {
        teamId: helsinkiAnkkuri.team.id,
        caseId: newId(),
        type: "youth-crime",
        referredOn: "2025-01-01",
        referralSource: "police",
        referredByOrganisationId: helsinkiOrganisationIds.policePrevention,
        client: { identityCode: code, givenName: "A", familyName: "B" },
        memberships: [],
      });
    }
  });

  it("re-encrypts under the new key and re-hashes with the new HMAC key, in batches, once", async () => {
    expect(await rotateIdentityKeys(database.db, newVault, 3)).toEqual({ examined: 7, reencrypted: 7, rehashed: 7 });
    const rows = await database.db.select().from(clients);
    expect(rows.map((r) => newVault.decrypt(r.identityCodeCiphertext ?? "", r.teamId)).sort()).toEqual(
      [...codes].sort(),
    );
    expect(
      rows.every(
        (r) =>
          r.identityCodeCiphertext?.startsWith("v1.k2.") === true &&
          r.identityCodeHmac === newVault.hmac(newVault.decrypt(r.identityCodeCiphertext, r.teamId)),
      ),
    ).toBe(true);
    expect(await rotateIdentityKeys(database.db, newVault, 3)).toEqual({ examined: 7, reencrypted: 0, rehashed: 0 });
  });
});
