import { testEngines } from "@ankkuri/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AgreementVersionsDocument,
  AmendAgreementDocument,
  FteDashboardDocument,
  SignAgreementDocument,
  type AmendAgreementInput,
} from "@ankkuri/client/operations";
import { type Harness, startHarness } from "./harness.js";
import { as, clock, login, org } from "./steps.js";

const admin = login.admin;

describe.each(testEngines)("amending and signing the agreement over HTTP on %s", (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(engine, { gateway: { clock } });
  });
  afterAll(async () => {
    await h.close();
  });

  const amendment: AmendAgreementInput = {
    effectiveFrom: "2027-01-01",
    decidedOn: "2026-11-20",
    summary: {
      fi: "Poliisin tavoite 6 htv (kuvitteellinen muutos)",
      sv: "Polisens mål 6 årsverken (fiktiv ändring)",
      en: "Police target 6 FTE (fictional amendment)",
    },
    fteTargets: [
      { organisationId: org.policePrevention, profession: "POLICE_OFFICER", fte: 6, supervisors: 1 },
      { organisationId: org.socialEmergency, profession: "SOCIAL_WORKER", fte: 2.5 },
      { organisationId: org.psychiatry, profession: "PSYCHIATRIC_NURSE", fte: 1 },
      { organisationId: org.youthServices, profession: "YOUTH_WORKER", fte: 2, namedFte: 4 },
    ],
  };
  const sign = (organisationId: string, extra: Record<string, unknown> = {}) =>
    h.request(admin, SignAgreementDocument, {
      input: {
        versionNumber: 2,
        organisationId,
        signerName: "Allekirjoittaja Kuvitteellinen",
        signerTitle: "toimialajohtaja",
        method: "STRONG_AUTHENTICATION",
        signedAt: "2026-11-21T10:00:00+02:00",
        ...extra,
      },
    });
  const versions = async (on: string) => (await h.request(login.leadership, AgreementVersionsDocument, { on })).data;
  const policeTarget = async (from: string, to: string) =>
    (await h.request(login.leadership, FteDashboardDocument, { period: { from, to } })).data?.fteReport.units.find(
      (u) => u.organisation.id === org.policePrevention,
    )?.target;

  it("refuses an amendment in the past", async () => {
    const refused = as(
      (
        await h.request(admin, AmendAgreementDocument, {
          input: { ...amendment, effectiveFrom: "2026-11-01", decidedOn: "2026-10-01" },
        })
      ).data?.amendAgreement,
      "RuleViolationError",
    );
    expect(refused.code).toBe("AGREEMENT.AMENDMENT_IN_PAST");
  });

  it("adds version 2, which is in force only once every party has signed it, keeping version 1", async () => {
    const added = as(
      (await h.request(admin, AmendAgreementDocument, { input: amendment })).data?.amendAgreement,
      "AgreementVersion",
    );
    expect(added).toMatchObject({ number: 2, effectiveFrom: "2027-01-01", inForceFrom: null });
    expect(added.unsignedParties.map((p) => p.id).sort()).toEqual([org.police, org.sotepe, org.kuva].sort());
    expect((await versions("2027-06-01"))?.agreement?.termsOn.number).toBe(1);
    expect(await policeTarget("2027-01-01", "2027-06-30")).toBe(5);

    as((await sign(org.police)).data?.signAgreement, "AgreementVersion");
    const twice = as((await sign(org.police)).data?.signAgreement, "RuleViolationError");
    expect(twice.code).toBe("AGREEMENT.ALREADY_SIGNED");
    const outsider = as((await sign(org.hus)).data?.signAgreement, "RuleViolationError");
    expect(outsider.code).toBe("AGREEMENT.SIGNER_NOT_PARTY");
    expect(outsider.message).not.toContain(org.hus);
    const future = as(
      (await sign(org.sotepe, { signedAt: "2026-11-23T10:00:00+02:00" })).data?.signAgreement,
      "RuleViolationError",
    );
    expect(future.code).toBe("AGREEMENT.SIGNED_IN_FUTURE");
    as((await sign(org.sotepe)).data?.signAgreement, "AgreementVersion");
    expect((await versions("2027-06-01"))?.agreement?.termsOn.number).toBe(1);

    const signed = as((await sign(org.kuva, { method: "HANDWRITTEN" })).data?.signAgreement, "AgreementVersion");
    expect(signed).toMatchObject({ inForceFrom: "2027-01-01", unsignedParties: [] });
    expect(signed.signatures.map((s) => [s.organisation.id, s.method])).toEqual(
      expect.arrayContaining([
        [org.police, "STRONG_AUTHENTICATION"],
        [org.kuva, "HANDWRITTEN"],
      ]),
    );

    const after = await versions("2027-06-01");
    expect(after?.agreement?.termsOn.number).toBe(2);
    expect(after?.agreement?.currentVersionNumber).toBe(2);
    expect(after?.agreement?.versions.map((v) => [v.number, v.inForceFrom])).toEqual([
      [1, "2024-05-01"],
      [2, "2027-01-01"],
    ]);
    expect(after?.agreement?.versions[0]?.fteTargets.find((t) => t.organisation.id === org.policePrevention)?.fte).toBe(
      5,
    );
    expect((await versions("2026-12-31"))?.agreement?.termsOn.number).toBe(1);
    expect(await policeTarget("2027-01-01", "2027-06-30")).toBe(6);
  });

  it("refuses an amendment before the latest version took effect", async () => {
    const refused = as(
      (
        await h.request(admin, AmendAgreementDocument, {
          input: { ...amendment, effectiveFrom: "2026-12-01", decidedOn: "2026-11-22" },
        })
      ).data?.amendAgreement,
      "RuleViolationError",
    );
    expect(refused.code).toBe("AGREEMENT.VERSION_ORDER");
  });

  it("lets only the team administrator amend or sign", async () => {
    for (const who of [login.police, login.supervisor, login.steering, login.leadership, login.auditor]) {
      const amend = await h.request(who, AmendAgreementDocument, { input: amendment });
      const signing = await h.request(who, SignAgreementDocument, {
        input: {
          versionNumber: 1,
          organisationId: org.police,
          signerName: "X",
          signerTitle: "Y",
          method: "HANDWRITTEN",
        },
      });
      expect([amend.data?.amendAgreement ?? null, signing.data?.signAgreement ?? null]).toEqual([null, null]);
      expect(amend.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(signing.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
  });
});
