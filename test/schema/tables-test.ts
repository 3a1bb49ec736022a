import assert from 'node:assert/strict';
import {
  SCHEMA,
  TABLE_NAMES,
  emptyTable,
  schemaDifference,
  tableSchema,
  type PersonRow,
  type SicknessRow,
} from '../../src/schema/tables.js';
import { table } from 'arquero';

describe('SCHEMA', () => {
  it('holds the canonical tables with the agreed CSV headers', () => {
    assert.deepEqual(TABLE_NAMES, [
      'units',
      'people',
      'postings',
      'exit_interviews',
      'overtime',
      'sickness',
      'oh_referrals',
      'welfare_checks',
      'unit_indicators',
      'person_measures',
    ]);
    // Headers as agreed with the demo generator (issue 3 and the task brief).
    assert.deepEqual(Object.keys(SCHEMA.overtime.columns), [
      'person_id',
      'date',
      'hours',
      'compensation',
      'reason',
      'rest_day_worked',
      'start_time',
      'end_time',
    ]);
    assert.deepEqual(Object.keys(SCHEMA.people.columns), [
      'person_id',
      'worker_type',
      'rank_or_grade',
      'unit_id',
      'role',
      'high_risk_role',
      'fte',
      'contracted_hours_per_week',
      'service_start_date',
      'start_date',
      'end_date',
      'leaver_type',
      'entry_route',
      'sex',
      'ethnicity_group',
      'disability',
      'birth_year',
      'age_band',
      'service_years_at_leaving',
    ]);
  });
  it('names only its own columns in each key', () => {
    for (const name of TABLE_NAMES) {
      for (const column of SCHEMA[name].key)
        assert.ok(column in SCHEMA[name].columns, `${name}.${column}`);
    }
  });
  it('types rows from the schema', () => {
    // Compile-time checks: a required column cannot be null, an optional one can; enums are literal unions.
    const person: Pick<PersonRow, 'person_id' | 'end_date' | 'worker_type'> = {
      person_id: '1',
      end_date: null,
      worker_type: 'pcso',
    };
    const spell: Pick<SicknessRow, 'start_date' | 'reason_category'> = {
      start_date: 19814,
      reason_category: 'mental_health',
    };
    // @ts-expect-error worker_type is a closed vocabulary
    const wrong: Pick<PersonRow, 'worker_type'> = { worker_type: 'constable' };
    assert.ok(person && spell && wrong);
  });
});

describe('tableSchema', () => {
  it('throws naming the tables for an unknown name', () => {
    assert.throws(
      () => tableSchema('staff'),
      /"staff" is not a canonical table\. Tables: units, people, postings/,
    );
  });
});

describe('emptyTable', () => {
  it('has the schema columns and no rows', () => {
    const t = emptyTable('welfare_checks');
    assert.deepEqual(t.columnNames(), ['person_id', 'date', 'kind']);
    assert.equal(t.numRows(), 0);
  });
});

describe('schemaDifference', () => {
  it('lists missing and extra columns', () => {
    const t = table({ person_id: ['1'], date: [1], colour: ['red'] });
    assert.deepEqual(schemaDifference('welfare_checks', t), {
      missing: ['kind'],
      extra: ['colour'],
    });
  });
});
