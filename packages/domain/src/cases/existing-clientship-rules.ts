import type { Agreement } from "../agreement/agreement.js";
import { isPartyOn, termsOn } from "../agreement/agreement-terms.js";
import type { OrganisationId } from "../core/ids.js";
import type { LocalDate } from "../core/local-date.js";
import { type Violation, violation } from "../core/violation.js";
import { isWithin, type OrganisationIndex, type Sector } from "../organisations/organisation.js";
import type { Case, ExistingClientship } from "./case.js";

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
  const own =
    recording.organisationId === org ||
    (recording.organisations !== undefined && isWithin(recording.organisationId, org, recording.organisations));
  if (!own && !recording.selectingUnits.includes(recording.organisationId)) {
    found.push(
      violation("CLIENTSHIP.NOT_RECORDER", [c.id, org], {
        fi: "Olemassa olevan asiakkuuden kirjaa kyseisen yksikön tai asiakasvalintaan osallistuvan yksikön työntekijä.",
        sv: "En befintlig klientrelation registreras av en anställd vid enheten i fråga eller vid en enhet som deltar i klienturvalet.",
        en: "An existing client relationship is recorded by someone of that unit or of a unit that selects clients.",
      }),
    );
  }
  return found;
}
