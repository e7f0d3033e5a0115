import {
  type AgeBandCode,
  ageBandCodes,
  assessmentCauseLabels,
  assessmentCauses,
  bodyKinds,
  bodyTiers,
  caseLinkRelations,
  clearanceScopes,
  consentForms,
  consentGiverKinds,
  goalProgresses,
  guardianRelationships,
  caseStatuses,
  domesticViolenceRoles,
  caseTypes,
  closeReasons,
  defaultAgePolicy,
  invitationAnswers,
  invitationChannels,
  meetingStatuses,
  noteKinds,
  participantRoles,
  professions,
  referralSources,
  referralStatuses,
  serviceKinds,
  signatureMethods,
} from "@ankkuri/domain";
import { builder } from "../builder.js";

/**
 * The one way the schema builds an enum: from a list the domain (or the database schema) owns, so the
 * values exist once; each value is described. `youth-crime` becomes `YOUTH_CRIME`; a list whose codes
 * do not make GraphQL names (`15-17` starts with a digit) names every value in `names` instead.
 */
export function enumOf<const T extends string>(
  name: string,
  description: string,
  values: readonly T[],
  describe: Readonly<Record<T, string>>,
  names?: Readonly<Record<T, string>>,
) {
  const config: Record<string, { value: T; description: string }> = Object.fromEntries(
    values.map((v) => [names?.[v] ?? v.toUpperCase().replaceAll("-", "_"), { value: v, description: describe[v] }]),
  );
  return builder.enumType(name, { description, values: config });
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

export const AgeBandCodeEnum = enumOf(
  "AgeBandCode",
  "An age band (ikäryhmä) of the reports' default age policy: age in completed years on the day asked. Under-15s are always a band of their own (criminal responsibility from 15). The case list filters by it (`CaseFilter.ageBand`) and `AgeBand.code` returns it.",
  ageBandCodes,
  Object.fromEntries(defaultAgePolicy.bands.map((b) => [b.code, `Aged ${b.label.en} (${b.label.fi}).`])) as Record<
    AgeBandCode,
    string
  >,
  // The domain's codes (`under-15`, `15-17`, `18-plus`) are not all GraphQL names.
  { "under-15": "UNDER_15", "15-17": "FROM_15_TO_17", "18-plus": "FROM_18" },
);

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

export const MeetingStatusEnum = enumOf(
  "MeetingStatus",
  "Status of a client meeting (tapaamisen tila).",
  meetingStatuses,
  {
    planned: "Planned (suunniteltu).",
    held: "Held (pidetty).",
    cancelled: "Cancelled (peruttu).",
  },
);

export const ParticipantRoleEnum = enumOf(
  "ParticipantRole",
  "How a participant takes part in a meeting (osallistujan rooli).",
  participantRoles,
  {
    "core": "A member of the core team (ydintiimi).",
    "invited": "An invited outside party; needs consent (kutsuttu taho).",
    "client": "The client (asiakas).",
    "guardian": "A guardian of the client (huoltaja).",
    "responsible-worker":
      "The responsible social worker of an existing client relationship (vastuusosiaalityöntekijä).",
  },
);

export const ConsentGiverKindEnum = enumOf(
  "ConsentGiverKind",
  "Who gave a consent (luvan antaja).",
  consentGiverKinds,
  {
    client: "The client themselves (asiakas).",
    guardian: "A guardian (huoltaja).",
  },
);

export const ConsentFormEnum = enumOf("ConsentForm", "How a consent was given (luvan muoto).", consentForms, {
  written: "In writing (kirjallinen).",
  oral: "Orally, recorded by staff (suullinen).",
  electronic: "Electronically (sähköinen).",
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

export const GuardianRelationshipEnum = enumOf(
  "GuardianRelationship",
  "How a guardian is related to the client (huoltajan suhde asiakkaaseen).",
  guardianRelationships,
  {
    "parent": "A parent (vanhempi).",
    "legal-guardian": "A guardian appointed by a court or an authority, not a parent (määrätty huoltaja).",
    "other": "Another guardian (muu huoltaja).",
  },
);

export const NoteKindEnum = enumOf(
  "NoteKind",
  "The field a case note belongs to (muistiinpanon laji); the note stays inside its writer's organisation (003 § 9).",
  noteKinds,
  {
    police: "Police work (poliisi).",
    health: "Health care (terveydenhuolto).",
    social: "Social work (sosiaalityö).",
    youth: "Youth work (nuorisotyö).",
    general: "Not tied to one field (yleinen).",
  },
);

export const ClearanceScopeEnum = enumOf(
  "ClearanceScope",
  "The scope of a security clearance (turvallisuusselvityksen laajuus), narrowest first.",
  clearanceScopes,
  {
    narrow: "Narrow (suppea turvallisuusselvitys).",
    standard: "Standard (perusmuotoinen turvallisuusselvitys).",
    extended: "Extended (laaja turvallisuusselvitys).",
  },
);

export const BodyKindEnum = enumOf("BodyKind", "Kind of a cooperation body (yhteistyöelin).", bodyKinds, {
  "ankkuri-steering-group": "The Ankkuri steering group (Ankkuri-ohjausryhmä).",
  "city-steering-group":
    "The city-level steering group of preventive cooperation against children's and young people's crime (kaupunkitasoinen ohjausryhmä).",
  "lasu-collegium": "The LASU collegium of cross-administrative child and youth welfare work (LASU-kollegio).",
  "regional-coordination-group":
    "A regional coordination group under the LASU collegium (alueellinen koordinaatioryhmä).",
  "worker-network": "A region's multi-agency network of workers (työntekijöiden yhteistyöverkosto).",
  "youth-guidance-network": "The youth guidance and service network NOP (nuorten ohjaus- ja palveluverkosto).",
  "joint-leadership-meeting": "The joint leadership meeting (johdon yhteiskokous), 003 § 8.",
});

export const BodyTierEnum = enumOf("BodyTier", "Level of a cooperation body (taso).", bodyTiers, {
  city: "City level (kaupunki).",
  strategic: "Strategic level (strateginen).",
  regional: "Regional level (alueellinen).",
  operational: "Operational level (operatiivinen).",
  network: "A network (verkosto).",
});

export const SignatureMethodEnum = enumOf(
  "SignatureMethod",
  "How a signature was given (allekirjoitustapa).",
  signatureMethods,
  {
    "strong-authentication": "Electronic signature with strong authentication (vahva sähköinen tunnistus).",
    "advanced-electronic": "Advanced electronic signature (kehittynyt sähköinen allekirjoitus).",
    "handwritten": "Handwritten signature on paper (käsin).",
  },
);
