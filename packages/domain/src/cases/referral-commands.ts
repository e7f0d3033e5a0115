import type { LocalDate } from "../core/local-date.js";
import { err, ok, type Result, violation } from "../core/violation.js";
import type { Case, Referral, ReferralStatus } from "./case.js";
import { duplicate, notBefore } from "./case-refusals.js";

/** Referral statuses that end a referral. */
export const finalReferralStatuses: readonly ReferralStatus[] = ["completed", "declined", "cancelled"];

/** Records a referral to a service, optionally made in a held meeting. */
export function makeReferral(c: Case, referral: Referral): Result<Case> {
  if (c.referrals.some((r) => r.id === referral.id)) return err([duplicate(c, referral.id)]);
  const found = notBefore(c.id, referral.madeOn, c.decidedOn, {
    fi: "asiakkaaksi ottaminen",
    sv: "beslutet att ta emot klienten",
    en: "the admission",
  });
  if (referral.meetingId !== null && !c.meetings.some((m) => m.id === referral.meetingId && m.status === "held")) {
    found.push(
      violation(
        "MEETING.NOT_HELD",
        [c.id, referral.meetingId],
        {
          fi: "Palveluohjaus voidaan liittää vain pidettyyn tapaamiseen.",
          sv: "En hänvisning till tjänster kan kopplas endast till ett hållet möte.",
          en: "A referral can belong only to a held meeting.",
        },
        { path: ["meetingId"] },
      ),
    );
  }
  if (found.length > 0) return err(found);
  return ok({ ...c, referrals: [...c.referrals, { ...referral, statusChangedOn: referral.madeOn }] });
}

/** Moves a referral to a new status; final statuses do not change again. */
export function updateReferral(c: Case, referralId: string, status: ReferralStatus, on: LocalDate): Result<Case> {
  const referral = c.referrals.find((r) => r.id === referralId);
  if (!referral) {
    return err([
      violation("CASE.NOT_FOUND", [c.id, referralId], {
        fi: "Palveluohjausta ei löydy.",
        sv: "Hänvisningen till tjänster finns inte.",
        en: "Referral not found.",
      }),
    ]);
  }
  if (finalReferralStatuses.includes(referral.status)) {
    return err([
      violation("REFERRAL.FINAL", [c.id, referralId], {
        fi: `Palveluohjaus on jo päättynyt (${referral.status}).`,
        sv: `Hänvisningen till tjänster har redan avslutats (${referral.status}).`,
        en: `The referral has already ended (${referral.status}).`,
      }),
    ]);
  }
  const found = notBefore(c.id, on, referral.statusChangedOn, {
    fi: "edellinen tilamuutos",
    sv: "den föregående statusändringen",
    en: "the previous status change",
  });
  if (found.length > 0) return err(found);
  return ok({
    ...c,
    referrals: c.referrals.map((r) => (r.id === referralId ? { ...r, status, statusChangedOn: on } : r)),
  });
}
