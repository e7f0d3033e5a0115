import { type ChairTerm, chairCalendar, chairOn, type LocalDate, type Rotation } from "@ankkuri/domain";
import { derivedCache } from "../derived-cache.js";

// The domain walks a rotation's terms from its anchor on every call, which made computing a
// three-year calendar a tenth of a chair-calendar request. A rotation object belongs to one cached
// team dataset and never changes (a change to the rotation loads a new dataset), so its answers are
// kept beside it and go with it: at most 64 windows or days per rotation, since `from` is the
// client's to choose.

const calendars = derivedCache<readonly ChairTerm[]>(64);
const chairsOn = derivedCache<ChairTerm | null>(64);

/** `chairCalendar` of the domain, computed once per rotation and window. */
export function rotationCalendar(rotation: Rotation, from: LocalDate, years: number): readonly ChairTerm[] {
  return calendars(rotation, `${from} ${String(years)}`, () => Object.freeze(chairCalendar(rotation, from, years)));
}

/** `chairOn` of the domain, computed once per rotation and day. */
export function rotationChairOn(rotation: Rotation, on: LocalDate): ChairTerm | null {
  return chairsOn(rotation, on, () => chairOn(rotation, on));
}
