// Bar charts of published measures: hidden values drawn as [c] labels, and an axis that reads well
// when no bar is above 0 (vega-lite drew a [0, 0] axis labelled 0.000000 in a small unit's report).
import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { barChart } from '../../src/charts/bar.js';
import { publishTable } from '../../src/privacy/index.js';

type Spec = {
  data: { values: Record<string, unknown>[] };
  layer: { encoding: Record<string, { field?: string; scale?: unknown; axis?: unknown }> }[];
};
const spec = { by: ['leaver_type'], counts: ['leavers'] };
const chart = (leavers: number[]) =>
  barChart(
    publishTable(aq.table({ leaver_type: ['death', 'dismissal', 'other'], leavers }), spec),
    { category: 'leaver_type', value: 'leavers', title: 'Leavers', horizontal: true },
  ) as unknown as Spec;

describe('barChart', () => {
  it('labels hidden bars [c] and never carries their value', () => {
    const c = chart([0, 3, 12]); // 3 is under the minimum of 5: hidden, with a complement
    const hidden = c.data.values.filter((v) => v.hidden === '[c]').map((v) => v.leaver_type);
    assert.ok(hidden.includes('dismissal'));
    assert.ok(!JSON.stringify(c.data.values).includes('"leavers":3'));
  });

  it('draws a 0 to 1 axis marked 0 and 1 when every bar is 0 or hidden', () => {
    const c = chart([0, 3, 0]); // the 3 is hidden, the rest are 0
    assert.deepEqual(c.layer[0].encoding.x.scale, { domain: [0, 1] });
    assert.deepEqual(c.layer[0].encoding.x.axis, { values: [0, 1], format: 'd' });
  });

  it('leaves the axis to vega-lite when a bar is above 0', () => {
    const c = chart([0, 6, 12]);
    assert.equal(c.layer[0].encoding.x.scale, undefined);
    assert.equal(c.layer[0].encoding.x.axis, undefined);
  });
});
