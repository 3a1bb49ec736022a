// The 3-year point (summarizeThreeYearResignation, published): probability of resigning within 3 years
// per group with its interval, and the relative likelihood against the reference group on a log scale.
import type { VegaLiteSpec } from './spec.js';
import type { PublishedTable } from '../privacy/index.js';
import { chartRows, suppressedNote } from './chart-data.js';

export interface ThreeYearChartOptions {
  /** The group column (e.g. 'sex'). */
  by: string;
  title: string;
  /** The definition, printed under the chart. */
  description?: string;
  /** 'likelihood' (default): relative likelihood with interval; 'probability': resign_prob_pct. */
  measure?: 'likelihood' | 'probability';
}

/**
 * A vega-lite dot-and-interval chart per group: the relative likelihood (log scale, rule at 1 = same
 * as the reference group) or the probability of resigning within 3 years (%). Groups without a value
 * (the reference group, groups too small, hidden cells) are listed in the note, never drawn.
 * @example await showVegaLite(threeYearLikelihoodChart(published, { by: 'sex', title: 'Resigning within 3 years' }))
 */
export function threeYearLikelihoodChart(
  published: PublishedTable,
  options: ThreeYearChartOptions,
): VegaLiteSpec {
  const { by, title, description, measure = 'likelihood' } = options;
  const rows = chartRows(published, 'threeYearLikelihoodChart');
  const [value, lower, upper] =
    measure === 'likelihood'
      ? ['relative_likelihood', 'relative_likelihood_lower', 'relative_likelihood_upper']
      : ['resign_prob_pct', 'resign_prob_lower_pct', 'resign_prob_upper_pct'];
  for (const c of [by, value, lower, upper]) {
    if (rows.length > 0 && !(c in rows[0])) {
      throw new Error(
        `threeYearLikelihoodChart: the published table has no "${c}" column. Publish summarizeThreeYearResignation(...).table with threeYearSpec('${by}').`,
      );
    }
  }
  const drawn = rows.filter((r) => r[value] !== null);
  const missing = rows.filter((r) => r[value] === null).map((r) => String(r[by]));
  const note = [
    missing.length
      ? `No ${measure === 'likelihood' ? 'ratio' : 'value'} shown for ${missing.length > 6 ? `${missing.length} groups` : missing.join(', ')} (reference group, too few people, or hidden).`
      : '',
    suppressedNote(rows, value),
  ]
    .filter(Boolean)
    .join(' ');
  const log = measure === 'likelihood';
  const x = {
    field: value,
    type: 'quantitative',
    title: log
      ? 'Relative likelihood (log scale; 1 = reference group)'
      : 'Resigned within 3 years (%)',
    ...(log ? { scale: { type: 'log' } } : {}),
  };
  const y = { field: by, type: 'nominal', title: by.replace(/_/g, ' ') };
  return {
    title,
    description: [description, note].filter(Boolean).join(' '),
    data: { values: drawn.map(({ suppressed: _s, ...r }) => r) },
    width: 420,
    height: { step: 32 },
    layer: [
      ...(log
        ? [
            {
              mark: { type: 'rule', strokeDash: [4, 4], color: '#888' },
              encoding: { x: { datum: 1, type: 'quantitative' } },
            },
          ]
        : []),
      {
        mark: { type: 'rule', strokeWidth: 2 },
        transform: [{ filter: `datum['${lower}'] !== null && datum['${upper}'] !== null` }],
        encoding: { x: { ...x, field: lower }, x2: { field: upper }, y },
      },
      { mark: { type: 'point', filled: true, size: 80, tooltip: true }, encoding: { x, y } },
    ],
  };
}
