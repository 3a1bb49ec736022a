// Chart helpers of the leaver analyses (src/charts/retention.ts, service.ts, three-year.ts): specs, not pixels.
import assert from 'node:assert/strict';
import * as aq from 'arquero';
import {
  retentionCurveChart,
  retentionCurveFigure,
  retentionRankChart,
} from '../../src/charts/retention.js';
import { serviceBandChart } from '../../src/charts/service.js';
import { threeYearLikelihoodChart } from '../../src/charts/three-year.js';
import { publishTable } from '../../src/privacy/index.js';
import { retentionCurveSpec } from '../../src/transforms/leavers/retention.js';
import { serviceAtLeavingSpec } from '../../src/transforms/leavers/service.js';
import { threeYearSpec } from '../../src/transforms/leavers/three-year.js';

const curves = aq.table({
  group: ['f', 'f', 'f', 'm', 'm'],
  time: [0, 0.25, 0.5, 0, 0.25],
  n_risk: [20, 12, 4, 30, 25],
  n_risk_min: [20, 12, 4, 30, 25],
  n_left: [0, 1, 1, 0, 2],
  surv: [1, 0.9, 0.8, 1, 0.95],
  lower: [1, 0.8, 0.6, 1, 0.9],
  upper: [1, 1, 1, 1, 1],
});
type Layer = { mark: { type: string }; encoding: Record<string, { field?: string }> };

describe('retentionCurveChart', () => {
  it('draws a step line and an interval band per group, leaving hidden points out', () => {
    const spec = retentionCurveChart(publishTable(curves, retentionCurveSpec()), {
      title: 'Retention',
    });
    const layers = spec.layer as Layer[];
    assert.deepEqual(
      layers.map((l) => l.mark.type),
      ['area', 'line'],
    );
    assert.equal(layers[1].encoding.y.field, 'surv');
    assert.equal(layers[0].encoding.y2.field, 'upper');
    const values = (spec.data as { values: { time: number }[] }).values;
    assert.equal(values.length, 4); // f at 0.5 has 4 at risk: hidden, never embedded
    assert.match(String(spec.description), /1 value hidden to protect privacy/);
  });
  it('refuses a table that was not published', () => {
    assert.throws(
      () => retentionCurveChart(curves as never, { title: 'x' }),
      /retentionCurveChart: expected a PublishedTable/,
    );
  });
});

describe('retentionCurveFigure', () => {
  it('gives one plotly step trace per group', () => {
    const fig = retentionCurveFigure(publishTable(curves, retentionCurveSpec()), {
      title: 'Retention',
    });
    assert.deepEqual(
      fig.data.map((t) => t.name),
      ['f', 'm'],
    );
    assert.deepEqual(fig.data[1].y, [1, 0.95]);
  });
});

describe('serviceBandChart', () => {
  it('keeps the bands in order of length and marks hidden counts', () => {
    const bands = aq.table({
      service_band: ['<3', '3–7', '7–11', '11+'],
      leavers: [12, 3, 0, 9],
      voluntary_resignations: [10, 2, 0, 1],
    });
    const spec = serviceBandChart(publishTable(bands, serviceAtLeavingSpec()), {
      title: 'Leavers',
    });
    const layers = spec.layer as (Layer & { encoding: { x: { sort: string[] } } })[];
    assert.deepEqual(layers[0].encoding.x.sort, ['<3', '3–7', '7–11', '11+']);
    const values = (
      spec.data as {
        values: { band: string; measure: string; value: number | null; hidden: string }[];
      }
    ).values;
    const hidden = values.filter((v) => v.hidden === '[c]').map((v) => `${v.band} ${v.measure}`);
    assert.deepEqual(hidden, [
      '3–7 all leavers',
      '3–7 voluntary resignations',
      '11+ voluntary resignations',
    ]);
  });
});

describe('threeYearLikelihoodChart', () => {
  it('plots ratios on a log scale with a rule at 1 and lists groups without a ratio', () => {
    const t = aq.table({
      sex: ['female', 'male'],
      people: [50, 60],
      at_risk_at_point: [20, 30],
      resigned_by_point: [10, 8],
      resign_prob_pct: [40, 20],
      resign_prob_lower_pct: [30, 12],
      resign_prob_upper_pct: [55, 30],
      relative_likelihood: [2, null],
      relative_likelihood_lower: [1.1, null],
      relative_likelihood_upper: [3.6, null],
      support: [10, 8],
    });
    const spec = threeYearLikelihoodChart(publishTable(t, threeYearSpec('sex')), {
      by: 'sex',
      title: '3 years',
    });
    const layers = spec.layer as (Layer & {
      encoding: { x: { datum?: number; scale?: { type: string } } };
    })[];
    assert.equal(layers[0].encoding.x.datum, 1);
    assert.equal(layers[2].encoding.x.scale?.type, 'log');
    assert.match(
      String(spec.description),
      /No ratio shown for male \(reference group, too few people, or hidden\)/,
    );
  });
});

describe('retentionRankChart', () => {
  it('keeps the highest shown rates, highest first, and never ranks hidden ones', () => {
    const t = aq.table({
      team: ['a', 'b', 'c', 'd'],
      headcount_start: [40, 40, 3, 40],
      leavers: [8, 20, 1, 12],
    });
    const published = publishTable(t, {
      by: ['team'],
      population: 'headcount_start',
      counts: ['leavers'],
      rates: [
        { name: 'leaver_rate_pct', numerator: 'leavers', denominator: 'headcount_start', per: 100 },
      ],
    });
    const spec = retentionRankChart(published, {
      category: 'team',
      value: 'leaver_rate_pct',
      title: 'Teams',
      top: 2,
    });
    // b 50%, d 30%, a 20%; c has 3 people: hidden, never ranked.
    assert.deepEqual(
      (spec.data as { values: { team: string }[] }).values.map((r) => r.team),
      ['b', 'd'],
    );
    assert.match(String(spec.description), /1 value hidden/);
  });
});
