import { z } from "zod";
import { idSchema } from "../core/ids.js";
import { localisedTextSchema } from "../core/localised-text.js";
import { type Violation, violation } from "../core/violation.js";
import { isWithin, type OrganisationIndex } from "../organisations/organisation.js";
import { rotationSchema } from "./chair-rotation.js";

/**
 * Kinds of cooperation bodies: the Ankkuri steering group (003 § 6.2), the city-level steering group
 * (000), and the child and youth welfare bodies of 004.
 */
export const bodyKinds = [
  "ankkuri-steering-group",
  "city-steering-group",
  "lasu-collegium",
  "regional-coordination-group",
  "worker-network",
  "youth-guidance-network",
  "joint-leadership-meeting",
] as const;
export type BodyKind = (typeof bodyKinds)[number];

/** Where a body sits: city-wide strategy, a region, a team's steering, or workers' networks. */
export const bodyTiers = ["city", "strategic", "regional", "operational", "network"] as const;
export type BodyTier = (typeof bodyTiers)[number];

/** A seat: an organisation and the role title of its representative. */
export const seatSchema = z.object({
  id: idSchema,
  organisationId: idSchema,
  roleTitle: localisedTextSchema,
  /** `invited-when-needed` seats (004: "kutsutaan mukaan tarvittaessa") are not standing members. */
  attendance: z.enum(["member", "invited-when-needed"]).default("member"),
  /** The secretary's seat (004: "kehittämissuunnittelija (siht.)"). */
  secretary: z.boolean().default(false),
});
export type Seat = z.output<typeof seatSchema>;

/** Who chairs: in turn among parties, one fixed organisation, or not decided in the sources. */
export const chairPolicySchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("rotating"), rotation: rotationSchema }),
  z.object({ kind: z.literal("fixed"), organisationId: idSchema }),
  z.object({ kind: z.literal("unspecified") }),
]);
export type ChairPolicy = z.output<typeof chairPolicySchema>;

/** An annual-clock entry (004 "vuosikello"): what the body does in a month. */
export const annualClockEntrySchema = z.object({
  month: z.number().int().min(1).max(12),
  activity: localisedTextSchema,
});

/** zod schema of a {@link CooperationBody}. */
export const cooperationBodySchema = z.object({
  id: idSchema,
  teamId: idSchema,
  kind: z.enum(bodyKinds),
  tier: z.enum(bodyTiers),
  name: localisedTextSchema,
  /** The body this one reports to (regional groups → LASU collegium). */
  parentBodyId: idSchema.nullable().default(null),
  /** Region of a regional body, e.g. `Etelä-keskinen`. */
  region: z.string().trim().min(1).max(100).nullable().default(null),
  seats: z.array(seatSchema),
  chairPolicy: chairPolicySchema,
  tasks: z.array(localisedTextSchema).default([]),
  /** Statutes the body rests on, e.g. `Lastensuojelulaki 417/2007 12 §`. */
  legalBasis: z.array(z.string().trim().min(1).max(200)).default([]),
  /** Ages the body's work concerns (004: 0–16/17; NOP 15–29). */
  ageScope: z
    .object({
      min: z.number().int().min(0),
      max: z.number().int().min(0),
      note: z.string().max(200).nullable().default(null),
    })
    .nullable()
    .default(null),
  annualClock: z.array(annualClockEntrySchema).default([]),
});

/** A cooperation body: steering group, collegium, coordination group or network, with its seats and chair policy. */
export type CooperationBody = z.output<typeof cooperationBodySchema>;
export type CooperationBodyInput = z.input<typeof cooperationBodySchema>;

export type BodyViolationCode = "BODY.CHAIR_WITHOUT_SEAT" | "BODY.PARENT_MISSING" | "BODY.DUPLICATE_SEAT";

/**
 * Checks a set of bodies: every organisation that may chair has a standing seat (with the organisation
 * tree, a seat of one of its units counts), parents exist, and no organisation holds the same role
 * twice in one body.
 */
export function checkBodies(
  bodies: readonly CooperationBody[],
  organisations?: OrganisationIndex,
): Violation<BodyViolationCode>[] {
  const found: Violation<BodyViolationCode>[] = [];
  const ids = new Set(bodies.map((b) => b.id));
  for (const body of bodies) {
    const members = body.seats.filter((s) => s.attendance === "member").map((s) => s.organisationId);
    const seated = (id: string) =>
      members.some((m) => m === id || (organisations !== undefined && isWithin(m, id, organisations)));
    const chairs =
      body.chairPolicy.kind === "rotating"
        ? [
            ...body.chairPolicy.rotation.order,
            ...body.chairPolicy.rotation.events.filter((e) => e.kind === "join").map((e) => e.partyId),
          ]
        : body.chairPolicy.kind === "fixed"
          ? [body.chairPolicy.organisationId]
          : [];
    for (const id of new Set(chairs.filter((c) => !seated(c)))) {
      found.push(
        violation("BODY.CHAIR_WITHOUT_SEAT", [body.id, id], {
          fi: `Organisaatio voi toimia toimielimen ${body.name.fi} puheenjohtajana, mutta sillä ei ole siinä jäsenpaikkaa.`,
          sv: `Organisationen kan vara ordförande för ${body.name.sv} men har ingen ordinarie plats i organet.`,
          en: `An organisation may chair ${body.name.en} but holds no standing seat in it.`,
        }),
      );
    }
    if (body.parentBodyId !== null && !ids.has(body.parentBodyId)) {
      found.push(
        violation("BODY.PARENT_MISSING", [body.id, body.parentBodyId], {
          fi: `Toimielimen ${body.name.fi} ylempää toimielintä ei löydy.`,
          sv: `Det överordnade organet för ${body.name.sv} finns inte.`,
          en: `The parent body of ${body.name.en} does not exist.`,
        }),
      );
    }
    const keys = body.seats.map((s) => `${s.organisationId}|${s.roleTitle.fi}`);
    keys.forEach((key, i) => {
      if (keys.indexOf(key) !== i) {
        found.push(
          violation(
            "BODY.DUPLICATE_SEAT",
            [body.id, body.seats[i]?.id ?? ""],
            {
              fi: `Toimielimessä ${body.name.fi} on sama paikka kahdesti.`,
              sv: `${body.name.sv} har samma plats två gånger.`,
              en: `${body.name.en} lists the same seat twice.`,
            },
            { path: ["seats", i] },
          ),
        );
      }
    });
  }
  return found;
}
