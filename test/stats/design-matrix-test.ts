import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { aliasedColumns, checkDesignRows, designMatrix } from '../../src/stats/design-matrix.js';

const people = aq.table({
  age_years: [30, 41, 52],
  worker_type: ['staff', 'officer', 'pcso'],
  night_shift: [true, false, true],
});

describe('designMatrix', () => {
  it("codes a category as R's treatment contrasts, first level alphabetically as reference", () => {
    // R: model.matrix(~ age_years + worker_type, people) → (Intercept), age_years,
    // worker_typepcso, worker_typestaff (reference "officer")
    const d = designMatrix(people, { columns: ['age_years', 'worker_type'] });
    assert.deepEqual(d.names, ['(Intercept)', 'age_years', 'worker_typepcso', 'worker_typestaff']);
    assert.deepEqual(d.terms, ['(Intercept)', 'age_years', 'worker_type', 'worker_type']);
    assert.deepEqual(d.X, [
      [1, 30, 0, 1],
      [1, 41, 0, 0],
      [1, 52, 1, 0],
    ]);
  });

  it('uses the chosen reference level and leaves out the intercept on request', () => {
    const d = designMatrix(people, {
      columns: ['worker_type'],
      reference: { worker_type: 'staff' },
      intercept: false,
    });
    assert.deepEqual(d.names, ['worker_typeofficer', 'worker_typepcso']);
    assert.deepEqual(d.X, [
      [0, 0],
      [1, 0],
      [0, 1],
    ]);
  });

  it('codes booleans as R codes logicals (FALSE reference, column nameTRUE)', () => {
    const d = designMatrix(people, { columns: ['night_shift'], intercept: false });
    assert.deepEqual(d.names, ['night_shiftTRUE']);
    assert.deepEqual(d.X, [[1], [0], [1]]);
  });

  it('names every missing column and lists those found', () => {
    assert.throws(
      () => designMatrix(people, { columns: ['age_years', 'rank', 'unit_id'] }),
      /designMatrix: column\(s\) "rank", "unit_id" missing\. Found: age_years, worker_type, night_shift\./,
    );
  });

  it('names the row and column of a missing value', () => {
    const t = aq.table({ overtime_hours_month: [3, null, 5] });
    assert.throws(
      () => designMatrix(t, { columns: ['overtime_hours_month'] }),
      /designMatrix: column "overtime_hours_month", row 1: value null is not a finite number, string or boolean\./,
    );
  });

  it('rejects a reference level that does not occur, listing the levels', () => {
    assert.throws(
      () => designMatrix(people, { columns: ['worker_type'], reference: { worker_type: 'Staff' } }),
      /designMatrix: reference level "Staff" for column "worker_type" does not occur\. Levels: officer, pcso, staff\./,
    );
  });

  it('rejects a category with a single level', () => {
    const t = aq.table({ force: ['A', 'A'] });
    assert.throws(
      () => designMatrix(t, { columns: ['force'] }),
      /designMatrix: column "force" has a single level \(A\)/,
    );
  });
});

describe('aliasedColumns', () => {
  it('finds a column that is the sum of earlier ones and names them', () => {
    // day + night = 1 = the intercept column, so "night" (column 2) depends on columns 0 and 1
    const X = [0, 1, 1, 0].map((day) => [1, day, 1 - day]);
    assert.deepEqual(aliasedColumns(X), [{ column: 2, dependsOn: [0, 1] }]);
  });

  it('finds nothing in a full-rank design', () => {
    assert.deepEqual(
      aliasedColumns([
        [1, 0],
        [1, 1],
        [1, 3],
      ]),
      [],
    );
  });
});

describe('checkDesignRows', () => {
  it('accepts rows of one finite number per name', () => {
    checkDesignRows(
      'fitLogistic',
      [
        [1, 0],
        [1, 2.5],
      ],
      ['(Intercept)', 'x'],
    );
  });
  it('names the row whose length differs from names', () => {
    assert.throws(
      () => checkDesignRows('fitCox', [[1], [1, 2]], ['x']),
      /^Error: fitCox: row 1 of X has 2 values but names lists 1 columns \(x\)\.$/,
    );
  });
  it('names the row and column of a value that is not a finite number', () => {
    assert.throws(
      () =>
        checkDesignRows(
          'fitLogistic',
          [
            [1, 0],
            [1, NaN],
          ],
          ['(Intercept)', 'x'],
        ),
      /^Error: fitLogistic: X row 1, column "x": value NaN is not a finite number\. Filter or impute it first\.$/,
    );
  });
});
