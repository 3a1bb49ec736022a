// Loading a person-level snapshot through its mapping: every record loaded or rejected with its reason
// (counted by hand on the six-line fixture below), groups mapped or banded, and the mapping checked.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSnapshotMapping, loadSnapshot, parseSnapshotMapping } from '../../src/risk/snapshot.js';
import { tableEqual } from '../helpers/table-equal.js';

const mapping = {
  description: 'A small export',
  snapshot: {
    files: 'staff*.csv',
    person: 'Id',
    outcome: { column: 'Left', left: ['Y'], stayed: ['N'] },
    features: [
      { column: 'Overtime', reference: 'No', label: 'works overtime' },
      { column: 'Pay', per: 1000, label: 'per 1,000 of pay' },
    ],
    groups: [
      { column: 'Sex', as: 'sex', values: { F: 'female', M: 'male' } },
      { column: 'Age', as: 'age_band', bands: [30, 40] },
    ],
  },
};

function folder(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'wbk-snapshot-'));
  writeFileSync(join(dir, 'staff_2024.csv'), text);
  return dir;
}

describe('loadSnapshot', () => {
  it('loads every valid row and rejects the others with file, line, column and rule', async () => {
    // Line 2 ok; 3 ok (age 30 → 30_39, sex X unmapped → empty, warned); 4 outcome "?"; 5 pay
    // "n/a"; 6 repeats id 1; 7 has no overtime value. Read 6 = loaded 2 + rejected 4.
    const dir = folder(
      [
        '\ufeffId,Left,Overtime,Pay,Sex,Age',
        '1,Y,Yes,25000,F,29',
        '2,N,No,31000,X,30',
        '3,?,No,28000,M,41',
        '4,N,Yes,n/a,F,35',
        '1,N,No,30000,M,50',
        '5,N,,27000,F,33',
      ].join('\n'),
    );
    const s = await loadSnapshot(dir, parseSnapshotMapping(mapping));
    assert.deepEqual(s.files, [
      { file: 'staff_2024.csv', rows_read: 6, rows_loaded: 2, rows_rejected: 4 },
    ]);
    tableEqual(s.table, {
      person_id: ['1', '2'],
      left: [1, 0],
      Overtime: ['Yes', 'No'],
      Pay: [25000, 31000],
      sex: ['female', null],
      age_band: ['under_30', '30_39'],
    });
    assert.deepEqual(
      (s.rejects.objects() as Record<string, unknown>[]).map((r) => [
        r.line,
        r.column,
        r.value,
        r.rule,
      ]),
      [
        [4, 'Left', '?', 'not_allowed'],
        [5, 'Pay', 'n/a', 'not_a_number'],
        [6, 'Id', '1', 'duplicate'],
        [7, 'Overtime', '', 'required'],
      ],
    );
    assert.match(
      String(s.rejects.get('message', 0)),
      /The outcome must be one of Y, N \(left: Y\)/,
    );
    assert.deepEqual(
      (s.warnings.objects() as Record<string, unknown>[]).map((r) => [
        r.line,
        r.column,
        r.value,
        r.rule,
      ]),
      [[3, 'Sex', 'X', 'unmapped_group']],
    );
    assert.deepEqual(s.groups, ['sex', 'age_band']);
  });

  it('names the columns a file lacks', async () => {
    const dir = folder('Id,Left,Overtime\n1,Y,No\n');
    await assert.rejects(
      loadSnapshot(dir, parseSnapshotMapping(mapping)),
      /staff_2024\.csv has no column\(s\) "Pay", "Sex", "Age"\. Found: Id, Left, Overtime/,
    );
  });
});

describe('parseSnapshotMapping', () => {
  it('refuses a fairness group used as a feature', () => {
    const bad = structuredClone(mapping);
    bad.snapshot.features.push({ column: 'Sex', reference: 'F', label: 'sex' });
    assert.throws(
      () => parseSnapshotMapping(bad, 'my.json'),
      /my\.json is not a valid snapshot mapping:[\s\S]*"Sex" is a fairness group \(a protected characteristic is never a model input\) and cannot also be a feature/,
    );
  });
  it('tells a snapshot mapping from a table mapping', () => {
    assert.equal(isSnapshotMapping(mapping), true);
    assert.equal(isSnapshotMapping({ sources: [] }), false);
  });
});
