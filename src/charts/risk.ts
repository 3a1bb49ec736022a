// Drivers of the leaving-risk model: odds or hazard ratios with 95% intervals on a log axis.
import type { VegaLiteSpec } from './spec.js';
import type { PublishedTable } from '../privacy/index.js';
import { chartRows, suppressedNote } from './chart-data.js';

export interface RiskDriversChartOptions {
  title: string;
  /** 'odds' (logistic) or 'hazard' (Cox): the axis title. */
  ratio?: 'odds' | 'hazard';
  description?: string;
}

/**
 * A vega-lite forest plot of a published riskDrivers table: one row per driver, a point at the ratio
 * and a line across its 95% interval, on a log axis with a rule at 1 (no association). Hidden drivers
 * are left out and counted in the note.
 * @example await showVegaLite(riskDriversChart(report.publish(riskDrivers(fit), riskDriversSpec), { title: 'What goes with resigning' }))
 */
export function riskDriversChart(
  published: PublishedTable,
  { title, ratio = 'odds', description }: RiskDriversChartOptions,
): VegaLiteSpec {
  const rows = chartRows(published, 'riskDriversChart');
  const note = suppressedNote(rows, 'ratio');
  // A log axis draws only positive, finite ratios: a driver whose interval runs to 0 or infinity (a
  // separated category, or a ridge fit that gives no interval) is left out and counted in the note.
  const drawable = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 0;
  const shown = rows.filter((r) => r.ratio !== null);
  const values = shown
    .filter((r) => drawable(r.ratio) && drawable(r.ratio_low) && drawable(r.ratio_high))
    .map(({ suppressed: _s, ...r }) => r);
  const unbounded = shown.length - values.length;
  const unboundedNote =
    unbounded > 0
      ? `${unbounded} driver${unbounded === 1 ? '' : 's'} with no finite interval not drawn.`
      : '';
  const y = { field: 'driver', type: 'nominal', sort: null, title: null };
  const axisTitle = `${ratio === 'odds' ? 'Odds' : 'Hazard'} ratio (95% interval, log scale)`;
  const x = { field: 'ratio', type: 'quantitative', title: axisTitle, scale: { type: 'log' } };
  return {
    title,
    description: [description, note, unboundedNote].filter(Boolean).join(' '),
    data: { values },
    width: 420,
    height: { step: 20 },
    layer: [
      {
        mark: { type: 'rule', color: '#999', strokeDash: [4, 3] },
        encoding: { x: { datum: 1, type: 'quantitative', scale: { type: 'log' } } },
      },
      {
        mark: { type: 'rule' },
        encoding: { y, x: { ...x, field: 'ratio_low' }, x2: { field: 'ratio_high' } },
      },
      { mark: { type: 'point', filled: true, size: 50, tooltip: true }, encoding: { y, x } },
    ],
  };
}
