// Exit-interview charts: reasons by tenure band (heatmap), reason-group shares, reason trends.
// Each takes only a PublishedTable: hidden cells are drawn as "[c]", never as values.
import type { VegaLiteSpec } from './spec.js';
import type { PublishedTable } from '../privacy/index.js';
import { chartDescription, chartRows, markHidden } from './chart-data.js';

export interface ExitChartOptions {
  title: string;
  /** The definition, printed under the chart. */
  description?: string;
}

/**
 * A heatmap of a published reason share (default mentioned_pct): reasons down, `column` (default
 * service_band) across, in table order; hidden cells are grey with "[c]".
 * @example await showVegaLite(exitReasonHeatmapChart(published, { title: 'Reasons by length of service' }))
 */
export function exitReasonHeatmapChart(
  published: PublishedTable,
  {
    title,
    description,
    column = 'service_band',
    value = 'mentioned_pct',
    row = 'reason',
  }: ExitChartOptions & { column?: string; value?: string; row?: string },
): VegaLiteSpec {
  const rows = chartRows(published, 'exitReasonHeatmapChart');
  const values = rows.map(({ suppressed, ...r }) => ({
    ...r,
    label: suppressed.includes(value)
      ? '[c]'
      : r[value] === null
        ? ''
        : Math.round(r[value] as number).toString(),
  }));
  const x = {
    field: column,
    type: 'ordinal',
    sort: unique(rows, column),
    title: column.replace(/_/g, ' '),
  };
  const y = { field: row, type: 'nominal', sort: unique(rows, row), title: row.replace(/_/g, ' ') };
  return {
    title,
    description: chartDescription(description, rows, value),
    data: { values },
    width: { step: 56 },
    height: { step: 20 },
    layer: [
      { mark: { type: 'rect', color: '#ddd' }, encoding: { x, y } },
      {
        mark: { type: 'rect', tooltip: true },
        transform: [{ filter: `datum['${value}'] !== null` }],
        encoding: {
          x,
          y,
          color: {
            field: value,
            type: 'quantitative',
            title: '% of respondents',
            scale: { scheme: 'blues' },
          },
        },
      },
      { mark: { type: 'text', fontSize: 10 }, encoding: { x, y, text: { field: 'label' } } },
    ],
  };
}

/**
 * Grouped bars of the share citing each reason group (citing_pct) by `category` (default
 * service_band), one colour per reason group; hidden cells are labelled "[c]".
 * @example await showVegaLite(exitReasonGroupChart(published, { title: 'Controllable reasons by length of service' }))
 */
export function exitReasonGroupChart(
  published: PublishedTable,
  {
    title,
    description,
    category = 'service_band',
    value = 'citing_pct',
  }: ExitChartOptions & { category?: string; value?: string },
): VegaLiteSpec {
  const rows = chartRows(published, 'exitReasonGroupChart');
  const values = markHidden(rows, value);
  const x = {
    field: category,
    type: 'nominal',
    sort: unique(rows, category),
    title: category.replace(/_/g, ' '),
  };
  return {
    title,
    description: chartDescription(description, rows, value),
    data: { values },
    width: { step: 22 },
    height: 240,
    encoding: { x, xOffset: { field: 'reason_group', type: 'nominal' } },
    layer: [
      {
        mark: { type: 'bar', tooltip: true },
        transform: [{ filter: `datum['${value}'] !== null` }],
        encoding: {
          y: {
            field: value,
            type: 'quantitative',
            title: '% of respondents',
            scale: { domain: [0, 100] },
          },
          color: { field: 'reason_group', type: 'nominal', title: 'reason group' },
        },
      },
      {
        mark: { type: 'text', color: '#777', dy: -6 },
        transform: [{ filter: "datum.hidden === '[c]'" }],
        encoding: { y: { datum: 0, type: 'quantitative' }, text: { field: 'hidden' } },
      },
    ],
  };
}

/**
 * Lines of a published reason share (default mentioned_pct) over `period` for the reasons listed
 * (default all in the table); hidden points are left out and counted in the description.
 * @example await showVegaLite(exitReasonTrendChart(published, { title: 'Reasons over time', reasons: ['workload'] }))
 */
export function exitReasonTrendChart(
  published: PublishedTable,
  {
    title,
    description,
    reasons,
    period = 'period',
    value = 'mentioned_pct',
  }: ExitChartOptions & { reasons?: readonly string[]; period?: string; value?: string },
): VegaLiteSpec {
  const all = chartRows(published, 'exitReasonTrendChart');
  const rows = reasons ? all.filter((r) => reasons.includes(String(r.reason))) : all;
  return {
    title,
    description: chartDescription(description, rows, value),
    data: { values: rows.map(({ suppressed: _s, ...r }) => r) },
    width: 420,
    height: 240,
    mark: { type: 'line', point: true, tooltip: true },
    transform: [{ filter: `datum['${value}'] !== null` }],
    encoding: {
      x: {
        field: period,
        type: 'ordinal',
        sort: unique(rows, period),
        title: period.replace(/_/g, ' '),
      },
      y: { field: value, type: 'quantitative', title: '% of respondents' },
      color: { field: 'reason', type: 'nominal' },
    },
  };
}

function unique(rows: Record<string, unknown>[], field: string): string[] {
  return [...new Set(rows.map((r) => String(r[field])))];
}
