import type { OrganisationId } from "../core/ids.js";
import type { LocalDate } from "../core/local-date.js";
import type { LocalisedText } from "../core/localised-text.js";
import { type Violation, violation } from "../core/violation.js";
import type { CaseStatus } from "./case.js";
import { notInFuture } from "./case-refusals.js";

/**
 * The causes of a client's problems the team identifies (003 § 6.1: "tunnistamaan asiakkaidensa
 * ongelmien syyt ja ne tahot, joiden työpanosta ongelmien ratkaiseminen edellyttää"). The list is the
 * team's documented code list (docs/domain.md § 6); `other` keeps it closed.
 */
export const assessmentCauses = [
  "family-situation",
  "domestic-violence",
  "substance-use",
  "mental-health",
  "neurodevelopmental",
  "school-difficulties",
  "peer-group",
  "criminal-recruitment",
  "leisure",
  "financial-hardship",
  "housing",
  "other",
] as const;
export type AssessmentCause = (typeof assessmentCauses)[number];

/** The causes' names in Finnish, Swedish and English. */
export const assessmentCauseLabels: Record<AssessmentCause, LocalisedText> = {
  "family-situation": { fi: "Perheen tilanne", sv: "Familjens situation", en: "Family situation" },
  "domestic-violence": { fi: "Lähisuhdeväkivalta", sv: "Våld i nära relationer", en: "Domestic violence" },
  "substance-use": { fi: "Päihteiden käyttö", sv: "Missbruk av rusmedel", en: "Substance use" },
  "mental-health": { fi: "Mielenterveys", sv: "Psykisk hälsa", en: "Mental health" },
  "neurodevelopmental": {
    fi: "Neuropsykiatriset haasteet",
    sv: "Neuropsykiatriska svårigheter",
    en: "Neurodevelopmental difficulties",
  },
  "school-difficulties": {
    fi: "Koulunkäynnin vaikeudet",
    sv: "Svårigheter i skolgången",
    en: "Difficulties at school",
  },
  "peer-group": { fi: "Kaveripiiri", sv: "Kamratkretsen", en: "Peer group" },
  "criminal-recruitment": {
    fi: "Rekrytointi rikolliseen toimintaan",
    sv: "Rekrytering till brottslig verksamhet",
    en: "Recruitment into crime",
  },
  "leisure": { fi: "Vapaa-ajan puute", sv: "Brist på fritidssysselsättning", en: "Lack of leisure activities" },
  "financial-hardship": { fi: "Taloudelliset vaikeudet", sv: "Ekonomiska svårigheter", en: "Financial hardship" },
  "housing": { fi: "Asuminen", sv: "Boende", en: "Housing" },
  "other": { fi: "Muu syy", sv: "Annan orsak", en: "Other cause" },
};

/** How a goal is getting on at a review; `met` and `not-met` end it. */
export const goalProgresses = ["progressing", "stalled", "met", "not-met"] as const;
export type GoalProgress = (typeof goalProgresses)[number];
/** Progress that ends a goal: nothing is reviewed after it. */
export const finalGoalProgresses: readonly GoalProgress[] = ["met", "not-met"];

/** One review of a goal. */
export interface GoalReview {
  reviewedOn: LocalDate;
  progress: GoalProgress;
}

/** A goal of an assessment, owned by a staff member, due on a day. */
export interface Goal {
  id: string;
  description: string;
  ownerStaffId: string;
  dueOn: LocalDate;
  reviews: readonly GoalReview[];
}

/** An assessment as the rules need it: when, and the goals. */
export interface AssessmentRecord {
  id: string;
  assessedOn: LocalDate;
  goals: readonly Goal[];
}

/** A goal's state: open until a review meets it or ends it unmet. */
export function goalStatus(goal: Pick<Goal, "reviews">): "open" | "met" | "not-met" {
  const final = goal.reviews.find((r) => finalGoalProgresses.includes(r.progress));
  return final ? (final.progress as "met" | "not-met") : "open";
}

/** True when an open goal's due day has passed on `day`. */
export function isGoalOverdue(goal: Pick<Goal, "reviews" | "dueOn">, day: LocalDate): boolean {
  return goalStatus(goal) === "open" && goal.dueOn < day;
}

/** Codes of the rules an assessment or a goal review is refused by. */
export type AssessmentRuleCode =
  | "ASSESSMENT.CASE_NOT_OPEN"
  | "ASSESSMENT.NO_CAUSES"
  | "ASSESSMENT.DUPLICATE_CAUSE"
  | "ASSESSMENT.UNKNOWN_ORGANISATION"
  | "ASSESSMENT.GOAL_OWNER_UNKNOWN"
  | "ASSESSMENT.GOAL_DUE_BEFORE_ASSESSMENT"
  | "ASSESSMENT.BEFORE_ADMISSION"
  | "GOAL.ALREADY_FINAL"
  | "GOAL.REVIEW_BEFORE_ASSESSMENT"
  | "CASE.FUTURE_DATE";

/** An assessment as it is recorded. */
export interface AssessmentInput {
  assessedOn: LocalDate;
  causes: readonly AssessmentCause[];
  neededOrganisationIds: readonly OrganisationId[];
  goals: readonly Pick<Goal, "description" | "ownerStaffId" | "dueOn">[];
}

/** What an assessment is checked against. */
export interface AssessmentContext {
  case: { id: string; status: CaseStatus; decidedOn: LocalDate | null };
  today: LocalDate;
  /** The team's staff members (goal owners come from them). */
  staffIds: readonly string[];
  /** The organisations the team knows (the needed actors come from them). */
  organisationIds: readonly OrganisationId[];
}

/**
 * Why an assessment may not be recorded: the case is not admitted or active, the day is in the future
 * or before the admission, no cause or one twice, a needed actor or a goal owner the team does not
 * know, or a goal due before the assessment.
 */
export function assessmentRefusals(
  input: AssessmentInput,
  context: AssessmentContext,
): Violation<AssessmentRuleCode>[] {
  const found: Violation<AssessmentRuleCode>[] = [];
  const caseId = context.case.id;
  if (context.case.status !== "admitted" && context.case.status !== "active") {
    found.push(
      violation("ASSESSMENT.CASE_NOT_OPEN", [caseId], {
        fi: "Arvion voi kirjata vain asiakkuuteen, joka on hyväksytty tai käynnissä.",
        sv: "En bedömning kan registreras endast för ett klientskap som är godkänt eller pågår.",
        en: "An assessment is recorded only in an admitted or active case.",
      }),
    );
  }
  found.push(...(notInFuture(caseId, input.assessedOn, context.today) as Violation<"CASE.FUTURE_DATE">[]));
  if (context.case.decidedOn !== null && input.assessedOn < context.case.decidedOn) {
    found.push(
      violation(
        "ASSESSMENT.BEFORE_ADMISSION",
        [caseId],
        {
          fi: "Arvio ei voi olla päivätty ennen asiakkaaksi ottamista.",
          sv: "Bedömningen kan inte dateras före beslutet att ta emot klienten.",
          en: "An assessment cannot be dated before the client was admitted.",
        },
        { path: ["assessedOn"] },
      ),
    );
  }
  if (input.causes.length === 0) {
    found.push(
      violation(
        "ASSESSMENT.NO_CAUSES",
        [caseId],
        {
          fi: "Kirjaa arvioon vähintään yksi ongelmien syy.",
          sv: "Ange minst en orsak till problemen i bedömningen.",
          en: "Record at least one cause in the assessment.",
        },
        { path: ["causes"] },
      ),
    );
  }
  if (new Set(input.causes).size !== input.causes.length) {
    found.push(
      violation(
        "ASSESSMENT.DUPLICATE_CAUSE",
        [caseId],
        {
          fi: "Sama syy on arviossa kahdesti.",
          sv: "Samma orsak finns två gånger i bedömningen.",
          en: "The same cause is given twice.",
        },
        { path: ["causes"] },
      ),
    );
  }
  const unknown = input.neededOrganisationIds.filter((o) => !context.organisationIds.includes(o));
  if (unknown.length > 0) {
    found.push(
      violation(
        "ASSESSMENT.UNKNOWN_ORGANISATION",
        [caseId, ...unknown],
        {
          fi: "Tarvittavista tahoista jokin ei ole työryhmän tuntema organisaatio.",
          sv: "Någon av de aktörer som behövs är inte en organisation som teamet känner till.",
          en: "A needed actor is not an organisation the team knows.",
        },
        { path: ["neededOrganisationIds"] },
      ),
    );
  }
  input.goals.forEach((goal, i) => {
    if (!context.staffIds.includes(goal.ownerStaffId)) {
      found.push(
        violation(
          "ASSESSMENT.GOAL_OWNER_UNKNOWN",
          [caseId],
          {
            fi: "Tavoitteen vastuuhenkilö ei ole työryhmän työntekijä.",
            sv: "Den ansvariga för målet är inte anställd i teamet.",
            en: "The goal's owner is not a staff member of the team.",
          },
          { path: ["goals", i, "ownerStaffId"] },
        ),
      );
    }
    if (goal.dueOn < input.assessedOn) {
      found.push(
        violation(
          "ASSESSMENT.GOAL_DUE_BEFORE_ASSESSMENT",
          [caseId],
          {
            fi: "Tavoitteen määräpäivä on ennen arviota.",
            sv: "Målets sista dag ligger före bedömningen.",
            en: "The goal is due before the assessment.",
          },
          { path: ["goals", i, "dueOn"] },
        ),
      );
    }
  });
  return found;
}

/**
 * Why a goal review may not be recorded: the goal is met or ended unmet already, or the review is
 * dated in the future or before the assessment that set the goal.
 */
export function goalReviewRefusals(
  caseId: string,
  assessment: Pick<AssessmentRecord, "assessedOn">,
  goal: Pick<Goal, "id" | "reviews">,
  review: GoalReview,
  today: LocalDate,
): Violation<AssessmentRuleCode>[] {
  const found: Violation<AssessmentRuleCode>[] = [];
  if (goalStatus(goal) !== "open") {
    found.push(
      violation("GOAL.ALREADY_FINAL", [goal.id], {
        fi: "Tavoite on jo saavutettu tai päätetty saavuttamattomana; sitä ei arvioida enää.",
        sv: "Målet är redan uppnått eller avslutat utan att ha uppnåtts; det följs inte längre upp.",
        en: "The goal has already been met or ended unmet; it is not reviewed again.",
      }),
    );
  }
  found.push(...(notInFuture(caseId, review.reviewedOn, today) as Violation<"CASE.FUTURE_DATE">[]));
  if (review.reviewedOn < assessment.assessedOn) {
    found.push(
      violation(
        "GOAL.REVIEW_BEFORE_ASSESSMENT",
        [goal.id],
        {
          fi: "Tavoitteen arviointi ei voi olla ennen arviota, jossa tavoite asetettiin.",
          sv: "Uppföljningen av ett mål kan inte ligga före bedömningen där målet sattes.",
          en: "A goal cannot be reviewed before the assessment that set it.",
        },
        { path: ["reviewedOn"] },
      ),
    );
  }
  return found;
}
