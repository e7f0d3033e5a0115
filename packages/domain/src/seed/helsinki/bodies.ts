import type { CooperationBodyInput } from "../../governance/cooperation-body.js";
import { helsinkiTeamId } from "./agreement.js";
import { org } from "./organisations.js";

const t = (fi: string, sv: string, en: string) => ({ fi, sv, en });

/**
 * The Ankkuri steering group (003 § 6.2): commissioner-level (police) and service- or unit-level
 * supervisors; the chair rotates yearly among the parties from the agreement's start, in the order the
 * agreement lists them (see docs/domain.md). It decides each meeting's composition.
 */
export const ankkuriSteeringGroup: CooperationBodyInput = {
  id: "body-hel-ankkuri-steering",
  teamId: helsinkiTeamId,
  kind: "ankkuri-steering-group",
  tier: "strategic",
  name: t("Ankkurin ohjausryhmä", "Ankkuris styrgrupp", "Ankkuri steering group"),
  seats: [
    {
      id: "seat-ank-police",
      organisationId: org.policePrevention,
      roleTitle: t("komisario", "kommissarie", "police commissioner"),
    },
    {
      id: "seat-ank-emergency",
      organisationId: org.socialEmergency,
      roleTitle: t(
        "päällikkö, sosiaali- ja kriisipäivystys",
        "chef, social- och krisjouren",
        "head of social and crisis emergency services",
      ),
    },
    {
      id: "seat-ank-psychiatry",
      organisationId: org.psychiatry,
      roleTitle: t("osastonhoitaja", "avdelningsskötare", "nurse manager"),
    },
    {
      id: "seat-ank-youth",
      organisationId: org.youthServices,
      roleTitle: t("aluepäällikkö, nuorisopalvelut", "områdeschef, ungdomstjänster", "area manager, youth services"),
    },
  ],
  chairPolicy: {
    kind: "rotating",
    rotation: { anchor: "2024-05-01", termMonths: 12, order: [org.police, org.sotepe, org.kuva], events: [] },
  },
  tasks: [
    t(
      "Ankkuri-toiminnan strateginen ohjaus",
      "Strategisk styrning av Ankkuri-verksamheten",
      "Strategic steering of Ankkuri work",
    ),
    t(
      "Kunkin kokouksen kokoonpanosta päättäminen",
      "Beslut om varje mötes sammansättning",
      "Deciding the composition of each meeting",
    ),
  ],
  legalBasis: ["Ankkuri-sopimus 2024, 6.2 §"],
  ageScope: null,
  annualClock: [
    {
      month: 4,
      activity: t(
        "Vuosiarviointi johdon yhteiskokoukselle (8 §)",
        "Årlig utvärdering för ledningens gemensamma möte (8 §)",
        "Annual evaluation for the joint leadership meeting (§ 8)",
      ),
    },
    { month: 5, activity: t("Puheenjohtajuus vaihtuu", "Ordförandeskapet växlar", "The chair rotates") },
  ],
};

/**
 * The city-level steering group of the cooperation document (000): representatives of the city
 * services named in it and of the police units working with these young people. The chair rotates
 * among the cooperating parties; the period is not stated, so it is yearly from 1 May 2024
 * (configurable; see docs/domain.md).
 */
export const cityLevelSteeringGroup: CooperationBodyInput = {
  id: "body-hel-city-steering",
  teamId: helsinkiTeamId,
  kind: "city-steering-group",
  tier: "city",
  name: t(
    "Lasten ja nuorten rikoksia ennaltaehkäisevän yhteistyön kaupunkitasoinen ohjausryhmä",
    "Stadsövergripande styrgrupp för brottsförebyggande samarbete kring barn och unga",
    "City-level steering group for crime-preventive work with children and young people",
  ),
  seats: [
    {
      id: "seat-city-kanslia",
      organisationId: org.cityExecutiveOffice,
      roleTitle: t(
        "turvallisuus- ja valmiustiimin päällikkö",
        "chef för säkerhets- och beredskapsteamet",
        "head of the safety and preparedness team",
      ),
    },
    {
      id: "seat-city-sotepe",
      organisationId: org.sotepe,
      roleTitle: t("palvelun edustaja", "tjänstens representant", "service representative"),
    },
    {
      id: "seat-city-kuva",
      organisationId: org.kuva,
      roleTitle: t("nuorisopalvelujen edustaja", "representant för ungdomstjänsterna", "youth services representative"),
    },
    {
      id: "seat-city-kasko",
      organisationId: org.education,
      roleTitle: t("palvelun edustaja", "tjänstens representant", "service representative"),
    },
    {
      id: "seat-city-police-prevention",
      organisationId: org.policePrevention,
      roleTitle: t("yksikön edustaja", "enhetens representant", "unit representative"),
    },
    {
      id: "seat-city-police-investigation",
      organisationId: org.policeInvestigation,
      roleTitle: t("yksikön edustaja", "enhetens representant", "unit representative"),
    },
  ],
  chairPolicy: {
    kind: "rotating",
    rotation: {
      anchor: "2024-05-01",
      termMonths: 12,
      order: [org.cityExecutiveOffice, org.police, org.sotepe, org.kuva, org.education],
      events: [],
    },
  },
  tasks: [
    t(
      "Kaupunkitasoisen työn koordinointi",
      "Samordning av det stadsövergripande arbetet",
      "Coordinating the city-level work",
    ),
    t("Yhteisten tavoitteiden seuranta", "Uppföljning av gemensamma mål", "Following up the shared goals"),
  ],
  legalBasis: ["Kansliapäällikön päätös 17.4.2024 § 51 (HEL 2024-004632)", "Kuntalaki 410/2015"],
  ageScope: null,
  annualClock: [],
};

/**
 * The joint leadership meeting (003 § 6.2, § 8): the leadership of the police department and of the
 * city divisions negotiate and decide policies that significantly affect the team ("linjaukset …
 * päätetään … johdon kesken") and draw conclusions from the annual evaluation. Its chair is not stated.
 */
export const jointLeadershipMeeting: CooperationBodyInput = {
  id: "body-hel-joint-leadership",
  teamId: helsinkiTeamId,
  kind: "joint-leadership-meeting",
  tier: "city",
  name: t("Johdon yhteiskokous", "Ledningens gemensamma möte", "Joint leadership meeting"),
  seats: [
    {
      id: "seat-jlm-police",
      organisationId: org.police,
      roleTitle: t("poliisipäällikkö", "polischef", "chief of police"),
    },
    {
      id: "seat-jlm-sotepe",
      organisationId: org.sotepe,
      roleTitle: t("toimialajohtaja", "sektorchef", "head of division"),
    },
    {
      id: "seat-jlm-kuva",
      organisationId: org.kuva,
      roleTitle: t("toimialajohtaja", "sektorchef", "head of division"),
    },
  ],
  chairPolicy: { kind: "unspecified" },
  tasks: [
    t(
      "Työryhmän toimintaan merkittävästi vaikuttavat linjaukset",
      "Riktlinjer som väsentligt påverkar arbetsgruppens verksamhet",
      "Policies that significantly affect the team's work",
    ),
    t(
      "Vuosiarvioinnin johtopäätökset",
      "Slutsatser av den årliga utvärderingen",
      "Conclusions of the annual evaluation",
    ),
  ],
  legalBasis: ["Ankkuri-sopimus 2024, 6.2 § ja 8 §"],
  ageScope: null,
  annualClock: [
    {
      month: 5,
      activity: t(
        "Vuosiarvioinnin johtopäätökset ja linjaukset (8 §)",
        "Slutsatser och riktlinjer av den årliga utvärderingen (8 §)",
        "Conclusions and policies from the annual evaluation (§ 8)",
      ),
    },
  ],
};
