import { z } from "zod";
import { idSchema, type OrganisationId } from "../core/ids.js";
import { addDays, addMonths, type LocalDate, localDateSchema } from "../core/local-date.js";
import { type Violation, violation } from "../core/violation.js";

/** A change to who may chair: a party joins or leaves, gives notice, or a decision overrides one term. */
export const rotationEventSchema = z.discriminatedUnion("kind", [
  /** The party joins the rotation on `on`; it enters at the end of the order. */
  z.object({ kind: z.literal("join"), partyId: idSchema, on: localDateSchema }),
  /** The party is no longer a member from `on`. */
  z.object({ kind: z.literal("leave"), partyId: idSchema, on: localDateSchema }),
  /** The party gave notice on `on`: its notice period has started, so it is skipped from then on. */
  z.object({ kind: z.literal("notice"), partyId: idSchema, on: localDateSchema }),
  /** A recorded decision gives the term starting on `termStart` to `partyId`; the order then continues. */
  z.object({
    kind: z.literal("override"),
    termStart: localDateSchema,
    partyId: idSchema,
    decidedOn: localDateSchema,
    reference: z.string().trim().min(1).max(200),
  }),
]);
export type RotationEvent = z.output<typeof rotationEventSchema>;

/**
 * A chair rotation: terms of `termMonths` starting at `anchor` (the Ankkuri steering group: yearly from
 * the agreement's start, 1 May; 003 § 6.2), chaired in turn by the parties in `order`, changed by
 * `events`.
 */
export const rotationSchema = z.object({
  anchor: localDateSchema,
  termMonths: z.number().int().min(1).max(60).default(12),
  order: z.array(idSchema).min(1),
  events: z.array(rotationEventSchema).default([]),
});
export type Rotation = z.output<typeof rotationSchema>;
export type RotationInput = z.input<typeof rotationSchema>;

/** One term of the rotation and its chair. */
export interface ChairTerm {
  /** 0 for the term starting at the anchor. */
  index: number;
  from: LocalDate;
  to: LocalDate;
  /** Null when no party was eligible at the term's start. */
  chairId: OrganisationId | null;
  /** Set when a recorded decision, not the order, gave this term its chair. */
  override: { decidedOn: LocalDate; reference: string } | null;
  /** Earlier decisions on this term that a later one replaced, oldest first (absent when none). */
  replaced?: { partyId: OrganisationId; decidedOn: LocalDate; reference: string }[];
}

/** Start of term `index`. Computed from the anchor each time so month-end anchors do not drift. */
export function termStart(rotation: Rotation, index: number): LocalDate {
  return addMonths(rotation.anchor, index * rotation.termMonths);
}

type MembershipEvent = Exclude<RotationEvent, { kind: "override" }>;

/** Joins, leaves and notices by date; events on the same day keep their listing order. */
function membershipInDateOrder(events: readonly RotationEvent[]): { e: MembershipEvent; i: number }[] {
  return events
    .map((e, i) => ({ e, i }))
    .filter((x): x is { e: MembershipEvent; i: number } => x.e.kind !== "override")
    .sort((a, b) => (a.e.on < b.e.on ? -1 : a.e.on > b.e.on ? 1 : a.i - b.i));
}

interface Entry {
  partyId: OrganisationId;
  active: boolean;
  noticeGiven: boolean;
}

/**
 * Walks the terms from the anchor in order. The roster is a list of entries: the initial order, then
 * one entry per join in date order. The pointer is the roster index of the last chair chosen by order;
 * each term goes to the next eligible entry after it, cyclically, so every eligible party chairs once
 * per cycle and a newcomer waits for its turn at the end of the order. An override gives one term away
 * without moving the pointer: the displaced party chairs the next term.
 */
function* walk(rotation: Rotation): Generator<ChairTerm> {
  const roster: Entry[] = rotation.order.map((partyId) => ({ partyId, active: true, noticeGiven: false }));
  const membership = membershipInDateOrder(rotation.events).map(({ e }) => e);
  // Every decision on a term, in the order recorded: the last one stands, the earlier ones are kept.
  const overrides = new Map<LocalDate, Extract<RotationEvent, { kind: "override" }>[]>();
  for (const e of rotation.events)
    if (e.kind === "override") overrides.set(e.termStart, [...(overrides.get(e.termStart) ?? []), e]);
  const latest = (partyId: string) => roster.findLast((x) => x.partyId === partyId && x.active);
  let applied = 0;
  let pointer = -1;
  let lastChairId: OrganisationId | null = null;
  for (let index = 0; ; index++) {
    const from = termStart(rotation, index);
    for (; applied < membership.length; applied++) {
      const e = membership[applied];
      if (e === undefined || e.on > from) break;
      const entry = latest(e.partyId);
      if (e.kind === "join") {
        if (!entry) roster.push({ partyId: e.partyId, active: true, noticeGiven: false });
      } else if (entry) {
        if (e.kind === "leave") entry.active = false;
        else entry.noticeGiven = true;
      }
    }
    const to = addDays(termStart(rotation, index + 1), -1);
    const pick = nextByOrder(roster, pointer, lastChairId);
    const decisions = overrides.get(from) ?? [];
    const override = decisions[decisions.length - 1];
    if (override) {
      // An override that names the party whose turn it was is the order itself: the turn is used.
      if (pick !== null && roster[pick]?.partyId === override.partyId) pointer = pick;
      lastChairId = override.partyId;
      yield {
        index,
        from,
        to,
        chairId: override.partyId,
        override: { decidedOn: override.decidedOn, reference: override.reference },
        ...(decisions.length > 1
          ? {
              replaced: decisions
                .slice(0, -1)
                .map((d) => ({ partyId: d.partyId, decidedOn: d.decidedOn, reference: d.reference })),
            }
          : {}),
      };
      continue;
    }
    const chairId = pick === null ? null : (roster[pick]?.partyId ?? null);
    if (pick !== null) pointer = pick;
    lastChairId = chairId;
    yield { index, from, to, chairId, override: null };
  }
}

/**
 * Roster index of the next eligible entry after `pointer`, cyclically. The previous chair is passed
 * over while anyone else is eligible: after leaving and rejoining it has a new entry further on, and
 * must still not chair twice in a row.
 */
function nextByOrder(roster: readonly Entry[], pointer: number, lastChairId: OrganisationId | null): number | null {
  let fallback: number | null = null;
  for (let step = 1; step <= roster.length; step++) {
    const candidate = (pointer + step) % roster.length;
    const entry = roster[candidate];
    if (!entry?.active || entry.noticeGiven) continue;
    if (entry.partyId !== lastChairId) return candidate;
    fallback ??= candidate;
  }
  return fallback;
}

/**
 * The chair on `date`, with the term it belongs to; null before the first term. Deterministic: the
 * same rotation and date always give the same answer.
 *
 * @example chairOn(helsinkiAnkkuri.steeringGroup.rotation, "2025-06-01")?.chairId
 */
export function chairOn(rotation: Rotation, date: LocalDate): ChairTerm | null {
  if (date < rotation.anchor) return null;
  for (const term of walk(rotation)) if (term.to >= date) return term;
  /* c8 ignore next */
  return null;
}

/**
 * The terms that overlap `years` years from `from` (inclusive), each with its chair: the calendar of
 * chairs shown to the steering group.
 */
export function chairCalendar(rotation: Rotation, from: LocalDate, years: number): ChairTerm[] {
  const until = addDays(addMonths(from, Math.max(0, Math.floor(years)) * 12), -1);
  const terms: ChairTerm[] = [];
  if (until < from) return terms;
  for (const term of walk(rotation)) {
    if (term.from > until) break;
    if (term.to >= from) terms.push(term);
  }
  return terms;
}

export type RotationViolationCode =
  "ROTATION.UNKNOWN_PARTY" | "ROTATION.DUPLICATE_PARTY" | "ROTATION.OVERRIDE_NOT_TERM_START";

/**
 * Checks a rotation's records: no party twice in the initial order, events refer to parties that are
 * (or were) in the rotation, and overrides name the start date of a term.
 */
export function checkRotation(rotation: Rotation): Violation<RotationViolationCode>[] {
  const found: Violation<RotationViolationCode>[] = [];
  const known = new Set(rotation.order);
  // Membership is checked in date order, as `walk` applies it, whatever the listing order.
  for (const { e, i } of membershipInDateOrder(rotation.events)) {
    if (e.kind === "join") known.add(e.partyId);
    else if (!known.has(e.partyId)) {
      found.push(
        violation(
          "ROTATION.UNKNOWN_PARTY",
          [e.partyId],
          {
            fi: "Organisaatio ei kuulu puheenjohtajuuden vuorotteluun.",
            sv: "Organisationen ingår inte i turordningen för ordförandeskapet.",
            en: "The organisation is not in the chair rotation.",
          },
          { path: ["events", i] },
        ),
      );
    }
  }
  rotation.order.forEach((id, i) => {
    if (rotation.order.indexOf(id) !== i) {
      found.push(
        violation(
          "ROTATION.DUPLICATE_PARTY",
          [id],
          {
            fi: "Sama organisaatio on vuorojärjestyksessä kahdesti.",
            sv: "Samma organisation finns två gånger i turordningen.",
            en: "The same organisation appears twice in the order.",
          },
          { path: ["order", i] },
        ),
      );
    }
  });
  rotation.events.forEach((e, i) => {
    if (e.kind === "override") {
      const months = monthsBetween(rotation.anchor, e.termStart);
      const isStart =
        months >= 0 &&
        months % rotation.termMonths === 0 &&
        termStart(rotation, months / rotation.termMonths) === e.termStart;
      if (!isStart) {
        found.push(
          violation(
            "ROTATION.OVERRIDE_NOT_TERM_START",
            [e.partyId],
            {
              fi: `Poikkeuspäätöksen päivä ${e.termStart} ei ole kauden alkupäivä.`,
              sv: `Dagen för undantagsbeslutet, ${e.termStart}, är inte den första dagen i en mandatperiod.`,
              en: `Override date ${e.termStart} is not the start of a term.`,
            },
            { path: ["events", i, "termStart"] },
          ),
        );
      }
    }
  });
  return found;
}

function monthsBetween(from: LocalDate, to: LocalDate): number {
  const [fy = 0, fm = 0] = from.split("-").map(Number);
  const [ty = 0, tm = 0] = to.split("-").map(Number);
  return (ty - fy) * 12 + (tm - fm);
}
