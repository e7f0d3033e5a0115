import type { CaseType, ReferralSource, ReferralStatus, ServiceKind } from "@ankkuri/domain";

/** A text in Finnish, Swedish and English (the PDF sets the Finnish or the Swedish, with the English as its subtitle). */
export interface Text {
  fi: string;
  sv: string;
  en: string;
}

const t = (fi: string, sv: string, en: string): Text => ({ fi, sv, en });

/** A text that reads the same in every language (a date, a code, an id). */
export const sameText = (s: string): Text => ({ fi: s, sv: s, en: s });

/** The three languages of a name that may carry more fields. */
export const textOf = (n: Text): Text => ({ fi: n.fi, sv: n.sv, en: n.en });

export const caseTypeLabels: Record<CaseType, Text> = {
  "youth-crime": t(
    "Nuorten rikollisuus ja häiriökäyttäytyminen",
    "Ungdomsbrottslighet och störande beteende",
    "Youth crime and disruptive behaviour",
  ),
  "domestic-violence": t("Lähisuhdeväkivalta", "Våld i nära relationer", "Domestic violence"),
  "multi-professional": t(
    "Muu moniammatillinen työ",
    "Annat mångprofessionellt arbete",
    "Other multi-professional work",
  ),
};

export const referralSourceLabels: Record<ReferralSource, Text> = {
  "police": t("Poliisi", "Polisen", "Police"),
  "child-welfare": t("Lastensuojelu", "Barnskydd", "Child welfare"),
  "social-emergency": t("Sosiaali- ja kriisipäivystys", "Social- och krisjouren", "Social and crisis emergency"),
  "school": t("Koulu", "Skolan", "School"),
  "health-care": t("Terveydenhuolto", "Hälso- och sjukvården", "Health care"),
  "youth-services": t("Nuorisopalvelut", "Ungdomstjänster", "Youth services"),
  "family": t("Perhe", "Familjen", "Family"),
  "self": t("Asiakas itse", "Klienten själv", "The client"),
  "other": t("Muu", "Annat", "Other"),
};

export const serviceLabels: Record<ServiceKind, Text> = {
  "child-welfare": t("Lastensuojelu", "Barnskydd", "Child welfare"),
  "family-support": t("Perheiden tuki", "Stöd för familjer", "Family support"),
  "mental-health": t("Mielenterveyspalvelut", "Mentalvårdstjänster", "Mental health services"),
  "substance-abuse": t("Päihdepalvelut", "Missbrukartjänster", "Substance abuse services"),
  "youth-work": t("Nuorisotyö", "Ungdomsarbete", "Youth work"),
  "education-support": t("Koulunkäynnin tuki", "Stöd för skolgången", "Education support"),
  "employment": t("Työllisyyspalvelut", "Sysselsättningstjänster", "Employment services"),
  "housing": t("Asumisen tuki", "Boendestöd", "Housing"),
  "leisure-activity": t("Harrastustoiminta", "Fritidsverksamhet", "Leisure activity"),
  "victim-support": t("Rikosten uhrien tuki", "Stöd för brottsoffer", "Victim support"),
  "domestic-violence-support": t(
    "Lähisuhdeväkivaltatyö",
    "Arbete mot våld i nära relationer",
    "Domestic violence support",
  ),
  "mediation": t("Sovittelu", "Medling", "Mediation"),
  "other": t("Muu", "Annat", "Other"),
};

export const referralStatusLabels: Record<ReferralStatus, Text> = {
  proposed: t("Ehdotettu", "Föreslagen", "Proposed"),
  made: t("Tehty", "Gjord", "Made"),
  accepted: t("Hyväksytty", "Godkänd", "Accepted"),
  started: t("Alkanut", "Påbörjad", "Started"),
  completed: t("Päättynyt", "Avslutad", "Completed"),
  declined: t("Hylätty", "Avslagen", "Declined"),
  cancelled: t("Peruttu", "Annullerad", "Cancelled"),
};

export const columnLabels = {
  new: t("Uudet", "Nya", "New"),
  active: t("Aktiiviset", "Aktiva", "Active"),
  closed: t("Päättyneet", "Avslutade", "Closed"),
  newCases: t("Uudet asiakkuudet", "Nya klientskap", "New cases"),
  recorded: t("Kirjatut", "Registrerade", "Recorded"),
  unrecorded: t("Kirjaamatta", "Oregistrerade", "Unrecorded"),
  meetings: t("Tapaamiset", "Möten", "Meetings"),
  cases: t("Asiakkuudet", "Klientskap", "Cases"),
  given: t("Annetut", "Givna", "Given"),
  withdrawn: t("Peruutetut", "Återkallade", "Withdrawn"),
  violations: t("Rikkomukset", "Överträdelser", "Violations"),
  total: t("Yhteensä", "Totalt", "Total"),
  goalsSet: t("Asetetut", "Uppställda", "Set"),
  goalsMet: t("Saavutetut", "Uppnådda", "Met"),
  goalsNotMet: t("Saavuttamatta päättyneet", "Avslutade utan att uppnås", "Ended unmet"),
} satisfies Record<string, Text>;

export const giverLabels = {
  client: t("Asiakas", "Klienten", "Client"),
  guardian: t("Huoltaja", "Vårdnadshavaren", "Guardian"),
} satisfies Record<string, Text>;

export const tableTitles = {
  casesByType: t("Asiakkuudet tyypeittäin", "Klientskap efter typ", "Cases by type"),
  ageBands: t(
    "Uudet asiakkuudet ikäryhmittäin (ikä ohjaushetkellä)",
    "Nya klientskap efter åldersgrupp (ålder vid hänvisningen)",
    "New cases by age band (age at referral)",
  ),
  referralSources: t(
    "Uudet asiakkuudet ohjaajan mukaan",
    "Nya klientskap efter vem som hänvisade",
    "New cases by referral source",
  ),
  casesOverTimeMonth: t("Uudet asiakkuudet kuukausittain", "Nya klientskap per månad", "New cases per month"),
  casesOverTimeWeek: t("Uudet asiakkuudet viikoittain", "Nya klientskap per vecka", "New cases per week"),
  meetings: t("Pidetyt tapaamiset ja kirjaaminen", "Hållna möten och registrering", "Meetings held and recorded"),
  participation: t(
    "Osallistuminen organisaatioittain",
    "Deltagande efter organisation",
    "Participation by organisation",
  ),
  serviceReferrals: t(
    "Palveluohjaukset palveluittain ja tilan mukaan",
    "Hänvisningar till tjänster efter tjänst och status",
    "Referrals to services by service and status",
  ),
  consents: t("Suostumukset", "Samtycken", "Consents"),
  goals: t(
    "Arvioiden tavoitteet asiakkuustyypeittäin",
    "Bedömningarnas mål efter typ av klientskap",
    "Goals of assessments by case type",
  ),
  caseViolations: t(
    "Asiakkuuksien avoimet sääntörikkomukset jakson lopussa",
    "Klientskapens öppna regelöverträdelser vid periodens slut",
    "Case rule violations open at the period's end",
  ),
} satisfies Record<string, Text>;

export const reportTitles = {
  annual: t(
    "Ankkuri-toiminnan vuosiarviointi",
    "Årsutvärdering av Ankkuri-verksamheten",
    "Annual evaluation of Ankkuri work",
  ),
  party: t("Osapuolen raportti", "Partsrapport", "Party report"),
  monthly: t("Toimintatilasto", "Verksamhetsstatistik", "Operational statistics"),
} satisfies Record<string, Text>;
