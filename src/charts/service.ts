// Leavers by length-of-service band (summarizeServiceAtLeaving, published): all leavers with the
// voluntary resignations among them, bands in order of length, hidden cells marked [c].
import type { VegaLiteSpec } from './spec.js';
import type { PublishedTable } from '../privacy/index.js';
import { chartRows, suppressedNote } from './chart-data.js';

export interface ServiceBandChartOptions {
  title: string;
  /** The definition, printed under the chart. */
  description?: string;
  /** The band column (default service_band). */
  band?: string;
}

/**
 * A vega-lite bar chart of leavers per service band, with voluntary resignations drawn inside each bar;
 * bands keep the table's order (shortest service first); hidden counts show as "[c]".
 * @example await showVegaLite(serviceBandChart(report.publish(bands, serviceAtLeavingSpec()), { title: 'Leavers by length of service' }))
 */
export function serviceBandChart(
  published: PublishedTable,
  options: ServiceBandChartOptions,
): VegaLiteSpec {
  const { title, description, band = 'service_band' } = options;
  const rows = chartRows(published, 'serviceBandChart');
  for (const c of [band, 'leavers', 'voluntary_resignations']) {
    if (rows.length > 0 && !(c in rows[0])) {
      throw new Error(
        `serviceBandChart: the published table has no "${c}" column. Publish summarizeServiceAtLeaving with serviceAtLeavingSpec.`,
      );
    }
  }
  const order = [...new Set(rows.map((r) => String(r[band])))];
  const long = rows.flatMap((r) => [
    {
      band: String(r[band]),
      measure: 'all leavers',
      value: r.leavers,
      hidden: r.suppressed.includes('leavers') ? '[c]' : '',
    },
    {
      band: String(r[band]),
      measure: 'voluntary resignations',
      value: r.voluntary_resignations,
      hidden: r.suppressed.includes('voluntary_resignations') ? '[c]' : '',
    },
  ]);
  const note = [
    suppressedNote(rows, 'leavers'),
    suppressedNote([...rows], 'voluntary_resignations'),
  ]
    .filter(Boolean)
    .join(' ');
  const x = { field: 'band', type: 'ordinal', sort: order, title: 'Completed years of service' };
  return {
    title,
    description: [description, note].filter(Boolean).join(' '),
    data: { values: long },
    width: { step: 34 },
    height: 240,
    layer: [
      {
        mark: { type: 'bar', tooltip: true },
        transform: [{ filter: 'datum.value !== null' }],
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative', title: 'Leavers', stack: null },
          color: {
            field: 'measure',
            type: 'nominal',
            title: null,
            legend: { labelLimit: 200 },
            scale: {
              domain: ['all leavers', 'voluntary resignations'],
              range: ['#c7d3e3', '#1f5fa8'],
            },
          },
          opacity: { value: 1 },
        },
      },
      {
        mark: { type: 'text', color: '#777', dy: -6 },
        transform: [{ filter: "datum.hidden === '[c]' && datum.measure === 'all leavers'" }],
        encoding: { x, y: { datum: 0, type: 'quantitative' }, text: { field: 'hidden' } },
      },
    ],
  };
}
