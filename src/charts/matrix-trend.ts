// The temperature of chosen units over several periods (e.g. the units running hot), from a
// published matrix holding those periods.
import type { ColumnTable } from 'arquero';
import type { VegaLiteSpec } from './spec.js';
import { checkColumns } from '../shared/columns.js';

export interface MatrixTrendOptions {
  /** unit_ids to draw (e.g. the running-hot list). */
  units: readonly string[];
  /** The hot threshold drawn as a rule (the scored matrix's `hot`; default 1, a z temperature). */
  hot?: number;
  title?: string;
  description?: string;
}

/**
 * A vega-lite line chart of the temperature of `units` in each period of a temperature trend
 * (matrixTemperatureTrend: each period scored against its own force), with the hot threshold as a
 * rule; periods where a unit has no temperature (too many hidden cells) are gaps.
 * @example await showVegaLite(matrixTemperatureTrendChart(matrixTemperatureTrend(matrix), { units: ['D1-RESP-B'], hot: matrix.hot }))
 */
export function matrixTemperatureTrendChart(
  trend: ColumnTable,
  options: MatrixTrendOptions,
): VegaLiteSpec {
  checkColumns(
    'matrixTemperatureTrendChart',
    trend,
    ['period', 'unit_id', 'unit_name', 'temperature', 'drivers'],
    {
      what: 'the temperature trend (matrixTemperatureTrend)',
    },
  );
  const periods = [...new Set(Array.from(trend.array('period') as ArrayLike<string>))];
  const values = (trend.objects() as Record<string, unknown>[])
    .filter((r) => options.units.includes(String(r.unit_id)))
    .map((r) => ({
      period: r.period,
      unit: r.unit_name,
      temperature: r.temperature,
      drivers: r.drivers,
    }));
  const hot = options.hot ?? 1;
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
