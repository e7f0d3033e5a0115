import type { LocalisedText } from "../core/localised-text.js";
import type { CaseStatus } from "./case.js";
import type { CaseCommandType } from "./case-commands.js";

/** Each case status in words, for messages: a caseworker reads "asiakasvalinnassa", never `in-selection`. */
export const caseStatusNames: Readonly<Record<CaseStatus, LocalisedText>> = {
  "referred": { fi: "ohjattu", sv: "hänvisat", en: "referred" },
  "in-selection": { fi: "asiakasvalinnassa", sv: "under klienturval", en: "in client selection" },
  "admitted": { fi: "otettu asiakkaaksi", sv: "antaget som klient", en: "admitted" },
  "declined": { fi: "ei otettu asiakkaaksi", sv: "inte antaget som klient", en: "declined" },
  "active": { fi: "aktiivinen", sv: "aktivt", en: "active" },
  "closed": { fi: "päättynyt", sv: "avslutat", en: "closed" },
};

/** Each case command as the action a caseworker took, for messages that refuse it. */
export const caseCommandNames: Readonly<Record<CaseCommandType, LocalisedText>> = {
  "start-selection": {
    fi: "asiakasvalinnan aloittaminen",
    sv: "att inleda klienturvalet",
    en: "starting the client selection",
  },
  "record-selection-decision": {
    fi: "valintapäätöksen kirjaaminen",
    sv: "att registrera ett urvalsbeslut",
    en: "recording a selection decision",
  },
  "admit": { fi: "asiakkaaksi ottaminen", sv: "att anta som klient", en: "admitting the client" },
  "decline": { fi: "asiakkuudesta kieltäytyminen", sv: "att avböja klientskapet", en: "declining the case" },
  "activate": { fi: "asiakkuuden aloittaminen", sv: "att inleda klientskapet", en: "activating the case" },
  "close": { fi: "asiakkuuden päättäminen", sv: "att avsluta klientskapet", en: "closing the case" },
  "add-guardian": { fi: "huoltajan lisääminen", sv: "att lägga till en vårdnadshavare", en: "adding a guardian" },
  "record-existing-clientship": {
    fi: "olemassa olevan asiakkuuden kirjaaminen",
    sv: "att registrera en befintlig klientrelation",
    en: "recording an existing client relationship",
  },
  "end-existing-clientship": {
    fi: "olemassa olevan asiakkuuden päättymisen kirjaaminen",
    sv: "att registrera att en befintlig klientrelation har upphört",
    en: "recording the end of an existing client relationship",
  },
  "record-child-welfare-notification": {
    fi: "lastensuojeluilmoituksen kirjaaminen",
    sv: "att registrera en barnskyddsanmälan",
    en: "recording a child welfare notification",
  },
  "record-consent": { fi: "suostumuksen kirjaaminen", sv: "att registrera ett samtycke", en: "recording a consent" },
  "withdraw-consent": { fi: "suostumuksen peruminen", sv: "att återkalla ett samtycke", en: "withdrawing a consent" },
  "correct-consent-withdrawal": {
    fi: "suostumuksen peruutuksen korjaaminen",
    sv: "att rätta en återkallelse av samtycke",
    en: "correcting a consent withdrawal",
  },
  "plan-meeting": { fi: "tapaamisen suunnittelu", sv: "att planera ett möte", en: "planning a meeting" },
  "record-meeting-held": {
    fi: "tapaamisen merkitseminen pidetyksi",
    sv: "att registrera ett möte som hållet",
    en: "recording a meeting as held",
  },
  "cancel-meeting": { fi: "tapaamisen peruminen", sv: "att ställa in ett möte", en: "cancelling a meeting" },
  "record-meeting-record": { fi: "tapaamisen kirjaaminen", sv: "att dokumentera ett möte", en: "recording a meeting" },
  "complete-meeting-record": {
    fi: "tapaamisen kirjauksen täydentäminen",
    sv: "att komplettera dokumentationen av ett möte",
    en: "completing a meeting's record",
  },
  "send-invitations": { fi: "kutsujen lähettäminen", sv: "att skicka inbjudningar", en: "sending invitations" },
  "answer-invitation": { fi: "kutsuun vastaaminen", sv: "att besvara en inbjudan", en: "answering an invitation" },
  "inform-responsible-worker": {
    fi: "vastuusosiaalityöntekijälle tiedottaminen",
    sv: "att informera den ansvariga socialarbetaren",
    en: "informing the responsible social worker",
  },
  "make-referral": { fi: "palveluun ohjaaminen", sv: "att hänvisa till en tjänst", en: "referring to a service" },
  "update-referral": {
    fi: "palveluohjauksen päivittäminen",
    sv: "att uppdatera en hänvisning till en tjänst",
    en: "updating a referral to a service",
  },
};
