// The temperature of chosen units over several periods (e.g. the units running hot), from a
// published matrix holding those periods.
import type { VegaLiteSpec } from './spec.js';
import { checkPublishedTable, type PublishedTable } from '../privacy/index.js';
import { scoreWellbeingMatrix, type MatrixScoreOptions } from '../transforms/matrix/score.js';
import {
  summarizeMatrixTemperature,
  type MatrixTemperatureOptions,
} from '../transforms/matrix/temperature.js';

export interface MatrixTrendOptions extends MatrixScoreOptions, MatrixTemperatureOptions {
  /** unit_ids to draw (e.g. the running-hot list). */
  units: readonly string[];
  /** Indicator ids to draw as small multiples beside the temperature (heat per period); default none. */
  indicators?: readonly string[];
  title?: string;
  description?: string;
}

/**
 * A vega-lite line chart of the temperature of `units` in each period of the published matrix
 * (each period scored against its own force), with the hot threshold as a rule; periods where a
 * unit has no temperature (too many hidden cells) are gaps.
 * @example await showVegaLite(matrixTemperatureTrendChart(published, { tree: report.tree, units: ['D1-RESP-B'] }))
 */
export function matrixTemperatureTrendChart(
  published: PublishedTable,
  options: MatrixTrendOptions,
): VegaLiteSpec {
  checkPublishedTable(published, 'matrixTemperatureTrendChart');
  const scored = scoreWellbeingMatrix(published, { ...options, indicators: undefined });
  const periods = [...new Set(scored.array('period') as string[])];
  const values: Record<string, unknown>[] = [];
  for (const period of periods) {
    const temps = summarizeMatrixTemperature(scored, { ...options, period, previousPeriod: null });
    for (const r of temps.objects() as Record<string, unknown>[]) {
      if (!options.units.includes(String(r.unit_id))) continue;
      values.push({ period, unit: r.unit_name, temperature: r.temperature, drivers: r.drivers });
    }
  }
  const hot = options.hot ?? (options.normalise === 'percentile' ? 20 : 1);
  return {
    title: options.title ?? 'Temperature by period',
    description: options.description ?? '',
    width: 520,
    height: 240,
    layer: [
      {
        data: { values },
        mark: { type: 'line', point: true, tooltip: { content: 'data' } },
        encoding: {
          x: { field: 'period', type: 'ordinal', sort: periods, title: null },
          y: { field: 'temperature', type: 'quantitative', title: 'temperature (worse ↑)' },
          color: { field: 'unit', type: 'nominal', title: null },
        },
      },
      {
        data: { values: [{ hot }] },
        mark: { type: 'rule', strokeDash: [4, 4], color: '#b00020' },
        encoding: { y: { field: 'hot', type: 'quantitative' } },
      },
    ],
  };
}
