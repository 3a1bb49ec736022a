// The well-being matrix scored once for all its views: the heat of every published cell and the
// temperature of every unit, computed here so that the matrix charts draw what they are given and
// never score again (four charts of notebook 04 each re-ran the scoring before).
import { table as toTable, type ColumnTable } from 'arquero';
import { checkPublishedTable, type PublishedTable } from '../../privacy/index.js';
import { scoreWellbeingMatrix, type MatrixScoreOptions } from './score.js';
import { summarizeMatrixTemperature, type MatrixTemperatureOptions } from './temperature.js';

/** A published matrix with its scores: what wellbeingMatrixHeatmapChart and the other matrix views draw. */
export interface ScoredMatrix {
  /** Every published cell with value, heat, band and contribution (scoreWellbeingMatrix). */
  readonly cells: ColumnTable;
  /** One row per unit in `period`: temperature, band, previous period, trend, running hot, drivers. */
  readonly temperatures: ColumnTable;
  /** The period of `temperatures` (the last period of the cells unless one was asked for). */
  readonly period: string;
  readonly normalise: 'z' | 'percentile';
  /** Temperature at or above which a unit runs hot. */
  readonly hot: number;
  /** True when the matrix was published in analyst mode (views carry the banner). */
  readonly notForCirculation: boolean;
}

/**
 * Scores a published matrix once: scoreWellbeingMatrix over every published row, then
 * summarizeMatrixTemperature for `options.period` (default the last period), with the previous
 * period, change intervals and thresholds of `options`. Pass the result to the matrix charts.
 * @example const matrix = scoreMatrix(published, { tree: report.tree, period: 'FY2024-25' }); wellbeingMatrixHeatmapChart(matrix)
 */
export function scoreMatrix(
  published: PublishedTable,
  options: MatrixScoreOptions & MatrixTemperatureOptions,
): ScoredMatrix {
  const pt = checkPublishedTable(published, 'scoreMatrix');
  const cells = scoreWellbeingMatrix(pt, options);
  const periods = cells.array('period') as ArrayLike<string>;
  const period = options.period ?? String(periods[periods.length - 1] ?? '');
  const normalise = options.normalise ?? 'z';
  const matrix: ScoredMatrix = Object.freeze({
    cells,
    temperatures: summarizeMatrixTemperature(cells, { ...options, period }),
    period,
    normalise,
    hot: options.hot ?? (normalise === 'percentile' ? 20 : 1),
    notForCirculation: pt.notForCirculation === true,
  });
  scoredMatrices.add(matrix);
  return matrix;
}

const scoredMatrices = new WeakSet<object>();

/**
 * Returns `value` when scoreMatrix made it; otherwise throws naming the caller and the fix (a chart
 * given the published table itself, as before the charts stopped scoring, says so).
 * @example checkScoredMatrix(matrix, 'wellbeingMatrixHeatmapChart')
 */
export function checkScoredMatrix(value: unknown, where: string): ScoredMatrix {
  if (typeof value !== 'object' || value === null || !scoredMatrices.has(value)) {
    throw new Error(
      `${where}: expected a scored matrix. Score the published matrix once with scoreMatrix(published, { tree, period, … }) and pass the result to every matrix chart.`,
    );
  }
  return value as ScoredMatrix;
}

/**
 * The temperature of every unit in every period of a scored matrix, each period scored against its
 * own force and none compared with another: period, unit_id, unit_name, temperature, drivers.
 * @example matrixTemperatureTrendChart(matrixTemperatureTrend(scoreMatrix(published, { tree })), { units: hot.units })
 */
export function matrixTemperatureTrend(
  matrix: ScoredMatrix,
  options: Pick<MatrixTemperatureOptions, 'minWeightShare' | 'maxDrivers'> = {},
): ColumnTable {
  checkScoredMatrix(matrix, 'matrixTemperatureTrend');
  const periods = new Set(Array.from(matrix.cells.array('period') as ArrayLike<string>));
  const columns = ['unit_id', 'unit_name', 'temperature', 'drivers'];
  const out: Record<string, unknown[]> = {
    period: [],
    ...Object.fromEntries(columns.map((c) => [c, []])),
  };
  for (const period of periods) {
    const temps = summarizeMatrixTemperature(matrix.cells, {
      ...options,
      period,
      previousPeriod: null,
      normalise: matrix.normalise,
      hot: matrix.hot,
    });
    for (const r of temps.objects() as Record<string, unknown>[]) {
      out.period.push(period);
      for (const c of columns) out[c].push(r[c]);
    }
  }
  return toTable(out);
}
