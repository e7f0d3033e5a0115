import { z } from "zod";
import { agreementSchema } from "../agreement/agreement.js";
import { checkAgreement } from "../agreement/agreement-rules.js";
import type { Period } from "../core/interval.js";
import { type Violation, violation } from "../core/violation.js";
import { checkRotation } from "../governance/chair-rotation.js";
import { checkBodies, cooperationBodySchema } from "../governance/cooperation-body.js";
import { indexOrganisations, organisationSchema } from "../organisations/organisation.js";
import { checkOrganisations } from "../organisations/organisation-rules.js";
import { checkStaffing } from "../staffing/check-staffing.js";
import {
  assignmentSchema,
  premisesAccessSchema,
  securityClearanceSchema,
  staffMemberSchema,
} from "../staffing/staff.js";
import { premisesSchema } from "../teams/premises.js";
import { teamSchema } from "../teams/team.js";
import { roleAssignmentSchema, userAccountSchema } from "../access/user-account.js";

/**
 * Everything that defines one team apart from its cases: the team, the organisations it works with,
 * its agreement, staff and their assignments and clearances, and its cooperation bodies. Seed data and
 * imports are validated against this schema.
 */
export const teamDatasetSchema = z.object({
  team: teamSchema,
  organisations: z.array(organisationSchema),
  agreement: agreementSchema,
  staff: z.array(staffMemberSchema),
  assignments: z.array(assignmentSchema),
  clearances: z.array(securityClearanceSchema),
  premisesAccess: z.array(premisesAccessSchema),
  bodies: z.array(cooperationBodySchema),
  /** The places the team holds client meetings in (003 § 7). */
  premises: z.array(premisesSchema).default([]),
  /** The people who sign in: what each may do on a day comes from their assignments (`resolveActor`). */
  users: z.array(userAccountSchema).default([]),
  roleAssignments: z.array(roleAssignmentSchema).default([]),
});
export type TeamDataset = z.output<typeof teamDatasetSchema>;
export type TeamDatasetInput = z.input<typeof teamDatasetSchema>;

/**
 * Every rule check over a dataset: the organisation tree, the agreement, staffing over `period`, bodies
 * and rotations, and team integrity — every team-scoped record belongs to the dataset's team, and
 * every referenced organisation exists.
 */
export function checkTeamDataset(dataset: TeamDataset, period: Period): Violation[] {
  const { team } = dataset;
  const index = indexOrganisations(dataset.organisations);
  const found: Violation[] = [
    ...checkOrganisations(dataset.organisations),
    ...checkAgreement(dataset.agreement),
    ...checkStaffing({ ...dataset, period }),
    ...checkBodies(dataset.bodies, index),
    ...dataset.bodies.flatMap((b) => (b.chairPolicy.kind === "rotating" ? checkRotation(b.chairPolicy.rotation) : [])),
  ];
  const scoped = [
    dataset.agreement,
    ...dataset.staff,
    ...dataset.assignments,
    ...dataset.bodies,
    ...dataset.premises,
    ...dataset.users.map((u) => ({ ...u, id: u.login })),
    ...dataset.roleAssignments,
  ];
  for (const record of scoped.filter((r) => r.teamId !== team.id)) {
    found.push(
      violation("TEAM.FOREIGN_RECORD", [record.id, record.teamId], {
        fi: "Aineiston tietue kuuluu toiseen työryhmään.",
        sv: "En post i materialet hör till ett annat team.",
        en: "A record of the dataset belongs to another team.",
      }),
    );
  }
  if (dataset.agreement.id !== team.agreementId) {
    found.push(
      violation("TEAM.AGREEMENT_MISMATCH", [team.id, dataset.agreement.id], {
        fi: "Työryhmän sopimus ei ole aineiston sopimus.",
        sv: "Teamets avtal är inte materialets avtal.",
        en: "The team's agreement is not the dataset's agreement.",
      }),
    );
  }
  const referenced = [
    team.policeDepartmentId,
    ...dataset.agreement.versions.flatMap((v) => [
      ...v.parties.map((p) => p.organisationId),
      ...v.teamUnits.map((u) => u.organisationId),
    ]),
    ...dataset.staff.map((s) => s.organisationId),
    ...dataset.bodies.flatMap((b) => b.seats.map((s) => s.organisationId)),
    ...dataset.roleAssignments.map((r) => r.organisationId),
    ...dataset.premises.map((p) => p.organisationId),
  ];
  for (const id of new Set(referenced.filter((r) => !index.has(r)))) {
    found.push(
      violation("TEAM.UNKNOWN_ORGANISATION", [id], {
        fi: "Tietueen organisaatiota ei ole aineistossa.",
        sv: "Postens organisation finns inte i materialet.",
        en: "A record's organisation is not in the dataset.",
      }),
    );
  }
  return found;
}
