import type { z } from "zod";
import { type Organisation, type OrganisationInput, organisationSchema } from "../organisations/organisation.js";
import type { Profession } from "../staffing/profession.js";
import {
  type Assignment,
  assignmentSchema,
  type PremisesAccess,
  premisesAccessSchema,
  type SecurityClearance,
  securityClearanceSchema,
  type StaffMember,
  staffMemberSchema,
} from "../staffing/staff.js";
import {
  type Agreement,
  type AgreementInput,
  agreementSchema,
  type agreementVersionSchema,
  type JoiningDecision,
  joiningDecisionSchema,
  type Notice,
  noticeSchema,
  type Signature,
  signatureSchema,
} from "./agreement.js";

/*
 * Test fixture shared by the agreement and staffing tests: a three-party agreement shaped like the
 * Helsinki one (003), with fictional people only. Every builder returns fresh objects parsed through
 * the zod schemas, so defaults apply and tests may change them freely.
 */

/** Ids used throughout the fixture. */
export const fx = {
  team: "team-fixture",
  otherTeam: "team-elsewhere",
  agreement: "agreement-fixture",
  police: "org-police",
  policeUnit: "org-police-prevention",
  policeInvestigation: "org-police-investigation",
  city: "org-city",
  sotepe: "org-sotepe",
  socialEmergency: "org-sotepe-emergency",
  psychiatry: "org-sotepe-psychiatry",
  kuva: "org-kuva",
  youthServices: "org-kuva-youth",
  /** An authority outside the agreement that may be admitted by a joining decision. */
  outsider: "org-hospital-district",
  outsiderUnit: "org-hospital-youth-psychiatry",
} as const;

/** The agreement's first day (003 § 3). */
export const agreementStart = "2024-05-01";

type VersionInput = z.input<typeof agreementVersionSchema>;

const text = (fi: string, sv: string, en: string) => ({ fi, sv, en });

/** Terms of version 1: parties, staffing units and FTE targets of 003 §§ 1–5. */
export function versionOneInput(): VersionInput {
  return {
    number: 1,
    effectiveFrom: agreementStart,
    decidedOn: "2024-04-16",
    summary: text("Alkuperäinen sopimus", "Ursprungligt avtal", "Original agreement"),
    parties: [
      { organisationId: fx.police, role: "supplier", contact: { name: "Kaarlo Testinen", title: "ylikomisario" } },
      {
        organisationId: fx.sotepe,
        role: "customer",
        contact: { name: "Saimi Esimerkki", title: "päällikkö, sosiaali- ja kriisipäivystys" },
      },
      {
        organisationId: fx.kuva,
        role: "customer",
        contact: { name: "Raili Kuvitelma", title: "aluepäällikkö, nuorisopalvelut" },
      },
    ],
    teamUnits: [
      { organisationId: fx.policeUnit, partyId: fx.police, professions: ["police-officer"] },
      { organisationId: fx.socialEmergency, partyId: fx.sotepe, professions: ["social-worker"] },
      { organisationId: fx.psychiatry, partyId: fx.sotepe, professions: ["psychiatric-nurse"] },
      { organisationId: fx.youthServices, partyId: fx.kuva, professions: ["youth-worker"] },
    ],
    fteTargets: [
      { organisationId: fx.policeUnit, profession: "police-officer", fte: 5, supervisors: 1 },
      { organisationId: fx.socialEmergency, profession: "social-worker", fte: 2.5 },
      { organisationId: fx.psychiatry, profession: "psychiatric-nurse", fte: 1 },
      { organisationId: fx.youthServices, profession: "youth-worker", fte: 2, namedFte: 4 },
    ],
    noticePeriodMonths: 6,
    joiningApproverIds: [fx.police, fx.sotepe],
    essentialPartyIds: [fx.police, fx.sotepe],
  };
}

/** A strong-authentication signature of `organisationId` on a version. */
export function signatureInput(organisationId: string, versionNumber = 1): z.input<typeof signatureSchema> {
  return {
    id: `sig-${String(versionNumber)}-${organisationId}`,
    versionNumber,
    signerName: "Allekirjoittaja Kuvitteellinen",
    signerTitle: "toimialajohtaja",
    organisationId,
    method: "strong-authentication",
    signedAt: "2024-04-16T10:42:00+03:00",
  };
}

/** The agreement input: version 1 signed by all three parties, no joining decisions, no notices. */
export function agreementInput(): AgreementInput {
  return {
    id: fx.agreement,
    teamId: fx.team,
    oid: "1.2.246.10.02012566.1.9.632.1",
    title: text("Ankkuri-sopimus (testi)", "Ankkuri-avtal (test)", "Ankkuri agreement (test)"),
    description: text("Testisopimus", "Testavtal", "Test agreement"),
    startsOn: agreementStart,
    versions: [versionOneInput()],
    signatures: [signatureInput(fx.police), signatureInput(fx.sotepe), signatureInput(fx.kuva)],
    joiningDecisions: [],
    notices: [],
  };
}

/** The fixture agreement, parsed; `overrides` replace top-level fields. */
export function buildAgreement(overrides: Partial<AgreementInput> = {}): Agreement {
  return agreementSchema.parse({ ...agreementInput(), ...overrides });
}

/**
 * The fixture agreement with a version 2 from `effectiveFrom` in which `supplierId` is the supplier
 * instead of the police department (the police's side of the work moved to another of its units).
 */
export function agreementWithSupplierFrom(effectiveFrom: string, supplierId: string): Agreement {
  const v1 = versionOneInput();
  const v2: VersionInput = {
    ...v1,
    number: 2,
    effectiveFrom,
    decidedOn: effectiveFrom,
    summary: text("Toimittaja vaihtuu", "Leverantören byts", "The supplier changes"),
    parties: v1.parties.map((p) => (p.role === "supplier" ? { ...p, organisationId: supplierId } : p)),
  };
  return signedByEveryParty(buildAgreement({ versions: [v1, v2] }));
}

/**
 * `agreement` with every party's signature on every version (an amendment is in force only when all
 * its parties have signed it): for tests about the terms themselves rather than their signing.
 */
export function signedByEveryParty(agreement: Agreement): Agreement {
  const signatures = [...agreement.signatures];
  for (const v of agreement.versions) {
    for (const p of v.parties) {
      if (!signatures.some((s) => s.versionNumber === v.number && s.organisationId === p.organisationId))
        signatures.push(buildSignature(p.organisationId, v.number));
    }
  }
  return { ...agreement, signatures };
}

/** A notice by `partyId` given on `givenOn`. */
export function buildNotice(partyId: string, givenOn: string): Notice {
  return noticeSchema.parse({ id: `notice-${partyId}-${givenOn}`, partyId, givenOn, reference: `Päätös ${givenOn}` });
}

/** The fixture agreement with notices already recorded. */
export function agreementWithNotices(...notices: [partyId: string, givenOn: string][]): Agreement {
  return buildAgreement({ notices: notices.map(([partyId, givenOn]) => buildNotice(partyId, givenOn)) });
}

/** A joining decision admitting `organisationId` from `effectiveFrom`, approved as listed. */
export function buildJoiningDecision(
  organisationId: string,
  effectiveFrom: string,
  approvals: [organisationId: string, approvedOn: string][],
): JoiningDecision {
  return joiningDecisionSchema.parse({
    id: `join-${organisationId}-${effectiveFrom}`,
    organisationId,
    effectiveFrom,
    approvals: approvals.map(([by, approvedOn]) => ({
      organisationId: by,
      approvedOn,
      reference: `Päätös ${by} ${approvedOn}`,
    })),
    description: "Nuorisopsykiatrian edustaja mukaan työryhmään",
  });
}

/** A signature, parsed. */
export function buildSignature(organisationId: string, versionNumber = 1): Signature {
  return signatureSchema.parse(signatureInput(organisationId, versionNumber));
}

const unit = (id: string, parentId: string, sector: OrganisationInput["sector"], name: string): OrganisationInput => ({
  id,
  kind: "unit",
  parentId,
  name: text(name, name, name),
  businessId: null,
  sector,
});

/** The organisation tree: police department and its units; the city, its divisions and their units. */
export function buildOrganisations(): Organisation[] {
  const input: OrganisationInput[] = [
    {
      id: fx.police,
      kind: "legal-entity",
      parentId: null,
      name: text("Poliisilaitos", "Polisinrättning", "Police Department"),
      businessId: "0245432-1",
      sector: "police",
    },
    unit(fx.policeUnit, fx.police, "police", "Ennalta estävä toiminto"),
    unit(fx.policeInvestigation, fx.police, "police", "Rikostorjunta"),
    {
      id: fx.city,
      kind: "legal-entity",
      parentId: null,
      name: text("Kaupunki", "Stad", "City"),
      businessId: "0201256-6",
      sector: "city-administration",
    },
    {
      id: fx.sotepe,
      kind: "division",
      parentId: fx.city,
      name: text("Sotepe", "Sotepe", "Sotepe"),
      shortName: "Sotepe",
      businessId: null,
      sector: "social-services",
    },
    unit(fx.socialEmergency, fx.sotepe, "social-services", "Sosiaali- ja kriisipäivystys"),
    unit(fx.psychiatry, fx.sotepe, "health-care", "Psykiatria"),
    {
      id: fx.kuva,
      kind: "division",
      parentId: fx.city,
      name: text("Kuva", "Kuva", "Kuva"),
      shortName: "Kuva",
      businessId: null,
      sector: "youth-services",
    },
    unit(fx.youthServices, fx.kuva, "youth-services", "Nuorisopalvelut"),
  ];
  return input.map((o) => organisationSchema.parse(o));
}

/** A staff member of the fixture team (fictional). */
export function buildStaff(
  id: string,
  organisationId: string,
  profession: Profession,
  overrides: Partial<z.input<typeof staffMemberSchema>> = {},
): StaffMember {
  return staffMemberSchema.parse({
    id,
    teamId: fx.team,
    organisationId,
    profession,
    givenName: "Testi",
    familyName: id.replace(/^st-/, "").replace(/^./, (c) => c.toUpperCase()),
    title: profession,
    login: id.toLowerCase(),
    ...overrides,
  });
}

/** An assignment of the fixture team: full time, open-ended from the agreement's start unless overridden. */
export function buildAssignment(
  input: Pick<z.input<typeof assignmentSchema>, "id" | "staffId" | "organisationId"> &
    Partial<z.input<typeof assignmentSchema>>,
): Assignment {
  return assignmentSchema.parse({
    teamId: fx.team,
    fraction: 1,
    interval: { from: agreementStart, to: null },
    ...input,
  });
}

/** A standard clearance requested by the police, granted before the start and valid five years. */
export function buildClearance(
  input: Pick<z.input<typeof securityClearanceSchema>, "id" | "staffId"> &
    Partial<z.input<typeof securityClearanceSchema>>,
): SecurityClearance {
  return securityClearanceSchema.parse({
    scope: "standard",
    requestedById: fx.police,
    requestedOn: "2024-02-01",
    grantedOn: "2024-04-15",
    validUntil: "2029-04-14",
    ...input,
  });
}

/** A personal access right to the police premises, open-ended from the agreement's start unless overridden. */
export function buildPremisesAccess(
  input: Pick<z.input<typeof premisesAccessSchema>, "id" | "staffId"> & Partial<z.input<typeof premisesAccessSchema>>,
): PremisesAccess {
  return premisesAccessSchema.parse({
    interval: { from: agreementStart, to: null },
    areas: "Ankkuri-tiimin tilat",
    ...input,
  });
}

interface Member {
  id: string;
  organisationId: string;
  profession: Profession;
  fraction: number;
  supervisor?: boolean;
}

const members: Member[] = [
  { id: "st-aalto", organisationId: fx.policeUnit, profession: "police-officer", fraction: 1, supervisor: true },
  { id: "st-berg", organisationId: fx.policeUnit, profession: "police-officer", fraction: 1 },
  { id: "st-carlsson", organisationId: fx.policeUnit, profession: "police-officer", fraction: 1 },
  { id: "st-dahl", organisationId: fx.policeUnit, profession: "police-officer", fraction: 1 },
  { id: "st-ek", organisationId: fx.policeUnit, profession: "police-officer", fraction: 1 },
  { id: "st-forsman", organisationId: fx.socialEmergency, profession: "social-worker", fraction: 1 },
  { id: "st-granqvist", organisationId: fx.socialEmergency, profession: "social-worker", fraction: 1 },
  { id: "st-holm", organisationId: fx.socialEmergency, profession: "social-worker", fraction: 0.5 },
  { id: "st-isaksson", organisationId: fx.psychiatry, profession: "psychiatric-nurse", fraction: 1 },
  { id: "st-jansson", organisationId: fx.youthServices, profession: "youth-worker", fraction: 0.5 },
  { id: "st-karlsson", organisationId: fx.youthServices, profession: "youth-worker", fraction: 0.5 },
  { id: "st-lund", organisationId: fx.youthServices, profession: "youth-worker", fraction: 0.5 },
  { id: "st-mattsson", organisationId: fx.youthServices, profession: "youth-worker", fraction: 0.5 },
];

/** Staffing records of a team that meets every rule and target from the agreement's start on. */
export interface Staffing {
  organisations: Organisation[];
  staff: StaffMember[];
  assignments: Assignment[];
  clearances: SecurityClearance[];
  premisesAccess: PremisesAccess[];
}

/**
 * A clean team: 5.0 police (st-aalto the operational supervisor), 2.5 social workers, 1.0 psychiatric
 * nurse and 2.0 youth workers, each on one open-ended assignment `as-<name>`; every city employee holds
 * a clearance `sc-<name>` and an access right `pa-<name>`.
 */
export function buildStaffing(): Staffing {
  const city = members.filter((m) => m.profession !== "police-officer");
  return {
    organisations: buildOrganisations(),
    staff: members.map((m) => buildStaff(m.id, m.organisationId, m.profession)),
    assignments: members.map((m) =>
      buildAssignment({
        id: `as-${m.id.slice(3)}`,
        staffId: m.id,
        organisationId: m.organisationId,
        fraction: m.fraction,
        role: m.supervisor === true ? "operational-supervisor" : "member",
      }),
    ),
    clearances: city.map((m) => buildClearance({ id: `sc-${m.id.slice(3)}`, staffId: m.id })),
    premisesAccess: city.map((m) => buildPremisesAccess({ id: `pa-${m.id.slice(3)}`, staffId: m.id })),
  };
}
