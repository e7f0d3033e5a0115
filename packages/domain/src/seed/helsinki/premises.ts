import type { PremisesInput } from "../../teams/premises.js";
import { helsinkiTeamId } from "./agreement.js";
import { org } from "./organisations.js";

/**
 * The team's meeting places (fictional rooms): the city's rooms for client meetings and meetings, and
 * a meeting room on the police department's premises where the team works (003 § 7).
 */
export const helsinkiPremises: PremisesInput[] = [
  {
    id: "premises-city-meeting-room-1",
    teamId: helsinkiTeamId,
    name: {
      fi: "Kaupungin asiakastapaamishuone 1",
      sv: "Stadens klientmötesrum 1",
      en: "City client meeting room 1",
    },
    address: "Testikatu 1 A, 00100 Helsinki",
    organisationId: org.city,
  },
  {
    id: "premises-city-meeting-room-2",
    teamId: helsinkiTeamId,
    name: {
      fi: "Kaupungin asiakastapaamishuone 2",
      sv: "Stadens klientmötesrum 2",
      en: "City client meeting room 2",
    },
    address: "Testikatu 1 A, 00100 Helsinki",
    organisationId: org.city,
  },
  {
    id: "premises-police-conference-room",
    teamId: helsinkiTeamId,
    name: {
      fi: "Poliisilaitoksen neuvotteluhuone",
      sv: "Polisinrättningens konferensrum",
      en: "Police department conference room",
    },
    address: null,
    organisationId: org.police,
  },
];
