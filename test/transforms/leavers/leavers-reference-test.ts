// The leaver transforms against R's survival package (test/reference/leavers.R, run with the R and
// survival versions in test/reference/leavers/versions.json: R 4.2.2, survival 3.5.3) on one department's
// officers from the synthetic demo force (test/fixtures/leavers/d3-resp-officers.csv).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as aq from 'arquero';
import { fitKaplanMeierBy } from '../../../src/transforms/leavers/curves.js';
import { parseDate } from '../../../src/time/dates.js';
import { deriveRetentionData } from '../../../src/transforms/leavers/retention-data.js';
import {
  summarizeResignationIncidence,
  summarizeRetentionCurves,
} from '../../../src/transforms/leavers/retention.js';
import {
  summarizeMedianTenure,
  testRetentionDifference,
} from '../../../src/transforms/leavers/retention-compare.js';
import { summarizeThreeYearResignation } from '../../../src/transforms/leavers/three-year.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
type Row = Record<string, string>;
const csv = (file: string): Row[] => {
  const [header, ...lines] = fs.readFileSync(path.join(root, file), 'utf8').trim().split('\n');
  const names = header.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i], v])));
};
const ref = (name: string) => csv(`test/reference/leavers/${name}`);
const num = (v: string) => (v === 'NA' ? NaN : v === 'Inf' ? Infinity : Number(v));
const TOL = 1e-6;

function close(actual: unknown, expected: number, where: string): void {
  if (expected === Infinity) {
    assert.equal(actual, Infinity, `${where}: expected Inf`);
    return;
  }
  if (Number.isNaN(expected)) {
    assert.ok(
      actual === null || Number.isNaN(actual as number),
      `${where}: expected NA, got ${actual}`,
    );
    return;
  }
  assert.ok(
    typeof actual === 'number' && Math.abs(actual - expected) <= TOL,
    `${where}: expected ${expected}, got ${actual}`,
  );
}

const fixture = csv('test/fixtures/leavers/d3-resp-officers.csv');
const date = (v: string) => (v === '' ? null : parseDate(v));
const people = aq.table({
  person_id: fixture.map((r) => r.person_id),
  sex: fixture.map((r) => r.sex || null),
  start_date: fixture.map((r) => date(r.start_date)),
  end_date: fixture.map((r) => date(r.end_date)),
  leaver_type: fixture.map((r) => r.leaver_type || null),
});
const retention = deriveRetentionData(people, {
  windowStart: parseDate('2020-04-01'),
  dataEnd: parseDate('2025-03-31'),
});
const bySex = (curve: string) => (curve === 'all' ? [] : ['sex']);
const rowsOf = (t: aq.ColumnTable, curve: string) =>
  (t.objects() as Record<string, unknown>[]).filter((r) => curve === 'all' || r.sex === curve);

describe('leaver transforms against R survival (D3-RESP officers)', () => {
  it('derives the same Kaplan–Meier steps (tenure, risk sets, Greenwood intervals)', () => {
    const expected = ref('km.csv');
    for (const curve of ['all', 'female', 'male']) {
      const want = expected.filter((r) => r.curve === curve);
      const got = rowsOf(
        fitKaplanMeierBy(retention, {
          entry: 'tenure_entry_years',
          time: 'tenure_years',
          event: 'left',
          by: bySex(curve),
        }),
        curve,
      );
      assert.equal(got.length, want.length, `${curve}: number of steps`);
      want.forEach((w, i) => {
        for (const c of ['time', 'n_risk', 'n_event', 'surv', 'std_err', 'lower', 'upper'])
          close(got[i][c], num(w[c]), `${curve} step ${i} ${c}`);
      });
    }
  });

  // summary(survfit, times) reports n.risk of the next step after each time, so the grid's n_risk (at risk
  // at the time itself, entry < t <= exit) is checked by hand in retention-test.ts instead.
  it('reads the retention curve on the quarter-year grid as summary(survfit, times) does', () => {
    const expected = ref('km-grid.csv');
    for (const curve of ['all', 'female', 'male']) {
      const want = expected.filter((r) => r.curve === curve);
      const got = rowsOf(summarizeRetentionCurves(retention, { by: bySex(curve) }), curve).filter(
        (r) => (r.time as number) > 0,
      );
      assert.equal(got.length, want.length, `${curve}: grid points`);
      want.forEach((w, i) => {
        for (const c of ['time', 'surv', 'lower', 'upper'])
          close(got[i][c], num(w[c]), `${curve} t=${w.time} ${c}`);
      });
    }
  });

  it('gives the Aalen–Johansen cumulative incidence of resignation on the grid', () => {
    const expected = ref('aj-grid.csv');
    let compared = 0;
    for (const curve of ['all', 'female', 'male']) {
      const got = rowsOf(summarizeResignationIncidence(retention, { by: bySex(curve) }), curve);
      for (const w of expected.filter((r) => r.curve === curve)) {
        const g = got.find((r) => r.time === num(w.time));
        if (g === undefined) continue; // the 3-year point, when it is not on the grid
        compared += 1;
        for (const c of ['cif', 'lower', 'upper'])
          close(g[c], num(w[c]), `${curve} t=${w.time} ${c}`);
      }
    }
    assert.ok(compared > 100, `only ${compared} grid points compared`);
  });

  it('gives the 3-year resignation probabilities and relative likelihood by sex', () => {
    const want = ref('three-year.csv');
    const t = summarizeThreeYearResignation(retention, {
      by: 'sex',
      minGroupSize: 1,
    }).table.objects() as Record<string, number>[];
    for (const w of want) {
      const g = t.find((r) => (r.sex as unknown) === w.sex)!;
      close(g.resign_prob_pct / 100, num(w.cif), `${w.sex} cif at 3`);
      close(g.relative_likelihood, num(w.relative_likelihood), `${w.sex} RL`);
      close(g.relative_likelihood_lower, num(w.lower), `${w.sex} RL lower`);
      close(g.relative_likelihood_upper, num(w.upper), `${w.sex} RL upper`);
    }
  });

  it('gives the log-rank (Cox score, delayed entry) test between women and men', () => {
    const [want] = ref('logrank.csv');
    const test = testRetentionDifference(retention, { by: ['sex'] });
    close(test.chisq, num(want.chisq), 'chisq');
    close(test.p_value, num(want.p_value), 'p');
    assert.equal(test.method, 'cox score (delayed entry)');
  });

  it('gives the median tenure at leaving with its interval', () => {
    const want = ref('median.csv');
    const t = summarizeMedianTenure(retention, { by: ['sex'] }).objects() as Record<
      string,
      unknown
    >[];
    const all = summarizeMedianTenure(retention, { by: [] }).objects()[0] as Record<
      string,
      unknown
    >;
    for (const w of want) {
      const g = w.curve === 'all' ? all : t.find((r) => r.sex === w.curve)!;
      close(g.median_years, num(w.median), `${w.curve} median`);
      close(g.median_lower_years, num(w.lower), `${w.curve} lower`);
      close(g.median_upper_years, num(w.upper), `${w.curve} upper`);
    }
  });
});
