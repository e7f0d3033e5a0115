import type { CaseType, ReferralSource, ReferralStatus, ServiceKind } from "@ankkuri/domain";

/** A heading in Finnish with its English subtitle. */
export interface Text {
  fi: string;
  en: string;
}

const t = (fi: string, en: string): Text => ({ fi, en });

export const caseTypeLabels: Record<CaseType, Text> = {
  "youth-crime": t("Nuorten rikollisuus ja häiriökäyttäytyminen", "Youth crime and disruptive behaviour"),
  "domestic-violence": t("Lähisuhdeväkivalta", "Domestic violence"),
  "multi-professional": t("Muu moniammatillinen työ", "Other multi-professional work"),
};

export const referralSourceLabels: Record<ReferralSource, Text> = {
  "police": t("Poliisi", "Police"),
  "child-welfare": t("Lastensuojelu", "Child welfare"),
  "social-emergency": t("Sosiaali- ja kriisipäivystys", "Social and crisis emergency"),
  "school": t("Koulu", "School"),
  "health-care": t("Terveydenhuolto", "Health care"),
  "youth-services": t("Nuorisopalvelut", "Youth services"),
  "family": t("Perhe", "Family"),
  "self": t("Asiakas itse", "The client"),
  "other": t("Muu", "Other"),
};

export const serviceLabels: Record<ServiceKind, Text> = {
  "child-welfare": t("Lastensuojelu", "Child welfare"),
  "family-support": t("Perheiden tuki", "Family support"),
  "mental-health": t("Mielenterveyspalvelut", "Mental health services"),
  "substance-abuse": t("Päihdepalvelut", "Substance abuse services"),
  "youth-work": t("Nuorisotyö", "Youth work"),
  "education-support": t("Koulunkäynnin tuki", "Education support"),
  "employment": t("Työllisyyspalvelut", "Employment services"),
  "housing": t("Asumisen tuki", "Housing"),
  "leisure-activity": t("Harrastustoiminta", "Leisure activity"),
  "victim-support": t("Rikosten uhrien tuki", "Victim support"),
  "domestic-violence-support": t("Lähisuhdeväkivaltatyö", "Domestic violence support"),
  "mediation": t("Sovittelu", "Mediation"),
  "other": t("Muu", "Other"),
};

export const referralStatusLabels: Record<ReferralStatus, Text> = {
  proposed: t("Ehdotettu", "Proposed"),
  made: t("Tehty", "Made"),
  accepted: t("Hyväksytty", "Accepted"),
  started: t("Alkanut", "Started"),
  completed: t("Päättynyt", "Completed"),
  declined: t("Hylätty", "Declined"),
  cancelled: t("Peruttu", "Cancelled"),
};

export const columnLabels = {
  new: t("Uudet", "New"),
  active: t("Aktiiviset", "Active"),
  closed: t("Päättyneet", "Closed"),
  newCases: t("Uudet asiakkuudet", "New cases"),
  recorded: t("Kirjatut", "Recorded"),
  unrecorded: t("Kirjaamatta", "Unrecorded"),
  meetings: t("Tapaamiset", "Meetings"),
  cases: t("Asiakkuudet", "Cases"),
  given: t("Annetut", "Given"),
  withdrawn: t("Peruutetut", "Withdrawn"),
  violations: t("Rikkomukset", "Violations"),
  total: t("Yhteensä", "Total"),
  goalsSet: t("Asetetut", "Set"),
  goalsMet: t("Saavutetut", "Met"),
  goalsNotMet: t("Saavuttamatta päättyneet", "Ended unmet"),
} satisfies Record<string, Text>;

export const giverLabels = {
  client: t("Asiakas", "Client"),
  guardian: t("Huoltaja", "Guardian"),
} satisfies Record<string, Text>;

export const tableTitles = {
  casesByType: t("Asiakkuudet tyypeittäin", "Cases by type"),
  ageBands: t("Uudet asiakkuudet ikäryhmittäin (ikä ohjaushetkellä)", "New cases by age band (age at referral)"),
  referralSources: t("Uudet asiakkuudet ohjaajan mukaan", "New cases by referral source"),
  casesOverTimeMonth: t("Uudet asiakkuudet kuukausittain", "New cases per month"),
  casesOverTimeWeek: t("Uudet asiakkuudet viikoittain", "New cases per week"),
  meetings: t("Pidetyt tapaamiset ja kirjaaminen", "Meetings held and recorded"),
  participation: t("Osallistuminen organisaatioittain", "Participation by organisation"),
  serviceReferrals: t("Palveluohjaukset palveluittain ja tilan mukaan", "Referrals to services by service and status"),
  consents: t("Suostumukset", "Consents"),
  goals: t("Arvioiden tavoitteet asiakkuustyypeittäin", "Goals of assessments by case type"),
  caseViolations: t(
    "Asiakkuuksien avoimet sääntörikkomukset jakson lopussa",
    "Case rule violations open at the period's end",
  ),
} satisfies Record<string, Text>;

export const reportTitles = {
  annual: t("Ankkuri-toiminnan vuosiarviointi", "Annual evaluation of Ankkuri work"),
  party: t("Osapuolen raportti", "Party report"),
  monthly: t("Toimintatilasto", "Operational statistics"),
} satisfies Record<string, Text>;
