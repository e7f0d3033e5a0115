import type { LocalDate } from "../core/local-date.js";
import { err, ok, type Result, type Violation, violation } from "../core/violation.js";
import { type Organisation, organisationName } from "../organisations/organisation.js";
import type { Agreement, AgreementVersion, Signature } from "./agreement.js";
import { type Amendment, amendAgreement } from "./agreement-changes.js";
import { checkAgreement } from "./agreement-rules.js";
import { signedOn, unsignedParties, versionInForceFrom } from "./agreement-terms.js";

/** Codes of the rules of amending and signing the agreement (003 § 2, signatures). */
export type AmendmentCode =
  | "AGREEMENT.AMENDMENT_IN_PAST"
  | "AGREEMENT.UNKNOWN_VERSION"
  | "AGREEMENT.SIGNER_NOT_PARTY"
  | "AGREEMENT.ALREADY_SIGNED"
  | "AGREEMENT.SIGNED_IN_FUTURE"
  | "AGREEMENT.SIGNED_BEFORE_DECISION";

const nameOf = (organisations: readonly Organisation[], id: string) => organisationName(id, organisations);

/**
 * Amends the agreement (003 § 2: "päivitetään tarvittaessa"): a new version from a date with the
 * changed terms, FTE targets or parties, the rest carried over; earlier versions stay as they were.
 * Refused when it takes effect before today or before the latest version, when it is decided after
 * it takes effect, and when the new terms break a rule of the agreement (one supplier, distinct
 * parties, units and targets of parties). It comes into force only once every party has signed it.
 */
export function checkAmendment(
  agreement: Agreement,
  amendment: Amendment,
  today: LocalDate,
): Result<{ agreement: Agreement; version: AgreementVersion }> {
  const found: Violation[] = [];
  if (amendment.effectiveFrom < today) {
    found.push(
      violation(
        "AGREEMENT.AMENDMENT_IN_PAST",
        [agreement.id],
        {
          fi: `Muutos ei voi tulla voimaan takautuvasti (${amendment.effectiveFrom}); aikaisintaan ${today}.`,
          sv: `En ändring kan inte träda i kraft retroaktivt (${amendment.effectiveFrom}); tidigast ${today}.`,
          en: `An amendment cannot take effect retroactively (${amendment.effectiveFrom}); ${today} at the earliest.`,
        },
        { path: ["input", "effectiveFrom"] },
      ),
    );
  }
  const amended = amendAgreement(agreement, amendment);
  if (!amended.ok) return err([...found, ...amended.error]);
  const next = amended.value;
  const version = next.versions[next.versions.length - 1] as AgreementVersion;
  const at = next.versions.length - 1;
  // The new version's own rules; its signatures are yet to come.
  found.push(
    ...checkAgreement(next).filter(
      (v) => v.code !== "AGREEMENT.SIGNATURE_MISSING" && v.path?.[0] === "versions" && v.path[1] === at,
    ),
  );
  return found.length > 0 ? err(found) : ok({ agreement: next, version });
}

/**
 * A party's signature on a version (003, signatures: signer, title, organisation, method, time): the
 * version exists, the organisation is one of its parties and has not signed it yet, and the signature
 * is neither in the future nor before the version was decided.
 */
export function checkSignature(
  agreement: Agreement,
  organisations: readonly Organisation[],
  signature: Signature,
  now: string,
): Result<Agreement> {
  const version = agreement.versions.find((v) => v.number === signature.versionNumber);
  if (!version) {
    return err([
      violation(
        "AGREEMENT.UNKNOWN_VERSION",
        [agreement.id],
        {
          fi: `Sopimuksella ei ole versiota ${signature.versionNumber}.`,
          sv: `Avtalet har ingen version ${signature.versionNumber}.`,
          en: `The agreement has no version ${signature.versionNumber}.`,
        },
        { path: ["input", "versionNumber"] },
      ),
    ]);
  }
  const name = nameOf(organisations, signature.organisationId);
  if (!version.parties.some((p) => p.organisationId === signature.organisationId)) {
    return err([
      violation(
        "AGREEMENT.SIGNER_NOT_PARTY",
        [signature.organisationId],
        {
          fi: `${name.fi} ei ole sopimusversion ${version.number} osapuoli.`,
          sv: `${name.sv} är inte part i avtalsversion ${version.number}.`,
          en: `${name.en} is not a party of version ${version.number}.`,
        },
        { path: ["input", "organisationId"] },
      ),
    ]);
  }
  const earlier = agreement.signatures.find(
    (s) => s.versionNumber === version.number && s.organisationId === signature.organisationId,
  );
  if (earlier) {
    return err([
      violation("AGREEMENT.ALREADY_SIGNED", [earlier.id], {
        fi: `${name.fi} on jo allekirjoittanut version ${version.number} (${earlier.signerName}, ${signedOn(earlier.signedAt)}).`,
        sv: `${name.sv} har redan undertecknat version ${version.number} (${earlier.signerName}, ${signedOn(earlier.signedAt)}).`,
        en: `${name.en} has signed version ${version.number} already (${earlier.signerName}, ${signedOn(earlier.signedAt)}).`,
      }),
    ]);
  }
  if (Date.parse(signature.signedAt) > Date.parse(now)) {
    return err([
      violation(
        "AGREEMENT.SIGNED_IN_FUTURE",
        [agreement.id],
        {
          fi: "Allekirjoitusaika ei voi olla tulevaisuudessa.",
          sv: "Tidpunkten för underskriften kan inte ligga i framtiden.",
          en: "A signature cannot be dated in the future.",
        },
        { path: ["input", "signedAt"] },
      ),
    ]);
  }
  if (signedOn(signature.signedAt) < version.decidedOn) {
    return err([
      violation(
        "AGREEMENT.SIGNED_BEFORE_DECISION",
        [agreement.id],
        {
          fi: `Versio ${version.number} päätettiin ${version.decidedOn}; sitä ei voi allekirjoittaa aiemmin.`,
          sv: `Version ${version.number} beslutades ${version.decidedOn}; den kan inte undertecknas tidigare.`,
          en: `Version ${version.number} was decided on ${version.decidedOn}; it cannot be signed before.`,
        },
        { path: ["input", "signedAt"] },
      ),
    ]);
  }
  return ok({ ...agreement, signatures: [...agreement.signatures, signature] });
}

/** Where a version stands: in force from a day, or awaiting the signatures of some parties. */
export function versionStatus(
  agreement: Pick<Agreement, "signatures">,
  version: Pick<AgreementVersion, "number" | "effectiveFrom"> & { parties: readonly { organisationId: string }[] },
): { inForceFrom: LocalDate | null; unsignedPartyIds: string[] } {
  return { inForceFrom: versionInForceFrom(agreement, version), unsignedPartyIds: unsignedParties(agreement, version) };
}
