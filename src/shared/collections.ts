// Small helpers for the maps of lists that indexing code builds.

/**
 * Appends `value` to the list `map` holds under `key`, starting the list when there is none.
 * In place: copying the list on every append (`map.set(k, [...(map.get(k) ?? []), v])`) costs the
 * square of the list's length, which a whole run's disclosure audit paid for in seconds a round.
 * @example const byTeam = new Map<string, number[]>(); pushTo(byTeam, 'T1', 0); pushTo(byTeam, 'T1', 4) // T1 → [0, 4]
 */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
