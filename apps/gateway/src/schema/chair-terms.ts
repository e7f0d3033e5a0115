import { type ChairTerm, chairCalendar, chairOn, type LocalDate, type Rotation } from "@ankkuri/domain";

// The domain walks a rotation's terms from its anchor on every call, which made computing a
// three-year calendar a tenth of a chair-calendar request. A rotation object belongs to one cached
// team dataset and never changes (a change to the rotation loads a new dataset), so its answers are
// kept beside it and go with it. Each rotation keeps at most `maxWindows` answers: `from` is the
// client's to choose.

const maxWindows = 64;
const answers = new WeakMap<Rotation, Map<string, unknown>>();

function remembered<T>(rotation: Rotation, key: string, compute: () => T): T {
  let byKey = answers.get(rotation);
  if (!byKey) answers.set(rotation, (byKey = new Map<string, unknown>()));
  if (byKey.has(key)) return byKey.get(key) as T;
  const value = compute();
  if (byKey.size >= maxWindows) byKey.clear();
  byKey.set(key, value);
  return value;
}

/** `chairCalendar` of the domain, computed once per rotation and window. */
export function rotationCalendar(rotation: Rotation, from: LocalDate, years: number): readonly ChairTerm[] {
  return remembered(rotation, `calendar ${from} ${String(years)}`, () => Object.freeze(chairCalendar(rotation, from, years)));
}

/** `chairOn` of the domain, computed once per rotation and day. */
export function rotationChairOn(rotation: Rotation, on: LocalDate): ChairTerm | null {
  return remembered(rotation, `on ${on}`, () => chairOn(rotation, on));
}
