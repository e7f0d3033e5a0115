import type { OrganisationInput } from "../../organisations/organisation.js";
import { org } from "./organisations.js";

type Sector = OrganisationInput["sector"];
const t = (fi: string, sv: string, en: string) => ({ fi, sv, en });

/** Ids of the organisations of Helsinki's 2013–2016 child and youth welfare structure (seed 004). */
export const org004 = {
  socialHealth: "org-hel-2013-sote",
  childHealthHome: "org-hel-2013-sote-neuvola",
  schoolHealth: "org-hel-2013-sote-school-health",
  familyCounselling: "org-hel-2013-sote-family-counselling",
  childWelfare: "org-hel-2013-sote-child-welfare",
  education: "org-hel-2013-opev",
  basicEducation: "org-hel-2013-opev-basic",
  pupilWelfare: "org-hel-2013-opev-pupil-welfare",
  earlyEducation: "org-hel-2013-vaka",
  dayCare: "org-hel-2013-vaka-day-care",
  playgrounds: "org-hel-2013-vaka-playgrounds",
  youth: "org-hel-2013-youth",
  regionalYouthWork: "org-hel-2013-youth-regional",
  luotsi: "org-hel-2013-youth-luotsi",
  klaari: "org-hel-2013-youth-klaari",
  sports: "org-hel-2013-sports",
  sportsServices: "org-hel-2013-sports-services",
  cultureCentre: "org-hel-2013-culture-centre",
  parish: "org-parish-union",
  thirdSector: "org-third-sector",
  contractSchools: "org-contract-schools",
} as const;

const division = (id: string, name: ReturnType<typeof t>, sector: Sector): OrganisationInput => ({
  id,
  kind: "division",
  parentId: org.city,
  name,
  businessId: null,
  sector,
});
const unit = (id: string, parentId: string, name: ReturnType<typeof t>, sector: Sector): OrganisationInput => ({
  id,
  kind: "unit",
  parentId,
  name,
  businessId: null,
  sector,
});
// Collective parties of 004 whose business IDs the seed does not give: recorded without one.
const collective = (id: string, name: ReturnType<typeof t>, sector: Sector): OrganisationInput => ({
  id,
  kind: "legal-entity",
  parentId: null,
  name,
  businessId: null,
  sector,
});

/** The city agencies and other actors seated in the LASU collegium, the coordination groups and the networks (004). */
export const helsinki004Organisations: OrganisationInput[] = [
  division(
    org004.socialHealth,
    t("Sosiaali- ja terveysvirasto", "Social- och hälsovårdsverket", "Social Services and Health Care Department"),
    "social-services",
  ),
  unit(
    org004.childHealthHome,
    org004.socialHealth,
    t("Neuvola ja kotipalvelu", "Rådgivning och hemservice", "Child health clinics and home help"),
    "health-care",
  ),
  unit(
    org004.schoolHealth,
    org004.socialHealth,
    t("Kouluterveydenhuolto", "Skolhälsovård", "School health care"),
    "health-care",
  ),
  unit(
    org004.familyCounselling,
    org004.socialHealth,
    t("Perheneuvola", "Familjerådgivning", "Family counselling"),
    "social-services",
  ),
  unit(org004.childWelfare, org004.socialHealth, t("Lastensuojelu", "Barnskydd", "Child welfare"), "social-services"),
  division(org004.education, t("Opetusvirasto", "Utbildningsverket", "Education Department"), "education"),
  unit(
    org004.basicEducation,
    org004.education,
    t("Perusopetus", "Grundläggande utbildning", "Basic education"),
    "education",
  ),
  unit(org004.pupilWelfare, org004.education, t("Oppilashuolto", "Elevvård", "Pupil welfare"), "education"),
  division(
    org004.earlyEducation,
    t("Varhaiskasvatusvirasto", "Småbarnsfostransverket", "Early Education Department"),
    "early-education",
  ),
  unit(org004.dayCare, org004.earlyEducation, t("Päivähoito", "Dagvård", "Day care"), "early-education"),
  unit(
    org004.playgrounds,
    org004.earlyEducation,
    t("Leikkiympäristö", "Lekmiljö", "Play environments"),
    "early-education",
  ),
  division(org004.youth, t("Nuorisotoimi", "Ungdomsväsendet", "Youth Department"), "youth-services"),
  unit(
    org004.regionalYouthWork,
    org004.youth,
    t("Alueellinen nuorisotyö", "Regionalt ungdomsarbete", "Regional youth work"),
    "youth-services",
  ),
  unit(org004.luotsi, org004.youth, t("Luotsi", "Luotsi", "Luotsi outreach youth work"), "youth-services"),
  unit(org004.klaari, org004.youth, t("Klaari", "Klaari", "Klaari substance-abuse prevention"), "youth-services"),
  division(org004.sports, t("Liikuntavirasto", "Idrottsverket", "Sports Department"), "sports"),
  unit(
    org004.sportsServices,
    org004.sports,
    t("Liikunta- ja hyvinvointipalvelut", "Idrotts- och välfärdstjänster", "Sports and wellbeing services"),
    "sports",
  ),
  division(org004.cultureCentre, t("Kulttuurikeskus", "Kulturcentralen", "Cultural Office"), "culture"),
  collective(
    org004.parish,
    t("Helsingin seurakuntayhtymä", "Helsingfors kyrkliga samfällighet", "Helsinki Parish Union"),
    "parish",
  ),
  collective(
    org004.thirdSector,
    t("Järjestöt (3. sektori)", "Organisationer (tredje sektorn)", "Non-governmental organisations (third sector)"),
    "third-sector",
  ),
  collective(org004.contractSchools, t("Sopimuskoulut", "Avtalsskolor", "Contract schools"), "education"),
];
