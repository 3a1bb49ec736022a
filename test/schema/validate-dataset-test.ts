import assert from 'node:assert/strict';
import type { CellValueOut } from '../../src/schema/parse-cell.js';
import { checkDataset, type StagedTable } from '../../src/schema/validate-dataset.js';

function staged(columns: Record<string, CellValueOut[]>, file: string): StagedTable {
  const n = Object.values(columns)[0].length;
  return { columns, rejected: new Array(n).fill(false), where: (row) => `${file} line ${row + 2}` };
}

describe('checkDataset', () => {
  it('rejects the second row with the same key and names the first', () => {
    const people = staged(
      { person_id: ['1', '1', '1'], start_date: [100, 200, 100] },
      'people.csv',
    );
    const { rejects } = checkDataset({ people });
    assert.deepEqual(rejects, [
      {
        table: 'people',
        row: 2,
        rule: 'duplicate_key',
        column: 'person_id+start_date',
        value: '1|1970-04-11',
        message:
          'duplicate people row: person_id 1, start_date 1970-04-11 already appears at people.csv line 2. Remove one of the two, or correct the key.',
      },
    ]);
    assert.deepEqual(people.rejected, [false, false, true]);
  });
  it('finds a duplicate only when every column of a longer key is the same, rejected rows left out', () => {
    // unit_indicators: unit_id + indicator + period_start + period_end. Rows 1–3 differ from row 0
    // in one column each; row 4 repeats row 0 but is rejected already; row 5 repeats row 2.
    const indicators = staged(
      {
        unit_id: ['U1', 'U2', 'U1', 'U1', 'U1', 'U1'],
        indicator: [
          'complaints',
          'complaints',
          'complaints',
          'vacancies',
          'complaints',
          'complaints',
        ],
        period_start: [100, 100, 100, 100, 100, 100],
        period_end: [130, 130, 131, 130, 130, 131],
        value: [1, 2, 3, 4, 5, 6],
      },
      'unit_indicators.csv',
    );
    indicators.rejected[4] = true;
    const { rejects } = checkDataset({ unit_indicators: indicators });
    assert.deepEqual(
      rejects.map((r) => [r.row, r.rule, r.value]),
      [[5, 'duplicate_key', 'U1|complaints|1970-04-11|1970-05-12']],
    );
    assert.match(rejects[0].message, /already appears at unit_indicators\.csv line 4\./);
  });
  it('rejects a sickness spell that overlaps an earlier one of the same person', () => {
    // Person a: 10–20 then 20–25 (overlap on day 20), then 26–30 (after the kept spell: fine).
    // Person b: an open spell from 5, then 40 (inside the open spell).
    const sickness = staged(
      {
        person_id: ['a', 'a', 'a', 'b', 'b'],
        start_date: [10, 20, 26, 5, 40],
        end_date: [20, 25, 30, null, 41],
      },
      'sickness.csv',
    );
    const { rejects } = checkDataset({ sickness });
    assert.deepEqual(
      rejects.map((p) => [p.row, p.rule]),
      [
        [1, 'overlapping_spell'],
        [4, 'overlapping_spell'],
      ],
    );
    assert.equal(
      rejects[0].message,
      'sickness spell of a starting 1970-01-21 overlaps the spell from 1970-01-11 to 1970-01-21 at sickness.csv line 2. Merge the two spells or correct the dates.',
    );
    assert.match(
      rejects[1].message,
      /overlaps the spell from 1970-01-06 still open at sickness\.csv line 5\./,
    );
  });
  it('rejects rows whose person is not in people, naming the people row when it was rejected', () => {
    const people = staged({ person_id: ['1', '2'], start_date: [1, 1] }, 'people.csv');
    people.rejected[1] = true;
    const overtime = staged({ person_id: ['1', '2', '3'] }, 'overtime.csv');
    const { rejects } = checkDataset({ people, overtime });
    assert.deepEqual(
      rejects.map((p) => [p.table, p.row, p.rule, p.value]),
      [
        ['overtime', 1, 'person_rejected', '2'],
        ['overtime', 2, 'unknown_person', '3'],
      ],
    );
    assert.equal(
      rejects[0].message,
      'person_id 2 has a people row, but it was rejected (people.csv line 3). Fix that row, and this one loads with it.',
    );
    assert.equal(
      rejects[1].message,
      'person_id 3 is not in people. Add the person to people, or correct the id.',
    );
  });
  it('warns about unit ids of people that are not in units, without rejecting', () => {
    const units = staged({ unit_id: ['F', 'T1'], parent_id: [null, 'F'] }, 'units.csv');
    const people = staged({ person_id: ['1'], start_date: [1], unit_id: ['T9'] }, 'people.csv');
    const { rejects, warnings } = checkDataset({ units, people });
    assert.deepEqual(rejects, []);
    assert.deepEqual(
      warnings.map((w) => [w.table, w.column, w.value]),
      [['people', 'unit_id', 'T9']],
    );
    assert.equal(
      warnings[0].message,
      'unit_id T9 is not in units (or its units row was rejected). Add the unit to units, or correct the id.',
    );
  });
  it('rejects a unit whose parent is not a unit, and the units below it', () => {
    // F > D1; D2's parent X does not exist; T1 sits below D2; T2 below D1 is fine.
    const units = staged(
      {
        unit_id: ['F', 'D1', 'D2', 'T1', 'T2'],
        parent_id: [null, 'F', 'X', 'D2', 'D1'],
      },
      'units.csv',
    );
    const { rejects } = checkDataset({ units });
    assert.deepEqual(
      rejects.map((p) => [p.row, p.rule, p.value]),
      [
        [2, 'unknown_parent', 'X'],
        [3, 'parent_rejected', 'D2'],
      ],
    );
    assert.equal(
      rejects[0].message,
      'unit D2 has parent_id X, which is not a unit. Add unit X to units, correct parent_id, or leave it empty for the top unit.',
    );
    assert.equal(
      rejects[1].message,
      'unit T1 sits below unit D2, which was rejected (units.csv line 4: unknown_parent). Fix that unit, and this one loads with it.',
    );
    assert.deepEqual(units.rejected, [false, false, true, true, false]);
  });
  it('rejects the units of a loop of parents, and the units below the loop', () => {
    // A → B → C → A loops; E's parent is A; F is the top and G sits below it.
    const units = staged(
      { unit_id: ['A', 'B', 'C', 'E', 'F', 'G'], parent_id: ['B', 'C', 'A', 'A', null, 'F'] },
      'units.csv',
    );
    const { rejects } = checkDataset({ units });
    assert.deepEqual(
      rejects.map((p) => [p.row, p.rule]),
      [
        [0, 'unit_cycle'],
        [1, 'unit_cycle'],
        [2, 'unit_cycle'],
        [3, 'parent_rejected'],
      ],
    );
    assert.equal(
      rejects[0].message,
      'unit A is in a loop of parents (A → B → C → A), so no unit of the loop reaches a top unit. Give one of them the unit above it, or an empty parent_id if it is the top.',
    );
  });
  it('treats ids such as __proto__, constructor and toString as data', () => {
    // With plain objects as maps, "constructor" and "toString" would be found on every object.
    const units = staged(
      {
        unit_id: ['__proto__', 'constructor', 'toString'],
        parent_id: [null, '__proto__', 'hasOwnProperty'],
      },
      'units.csv',
    );
    const people = staged(
      {
        person_id: ['__proto__', 'constructor'],
        start_date: [1, 1],
        unit_id: ['constructor', 'valueOf'],
      },
      'people.csv',
    );
    const sickness = staged(
      { person_id: ['constructor', 'toString'], start_date: [5, 5], end_date: [6, 6] },
      'sickness.csv',
    );
    const { rejects, warnings } = checkDataset({ units, people, sickness });
    assert.deepEqual(
      rejects.map((p) => [p.table, p.rule, p.value]),
      [
        ['units', 'unknown_parent', 'hasOwnProperty'],
        ['sickness', 'unknown_person', 'toString'],
      ],
    );
    assert.deepEqual(
      warnings.map((p) => [p.table, p.rule, p.value]),
      [['people', 'unknown_unit', 'valueOf']],
    );
  });
  it('warns about two units of one level with one name, naming both, and about reserved names', () => {
    const units = staged(
      {
        unit_id: ['F', 'N1', 'N2', 'N3', 'A'],
        parent_id: [null, 'F', 'F', 'N1', 'F'],
        name: ['Force', 'North', 'North', 'North', ' all '],
        level: ['force', 'district', 'district', 'team', 'district'],
      },
      'units.csv',
    );
    const { rejects, warnings } = checkDataset({ units });
    assert.deepEqual(rejects, []);
    assert.deepEqual(
      warnings.map((w) => [w.row, w.rule, w.value]),
      [
        [2, 'duplicate_unit_name', 'North'],
        [4, 'reserved_unit_name', 'all'],
      ],
    );
    assert.equal(
      warnings[0].message,
      'units N1 (units.csv line 3) and N2 are both named "North" at level district, so tables and charts would show two "North" rows. Give them distinct names, or accept this knowingly.',
    );
    assert.equal(
      warnings[1].message,
      'unit A is named "all", like the "All" rows the reports add, so readers could confuse the two. Rename the unit (e.g. "all (unit A)").',
    );
  });
});
