import { isInForce, termsOn } from "../agreement/agreement-terms.js";
import type { Agreement } from "../agreement/agreement.js";
import type { UserAccount } from "../access/user-account.js";
import { contains, type Interval } from "../core/interval.js";
import { addDays, type LocalDate } from "../core/local-date.js";
import { type Violation, violation } from "../core/violation.js";
import { isWithin, type Organisation, organisationName } from "../organisations/organisation.js";
import { isPoliceStaff } from "./counted-assignments.js";
import { validClearanceIntervals } from "./security-clearance.js";
import type { Assignment, PremisesAccess, SecurityClearance, StaffMember } from "./staff.js";

/** Codes of the rules of staff and user administration (003 §§ 5–7). */
export type StaffAdministrationCode =
  | "STAFF.LOGIN_TAKEN"
  | "STAFF.ORGANISATION_NOT_IN_AGREEMENT"
  | "USER.ACCOUNT_EXISTS"
  | "USER.STAFF_HAS_ACCOUNT"
  | "USER.ALREADY_CLOSED"
  | "USER.OWN_ACCOUNT"
  | "USER.CLOSED_IN_PAST"
  | "STAFFING.SUPERVISOR_GAP"
  | "STAFFING.END_BEFORE_START"
  | "STAFFING.CLEARANCE_MISSING"
  | "STAFFING.ACCESS_OUTLASTS_CLEARANCE"
  | "STAFFING.ACCESS_IN_PAST"
  | "STAFFING.ACCESS_END_IN_PAST"
  | "STAFFING.MAIL_ACCOUNT_EXISTS"
  | "STAFFING.MAIL_ACCOUNT_MISSING"
  | "STAFFING.POLICE_STAFF_HAS_MAIL"
  | "STAFFING.CLEARANCE_NOT_GRANTED"
  | "STAFFING.CLEARANCE_ALREADY_REVOKED"
  | "STAFFING.REVOCATION_BEFORE_GRANT";

/** What the staff rules look at: a slice of the team dataset. */
export interface StaffRecords {
  agreement: Agreement;
  organisations: readonly Organisation[];
  staff: readonly StaffMember[];
  clearances: readonly SecurityClearance[];
  premisesAccess: readonly PremisesAccess[];
  users: readonly UserAccount[];
}

/** A person's name as the messages show it (names, not ids). */
export const personName = (person: Pick<StaffMember, "givenName" | "familyName">) =>
  `${person.givenName} ${person.familyName}`;

const nameOfOrganisation = (records: Pick<StaffRecords, "organisations">, id: string) =>
  organisationName(id, records.organisations);

/**
 * A new or changed staff member (003 § 5: the parties staff the team): the login belongs to nobody
 * else of the team, and the employing organisation is a party of the terms in force on `day` or a unit
 * below one. `person.id` of a changed member is left out of the login check.
 */
export function checkStaffMember(
  records: Pick<StaffRecords, "agreement" | "organisations" | "staff">,
  person: Pick<StaffMember, "id" | "organisationId" | "login" | "givenName" | "familyName">,
  day: LocalDate,
): Violation<StaffAdministrationCode>[] {
  const found: Violation<StaffAdministrationCode>[] = [];
  const other = records.staff.find((s) => s.login === person.login && s.id !== person.id);
  if (other) {
    found.push(
      violation(
        "STAFF.LOGIN_TAKEN",
        [other.id],
        {
          fi: `Käyttäjätunnus ${person.login} on jo henkilöllä ${personName(other)}.`,
          sv: `Användarnamnet ${person.login} tillhör redan ${personName(other)}.`,
          en: `The login ${person.login} already belongs to ${personName(other)}.`,
        },
        { path: ["input", "login"] },
      ),
    );
  }
  const index = new Map(records.organisations.map((o) => [o.id, o]));
  const parties = termsOn(records.agreement, day).parties;
  if (
    !index.has(person.organisationId) ||
    !parties.some((p) => isWithin(person.organisationId, p.organisationId, index))
  ) {
    const name = nameOfOrganisation(records, person.organisationId);
    found.push(
      violation(
        "STAFF.ORGANISATION_NOT_IN_AGREEMENT",
        [person.organisationId],
        {
          fi: `${name.fi} ei ole sopimuksen osapuoli eikä sen yksikkö ${day}.`,
          sv: `${name.sv} är inte part i avtalet eller en enhet under en part ${day}.`,
          en: `${name.en} is not a party of the agreement, nor a unit of one, on ${day}.`,
        },
        { path: ["input", "organisationId"] },
      ),
    );
  }
  return found;
}

/**
 * Opening a login for a staff member (DOMAIN § 5: a login says who someone is): one account per login
 * in the team, and one per person; a closed account is not reopened by a new one.
 */
export function checkAccountOpening(
  records: Pick<StaffRecords, "users">,
  person: Pick<StaffMember, "id" | "login" | "givenName" | "familyName">,
): Violation<StaffAdministrationCode>[] {
  const byLogin = records.users.find((u) => u.login === person.login);
  if (byLogin) {
    return [
      violation(
        "USER.ACCOUNT_EXISTS",
        [person.id],
        {
          fi: `Käyttäjätunnus ${person.login} on jo olemassa${byLogin.closedOn ? ` (suljettu ${byLogin.closedOn})` : ""}.`,
          sv: `Användarnamnet ${person.login} finns redan${byLogin.closedOn ? ` (stängt ${byLogin.closedOn})` : ""}.`,
          en: `The login ${person.login} exists already${byLogin.closedOn ? ` (closed on ${byLogin.closedOn})` : ""}.`,
        },
        { path: ["staffId"] },
      ),
    ];
  }
  if (records.users.some((u) => u.staffId === person.id && u.closedOn === null)) {
    return [
      violation(
        "USER.STAFF_HAS_ACCOUNT",
        [person.id],
        {
          fi: `Henkilöllä ${personName(person)} on jo käyttäjätunnus.`,
          sv: `${personName(person)} har redan ett användarkonto.`,
          en: `${personName(person)} has an account already.`,
        },
        { path: ["staffId"] },
      ),
    ];
  }
  return [];
}

/**
 * Closing a login from `closedOn` (it signs nobody in from that day): not an account closed already,
 * not the administrator's own (nobody locks the team out by mistake), and not back-dated before
 * `today`, since requests made before today were made with an open account.
 */
export function checkAccountClosing(
  account: UserAccount,
  closedOn: LocalDate,
  today: LocalDate,
  actorLogin: string,
): Violation<StaffAdministrationCode>[] {
  if (account.closedOn !== null) {
    return [
      violation("USER.ALREADY_CLOSED", [account.login], {
        fi: `Käyttäjän ${account.displayName} tunnus on suljettu jo ${account.closedOn}.`,
        sv: `Kontot för ${account.displayName} stängdes redan ${account.closedOn}.`,
        en: `The account of ${account.displayName} was closed on ${account.closedOn} already.`,
      }),
    ];
  }
  if (account.login === actorLogin) {
    return [
      violation("USER.OWN_ACCOUNT", [account.login], {
        fi: "Omaa käyttäjätunnusta ei voi sulkea; pyydä toista pääkäyttäjää.",
        sv: "Du kan inte stänga ditt eget konto; be en annan administratör.",
        en: "You cannot close your own account; ask another administrator.",
      }),
    ];
  }
  if (closedOn < today) {
    return [
      violation(
        "USER.CLOSED_IN_PAST",
        [account.login],
        {
          fi: `Tunnusta ei voi sulkea takautuvasti (${closedOn}); aikaisintaan ${today}.`,
          sv: `Kontot kan inte stängas retroaktivt (${closedOn}); tidigast ${today}.`,
          en: `An account cannot be closed retroactively (${closedOn}); ${today} at the earliest.`,
        },
        { path: ["closedOn"] },
      ),
    ];
  }
  return [];
}

/** An assignment ends on `lastDay` at the earliest on its first day. */
export function checkAssignmentEnd(assignment: Assignment, lastDay: LocalDate): Violation<StaffAdministrationCode>[] {
  return lastDay < assignment.interval.from
    ? [
        violation(
          "STAFFING.END_BEFORE_START",
          [assignment.id],
          {
            fi: `Tehtävä alkaa ${assignment.interval.from}; se voi päättyä aikaisintaan silloin.`,
            sv: `Uppdraget börjar ${assignment.interval.from}; det kan sluta tidigast då.`,
            en: `The assignment starts on ${assignment.interval.from}; it can end on that day at the earliest.`,
          },
          { path: ["validTo"] },
        ),
      ]
    : [];
}

/**
 * The supervisor's handover (003 § 6.1, one operational supervisor on every day the agreement is in
 * force): ending `ending` after `lastDay` leaves a gap unless another supervisor assignment covers the
 * next day. The gap runs from the next day until the next supervisor starts (null: open). Null when
 * there is no gap: the assignment is not a supervisor's, did not run past `lastDay`, the agreement is
 * not in force the next day, or a successor starts then.
 */
export function supervisorGap(
  agreement: Agreement,
  assignments: readonly Assignment[],
  ending: Assignment,
  lastDay: LocalDate,
  successors: readonly Assignment[] = [],
): { gap: Interval; violation: Violation<StaffAdministrationCode> } | null {
  if (ending.role !== "operational-supervisor") return null;
  const next = addDays(lastDay, 1);
  if (!contains(ending.interval, next)) return null;
  if (!isInForce(agreement, next)) return null;
  const others = [...assignments.filter((a) => a.id !== ending.id), ...successors].filter(
    (a) => a.role === "operational-supervisor",
  );
  if (others.some((a) => contains(a.interval, next))) return null;
  const starts = others.map((a) => a.interval.from).filter((d) => d > next);
  const to = starts.length === 0 ? null : addDays(starts.sort()[0] as LocalDate, -1);
  const range = to === null ? `${next}–` : `${next}–${to}`;
  return {
    gap: { from: next, to },
    violation: violation("STAFFING.SUPERVISOR_GAP", [ending.id], {
      fi: `Operatiivista esimiestä ei olisi ajalla ${range}: nimeä seuraaja, joka aloittaa ${next}.`,
      sv: `Ingen operativ chef under tiden ${range}: utse en efterträdare som börjar ${next}.`,
      en: `There would be no operational supervisor from ${range}: name a successor who starts on ${next}.`,
    }),
  };
}

/** Whether `staffId` is police staff on `day` (they need no clearance for the police premises). */
function policeOn(
  records: Pick<StaffRecords, "agreement" | "organisations" | "staff">,
  staffId: string,
  day: LocalDate,
) {
  return isPoliceStaff(records, { from: day, to: day })(staffId);
}

/**
 * Granting a personal, limited access right to the police premises (003 § 7: "luovutetaan
 * henkilökohtainen, rajattu kulkuoikeus" once the clearance is done): a city employee needs a valid
 * clearance on the first day, and the right may not outlast it (its last day at the latest the
 * clearance's). Police staff need none. Not back-dated before `today`.
 */
export function checkPremisesGrant(
  records: Pick<StaffRecords, "agreement" | "organisations" | "staff" | "clearances">,
  person: StaffMember,
  interval: Interval,
  today: LocalDate,
): Violation<StaffAdministrationCode>[] {
  if (interval.from < today) {
    return [
      violation(
        "STAFFING.ACCESS_IN_PAST",
        [person.id],
        {
          fi: `Kulkuoikeutta ei voi myöntää takautuvasti (${interval.from}).`,
          sv: `Passerrätt kan inte beviljas retroaktivt (${interval.from}).`,
          en: `An access right cannot be granted retroactively (${interval.from}).`,
        },
        { path: ["input", "validFrom"] },
      ),
    ];
  }
  if (policeOn(records, person.id, interval.from)) return [];
  const covering = validClearanceIntervals(person.id, records.clearances).find((c) => contains(c, interval.from));
  if (!covering) return [clearanceMissing(person, interval.from, ["input", "validFrom"])];
  if (covering.to !== null && (interval.to === null || interval.to > covering.to)) {
    return [
      violation(
        "STAFFING.ACCESS_OUTLASTS_CLEARANCE",
        [person.id],
        {
          fi: `Henkilön ${personName(person)} turvallisuusselvitys on voimassa ${covering.to} asti; kulkuoikeus voi päättyä viimeistään silloin.`,
          sv: `Säkerhetsutredningen för ${personName(person)} gäller till ${covering.to}; passerrätten kan gälla högst så länge.`,
          en: `The security clearance of ${personName(person)} is valid until ${covering.to}; the access right may last until then at most.`,
        },
        { path: ["input", "validTo"] },
      ),
    ];
  }
  return [];
}

function clearanceMissing(person: StaffMember, day: LocalDate, path: string[]): Violation<StaffAdministrationCode> {
  return violation(
    "STAFFING.CLEARANCE_MISSING",
    [person.id],
    {
      fi: `Henkilöllä ${personName(person)} ei ole voimassa olevaa turvallisuusselvitystä ${day}.`,
      sv: `${personName(person)} har ingen giltig säkerhetsutredning ${day}.`,
      en: `${personName(person)} holds no valid security clearance on ${day}.`,
    },
    { path },
  );
}

/**
 * Ending an access right on `lastDay`: at the earliest on its first day, and not before yesterday, so
 * that no day already passed with access is rewritten.
 */
export function checkAccessEnd(
  access: PremisesAccess,
  lastDay: LocalDate,
  today: LocalDate,
): Violation<StaffAdministrationCode>[] {
  const yesterday = addDays(today, -1);
  const earliest = access.interval.from > yesterday ? access.interval.from : yesterday;
  return lastDay < earliest
    ? [
        violation(
          "STAFFING.ACCESS_END_IN_PAST",
          [access.id],
          {
            fi: `Kulkuoikeus voi päättyä aikaisintaan ${earliest}.`,
            sv: `Passerrätten kan upphöra tidigast ${earliest}.`,
            en: `The access right can end on ${earliest} at the earliest.`,
          },
          { path: ["lastDay"] },
        ),
      ]
    : [];
}

/**
 * Giving a city employee a police mail account for confidential messages (003 § 7): only with a
 * clearance in force on `day`, not twice, and not to police staff (they have their own).
 */
export function checkMailAccountGrant(
  records: Pick<StaffRecords, "agreement" | "organisations" | "staff" | "clearances">,
  person: StaffMember,
  day: LocalDate,
): Violation<StaffAdministrationCode>[] {
  if (policeOn(records, person.id, day)) {
    return [
      violation("STAFFING.POLICE_STAFF_HAS_MAIL", [person.id], {
        fi: `${personName(person)} on poliisin henkilöstöä ja käyttää poliisin omaa sähköpostia.`,
        sv: `${personName(person)} hör till polisens personal och använder polisens egen e-post.`,
        en: `${personName(person)} is police staff and uses the police's own mail.`,
      }),
    ];
  }
  if (person.policeMailAccount) {
    return [
      violation("STAFFING.MAIL_ACCOUNT_EXISTS", [person.id], {
        fi: `Henkilöllä ${personName(person)} on jo poliisin sähköpostitili.`,
        sv: `${personName(person)} har redan ett e-postkonto hos polisen.`,
        en: `${personName(person)} has a police mail account already.`,
      }),
    ];
  }
  if (!validClearanceIntervals(person.id, records.clearances).some((c) => contains(c, day))) {
    return [clearanceMissing(person, day, ["staffId"])];
  }
  return [];
}

/** Closing a police mail account: only one that is open. */
export function checkMailAccountClosing(person: StaffMember): Violation<StaffAdministrationCode>[] {
  return person.policeMailAccount
    ? []
    : [
        violation("STAFFING.MAIL_ACCOUNT_MISSING", [person.id], {
          fi: `Henkilöllä ${personName(person)} ei ole poliisin sähköpostitiliä.`,
          sv: `${personName(person)} har inget e-postkonto hos polisen.`,
          en: `${personName(person)} has no police mail account.`,
        }),
      ];
}

/**
 * Revoking a security clearance from `revokedOn` (it is valid until the day before): only a granted
 * clearance, once, and not before it was granted.
 */
export function checkClearanceRevocation(
  clearance: SecurityClearance,
  person: StaffMember,
  revokedOn: LocalDate,
): Violation<StaffAdministrationCode>[] {
  if (clearance.grantedOn === null || clearance.deniedOn !== null) {
    return [
      violation("STAFFING.CLEARANCE_NOT_GRANTED", [clearance.id], {
        fi: `Henkilön ${personName(person)} turvallisuusselvitystä ei ole myönnetty; sitä ei voi perua.`,
        sv: `Säkerhetsutredningen för ${personName(person)} har inte beviljats; den kan inte återkallas.`,
        en: `The security clearance of ${personName(person)} was never granted; it cannot be revoked.`,
      }),
    ];
  }
  if (clearance.revokedOn !== null) {
    return [
      violation("STAFFING.CLEARANCE_ALREADY_REVOKED", [clearance.id], {
        fi: `Henkilön ${personName(person)} turvallisuusselvitys on peruttu jo ${clearance.revokedOn}.`,
        sv: `Säkerhetsutredningen för ${personName(person)} återkallades redan ${clearance.revokedOn}.`,
        en: `The security clearance of ${personName(person)} was revoked on ${clearance.revokedOn} already.`,
      }),
    ];
  }
  if (revokedOn < clearance.grantedOn) {
    return [
      violation(
        "STAFFING.REVOCATION_BEFORE_GRANT",
        [clearance.id],
        {
          fi: `Peruutus (${revokedOn}) ei voi edeltää myöntämistä (${clearance.grantedOn}).`,
          sv: `Återkallelsen (${revokedOn}) kan inte föregå beviljandet (${clearance.grantedOn}).`,
          en: `A revocation (${revokedOn}) cannot precede the grant (${clearance.grantedOn}).`,
        },
        { path: ["revokedOn"] },
      ),
    ];
  }
  return [];
}

/**
 * What a revocation takes with it (003 § 7: access and the mail account rest on the clearance): for a
 * city employee left without a valid clearance from `revokedOn`, access rights in force then end the
 * day before (or are withdrawn, when they had not begun), and the police mail account closes.
 */
export function withdrawnWithClearance(
  records: Pick<StaffRecords, "agreement" | "organisations" | "staff" | "clearances" | "premisesAccess">,
  clearance: SecurityClearance,
  revokedOn: LocalDate,
): { endAccess: { id: string; validTo: LocalDate }[]; withdrawAccess: string[]; closeMailAccount: boolean } {
  const none = { endAccess: [], withdrawAccess: [], closeMailAccount: false };
  const person = records.staff.find((s) => s.id === clearance.staffId);
  if (!person || policeOn(records, person.id, revokedOn)) return none;
  const after = records.clearances.map((c) => (c.id === clearance.id ? { ...c, revokedOn } : c));
  if (validClearanceIntervals(person.id, after).some((c) => contains(c, revokedOn))) return none;
  const lastDay = addDays(revokedOn, -1);
  const own = records.premisesAccess.filter(
    (p) => p.staffId === person.id && (p.interval.to ?? revokedOn) >= revokedOn,
  );
  return {
    endAccess: own.filter((p) => p.interval.from <= lastDay).map((p) => ({ id: p.id, validTo: lastDay })),
    withdrawAccess: own.filter((p) => p.interval.from > lastDay).map((p) => p.id),
    closeMailAccount: person.policeMailAccount,
  };
}
