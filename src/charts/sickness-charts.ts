// Sickness charts from published tables: a rate by unit over time (line), and a seasonal profile.
import type { VegaLiteSpec } from './spec.js';
import type { PublishedTable } from '../privacy/index.js';
import { chartDescription, chartRows, markHidden } from './chart-data.js';

export interface TrendChartOptions {
  /** Published rate or measure on the y axis, e.g. 'lost_time_rate_pct'. */
  value: string;
  /** Dimension for the lines (e.g. 'unit'); omit for one line. */
  series?: string;
  /** Column with the period label on the x axis (default 'period'). */
  period?: string;
  title: string;
  description?: string;
  /** Values of `series` to draw thicker (e.g. the units running hot). */
  highlight?: readonly string[];
}

/**
 * A vega-lite line chart of a published measure per period (one line per series); hidden cells are
 * gaps in the line, counted in the description.
 * @example await showVegaLite(sicknessTrendChart(published, { value: 'lost_time_rate_pct', series: 'unit', title: 'Lost-time rate' }))
 */
export function sicknessTrendChart(
  published: PublishedTable,
  options: TrendChartOptions,
): VegaLiteSpec {
  const rows = chartRows(published, 'sicknessTrendChart');
  const period = options.period ?? 'period';
  const highlight = options.highlight ?? [];
  return {
    title: options.title,
    description: chartDescription(options.description, rows, options.value),
    data: {
      values: rows.map(({ suppressed, ...r }) => ({
        ...r,
        highlighted: options.series !== undefined && highlight.includes(String(r[options.series])),
        hidden: suppressed.includes(options.value),
      })),
    },
    width: 560,
    height: 260,
    mark: { type: 'line', point: true, tooltip: true },
    encoding: {
      x: { field: period, type: 'ordinal', title: period.replace(/_/g, ' '), sort: null },
      y: { field: options.value, type: 'quantitative', title: options.value.replace(/_/g, ' ') },
      ...(options.series
        ? {
            color: {
              field: options.series,
              type: 'nominal',
              title: options.series.replace(/_/g, ' '),
            },
            strokeWidth: { condition: { test: 'datum.highlighted', value: 3.5 }, value: 1 },
            opacity: highlight.length
              ? { condition: { test: 'datum.highlighted', value: 1 }, value: 0.35 }
              : { value: 1 },
          }
        : {}),
    },
  };
}

export interface SeasonChartOptions {
  /** The bucket column: start_month, start_quarter, start_weekday, weekday or hour. */
  bucket: string;
  /** Published measure for the bars. */
  value: string;
  /** Optional dimension for colour (grouped bars). */
  color?: string;
  title: string;
  description?: string;
}

/**
 * A vega-lite bar chart of a published measure by calendar bucket (labels from the `label` column
 * when present), e.g. spells by weekday of onset or overtime hours by clock hour.
 * @example await showVegaLite(sicknessSeasonChart(published, { bucket: 'start_weekday', value: 'spells', title: 'Spells by weekday of onset' }))
 */
export function sicknessSeasonChart(
  published: PublishedTable,
  options: SeasonChartOptions,
): VegaLiteSpec {
  const rows = chartRows(published, 'sicknessSeasonChart');
  const axis = rows.length > 0 && 'label' in rows[0] ? 'label' : options.bucket;
  const order = rows.map((r) => String(r[axis]));
  return {
    title: options.title,
    description: chartDescription(options.description, rows, options.value),
    data: { values: markHidden(rows, options.value) },
    width: 520,
    height: 220,
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: {
        field: axis,
        type: 'ordinal',
        sort: [...new Set(order)],
        title: options.bucket.replace(/_/g, ' '),
      },
      y: { field: options.value, type: 'quantitative', title: options.value.replace(/_/g, ' ') },
      ...(options.color
        ? { color: { field: options.color, type: 'nominal' }, xOffset: { field: options.color } }
        : {}),
    },
  };
}
