// Rules across rows and tables, run once every file is parsed: duplicate keys, overlapping sickness spells,
// rows whose person_id is not in people; and warnings for units that are not in units.
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
}

/** A problem found across rows: which table and row (index into the staged table), and what. */
export interface DatasetProblem extends RowProblem {
  table: TableName;
  row: number;
}

/**
 * Problems across rows of the staged tables, in rule order; rejects are also marked in `rejected`.
 * Rules (rejects): duplicate_key, overlapping_spell, unknown_person. Warnings: unknown_unit.
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
  if (staged.people) {
    const people = accepted(staged.people, 'person_id');
    for (const name of PERSON_TABLES) {
      const data = staged[name];
      if (data) unknownIds(name, data, 'person_id', people, 'unknown_person', reject);
    }
  }
  if (staged.units) {
    const units = accepted(staged.units, 'unit_id');
    const warn = (p: DatasetProblem) => warnings.push(p);
    unknownIds('units', staged.units, 'parent_id', units, 'unknown_unit', warn);
    for (const name of ['people', 'postings', 'unit_indicators'] as const) {
      const data = staged[name];
      if (data) unknownIds(name, data, 'unit_id', units, 'unknown_unit', warn);
    }
  }
  return { rejects, warnings };
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

function show(value: CellValueOut, column: string): string {
  if (value === null) return '';
  return typeof value === 'number' && /date|^period_/.test(column)
    ? formatDate(value)
    : String(value);
}

function duplicateKeys(name: TableName, data: StagedTable, reject: (p: DatasetProblem) => void) {
  const key = SCHEMA[name].key;
  if (key.length === 0) return;
  const seen = new Map<string, number>();
  const columns = key.map((c) => data.columns[c]);
  for (let row = 0; row < data.rejected.length; row++) {
    if (data.rejected[row]) continue;
    const id = columns.map((values) => String(values[row])).join('\u0001');
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, row);
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
) {
  const values = data.columns[column];
  for (let row = 0; row < values.length; row++) {
    const id = values[row];
    if (data.rejected[row] || id === null || known.has(id)) continue;
    report({
      table: name,
      row,
      rule,
      column,
      value: String(id),
      message:
        rule === 'unknown_person'
          ? `person_id ${id} is not in people (or its people row was rejected). Add the person to people, or correct the id.`
          : `${column} ${id} is not in units (or its units row was rejected). Add the unit to units, or correct the id.`,
    });
  }
}
