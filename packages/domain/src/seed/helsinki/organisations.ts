import type { OrganisationInput } from "../../organisations/organisation.js";

/** Ids of the Helsinki organisations other seed modules and tests refer to. */
export const org = {
  police: "org-hpl",
  policePrevention: "org-hpl-prevention",
  policeInvestigation: "org-hpl-investigation",
  city: "org-hel",
  cityExecutiveOffice: "org-hel-kanslia",
  sotepe: "org-hel-sotepe",
  socialEmergency: "org-hel-sotepe-emergency",
  psychiatry: "org-hel-sotepe-psychiatry",
  childWelfare: "org-hel-sotepe-child-welfare",
  kuva: "org-hel-kuva",
  youthServices: "org-hel-kuva-youth",
  education: "org-hel-kasko",
  hus: "org-hus",
} as const;

const unit = (
  id: string,
  parentId: string,
  sector: OrganisationInput["sector"],
  fi: string,
  sv: string,
  en: string,
): OrganisationInput => ({
  id,
  kind: "unit",
  parentId,
  name: { fi, sv, en },
  businessId: null,
  sector,
});

/**
 * The organisations of the Helsinki Ankkuri agreement (003 §§ 1–2) and the city-level cooperation
 * (000), with names in Finnish, Swedish and English and the postal addresses of 003.
 */
export const helsinkiOrganisations: OrganisationInput[] = [
  {
    id: org.police,
    kind: "legal-entity",
    parentId: null,
    name: { fi: "Helsingin poliisilaitos", sv: "Helsingfors polisinrättning", en: "Helsinki Police Department" },
    businessId: "0245432-1",
    sector: "police",
    address: { street: "Pasilanraitio 11", postalCode: "00240", postOffice: "Helsinki", country: "Suomi" },
  },
  unit(
    org.policePrevention,
    org.police,
    "police",
    "Valvonta ja ennalta estävä toiminto",
    "Övervakning och förebyggande verksamhet",
    "Surveillance and Preventive Policing",
  ),
  unit(org.policeInvestigation, org.police, "police", "Rikostorjunta", "Brottsbekämpning", "Crime Investigation"),
  {
    id: org.city,
    kind: "legal-entity",
    parentId: null,
    name: { fi: "Helsingin kaupunki", sv: "Helsingfors stad", en: "City of Helsinki" },
    businessId: "0201256-6",
    sector: "city-administration",
    address: { street: null, postalCode: "00099", postOffice: "Helsingin kaupunki", country: "Suomi" },
  },
  {
    id: org.cityExecutiveOffice,
    kind: "division",
    parentId: org.city,
    name: { fi: "Kaupunginkanslia", sv: "Stadskansliet", en: "City Executive Office" },
    businessId: null,
    sector: "city-administration",
  },
  {
    id: org.sotepe,
    kind: "division",
    parentId: org.city,
    name: {
      fi: "Sosiaali-, terveys- ja pelastustoimiala",
      sv: "Social-, hälsovårds- och räddningssektorn",
      en: "Social Services, Health Care and Rescue Services Division",
    },
    shortName: "Sotepe",
    businessId: null,
    sector: "social-services",
    address: { street: "PL 6000", postalCode: "00099", postOffice: "Helsingin kaupunki", country: "Suomi" },
  },
  unit(
    org.socialEmergency,
    org.sotepe,
    "social-services",
    "Sosiaali- ja kriisipäivystys",
    "Social- och krisjouren",
    "Social and Crisis Emergency Services",
  ),
  unit(org.psychiatry, org.sotepe, "health-care", "Psykiatria", "Psykiatri", "Psychiatry"),
  unit(org.childWelfare, org.sotepe, "social-services", "Lastensuojelu", "Barnskydd", "Child Welfare"),
  {
    id: org.kuva,
    kind: "division",
    parentId: org.city,
    name: {
      fi: "Kulttuurin ja vapaa-ajan toimiala",
      sv: "Kultur- och fritidssektorn",
      en: "Culture and Leisure Division",
    },
    shortName: "Kuva",
    businessId: null,
    sector: "youth-services",
    address: { street: "PL 51400", postalCode: "00099", postOffice: "Helsingin kaupunki", country: "Suomi" },
  },
  unit(org.youthServices, org.kuva, "youth-services", "Nuorisopalvelut", "Ungdomstjänster", "Youth Services"),
  {
    id: org.education,
    kind: "division",
    parentId: org.city,
    name: {
      fi: "Kasvatuksen ja koulutuksen toimiala",
      sv: "Fostrans- och utbildningssektorn",
      en: "Education Division",
    },
    shortName: "Kasko",
    businessId: null,
    sector: "education",
  },
  {
    id: org.hus,
    kind: "legal-entity",
    parentId: null,
    name: { fi: "HUS-yhtymä", sv: "HUS-sammanslutningen", en: "HUS Group" },
    shortName: "HUS",
    businessId: "1567535-0",
    sector: "hospital-district",
  },
];
