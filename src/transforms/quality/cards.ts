// Definition cards and disclosure-control specs of the data-quality report's tables.
import type { CellSpec } from '../../privacy/spec.js';
import type { DefinitionCard } from '../shared/definition.js';
import { ALL } from './equality.js';

export const LOAD_SUMMARY_CARD: DefinitionCard = {
  id: 'load_summary',
  title: 'Rows read, loaded and rejected per file',
  definition:
    'Every record of every source file is either loaded or rejected (quarantined with its reason), so rows read = rows loaded + rows rejected. Warnings are accepted rows that look wrong, and file-level notes.',
  unit: 'records (CSV/NDJSON lines, spreadsheet rows or JSON elements)',
  notes:
    'Rejected rows are listed with file, line and fix by `wbk check --data DIR`, for the people who correct the source; this report counts them by rule only.',
};

export const LOAD_ISSUES_CARD: DefinitionCard = {
  id: 'load_issues_by_rule',
  title: 'Rejects and warnings by rule',
  definition:
    'Problems found at load, counted per table and validation rule. A rejected row with two problems counts under both rules.',
  unit: 'problems',
  source: 'Rules: docs/data-model.md',
};

export const COMPLETENESS_CARD: DefinitionCard = {
  id: 'column_completeness',
  title: 'Completeness per column',
  definition:
    'Share of loaded rows of the table in which the column holds a value (not empty, not an empty list).',
  numerator: 'rows with a value in the column',
  denominator: 'loaded rows of the table',
  unit: '% of rows',
  notes:
    'Only loaded rows count: rejected rows are in the load summary. Required columns are 100% by construction.',
};

export const COVERAGE_CARD: DefinitionCard = {
  id: 'date_coverage',
  title: 'Date coverage per table',
  definition:
    'For each date column, the first and last month in which a loaded row has a date, and the number of calendar months between them (both included) in which no row has its date.',
  unit: 'rows with a date; months',
  notes:
    'A month without rows inside the span usually means a missing monthly file or a system outage; check before comparing periods.',
};

export const EQUALITY_CARD: DefinitionCard = {
  id: 'equality_data_completeness',
  title: 'Equality-data completeness',
  definition:
    'For each protected characteristic (sex, ethnicity group, disability, age from birth year or age band), the share of people in the group whose value is unknown: recorded as not stated, or missing. A comparison by that characteristic is unreliable where the unknown share exceeds the threshold (default 20%), and the kit refuses it there.',
  numerator: 'employment records with the characteristic not stated or missing',
  denominator: 'employment records in the people table (leavers included), in the group',
  unit: '% of people',
  notes:
    'Missing values are measured, never guessed or imputed. "All" rows sum the units or worker types.',
};

/** Disclosure-control spec of `DataQuality.loads`. */
export const LOAD_SUMMARY_SPEC: CellSpec = {
  by: ['file', 'table'],
  who: 'the rows of each file of the extract, as read',
  counts: ['rows_read', 'rows_loaded', 'rows_rejected', 'warnings'],
};

/** Disclosure-control spec of `DataQuality.issues`. */
export const LOAD_ISSUES_SPEC: CellSpec = {
  by: ['kind', 'table', 'rule'],
  who: 'the rows of the extract rejected or warned about, by rule',
  counts: ['problems'],
};

/** Disclosure-control spec of `DataQuality.completeness`. */
export const COMPLETENESS_SPEC: CellSpec = {
  by: ['table', 'column'],
  who: 'the loaded rows of each table, column by column',
  population: 'rows',
  counts: ['filled', 'missing'],
  rates: [{ name: 'filled_pct', numerator: 'filled', denominator: 'rows', per: 100 }],
  relations: [{ total: 'rows', parts: ['filled', 'missing'] }],
  // each column's row shows its table's row count
  sameAcross: { rows: ['column'] },
};

/**
 * Disclosure-control spec of `DataQuality.coverage`: the months are labels (dimensions), the rows
 * with a date the population.
 */
export const COVERAGE_SPEC: CellSpec = {
  by: ['table', 'date_column', 'first_month', 'last_month', 'months_without_rows'],
  who: 'the loaded rows of each table that carry a date',
  population: 'rows',
};

/** Disclosure-control spec of `DataQuality.equality` ("All" rows are totals). */
export const EQUALITY_SPEC: CellSpec = {
  by: ['unit_id', 'worker_type', 'characteristic'],
  who: 'employment spells in the people table, in the unit and worker type of the people row',
  population: 'people',
  counts: ['recorded', 'not_stated', 'missing'],
  rates: [{ name: 'unknown_pct', numerator: 'unknown', denominator: 'people', per: 100 }],
  total: ALL,
  relations: [
    { total: 'people', parts: ['recorded', 'not_stated', 'missing'] },
    { total: 'unknown', parts: ['not_stated', 'missing'] },
  ],
  // each characteristic's row shows its group's headcount
  sameAcross: { people: ['characteristic'] },
};
