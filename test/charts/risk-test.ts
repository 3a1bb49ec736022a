import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { riskDriversChart } from '../../src/charts/risk.js';
import { publishTable } from '../../src/privacy/index.js';
import { riskDriversSpec } from '../../src/risk/output.js';

// Three drivers carried by 40 people each: one with a proper interval, one whose interval runs to
// infinity (a category every carrier left from: the fit separates), one from a ridge fit, which gives
// a ratio but no interval bound of 0.
const drivers = aq.table({
  term: ['a', 'b', 'c'],
  driver: ['Night shifts', 'Transferred in', 'Part time'],
  ratio: [1.8, 40, 0.7],
  ratio_low: [1.2, 2.1, 0],
  ratio_high: [2.7, Infinity, 1.4],
  p_value: [0.004, 0.01, 0.3],
  people: [40, 40, 40],
});

describe('riskDriversChart', () => {
  const spec = riskDriversChart(publishTable(drivers, riskDriversSpec), { title: 'Drivers' }) as {
    data: { values: Record<string, unknown>[] };
    description: string;
  };

  it('draws only drivers whose ratio and interval are positive and finite (a log axis has no 0 or ∞)', () => {
    assert.deepEqual(
      spec.data.values.map((v) => v.driver),
      ['Night shifts'],
    );
    // What vega-lite receives is JSON: Infinity would arrive as null and draw a NaN line end.
    assert.ok(JSON.stringify(spec.data.values).indexOf('null') < 0);
  });

  it('says how many drivers were not drawn', () => {
    assert.match(spec.description, /2 drivers with no finite interval not drawn\./);
  });
});
