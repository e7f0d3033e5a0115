import { type Violation, violation } from "../core/violation.js";
import type { Agreement, AgreementVersion } from "./agreement.js";
import { missingApprovers } from "./agreement-terms.js";

export type AgreementRuleCode =
  | "AGREEMENT.SUPPLIER_COUNT"
  | "AGREEMENT.DUPLICATE_PARTY"
  | "AGREEMENT.VERSION_NUMBERING"
  | "AGREEMENT.START_MISMATCH"
  | "AGREEMENT.SIGNATURE_MISSING"
  | "AGREEMENT.ROLE_NOT_PARTY"
  | "AGREEMENT.TARGET_UNIT_UNKNOWN"
  | "AGREEMENT.JOINING_APPROVAL_MISSING";

/**
 * Checks the agreement as a document: versions numbered 1…n in order of effect, the first starting
 * with the agreement; exactly one supplier; approvers, essential parties and staffing units refer to
 * parties; FTE targets to staffing units; every party has signed every version it is party to; every
 * joining decision has all approvals.
 */
export function checkAgreement(agreement: Agreement): Violation<AgreementRuleCode>[] {
  const found: Violation<AgreementRuleCode>[] = [];
  const versions = [...agreement.versions].sort((a, b) => a.number - b.number);
  versions.forEach((v, i) => {
    const previous = versions[i - 1];
    // Paths point into the input, which may list versions in any order.
    const at = agreement.versions.indexOf(v);
    if (v.number !== i + 1 || (previous && v.effectiveFrom < previous.effectiveFrom)) {
      found.push(
        violation(
          "AGREEMENT.VERSION_NUMBERING",
          [agreement.id],
          {
            fi: `Sopimusversiot on numeroitava 1, 2, … voimaantulojärjestyksessä (versio ${v.number}).`,
            sv: `Avtalsversionerna ska numreras 1, 2, … i den ordning de träder i kraft (version ${v.number}).`,
            en: `Agreement versions must be numbered 1, 2, … in order of effect (version ${v.number}).`,
          },
          { path: ["versions", at] },
        ),
      );
    }
    found.push(...checkVersion(agreement, v, at));
  });
  const first = versions[0];
  if (first && first.effectiveFrom !== agreement.startsOn) {
    found.push(
      violation(
        "AGREEMENT.START_MISMATCH",
        [agreement.id],
        {
          fi: `Ensimmäisen version voimaantulo (${first.effectiveFrom}) poikkeaa sopimuksen alkamisesta (${agreement.startsOn}).`,
          sv: `Den första versionen träder i kraft ${first.effectiveFrom}, inte när avtalet börjar gälla (${agreement.startsOn}).`,
          en: `Version 1 takes effect on ${first.effectiveFrom}, not on the agreement's start ${agreement.startsOn}.`,
        },
        { path: ["versions", agreement.versions.indexOf(first), "effectiveFrom"] },
      ),
    );
  }
  agreement.joiningDecisions.forEach((d, i) => {
    const missing = missingApprovers(agreement, d.effectiveFrom, d.approvals);
    if (missing.length > 0) {
      found.push(
        violation(
          "AGREEMENT.JOINING_APPROVAL_MISSING",
          [d.id, ...missing],
          {
            fi: `Liittymispäätökseltä puuttuu ${String(missing.length)} hyväksyjäosapuolen hyväksyntä.`,
            sv: `Beslutet om anslutning saknar godkännande av ${String(missing.length)} godkännande part(er).`,
            en: `A joining decision lacks the approval of ${String(missing.length)} approving part${missing.length === 1 ? "y" : "ies"}.`,
          },
          { path: ["joiningDecisions", i] },
        ),
      );
    }
  });
  return found;
}

function checkVersion(agreement: Agreement, v: AgreementVersion, index: number): Violation<AgreementRuleCode>[] {
  const found: Violation<AgreementRuleCode>[] = [];
  const path = ["versions", index];
  const partyIds = v.parties.map((p) => p.organisationId);
  const suppliers = v.parties.filter((p) => p.role === "supplier").length;
  if (suppliers !== 1) {
    found.push(
      violation(
        "AGREEMENT.SUPPLIER_COUNT",
        [agreement.id],
        {
          fi: `Version ${v.number} toimittajia on ${suppliers}; toimittaja (poliisilaitos) on yksi.`,
          sv: `Version ${v.number} har ${suppliers} leverantörer; leverantören (polisinrättningen) är en.`,
          en: `Version ${v.number} has ${suppliers} suppliers; there is exactly one (the police department).`,
        },
        { path: [...path, "parties"] },
      ),
    );
  }
  for (const id of new Set(partyIds.filter((id, i) => partyIds.indexOf(id) !== i))) {
    found.push(
      violation(
        "AGREEMENT.DUPLICATE_PARTY",
        [id],
        {
          fi: "Sama osapuoli on mainittu kahdesti.",
          sv: "Samma part har angetts två gånger.",
          en: "The same party is listed twice.",
        },
        { path: [...path, "parties"] },
      ),
    );
  }
  const roleRefs: [string, string[]][] = [
    ["joiningApproverIds", v.joiningApproverIds],
    ["essentialPartyIds", v.essentialPartyIds],
    ["teamUnits", v.teamUnits.map((u) => u.partyId)],
  ];
  for (const [field, ids] of roleRefs) {
    for (const id of ids.filter((x) => !partyIds.includes(x))) {
      found.push(
        violation(
          "AGREEMENT.ROLE_NOT_PARTY",
          [id],
          {
            fi: `Kentässä ${field} mainittu organisaatio ei ole version ${v.number} osapuoli.`,
            sv: `Organisationen i fältet ${field} är inte part i version ${v.number}.`,
            en: `The organisation named in ${field} is not a party of version ${v.number}.`,
          },
          { path: [...path, field] },
        ),
      );
    }
  }
  const units = new Set(v.teamUnits.map((u) => u.organisationId));
  for (const t of v.fteTargets.filter((t) => !units.has(t.organisationId))) {
    found.push(
      violation(
        "AGREEMENT.TARGET_UNIT_UNKNOWN",
        [t.organisationId],
        {
          fi: "Henkilötyövuositavoite koskee yksikköä, joka ei ole työryhmän yksikkö.",
          sv: "Målet för årsverken gäller en enhet som inte är en av teamets enheter.",
          en: "An FTE target names a unit that is not a staffing unit of the team.",
        },
        { path: [...path, "fteTargets"] },
      ),
    );
  }
  for (const party of v.parties) {
    const signed = agreement.signatures.some(
      (s) => s.versionNumber === v.number && s.organisationId === party.organisationId,
    );
    if (!signed) {
      found.push(
        violation(
          "AGREEMENT.SIGNATURE_MISSING",
          [party.organisationId, agreement.id],
          {
            fi: `Osapuoli ei ole allekirjoittanut versiota ${v.number}.`,
            sv: `Parten har inte undertecknat version ${v.number}.`,
            en: `A party has not signed version ${v.number}.`,
          },
          { path: [...path, "parties"] },
        ),
      );
    }
  }
  return found;
}
