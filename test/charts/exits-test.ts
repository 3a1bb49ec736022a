import assert from 'node:assert/strict';
import * as aq from 'arquero';
import {
  exitReasonGroupChart,
  exitReasonHeatmapChart,
  exitReasonTrendChart,
} from '../../src/charts/exits.js';
import { publishTable } from '../../src/privacy/index.js';
import { exitReasonsSpec } from '../../src/transforms/exits/reasons.js';
import { exitReasonGroupsSpec } from '../../src/transforms/exits/reason-groups.js';

const reasons = aq.table({
  service_band: ['<3', '<3', '3–7', '3–7'],
  reason: ['workload', 'pay_and_benefits', 'workload', 'pay_and_benefits'],
  respondents: [20, 20, 3, 3],
  primary: [5, 6, 1, 1],
  mentioned: [8, 9, 2, 1],
});

describe('exitReasonHeatmapChart', () => {
  const spec = exitReasonHeatmapChart(
    publishTable(reasons, exitReasonsSpec(['service_band'], { total: false })),
    { title: 'Reasons' },
  ) as {
    data: { values: Record<string, unknown>[] };
    layer: { encoding: Record<string, { field?: string }> }[];
    description: string;
  };

  it('puts reasons down and bands across, coloured by the share', () => {
    assert.equal(spec.layer[1].encoding.x.field, 'service_band');
    assert.equal(spec.layer[1].encoding.y.field, 'reason');
    assert.equal(spec.layer[1].encoding.color.field, 'mentioned_pct');
  });

  it('labels hidden cells [c] and embeds no hidden value', () => {
    // the 3–7 band has 3 respondents (< 5): both its rows are hidden.
    const hidden = spec.data.values.filter((v) => v.service_band === '3–7');
    assert.deepEqual(
      hidden.map((v) => [v.label, v.mentioned_pct, v.mentioned]),
      [
        ['[c]', null, null],
        ['[c]', null, null],
      ],
    );
    assert.equal(spec.data.values[0].label, '40'); // 8 / 20
    assert.match(spec.description, /2 values hidden/);
  });

  it('refuses a table that was not published', () => {
    assert.throws(
      () => exitReasonHeatmapChart(reasons as never, { title: 'x' }),
      /exitReasonHeatmapChart: expected a PublishedTable/,
    );
  });
});

describe('exitReasonGroupChart', () => {
  it('draws grouped bars of citing_pct by band', () => {
    const t = aq.table({
      service_band: ['<3', '<3'],
      reason_group: ['a', 'b'],
      respondents: [10, 10],
      citing: [5, 6],
    });
    const spec = exitReasonGroupChart(
      publishTable(t, exitReasonGroupsSpec(['service_band'], { total: false })),
      { title: 'Groups' },
    ) as {
      encoding: Record<string, { field: string }>;
      data: { values: Record<string, unknown>[] };
    };
    assert.equal(spec.encoding.xOffset.field, 'reason_group');
    assert.deepEqual(
      spec.data.values.map((v) => v.citing_pct),
      [50, 60],
    );
  });
});

describe('exitReasonTrendChart', () => {
  it('draws one line per reason over periods, keeping only the reasons asked for', () => {
    const t = aq.table({
      period: ['FY2023-24', 'FY2024-25'],
      reason: ['workload', 'workload'],
      respondents: [10, 10],
      primary: [5, 5],
      mentioned: [5, 6],
    });
    const spec = exitReasonTrendChart(
      publishTable(t, exitReasonsSpec(['period'], { total: false })),
      { title: 'Trend', reasons: ['workload'] },
    ) as {
      encoding: Record<string, { field: string }>;
      data: { values: unknown[] };
    };
    assert.deepEqual([spec.encoding.x.field, spec.encoding.color.field], ['period', 'reason']);
    assert.equal(spec.data.values.length, 2);
  });
});
