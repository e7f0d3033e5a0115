import { teamDatasetSchema, type TeamDataset } from "../team-dataset.js";
import { helsinkiAgreement, helsinkiAgreementId, helsinkiTeamId } from "./agreement.js";
import { ankkuriSteeringGroup, cityLevelSteeringGroup, jointLeadershipMeeting } from "./bodies.js";
import { helsinki004Bodies } from "./bodies-004.js";
import { helsinki004Organisations } from "./organisations-004.js";
import { helsinkiOrganisations, org } from "./organisations.js";
import { helsinkiPremises } from "./premises.js";
import { helsinkiAssignments, helsinkiClearances, helsinkiPremisesAccess, helsinkiStaff } from "./staff.js";
import { helsinkiRoleAssignments, helsinkiUsers } from "./users.js";

export { org as helsinkiOrganisationIds } from "./organisations.js";
export { org004 as helsinki004OrganisationIds } from "./organisations-004.js";

/**
 * The Helsinki Ankkuri team as a validated dataset (seeds 000, 002, 003, 004): the 2024 agreement, its
 * organisations with fi/sv/en names, FTE targets, fictional staff meeting the targets, clearances,
 * the Ankkuri and city-level steering groups, the team's meeting places, the 2013–2016 child and youth welfare bodies, and the
 * fictional users with the roles granted to those without client work.
 * Parsed once at import; a schema error here is a bug in the seed and fails loudly.
 */
export const helsinkiAnkkuri: TeamDataset = teamDatasetSchema.parse({
  team: {
    id: helsinkiTeamId,
    code: "helsinki",
    name: { fi: "Ankkuri Helsinki", sv: "Ankkuri Helsingfors", en: "Ankkuri Helsinki" },
    policeDepartmentId: org.police,
    agreementId: helsinkiAgreementId,
    // Helsinki is officially bilingual: its scheduled reports come in Finnish and in Swedish.
    reportLanguages: ["fi", "sv"],
  },
  organisations: [...helsinkiOrganisations, ...helsinki004Organisations],
  agreement: helsinkiAgreement,
  staff: helsinkiStaff,
  assignments: helsinkiAssignments,
  clearances: helsinkiClearances,
  premisesAccess: helsinkiPremisesAccess,
  bodies: [ankkuriSteeringGroup, cityLevelSteeringGroup, jointLeadershipMeeting, ...helsinki004Bodies],
  premises: helsinkiPremises,
  users: helsinkiUsers,
  roleAssignments: helsinkiRoleAssignments,
});
