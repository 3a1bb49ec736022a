import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { issuesTable, type LoadIssue } from '../../../src/io/issues.js';
import { publishTable } from '../../../src/privacy/publish.js';
import { emptyTable, TABLE_NAMES, type TableName } from '../../../src/schema/tables.js';
import { resolveConfig } from '../../../src/schema/vocabularies.js';
import { EQUALITY_SPEC } from '../../../src/transforms/quality/cards.js';
import { unitTree } from '../../../src/transforms/units/hierarchy.js';
import {
  checkComparisonReliable,
  equalityVerdicts,
  isComparisonReliable,
  summarizeDataQuality,
} from '../../../src/transforms/quality/report.js';
import { tableEqual } from '../../helpers/table-equal.js';

// Units: force F > districts D1, D2 > teams T1 (in D1), T2 (in D2).
const units = aq.table({
  unit_id: ['F', 'D1', 'D2', 'T1', 'T2'],
  parent_id: [null, 'F', 'F', 'D1', 'D2'],
  name: ['Force', 'North', 'South', 'Team 1', 'Team 2'],
  level: ['force', 'district', 'district', 'team', 'team'],
});
// Six people. At district level P1, P2 are in D1; P3, P4, P5 in D2; P6 has no unit.
// Unknowns: sex P2 (not_stated); ethnicity P2 (missing), P6 (not_stated);
// disability P3 (not_stated), P5 (missing); age P3 only (P2 has an age band).
const people = aq.table({
  person_id: ['P1', 'P2', 'P3', 'P4', 'P5', 'P6'],
  worker_type: ['officer', 'officer', 'staff', 'staff', 'officer', 'staff'],
  unit_id: ['T1', 'T1', 'T2', 'T2', 'T2', null],
  sex: ['female', 'not_stated', 'male', 'female', 'male', 'female'],
  ethnicity_group: ['white', null, 'asian', 'white', 'white', 'not_stated'],
  disability: ['no', 'no', 'not_stated', 'no', null, 'yes'],
  birth_year: [1980, null, null, 1990, 1985, 1970],
  age_band: [null, '30-34', null, null, null, null],
});

const issue = (table: string, rule: string, line: number | null): LoadIssue => ({
  file: `${table || 'notes'}.csv`,
  line,
  table,
  column: '',
  value: 'secret value',
  rule,
  message: 'm',
});

function dataset(extra: Partial<Record<TableName, aq.ColumnTable>> = {}) {
  const tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, emptyTable(t)])) as Record<
    TableName,
    aq.ColumnTable
  >;
  return {
    tables: { ...tables, units, people, ...extra },
    files: [
      {
        file: 'people.csv',
        table: 'people' as const,
        rows_read: 8,
        rows_loaded: 6,
        rows_rejected: 2,
        warnings: 0,
        details: {},
      },
    ],
    rejects: issuesTable([
      issue('people', 'invalid_date', 3),
      issue('people', 'invalid_date', 5),
      issue('sickness', 'duplicate_key', 2),
    ]),
    warnings: issuesTable([
      issue('', 'unmatched_file', null),
      issue('overtime', 'long_overtime_day', 4),
      issue('overtime', 'long_overtime_day', 9),
    ]),
    config: resolveConfig(),
    levels: [...unitTree(units).levels],
  };
}

describe('summarizeDataQuality', () => {
  const dq = summarizeDataQuality(dataset(), { level: 'district' });

  it('counts equality data by district and worker type, with All totals', () => {
    const sex = dq.equality.filter((d: { characteristic: string }) => d.characteristic === 'sex');
    tableEqual(
      sex.select(
        'unit_id',
        'worker_type',
        'people',
        'recorded',
        'not_stated',
        'missing',
        'unknown_pct',
        'comparison_unreliable',
      ),
      {
        unit_id: ['D1', 'D1', 'D2', 'D2', 'D2', '(no unit)', '(no unit)', 'All', 'All', 'All'],
        worker_type: [
          'officer',
          'All',
          'officer',
          'staff',
          'All',
          'staff',
          'All',
          'officer',
          'staff',
          'All',
        ],
        // D1: P1, P2 (P2 not stated) → 1/2 = 50%; All officers P1, P2, P5 → 1/3; everyone 1/6.
        people: [2, 2, 1, 2, 3, 1, 1, 3, 3, 6],
        recorded: [1, 1, 1, 2, 3, 1, 1, 2, 3, 5],
        not_stated: [1, 1, 0, 0, 0, 0, 0, 1, 0, 1],
        missing: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        unknown_pct: [50, 50, 0, 0, 0, 0, 0, 100 / 3, 0, 100 / 6],
        comparison_unreliable: [true, true, false, false, false, false, false, true, false, false],
      },
      1e-9,
    );
  });

  it('pools the people outside a unit report’s scope as the rest of the organisation', () => {
    // Scope = D1's subtree: P1, P2 stay in D1; P3, P4, P5 (D2) and P6 (no unit) become the rest.
    const scoped = summarizeDataQuality(dataset(), {
      level: 'district',
      scope: new Set(['D1', 'T1']),
    });
    const sex = scoped.equality.filter(
      (d: { characteristic: string; worker_type: string }) =>
        d.characteristic === 'sex' && d.worker_type === 'All',
    );
    // D1: 2 people (P2 not stated); rest: P3–P6, all stated; All: 6 people, 1 not stated.
    tableEqual(sex.select('unit_id', 'people', 'not_stated'), {
      unit_id: ['D1', 'Rest of organisation', 'All'],
      people: [2, 4, 6],
      not_stated: [1, 0, 1],
    });
  });

  it('measures each characteristic, age from birth year or age band', () => {
    const all = dq.equality.filter(
      (d: { unit_id: string; worker_type: string }) =>
        d.unit_id === 'All' && d.worker_type === 'All',
    );
    tableEqual(all.select('characteristic', 'not_stated', 'missing', 'comparison_unreliable'), {
      characteristic: ['sex', 'ethnicity_group', 'disability', 'age'],
      // ethnicity: P6 not stated + P2 missing = 2/6; disability: P3 + P5 = 2/6; age: P3 = 1/6.
      not_stated: [1, 1, 1, 0],
      missing: [0, 1, 1, 1],
      comparison_unreliable: [false, true, true, false],
    });
  });

  it('flags only shares that exceed the threshold', () => {
    const loose = summarizeDataQuality(dataset(), { level: 'district', unreliableThreshold: 0.5 });
    // D1 sex is exactly 50% unknown: not above 0.5.
    assert.equal(isComparisonReliable(loose, { unitId: 'D1', characteristic: 'sex' }), true);
  });

  it('counts rejects and warnings by rule, without values or lines', () => {
    tableEqual(dq.issues, {
      kind: ['rejected', 'rejected', 'warning', 'warning'],
      table: ['people', 'sickness', 'overtime', '(file)'],
      rule: ['invalid_date', 'duplicate_key', 'long_overtime_day', 'unmatched_file'],
      problems: [2, 1, 2, 1],
    });
  });

  it('lists each file with rows read, loaded and rejected', () => {
    tableEqual(dq.loads, {
      file: ['people.csv'],
      table: ['people'],
      rows_read: [8],
      rows_loaded: [6],
      rows_rejected: [2],
      warnings: [0],
    });
  });

  it('uses unit_id as exported when no units were loaded, and says so', () => {
    const flat = summarizeDataQuality(dataset({ units: emptyTable('units') }));
    assert.equal(flat.level, null);
    assert.deepEqual(
      [...new Set(flat.equality.array('unit_id') as string[])],
      ['T1', 'T2', '(no unit)', 'All'],
    );
    assert.match(flat.notes[0], /No units were loaded/);
  });

  it('rejects a threshold outside 0–1', () => {
    assert.throws(
      () => summarizeDataQuality(dataset(), { unreliableThreshold: 20 }),
      /unreliableThreshold must be a share between 0 and 1 \(0.2 = 20%\), got 20/,
    );
  });

  it('rejects a level that is not a unit level', () => {
    assert.throws(
      () => summarizeDataQuality(dataset(), { level: 'bcu' }),
      /level "bcu" is not a unit level. Levels: force, district, team\./,
    );
  });

  it('rejects something that is not a dataset', () => {
    assert.throws(
      () => summarizeDataQuality({ tables: {} } as never),
      /the dataset lacks files, rejects, warnings, config. Pass the result of loadDataset\(\)/,
    );
  });
});

describe('isComparisonReliable', () => {
  const dq = summarizeDataQuality(dataset(), { level: 'district' });
  it('answers for the whole organisation by default', () => {
    assert.equal(isComparisonReliable(dq, { characteristic: 'sex' }), true); // 1/6 ≤ 20%
    assert.equal(isComparisonReliable(dq, { characteristic: 'ethnicity_group' }), false); // 2/6
  });
  it('answers for a unit and worker type', () => {
    assert.equal(isComparisonReliable(dq, { unitId: 'D1', characteristic: 'sex' }), false);
    assert.equal(
      isComparisonReliable(dq, { unitId: 'D2', workerType: 'staff', characteristic: 'sex' }),
      true,
    );
  });
  it('is false for a group with nobody in it', () => {
    assert.equal(
      isComparisonReliable(dq, { unitId: 'D1', workerType: 'staff', characteristic: 'sex' }),
      false,
    );
  });
  it('rejects a characteristic that is not measured', () => {
    assert.throws(
      () => isComparisonReliable(dq, { characteristic: 'religion' as never }),
      /characteristic "religion" is not measured. Use one of sex, ethnicity_group, disability, age/,
    );
  });
  it('rejects a unit that is not at the report level', () => {
    assert.throws(
      () => isComparisonReliable(dq, { unitId: 'T1', characteristic: 'sex' }),
      /unit "T1" has no row in the data-quality report, whose units are at level district/,
    );
  });
});

describe('checkComparisonReliable', () => {
  const dq = summarizeDataQuality(dataset(), { level: 'district' });
  it('passes a reliable comparison', () => {
    checkComparisonReliable(dq, { characteristic: 'age' });
  });
  it('refuses an unreliable one, giving the share', () => {
    assert.throws(
      () => checkComparisonReliable(dq, { unitId: 'D1', characteristic: 'sex' }),
      /comparison by sex refused for D1: 50.0% of 2 people have it not stated or missing, above the 20% threshold/,
    );
  });
  it('refuses an empty group', () => {
    assert.throws(
      () =>
        checkComparisonReliable(dq, { unitId: 'D1', workerType: 'staff', characteristic: 'sex' }),
      /comparison by sex refused for D1 \(staff\): nobody in the people table is in this group/,
    );
  });
});

describe('equalityVerdicts', () => {
  const dq = summarizeDataQuality(dataset(), { level: 'district' });
  it('gives the verdict of each shown rate', () => {
    const published = publishTable(dq.equality, EQUALITY_SPEC, { mode: 'analyst' });
    const verdicts = equalityVerdicts(published, dq.threshold);
    const all = verdicts.filter(
      (d: { unit_id: string; worker_type: string }) =>
        d.unit_id === 'All' && d.worker_type === 'All',
    );
    // (All, All): sex 1/6, ethnicity 2/6, disability 2/6, age 1/6 unknown.
    assert.deepEqual(all.array('comparison'), [
      'reliable',
      'unreliable (33% unknown)',
      'unreliable (33% unknown)',
      'reliable',
    ]);
  });
  it('falls back on people − recorded, and gives no verdict when that is hidden too', () => {
    const published = publishTable(dq.equality, EQUALITY_SPEC);
    const verdicts = equalityVerdicts(published, dq.threshold).array('comparison') as string[];
    const hidden = (c: string) => published.table.array(`${c}_status`) as string[];
    const [rate, people, recorded] = ['unknown_pct', 'people', 'recorded'].map(hidden);
    // Every group of this fixture has under 5 people but (All, All): most figures are hidden.
    assert.ok(rate.includes('suppressed'));
    verdicts.forEach((v, i) => {
      const none =
        rate[i] === 'suppressed' && (people[i] === 'suppressed' || recorded[i] === 'suppressed');
      assert.equal(v === 'not shown', none, `row ${i}`);
    });
  });
  it('works the share out from people and recorded when only the rate is hidden', async () => {
    const aq = await import('arquero');
    // 48 people, 36 recorded: 12 unknown = 25% > 20%. Counts under 13 hidden: unknown (12) and so the
    // rate, not_stated and missing (6 each: the declared relations leave each 6 people of cover).
    const t = aq.table({
      unit_id: ['X'],
      worker_type: ['staff'],
      characteristic: ['sex'],
      people: [48],
      recorded: [36],
      not_stated: [6],
      missing: [6],
      unknown: [12],
    });
    const published = publishTable(t, EQUALITY_SPEC, { minCount: 13 });
    assert.equal(published.table.get('unknown_pct_status', 0), 'suppressed');
    assert.equal(published.table.get('people_status', 0), 'shown');
    assert.equal(published.table.get('recorded_status', 0), 'shown');
    assert.deepEqual(equalityVerdicts(published, 0.2).array('comparison'), [
      'unreliable (25% unknown)',
    ]);
  });
  it('rejects a table that is not the equality table', () => {
    const published = publishTable(aq.table({ g: ['a'], n: [5] }), { by: ['g'], population: 'n' });
    assert.throws(
      () => equalityVerdicts(published, 0.2),
      /the published table lacks unknown_pct, people or recorded/,
    );
  });
});
