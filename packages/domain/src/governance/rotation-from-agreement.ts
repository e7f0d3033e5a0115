import { partyEndDate } from "../agreement/agreement-terms.js";
import type { Agreement } from "../agreement/agreement.js";
import { addDays, type LocalDate } from "../core/local-date.js";
import type { Rotation, RotationEvent } from "./chair-rotation.js";

/**
 * The steering group's rotation derived from the agreement (003 § 6.2): yearly terms from the
 * agreement's start, the parties of version 1 in their listed order, parties added or dropped by later
 * versions joining or leaving on the version's effective date, and each notice taking its party out of
 * turn from the day it is given. Recorded overrides are passed in.
 */
export function rotationFromAgreement(
  agreement: Agreement,
  options: { anchor?: LocalDate; termMonths?: number; overrides?: Extract<RotationEvent, { kind: "override" }>[] } = {},
): Rotation {
  const versions = [...agreement.versions].sort((a, b) => a.number - b.number);
  const first = versions[0];
  const order = first ? first.parties.map((p) => p.organisationId) : [];
  const events: RotationEvent[] = [];
  versions.slice(1).forEach((v, i) => {
    const before = new Set((versions[i]?.parties ?? []).map((p) => p.organisationId));
    const after = new Set(v.parties.map((p) => p.organisationId));
    for (const id of after) if (!before.has(id)) events.push({ kind: "join", partyId: id, on: v.effectiveFrom });
    for (const id of before) if (!after.has(id)) events.push({ kind: "leave", partyId: id, on: v.effectiveFrom });
  });
  for (const n of agreement.notices) {
    events.push({ kind: "notice", partyId: n.partyId, on: n.givenOn });
    const end = partyEndDate(agreement, n.partyId);
    if (end !== null) events.push({ kind: "leave", partyId: n.partyId, on: addDays(end, 1) });
  }
  events.push(...(options.overrides ?? []));
  return { anchor: options.anchor ?? agreement.startsOn, termMonths: options.termMonths ?? 12, order, events };
}
