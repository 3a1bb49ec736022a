// Force-wide computations shared by every unit's report, computed once per batch worker: the batch
// engine hands cells a copy of the kit whose heavy, pure functions (the well-being matrix, the risk
// models, the person-periods …) are memoised by their inputs. Tables in the inputs are keyed by
// identity when large (the extract's tables, loaded once per worker) and by content when small;
// options by value. A unit report thus costs little more than filtering and drawing.
import { createHash } from 'node:crypto';
import { isPublishedTable } from '../../privacy/index.js';

/**
 * The kit's functions the batch engine memoises: pure (same inputs, same result; seeded randomness),
 * results never changed by the caller, and computed on the whole organisation whatever the unit.
 * None may read a published table's `rest`, `who` or `when` (see DESCRIPTIVE).
 */
export const MEMOISED_FUNCTIONS = [
  'summarizeWellbeingMatrix',
  'summarizeMatrixCounts',
  'bootstrapTemperatureChange',
  'buildPersonPeriods',
  'validateRiskModel',
  'fitRiskModel',
  'riskDrivers',
  'deriveHighRiskStaff',
  'derivePostingSpells',
] as const;

/**
 * What a published table says about whom its rows count (a unit report's rest of the organisation,
 * who, when), left out of its key: the same cells published in the force's and a unit's report are
 * one input (the temperature bootstrap ran again for every unit). No memoised function reads them.
 */
const DESCRIPTIVE = new Set(['rest', 'who', 'when']);

/** Tables with more cells than this are keyed by identity (hashing them would cost more than it saves). */
const HASH_LIMIT = 200_000;

const ids = new WeakMap<object, string>();
let nextId = 0;
const caches = new Map<string, Map<string, unknown>>();

/**
 * The module with the functions named in `names` memoised by their inputs (other exports as is).
 * @example const kit = memoiseModule(await import('wellbeing-kit'), MEMOISED_FUNCTIONS)
 */
export function memoiseModule<T extends Record<string, unknown>>(
  mod: T,
  names: readonly string[],
): T {
  const out: Record<string, unknown> = { ...mod };
  for (const name of names) {
    const fn = mod[name];
    if (typeof fn === 'function') out[name] = memoise(name, fn as (...args: unknown[]) => unknown);
  }
  return out as T;
}

/**
 * `fn` memoised by the key of its arguments (see inputKey); a thrown error is not cached.
 * @example const fast = memoise('fit', fitRiskModel); fast(pp, opts) === fast(pp, { ...opts })
 */
export function memoise<A extends unknown[], R>(
  name: string,
  fn: (...args: A) => R,
): (...args: A) => R {
  let cache = caches.get(name);
  if (!cache) caches.set(name, (cache = new Map()));
  const store = cache;
  return (...args: A): R => {
    const key = inputKey(args);
    if (store.has(key)) return store.get(key) as R;
    const result = fn(...args);
    store.set(key, result);
    if (result instanceof Promise) result.catch(() => store.delete(key));
    return result;
  };
}

/** Forgets every memoised result (tests; a worker keeps them for its whole run). */
export function clearMemo(): void {
  caches.clear();
}

/**
 * A string that is equal for equal inputs: plain values by content; arquero tables by content when
 * small, else by identity; Sets by their sorted members; Maps, functions and other objects with a
 * prototype of their own by identity (equal only when the same object).
 * @example inputKey([{ a: 1 }]) === inputKey([{ a: 1 }]) // true
 */
export function inputKey(value: unknown): string {
  // Own walk, not JSON.stringify: that would call a table's toJSON before any replacer sees it.
  if (value === undefined) return 'u';
  if (value === null || typeof value === 'boolean' || typeof value === 'string')
    return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : `#${value}`;
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function' || typeof value === 'symbol')
    return `#fn${identity(value as object)}`;
  if (isTable(value)) return `#table${tableKey(value)}`;
  if (Array.isArray(value)) return `[${value.map(inputKey).join(',')}]`;
  if (value instanceof Set) return `#set[${[...value].map(inputKey).sort().join(',')}]`;
  if (value instanceof Date) return `#date${value.getTime()}`;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return `#obj${identity(value)}`;
  const described = isPublishedTable(value);
  const entries = Object.keys(value)
    .filter((k) => !(described && DESCRIPTIVE.has(k)))
    .sort()
    .map((k) => `${JSON.stringify(k)}:${inputKey((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

interface TableLike {
  numRows(): number;
  numCols(): number;
  columnNames(): string[];
  toJSON(): string;
}

function isTable(v: object): v is TableLike {
  const t = v as Partial<TableLike>;
  return (
    typeof t.numRows === 'function' &&
    typeof t.columnNames === 'function' &&
    typeof t.toJSON === 'function'
  );
}

function tableKey(table: TableLike & object): string {
  const known = ids.get(table);
  if (known) return known;
  const key =
    table.numRows() * table.numCols() > HASH_LIMIT
      ? `@${identity(table)}`
      : createHash('sha256')
          .update(table.columnNames().join('\u0000'))
          .update(table.toJSON())
          .digest('hex');
  ids.set(table, key);
  return key;
}

function identity(v: object): string {
  let id = ids.get(v);
  if (!id) ids.set(v, (id = String(nextId++)));
  return id;
}
