import { type ConstraintViolationError, constraintViolation, StaleWriteError } from "@ankkuri/db";
import { type Message, violation } from "@ankkuri/domain";
import { ConflictFailure, type MutationFailure, RuleViolationFailure } from "../errors.js";

/** Database constraints that express domain rules, with the rule's code and message. */
const constraintRules: Record<string, { code: string; message: Message }> = {
  assignments_fte_limit: {
    code: "STAFFING.OVER_ALLOCATED",
    message: {
      fi: "Henkilön tehtävät ylittäisivät 1,0 htv jonakin päivänä.",
      sv: "Personens uppdrag skulle överstiga 1,0 årsverke någon dag.",
      en: "The person would be assigned more than 1.0 FTE on some day.",
    },
  },
  assignments_one_supervisor_per_day: {
    code: "STAFFING.SUPERVISOR_OVERLAP",
    message: {
      fi: "Samalle päivälle tulisi kaksi operatiivista esimiestä.",
      sv: "Samma dag skulle få två operativa chefer.",
      en: "There would be two operational supervisors on the same day.",
    },
  },
  notices_one_per_party: {
    code: "AGREEMENT.NOTICE_ALREADY_GIVEN",
    message: {
      fi: "Osapuoli on jo irtisanonut sopimuksen.",
      sv: "Parten har redan sagt upp avtalet.",
      en: "The party has already given notice.",
    },
  },
  case_workers_one_open_lead: {
    code: "CASEWORKER.LEAD_TAKEN",
    message: {
      fi: "Asiakkuudella on jo vastuutyöntekijä; päätä hänen nimeämisensä ensin.",
      sv: "Klientskapet har redan en ansvarig arbetstagare; avsluta det uppdraget först.",
      en: "The case already has a lead worker; end that assignment first.",
    },
  },
  case_workers_one_open_per_person: {
    code: "CASEWORKER.ALREADY_ASSIGNED",
    message: {
      fi: "Henkilö on jo nimetty asiakkuuteen.",
      sv: "Personen är redan utsedd till klientskapet.",
      en: "The person is already assigned to the case.",
    },
  },
  clients_identity_hmac_unique: {
    code: "CLIENT.DUPLICATE",
    message: {
      fi: "Asiakas on jo rekisterissä.",
      sv: "Klienten finns redan i registret.",
      en: "The client is already on record.",
    },
  },
  cases_one_open_case_per_client: {
    code: "CASE.CLIENT_HAS_OPEN_CASE",
    message: {
      fi: "Asiakkaalla on jo avoin asiakkuus tiimissä; uusi ohjaus liitetään siihen.",
      sv: "Klienten har redan ett öppet klientskap i teamet; en ny hänvisning läggs till i det.",
      en: "The client already has an open case in the team; a new referral is added to it.",
    },
  },
};

function fromConstraint(error: ConstraintViolationError): RuleViolationFailure {
  const rule = error.constraint ? constraintRules[error.constraint] : undefined;
  return new RuleViolationFailure([
    rule
      ? violation(rule.code, [], rule.message)
      : // The constraint's name stays inside: it describes the schema, not the caller's mistake.
        violation(error.code, [], {
          fi: "Tietokanta hylkäsi muutoksen eheyssäännön perusteella.",
          sv: "Databasen avvisade ändringen på grund av en integritetsregel.",
          en: "The database refused the change under an integrity rule.",
        }),
  ]);
}

/**
 * Turns expected write failures into typed mutation results: a stale version into a conflict, a
 * database constraint into the rule it expresses. Anything else is rethrown (and masked as 500).
 */
export function asMutationFailure(error: unknown): MutationFailure {
  if (error instanceof StaleWriteError) return new ConflictFailure(null);
  const constraint = constraintViolation(error);
  if (constraint) return fromConstraint(constraint);
  throw error;
}
