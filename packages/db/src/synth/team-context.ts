import {
  type Agreement,
  coreOrganisationIds,
  type LocalDate,
  type Profession,
  selectionOrganisationIds,
  selectionProfessions,
  type StaffMember,
  type TeamDataset,
} from "@ankkuri/domain";

/** What the case generator needs to know of one team. */
export interface TeamContext {
  teamId: string;
  agreement: Agreement;
  policeDepartmentId: string;
  /** Staff by profession (every profession present in the team). */
  staffByProfession: ReadonlyMap<Profession, readonly StaffMember[]>;
  /** Professions of the client selection, each with at least one member (003 § 4.2). */
  selectionStaff: readonly (readonly StaffMember[])[];
  /** Social workers record consents; anyone else when the team has none. */
  recorders: readonly StaffMember[];
  /** `coreOrganisationIds(agreement, date)`, cached by day. */
  coreOn(date: LocalDate): readonly string[];
  /** `selectionOrganisationIds(agreement, date)`, cached by day. */
  selectionOn(date: LocalDate): readonly string[];
  /** Staff of the core team's organisations on `date`, grouped by profession; cached by day. */
  coreStaffOn(date: LocalDate): readonly (readonly StaffMember[])[];
}

function cached<T>(compute: (date: LocalDate) => T): (date: LocalDate) => T {
  const memo = new Map<LocalDate, T>();
  return (date) => {
    let value = memo.get(date);
    if (value === undefined) memo.set(date, (value = compute(date)));
    return value;
  };
}

/** The generator's view of a seeded team. Throws when the team cannot select clients. */
export function teamContext(dataset: TeamDataset): TeamContext {
  const staffByProfession = new Map<Profession, StaffMember[]>();
  for (const s of dataset.staff)
    staffByProfession.set(s.profession, [...(staffByProfession.get(s.profession) ?? []), s]);
  const selectionStaff = selectionProfessions.map((p) => {
    const members = staffByProfession.get(p) ?? [];
    if (members.length === 0) throw new Error(`team ${dataset.team.id} has no ${p}: it cannot select clients`);
    return members;
  });
  const agreement = dataset.agreement;
  const coreOn = cached((date) => coreOrganisationIds(agreement, date));
  return {
    teamId: dataset.team.id,
    agreement,
    policeDepartmentId: dataset.team.policeDepartmentId,
    staffByProfession,
    selectionStaff,
    recorders: staffByProfession.get("social-worker") ?? dataset.staff,
    coreOn,
    selectionOn: cached((date) => selectionOrganisationIds(agreement, date)),
    coreStaffOn: cached((date) => {
      const core = new Set(coreOn(date));
      return [...staffByProfession.values()]
        .map((members) => members.filter((s) => core.has(s.organisationId)))
        .filter((members) => members.length > 0);
    }),
  };
}
