// A unit's report counts the unit's own people where a section has no unit breakdown: notebook 02's
// leaver rates in the report for one district are that district's, not the organisation's (they
// were the organisation's in every unit report before). The reference is counted by hand from the
// generated people.csv: employment spells of the district's units in post on 1 April 2024.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { reportCommand } from '../../src/cli/report.js';
import { generateDemoForce } from '../../src/demo/generate.js';
import { parseCsv } from '../helpers/attacker.js';

describe("notebook 02 in a unit's report", function () {
  this.timeout(600_000);
  let data: string;
  let out: string;
  let code: number;
  before(async () => {
    data = mkdtempSync(path.join(os.tmpdir(), 'wbk-scope-data-'));
    out = mkdtempSync(path.join(os.tmpdir(), 'wbk-scope-out-'));
    await generateDemoForce({ people: 300, outDir: data });
    code = await reportCommand.run([
      ...['--data', data, '--out', out, '--unit', 'D1', '--notebooks', '02'],
      ...['--period', 'FY2024-25', '--jobs', '1'],
    ]);
  });
  after(() => {
    rmSync(data, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  it('gives the unit’s own headcount at the start of the year, counted by hand from people.csv', () => {
    assert.equal(code, 0);
    const [uh, ...units] = parseCsv(readFileSync(path.join(data, 'units.csv'), 'utf8'));
    const parent = new Map(
      units.map((r) => [r[uh.indexOf('unit_id')], r[uh.indexOf('parent_id')]]),
    );
    const inD1 = (u: string): boolean => u === 'D1' || (parent.has(u) && inD1(parent.get(u)!));
    const [ph, ...people] = parseCsv(readFileSync(path.join(data, 'people.csv'), 'utf8'));
    const at = (r: string[], c: string) => r[ph.indexOf(c)];
    const day = '2024-04-01';
    const inPost = (r: string[]) =>
      at(r, 'start_date') <= day && (at(r, 'end_date') === '' || at(r, 'end_date') >= day);
    const expected = people.filter((r) => inPost(r) && inD1(at(r, 'unit_id'))).length;
    const all = people.filter(inPost).length;
    assert.ok(expected >= 5 && expected < all, `D1 ${expected} of ${all} in post`);
    const [rh, ...rates] = parseCsv(
      readFileSync(path.join(out, '02-early-leavers--leaver-rates.csv'), 'utf8'),
    );
    const row = rates.find(
      (r) => r[rh.indexOf('period')] === 'FY2024-25' && r[rh.indexOf('worker_type')] === 'All',
    );
    assert.ok(row, 'the All row of FY2024-25');
    assert.equal(Number(row[rh.indexOf('headcount_start')]), expected);
  });
});
