/**
 * Values derived from objects that never change (a team snapshot, one of its rotations): each is
 * computed once per owner and key, and forgotten with its owner. Keys may come from the client (a
 * period, a day), so an owner keeps at most `maxPerOwner` values and starts again when full.
 */
export function derivedCache<T>(maxPerOwner: number): (owner: object, key: string, derive: () => T) => T {
  const byOwner = new WeakMap<object, Map<string, T>>();
  return (owner, key, derive) => {
    let values = byOwner.get(owner);
    if (!values) byOwner.set(owner, (values = new Map<string, T>()));
    if (values.has(key)) return values.get(key) as T;
    const value = derive();
    if (values.size >= maxPerOwner) values.clear();
    values.set(key, value);
    return value;
  };
}
