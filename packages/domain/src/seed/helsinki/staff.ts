import type { Profession } from "../../staffing/profession.js";
import type { Assignment, PremisesAccess, SecurityClearance, StaffMember } from "../../staffing/staff.js";
import { helsinkiTeamId } from "./agreement.js";
import { org } from "./organisations.js";

interface Person {
  id: string;
  givenName: string;
  familyName: string;
  title: string;
  organisationId: string;
  profession: Profession;
  fraction: number;
  supervisor?: boolean;
}

// Fictional people. Staffing meets the 003 § 5 targets: 5.0 police (one operational supervisor),
// 2.5 social workers, 1.0 psychiatric nurse, 2.0 of Kuva's named 4.0 youth workers.
const people: Person[] = [
  {
    id: "st-hpl-lehtinen",
    givenName: "Tuomas",
    familyName: "Lehtinen",
    title: "ylikonstaapeli",
    organisationId: org.policePrevention,
    profession: "police-officer",
    fraction: 1,
    supervisor: true,
  },
  {
    id: "st-hpl-heikkinen",
    givenName: "Laura",
    familyName: "Heikkinen",
    title: "vanhempi konstaapeli",
    organisationId: org.policePrevention,
    profession: "police-officer",
    fraction: 1,
  },
  {
    id: "st-hpl-koskinen",
    givenName: "Antti",
    familyName: "Koskinen",
    title: "vanhempi konstaapeli",
    organisationId: org.policePrevention,
    profession: "police-officer",
    fraction: 1,
  },
  {
    id: "st-hpl-jarvinen",
    givenName: "Maria",
    familyName: "Järvinen",
    title: "vanhempi konstaapeli",
    organisationId: org.policePrevention,
    profession: "police-officer",
    fraction: 1,
  },
  {
    id: "st-hpl-hamalainen",
    givenName: "Ville",
    familyName: "Hämäläinen",
    title: "vanhempi konstaapeli",
    organisationId: org.policePrevention,
    profession: "police-officer",
    fraction: 1,
  },
  {
    id: "st-sotepe-mattila",
    givenName: "Hanna",
    familyName: "Mattila",
    title: "sosiaalityöntekijä",
    organisationId: org.socialEmergency,
    profession: "social-worker",
    fraction: 1,
  },
  {
    id: "st-sotepe-saarinen",
    givenName: "Elina",
    familyName: "Saarinen",
    title: "sosiaalityöntekijä",
    organisationId: org.socialEmergency,
    profession: "social-worker",
    fraction: 1,
  },
  {
    id: "st-sotepe-karjalainen",
    givenName: "Juho",
    familyName: "Karjalainen",
    title: "sosiaalityöntekijä",
    organisationId: org.socialEmergency,
    profession: "social-worker",
    fraction: 0.5,
  },
  {
    id: "st-sotepe-honkanen",
    givenName: "Satu",
    familyName: "Honkanen",
    title: "psykiatrinen sairaanhoitaja",
    organisationId: org.psychiatry,
    profession: "psychiatric-nurse",
    fraction: 1,
  },
  {
    id: "st-kuva-peltonen",
    givenName: "Olli",
    familyName: "Peltonen",
    title: "nuoriso-ohjaaja",
    organisationId: org.youthServices,
    profession: "youth-worker",
    fraction: 0.5,
  },
  {
    id: "st-kuva-lindqvist",
    givenName: "Noora",
    familyName: "Lindqvist",
    title: "nuoriso-ohjaaja",
    organisationId: org.youthServices,
    profession: "youth-worker",
    fraction: 0.5,
  },
  {
    id: "st-kuva-nieminen",
    givenName: "Aleksi",
    familyName: "Nieminen",
    title: "nuoriso-ohjaaja",
    organisationId: org.youthServices,
    profession: "youth-worker",
    fraction: 0.5,
  },
  {
    id: "st-kuva-tuominen",
    givenName: "Emma",
    familyName: "Tuominen",
    title: "nuoriso-ohjaaja",
    organisationId: org.youthServices,
    profession: "youth-worker",
    fraction: 0.5,
  },
];

const login = (p: Person) =>
  `${p.givenName}.${p.familyName}`
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");

const isCityStaff = (p: Person) => p.profession !== "police-officer";

export const helsinkiStaff: StaffMember[] = people.map((p) => ({
  id: p.id,
  teamId: helsinkiTeamId,
  organisationId: p.organisationId,
  profession: p.profession,
  givenName: p.givenName,
  familyName: p.familyName,
  title: p.title,
  login: login(p),
  policeMailAccount: isCityStaff(p),
}));

export const helsinkiAssignments: Assignment[] = people.map((p) => ({
  id: `as-${p.id.slice(3)}`,
  teamId: helsinkiTeamId,
  staffId: p.id,
  organisationId: p.organisationId,
  fraction: p.fraction,
  interval: { from: "2024-05-01", to: null },
  role: p.supervisor ? "operational-supervisor" : "member",
  needsPremisesAccess: true,
}));

/** Clearances requested by the police before the agreement started (003 § 7); valid five years. */
export const helsinkiClearances: SecurityClearance[] = people.filter(isCityStaff).map((p) => ({
  id: `sc-${p.id.slice(3)}`,
  staffId: p.id,
  scope: "standard",
  requestedById: org.police,
  requestedOn: "2024-02-01",
  grantedOn: "2024-04-15",
  deniedOn: null,
  validUntil: "2029-04-14",
  revokedOn: null,
}));

export const helsinkiPremisesAccess: PremisesAccess[] = people.filter(isCityStaff).map((p) => ({
  id: `pa-${p.id.slice(3)}`,
  staffId: p.id,
  interval: { from: "2024-05-01", to: null },
  areas: "Ankkuri-tiimin tilat, Poliisitalo 2, Pasila",
}));
