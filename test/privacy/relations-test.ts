// Relations declared within rows (issue 18 item 2): people = recorded + not_stated + missing. The
// issue's case: a row 37, 36, [c], 0 gives the hidden 1 back by subtraction unless the relation is
// declared and protected. The attacker (test/helpers/attacker.ts, independent of src/privacy) reads
// the table as exported (CSV + sidecar JSON) and bounds every hidden count by linear programming.
import assert from 'node:assert/strict';
import { table } from 'arquero';
import { auditPublishedTables, publishTable, type CellSpec } from '../../src/privacy/index.js';
import { exportTable } from '../../src/report/show.js';
import { tableCsv, tableSidecarJson } from '../../src/report/exports.js';
import { Attacker, narrowCells, parseCsv, type Sidecar } from '../helpers/attacker.js';

const spec: CellSpec = {
  by: ['unit', 'characteristic'],
  population: 'people',
  counts: ['recorded', 'not_stated', 'missing'],
  relations: [{ total: 'people', parts: ['recorded', 'not_stated', 'missing'] }],
};

// Row 0 is the row: 37 = 36 + 1 + 0 (not_stated = 1 is under 5, hidden).
// Row 1: 40 = 30 + 6 + 4 (missing = 4 hidden). Row 2: 50 = 40 + 5 + 5 (nothing to hide).
const input = () =>
  table({
    unit: ['D1', 'D2', 'D3'],
    characteristic: ['ethnicity_group', 'ethnicity_group', 'ethnicity_group'],
    people: [37, 40, 50],
    recorded: [36, 30, 40],
    not_stated: [1, 6, 5],
    missing: [0, 4, 5],
  });

function attack(published: ReturnType<typeof publishTable>, name: string) {
  const t = exportTable(published, name);
  const [columns, ...rows] = parseCsv(tableCsv(t));
  const a = new Attacker();
  a.addFile({
    file: `${name}.csv`,
    columns,
    rows,
    meta: JSON.parse(tableSidecarJson(t)) as Sidecar,
  });
  a.tieAcrossFiles();
  return a.bounds();
}

describe('declared relations within rows', () => {
  it('hides a second cell of a row whose declared total would give a hidden count back', () => {
    const p = publishTable(input(), spec);
    const row0 = ['people', 'recorded', 'not_stated', 'missing'].filter(
      (c) => p.table.get(c, 0) === null,
    );
    // not_stated (1) is hidden, and with it at least one more non-zero cell of the row
    assert.ok(row0.includes('not_stated'), `row 0 hides ${row0.join(', ')}`);
    assert.ok(row0.length >= 2, `row 0 hides only ${row0.join(', ')}`);
    const bounds = attack(p, 'equality');
    // By hand: with the relation, 1 hidden count and a hidden partner of ≥ 4 more people, the hidden
    // 1 can be anything from 0 to at least 5.
    assert.deepEqual(narrowCells(bounds, 5), []);
    const ns = bounds.find((b) => b.row === 0 && b.column === 'not_stated')!;
    assert.ok(ns.lo <= 1 && ns.hi >= 5, `not_stated in [${ns.lo}, ${ns.hi}]`);
  });

  it('without the declaration the reader recovers the hidden 1 (what the issue found)', () => {
    const { relations: _r, ...bare } = spec;
    const p = publishTable(input(), bare);
    // The exported table does not say how it adds up; the reader knows it anyway.
    const t = exportTable(p, 'equality');
    const [columns, ...rows] = parseCsv(tableCsv(t));
    const a = new Attacker();
    a.addFile({
      file: 'equality.csv',
      columns,
      rows,
      meta: {
        ...t,
        relations: spec.relations!.map((r) => ({ total: r.total, parts: [...r.parts] })),
      },
    });
    const narrow = narrowCells(a.bounds(), 5);
    const ns = narrow.find((b) => b.row === 0 && b.column === 'not_stated');
    assert.ok(ns !== undefined);
    // 37 − 36 − 0 = 1
    assert.ok(Math.abs(ns.lo - 1) < 1e-6 && Math.abs(ns.hi - 1) < 1e-6);
  });

  it('travels with the export: the sidecar JSON declares the relation and the rates', () => {
    const p = publishTable(input(), {
      ...spec,
      rates: [{ name: 'recorded_pct', numerator: 'recorded', denominator: 'people', per: 100 }],
    });
    const side = JSON.parse(tableSidecarJson(exportTable(p, 'equality'))) as Sidecar;
    assert.deepEqual(side.relations, [
      { total: 'people', parts: ['recorded', 'not_stated', 'missing'] },
    ]);
    // with the decimals the rate was rounded to (a percentage: 1 by default)
    assert.deepEqual(side.rates, [
      { name: 'recorded_pct', numerator: 'recorded', denominator: 'people', per: 100, decimals: 1 },
    ]);
    assert.deepEqual(side.by, ['unit', 'characteristic']);
  });

  it('the cross-table audit uses a declared relation within a row', () => {
    const columns = ['unit', 'people', 'recorded', 'not_stated', 'missing'];
    const rows = [['D1', 37, 36, '[c]', 0]];
    const base = { name: 'eq', columns, rows, by: ['unit'], countColumns: columns.slice(1) };
    assert.deepEqual(auditPublishedTables([base]), []);
    const leaks = auditPublishedTables([
      { ...base, relations: [{ total: 'people', parts: ['recorded', 'not_stated', 'missing'] }] },
    ]);
    assert.equal(leaks.length, 1);
    assert.equal(leaks[0].column, 'not_stated');
    assert.equal(leaks[0].row, 0);
  });

  it('refuses a relation that names a column outside the spec, or that a row breaks', () => {
    assert.throws(
      () => publishTable(input(), { ...spec, relations: [{ total: 'people', parts: ['nope'] }] }),
      /relations\[0\].*not additive: nope/,
    );
    const broken = input().derive({ missing: (d: { missing: number }) => d.missing + 1 });
    assert.throws(() => publishTable(broken, spec), /row 0: "people" is 37 but .* is 38/);
  });
});

describe('a figure repeated down a dimension (sameAcross)', () => {
  // Unit D1's headcount, 6, on its sex and its ethnicity row. Sex: 3 recorded, 3 not stated — both
  // under 5, hidden, and together 6, so the row hides one more non-zero cell: only people is left.
  // Ethnicity: all 6 recorded, nothing to hide. Worked by hand: had the ethnicity row shown people,
  // the sex row's hidden people would read 6 there. D2 (20 people, nothing small) is the control.
  const repeated: CellSpec = { ...spec, sameAcross: { people: ['characteristic'] } };
  const twoRows = () =>
    table({
      unit: ['D1', 'D1', 'D2', 'D2'],
      characteristic: ['sex', 'ethnicity_group', 'sex', 'ethnicity_group'],
      people: [6, 6, 20, 20],
      recorded: [3, 6, 12, 18],
      not_stated: [3, 0, 5, 2],
      missing: [0, 0, 3, 0],
    });
  const hidden = (p: ReturnType<typeof publishTable>, column: string) =>
    [0, 1, 2, 3].filter((row) => p.table.get(column, row) === null);

  it('hides every copy where one is hidden, and the cells that then give it back', () => {
    const p = publishTable(twoRows(), repeated);
    assert.deepEqual(hidden(p, 'people'), [0, 1]);
    // the ethnicity row would give people back as 6 + 0 + 0: its recorded goes too (D2's two
    // recorded are complements of its own small counts, missing 3 and not_stated 2)
    assert.deepEqual(hidden(p, 'recorded').slice(0, 2), [0, 1]);
    const exported = exportTable(p, 'equality');
    assert.deepEqual(exported.sameAcross, { people: ['characteristic'] });
    assert.deepEqual(auditPublishedTables([exported]), []);
    const bounds = attack(p, 'equality');
    assert.deepEqual(narrowCells(bounds, 5), []);
  });

  it('leaves the copies apart without the declaration: the audit with it finds the copy given back', () => {
    const p = publishTable(twoRows(), spec);
    assert.deepEqual(hidden(p, 'people'), [0]);
    const exported = { ...exportTable(p, 'equality'), sameAcross: { people: ['characteristic'] } };
    assert.deepEqual(
      auditPublishedTables([exported]).map((l) => [l.row, l.column]),
      [[0, 'people']],
    );
  });

  it('refuses a declaration the rows break, naming the rows and values', () => {
    const broken = (twoRows().objects() as Record<string, unknown>[]).map((r, row) =>
      row === 1 ? { ...r, people: 7, recorded: 7 } : r,
    );
    assert.throws(
      () => publishTable(table(columnsOf(broken)), repeated),
      /rows 0 and 1: "people" is 6 and 7, but spec.sameAcross says it does not vary with characteristic/,
    );
    assert.throws(
      () => publishTable(twoRows(), { ...spec, sameAcross: { people: ['grade'] } }),
      /spec.sameAcross.people must name .* not in by: grade/,
    );
  });
});

function columnsOf(rows: Record<string, unknown>[]): Record<string, unknown[]> {
  return Object.fromEntries(Object.keys(rows[0]).map((c) => [c, rows.map((r) => r[c])]));
}
