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
  it('rejects rows whose person is not in people, or whose people row was rejected', () => {
    const people = staged({ person_id: ['1', '2'], start_date: [1, 1] }, 'people.csv');
    people.rejected[1] = true;
    const overtime = staged({ person_id: ['1', '2', '3'] }, 'overtime.csv');
    const { rejects } = checkDataset({ people, overtime });
    assert.deepEqual(
      rejects.map((p) => [p.table, p.row, p.value]),
      [
        ['overtime', 1, '2'],
        ['overtime', 2, '3'],
      ],
    );
    assert.equal(
      rejects[1].message,
      'person_id 3 is not in people (or its people row was rejected). Add the person to people, or correct the id.',
    );
  });
  it('warns about unit ids that are not in units, without rejecting', () => {
    const units = staged({ unit_id: ['F', 'T1'], parent_id: [null, 'X'] }, 'units.csv');
    const people = staged({ person_id: ['1'], start_date: [1], unit_id: ['T9'] }, 'people.csv');
    const { rejects, warnings } = checkDataset({ units, people });
    assert.deepEqual(rejects, []);
    assert.deepEqual(
      warnings.map((w) => [w.table, w.column, w.value]),
      [
        ['units', 'parent_id', 'X'],
        ['people', 'unit_id', 'T9'],
      ],
    );
    assert.equal(
      warnings[1].message,
      'unit_id T9 is not in units (or its units row was rejected). Add the unit to units, or correct the id.',
    );
  });
});
