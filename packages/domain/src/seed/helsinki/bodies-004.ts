import type { CooperationBodyInput, Seat } from "../../governance/cooperation-body.js";
import { helsinkiTeamId } from "./agreement.js";
import { org } from "./organisations.js";
import { org004 as o } from "./organisations-004.js";

const t = (fi: string, sv: string, en: string) => ({ fi, sv, en });
type SeatInput = Omit<Seat, "attendance" | "secretary"> & { attendance?: Seat["attendance"]; secretary?: boolean };
type Title = ReturnType<typeof t>;

const seats = (prefix: string, rows: [string, Title, ("member" | "invited-when-needed")?, boolean?][]): SeatInput[] =>
  rows.map(([organisationId, roleTitle, attendance = "member", secretary = false], i) => ({
    id: `${prefix}-${String(i + 1).padStart(2, "0")}`,
    organisationId,
    roleTitle,
    attendance,
    secretary,
  }));

const osastopaallikko = t("osastopäällikkö", "avdelningschef", "head of department");
const toimistopaallikko = t("toimistopäällikkö", "byråchef", "head of office");
const ylihoitaja = t("ylihoitaja", "överskötare", "chief nursing officer");
const whenNeeded = t(
  "edustaja (kutsutaan mukaan tarvittaessa)",
  "representant (inbjuds vid behov)",
  "representative (invited when needed)",
);

const lasuId = "body-hel-lasu";
const childLaw = "Lastensuojelulaki 417/2007 12 §";
const under17 = { min: 0, max: 17, note: "alle 16/17-vuotiaat (004)" };

/** LASU collegium: city-wide leadership of cross-administrative child and youth welfare work (004). */
const lasu: CooperationBodyInput = {
  id: lasuId,
  teamId: helsinkiTeamId,
  kind: "lasu-collegium",
  tier: "city",
  name: t("LASU-kollegio", "LASU-kollegiet", "LASU collegium"),
  seats: seats("seat-lasu", [
    [o.childHealthHome, osastopaallikko],
    [o.schoolHealth, toimistopaallikko],
    [o.childWelfare, toimistopaallikko],
    [o.basicEducation, osastopaallikko],
    [o.dayCare, toimistopaallikko],
    [o.regionalYouthWork, osastopaallikko],
    [o.sportsServices, osastopaallikko],
    [o.cultureCentre, osastopaallikko],
    [
      o.education,
      t("kehittämissuunnittelija (sihteeri)", "utvecklingsplanerare (sekreterare)", "development planner (secretary)"),
      "member",
      true,
    ],
  ]),
  chairPolicy: { kind: "unspecified" },
  tasks: [
    t(
      "Lasten ja nuorten hyvinvointia tukeva poikkihallinnollinen yhteistyö, johtaminen ja koordinointi alle 16/17-vuotiaiden asioissa",
      "Förvaltningsövergripande samarbete, ledning och samordning till stöd för barns och ungas välfärd (under 16/17 år)",
      "Cross-administrative cooperation, leadership and coordination for the wellbeing of children under 16/17",
    ),
    t(
      "Lasten ja nuorten hyvinvointisuunnitelman toteutuminen ja arviointi",
      "Genomförande och utvärdering av välfärdsplanen för barn och unga",
      "Implementing and evaluating the child and youth welfare plan",
    ),
    t(
      "Yhteisten talousarviotavoitteiden toteutumisen seuranta ja arviointi, hankkeiden seuranta",
      "Uppföljning och utvärdering av gemensamma budgetmål och projekt",
      "Following up shared budget goals and projects",
    ),
    t(
      "Valmistelu virastopäälliköille",
      "Beredning för förvaltningscheferna",
      "Preparation for the heads of department",
    ),
  ],
  legalBasis: [childLaw],
  ageScope: under17,
  annualClock: [
    {
      month: 11,
      activity: t(
        "Koordinaatioryhmien toimintasuunnitelmien hyväksyminen",
        "Godkännande av samordningsgruppernas verksamhetsplaner",
        "Approving the coordination groups' action plans",
      ),
    },
  ],
};

const regions = [
  ["etela-keskinen", "Etelä-keskinen", "Södra-mellersta", "South-Central"],
  ["ita-kaakko", "Itä-kaakko", "Östra-sydöstra", "East-Southeast"],
  ["koillinen", "Koillinen", "Nordöstra", "Northeast"],
  ["lansi-pohjoinen", "Länsi-pohjoinen", "Västra-norra", "West-North"],
] as const;

/** The four regional welfare coordination groups (hyvinvoinnin koordinaatioryhmät), one per region (004). */
const coordinationGroups: CooperationBodyInput[] = regions.map(([slug, fi, sv, en]) => ({
  id: `body-hel-coordination-${slug}`,
  teamId: helsinkiTeamId,
  kind: "regional-coordination-group",
  tier: "regional",
  name: t(
    `Hyvinvoinnin koordinaatioryhmä, ${fi}`,
    `Samordningsgruppen för välfärd, ${sv}`,
    `Welfare coordination group, ${en}`,
  ),
  parentBodyId: lasuId,
  region: fi,
  seats: seats(`seat-coord-${slug}`, [
    [o.childHealthHome, ylihoitaja],
    [o.schoolHealth, ylihoitaja],
    [o.familyCounselling, t("päällikkö", "chef", "head")],
    [o.childWelfare, t("johtava sosiaalityöntekijä", "ledande socialarbetare", "lead social worker")],
    [o.basicEducation, t("aluepäällikkö", "områdeschef", "area manager")],
    [o.pupilWelfare, t("oppilashuollon aluevastaava", "områdesansvarig för elevvården", "area lead for pupil welfare")],
    [
      o.dayCare,
      t("varhaiskasvatusalueen päällikkö", "chef för småbarnsfostringsområdet", "early education area manager"),
    ],
    [o.playgrounds, t("johtava ohjaaja", "ledande handledare", "lead instructor")],
    [
      o.regionalYouthWork,
      t(
        "nuorisotyöyksikön toiminnanjohtaja",
        "verksamhetsledare för ungdomsarbetsenheten",
        "director of the youth work unit",
      ),
    ],
    [o.luotsi, t("Luotsi-toiminnanjohtaja", "verksamhetsledare för Luotsi", "Luotsi director")],
    [o.klaari, t("Klaari-koordinaattori", "Klaari-koordinator", "Klaari coordinator")],
    [o.sportsServices, t("liikuntapäällikkö", "idrottschef", "sports manager")],
    [o.cultureCentre, t("alueyksikön johtaja", "chef för regionenheten", "head of the regional unit")],
    [o.parish, t("lapsiasioista vastaava", "ansvarig för barnfrågor", "officer responsible for children's affairs")],
    [o.thirdSector, whenNeeded, "invited-when-needed"],
    [org.police, whenNeeded, "invited-when-needed"],
    [org.hus, whenNeeded, "invited-when-needed"],
    [o.education, t("projektipäällikkö", "projektchef", "project manager")],
  ]),
  chairPolicy: { kind: "unspecified" },
  tasks: [
    t(
      "Lasten ja nuorten hyvinvointisuunnitelman, Savuton Helsinki -ohjelman ja Vastuullisen alkoholinkäytön toimenpideohjelman toteutumisen seuranta ja johtaminen alueella",
      "Uppföljning och ledning av välfärdsplanen, programmet Rökfria Helsingfors och åtgärdsprogrammet för ansvarsfull alkoholkonsumtion i regionen",
      "Leading and following up the welfare plan, the Smoke-free Helsinki programme and the responsible alcohol use programme in the region",
    ),
    t(
      "Toimintasuunnitelman laatiminen LASU-kollegion hyväksyttäväksi",
      "Utarbetande av en verksamhetsplan för godkännande av LASU-kollegiet",
      "Drawing up an action plan for the LASU collegium to approve",
    ),
  ],
  legalBasis: [childLaw],
  ageScope: under17,
  annualClock: [
    { month: 3, activity: t("Verkostoseminaari", "Nätverksseminarium", "Network seminar") },
    {
      month: 9,
      activity: t("Toimintasuunnitelman laatiminen", "Verksamhetsplanen utarbetas", "Drawing up the action plan"),
    },
    { month: 10, activity: t("Verkostoseminaari", "Nätverksseminarium", "Network seminar") },
  ],
}));

/** Workers' multi-agency networks of a region; the composition depends on the network (004). */
const workerNetwork: CooperationBodyInput = {
  id: "body-hel-worker-networks",
  teamId: helsinkiTeamId,
  kind: "worker-network",
  tier: "network",
  name: t(
    "Alueen työntekijöiden monitoimijaiset yhteistyöverkostot",
    "Regionala mångprofessionella samarbetsnätverk för anställda",
    "Regional multi-agency workers' networks",
  ),
  parentBodyId: null,
  seats: seats("seat-net", [
    [
      o.childHealthHome,
      t(
        "osastonhoitaja ja johtava ohjaaja",
        "avdelningsskötare och ledande handledare",
        "nurse manager and lead instructor",
      ),
    ],
    [
      o.childHealthHome,
      t(
        "terveydenhoitaja ja perhetyöntekijä",
        "hälsovårdare och familjearbetare",
        "public health nurse and family worker",
      ),
      "invited-when-needed",
    ],
    [o.schoolHealth, t("kouluterveydenhoitaja", "skolhälsovårdare", "school nurse"), "invited-when-needed"],
    [
      o.familyCounselling,
      t(
        "perheneuvolan psykologi, sosiaalityöntekijä",
        "familjerådgivningens psykolog, socialarbetare",
        "family counselling psychologist, social worker",
      ),
      "invited-when-needed",
    ],
    [
      o.childWelfare,
      t("sosiaalityöntekijä, sosiaaliohjaaja", "socialarbetare, socialhandledare", "social worker, social counsellor"),
      "invited-when-needed",
    ],
    [
      o.basicEducation,
      t(
        "rehtori, opettaja tai ohjaaja (yksi edustaja koululta)",
        "rektor, lärare eller handledare (en per skola)",
        "head teacher, teacher or instructor (one per school)",
      ),
    ],
    [
      o.pupilWelfare,
      t("koulukuraattori, koulupsykologi", "skolkurator, skolpsykolog", "school social worker, school psychologist"),
    ],
    [
      o.dayCare,
      t(
        "päiväkodinjohtaja, lastentarhanopettaja tai ohjaaja (yksi edustaja päiväkodista)",
        "daghemsföreståndare, barnträdgårdslärare eller handledare (en per daghem)",
        "day-care head, kindergarten teacher or instructor (one per centre)",
      ),
    ],
    [o.regionalYouthWork, t("nuorisotyöntekijä", "ungdomsarbetare", "youth worker")],
    [o.luotsi, t("nuorisotyöntekijä", "ungdomsarbetare", "youth worker")],
    [o.luotsi, t("terveydenhoitaja", "hälsovårdare", "public health nurse"), "invited-when-needed"],
    [o.klaari, t("Klaari-koordinaattori", "Klaari-koordinator", "Klaari coordinator")],
    [o.sportsServices, t("liikunnanohjaaja", "idrottsinstruktör", "sports instructor")],
    [o.parish, t("seurakunnan työntekijä", "församlingsanställd", "parish worker")],
    [o.thirdSector, t("järjestön edustaja", "organisationsrepresentant", "NGO representative")],
    [o.contractSchools, t("koulun työntekijä", "skolans anställd", "school employee")],
    [org.police, t("konstaapeli", "konstapel", "police constable"), "invited-when-needed"],
  ]),
  chairPolicy: { kind: "unspecified" },
  tasks: [
    t(
      "Temaattisilla ryhmillä yhteistyöstä sopiminen",
      "Överenskommelser om samarbete i tematiska grupper",
      "Agreeing on cooperation in thematic groups",
    ),
    t(
      "Ehkäisevän työn ryhmillä alueellisen tiedon vaihto ja konkreettisesta yhteistyöstä sopiminen",
      "Informationsutbyte och konkreta samarbetsavtal i grupper för förebyggande arbete",
      "Exchanging regional information and agreeing on concrete cooperation in prevention groups",
    ),
  ],
  legalBasis: [childLaw],
  ageScope: under17,
  annualClock: [],
};

/** The youth guidance and service network NOP (15–29), a separate structure (004). */
const nop: CooperationBodyInput = {
  id: "body-hel-nop",
  teamId: helsinkiTeamId,
  kind: "youth-guidance-network",
  tier: "city",
  name: t(
    "Nuorten ohjaus- ja palveluverkosto (NOP)",
    "Nätverket för vägledning och tjänster för unga (NOP)",
    "Youth guidance and service network (NOP)",
  ),
  seats: [],
  chairPolicy: { kind: "unspecified" },
  tasks: [
    t(
      "15–29-vuotiaiden hyvinvointia edistävä kaupunkistrategian toteuttamiseen tähtäävä työ",
      "Arbete för att genomföra stadsstrategin och främja välfärden för 15–29-åringar",
      "Work to implement the city strategy and promote the wellbeing of 15–29-year-olds",
    ),
    t(
      "Valmistelu apulaiskaupunginjohtajalle",
      "Beredning för biträdande stadsdirektören",
      "Preparation for the deputy mayor",
    ),
  ],
  legalBasis: ["Nuorisolaki 72/2006 7 a §"],
  ageScope: { min: 15, max: 29, note: null },
  annualClock: [],
};

/** Helsinki's 2013–2016 child and youth welfare bodies (seed 004). */
export const helsinki004Bodies: CooperationBodyInput[] = [lasu, ...coordinationGroups, workerNetwork, nop];
