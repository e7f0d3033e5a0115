/**
 * Collects the keys asked for in one tick and loads them with one call, so a field computed for every
 * row of a page costs one query, not one per row.
 */
export function batchLoader<K, V>(loadMany: (keys: K[]) => Promise<Map<K, V>>): (key: K) => Promise<V | undefined> {
  let pending: { keys: Set<K>; result: Promise<Map<K, V>> } | null = null;
  return (key) => {
    if (!pending) {
      const keys = new Set<K>();
      const batch: { keys: Set<K>; result: Promise<Map<K, V>> } = {
        keys,
        result: new Promise<void>((resolve) => {
          queueMicrotask(resolve);
        }).then(() => {
          pending = null;
          return loadMany([...keys]);
        }),
      };
      pending = batch;
    }
    pending.keys.add(key);
    return pending.result.then((map) => map.get(key));
  };
}
