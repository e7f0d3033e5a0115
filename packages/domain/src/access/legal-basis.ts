import type { CaseCommand } from "../cases/case-commands.js";
import type { CaseStatus } from "../cases/case.js";
import type { LocalisedText } from "../core/localised-text.js";
import type { LocalDate } from "../core/local-date.js";
import type { Actor } from "./access-policy.js";
import { type CaseMembership, fullAccessBases, membershipInForce } from "./case-membership.js";

/**
 * The legal basis of one access to client data, as the access log records it (client-data act
 * 703/2023: the client may learn on what basis their data was processed or disclosed). Stable codes:
 * they are stored in every audit entry and shown to clients. `administration` marks entries that are
 * not about a client (staff, agreement records).
 */
export const legalBases = [
  "casework",
  "selection",
  "consent",
  "statutory-notification",
  "supervision",
  "audit",
  "data-subject-request",
  "administration",
] as const;
export type LegalBasis = (typeof legalBases)[number];

/** How each basis reads in the client's extract (fi/sv/en), with its source. */
export const legalBasisTexts: Readonly<Record<LegalBasis, LocalisedText>> = {
  "casework": {
    fi: "Ankkuri-työ yhteistyösopimuksen perusteella (sopimus 4.2 §, salassapito 9 §)",
    sv: "Ankkuri-arbete enligt samarbetsavtalet (avtalet 4.2 §, sekretess 9 §)",
    en: "Ankkuri casework under the cooperation agreement (agreement § 4.2, confidentiality § 9)",
  },
  "selection": {
    fi: "Asiakasvalinta (viranomaisvalinta, sopimus 4.2 §)",
    sv: "Val av klient (myndigheternas val, avtalet 4.2 §)",
    en: "Client selection by the authorities (agreement § 4.2)",
  },
  "consent": {
    fi: "Kutsu asiakkaan ja huoltajien suostumuksella",
    sv: "Inbjudan med klientens och vårdnadshavarnas samtycke",
    en: "Invitation under the consent of the client and guardians",
  },
  "statutory-notification": {
    fi: "Lakisääteinen ilmoitus (lastensuojelulaki 25 §)",
    sv: "Lagstadgad anmälan (barnskyddslagen 25 §)",
    en: "Statutory notification (Child Welfare Act § 25)",
  },
  "supervision": {
    fi: "Työn johto ja valvonta (sopimus 6.1 §)",
    sv: "Arbetsledning och tillsyn (avtalet 6.1 §)",
    en: "Supervision of the work (agreement § 6.1)",
  },
  "audit": {
    fi: "Lokitietojen valvonta (asiakastietolaki 703/2023)",
    sv: "Tillsyn över loggdata (klientuppgiftslagen 703/2023)",
    en: "Audit of the access log (client-data act 703/2023)",
  },
  "data-subject-request": {
    fi: "Rekisteröidyn pyyntö (tietosuoja-asetus 15 artikla, asiakastietolaki 703/2023)",
    sv: "Den registrerades begäran (dataskyddsförordningen artikel 15, klientuppgiftslagen 703/2023)",
    en: "The data subject's request (GDPR Art. 15, client-data act 703/2023)",
  },
  "administration": {
    fi: "Työryhmän hallinto",
    sv: "Teamets administration",
    en: "Administration of the team",
  },
};

/** The basis an access rests on, and the consents it names (`consent` only). */
export interface AccessBasis {
  basis: LegalBasis;
  consentIds: string[];
}

/** The case facts the basis of an access depends on. */
export interface BasisCase {
  status: CaseStatus;
  memberships: readonly Pick<CaseMembership, "organisationId" | "basis" | "from" | "to" | "consentIds">[];
}

/** Before admission the core team and the referrer see the case in order to select the client. */
const inSelection = (status: CaseStatus) => status === "referred" || status === "in-selection";

/**
 * On what basis a person of `chain` (their organisation and those it belongs to) accesses a case on
 * `day`, from the memberships in force (never from the request): the operational supervisor's access
 * is `supervision`; a full-access membership is `selection` before admission and `casework` after it;
 * an existing client relationship is `casework`; a seat under consent alone is `consent`, naming the
 * consents it rests on. Null when no membership is in force (the access is refused anyway).
 */
export function accessBasisOf(
  actor: Pick<Actor, "roles">,
  caseFacts: BasisCase,
  chain: readonly string[],
  day: LocalDate,
): AccessBasis | null {
  const inForce = caseFacts.memberships.filter((m) => chain.includes(m.organisationId) && membershipInForce(m, day));
  if (inForce.length === 0) return null;
  const full = inForce.filter((m) => fullAccessBases.includes(m.basis));
  if (full.length > 0 || inForce.some((m) => m.basis === "existing-clientship")) {
    if (actor.roles.includes("operational-supervisor")) return { basis: "supervision", consentIds: [] };
    const selecting = full.some((m) => m.basis === "selecting-unit" || m.basis === "referrer");
    return { basis: selecting && inSelection(caseFacts.status) ? "selection" : "casework", consentIds: [] };
  }
  const consentIds = [...new Set(inForce.flatMap((m) => m.consentIds))].sort();
  return { basis: "consent", consentIds };
}

/**
 * The basis of a change to a case: the command's own basis where the law or the agreement names one
 * (a child welfare notification, a selection step), otherwise the basis the person has access on.
 */
export function commandBasisOf(command: Pick<CaseCommand, "type">, access: AccessBasis): AccessBasis {
  switch (command.type) {
    case "record-child-welfare-notification":
      return { basis: "statutory-notification", consentIds: [] };
    case "start-selection":
    case "record-selection-decision":
    case "admit":
    case "decline":
      return { basis: "selection", consentIds: [] };
    default:
      return access;
  }
}
