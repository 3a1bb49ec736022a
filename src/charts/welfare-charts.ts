// Welfare checks for high-risk roles by unit: share of staff with a check overdue, with the longest
// delay printed beside each bar; hidden cells marked "[c]".
import type { VegaLiteSpec } from './spec.js';
import type { PublishedTable } from '../privacy/index.js';
import { chartDescription, chartRows } from './chart-data.js';

export interface WelfareChartOptions {
  /** Dimension on the category axis (e.g. 'unit'). */
  category: string;
  title: string;
  description?: string;
}

/**
 * A horizontal vega-lite bar chart of overdue_pct by `category` from published
 * summarizeWelfareChecks output, each bar labelled with the longest delay in months; hidden values
 * are drawn as "[c]", never as bars.
 * @example await showVegaLite(welfareOverdueChart(published, { category: 'unit', title: 'Welfare checks overdue' }))
 */
export function welfareOverdueChart(
  published: PublishedTable,
  options: WelfareChartOptions,
): VegaLiteSpec {
  const rows = chartRows(published, 'welfareOverdueChart');
  const order = [...rows]
    .sort((a, b) => ((b.overdue_pct as number) ?? -1) - ((a.overdue_pct as number) ?? -1))
    .map((r) => String(r[options.category]));
  const cat = { field: options.category, type: 'nominal', sort: order, title: null };
  return {
    title: options.title,
    description: chartDescription(options.description, rows, 'overdue_pct'),
    data: {
      values: rows.map(({ suppressed, ...r }) => ({
        ...r,
        label: suppressed.includes('overdue_pct')
          ? '[c]'
          : r.longest_overdue_months === null || suppressed.includes('longest_overdue_months')
            ? ''
            : `longest ${r.longest_overdue_months} months`,
      })),
    },
    width: 420,
    height: { step: 18 },
    encoding: { y: cat },
    layer: [
      {
        mark: { type: 'bar', tooltip: true, color: '#c0504d' },
        encoding: {
          x: {
            field: 'overdue_pct',
            type: 'quantitative',
            title: '% of high-risk staff with a check overdue',
          },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 10, color: '#444' },
        transform: [{ calculate: 'datum.overdue_pct === null ? 0 : datum.overdue_pct', as: 'at' }],
        encoding: {
          x: { field: 'at', type: 'quantitative' },
          text: { field: 'label' },
        },
      },
    ],
  };
}
