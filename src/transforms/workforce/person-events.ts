// The rows of an event table (overtime claims, sickness spells) that belong to the people of a
// PeopleIndex, and the employment spell each was in: person ids are read once per event table as
// numbers, so a summary of one team reads only its people's events and a summary of everyone looks
// spells up by number instead of hashing a million person ids on every call.
import type { ColumnTable } from 'arquero';
import type { PeopleIndex } from './exposure.js';

/** The events of an index's people, and the spell each event falls in. */
export interface PersonEvents {
  /** Rows of the event table whose person has a row in the index, in table order. */
  rows: Int32Array;
  /** The index row of the event row's person in post on `day` (as PeopleIndex.find), or -1. */
  find(eventRow: number, day: number): number;
}

/**
 * The rows of `events` whose person_id has a row in `index`, in table order, with a find by event row
 * that gives what `index.find(person_id, day)` gives. The person ids of `events` are coded once per
 * table (tables are immutable; the codes live as long as the table).
 * @example const { rows, find } = personEvents(index, overtime); for (const i of rows) find(i, date[i])
 */
export function personEvents(index: PeopleIndex, events: ColumnTable): PersonEvents {
  const { code, codeOf, count } = personCodes(events);
  // The index rows of each coded person, in index order (the order index.find tries them).
  const spells: (number[] | undefined)[] = new Array(codeOf.size);
  let wanted = 0;
  for (let i = 0; i < index.person.length; i++) {
    const c = codeOf.get(index.person[i]);
    if (c === undefined) continue;
    const list = spells[c];
    if (list) list.push(i);
    else {
      spells[c] = [i];
      wanted += count[c];
    }
  }
  const rows = new Int32Array(wanted);
  let next = 0;
  for (let i = 0; i < code.length && next < wanted; i++) if (spells[code[i]]) rows[next++] = i;
  const { start, end } = index;
  const find = (eventRow: number, day: number): number => {
    const list = spells[code[eventRow]];
    if (list === undefined) return -1;
    for (const i of list) {
      if (start[i] <= day && (end[i] === null || (end[i] as number) >= day)) return i;
    }
    return -1;
  };
  return { rows, find };
}

/**
 * The rows of `events` of one person (by person_id), in table order; empty when they have none. The
 * rows of every person are gathered once per table.
 * @example for (const i of eventRowsOf(overtime)('P1')) total += hours[i]
 */
export function eventRowsOf(events: ColumnTable): (personId: unknown) => Int32Array {
  const coded = personCodes(events);
  if (!coded.rows) {
    const { code, count } = coded;
    const offsets = new Int32Array(count.length + 1);
    for (let c = 0; c < count.length; c++) offsets[c + 1] = offsets[c] + count[c];
    const filled = offsets.slice(0, count.length);
    const rows = new Int32Array(code.length);
    for (let i = 0; i < code.length; i++) rows[filled[code[i]]++] = i;
    coded.rows = { offsets, rows };
  }
  const { codeOf } = coded;
  const { offsets, rows } = coded.rows;
  const none = new Int32Array(0);
  return (personId) => {
    const c = codeOf.get(personId);
    return c === undefined ? none : rows.subarray(offsets[c], offsets[c + 1]);
  };
}

interface PersonCodes {
  /** code[i]: the number of row i's person_id. */
  code: Int32Array;
  codeOf: Map<unknown, number>;
  /** count[c]: rows of person c. */
  count: Int32Array;
  /** Every person's rows in table order, person c's at rows[offsets[c] … offsets[c + 1]) (made on first use). */
  rows?: { offsets: Int32Array; rows: Int32Array };
}

const codes = new WeakMap<ColumnTable, PersonCodes>();

function personCodes(events: ColumnTable): PersonCodes {
  const known = codes.get(events);
  if (known) return known;
  const n = events.numRows();
  const code = new Int32Array(n);
  const codeOf = new Map<unknown, number>();
  const counts: number[] = [];
  const dictionary = dictionaryOf(events, 'person_id');
  if (dictionary !== undefined) {
    // an Arrow column of text (the dataset cache's): each distinct id is hashed once, not every row
    const { keys, get, size } = dictionary;
    const recoded = new Int32Array(size).fill(-1);
    for (let i = 0; i < n; i++) {
      let c = recoded[keys[i]];
      if (c < 0) {
        c = recoded[keys[i]] = codeOf.size;
        codeOf.set(get(keys[i]), c);
        counts.push(0);
      }
      code[i] = c;
      counts[c] += 1;
    }
  } else {
    const person = events.getter('person_id');
    for (let i = 0; i < n; i++) {
      const id = person(i);
      let c = codeOf.get(id);
      if (c === undefined) {
        c = codeOf.size;
        codeOf.set(id, c);
        counts.push(0);
      }
      code[i] = c;
      counts[c] += 1;
    }
  }
  const made: PersonCodes = { code, codeOf, count: Int32Array.from(counts) };
  codes.set(events, made);
  return made;
}

/** The codes of a dictionary-encoded column read in place (every row, in order), or undefined. */
function dictionaryOf(
  table: ColumnTable,
  column: string,
): { keys: ArrayLike<number>; get: (key: number) => unknown; size: number } | undefined {
  if (table.isFiltered() || table.isOrdered()) return undefined;
  const data = table.column(column) as unknown as {
    groups?: (names: string[]) => {
      keys: ArrayLike<number>;
      get: ((key: number) => unknown)[];
      size: number;
    };
  };
  if (typeof data.groups !== 'function') return undefined;
  const { keys, get, size } = data.groups([column]);
  return { keys, get: get[0], size };
}
