import type { AgreementRuleCode } from "../agreement/agreement-rules.js";
import type { CaseRuleCode } from "../cases/check-case.js";
import type { LocalisedText } from "../core/localised-text.js";
import type { StaffingViolationCode } from "../staffing/check-staffing.js";

const t = (fi: string, sv: string, en: string): LocalisedText => ({ fi, sv, en });

/**
 * The name of each case rule in plain language, for people who count or list findings without the
 * case at hand (reports, overviews). The messages of a single finding (with names and dates) stay
 * with the rule in `checkCase`; these name the rule itself.
 */
export const caseRuleLabels: Record<CaseRuleCode, LocalisedText> = {
  "CASE.STATE_INCONSISTENT": t(
    "Asiakkuuden tila on ristiriitainen",
    "Klientskapets status är motstridig",
    "The case's state is inconsistent",
  ),
  "CASE.DATE_ORDER": t(
    "Asiakkuuden päivämäärät ovat väärässä järjestyksessä",
    "Klientskapets datum är i fel ordning",
    "The case's dates are in the wrong order",
  ),
  "CASE.SELECTION_INCOMPLETE": t(
    "Asiakkaaksi ottamisen päätös on kesken",
    "Beslutet om klientskap är ofullständigt",
    "The decision to take on the case is incomplete",
  ),
  "CASE.SELECTION_NOT_UNANIMOUS": t(
    "Asiakkaaksi ottaminen ei ole yksimielinen",
    "Beslutet om klientskap är inte enhälligt",
    "The decision to take on the case is not unanimous",
  ),
  "MEETING.STATE_INCONSISTENT": t(
    "Tapaamisen tila on ristiriitainen",
    "Mötets status är motstridig",
    "A meeting's state is inconsistent",
  ),
  "CONSENT.STATE_INCONSISTENT": t(
    "Suostumuksen tila on ristiriitainen",
    "Samtyckets status är motstridig",
    "A consent's state is inconsistent",
  ),
  "CASE.NOT_OPEN": t(
    "Tapaaminen päättyneessä asiakkuudessa",
    "Möte i ett avslutat klientskap",
    "A meeting in a case that is not open",
  ),
  "CONSENT.NO_GUARDIAN_RECORDED": t(
    "Alaikäisen huoltajaa ei ole kirjattu suostumusta varten",
    "Vårdnadshavare för samtycke har inte registrerats för en minderårig",
    "No guardian recorded for a minor's consent",
  ),
  "CONSENT.MISSING": t(
    "Tapaamiseen kutsutulta organisaatiolta puuttuu suostumus",
    "Samtycke saknas för en organisation som bjudits in till ett möte",
    "No consent for an organisation invited to a meeting",
  ),
  "MEETING.NO_CLIENTSHIP": t(
    "Tapaaminen ilman voimassa olevaa asiakkuutta",
    "Möte utan giltigt klientskap",
    "A meeting without a current case",
  ),
  "CASE.MEETING_UNRECORDED": t(
    "Pidetty tapaaminen on kirjaamatta määräajassa",
    "Ett hållet möte har inte dokumenterats i tid",
    "A meeting held was not recorded in time",
  ),
  "CASE.RECORD_INCOMPLETE": t(
    "Tapaamisen kirjaus on puutteellinen",
    "Mötets dokumentation är ofullständig",
    "A meeting's record is incomplete",
  ),
  "CASE.PLANNED_MEETING_OVERDUE": t(
    "Suunniteltu tapaaminen on myöhässä",
    "Ett planerat möte är försenat",
    "A planned meeting is overdue",
  ),
  "CASE.COMPOSITION_SINGLE_PROFESSION": t(
    "Työparissa vain yhden ammattiryhmän edustajia",
    "Arbetsparet består av endast en yrkesgrupp",
    "The case's workers are from one profession only",
  ),
  "CASE.RESPONSIBLE_WORKER_MISSING": t(
    "Vastuutyöntekijä puuttuu",
    "Ansvarig arbetstagare saknas",
    "No responsible worker",
  ),
  "CASE.RESPONSIBLE_WORKER_NOT_INVOLVED": t(
    "Vastuutyöntekijä ei ole osallistunut asiakkuuteen",
    "Den ansvariga arbetstagaren deltar inte i klientskapet",
    "The responsible worker is not involved in the case",
  ),
  "CASE.GUARDIAN_MISSING": t(
    "Alaikäisen huoltajaa ei ole kirjattu",
    "Vårdnadshavare för en minderårig har inte registrerats",
    "No guardian recorded for a minor",
  ),
  "CASE.CHILD_WELFARE_NOTIFICATION_MISSING": t(
    "Lastensuojeluilmoitus puuttuu",
    "Barnskyddsanmälan saknas",
    "No child welfare notification",
  ),
};

/** The name of each staffing rule in plain language (see {@link caseRuleLabels}). */
export const staffingRuleLabels: Record<StaffingViolationCode, LocalisedText> = {
  "STAFFING.UNKNOWN_STAFF": t(
    "Tehtävään nimettyä henkilöä ei löydy",
    "Den person som utsetts till uppdraget finns inte",
    "An assignment names an unknown staff member",
  ),
  "STAFFING.TEAM_MISMATCH": t(
    "Tehtävä kuuluu toiseen työryhmään",
    "Uppdraget hör till ett annat team",
    "An assignment belongs to another team",
  ),
  "STAFFING.UNIT_NOT_IN_TEAM": t(
    "Tehtävän yksikkö ei ole sopimuksen mukainen",
    "Uppdragets enhet följer inte avtalet",
    "An assignment counts for a unit outside the agreement",
  ),
  "STAFFING.OVER_ALLOCATED": t(
    "Henkilön tehtävät ylittävät yhden henkilötyövuoden",
    "En persons uppdrag överstiger ett årsverke",
    "A person is assigned more than one FTE",
  ),
  "STAFFING.SUPERVISOR_GAP": t(
    "Operatiivista esimiestä ei ole nimetty",
    "Ingen operativ chef har utsetts",
    "No operational supervisor",
  ),
  "STAFFING.SUPERVISOR_OVERLAP": t(
    "Operatiivisia esimiehiä on useampi kuin yksi",
    "Det finns fler än en operativ chef",
    "More than one operational supervisor",
  ),
  "STAFFING.SUPERVISOR_NOT_POLICE": t(
    "Operatiivinen esimies ei ole poliisin henkilöstöä",
    "Den operativa chefen hör inte till polisens personal",
    "The operational supervisor is not police staff",
  ),
  "STAFFING.AWAITING_CLEARANCE": t(
    "Tehtävä odottaa turvallisuusselvitystä",
    "Uppdraget väntar på säkerhetsutredning",
    "An assignment awaits a security clearance",
  ),
  "STAFFING.ACCESS_WITHOUT_CLEARANCE": t(
    "Kulkuoikeus ilman turvallisuusselvitystä",
    "Passerrätt utan säkerhetsutredning",
    "An access right without a security clearance",
  ),
  "STAFFING.CLEARANCE_NOT_BY_POLICE": t(
    "Turvallisuusselvitystä ei ole pyytänyt poliisilaitos",
    "Säkerhetsutredningen har inte begärts av polisinrättningen",
    "A security clearance not requested by the police department",
  ),
  "STAFFING.TARGET_SHORTFALL": t(
    "Yksikön henkilötyövuodet jäävät tavoitteesta",
    "Enhetens årsverken understiger målet",
    "A unit's FTE falls short of its target",
  ),
};

/** The name of each rule about the agreement as a document, in plain language. */
export const agreementRuleLabels: Record<AgreementRuleCode, LocalisedText> = {
  "AGREEMENT.SUPPLIER_COUNT": t(
    "Sopimuksessa on väärä määrä palveluntuottajia",
    "Avtalet har fel antal leverantörer",
    "The agreement has the wrong number of suppliers",
  ),
  "AGREEMENT.DUPLICATE_PARTY": t(
    "Sama osapuoli on sopimuksessa kahdesti",
    "Samma part finns två gånger i avtalet",
    "A party appears twice in the agreement",
  ),
  "AGREEMENT.VERSION_NUMBERING": t(
    "Sopimusversioiden numerointi on katkonainen",
    "Avtalsversionernas numrering är bruten",
    "The agreement's versions are not numbered in order",
  ),
  "AGREEMENT.START_MISMATCH": t(
    "Sopimusversion alkupäivä ei täsmää",
    "Avtalsversionens startdatum stämmer inte",
    "An agreement version's start date does not match",
  ),
  "AGREEMENT.SIGNATURE_MISSING": t(
    "Sopimuksesta puuttuu allekirjoitus",
    "En underskrift saknas i avtalet",
    "A signature is missing from the agreement",
  ),
  "AGREEMENT.ROLE_NOT_PARTY": t(
    "Sopimuksen tehtävä on nimetty muulle kuin osapuolelle",
    "En roll i avtalet har getts till någon som inte är part",
    "A role in the agreement is held by a non-party",
  ),
  "AGREEMENT.TARGET_UNIT_UNKNOWN": t(
    "Henkilöstötavoitteen yksikköä ei tunneta",
    "Enheten för personalmålet är okänd",
    "A staffing target names an unknown unit",
  ),
  "AGREEMENT.JOINING_APPROVAL_MISSING": t(
    "Liittyneen osapuolen hyväksyntä puuttuu",
    "Godkännande för en anslutande part saknas",
    "Approval of a joining party is missing",
  ),
};

const allRuleLabels: Readonly<Record<string, LocalisedText>> = {
  ...caseRuleLabels,
  ...staffingRuleLabels,
  ...agreementRuleLabels,
};

/** The plain-language name of a case, staffing or agreement rule; `null` for a code no rule reports. */
export function ruleLabel(code: string): LocalisedText | null {
  return Object.hasOwn(allRuleLabels, code) ? (allRuleLabels[code] ?? null) : null;
}
