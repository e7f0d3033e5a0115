import { isPartyOn } from "../agreement/agreement-terms.js";
import type { Agreement } from "../agreement/agreement.js";
import type { LocalDate } from "../core/local-date.js";
import { type Violation, violation } from "../core/violation.js";
import { isWithin, type Organisation, organisationName } from "../organisations/organisation.js";
import { checkRotation, chairOn, type Rotation, type RotationEvent } from "./chair-rotation.js";
import type { CooperationBody } from "./cooperation-body.js";

/** Codes of the rules of a chair override (003 § 6.2). */
export type ChairOverrideCode =
  | "ROTATION.OVERRIDE_NOT_TERM_START"
  | "ROTATION.CHAIR_WITHOUT_SEAT"
  | "ROTATION.CHAIR_NOT_IN_FORCE"
  | "ROTATION.OVERRIDE_EXISTS";

type Override = Extract<RotationEvent, { kind: "override" }>;

/**
 * A decision giving one term of a rotating chair to a party (003 § 6.2: the chair rotates among the
 * parties; a decision may give a term to another): the day starts a term; the party holds a seat of
 * the body (itself or one of its units) and is a party in force on the term's first and last day; and
 * a term already decided is decided again only explicitly (`replaces`), the earlier decision kept and
 * shown beside the new one. Returns the rotation with the decision recorded when nothing is wrong.
 */
export function checkChairOverride(
  input: {
    agreement: Agreement;
    organisations: readonly Organisation[];
    body: CooperationBody;
    rotation: Rotation;
  },
  override: Override,
  replaces: boolean,
): { ok: true; rotation: Rotation } | { ok: false; error: Violation[] } {
  const { agreement, body, rotation } = input;
  const next: Rotation = { ...rotation, events: [...rotation.events, override] };
  const at = next.events.length - 1;
  const found: Violation[] = checkRotation(next).filter((v) => v.path?.[1] === at);
  const index = new Map(input.organisations.map((o) => [o.id, o]));
  const name = organisationName(override.partyId, index);
  const bodyName = body.name;
  if (!body.seats.some((s) => isWithin(s.organisationId, override.partyId, index))) {
    found.push(
      violation(
        "ROTATION.CHAIR_WITHOUT_SEAT",
        [override.partyId, body.id],
        {
          fi: `${name.fi} ei ole jäsenenä elimessä ${bodyName.fi}, joten se ei voi toimia puheenjohtajana.`,
          sv: `${name.sv} har ingen plats i ${bodyName.sv} och kan inte vara ordförande.`,
          en: `${name.en} holds no seat in ${bodyName.en}, so it cannot chair it.`,
        },
        { path: ["partyId"] },
      ),
    );
  }
  if (found.length === 0) {
    const term = chairOn(next, override.termStart);
    const days: LocalDate[] = term ? [term.from, term.to] : [override.termStart];
    if (!days.every((d) => isPartyOn(agreement, override.partyId, d))) {
      found.push(
        violation(
          "ROTATION.CHAIR_NOT_IN_FORCE",
          [override.partyId],
          {
            fi: `${name.fi} ei ole sopimuksen osapuoli koko kauden ${days.join("–")} ajan.`,
            sv: `${name.sv} är inte part i avtalet under hela perioden ${days.join("–")}.`,
            en: `${name.en} is not a party of the agreement throughout the term ${days.join("–")}.`,
          },
          { path: ["partyId"] },
        ),
      );
    }
    const earlier = rotation.events.filter(
      (e): e is Override => e.kind === "override" && e.termStart === override.termStart,
    );
    const last = earlier[earlier.length - 1];
    if (last && !replaces) {
      const was = organisationName(last.partyId, index);
      found.push(
        violation(
          "ROTATION.OVERRIDE_EXISTS",
          [last.partyId],
          {
            fi: `Kaudesta ${override.termStart} on jo päätetty (${was.fi}, ${last.reference}); uusi päätös korvaa sen vain nimenomaisesti.`,
            sv: `Om perioden ${override.termStart} har redan beslutats (${was.sv}, ${last.reference}); ett nytt beslut ersätter det bara uttryckligen.`,
            en: `The term from ${override.termStart} has been decided already (${was.en}, ${last.reference}); a new decision replaces it only explicitly.`,
          },
          { path: ["replacesOverride"] },
        ),
      );
    }
  }
  return found.length > 0 ? { ok: false, error: found } : { ok: true, rotation: next };
}
