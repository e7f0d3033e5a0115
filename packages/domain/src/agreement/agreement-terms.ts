import type { OrganisationId } from "../core/ids.js";
import { addMonths, helsinkiDayOf, type LocalDate } from "../core/local-date.js";
import { selectionProfessions } from "../staffing/profession.js";
import type { Agreement, AgreementVersion } from "./agreement.js";

/** Parties of `version` that have not signed it (003, signatures: every party signs each version). */
export function unsignedParties(
  agreement: Pick<Agreement, "signatures">,
  version: Pick<AgreementVersion, "number"> & { parties: readonly { organisationId: string }[] },
): OrganisationId[] {
  const signed = new Set(
    agreement.signatures.filter((s) => s.versionNumber === version.number).map((s) => s.organisationId),
  );
  return version.parties.map((p) => p.organisationId).filter((id) => !signed.has(id));
}

/** True when every party of `version` has signed it: only then can an amendment come into force. */
export function isFullySigned(agreement: Agreement, version: AgreementVersion): boolean {
  return unsignedParties(agreement, version).length === 0;
}

/** The day (in Helsinki) a signature was given. */
export function signedOn(signedAt: string): LocalDate {
  return helsinkiDayOf(new Date(signedAt));
}

/**
 * The first day `version` is in force: its effective date, or the day its last party signed it when
 * that is later (a version never comes into force retroactively). Null while a party has not signed.
 */
export function versionInForceFrom(
  agreement: Pick<Agreement, "signatures">,
  version: Pick<AgreementVersion, "number" | "effectiveFrom"> & { parties: readonly { organisationId: string }[] },
): LocalDate | null {
  let last = version.effectiveFrom;
  for (const party of version.parties) {
    const days = agreement.signatures
      .filter((s) => s.versionNumber === version.number && s.organisationId === party.organisationId)
      .map((s) => signedOn(s.signedAt))
      .sort();
    const first = days[0];
    if (first === undefined) return null;
    if (first > last) last = first;
  }
  return last;
}

/**
 * The version of the terms in effect on `date`: the latest version in force on it, i.e. every party
 * has signed it and both its effective date and its last signature are on or before `date`
 * (`versionInForceFrom`; an amendment awaiting a signature is not in force, the terms before it
 * stay). The first version is the base: it answers before the agreement starts, so that drafts can be
 * inspected, and while unsigned (`checkAgreement` reports the missing signature).
 */
export function termsOn(agreement: Agreement, date: LocalDate): AgreementVersion {
  const sorted = [...agreement.versions].sort((a, b) => a.number - b.number);
  // agreementSchema guarantees at least one version.
  let current = sorted[0] as AgreementVersion;
  for (const v of sorted.slice(1)) {
    const from = versionInForceFrom(agreement, v);
    if (from !== null && from <= date) current = v;
  }
  return current;
}

/**
 * The supplier of the terms in effect on `date`: the police department (003 § 1), whose staff need
 * no security clearance for its premises. `checkAgreement` requires exactly one per version.
 */
export function supplierOn(agreement: Agreement, date: LocalDate): OrganisationId | undefined {
  return termsOn(agreement, date).parties.find((p) => p.role === "supplier")?.organisationId;
}

/** The latest version of the terms. */
export function latestTerms(agreement: Agreement): AgreementVersion {
  return agreement.versions.reduce((a, b) => (b.number > a.number ? b : a));
}

/**
 * End date for a notice given on `noticeDate`: the notice date plus the notice period (six calendar
 * months in 003 § 3), the day clamped to the month's end (a notice on 31 August ends on 28/29 February).
 * The end date is the last day the notice-giver is bound by the agreement.
 */
export function agreementEndDate(agreement: Agreement, noticeDate: LocalDate): LocalDate {
  return addMonths(noticeDate, termsOn(agreement, noticeDate).noticePeriodMonths);
}

/** Last day of a party's participation, from the earliest notice it has given, or null. */
export function partyEndDate(agreement: Agreement, partyId: OrganisationId): LocalDate | null {
  const ends = agreement.notices
    .filter((n) => n.partyId === partyId)
    .map((n) => agreementEndDate(agreement, n.givenOn));
  return ends.length === 0 ? null : ends.reduce((a, b) => (a <= b ? a : b));
}

/**
 * Last day the agreement as a whole is in force, or null while it runs "until further notice". It ends
 * when an essential party's notice period ends (see docs/domain.md, "Notice").
 */
export function agreementEnd(agreement: Agreement): LocalDate | null {
  let end: LocalDate | null = null;
  for (const n of agreement.notices) {
    if (!termsOn(agreement, n.givenOn).essentialPartyIds.includes(n.partyId)) continue;
    const candidate = agreementEndDate(agreement, n.givenOn);
    if (end === null || candidate < end) end = candidate;
  }
  return end;
}

/** True when the agreement is in force on `date`: started and not yet ended. */
export function isInForce(agreement: Agreement, date: LocalDate): boolean {
  const end = agreementEnd(agreement);
  return date >= agreement.startsOn && (end === null || date <= end);
}

/** True when the party takes part on `date`: the agreement is in force and the party's own notice has not ended it. */
export function isPartyOn(agreement: Agreement, partyId: OrganisationId, date: LocalDate): boolean {
  if (!isInForce(agreement, date)) return false;
  if (!termsOn(agreement, date).parties.some((p) => p.organisationId === partyId)) return false;
  const end = partyEndDate(agreement, partyId);
  return end === null || date <= end;
}

/** True when the party has given notice on or before `date` (it is then skipped as chair). */
export function hasGivenNotice(agreement: Agreement, partyId: OrganisationId, date: LocalDate): boolean {
  return agreement.notices.some((n) => n.partyId === partyId && n.givenOn <= date);
}

/** Joining decisions with every required approval, in effect on `date`. */
export function joinedOn(agreement: Agreement, date: LocalDate) {
  return agreement.joiningDecisions.filter(
    (d) => d.effectiveFrom <= date && missingApprovers(agreement, d.effectiveFrom, d.approvals).length === 0,
  );
}

/** Joining approvers whose approval is not among `approvals`. */
export function missingApprovers(
  agreement: Agreement,
  date: LocalDate,
  approvals: readonly { organisationId: OrganisationId }[],
): OrganisationId[] {
  const given = new Set(approvals.map((a) => a.organisationId));
  return termsOn(agreement, date).joiningApproverIds.filter((id) => !given.has(id));
}

/**
 * The organisations of the core team on `date`: the staffing units of parties still taking part, and
 * the authorities admitted by a joining decision. Inviting anyone else to a client meeting needs consent.
 */
export function coreOrganisationIds(agreement: Agreement, date: LocalDate): OrganisationId[] {
  const terms = termsOn(agreement, date);
  const units = terms.teamUnits.filter((u) => isPartyOn(agreement, u.partyId, date)).map((u) => u.organisationId);
  const joined = isInForce(agreement, date) ? joinedOn(agreement, date).map((d) => d.organisationId) : [];
  return [...new Set([...units, ...joined])];
}

/**
 * The core-team organisations that take part in client selection on `date` (003 § 4.2: police,
 * social work, psychiatric nursing): they see a referral from the start; others only when they take
 * part in the case.
 */
export function selectionOrganisationIds(agreement: Agreement, date: LocalDate): OrganisationId[] {
  const core = new Set(coreOrganisationIds(agreement, date));
  return termsOn(agreement, date)
    .teamUnits.filter(
      (u) =>
        core.has(u.organisationId) &&
        u.professions.some((p) => (selectionProfessions as readonly string[]).includes(p)),
    )
    .map((u) => u.organisationId);
}
