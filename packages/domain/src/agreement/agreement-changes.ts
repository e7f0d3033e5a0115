import type { z } from "zod";
import type { LocalDate } from "../core/local-date.js";
import { err, ok, type Result, type Violation, violation } from "../core/violation.js";
import {
  type Agreement,
  type AgreementVersion,
  agreementVersionSchema,
  type JoiningDecision,
  type Notice,
  type Signature,
} from "./agreement.js";
import {
  agreementEndDate,
  coreOrganisationIds,
  isInForce,
  latestTerms,
  missingApprovers,
  termsOn,
} from "./agreement-terms.js";

export type AgreementChangeCode =
  | "AGREEMENT.VERSION_ORDER"
  | "AGREEMENT.NOT_IN_FORCE"
  | "AGREEMENT.NOT_A_PARTY"
  | "AGREEMENT.NOTICE_ALREADY_GIVEN"
  | "AGREEMENT.JOINING_APPROVAL_MISSING"
  | "AGREEMENT.JOINING_APPROVAL_LATE"
  | "AGREEMENT.ALREADY_MEMBER"
  | "AGREEMENT.SIGNER_NOT_PARTY"
  | "AGREEMENT.UNKNOWN_VERSION";

/** An amendment: the changed terms, and when they were decided and take effect. */
export const amendmentSchema = agreementVersionSchema.omit({ number: true }).partial().extend({
  effectiveFrom: agreementVersionSchema.shape.effectiveFrom,
  decidedOn: agreementVersionSchema.shape.decidedOn,
  summary: agreementVersionSchema.shape.summary,
});
export type Amendment = z.output<typeof amendmentSchema>;

/**
 * Adds a new version of the terms: unchanged fields carry over from the latest version, and earlier
 * versions are never altered. An amendment cannot take effect before the latest version did, nor
 * before it was decided.
 */
export function amendAgreement(agreement: Agreement, amendment: Amendment): Result<Agreement> {
  const latest = latestTerms(agreement);
  const found: Violation[] = [];
  if (amendment.effectiveFrom < latest.effectiveFrom) {
    found.push(
      violation(
        "AGREEMENT.VERSION_ORDER",
        [agreement.id],
        {
          fi: `Muutos ei voi tulla voimaan (${amendment.effectiveFrom}) ennen voimassa olevaa versiota ${latest.number} (${latest.effectiveFrom}).`,
          sv: `Ändringen kan inte träda i kraft (${amendment.effectiveFrom}) före den gällande versionen ${latest.number} (${latest.effectiveFrom}).`,
          en: `An amendment cannot take effect (${amendment.effectiveFrom}) before version ${latest.number} (${latest.effectiveFrom}).`,
        },
        { path: ["effectiveFrom"] },
      ),
    );
  }
  if (amendment.decidedOn > amendment.effectiveFrom) {
    found.push(
      violation(
        "AGREEMENT.VERSION_ORDER",
        [agreement.id],
        {
          fi: "Muutos ei voi tulla voimaan ennen kuin siitä on päätetty.",
          sv: "Ändringen kan inte träda i kraft innan beslut om den har fattats.",
          en: "An amendment cannot take effect before it is decided.",
        },
        { path: ["decidedOn"] },
      ),
    );
  }
  if (found.length > 0) return err(found);
  const version: AgreementVersion = { ...latest, ...stripUndefined(amendment), number: latest.number + 1 };
  return ok({ ...agreement, versions: [...agreement.versions, version] });
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Records a party's unilateral notice. Returns the agreement with the notice and the party's last day
 * (`agreementEndDate`). Refused when the agreement is not in force, the notice-giver is not a party, or
 * it has already given notice.
 */
export function giveNotice(agreement: Agreement, notice: Notice): Result<{ agreement: Agreement; endsOn: LocalDate }> {
  if (!isInForce(agreement, notice.givenOn)) {
    return err([notInForce(agreement, notice.givenOn)]);
  }
  if (!termsOn(agreement, notice.givenOn).parties.some((p) => p.organisationId === notice.partyId)) {
    return err([
      violation("AGREEMENT.NOT_A_PARTY", [notice.partyId, agreement.id], {
        fi: "Organisaatio ei ole sopimuksen osapuoli eikä voi irtisanoa sitä.",
        sv: "Organisationen är inte part i avtalet och kan inte säga upp det.",
        en: "The organisation is not a party to the agreement and cannot give notice.",
      }),
    ]);
  }
  if (agreement.notices.some((n) => n.partyId === notice.partyId)) {
    return err([
      violation("AGREEMENT.NOTICE_ALREADY_GIVEN", [notice.partyId, agreement.id], {
        fi: "Osapuoli on jo irtisanonut sopimuksen.",
        sv: "Parten har redan sagt upp avtalet.",
        en: "The party has already given notice.",
      }),
    ]);
  }
  return ok({
    agreement: { ...agreement, notices: [...agreement.notices, notice] },
    endsOn: agreementEndDate(agreement, notice.givenOn),
  });
}

/**
 * Checks a joining decision (003 § 2): every joining approver (the police department and Sotepe) must
 * have approved it on or before its effective date, while the agreement is in force, and the
 * organisation must not already be in the core team.
 */
export function checkJoiningDecision(agreement: Agreement, decision: JoiningDecision): Violation[] {
  const found: Violation[] = [];
  if (!isInForce(agreement, decision.effectiveFrom)) found.push(notInForce(agreement, decision.effectiveFrom));
  const missing = missingApprovers(agreement, decision.effectiveFrom, decision.approvals);
  if (missing.length > 0) {
    found.push(
      violation(
        "AGREEMENT.JOINING_APPROVAL_MISSING",
        [decision.id, ...missing],
        {
          fi: "Liittymispäätös vaatii kaikkien hyväksyjäosapuolten hyväksynnän (poliisilaitoksen ja sosiaali-, terveys- ja pelastustoimialan yhteinen päätös); osa puuttuu.",
          sv: "Beslutet om anslutning kräver godkännande av alla godkännande parter (ett gemensamt beslut av polisinrättningen och social-, hälsovårds- och räddningssektorn); något av dem saknas.",
          en: "The joining decision needs the approval of every approving party (a joint decision of the police department and Sotepe); one is missing.",
        },
        { path: ["approvals"] },
      ),
    );
  }
  const late = decision.approvals.filter((a) => a.approvedOn > decision.effectiveFrom);
  if (late.length > 0) {
    found.push(
      violation(
        "AGREEMENT.JOINING_APPROVAL_LATE",
        [decision.id, ...late.map((a) => a.organisationId)],
        {
          fi: "Hyväksyntä on annettu vasta liittymisen voimaantulon jälkeen.",
          sv: "Godkännandet gavs först efter att anslutningen trädde i kraft.",
          en: "An approval was given after the joining took effect.",
        },
        { path: ["approvals"] },
      ),
    );
  }
  if (coreOrganisationIds(agreement, decision.effectiveFrom).includes(decision.organisationId)) {
    found.push(
      violation("AGREEMENT.ALREADY_MEMBER", [decision.organisationId], {
        fi: "Organisaatio kuuluu jo työryhmään.",
        sv: "Organisationen hör redan till teamet.",
        en: "The organisation is already part of the team.",
      }),
    );
  }
  return found;
}

/** Records a joining decision after {@link checkJoiningDecision} finds nothing wrong. */
export function recordJoiningDecision(agreement: Agreement, decision: JoiningDecision): Result<Agreement> {
  const found = checkJoiningDecision(agreement, decision);
  return found.length > 0
    ? err(found)
    : ok({ ...agreement, joiningDecisions: [...agreement.joiningDecisions, decision] });
}

/** Adds a signature of a party's representative to a version of the agreement. */
export function addSignature(agreement: Agreement, signature: Signature): Result<Agreement> {
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
        { path: ["versionNumber"] },
      ),
    ]);
  }
  if (!version.parties.some((p) => p.organisationId === signature.organisationId)) {
    return err([
      violation(
        "AGREEMENT.SIGNER_NOT_PARTY",
        [signature.organisationId],
        {
          fi: "Allekirjoittajan organisaatio ei ole sopimuksen osapuoli.",
          sv: "Undertecknarens organisation är inte part i avtalet.",
          en: "The signer's organisation is not a party to the agreement.",
        },
        { path: ["organisationId"] },
      ),
    ]);
  }
  return ok({ ...agreement, signatures: [...agreement.signatures, signature] });
}

function notInForce(agreement: Agreement, date: LocalDate): Violation {
  return violation("AGREEMENT.NOT_IN_FORCE", [agreement.id], {
    fi: `Sopimus ei ole voimassa ${date}.`,
    sv: `Avtalet är inte i kraft ${date}.`,
    en: `The agreement is not in force on ${date}.`,
  });
}
