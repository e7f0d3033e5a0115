import { type LocalDate, testIdentityCode, toDayNumber } from "@ankkuri/domain";
import type { Random } from "./random.js";

const firstDay = toDayNumber("1950-01-01");
const lastDay = toDayNumber("2049-12-31");
const perDay = 100; // individual numbers 900–999

/**
 * Hands out test identity codes (individual numbers 900–999 only, never issued to real people) without
 * repeating one within a team: the clients table is unique by team and code. A birth date has only 100
 * such codes, so a bitmap per team remembers the used ones (about 460 KB per team).
 */
export class IdentityCodeAllocator {
  private readonly used = new Map<string, Uint8Array>();

  /** `isTaken` reports codes already in the database (from an earlier run); by default none are. */
  constructor(private readonly isTaken: (teamId: string, code: string) => boolean = () => false) {}

  /** A free test code for `birthDate` in the team, or null when all 100 are used (the client then has none). */
  take(teamId: string, birthDate: LocalDate, random: Random): string | null {
    const day = toDayNumber(birthDate);
    if (day < firstDay || day > lastDay) return null;
    let bits = this.used.get(teamId);
    if (!bits) this.used.set(teamId, (bits = new Uint8Array(Math.ceil(((lastDay - firstDay + 1) * perDay) / 8))));
    const base = (day - firstDay) * perDay;
    const start = random.int(0, perDay - 1);
    for (let k = 0; k < perDay; k++) {
      const n = (start + k) % perDay;
      const bit = base + n;
      const byte = bit >>> 3;
      const mask = 1 << (bit & 7);
      if (((bits[byte] ?? 0) & mask) !== 0) continue;
      bits[byte] = (bits[byte] ?? 0) | mask;
      const code = testIdentityCode(birthDate, 900 + n);
      if (!this.isTaken(teamId, code)) return code;
    }
    return null;
  }
}
