import { accessChain, caseAccessOn, type CaseMembership } from "../access/case-membership.js";
import { assignmentsInForce, type Directory } from "../access/resolve-actor.js";
import { contains } from "../core/interval.js";
import type { LocalDate } from "../core/local-date.js";
import { type Violation, violation } from "../core/violation.js";
import { indexOrganisations } from "../organisations/organisation.js";
import type { CaseStatus } from "./case.js";
import { notInFuture } from "./case-refusals.js";

/**
 * A staff member's role in a case of the team (003 § 6.1: the operational supervisor coordinates the
 * team's daily work): the lead worker (vastuutyöntekijä, one per case at a time) and the pair workers
 * (työpari). Not to be confused with the responsible social worker of an existing client relationship
 * (a meeting seat of another organisation's worker).
 */
export const caseWorkerRoles = ["lead-worker", "pair-worker"] as const;
export type CaseWorkerRole = (typeof caseWorkerRoles)[number];

/**
 * A staff member assigned to a case from `assignedOn` until the day before `unassignedOn` (the day
 * the assignment was ended; null while in force). Ended assignments are kept as history.
 */
export interface CaseWorkerAssignment {
  id: string;
  caseId: string;
  staffId: string;
  role: CaseWorkerRole;
  assignedOn: LocalDate;
  unassignedOn: LocalDate | null;
}

/** Codes of the rules an assignment is refused by. */
export type CaseWorkerRuleCode =
  | "CASE.FUTURE_DATE"
  | "CASEWORKER.BEFORE_REFERRAL"
  | "CASEWORKER.CASE_NOT_OPEN"
  | "CASEWORKER.NOT_IN_TEAM"
  | "CASEWORKER.NO_CLEARANCE"
  | "CASEWORKER.NO_ACCESS"
  | "CASEWORKER.ALREADY_ASSIGNED"
  | "CASEWORKER.LEAD_TAKEN"
  | "CASEWORKER.NOT_ASSIGNED"
  | "CASEWORKER.UNASSIGN_BEFORE_ASSIGN";

/** True when the assignment is in force on `day`: from its first day until the day before it was ended. */
export function caseWorkerInForce(a: Pick<CaseWorkerAssignment, "assignedOn" | "unassignedOn">, day: LocalDate) {
  return a.assignedOn <= day && (a.unassignedOn === null || day < a.unassignedOn);
}

/** True when the assignment is in force on `day` or any later day (not ended by then). */
function inForceFrom(a: Pick<CaseWorkerAssignment, "unassignedOn">, day: LocalDate) {
  return a.unassignedOn === null || a.unassignedOn > day;
}

/** The case as an assignment is checked against it. */
export interface AssignableCase {
  id: string;
  status: CaseStatus;
  referredOn: LocalDate;
  memberships: readonly Pick<CaseMembership, "organisationId" | "basis" | "from" | "to">[];
}

/** What an assignment is checked against, beyond the request. */
export interface CaseWorkerContext {
  today: LocalDate;
  /** The team's staff, assignments, clearances and organisations (`resolveActor`'s directory). */
  directory: Directory;
  case: AssignableCase;
  /** Every assignment of the case, ended ones included. */
  existing: readonly CaseWorkerAssignment[];
}

/** A request to assign a staff member of the team to a case from a day. */
export interface CaseWorkerRequest {
  staffId: string;
  role: CaseWorkerRole;
  on: LocalDate;
}

const fullName = (directory: Directory, staffId: string) => {
  const s = directory.staff.find((p) => p.id === staffId);
  return s ? `${s.givenName} ${s.familyName}` : staffId;
};

/**
 * Why the staff member may not be assigned (003 § 6.1, § 7, § 9): not on a day in the future nor
 * before the referral, only to a case not declined or closed; the person must hold an assignment in
 * the team in force on the day — for city staff on the police premises only under a valid security
 * clearance — and their organisation must take part in the case in full that day (assigning does not
 * open a case to anyone); a person is assigned once at a time, and a case has one lead worker at a
 * time (the one in force must be ended first). Staff ids the team does not know are the caller's
 * to refuse as not found.
 */
export function caseWorkerRefusals(
  request: CaseWorkerRequest,
  context: CaseWorkerContext,
): Violation<CaseWorkerRuleCode>[] {
  const { directory, existing, today } = context;
  const c = context.case;
  const found: Violation<CaseWorkerRuleCode>[] = [];
  const name = fullName(directory, request.staffId);
  const day = request.on;
  found.push(...(notInFuture(c.id, day, today) as Violation<"CASE.FUTURE_DATE">[]));
  if (day < c.referredOn) {
    found.push(
      violation(
        "CASEWORKER.BEFORE_REFERRAL",
        [c.id],
        {
          fi: `Työntekijää ei voi nimetä asiakkuuteen ennen ohjauspäivää ${c.referredOn}.`,
          sv: `En arbetstagare kan inte utses till klientskapet före hänvisningsdagen ${c.referredOn}.`,
          en: `A worker cannot be assigned to the case before its referral on ${c.referredOn}.`,
        },
        { path: ["on"] },
      ),
    );
  }
  if (c.status === "declined" || c.status === "closed") {
    found.push(
      violation("CASEWORKER.CASE_NOT_OPEN", [c.id], {
        fi: "Asiakkuus on päättynyt tai sitä ei otettu asiakkuudeksi; siihen ei nimetä työntekijöitä.",
        sv: "Klientskapet är avslutat eller togs inte emot; inga arbetstagare utses till det.",
        en: "The case is closed or was declined; no workers are assigned to it.",
      }),
    );
  }
  const inTeam = directory.assignments.some((a) => a.staffId === request.staffId && contains(a.interval, day));
  const effective = assignmentsInForce(directory, request.staffId, day);
  if (!inTeam) {
    found.push(
      violation(
        "CASEWORKER.NOT_IN_TEAM",
        [request.staffId],
        {
          fi: `Henkilöllä ${name} ei ole voimassa olevaa tehtävämääräystä tiimiin ${day}.`,
          sv: `${name} har inget gällande uppdrag i teamet ${day}.`,
          en: `${name} has no assignment in force in the team on ${day}.`,
        },
        { path: ["staffMemberId"] },
      ),
    );
  } else if (effective.length === 0) {
    found.push(
      violation(
        "CASEWORKER.NO_CLEARANCE",
        [request.staffId],
        {
          fi: `Henkilöllä ${name} ei ole ${day} voimassa olevaa turvallisuusselvitystä, jota työ poliisin tiloissa edellyttää.`,
          sv: `${name} har ingen giltig säkerhetsutredning ${day}, vilket arbetet i polisens lokaler förutsätter.`,
          en: `${name} has no valid security clearance on ${day}, which work on the police premises requires.`,
        },
        { path: ["staffMemberId"] },
      ),
    );
  }
  const organisations = indexOrganisations(directory.organisations);
  const access = effective
    .map((a) => caseAccessOn(c.memberships, accessChain(a.organisationId, organisations), day))
    .find((x) => x === "full");
  const unit = effective[0]?.organisationId;
  // Before the referral nobody takes part: the date is refused already.
  if (unit !== undefined && day >= c.referredOn && access !== "full") {
    const org = organisations.get(unit)?.name ?? { fi: unit, sv: unit, en: unit };
    found.push(
      violation(
        "CASEWORKER.NO_ACCESS",
        [request.staffId, c.id],
        {
          fi: `${org.fi} ei osallistu asiakkuuteen täysin perustein ${day}, joten henkilöä ${name} ei voi nimetä siihen.`,
          sv: `${org.sv} deltar inte fullt ut i klientskapet ${day}, så ${name} kan inte utses till det.`,
          en: `${org.en} does not take part in the case in full on ${day}, so ${name} cannot be assigned to it.`,
        },
        { path: ["staffMemberId"] },
      ),
    );
  }
  if (existing.some((a) => a.staffId === request.staffId && inForceFrom(a, day))) {
    found.push(
      violation(
        "CASEWORKER.ALREADY_ASSIGNED",
        [request.staffId, c.id],
        {
          fi: `${name} on jo nimetty asiakkuuteen.`,
          sv: `${name} är redan utsedd till klientskapet.`,
          en: `${name} is already assigned to the case.`,
        },
        { path: ["staffMemberId"] },
      ),
    );
  }
  const lead = existing.find((a) => a.role === "lead-worker" && a.staffId !== request.staffId && inForceFrom(a, day));
  if (request.role === "lead-worker" && lead) {
    const other = fullName(directory, lead.staffId);
    found.push(
      violation(
        "CASEWORKER.LEAD_TAKEN",
        [lead.id, c.id],
        {
          fi: `Asiakkuuden vastuutyöntekijä on ${other}; päätä hänen nimeämisensä ensin.`,
          sv: `Klientskapets ansvariga arbetstagare är ${other}; avsluta det uppdraget först.`,
          en: `The case's lead worker is ${other}; end that assignment first.`,
        },
        { path: ["role"] },
      ),
    );
  }
  return found;
}

/**
 * The staff member's assignment to end (`unassignCaseWorker`) and why it may not be ended: none in
 * force, a day in the future or before the assignment began. An assignment ended on the day it began
 * was never in force; it is kept all the same.
 */
export function caseWorkerEndRefusals(
  request: { staffId: string; on: LocalDate },
  context: Pick<CaseWorkerContext, "today" | "directory" | "existing"> & { caseId: string },
): { assignment: CaseWorkerAssignment | null; refusals: Violation<CaseWorkerRuleCode>[] } {
  const assignment = context.existing.find((a) => a.staffId === request.staffId && a.unassignedOn === null) ?? null;
  const name = fullName(context.directory, request.staffId);
  if (!assignment) {
    return {
      assignment,
      refusals: [
        violation(
          "CASEWORKER.NOT_ASSIGNED",
          [request.staffId, context.caseId],
          {
            fi: `${name} ei ole nimettynä asiakkuuteen.`,
            sv: `${name} är inte utsedd till klientskapet.`,
            en: `${name} is not assigned to the case.`,
          },
          { path: ["staffMemberId"] },
        ),
      ],
    };
  }
  const refusals: Violation<CaseWorkerRuleCode>[] = [
    ...(notInFuture(context.caseId, request.on, context.today) as Violation<"CASE.FUTURE_DATE">[]),
  ];
  if (request.on < assignment.assignedOn) {
    refusals.push(
      violation(
        "CASEWORKER.UNASSIGN_BEFORE_ASSIGN",
        [assignment.id],
        {
          fi: `Nimeämisen ei voi päättää ennen sen alkua ${assignment.assignedOn}.`,
          sv: `Uppdraget kan inte avslutas före dess början ${assignment.assignedOn}.`,
          en: `The assignment cannot end before it began on ${assignment.assignedOn}.`,
        },
        { path: ["on"] },
      ),
    );
  }
  return { assignment, refusals };
}

/** Days ahead that a caseload counts planned meetings for: two weeks from the day, the day included. */
export const caseloadMeetingDays = 14;
