import { describe, expect, it } from "vitest";
import { type Agreement, type AgreementInput, agreementSchema } from "../agreement/agreement.js";
import type { OrganisationId } from "../core/ids.js";
import type { LocalDate } from "../core/local-date.js";
import { chairCalendar, checkRotation, type RotationEvent, rotationSchema } from "./chair-rotation.js";
import { rotationFromAgreement } from "./rotation-from-agreement.js";
import { signedByEveryParty } from "../agreement/agreement.fixture.js";

type VersionInput = AgreementInput["versions"][number];

const text = (en: string) => ({ fi: en, sv: en, en });

/** A version of the terms with fictional contact people. */
function version(
  number: number,
  effectiveFrom: LocalDate,
  partyIds: OrganisationId[],
  noticePeriodMonths = 6,
): VersionInput {
  return {
    number,
    effectiveFrom,
    decidedOn: effectiveFrom,
    summary: text(`Version ${number}`),
    parties: partyIds.map((organisationId) => ({
      organisationId,
      role: organisationId === "police" ? "supplier" : "customer",
      contact: { name: "Aino Esimerkki", title: "Yhteyshenkilö (kuvitteellinen)", email: "aino.esimerkki@example.org" },
    })),
    teamUnits: [],
    fteTargets: [],
    noticePeriodMonths,
    joiningApproverIds: ["police", "sotepe"],
    essentialPartyIds: ["police", "sotepe"],
  };
}

function agreement(overrides: Partial<AgreementInput> = {}): Agreement {
  return signed({
    id: "agreement-test",
    teamId: "team-test",
    oid: "1.2.246.10.0000000.1.9.0.1",
    title: text("Test agreement"),
    description: text("A fictional agreement for tests"),
    startsOn: "2024-05-01",
    versions: [version(1, "2024-05-01", ["police", "sotepe", "kuva"])],
    signatures: [],
    joiningDecisions: [],
    notices: [],
    ...overrides,
  });
}

/** Every party signs every version, so that each version is in force from its day. */
function signed(input: AgreementInput): Agreement {
  return signedByEveryParty(agreementSchema.parse(input));
}

const notice = (partyId: OrganisationId, givenOn: LocalDate) => ({
  id: `notice-${partyId}-${givenOn}`,
  partyId,
  givenOn,
  reference: `Irtisanomisilmoitus ${givenOn}`,
});

describe("rotationFromAgreement", () => {
  it("takes the parties of version 1 in order, yearly from the agreement's start", () => {
    expect(rotationFromAgreement(agreement())).toEqual({
      anchor: "2024-05-01",
      termMonths: 12,
      order: ["police", "sotepe", "kuva"],
      events: [],
    });
  });

  it("lets a party added by a later version join on the version's effective date, and a dropped party leave", () => {
    const a = agreement({
      // Listed out of order: versions are compared by number.
      versions: [
        version(3, "2026-09-01", ["police", "sotepe", "nuoriso"]),
        version(1, "2024-05-01", ["police", "sotepe", "kuva"]),
        version(2, "2025-09-01", ["police", "sotepe", "kuva", "nuoriso"]),
      ],
    });
    const r = rotationFromAgreement(a);
    expect(r.order).toEqual(["police", "sotepe", "kuva"]);
    expect(r.events).toEqual([
      { kind: "join", partyId: "nuoriso", on: "2025-09-01" },
      { kind: "leave", partyId: "kuva", on: "2026-09-01" },
    ]);
    expect(chairCalendar(r, "2024-05-01", 6).map((t) => t.chairId)).toEqual([
      "police",
      "sotepe",
      "kuva",
      "nuoriso",
      "police",
      "sotepe",
    ]);
  });

  it("compares each version with the one before it, so a party dropped and added back leaves and rejoins", () => {
    const a = agreement({
      versions: [
        version(1, "2024-05-01", ["police", "sotepe", "kuva"]),
        version(2, "2025-01-01", ["police", "sotepe"]),
        version(3, "2026-01-01", ["police", "sotepe", "kuva"]),
      ],
    });
    expect(rotationFromAgreement(a).events).toEqual([
      { kind: "leave", partyId: "kuva", on: "2025-01-01" },
      { kind: "join", partyId: "kuva", on: "2026-01-01" },
    ]);
  });

  it("turns a notice into a notice event on its date and a leave the day after the party's end date", () => {
    // Six months from 31 August clamp to 28 February; the party leaves on 1 March.
    const r = rotationFromAgreement(agreement({ notices: [notice("kuva", "2025-08-31")] }));
    expect(r.events).toEqual([
      { kind: "notice", partyId: "kuva", on: "2025-08-31" },
      { kind: "leave", partyId: "kuva", on: "2026-03-01" },
    ]);
    expect(chairCalendar(r, "2024-05-01", 4).map((t) => t.chairId)).toEqual(["police", "sotepe", "police", "sotepe"]);
  });

  it("uses the notice period of the terms in force when the notice is given", () => {
    const a = agreement({
      versions: [
        version(1, "2024-05-01", ["police", "sotepe", "kuva"]),
        version(2, "2025-01-01", ["police", "sotepe", "kuva"], 3),
      ],
      notices: [notice("kuva", "2025-08-31")],
    });
    expect(rotationFromAgreement(a).events).toContainEqual({ kind: "leave", partyId: "kuva", on: "2025-12-01" });
  });

  it("passes the anchor, term length and recorded overrides through", () => {
    const overrides: Extract<RotationEvent, { kind: "override" }>[] = [
      {
        kind: "override",
        termStart: "2025-05-01",
        partyId: "kuva",
        decidedOn: "2025-03-15",
        reference: "Ohjausryhmän pöytäkirja 2/2025",
      },
    ];
    const r = rotationFromAgreement(agreement({ notices: [notice("kuva", "2027-01-10")] }), {
      anchor: "2024-01-01",
      termMonths: 6,
      overrides,
    });
    expect(r.anchor).toBe("2024-01-01");
    expect(r.termMonths).toBe(6);
    expect(r.events.at(-1)).toEqual(overrides[0]);
    expect(r.events.map((e) => e.kind)).toEqual(["notice", "leave", "override"]);
  });

  it("returns a valid rotation with no record problems", () => {
    const a = agreement({
      versions: [
        version(1, "2024-05-01", ["police", "sotepe", "kuva"]),
        version(2, "2025-09-01", ["police", "sotepe", "kuva", "nuoriso"]),
      ],
      notices: [notice("nuoriso", "2027-02-01")],
    });
    const r = rotationFromAgreement(a);
    expect(rotationSchema.parse(r)).toEqual(r);
    expect(checkRotation(r)).toEqual([]);
  });

  it("gives an empty order for an agreement without versions instead of throwing", () => {
    expect(rotationFromAgreement({ ...agreement(), versions: [] }).order).toEqual([]);
  });
});
