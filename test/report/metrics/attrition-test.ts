import assert from 'node:assert/strict';
import * as aq from 'arquero';
import type { Dataset } from '../../../src/io/load-dataset.js';
import { resolveConfig } from '../../../src/schema/vocabularies.js';
import { epochDay } from '../../../src/time/dates.js';
import { parsePeriod } from '../../../src/time/periods.js';
import { attritionHeadlines } from '../../../src/report/metrics/attrition.js';

// 20 officers joined on 2020-04-01. In FY2023-24 six resign on 2023-06-30 (3 years 3 months of service)
// and two transfer out the same day; twelve stay. Sex: ten women, ten men; ethnicity never recorded.
const join = epochDay(2020, 4, 1);
const leave = epochDay(2023, 6, 30);
const n = 20;
const people = aq.table({
  person_id: Array.from({ length: n }, (_, i) => `P${i}`),
  worker_type: Array(n).fill('officer'),
  fte: Array(n).fill(1),
  service_start_date: Array(n).fill(join),
  start_date: Array(n).fill(join),
  end_date: Array.from({ length: n }, (_, i) => (i < 8 ? leave : null)),
  leaver_type: Array.from({ length: n }, (_, i) =>
    i < 6 ? 'voluntary_resignation' : i < 8 ? 'transfer_out' : null,
  ),
  sex: Array.from({ length: n }, (_, i) => (i % 2 ? 'male' : 'female')),
  ethnicity_group: Array(n).fill(null),
});
const data = {
  tables: { people },
  asOf: epochDay(2025, 3, 31),
  config: resolveConfig(),
} as unknown as Dataset;

describe('attritionHeadlines', () => {
  const h = attritionHeadlines(data, { period: parsePeriod('FY2023-24') }) as Record<
    string,
    unknown
  >;

  it('gives the leaver rate and both turnovers with transfers out left out', () => {
    assert.equal(h.leavers, 6);
    assert.equal(h.headcount_start, 20);
    assert.equal(h.leaver_rate_pct, 30); // 6 / 20
    assert.equal(h.turnover_two_point_pct, 37.5); // 6 / ((20 + 12) / 2)
    // FY2023-24 has 366 days; person-days 12 × 366 + 8 × 91 (1 April–30 June) = 5,120, so
    // 600 × 366 / 5,120 = 42.890625, published as a percentage to 1 dp (issue 18).
    assert.equal(h.turnover_time_weighted_pct, 42.9);
  });

  it('shows counts under the minimum as null with a note', () => {
    const byType = h.leavers_by_type as Record<string, number | null>;
    assert.equal(byType.voluntary_resignation, 6);
    assert.equal(byType.transfer_out, null); // 2 < 5
    assert.equal(byType.death, 0);
    assert.ok((h.notes as string[]).some((note) => note.startsWith('leavers_by_type: ')));
  });

  it('puts every voluntary resignation under five years of service', () => {
    assert.equal(h.voluntary_short_service_share_pct, 100);
    const bands = h.service_bands as { service_band: string; leavers: number | null }[];
    assert.equal(bands.find((b) => b.service_band === '3–4')?.leavers, 6);
  });

  it('takes the band edges it is given', () => {
    const custom = attritionHeadlines(data, {
      period: parsePeriod('FY2023-24'),
      serviceBandEdges: [3, 7, 11],
    }) as { service_bands: { service_band: string }[] };
    assert.deepEqual(
      custom.service_bands.map((b) => b.service_band),
      ['<3', '3–7', '7–11', '11+', 'All'],
    );
  });

  it('refuses the ethnicity comparison when ethnicity is not recorded', () => {
    const three = h.three_year as Record<string, { refused: string | null; groups: unknown[] }>;
    assert.match(
      three.ethnicity_group.refused ?? '',
      /^100\.0% of the people in scope have ethnicity_group not stated or missing/,
    );
    assert.equal(three.sex.refused, null);
    assert.equal(three.sex.groups.length, 2); // nobody resigned within 3 years: probabilities 0, no ratio
  });

  it('rejects a missing period', () => {
    assert.throws(
      () => attritionHeadlines(data, {} as never),
      /attritionHeadlines: options\.period must be a Period/,
    );
  });
});
