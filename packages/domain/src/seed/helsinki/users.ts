import type { RoleAssignment, UserAccount } from "../../access/user-account.js";
import { helsinkiTeamId } from "./agreement.js";
import { org } from "./organisations.js";
import { helsinkiStaff } from "./staff.js";

/** Every staff member signs in with their own login; their roles come from their assignments. */
const staffUsers: UserAccount[] = helsinkiStaff.map((s) => ({
  teamId: helsinkiTeamId,
  login: s.login,
  displayName: `${s.givenName} ${s.familyName}`,
  staffId: s.id,
  closedOn: null,
}));

/** Fictional people without client work: one for each role that is granted rather than worked. */
const others = [
  {
    login: "kari.nurmi",
    displayName: "Kari Nurmi",
    role: "team-administrator",
    organisationId: org.policePrevention,
  },
  { login: "outi.tarkka", displayName: "Outi Tarkka", role: "auditor", organisationId: org.cityExecutiveOffice },
  {
    login: "sari.niemela",
    displayName: "Sari Niemelä",
    role: "steering-group-member",
    organisationId: org.socialEmergency,
  },
  { login: "mikko.rantanen", displayName: "Mikko Rantanen", role: "party-leadership", organisationId: org.sotepe },
  { login: "liisa.kirjava", displayName: "Liisa Kirjava", role: "registry-office", organisationId: org.sotepe },
] as const;

/** The fictional users of the Helsinki demo. */
export const helsinkiUsers: UserAccount[] = [
  ...staffUsers,
  ...others.map((o) => ({
    teamId: helsinkiTeamId,
    login: o.login,
    displayName: o.displayName,
    staffId: null,
    closedOn: null,
  })),
];

/** Their granted roles, from the start of the agreement (2024-05-01), open-ended. */
export const helsinkiRoleAssignments: RoleAssignment[] = others.map((o) => ({
  id: `ra-${o.login.replace(".", "-")}`,
  teamId: helsinkiTeamId,
  login: o.login,
  role: o.role,
  organisationId: o.organisationId,
  interval: { from: "2024-05-01", to: null },
}));
