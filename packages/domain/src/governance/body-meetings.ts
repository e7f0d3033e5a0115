import { z } from "zod";
import { idSchema } from "../core/ids.js";
import { type LocalDate, localDateSchema } from "../core/local-date.js";
import { type Violation, violation } from "../core/violation.js";
import { isWithin, type Organisation, organisationName } from "../organisations/organisation.js";
import type { CooperationBody } from "./cooperation-body.js";

const text = (max: number) => z.string().trim().min(1).max(max);

/** A seat of one meeting's composition: an organisation and its representative's role title. */
export const meetingSeatSchema = z.object({ organisationId: idSchema, roleTitle: text(200) });

/** A planned meeting of a body with the composition decided for it (003 § 6.2). */
export const bodyMeetingPlanSchema = z.object({
  bodyId: idSchema,
  plannedOn: localDateSchema,
  /** The day the composition was decided. */
  composedOn: localDateSchema,
  composition: z.array(meetingSeatSchema).min(1).max(40),
});
export type BodyMeetingPlan = z.output<typeof bodyMeetingPlanSchema>;

export const bodyMeetingItemKinds = ["decision", "conclusion"] as const;

/** A decision or a conclusion of a meeting (003 § 8), with who owns it and by when. */
export const bodyMeetingItemSchema = z.object({
  kind: z.enum(bodyMeetingItemKinds),
  text: text(2000),
  ownerOrganisationId: idSchema,
  dueOn: localDateSchema.nullable().default(null),
});
export type BodyMeetingItem = z.output<typeof bodyMeetingItemSchema>;

/** The record of a held meeting: who attended, and its decisions and conclusions. */
export const bodyMeetingRecordSchema = z.object({
  heldOn: localDateSchema,
  attendees: z
    .array(z.object({ organisationId: idSchema, name: text(120), title: text(200) }))
    .min(1)
    .max(60),
  items: z.array(bodyMeetingItemSchema).max(100),
});
export type BodyMeetingRecord = z.output<typeof bodyMeetingRecordSchema>;

/** Codes of the rules of body meetings. */
export type BodyMeetingCode =
  | "BODY_MEETING.PLANNED_IN_PAST"
  | "BODY_MEETING.COMPOSED_AFTER"
  | "BODY_MEETING.UNKNOWN_ORGANISATION"
  | "BODY_MEETING.SEAT_TWICE"
  | "BODY_MEETING.ALREADY_RECORDED"
  | "BODY_MEETING.HELD_IN_FUTURE"
  | "BODY_MEETING.HELD_BEFORE_COMPOSED"
  | "BODY_MEETING.ATTENDEE_NOT_IN_COMPOSITION"
  | "BODY_MEETING.OWNER_NOT_IN_COMPOSITION"
  | "BODY_MEETING.DUE_BEFORE_MEETING"
  | "BODY_MEETING.CLIENT_DATA";

/**
 * What looks like a Finnish personal identity code: body meetings and consultations hold no client
 * data, so a text that carries one is refused rather than stored.
 */
const identityCodeLike = /\b\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]\b/i;

/** A refusal of a text that looks like it holds client data (an identity code). */
export function clientDataIn(texts: readonly { text: string; path: (string | number)[] }[]): Violation[] {
  return texts
    .filter((t) => identityCodeLike.test(t.text))
    .map((t) =>
      violation(
        "BODY_MEETING.CLIENT_DATA",
        [],
        {
          fi: "Teksti näyttää sisältävän henkilötunnuksen; tähän ei kirjata asiakastietoja.",
          sv: "Texten verkar innehålla en personbeteckning; här registreras inga klientuppgifter.",
          en: "The text seems to hold a personal identity code; no client data is recorded here.",
        },
        { path: t.path },
      ),
    );
}

const nameOf = (organisations: readonly Organisation[], id: string) => organisationName(id, organisations);

/**
 * Planning a meeting of a body (003 § 6.2: "Ohjausryhmässä päätetään kunkin kokouksen kokoonpano"):
 * the composition is decided for each meeting, of known organisations, each once, on or before the
 * meeting day; a meeting is not planned for a day already past.
 */
export function checkBodyMeetingPlan(
  organisations: readonly Organisation[],
  plan: BodyMeetingPlan,
  today: LocalDate,
): Violation[] {
  const found: Violation[] = [];
  if (plan.plannedOn < today) {
    found.push(
      violation(
        "BODY_MEETING.PLANNED_IN_PAST",
        [plan.bodyId],
        {
          fi: `Kokousta ei voi suunnitella menneelle päivälle (${plan.plannedOn}).`,
          sv: `Ett möte kan inte planeras för en förfluten dag (${plan.plannedOn}).`,
          en: `A meeting cannot be planned for a past day (${plan.plannedOn}).`,
        },
        { path: ["input", "plannedOn"] },
      ),
    );
  }
  if (plan.composedOn > plan.plannedOn) {
    found.push(
      violation(
        "BODY_MEETING.COMPOSED_AFTER",
        [plan.bodyId],
        {
          fi: "Kokoonpanosta päätetään viimeistään kokouspäivänä.",
          sv: "Sammansättningen beslutas senast på mötesdagen.",
          en: "The composition is decided on the meeting day at the latest.",
        },
        { path: ["input", "composedOn"] },
      ),
    );
  }
  const known = new Set(organisations.map((o) => o.id));
  plan.composition.forEach((seat, i) => {
    if (!known.has(seat.organisationId)) {
      found.push(
        violation(
          "BODY_MEETING.UNKNOWN_ORGANISATION",
          [seat.organisationId],
          {
            fi: "Kokoonpanossa on tuntematon organisaatio.",
            sv: "Sammansättningen har en okänd organisation.",
            en: "The composition names an unknown organisation.",
          },
          { path: ["input", "composition", i, "organisationId"] },
        ),
      );
    } else if (plan.composition.findIndex((s) => s.organisationId === seat.organisationId) !== i) {
      const name = nameOf(organisations, seat.organisationId);
      found.push(
        violation(
          "BODY_MEETING.SEAT_TWICE",
          [seat.organisationId],
          {
            fi: `${name.fi} on kokoonpanossa kahdesti.`,
            sv: `${name.sv} finns två gånger i sammansättningen.`,
            en: `${name.en} appears twice in the composition.`,
          },
          { path: ["input", "composition", i, "organisationId"] },
        ),
      );
    }
  });
  return found;
}

/**
 * Recording a held meeting (003 § 8: the joint leadership meeting "tekevät johtopäätöksiä ja
 * tarvittavia linjauksia"): once; on a day not in the future nor before the composition was decided;
 * the attendees and the owners of decisions and conclusions are of the meeting's composition (an
 * organisation or one of its units); a due date is not before the meeting; no client data.
 */
export function checkBodyMeetingRecord(
  organisations: readonly Organisation[],
  meeting: {
    id: string;
    status: "planned" | "held";
    composedOn: LocalDate;
    composition: readonly { organisationId: string }[];
  },
  record: BodyMeetingRecord,
  today: LocalDate,
): Violation[] {
  if (meeting.status === "held") {
    return [
      violation("BODY_MEETING.ALREADY_RECORDED", [meeting.id], {
        fi: "Kokous on jo kirjattu pidetyksi.",
        sv: "Mötet har redan registrerats som hållet.",
        en: "The meeting has been recorded as held already.",
      }),
    ];
  }
  const found: Violation[] = [];
  if (record.heldOn > today) {
    found.push(
      violation(
        "BODY_MEETING.HELD_IN_FUTURE",
        [meeting.id],
        {
          fi: "Kokousta ei voi kirjata pidetyksi tulevana päivänä.",
          sv: "Ett möte kan inte registreras som hållet en kommande dag.",
          en: "A meeting cannot be recorded as held on a future day.",
        },
        { path: ["input", "heldOn"] },
      ),
    );
  }
  if (record.heldOn < meeting.composedOn) {
    found.push(
      violation(
        "BODY_MEETING.HELD_BEFORE_COMPOSED",
        [meeting.id],
        {
          fi: `Kokous ei voi olla ennen kokoonpanopäätöstä (${meeting.composedOn}).`,
          sv: `Mötet kan inte hållas före beslutet om sammansättningen (${meeting.composedOn}).`,
          en: `The meeting cannot precede the decision on its composition (${meeting.composedOn}).`,
        },
        { path: ["input", "heldOn"] },
      ),
    );
  }
  const index = new Map(organisations.map((o) => [o.id, o]));
  const seated = (id: string) =>
    meeting.composition.some((s) => index.has(id) && isWithin(id, s.organisationId, index));
  record.attendees.forEach((a, i) => {
    if (!seated(a.organisationId)) {
      const name = nameOf(organisations, a.organisationId);
      found.push(
        violation(
          "BODY_MEETING.ATTENDEE_NOT_IN_COMPOSITION",
          [a.organisationId],
          {
            fi: `${a.name} (${name.fi}) ei kuulu tämän kokouksen kokoonpanoon.`,
            sv: `${a.name} (${name.sv}) hör inte till detta mötes sammansättning.`,
            en: `${a.name} (${name.en}) is not of this meeting's composition.`,
          },
          { path: ["input", "attendees", i, "organisationId"] },
        ),
      );
    }
  });
  record.items.forEach((item, i) => {
    if (!seated(item.ownerOrganisationId)) {
      const name = nameOf(organisations, item.ownerOrganisationId);
      found.push(
        violation(
          "BODY_MEETING.OWNER_NOT_IN_COMPOSITION",
          [item.ownerOrganisationId],
          {
            fi: `${name.fi} ei kuulu kokouksen kokoonpanoon eikä voi vastata kohdasta.`,
            sv: `${name.sv} hör inte till mötets sammansättning och kan inte ansvara för punkten.`,
            en: `${name.en} is not of the meeting's composition and cannot own the item.`,
          },
          { path: ["input", "items", i, "ownerOrganisationId"] },
        ),
      );
    }
    if (item.dueOn !== null && item.dueOn < record.heldOn) {
      found.push(
        violation(
          "BODY_MEETING.DUE_BEFORE_MEETING",
          [meeting.id],
          {
            fi: "Määräpäivä on ennen kokousta.",
            sv: "Förfallodagen är före mötet.",
            en: "The due date is before the meeting.",
          },
          { path: ["input", "items", i, "dueOn"] },
        ),
      );
    }
  });
  found.push(
    ...clientDataIn(record.items.map((item, i) => ({ text: item.text, path: ["input", "items", i, "text"] }))),
  );
  return found;
}

/** The decisions and conclusions of a body's meetings held in a period, in meeting order (003 § 8). */
export function decisionsOf(
  meetings: readonly {
    bodyId: string;
    status: "planned" | "held";
    heldOn: LocalDate | null;
    items: readonly BodyMeetingItem[];
  }[],
  body: Pick<CooperationBody, "id">,
  period: { from: LocalDate; to: LocalDate },
): (BodyMeetingItem & { heldOn: LocalDate })[] {
  return meetings
    .filter(
      (m) =>
        m.bodyId === body.id &&
        m.status === "held" &&
        m.heldOn !== null &&
        m.heldOn >= period.from &&
        m.heldOn <= period.to,
    )
    .sort((a, b) => (a.heldOn ?? "").localeCompare(b.heldOn ?? ""))
    .flatMap((m) => m.items.map((item) => ({ ...item, heldOn: m.heldOn as LocalDate })));
}
