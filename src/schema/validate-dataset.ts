// Rules across rows and tables, run once every file is parsed: duplicate keys, overlapping sickness spells,
// rows whose person_id is not in people, a unit hierarchy that does not hold together; and warnings for
// unit ids that are not in units and unit names that would be confused. Ids are keys of Maps and Sets
// only (an id such as "__proto__" or "constructor" is data like any other).
import { formatDate } from '../time/dates.js';
import type { CellValueOut } from './parse-cell.js';
import { PERSON_TABLES, SCHEMA, type TableName } from './tables.js';
import type { RowProblem } from './validate-row.js';

/** Rows of one table parsed so far, held column-wise, with where each row came from. */
export interface StagedTable {
  columns: Record<string, CellValueOut[]>;
  /** Where a row came from, for messages: e.g. "people.csv line 12". */
  where: (row: number) => string;
  /** Rows already rejected (by earlier rules) are skipped by later ones. */
  rejected: boolean[];
  /**
   * Ids (first key column) of rows rejected before staging, with where each was, e.g. a people row
   * with a bad date: rows of other tables that name the id say so (person_rejected).
   */
  rejectedIds?: Map<unknown, string>;
}

/** A problem found across rows: which table and row (index into the staged table), and what. */
export interface DatasetProblem extends RowProblem {
  table: TableName;
  row: number;
}

/** Unit names the reports use for their own rows: a unit named so would be confused with them. */
export const RESERVED_UNIT_NAMES: readonly string[] = ['All', 'Rest of organisation'];

/**
 * Problems across rows of the staged tables, in rule order; rejects are also marked in `rejected`.
 * Rules (rejects): duplicate_key, overlapping_spell, unknown_parent (a parent_id naming no unit),
 * unit_cycle (units whose parents loop), parent_rejected (a unit below a rejected one),
 * unknown_person, person_rejected (the person's people row was rejected: named, so one fix loads both).
 * Warnings: unknown_unit, duplicate_unit_name (two units of one level with one name),
 * reserved_unit_name (a unit named like a row the reports add: All, Rest of organisation).
 * The later row of a duplicate or overlap is rejected; the earlier is kept and named in the message.
 * @example checkDataset(staged).rejects.filter((p) => p.rule === 'unknown_person')
 */
export function checkDataset(staged: Partial<Record<TableName, StagedTable>>): {
  rejects: DatasetProblem[];
  warnings: DatasetProblem[];
} {
  const rejects: DatasetProblem[] = [];
  const warnings: DatasetProblem[] = [];
  const reject = (p: DatasetProblem) => {
    staged[p.table]!.rejected[p.row] = true;
    rejects.push(p);
  };
  for (const [name, data] of entries(staged)) duplicateKeys(name, data, reject);
  if (staged.sickness) overlappingSpells(staged.sickness, reject);
  const warn = (p: DatasetProblem) => warnings.push(p);
  if (staged.units) unitHierarchy(staged.units, reject);
  if (staged.people) {
    const people = accepted(staged.people, 'person_id');
    const rejectedAt = firstRejected(staged.people, 'person_id');
    for (const name of PERSON_TABLES) {
      const data = staged[name];
      if (data) unknownIds(name, data, 'person_id', people, 'unknown_person', reject, rejectedAt);
    }
  }
  if (staged.units) {
    unitNames(staged.units, warn);
    const units = accepted(staged.units, 'unit_id');
    for (const name of ['people', 'postings', 'unit_indicators'] as const) {
      const data = staged[name];
      if (data) unknownIds(name, data, 'unit_id', units, 'unknown_unit', warn);
    }
  }
  return { rejects, warnings };
}

/**
 * The rules across rows of one event table staged apart from the others (the DuckDB scan of a big
 * file keeps only the key columns of its rows): duplicate_key, overlapping_spell (sickness), and
 * unknown_person / person_rejected against `people` once its own rules have run — the rules and
 * messages of checkDataset. Rejected rows are marked in `data.rejected`.
 * @example checkEventTable('sickness', staged, people).filter((p) => p.rule === 'overlapping_spell')
 */
export function checkEventTable(
  name: TableName,
  data: StagedTable,
  people?: StagedTable,
): DatasetProblem[] {
  const rejects: DatasetProblem[] = [];
  const reject = (p: DatasetProblem) => {
    data.rejected[p.row] = true;
    rejects.push(p);
  };
  duplicateKeys(name, data, reject);
  if (name === 'sickness') overlappingSpells(data, reject);
  if (people && PERSON_TABLES.includes(name)) {
    const known = accepted(people, 'person_id');
    unknownIds(
      name,
      data,
      'person_id',
      known,
      'unknown_person',
      reject,
      firstRejected(people, 'person_id'),
    );
  }
  return rejects;
}

function entries(staged: Partial<Record<TableName, StagedTable>>): [TableName, StagedTable][] {
  return Object.entries(staged) as [TableName, StagedTable][];
}

function accepted(data: StagedTable, column: string): Set<unknown> {
  const ids = new Set<unknown>();
  data.columns[column].forEach((id, i) => {
    if (!data.rejected[i]) ids.add(id);
  });
  return ids;
}

/** Where the first rejected row of each id is, e.g. "people.csv line 12" (staged or not). */
function firstRejected(data: StagedTable, column: string): Map<unknown, string> {
  const out = new Map<unknown, string>(data.rejectedIds);
  data.columns[column].forEach((id, i) => {
    if (data.rejected[i] && !out.has(id)) out.set(id, data.where(i));
  });
  return out;
}

function show(value: CellValueOut, column: string): string {
  if (value === null) return '';
  return typeof value === 'number' && /date|^period_/.test(column)
    ? formatDate(value)
    : String(value);
}

function duplicateKeys(name: TableName, data: StagedTable, reject: (p: DatasetProblem) => void) {
  const key = SCHEMA[name].key;
  if (key.length === 0) return;
  // one map per key column, nested: each value's text is looked up as it is, with no text joined
  // per row (millions of rows at scale: building and hashing those was most of the check's cost)
  type Level = Map<string, Level | number>;
  const seen: Level = new Map();
  const columns = key.map((c) => data.columns[c]);
  const last = columns.length - 1;
  for (let row = 0; row < data.rejected.length; row++) {
    if (data.rejected[row]) continue;
    let level = seen;
    for (let k = 0; k < last; k++) {
      const value = String(columns[k][row]);
      let next = level.get(value) as Level | undefined;
      if (next === undefined) level.set(value, (next = new Map()));
      level = next;
    }
    const id = String(columns[last][row]);
    const first = level.get(id) as number | undefined;
    if (first === undefined) {
      level.set(id, row);
      continue;
    }
    const shown = key.map((c) => `${c} ${show(data.columns[c][row], c)}`).join(', ');
    reject({
      table: name,
      row,
      rule: 'duplicate_key',
      column: key.join('+'),
      value: key.map((c) => show(data.columns[c][row], c)).join('|'),
      message: `duplicate ${name} row: ${shown} already appears at ${data.where(first)}. Remove one of the two, or correct the key.`,
    });
  }
}

function overlappingSpells(data: StagedTable, reject: (p: DatasetProblem) => void) {
  const { person_id: ids, start_date: starts, end_date: ends } = data.columns;
  const rows = [...ids.keys()].filter((i) => !data.rejected[i]);
  rows.sort((a, b) =>
    ids[a] === ids[b]
      ? (starts[a] as number) - (starts[b] as number)
      : String(ids[a]) < String(ids[b])
        ? -1
        : 1,
  );
  let previous = -1;
  for (const row of rows) {
    if (previous >= 0 && ids[previous] === ids[row]) {
      const previousEnd = (ends[previous] as number | null) ?? Infinity;
      if ((starts[row] as number) <= previousEnd) {
        const until = previousEnd === Infinity ? 'still open' : `to ${formatDate(previousEnd)}`;
        reject({
          table: 'sickness',
          row,
          rule: 'overlapping_spell',
          column: 'start_date',
          value: formatDate(starts[row] as number),
          message: `sickness spell of ${ids[row]} starting ${formatDate(starts[row] as number)} overlaps the spell from ${formatDate(starts[previous] as number)} ${until} at ${data.where(previous)}. Merge the two spells or correct the dates.`,
        });
        continue;
      }
    }
    previous = row;
  }
}

function unknownIds(
  name: TableName,
  data: StagedTable,
  column: string,
  known: Set<unknown>,
  rule: 'unknown_person' | 'unknown_unit',
  report: (p: DatasetProblem) => void,
  rejectedAt = new Map<unknown, string>(),
) {
  const values = data.columns[column];
  for (let row = 0; row < values.length; row++) {
    const id = values[row];
    if (data.rejected[row] || id === null || known.has(id)) continue;
    const where = rejectedAt.get(id);
    report({
      table: name,
      row,
      rule: where !== undefined ? 'person_rejected' : rule,
      column,
      value: String(id),
      message:
        where !== undefined
          ? `person_id ${id} has a people row, but it was rejected (${where}). Fix that row, and this one loads with it.`
          : rule === 'unknown_person'
            ? `person_id ${id} is not in people. Add the person to people, or correct the id.`
            : `${column} ${id} is not in units (or its units row was rejected). Add the unit to units, or correct the id.`,
    });
  }
}

/**
 * Rejects units whose parent_id names no unit (unknown_parent), units whose parents loop
 * (unit_cycle), and then every unit below a rejected one (parent_rejected): what loads is a forest
 * every report can walk up from any unit to its top.
 */
function unitHierarchy(data: StagedTable, reject: (p: DatasetProblem) => void) {
  const { unit_id: ids, parent_id: parents } = data.columns;
  const rowOf = new Map<unknown, number>();
  for (let row = 0; row < ids.length; row++) {
    if (!data.rejected[row] && !rowOf.has(ids[row])) rowOf.set(ids[row], row);
  }
  const rejectedAt = firstRejected(data, 'unit_id');
  const bad = new Map<unknown, string>(); // unit id → why (for the units below it)
  const fail = (row: number, rule: string, message: string) => {
    bad.set(ids[row], `${data.where(row)}: ${rule}`);
    reject({
      table: 'units',
      row,
      rule,
      column: 'parent_id',
      value: String(parents[row]),
      message,
    });
  };
  for (const [id, row] of rowOf) {
    const parent = parents[row];
    if (parent === null || rowOf.has(parent)) continue;
    const where = rejectedAt.get(parent);
    fail(
      row,
      'unknown_parent',
      `unit ${id} has parent_id ${parent}, which is not a unit${where === undefined ? '' : ` (its row was rejected at ${where})`}. Add unit ${parent} to units, correct parent_id, or leave it empty for the top unit.`,
    );
  }
  // each unit has one parent: walk up from every unit, colouring the path, to find the loops
  const state = new Map<unknown, 'walking' | 'done'>();
  for (const start of rowOf.keys()) {
    const path: unknown[] = [];
    let at: unknown = start;
    while (at !== null && rowOf.has(at) && !bad.has(at) && state.get(at) !== 'done') {
      if (state.get(at) === 'walking') {
        const loop = path.slice(path.indexOf(at));
        const shown = [...loop, at].map(String).join(' → ');
        for (const id of loop) {
          fail(
            rowOf.get(id)!,
            'unit_cycle',
            `unit ${id} is in a loop of parents (${shown}), so no unit of the loop reaches a top unit. Give one of them the unit above it, or an empty parent_id if it is the top.`,
          );
        }
        break;
      }
      state.set(at, 'walking');
      path.push(at);
      at = parents[rowOf.get(at)!];
    }
    for (const id of path) state.set(id, 'done');
  }
  for (const [id, row] of rowOf) {
    if (bad.has(id)) continue;
    let above = parents[row];
    while (above !== null && !bad.has(above)) above = parents[rowOf.get(above)!];
    if (above === null) continue;
    reject({
      table: 'units',
      row,
      rule: 'parent_rejected',
      column: 'parent_id',
      value: String(parents[row]),
      message: `unit ${id} sits below unit ${above}, which was rejected (${bad.get(above)}). Fix that unit, and this one loads with it.`,
    });
  }
}

/** Warns about two units of one level with one name, and units named like the reports' own rows. */
function unitNames(data: StagedTable, warn: (p: DatasetProblem) => void) {
  const { unit_id: ids, name: names, level: levels } = data.columns;
  if (names === undefined || levels === undefined) return;
  const first = new Map<string, number>();
  const reserved = new Map(RESERVED_UNIT_NAMES.map((label) => [label.toLowerCase(), label]));
  for (let row = 0; row < ids.length; row++) {
    if (data.rejected[row] || typeof names[row] !== 'string') continue;
    const name = (names[row] as string).trim();
    const label = reserved.get(name.toLowerCase());
    if (label !== undefined) {
      warn({
        table: 'units',
        row,
        rule: 'reserved_unit_name',
        column: 'name',
        value: name,
        message: `unit ${ids[row]} is named "${name}", like the "${label}" rows the reports add, so readers could confuse the two. Rename the unit (e.g. "${name} (unit ${ids[row]})").`,
      });
    }
    const key = `${String(levels[row])}\u0000${name}`;
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, row);
      continue;
    }
    warn({
      table: 'units',
      row,
      rule: 'duplicate_unit_name',
      column: 'name',
      value: name,
      message: `units ${ids[earlier]} (${data.where(earlier)}) and ${ids[row]} are both named "${name}" at level ${levels[row]}, so tables and charts would show two "${name}" rows. Give them distinct names, or accept this knowingly.`,
    });
  }
}
