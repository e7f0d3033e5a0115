/** A cache of values derived from unchanging owners (see `derivedCache`). */
export interface DerivedCache<T> {
  (owner: object, key: string, derive: () => T): T;
  /** Lets go of the value kept for `owner` and `key`, if it is still `value` (the next call derives again). */
  forget(owner: object, key: string, value: T): void;
}

/**
 * Values derived from objects that never change (a team snapshot, one of its rotations): each is
 * computed once per owner and key, and forgotten with its owner. Keys may come from the client (a
 * period, a day), so an owner keeps at most `maxPerOwner` values and starts again when full.
 */
export function derivedCache<T>(maxPerOwner: number): DerivedCache<T> {
  const byOwner = new WeakMap<object, Map<string, T>>();
  const cached = (owner: object, key: string, derive: () => T): T => {
    let values = byOwner.get(owner);
    if (!values) byOwner.set(owner, (values = new Map<string, T>()));
    if (values.has(key)) return values.get(key) as T;
    const value = derive();
    if (values.size >= maxPerOwner) values.clear();
    values.set(key, value);
    return value;
  };
  const forget = (owner: object, key: string, value: T): void => {
    const values = byOwner.get(owner);
    if (values?.get(key) === value) values.delete(key);
  };
  return Object.assign(cached, { forget });
}
