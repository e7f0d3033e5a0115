import { localDateSchema } from "@ankkuri/domain";
import { z } from "zod";

/** Day the Helsinki agreement starts: synthetic referrals fall between it and `today`. */
export const synthFirstDay = "2024-05-01";

/** Teams a run can create: Helsinki plus fictional `team-synth-02` … `team-synth-99`. */
export const synthMaxTeams = 99;

/**
 * Options of a synthetic-data run. `today` is an argument, not the clock: the library never reads
 * it, and the same seed and day give the same data.
 */
export const synthOptionsSchema = z.object({
  /** Cases to create. */
  scale: z.number().int().min(1).max(1_000_000),
  /** Teams the cases are spread over; the first is the Helsinki seed team. */
  teams: z.number().int().min(1).max(synthMaxTeams).default(1),
  /** PRNG seed (unsigned 32-bit). */
  seed: z.number().int().min(0).max(0xffff_ffff).default(1),
  /** Last day of the generated history; referrals run from 2024-05-01 to it. */
  today: localDateSchema.refine((d) => d >= synthFirstDay && d <= "2099-12-31", {
    message: `must be between ${synthFirstDay} and 2099-12-31`,
  }),
  /** Cases per transaction. */
  batchSize: z.number().int().min(1).max(20_000).default(1_000),
});

export type SynthOptions = z.output<typeof synthOptionsSchema>;
export type SynthOptionsInput = z.input<typeof synthOptionsSchema>;
