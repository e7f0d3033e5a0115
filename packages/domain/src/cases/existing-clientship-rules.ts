import type { Agreement } from "../agreement/agreement.js";
import { isPartyOn, termsOn } from "../agreement/agreement-terms.js";
import type { OrganisationId } from "../core/ids.js";
import type { LocalDate } from "../core/local-date.js";
import { type Violation, violation } from "../core/violation.js";
import { isWithin, type OrganisationIndex, organisationName, type Sector } from "../organisations/organisation.js";
import type { Case, ExistingClientship } from "./case.js";
import { notBefore } from "./case-refusals.js";

/** The sectors whose units have clients of their own: social services, health care and youth services. */
export const clientHoldingSectors: readonly Sector[] = ["social-services", "health-care", "youth-services"];

/**
 * Organisations that can have an existing client relationship with a client (003 § 4.2): units of the
 * agreement's parties on `day` working in a client-holding sector. Anyone else (a hospital district,
 * a school, an association) takes part only under consent.
 */
export function clientHoldingOrganisationIds(
  agreement: Agreement,
  organisations: OrganisationIndex,
  day: LocalDate,
): OrganisationId[] {
  const parties = termsOn(agreement, day)
    .parties.map((p) => p.organisationId)
    .filter((id) => isPartyOn(agreement, id, day));
  return [...organisations.values()]
    .filter((o) => o.kind === "unit" && clientHoldingSectors.includes(o.sector))
    .filter((o) => parties.some((party) => isWithin(o.id, party, organisations)))
    .map((o) => o.id);
}

/** Who records an existing client relationship, and what may be recorded, on the day. */
export interface ClientshipRecording {
  /** The recorder's organisation. */
  organisationId: OrganisationId;
  /** The units that select clients (`selectionOrganisationIds`). */
  selectingUnits: readonly OrganisationId[];
  /** `clientHoldingOrganisationIds` on the day. */
  clientHolders: readonly OrganisationId[];
  organisations?: OrganisationIndex;
}

/**
 * Reasons an existing client relationship may not be recorded: the organisation cannot have clients
 * (it would open the case to it without consent), or the recorder is neither of that organisation
 * nor of a selecting unit, who alone can know of it (003 § 4.2).
 */
export function clientshipRefusals(
  c: Pick<Case, "id">,
  clientship: Pick<ExistingClientship, "organisationId">,
  recording: ClientshipRecording,
): Violation[] {
  const found: Violation[] = [];
  const org = clientship.organisationId;
  if (!recording.clientHolders.includes(org)) {
    found.push(
      violation(
        "CLIENTSHIP.NOT_CLIENT_HOLDER",
        [c.id, org],
        {
          fi: "Olemassa olevan asiakkuuden voi kirjata vain sopimusosapuolen sosiaali-, terveys- tai nuorisopalvelujen yksikköön; muut tahot osallistuvat vain luvalla.",
          sv: "En befintlig klientrelation kan registreras endast för en enhet inom avtalsparternas social-, hälso- eller ungdomstjänster; andra deltar endast med samtycke.",
          en: "An existing client relationship can be recorded only with a social, health or youth services unit of a party; anyone else takes part only with consent.",
        },
        { path: ["organisationId"] },
      ),
    );
  }
  found.push(...recorderRefusals(c, org, recording, "record"));
  return found;
}

const recorderMessages = {
  record: {
    fi: "Olemassa olevan asiakkuuden kirjaa kyseisen yksikön tai asiakasvalintaan osallistuvan yksikön työntekijä.",
    sv: "En befintlig klientrelation registreras av en anställd vid enheten i fråga eller vid en enhet som deltar i klienturvalet.",
    en: "An existing client relationship is recorded by someone of that unit or of a unit that selects clients.",
  },
  end: {
    fi: "Olemassa olevan asiakkuuden päättymisen kirjaa kyseisen yksikön tai asiakasvalintaan osallistuvan yksikön työntekijä.",
    sv: "Att en befintlig klientrelation har upphört registreras av en anställd vid enheten i fråga eller vid en enhet som deltar i klienturvalet.",
    en: "The end of an existing client relationship is recorded by someone of that unit or of a unit that selects clients.",
  },
} as const;

/** The recorder is neither of the relationship's organisation (or within it) nor of a selecting unit. */
function recorderRefusals(
  c: Pick<Case, "id">,
  org: OrganisationId,
  recording: ClientshipRecording,
  action: keyof typeof recorderMessages,
): Violation[] {
  const own =
    recording.organisationId === org ||
    (recording.organisations !== undefined && isWithin(recording.organisationId, org, recording.organisations));
  if (own || recording.selectingUnits.includes(recording.organisationId)) return [];
  return [violation("CLIENTSHIP.NOT_RECORDER", [c.id, org], recorderMessages[action])];
}

/**
 * True when the relationship is in force on `day`: begun by then (when its start is known) and not
 * yet ended. A responsible worker's seat on a meeting's day needs one (003 § 4.2).
 */
export function clientshipInForce(x: Pick<ExistingClientship, "since" | "endedOn">, day: LocalDate): boolean {
  return (x.since === null || x.since <= day) && (x.endedOn === null || day < x.endedOn);
}

/**
 * Reasons the end of an existing client relationship may not be recorded on `endedOn`: none is recorded
 * with the organisation, or it has already ended; the recorder may not record it (as for recording,
 * {@link clientshipRefusals}; the organisation need not hold clients any more); or the day is before
 * the relationship began or was recorded, from when the organisation's access rests on it. A day after
 * today is refused with every other event (`notInFuture`).
 */
export function clientshipEndRefusals(
  c: Pick<Case, "id" | "referredOn" | "existingClientships">,
  organisationId: OrganisationId,
  endedOn: LocalDate,
  recording: ClientshipRecording,
): Violation[] {
  const name = organisationName(organisationId, recording.organisations);
  const x = c.existingClientships.find((y) => y.organisationId === organisationId);
  if (x === undefined) {
    return [
      violation(
        "CLIENTSHIP.NOT_FOUND",
        [c.id, organisationId],
        {
          fi: `Asiakkuudelle ei ole kirjattu olemassa olevaa asiakkuutta organisaatiossa ${name.fi}.`,
          sv: `Ingen befintlig klientrelation med ${name.sv} har registrerats i klientskapet.`,
          en: `No existing client relationship with ${name.en} is recorded in this case.`,
        },
        { path: ["organisationId"] },
      ),
    ];
  }
  const found = recorderRefusals(c, organisationId, recording, "end");
  if (x.endedOn !== null) {
    found.push(
      violation("CLIENTSHIP.ALREADY_ENDED", [c.id, organisationId], {
        fi: `Asiakkuus organisaatiossa ${name.fi} on jo päättynyt ${x.endedOn}.`,
        sv: `Klientrelationen med ${name.sv} har redan upphört ${x.endedOn}.`,
        en: `The client relationship with ${name.en} already ended on ${x.endedOn}.`,
      }),
    );
  }
  found.push(
    ...notBefore(c.id, endedOn, x.since, {
      fi: `asiakkuuden alku organisaatiossa ${name.fi}`,
      sv: `början av klientrelationen med ${name.sv}`,
      en: `the start of the client relationship with ${name.en}`,
    }),
    ...notBefore(c.id, endedOn, x.recordedOn ?? c.referredOn, {
      fi: `asiakkuuden kirjaaminen organisaatiossa ${name.fi}`,
      sv: `registreringen av klientrelationen med ${name.sv}`,
      en: `the recording of the client relationship with ${name.en}`,
    }),
  );
  return found;
}

/** A relationship that has ended is not recorded again: its end, and the access it gave, stay as they were. */
export function clientshipEndedRefusals(
  c: Pick<Case, "id" | "existingClientships">,
  organisationId: OrganisationId,
  organisations?: OrganisationIndex,
): Violation[] {
  const endedOn = c.existingClientships.find((x) => x.organisationId === organisationId)?.endedOn ?? null;
  if (endedOn === null) return [];
  const name = organisationName(organisationId, organisations);
  return [
    violation("CLIENTSHIP.ALREADY_ENDED", [c.id, organisationId], {
      fi: `Asiakkuus organisaatiossa ${name.fi} päättyi ${endedOn}; päättynyttä asiakkuutta ei kirjata uudelleen.`,
      sv: `Klientrelationen med ${name.sv} upphörde ${endedOn}; en relation som har upphört registreras inte på nytt.`,
      en: `The client relationship with ${name.en} ended on ${endedOn}; an ended relationship is not recorded again.`,
    }),
  ];
}
