import { isInForce, agreementEnd, supplierOn, termsOn } from "../agreement/agreement-terms.js";
import type { Agreement } from "../agreement/agreement.js";
import { coverage } from "../core/coverage.js";
import { intersection, type Interval, type Period } from "../core/interval.js";
import { maxDate, minDate } from "../core/local-date.js";
import { type Violation, violation } from "../core/violation.js";
import type { Organisation } from "../organisations/organisation.js";
import { countedAssignments, isPoliceStaff } from "./counted-assignments.js";
import { hundredths } from "./fte.js";
import { fteReport } from "./fte-report.js";
import {
  type ClearancePolicy,
  clearanceInterval,
  defaultClearancePolicy,
  validClearanceIntervals,
} from "./security-clearance.js";
import type { Assignment, PremisesAccess, SecurityClearance, StaffMember } from "./staff.js";

export type StaffingViolationCode =
  | "STAFFING.UNKNOWN_STAFF"
  | "STAFFING.TEAM_MISMATCH"
  | "STAFFING.UNIT_NOT_IN_TEAM"
  | "STAFFING.OVER_ALLOCATED"
  | "STAFFING.SUPERVISOR_GAP"
  | "STAFFING.SUPERVISOR_OVERLAP"
  | "STAFFING.SUPERVISOR_NOT_POLICE"
  | "STAFFING.AWAITING_CLEARANCE"
  | "STAFFING.ACCESS_WITHOUT_CLEARANCE"
  | "STAFFING.CLEARANCE_NOT_BY_POLICE"
  | "STAFFING.TARGET_SHORTFALL";

/** Everything {@link checkStaffing} looks at. */
export interface StaffingCheckInput {
  agreement: Agreement;
  organisations: readonly Organisation[];
  staff: readonly StaffMember[];
  assignments: readonly Assignment[];
  clearances: readonly SecurityClearance[];
  premisesAccess: readonly PremisesAccess[];
  /** The days to check (e.g. a reporting year, or one day for "today"). */
  period: Period;
  policy?: ClearancePolicy;
}

/**
 * Checks staffing over a period against 003 §§ 5–7: assignments refer to known staff of the same team
 * and to the team's staffing units; nobody is over 1.0 FTE on any day; exactly one operational
 * supervisor, a police officer, on every day the agreement is in force; city staff work on police
 * premises only with a valid clearance requested by the police; FTE targets are met (a warning).
 */
export function checkStaffing(input: StaffingCheckInput): Violation<StaffingViolationCode>[] {
  const { agreement, period } = input;
  const policy = input.policy ?? defaultClearancePolicy;
  const staffById = new Map(input.staff.map((s) => [s.id, s]));
  const supplierId = supplierOn(agreement, period.from);
  const isPolice = isPoliceStaff(input, period);
  const needsClearance = (a: Assignment) => a.needsPremisesAccess && !isPolice(a.staffId);
  const found: Violation<StaffingViolationCode>[] = [];

  for (const a of input.assignments) {
    const person = staffById.get(a.staffId);
    if (!person) {
      found.push(
        violation("STAFFING.UNKNOWN_STAFF", [a.id, a.staffId], {
          fi: "Tehtävän henkilöä ei löydy työryhmän henkilöstöstä.",
          sv: "Personen i uppdraget finns inte bland teamets personal.",
          en: "An assignment names a person who is not on the team's staff.",
        }),
      );
    } else if (person.teamId !== agreement.teamId || a.teamId !== agreement.teamId) {
      found.push(
        violation("STAFFING.TEAM_MISMATCH", [a.id, a.staffId], {
          fi: "Tehtävä kuuluu toiseen työryhmään.",
          sv: "Uppdraget hör till ett annat team.",
          en: "An assignment belongs to another team.",
        }),
      );
    }
    if (!termsOn(agreement, a.interval.from).teamUnits.some((u) => u.organisationId === a.organisationId)) {
      found.push(
        violation("STAFFING.UNIT_NOT_IN_TEAM", [a.id, a.organisationId], {
          fi: "Tehtävän yksikkö ei ole sopimuksen mukainen työryhmän yksikkö.",
          sv: "Uppdragets enhet är inte en av teamets enheter enligt avtalet.",
          en: "An assignment counts for a unit that is not a staffing unit of the agreement.",
        }),
      );
    }
  }

  found.push(...overAllocation(input.assignments, period));
  found.push(...supervisorCoverage(agreement, input.assignments, period, isPolice));
  found.push(...clearanceFindings(input, needsClearance, isPolice, supplierId, policy));

  const report = fteReport(agreement, countedAssignments(input, period, policy), period);
  for (const row of report.units.filter((r) => r.difference < -0.005)) {
    found.push(
      violation(
        "STAFFING.TARGET_SHORTFALL",
        [row.organisationId],
        {
          fi: `Yksikön toteutunut htv ${row.realised.toFixed(2)} jää tavoitteesta ${row.target.toFixed(2)} (${period.from}–${period.to}).`,
          sv: `Enhetens förverkligade årsverken, ${row.realised.toFixed(2)}, understiger målet ${row.target.toFixed(2)} (${period.from}–${period.to}).`,
          en: `A unit realised ${row.realised.toFixed(2)} FTE against a target of ${row.target.toFixed(2)} (${period.from}–${period.to}).`,
        },
        { severity: "warning" },
      ),
    );
  }
  return found;
}

/** One person's assignments may never sum above 1.0 FTE on any day (DOMAIN § 3). */
function overAllocation(assignments: readonly Assignment[], period: Period): Violation<StaffingViolationCode>[] {
  const byPerson = new Map<string, Assignment[]>();
  for (const a of assignments) byPerson.set(a.staffId, [...(byPerson.get(a.staffId) ?? []), a]);
  const found: Violation<StaffingViolationCode>[] = [];
  for (const [staffId, own] of byPerson) {
    const covers = own.map((a) => ({ id: a.id, interval: a.interval, weight: hundredths(a.fraction) }));
    for (const s of coverage(covers, period).filter((seg) => seg.total > 100)) {
      found.push(
        violation("STAFFING.OVER_ALLOCATED", [staffId, ...s.ids], {
          fi: `Henkilön tehtävät ovat yhteensä ${(s.total / 100).toFixed(2)} htv ajalla ${s.from}–${s.to}; enintään 1,0.`,
          sv: `Personens uppdrag uppgår till sammanlagt ${(s.total / 100).toFixed(2)} årsverken under tiden ${s.from}–${s.to}; högst 1,0 är möjligt.`,
          en: `A staff member is assigned ${(s.total / 100).toFixed(2)} FTE from ${s.from} to ${s.to}; at most 1.0 is possible.`,
        }),
      );
    }
  }
  return found;
}

/** Exactly one operational supervisor, a police officer, on every day the agreement is in force (003 § 6.1). */
function supervisorCoverage(
  agreement: Agreement,
  assignments: readonly Assignment[],
  period: Period,
  isPolice: (staffId: string) => boolean,
): Violation<StaffingViolationCode>[] {
  const found: Violation<StaffingViolationCode>[] = [];
  const supervisors = assignments.filter((a) => a.role === "operational-supervisor");
  for (const a of supervisors.filter((s) => !isPolice(s.staffId))) {
    found.push(
      violation("STAFFING.SUPERVISOR_NOT_POLICE", [a.id, a.staffId], {
        fi: "Operatiivisen esimiehen on oltava poliisin henkilöstöä.",
        sv: "Den operativa chefen ska höra till polisens personal.",
        en: "The operational supervisor must be police staff.",
      }),
    );
  }
  const end = agreementEnd(agreement);
  const window = {
    from: maxDate(period.from, agreement.startsOn),
    to: end === null ? period.to : minDate(period.to, end),
  };
  if (window.to < window.from || !isInForce(agreement, window.from)) return found;
  const covers = supervisors.map((a) => ({ id: a.id, interval: a.interval, weight: 1 }));
  for (const s of coverage(covers, window)) {
    if (s.total === 0) {
      found.push(
        violation("STAFFING.SUPERVISOR_GAP", [agreement.id], {
          fi: `Operatiivista esimiestä ei ole nimetty ajalle ${s.from}–${s.to}.`,
          sv: `Ingen operativ chef har utsetts för tiden ${s.from}–${s.to}.`,
          en: `No operational supervisor from ${s.from} to ${s.to}.`,
        }),
      );
    } else if (s.total > 1) {
      found.push(
        violation("STAFFING.SUPERVISOR_OVERLAP", s.ids, {
          fi: `Operatiivisia esimiehiä on ${s.total} ajalla ${s.from}–${s.to}; tulee olla yksi.`,
          sv: `Det finns ${s.total} operativa chefer under tiden ${s.from}–${s.to}; det ska finnas en.`,
          en: `${s.total} operational supervisors from ${s.from} to ${s.to}; there must be one.`,
        }),
      );
    }
  }
  return found;
}

function clearanceFindings(
  input: StaffingCheckInput,
  needsClearance: (a: Assignment) => boolean,
  isPolice: (staffId: string) => boolean,
  supplierId: string | undefined,
  policy: ClearancePolicy,
): Violation<StaffingViolationCode>[] {
  const found: Violation<StaffingViolationCode>[] = [];
  const { period } = input;
  const uncovered = (staffId: string, interval: Interval) => {
    const covers = validClearanceIntervals(staffId, input.clearances, policy).map((i, n) => ({
      id: String(n),
      interval: i,
      weight: 1,
    }));
    const window = intersection(interval, period);
    return window === null
      ? []
      : coverage(covers, { from: window.from, to: window.to ?? period.to }).filter((s) => s.total === 0);
  };
  for (const a of input.assignments.filter(needsClearance)) {
    for (const gap of uncovered(a.staffId, a.interval)) {
      found.push(
        violation(
          "STAFFING.AWAITING_CLEARANCE",
          [a.id, a.staffId],
          {
            fi: `Tehtävä ei ole voimassa ajalla ${gap.from}–${gap.to}: turvallisuusselvitys puuttuu.`,
            sv: `Uppdraget gäller inte under tiden ${gap.from}–${gap.to}: säkerhetsutredning saknas.`,
            en: `An assignment is not active from ${gap.from} to ${gap.to}: no valid security clearance.`,
          },
          { severity: "warning" },
        ),
      );
    }
  }
  for (const access of input.premisesAccess.filter((p) => !isPolice(p.staffId))) {
    for (const gap of uncovered(access.staffId, access.interval)) {
      found.push(
        violation("STAFFING.ACCESS_WITHOUT_CLEARANCE", [access.id, access.staffId], {
          fi: `Kulkuoikeus on voimassa ajalla ${gap.from}–${gap.to} ilman turvallisuusselvitystä.`,
          sv: `Passerrätten gäller under tiden ${gap.from}–${gap.to} utan säkerhetsutredning.`,
          en: `An access right is valid from ${gap.from} to ${gap.to} without a security clearance.`,
        }),
      );
    }
  }
  for (const c of input.clearances.filter((c) => clearanceInterval(c) !== null && c.requestedById !== supplierId)) {
    found.push(
      violation("STAFFING.CLEARANCE_NOT_BY_POLICE", [c.id, c.staffId], {
        fi: "Turvallisuusselvityksen pyytäjän on oltava poliisilaitos.",
        sv: "Säkerhetsutredningen ska begäras av polisinrättningen.",
        en: "A security clearance must be requested by the police department.",
      }),
    );
  }
  return found;
}
