import { type AccessRole, helsinkiAnkkuri, helsinkiOrganisationIds as org, type StaffMember } from "@ankkuri/domain";

/** A person who can sign in. */
export interface SeedUser {
  teamId: string;
  login: string;
  displayName: string;
  organisationId: string;
  roles: AccessRole[];
  staffId: string | null;
}

const roleOf: Record<StaffMember["profession"], AccessRole> = {
  "police-officer": "police-officer",
  "social-worker": "social-worker",
  "psychiatric-nurse": "psychiatric-nurse",
  "youth-worker": "youth-worker",
  "social-counsellor": "social-worker",
  "psychologist": "psychiatric-nurse",
  "other": "youth-worker",
};

const teamId = helsinkiAnkkuri.team.id;
const supervisors = new Set(
  helsinkiAnkkuri.assignments.filter((a) => a.role === "operational-supervisor").map((a) => a.staffId),
);

/**
 * The fictional users of the Helsinki demo: every staff member (the operational supervisor also with
 * that role), and one person for each role that does not work with clients.
 */
export const helsinkiUsers: SeedUser[] = [
  ...helsinkiAnkkuri.staff.map((s) => ({
    teamId,
    login: s.login,
    displayName: `${s.givenName} ${s.familyName}`,
    organisationId: s.organisationId,
    roles: supervisors.has(s.id) ? [roleOf[s.profession], "operational-supervisor" as const] : [roleOf[s.profession]],
    staffId: s.id,
  })),
  {
    teamId,
    login: "kari.nurmi",
    displayName: "Kari Nurmi",
    organisationId: org.policePrevention,
    roles: ["team-administrator"],
    staffId: null,
  },
  {
    teamId,
    login: "outi.tarkka",
    displayName: "Outi Tarkka",
    organisationId: org.cityExecutiveOffice,
    roles: ["auditor"],
    staffId: null,
  },
  {
    teamId,
    login: "sari.niemela",
    displayName: "Sari Niemelä",
    organisationId: org.socialEmergency,
    roles: ["steering-group-member"],
    staffId: null,
  },
  {
    teamId,
    login: "mikko.rantanen",
    displayName: "Mikko Rantanen",
    organisationId: org.sotepe,
    roles: ["party-leadership"],
    staffId: null,
  },
];
