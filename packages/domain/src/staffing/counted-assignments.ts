import type { Agreement } from "../agreement/agreement.js";
import { supplierOn } from "../agreement/agreement-terms.js";
import type { Period } from "../core/interval.js";
import { isWithin, type OrganisationLink } from "../organisations/organisation.js";
import { type ClearancePolicy, defaultClearancePolicy, effectiveAssignments } from "./security-clearance.js";
import type { Assignment, SecurityClearance, StaffMember } from "./staff.js";

/** The records FTE is counted from; a team dataset holds them all. */
export interface StaffingRecords {
  agreement: Agreement;
  organisations: readonly OrganisationLink[];
  staff: readonly Pick<StaffMember, "id" | "organisationId">[];
  assignments: readonly Assignment[];
  clearances: readonly SecurityClearance[];
}

/**
 * Whether a staff member is police staff over `period`: employed by the agreement's supplier or a unit
 * below it, the supplier being the one of the terms in effect on the period's first day. Unknown
 * staff are not police staff.
 */
export function isPoliceStaff(
  records: Pick<StaffingRecords, "agreement" | "organisations" | "staff">,
  period: Period,
): (staffId: string) => boolean {
  const supplierId = supplierOn(records.agreement, period.from);
  const index = new Map(records.organisations.map((o) => [o.id, o]));
  const organisationOf = new Map(records.staff.map((s) => [s.id, s.organisationId]));
  return (staffId) => {
    const organisationId = organisationOf.get(staffId);
    return organisationId !== undefined && supplierId !== undefined && isWithin(organisationId, supplierId, index);
  };
}

/**
 * The team's assignments as they count towards FTE over `period` (003 §§ 5, 7), the input of
 * `fteReport`: work that needs the police premises counts, for anyone but police staff (see
 * {@link isPoliceStaff}), only on the days the person holds a valid clearance of sufficient scope, so
 * such an assignment may shrink or split; other work counts as assigned. The FTE dashboard, the
 * reports and `checkStaffing` all count this way.
 */
export function countedAssignments(
  records: StaffingRecords,
  period: Period,
  policy: ClearancePolicy = defaultClearancePolicy,
): Assignment[] {
  const isPolice = isPoliceStaff(records, period);
  return effectiveAssignments(
    records.assignments,
    records.clearances,
    (a) => a.needsPremisesAccess && !isPolice(a.staffId),
    policy,
  );
}
