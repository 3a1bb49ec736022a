// Retention curves from a published grid curve (summarizeRetentionCurves / summarizeResignationIncidence):
// a vega-lite step line per group with its 95% interval band, and the same as an interactive plotly figure.
import { plotlyText, type PlotlyFigure } from './spec.js';
import type { VegaLiteSpec } from './spec.js';
import type { PublishedTable } from '../privacy/index.js';
import { chartDescription, chartRows, type ChartRow } from './chart-data.js';

export interface RetentionChartOptions {
  /** The curve column: 'surv' (still in post, default) or 'cif' (cumulative incidence). */
  value?: 'surv' | 'cif';
  title: string;
  /** The definition, printed under the chart. */
  description?: string;
  /** Axis title of the time column (default 'Years in this organisation'). */
  timeTitle?: string;
}

/**
 * A vega-lite chart of one step curve per group with a shaded 95% interval; hidden points are left out
 * (curves end where the risk set fell under the minimum) and counted in the note.
 * @example await showVegaLite(retentionCurveChart(report.publish(curves, retentionCurveSpec(['sex'])), { title: 'Retention by sex' }))
 */
export function retentionCurveChart(
  published: PublishedTable,
  options: RetentionChartOptions,
): VegaLiteSpec {
  const { value = 'surv', title, description, timeTitle = 'Years in this organisation' } = options;
  const rows = curveRows(published, 'retentionCurveChart', value);
  const x = { field: 'time', type: 'quantitative', title: timeTitle };
  const color = { field: 'group', type: 'nominal', title: null };
  const yTitle = value === 'surv' ? 'Still in post' : 'Resigned (cumulative)';
  return {
    title,
    description: chartDescription(description, chartRows(published, 'retentionCurveChart'), value),
    data: { values: rows },
    width: 520,
    height: 280,
    layer: [
      {
        mark: { type: 'area', opacity: 0.18, interpolate: 'step-after' },
        transform: [{ filter: 'datum.lower !== null && datum.upper !== null' }],
        encoding: { x, y: { field: 'lower', type: 'quantitative' }, y2: { field: 'upper' }, color },
      },
      {
        mark: { type: 'line', interpolate: 'step-after', tooltip: true },
        encoding: {
          x,
          y: {
            field: value,
            type: 'quantitative',
            title: yTitle,
            axis: { format: '%' },
            scale: { domain: [0, 1] },
          },
          color,
        },
      },
    ],
  };
}

/**
 * The same curves as an interactive plotly figure: hover a point for the estimate, interval and the
 * smallest number at risk behind it.
 * @example showPlotly(retentionCurveFigure(published, { value: 'cif', title: 'Resignation by sex' }))
 */
export function retentionCurveFigure(
  published: PublishedTable,
  options: RetentionChartOptions,
): PlotlyFigure {
  const { value = 'surv', title, timeTitle = 'Years in this organisation' } = options;
  const rows = curveRows(published, 'retentionCurveFigure', value);
  const groups = [...new Set(rows.map((r) => String(r.group)))];
  const data = groups.map((g) => {
    const curve = rows.filter((r) => String(r.group) === g);
    return {
      type: 'scatter',
      mode: 'lines',
      line: { shape: 'hv' },
      name: plotlyText(g),
      x: curve.map((r) => r.time),
      y: curve.map((r) => r[value]),
      customdata: curve.map((r) => [r.lower, r.upper, r.n_risk_min]),
      hovertemplate: `${plotlyText(g).replace(/%\{/g, '%\u200b{')}<br>%{x:.2f} years: %{y:.1%} (95% CI %{customdata[0]:.1%}–%{customdata[1]:.1%}; ≥ %{customdata[2]} at risk)<extra></extra>`,
    };
  });
  return {
    data,
    layout: {
      title: { text: plotlyText(title) },
      xaxis: { title: { text: plotlyText(timeTitle) } },
      yaxis: { tickformat: '.0%', range: [0, 1] },
      margin: { t: 50, l: 60, r: 20, b: 50 },
    },
  };
}

/** Chart rows with the curve shown, sorted by group then time (hidden points left out). */
function curveRows(published: PublishedTable, where: string, value: string): ChartRow[] {
  const rows = chartRows(published, where);
  const names = Object.keys(rows[0] ?? {});
  for (const c of ['group', 'time', value]) {
    if (rows.length > 0 && !names.includes(c)) {
      throw new Error(
        `${where}: the published table has no "${c}" column. Publish summarizeRetentionCurves (value 'surv') or summarizeResignationIncidence (value 'cif') with retentionCurveSpec.`,
      );
    }
  }
  return rows
    .filter((r) => r[value] !== null)
    .map(({ suppressed: _s, ...r }) => ({ ...r, suppressed: [] as string[] }) as ChartRow)
    .sort(
      (a, b) =>
        String(a.group).localeCompare(String(b.group)) || (a.time as number) - (b.time as number),
    );
}

export interface RetentionRankOptions {
  /** Dimension to rank, e.g. 'unit'. */
  category: string;
  /** Published rate to rank by, e.g. 'voluntary_rate_pct'. */
  value: string;
  title: string;
  description?: string;
  /** How many categories to draw, highest first (default 15). */
  top?: number;
}

/**
 * A vega-lite horizontal bar chart of the `top` categories with the highest published rate (e.g. teams
 * by voluntary resignation rate), highest first; hidden values are never ranked and are counted in the note.
 * @example await showVegaLite(retentionRankChart(published, { category: 'unit', value: 'voluntary_rate_pct', title: 'Teams losing most people' }))
 */
export function retentionRankChart(
  published: PublishedTable,
  options: RetentionRankOptions,
): VegaLiteSpec {
  const { category, value, title, description, top = 15 } = options;
  const rows = chartRows(published, 'retentionRankChart');
  const shown = rows
    .filter((r) => typeof r[value] === 'number')
    .sort((a, b) => (b[value] as number) - (a[value] as number))
    .slice(0, top)
    .map(({ suppressed: _s, ...r }) => r);
  return {
    title,
    description: chartDescription(description, rows, value),
    data: { values: shown },
    width: 420,
    height: { step: 18 },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      y: { field: category, type: 'nominal', sort: '-x', title: category.replace(/_/g, ' ') },
      x: { field: value, type: 'quantitative', title: value.replace(/_/g, ' ') },
    },
  };
}
