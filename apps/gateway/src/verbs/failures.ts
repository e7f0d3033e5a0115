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
  clients_identity_hmac_unique: {
    code: "CLIENT.DUPLICATE",
    message: {
      fi: "Asiakas on jo rekisterissä.",
      sv: "Klienten finns redan i registret.",
      en: "The client is already on record.",
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
