import type { Agreement } from "../agreement/agreement.js";
import type { OrganisationId } from "../core/ids.js";
import { helsinkiDayOf, type LocalDate } from "../core/local-date.js";
import { type Language, type LocalisedText, pick } from "../core/localised-text.js";
import type { OrganisationIndex } from "../organisations/organisation.js";
import { type Actor, hasRole } from "./access-policy.js";
import { controllerOf } from "./controller-of.js";
import { type LegalBasis, legalBasisTexts } from "./legal-basis.js";
import { type AccessRole, accessRoles } from "./roles.js";

/**
 * Whose events an extract may hold for this actor: an auditor answers for the whole team; a
 * registry office (kirjaamo) answers for its own controller, whose processing it is responsible for
 * (GDPR Art. 15; each controller answers its own clients). Null: nobody else may request one.
 */
export function extractScopeFor(
  actor: Actor,
  teamId: string,
  agreement: Agreement,
  organisations: OrganisationIndex,
  day: LocalDate,
): { kind: "team" } | { kind: "controller"; controllerId: OrganisationId } | null {
  if (actor.teamId !== teamId) return null;
  if (hasRole(actor, "auditor")) return { kind: "team" };
  if (hasRole(actor, "registry-office"))
    return { kind: "controller", controllerId: controllerOf(actor.organisationId, agreement, organisations, day) };
  return null;
}

/**
 * The scope a request for one controller's events (or, without `controllerId`, for all the
 * requester may see) gets within the requester's scope (`extractScopeFor`): an auditor may narrow
 * the team to a controller; a registry office asks for its own controller only. Null when the
 * request reaches beyond the requester's scope.
 */
export function requestedExtractScope(
  scope: { kind: "team" } | { kind: "controller"; controllerId: OrganisationId },
  controllerId?: OrganisationId,
): { kind: "team" } | { kind: "controller"; controllerId: OrganisationId } | null {
  if (controllerId === undefined) return scope;
  if (scope.kind === "team") return { kind: "controller", controllerId };
  return scope.controllerId === controllerId ? scope : null;
}

/**
 * A controller's choice whether its clients' extracts name the people who processed their data
 * (the default is organisation and role only); configurable per deployment.
 */
export interface ControllerExtractPolicy {
  controllerId: OrganisationId;
  namesPersons: boolean;
}

/** One access-log entry as the extract reads it. */
export interface LoggedAccess {
  occurredAt: Date;
  actorId: string;
  actorOrganisationId: string;
  actorRole: string;
  operation: "read" | "create" | "update" | "delete";
  resource: string;
  basis: LegalBasis;
  basisConsentIds: readonly string[];
  /** False for entries written before bases were logged: their basis is assumed to be casework. */
  basisRecorded: boolean;
}

/** One processing event in a client's extract, in the client's language. */
export interface ExtractEvent {
  occurredAt: string;
  organisationId: string;
  organisation: string;
  controller: string;
  role: string;
  /** The person, only when the controller's policy names them. */
  person: string | null;
  operation: LoggedAccess["operation"];
  action: string;
  basis: LegalBasis;
  basisText: string;
  consentIds: string[];
  note: string | null;
}

const roleTexts: Readonly<Record<AccessRole | "system", LocalisedText>> = {
  "police-officer": { fi: "Poliisi", sv: "Polis", en: "Police officer" },
  "operational-supervisor": { fi: "Operatiivinen esihenkilö", sv: "Operativ chef", en: "Operational supervisor" },
  "social-worker": { fi: "Sosiaalityöntekijä", sv: "Socialarbetare", en: "Social worker" },
  "psychiatric-nurse": { fi: "Psykiatrinen sairaanhoitaja", sv: "Psykiatrisk sjukskötare", en: "Psychiatric nurse" },
  "youth-worker": { fi: "Nuorisotyöntekijä", sv: "Ungdomsarbetare", en: "Youth worker" },
  "steering-group-member": { fi: "Ohjausryhmän jäsen", sv: "Medlem i styrgruppen", en: "Steering group member" },
  "party-leadership": { fi: "Osapuolen johto", sv: "Partens ledning", en: "Party leadership" },
  "auditor": { fi: "Lokitietojen valvoja", sv: "Granskare av loggdata", en: "Auditor" },
  "registry-office": { fi: "Kirjaamo", sv: "Registratur", en: "Registry office" },
  "team-administrator": { fi: "Työryhmän ylläpitäjä", sv: "Teamets administratör", en: "Team administrator" },
  "system": { fi: "Järjestelmä", sv: "Systemet", en: "The system" },
};

const operationTexts: Readonly<Record<LoggedAccess["operation"], LocalisedText>> = {
  read: { fi: "Luki", sv: "Läste", en: "Read" },
  create: { fi: "Kirjasi", sv: "Registrerade", en: "Recorded" },
  update: { fi: "Muutti", sv: "Ändrade", en: "Changed" },
  delete: { fi: "Poisti", sv: "Raderade", en: "Deleted" },
};

const resourceTexts: Readonly<Record<string, LocalisedText>> = {
  "case": { fi: "asiakkuuden tietoja", sv: "klientskapets uppgifter", en: "case data" },
  "case-note": { fi: "muistiinpanoa", sv: "anteckning", en: "a note" },
  "client": { fi: "asiakkaan tietoja", sv: "klientens uppgifter", en: "client data" },
  "client.identityCode": { fi: "henkilötunnusta", sv: "personbeteckningen", en: "the identity code" },
  "audit-log": { fi: "lokitietoja", sv: "loggdata", en: "the access log" },
  "access-log-extract": { fi: "lokitieto-otetta", sv: "utdrag ur loggdata", en: "the access-log extract" },
  "client-export": { fi: "tietojen kopiota", sv: "kopia av uppgifterna", en: "a copy of the data" },
};

const migratedNote: LocalisedText = {
  fi: "Kirjattu ennen perusteiden kirjaamista; peruste oletettu (Ankkuri-työ).",
  sv: "Loggat innan grunderna loggades; grunden antagen (Ankkuri-arbete).",
  en: "Logged before bases were recorded; the basis is assumed (casework).",
};

/** Who the operator's own tools (the command line, scheduled jobs) act as. */
const systemName: LocalisedText = {
  fi: "Ankkuri-järjestelmän ylläpito",
  sv: "Underhåll av Ankkuri-systemet",
  en: "Operator of the Ankkuri system",
};

const isRole = (r: string): r is AccessRole => (accessRoles as readonly string[]).includes(r);

/** What the extract needs to name organisations, controllers and (by policy) people. */
export interface ExtractContext {
  agreement: Agreement;
  organisations: OrganisationIndex;
  policies: readonly ControllerExtractPolicy[];
  /** The person's name for a login, where the controller names its people. */
  personName: (login: string) => string | null;
  language: Language;
}

/**
 * A client's access-log extract (client-data act 703/2023; GDPR Art. 15): each processing event with
 * its time, the organisation and role (the person only where the controller's policy names them),
 * the action and the basis, oldest first. With a controller scope only that controller's events
 * are listed.
 */
export function accessLogExtract(
  entries: readonly LoggedAccess[],
  scope: { kind: "team" } | { kind: "controller"; controllerId: OrganisationId },
  context: ExtractContext,
): ExtractEvent[] {
  const { language, organisations } = context;
  const nameOf = (id: string) => {
    const o = organisations.get(id);
    return o ? pick(o.name, language) : id === "system" ? pick(systemName, language) : id;
  };
  return [...entries]
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())
    .flatMap((e) => {
      const day = helsinkiDayOf(e.occurredAt);
      const controllerId = organisations.has(e.actorOrganisationId)
        ? controllerOf(e.actorOrganisationId, context.agreement, organisations, day)
        : e.actorOrganisationId;
      if (scope.kind === "controller" && controllerId !== scope.controllerId) return [];
      const named = context.policies.some((p) => p.controllerId === controllerId && p.namesPersons);
      const roles = e.actorRole
        .split(",")
        .map((r) => (isRole(r) || r === "system" ? pick(roleTexts[r], language) : r))
        .join(", ");
      const resource = resourceTexts[e.resource];
      return [
        {
          occurredAt: e.occurredAt.toISOString(),
          organisationId: e.actorOrganisationId,
          organisation: nameOf(e.actorOrganisationId),
          controller: nameOf(controllerId),
          role: roles,
          person: named ? (context.personName(e.actorId) ?? e.actorId) : null,
          operation: e.operation,
          action: `${pick(operationTexts[e.operation], language)} ${resource ? pick(resource, language) : e.resource}`,
          basis: e.basis,
          basisText: pick(legalBasisTexts[e.basis], language),
          consentIds: [...e.basisConsentIds],
          note: e.basisRecorded ? null : pick(migratedNote, language),
        },
      ];
    });
}
