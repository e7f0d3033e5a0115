import type { ReportLanguage } from "../report-request.js";

/**
 * The PDF's fixed words in the language it is set in. A bilingual label is "local / English": the
 * tables print the English as a subtitle under the local words, the cover and the notes after them.
 * The English is the same in every language (`pdf-labels.test.ts` holds them equal).
 */
export interface PdfLabels {
  /** The document's language tag (the catalog's `/Lang`). */
  lang: string;
  /** The long date of preparation on the cover, as `Intl` writes it in this language. */
  dateLocale: string;
  /** The chart's months, January first: "maalis 2026", "mars 2026", "sep. 2025". */
  months: readonly string[];
  team: string;
  party: string;
  parties: string;
  prepared: string;
  keyFigures: string;
  newCases: string;
  activeCases: string;
  closedCases: string;
  meetingsHeld: string;
  serviceReferrals: string;
  goalsMet: string;
  /** The cover's note on monthly statistics, which are not suppressed. */
  teamOnly: string;
  /** The legend of hidden cells: `primary` is the mark of a small count ("<5"), `max` its largest value. */
  legend: (primary: string, max: number) => string;
  /** The note under a previous year's column: `column` names it in English. */
  previousYear: (years: string, period: string, column: string) => string;
  total: string;
  noRows: string;
  unit: string;
  target: string;
  named: string;
  realised: string;
  difference: string;
  people: string;
  staffing: string;
  staffingNote: string;
  chairHeading: string;
  noChair: string;
  term: string;
  chair: string;
  basis: string;
  byDecision: string;
  rotation: string;
  nextTerm: string;
  meeting: string;
  item: string;
  owner: string;
  due: string;
  decision: string;
  conclusion: string;
  noneRecorded: string;
  leadership: string;
  count: string;
  consultations: string;
  rule: string;
  area: string;
  severity: string;
  areas: { staffing: string; agreement: string };
  severities: { error: string; warning: string };
  /** A case rule's severity after its name: "(varoitus)". */
  severityInline: { error: string; warning: string };
  noViolations: string;
  organisationViolations: string;
  /** The chart's text alternative begins with this. */
  barChart: string;
  page: (n: number, total: number) => string;
}

export const pdfLabels: Record<ReportLanguage, PdfLabels> = {
  fi: {
    lang: "fi-FI",
    dateLocale: "fi-FI",
    months: ["tammi", "helmi", "maalis", "huhti", "touko", "kesä", "heinä", "elo", "syys", "loka", "marras", "joulu"],
    team: "Työryhmä / Team",
    party: "Osapuoli / Party",
    parties: "Sopimuksen osapuolet / Parties to the agreement",
    prepared: "Laadittu / Prepared",
    keyFigures: "Tunnusluvut / Key figures",
    newCases: "Uudet asiakkuudet / New cases",
    activeCases: "Aktiiviset asiakkuudet / Active cases",
    closedCases: "Päättyneet asiakkuudet / Closed cases",
    meetingsHeld: "Pidetyt tapaamiset / Meetings held",
    serviceReferrals: "Palveluohjaukset / Referrals to services",
    goalsMet: "Saavutetut tavoitteet / Goals met",
    teamOnly:
      "Työryhmän sisäinen tilasto: pieniä lukuja ei ole peitetty. Ei saa luovuttaa työryhmän ulkopuolelle. / For the team only: small counts are not suppressed. Not to be shared outside the team.",
    legend: (p, max) =>
      `${p} = 1–${String(max)}; x = peitetty, jotta pientä lukua ei voi laskea summista. / ${p} = 1 to ${String(max)}; x = hidden so that no small count can be worked out from the totals.`,
    previousYear: (years, period, column) =>
      `${years}: ${period}, luvut peitetty kuten sen jakson raportissa. / ${years}: the same period a year earlier (${column}), suppressed as that period's own report publishes it.`,
    total: "Yhteensä / Total",
    noRows: "(ei rivejä / no rows)",
    unit: "Yksikkö / Unit",
    target: "Tavoite / Target",
    named: "Nimetty / Named",
    realised: "Toteuma / Realised",
    difference: "Ero / Difference",
    people: "Henkilöt / People",
    staffing: "Henkilötyövuodet: tavoite ja toteuma / FTE: target and realised",
    staffingNote:
      "Tavoitteet painotettu sopimuksen voimassaolopäivillä; turvallisuusselvitystä odottava työ ei lasketa toteumaan. / Targets weighted by the days in force; work awaiting a security clearance is not counted.",
    chairHeading: "Ohjausryhmän puheenjohtajuus / Chair of the steering group",
    noChair: "Ohjausryhmää ei ole kirjattu. / No steering group is recorded.",
    term: "Kausi / Term",
    chair: "Puheenjohtaja / Chair",
    basis: "Peruste / Basis",
    byDecision: "päätöksellä / by decision",
    rotation: "vuorottelu / rotation",
    nextTerm: "seuraava kausi / next term",
    meeting: "Kokous / Meeting",
    item: "Kohta / Item",
    owner: "Vastuu / Owner",
    due: "Määräpäivä / Due",
    decision: "Päätös",
    conclusion: "Johtopäätös",
    noneRecorded: "(ei kirjattuja / none recorded)",
    leadership:
      "Johdon yhteiskokouksen päätökset ja johtopäätökset / Decisions and conclusions of the joint leadership meeting",
    count: "Määrä / Count",
    consultations: "Konsultaatiot osapuolittain / Consultations by party",
    rule: "Sääntö / Rule",
    area: "Alue / Area",
    severity: "Vakavuus / Severity",
    areas: { staffing: "Henkilöstö / Staffing", agreement: "Sopimus / Agreement" },
    severities: { error: "Virhe / Error", warning: "Varoitus / Warning" },
    severityInline: { error: "virhe", warning: "varoitus" },
    noViolations: "(ei rikkomuksia / none)",
    organisationViolations:
      "Henkilöstön ja sopimuksen sääntörikkomukset jakson lopussa / Staffing and agreement violations at the period's end",
    barChart: "Pylväskaavio",
    page: (n, total) => `Sivu ${String(n)}/${String(total)}`,
  },
  sv: {
    lang: "sv-FI",
    dateLocale: "sv-FI",
    // Abbreviated as Swedish abbreviates them: twelve full names do not fit under the bars.
    months: ["jan.", "feb.", "mars", "apr.", "maj", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "dec."],
    team: "Team",
    party: "Part / Party",
    parties: "Parter i avtalet / Parties to the agreement",
    prepared: "Utarbetad / Prepared",
    keyFigures: "Nyckeltal / Key figures",
    newCases: "Nya klientskap / New cases",
    activeCases: "Aktiva klientskap / Active cases",
    closedCases: "Avslutade klientskap / Closed cases",
    meetingsHeld: "Hållna möten / Meetings held",
    serviceReferrals: "Hänvisningar till tjänster / Referrals to services",
    goalsMet: "Uppnådda mål / Goals met",
    teamOnly:
      "Teamets interna statistik: små tal har inte dolts. Får inte lämnas ut utanför teamet. / For the team only: small counts are not suppressed. Not to be shared outside the team.",
    legend: (p, max) =>
      `${p} = 1–${String(max)}; x = dolt så att inget litet tal kan räknas ut ur summorna. / ${p} = 1 to ${String(max)}; x = hidden so that no small count can be worked out from the totals.`,
    previousYear: (years, period, column) =>
      `${years}: ${period}, talen dolda som i den periodens egen rapport. / ${years}: the same period a year earlier (${column}), suppressed as that period's own report publishes it.`,
    total: "Totalt / Total",
    noRows: "(inga rader / no rows)",
    unit: "Enhet / Unit",
    target: "Mål / Target",
    named: "Namngivna / Named",
    realised: "Utfall / Realised",
    difference: "Skillnad / Difference",
    people: "Personer / People",
    staffing: "Årsverken: mål och utfall / FTE: target and realised",
    staffingNote:
      "Målen är viktade med avtalets giltighetsdagar; arbete som väntar på säkerhetsutredning räknas inte in i utfallet. / Targets weighted by the days in force; work awaiting a security clearance is not counted.",
    chairHeading: "Styrgruppens ordförandeskap / Chair of the steering group",
    noChair: "Ingen styrgrupp har registrerats. / No steering group is recorded.",
    term: "Mandatperiod / Term",
    chair: "Ordförande / Chair",
    basis: "Grund / Basis",
    byDecision: "genom beslut / by decision",
    rotation: "turordning / rotation",
    nextTerm: "nästa period / next term",
    meeting: "Möte / Meeting",
    item: "Punkt / Item",
    owner: "Ansvarig / Owner",
    due: "Tidsfrist / Due",
    decision: "Beslut",
    conclusion: "Slutsats",
    noneRecorded: "(inga registrerade / none recorded)",
    leadership:
      "Beslut och slutsatser från ledningens gemensamma möte / Decisions and conclusions of the joint leadership meeting",
    count: "Antal / Count",
    consultations: "Konsultationer per part / Consultations by party",
    rule: "Regel / Rule",
    area: "Område / Area",
    severity: "Allvarlighetsgrad / Severity",
    areas: { staffing: "Personal / Staffing", agreement: "Avtal / Agreement" },
    severities: { error: "Fel / Error", warning: "Varning / Warning" },
    severityInline: { error: "fel", warning: "varning" },
    noViolations: "(inga överträdelser / none)",
    organisationViolations:
      "Regelöverträdelser gällande personal och avtal vid periodens slut / Staffing and agreement violations at the period's end",
    barChart: "Stapeldiagram",
    page: (n, total) => `Sida ${String(n)}/${String(total)}`,
  },
};

/** A bilingual label's two parts: the local words and the English subtitle. */
export function splitLabel(label: string): { local: string; en: string } {
  const [local = "", en = ""] = label.split(" / ");
  return { local, en };
}
