// The canonical model in one place: every table schema by name, its row type, and empty typed tables.
import { table, type ColumnTable } from 'arquero';
import {
  EXIT_INTERVIEWS,
  OH_REFERRALS,
  OVERTIME,
  PERSON_MEASURES,
  SICKNESS,
  UNIT_INDICATORS,
  WELFARE_CHECKS,
} from './tables-events.js';
import { PEOPLE, POSTINGS, UNITS } from './tables-workforce.js';
import type { RowOf, TableSchema } from './types.js';

export {
  EXIT_INTERVIEWS,
  OH_REFERRALS,
  OVERTIME,
  PERSON_MEASURES,
  SICKNESS,
  UNIT_INDICATORS,
  WELFARE_CHECKS,
};
export { PEOPLE, POSTINGS, UNITS };

/** Every canonical table, in the order the docs and the load summary list them. */
export const SCHEMA = {
  units: UNITS,
  people: PEOPLE,
  postings: POSTINGS,
  exit_interviews: EXIT_INTERVIEWS,
  overtime: OVERTIME,
  sickness: SICKNESS,
  oh_referrals: OH_REFERRALS,
  welfare_checks: WELFARE_CHECKS,
  unit_indicators: UNIT_INDICATORS,
  person_measures: PERSON_MEASURES,
} as const;

export type TableName = keyof typeof SCHEMA;

/** Names of the canonical tables, in order. */
export const TABLE_NAMES = Object.keys(SCHEMA) as TableName[];

/** Tables whose rows refer to a person: their person_id must exist in people. */
export const PERSON_TABLES: readonly TableName[] = [
  'postings',
  'exit_interviews',
  'overtime',
  'sickness',
  'oh_referrals',
  'welfare_checks',
  'person_measures',
];

export type UnitRow = RowOf<typeof UNITS>;
export type PersonRow = RowOf<typeof PEOPLE>;
export type PostingRow = RowOf<typeof POSTINGS>;
export type ExitInterviewRow = RowOf<typeof EXIT_INTERVIEWS>;
export type OvertimeRow = RowOf<typeof OVERTIME>;
export type SicknessRow = RowOf<typeof SICKNESS>;
export type OhReferralRow = RowOf<typeof OH_REFERRALS>;
export type WelfareCheckRow = RowOf<typeof WELFARE_CHECKS>;
export type UnitIndicatorRow = RowOf<typeof UNIT_INDICATORS>;
export type PersonMeasureRow = RowOf<typeof PERSON_MEASURES>;

/** The row type of a canonical table, by name: `RowOfTable<'people'>` is `PersonRow`. */
export type RowOfTable<N extends TableName> = RowOf<(typeof SCHEMA)[N]>;

/**
 * The schema of a canonical table; throws naming the tables when `name` is not one.
 * @example tableSchema('sickness').key // ['person_id', 'start_date']
 */
export function tableSchema(name: string): TableSchema {
  if (!isTableName(name)) {
    throw new Error(`"${name}" is not a canonical table. Tables: ${TABLE_NAMES.join(', ')}.`);
  }
  return SCHEMA[name];
}

/** Whether `name` is a canonical table name. */
export function isTableName(name: string): name is TableName {
  return Object.prototype.hasOwnProperty.call(SCHEMA, name);
}

/**
 * An arquero table with the columns of `name` in schema order and no rows (for absent optional sources).
 * @example emptyTable('overtime').columnNames() // ['person_id', 'date', 'hours', ...]
 */
export function emptyTable(name: TableName): ColumnTable {
  const columns: Record<string, unknown[]> = {};
  for (const column of Object.keys(SCHEMA[name].columns)) columns[column] = [];
  return table(columns);
}

/**
 * The columns of `table` that the schema of `name` lacks, and the schema columns `table` lacks.
 * @example schemaDifference('units', table).missing // []
 */
export function schemaDifference(
  name: TableName,
  data: ColumnTable,
): { missing: string[]; extra: string[] } {
  const wanted = Object.keys(SCHEMA[name].columns);
  const have = data.columnNames();
  return {
    missing: wanted.filter((c) => !have.includes(c)),
    extra: have.filter((c) => !wanted.includes(c)),
  };
}
