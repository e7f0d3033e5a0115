import { z } from "zod";
import { idSchema } from "../core/ids.js";
import { localisedTextSchema } from "../core/localised-text.js";

/**
 * A place the team holds client meetings in: the city's rooms for client meetings and meetings, and
 * the police department's own (003 § 7, "työryhmän käytössä on Helsingin kaupungin tiloja
 * asiakastapaamis- ja kokouskäyttöön").
 */
export const premisesSchema = z.object({
  id: idSchema,
  teamId: idSchema,
  /** The name shown in calendars and in messages, in fi/sv/en. */
  name: localisedTextSchema,
  /** Street address, when the place is not known by name alone. */
  address: z.string().trim().min(1).max(200).nullable().default(null),
  /** The organisation that provides the place (the city or the police department). */
  organisationId: idSchema,
});
export type Premises = z.output<typeof premisesSchema>;
export type PremisesInput = z.input<typeof premisesSchema>;
