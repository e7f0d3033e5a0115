import {
  assessmentCauseLabels,
  assessmentCauses,
  caseLinkRelations,
  goalProgresses,
  caseStatuses,
  domesticViolenceRoles,
  caseTypes,
  closeReasons,
  invitationAnswers,
  invitationChannels,
  professions,
  referralSources,
  referralStatuses,
  serviceKinds,
} from "@ankkuri/domain";
import { builder } from "../builder.js";

/** A GraphQL enum from a domain list: `youth-crime` becomes `YOUTH_CRIME`. */
function enumOf<T extends string>(
  name: string,
  description: string,
  values: readonly T[],
  describe: Record<T, string>,
) {
  return builder.enumType(name, {
    description,
    values: Object.fromEntries(
      values.map((v) => [v.toUpperCase().replaceAll("-", "_"), { value: v, description: describe[v] }]),
    ),
  });
}

export const CaseTypeEnum = enumOf("CaseType", "Type of a case (asiakkuuden tyyppi), 003 § 4.2.", caseTypes, {
  "youth-crime":
    "Crime or serious disruptive behaviour of a child or young person (rikoksilla ja häiriökäyttäytymisellä oireilevat).",
  "domestic-violence": "Domestic (intimate-partner and family) violence work (lähisuhdeväkivaltatyö).",
  "multi-professional": "Other situations that need several professions (monialainen työ).",
});

export const CaseStatusEnum = enumOf("CaseStatus", "Lifecycle status of a case (asiakkuuden tila).", caseStatuses, {
  "referred": "Referred, not yet in selection (ohjattu).",
  "in-selection": "In client selection by the police, social work and the psychiatric nurse (asiakasvalinnassa).",
  "admitted": "Admitted as a client (hyväksytty).",
  "declined": "Not admitted (hylätty).",
  "active": "Active: work with the client has started (aktiivinen).",
  "closed": "Closed (päättynyt).",
});

export const ReferralSourceEnum = enumOf(
  "ReferralSource",
  "Who referred the young person (ohjaava taho).",
  referralSources,
  {
    "police": "The police (poliisi).",
    "child-welfare": "Child welfare (lastensuojelu).",
    "social-emergency": "Social and crisis emergency (sosiaali- ja kriisipäivystys).",
    "school": "School (koulu).",
    "health-care": "Health care (terveydenhuolto).",
    "youth-services": "Youth services (nuorisopalvelut).",
    "family": "The family (perhe).",
    "self": "The young person themselves (itse).",
    "other": "Other (muu).",
  },
);

export const CloseReasonEnum = enumOf("CloseReason", "Why a case was closed (päättymisen syy).", closeReasons, {
  "goals-met": "The goals were met (tavoitteet saavutettu).",
  "transferred": "Transferred to other services (siirretty muihin palveluihin).",
  "client-declined": "The client declined further work (asiakas kieltäytyi).",
  "moved-away": "The client moved away (muutti pois).",
  "no-contact": "No contact could be made (ei tavoitettu).",
  "other": "Other (muu).",
});

export const ProfessionEnum = enumOf("Profession", "A profession in the team (ammattiryhmä).", professions, {
  "police-officer": "Police officer (poliisi).",
  "social-worker": "Social worker (sosiaalityöntekijä).",
  "psychiatric-nurse": "Psychiatric nurse (psykiatrinen sairaanhoitaja).",
  "youth-worker": "Youth worker (nuorisotyöntekijä).",
  "social-counsellor": "Social counsellor (sosiaaliohjaaja).",
  "psychologist": "Psychologist (psykologi).",
  "other": "Other profession (muu).",
});

export const ServiceKindEnum = enumOf("ServiceKind", "A service a client is referred to (palvelu).", serviceKinds, {
  "child-welfare": "Child welfare (lastensuojelu).",
  "family-support": "Family support (perheiden tuki).",
  "mental-health": "Mental health services (mielenterveyspalvelut).",
  "substance-abuse": "Substance-abuse services (päihdepalvelut).",
  "youth-work": "Youth work (nuorisotyö).",
  "education-support": "Education support (koulunkäynnin tuki).",
  "employment": "Employment services (työllisyyspalvelut).",
  "housing": "Housing services (asumispalvelut).",
  "leisure-activity": "Leisure activities (harrastukset).",
  "victim-support": "Victim support (rikosuhripäivystys).",
  "domestic-violence-support": "Domestic violence support (lähisuhdeväkivaltatyö).",
  "mediation": "Mediation (sovittelu).",
  "other": "Other service (muu palvelu).",
});

export const ReferralStatusEnum = enumOf(
  "ReferralStatus",
  "Status of a referral to a service (palveluohjauksen tila).",
  referralStatuses,
  {
    proposed: "Proposed to the client (ehdotettu).",
    made: "Made to the service (tehty).",
    accepted: "Accepted by the service (hyväksytty).",
    started: "The service has started (alkanut).",
    completed: "Completed (päättynyt suunnitellusti).",
    declined: "Declined by the client or the service (hylätty).",
    cancelled: "Cancelled (peruttu).",
  },
);

export const MeetingStatusEnum = builder.enumType("MeetingStatus", {
  description: "Status of a client meeting (tapaamisen tila).",
  values: {
    PLANNED: { value: "planned" as const, description: "Planned (suunniteltu)." },
    HELD: { value: "held" as const, description: "Held (pidetty)." },
    CANCELLED: { value: "cancelled" as const, description: "Cancelled (peruttu)." },
  },
});

export const ParticipantRoleEnum = builder.enumType("ParticipantRole", {
  description: "How a participant takes part in a meeting (osallistujan rooli).",
  values: {
    CORE: { value: "core" as const, description: "A member of the core team (ydintiimi)." },
    INVITED: { value: "invited" as const, description: "An invited outside party; needs consent (kutsuttu taho)." },
    CLIENT: { value: "client" as const, description: "The client (asiakas)." },
    GUARDIAN: { value: "guardian" as const, description: "A guardian of the client (huoltaja)." },
    RESPONSIBLE_WORKER: {
      value: "responsible-worker" as const,
      description: "The responsible social worker of an existing client relationship (vastuusosiaalityöntekijä).",
    },
  },
});

export const ConsentGiverKindEnum = builder.enumType("ConsentGiverKind", {
  description: "Who gave a consent (luvan antaja).",
  values: {
    CLIENT: { value: "client" as const, description: "The client themselves (asiakas)." },
    GUARDIAN: { value: "guardian" as const, description: "A guardian (huoltaja)." },
  },
});

export const ConsentFormEnum = builder.enumType("ConsentForm", {
  description: "How a consent was given (luvan muoto).",
  values: {
    WRITTEN: { value: "written" as const, description: "In writing (kirjallinen)." },
    ORAL: { value: "oral" as const, description: "Orally, recorded by staff (suullinen)." },
    ELECTRONIC: { value: "electronic" as const, description: "Electronically (sähköinen)." },
  },
});

export const CaseLinkRelationEnum = enumOf(
  "CaseLinkRelation",
  "How linked cases are related (perheen asiakkuuksien yhteys), 003 § 4.2: children and young people and their families.",
  caseLinkRelations,
  {
    "siblings": "The clients are siblings (sisarukset).",
    "same-household": "The clients live in the same household (sama kotitalous).",
    "domestic-violence-parties":
      "The parties of domestic violence (lähisuhdeväkivallan osapuolet), each case with its role; shown to the core team only.",
  },
);

export const DomesticViolenceRoleEnum = enumOf(
  "DomesticViolenceRole",
  "A case's role in a domestic-violence link (osapuolen rooli).",
  domesticViolenceRoles,
  {
    "victim": "The victim (uhri).",
    "perpetrator": "The perpetrator (tekijä).",
    "witness-child": "A child who witnessed the violence (väkivaltaa nähnyt lapsi).",
  },
);

export const AssessmentCauseEnum = enumOf(
  "AssessmentCause",
  "A cause of the client's problems (ongelmien syy), from the team's documented code list (003 § 6.1).",
  assessmentCauses,
  Object.fromEntries(
    assessmentCauses.map((c) => [c, `${assessmentCauseLabels[c].en} (${assessmentCauseLabels[c].fi}).`]),
  ) as Record<(typeof assessmentCauses)[number], string>,
);

export const GoalProgressEnum = enumOf(
  "GoalProgress",
  "How a goal is getting on at a review (edistyminen).",
  goalProgresses,
  {
    "progressing": "Progressing (etenee).",
    "stalled": "Stalled (ei etene).",
    "met": "Met: the goal is reached and ends (saavutettu).",
    "not-met": "Not met: the goal ends unreached (ei saavutettu).",
  },
);

export const GoalStatusEnum = enumOf("GoalStatus", "A goal's state (tavoitteen tila).", ["open", "met", "not-met"], {
  "open": "Open: not yet met or ended (avoin).",
  "met": "Met (saavutettu).",
  "not-met": "Ended unmet (ei saavutettu).",
});

export const InvitationChannelEnum = enumOf(
  "InvitationChannel",
  "How an invitation to a client meeting reached the participant (kutsutapa).",
  invitationChannels,
  {
    "letter": "By post (kirje).",
    "email": "By ordinary e-mail, carrying no client data (sähköposti).",
    "phone": "By phone or text message (puhelin).",
    "in-person": "Face to face, e.g. at an earlier meeting (henkilökohtaisesti).",
    "secure-message":
      "By a protected message: the organisation's secure e-mail or messaging service, e.g. the police mail account of 003 § 7 (suojattu viesti).",
  },
);

export const InvitationAnswerEnum = enumOf(
  "InvitationAnswer",
  "A participant's answer to an invitation (vastaus kutsuun).",
  invitationAnswers,
  {
    accepted: "Will attend (osallistuu).",
    declined: "Will not attend (ei osallistu).",
  },
);
