import type { AgreementInput } from "../../agreement/agreement.js";
import { org } from "./organisations.js";

export const helsinkiTeamId = "team-helsinki";
export const helsinkiAgreementId = "agreement-helsinki-2024";

/**
 * The 2024 Ankkuri agreement of Helsinki (seed 003), as version 1 of its terms. Contact persons and
 * signatories are fictional people with the real titles; the seed's phone numbers and e-mail
 * addresses are deliberately not copied.
 */
export const helsinkiAgreement: AgreementInput = {
  id: helsinkiAgreementId,
  teamId: helsinkiTeamId,
  oid: "1.2.246.10.02012566.1.9.632.1",
  title: {
    fi: "Kuva ja Sotepe: Moniammatillista Ankkuri-viranomaistyöryhmää koskeva sopimus 2024 / Helsingin poliisilaitos",
    sv: "Kuva och Sotepe: Avtal om den mångprofessionella myndighetsarbetsgruppen Ankkuri 2024 / Helsingfors polisinrättning",
    en: "Kuva and Sotepe: Agreement on the multi-professional Ankkuri authority team 2024 / Helsinki Police Department",
  },
  description: {
    fi: "Sopimus koskee moniammatillisen viranomaistyöryhmän toimintaa. Sopimuksen tavoitteena on osaltaan selkeyttää ja edistää moniammatillista viranomaisyhteistyötä Helsingin poliisilaitoksen ja Helsingin kaupungin toimialojen välillä.",
    sv: "Avtalet gäller den mångprofessionella myndighetsarbetsgruppens verksamhet. Syftet är att förtydliga och främja det mångprofessionella myndighetssamarbetet mellan Helsingfors polisinrättning och Helsingfors stads sektorer.",
    en: "The agreement concerns the work of the multi-professional authority team. It aims to clarify and promote multi-professional cooperation between the Helsinki Police Department and the divisions of the City of Helsinki.",
  },
  startsOn: "2024-05-01",
  versions: [
    {
      number: 1,
      effectiveFrom: "2024-05-01",
      decidedOn: "2024-04-16",
      summary: {
        fi: "Alkuperäinen sopimus: osapuolet, tavoitteet, henkilöstö, johtaminen, työtilat ja salassapito.",
        sv: "Ursprungligt avtal: parter, mål, personal, ledning, arbetslokaler och sekretess.",
        en: "Original agreement: parties, aims, staffing, leadership, premises and confidentiality.",
      },
      parties: [
        {
          organisationId: org.police,
          role: "supplier",
          contact: {
            name: "Heikki Laaksonen",
            title: "ylikomisario, valvonta ja ennalta estävän toiminnon johtaja",
            email: "heikki.laaksonen@poliisi.example",
          },
        },
        {
          organisationId: org.sotepe,
          role: "customer",
          contact: {
            name: "Sari Niemelä",
            title: "päällikkö, sosiaali- ja kriisipäivystys",
            email: "sari.niemela@hel.example",
          },
        },
        {
          organisationId: org.kuva,
          role: "customer",
          contact: { name: "Riikka Salmi", title: "aluepäällikkö, nuorisopalvelut", email: "riikka.salmi@hel.example" },
        },
      ],
      teamUnits: [
        { organisationId: org.policePrevention, partyId: org.police, professions: ["police-officer"] },
        { organisationId: org.socialEmergency, partyId: org.sotepe, professions: ["social-worker"] },
        { organisationId: org.psychiatry, partyId: org.sotepe, professions: ["psychiatric-nurse"] },
        { organisationId: org.youthServices, partyId: org.kuva, professions: ["youth-worker"] },
      ],
      // 003 § 5: targets ("tavoitteena on"), reported against, not limits.
      fteTargets: [
        { organisationId: org.policePrevention, profession: "police-officer", fte: 5, supervisors: 1 },
        { organisationId: org.socialEmergency, profession: "social-worker", fte: 2.5 },
        { organisationId: org.psychiatry, profession: "psychiatric-nurse", fte: 1 },
        { organisationId: org.youthServices, profession: "youth-worker", fte: 2, namedFte: 4 },
      ],
      noticePeriodMonths: 6,
      joiningApproverIds: [org.police, org.sotepe],
      essentialPartyIds: [org.police, org.sotepe],
    },
  ],
  signatures: [
    {
      id: "sig-2024-kuva",
      versionNumber: 1,
      signerName: "Anna Kallio",
      signerTitle: "toimialajohtaja",
      organisationId: org.kuva,
      method: "strong-authentication",
      signedAt: "2024-04-16T10:42:00+03:00",
    },
    {
      id: "sig-2024-sotepe",
      versionNumber: 1,
      signerName: "Mikko Rantanen",
      signerTitle: "toimialajohtaja",
      organisationId: org.sotepe,
      method: "strong-authentication",
      signedAt: "2024-04-16T10:48:00+03:00",
    },
    {
      id: "sig-2024-police",
      versionNumber: 1,
      signerName: "Pekka Vartio",
      signerTitle: "poliisipäällikkö, poliisikomentaja",
      organisationId: org.police,
      method: "strong-authentication",
      signedAt: "2024-04-16T11:04:00+03:00",
    },
  ],
  joiningDecisions: [],
  notices: [],
};
