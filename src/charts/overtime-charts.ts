// Overtime charts from published tables: a scatter of two unit measures (e.g. overtime per FTE
// against the sickness lost-time rate), as an interactive plotly figure.
import { plotlyText, type PlotlyFigure } from './spec.js';
import type { PublishedTable } from '../privacy/index.js';
import { chartRows } from './chart-data.js';

export interface ScatterOptions {
  /** Dimension naming each point (e.g. 'unit'). */
  label: string;
  x: string;
  y: string;
  /** Optional published measure for the marker size (e.g. 'headcount'). */
  size?: string;
  /** Labels of points to mark in red (e.g. units running hot). */
  highlight?: readonly string[];
  title: string;
}

/**
 * A plotly scatter of two published measures per unit (hover names the unit); rows with either value
 * hidden are left out and counted in the title.
 * @example showPlotly(overtimeSicknessScatterFigure(published, { label: 'unit', x: 'hours_per_fte', y: 'lost_time_rate_pct', title: '…' }))
 */
export function overtimeSicknessScatterFigure(
  published: PublishedTable,
  options: ScatterOptions,
): PlotlyFigure {
  const rows = chartRows(published, 'overtimeSicknessScatterFigure');
  const shown = rows.filter((r) => r[options.x] !== null && r[options.y] !== null);
  const hidden = rows.length - shown.length;
  const highlight = new Set(options.highlight ?? []);
  const sizes = options.size ? shown.map((r) => Number(r[options.size!] ?? 0)) : [];
  const maxSize = Math.max(1, ...sizes);
  const trace = (points: typeof shown, name: string, color: string) => ({
    type: 'scatter',
    mode: 'markers',
    name,
    x: points.map((r) => r[options.x]),
    y: points.map((r) => r[options.y]),
    text: points.map((r) => plotlyText(r[options.label])),
    hovertemplate: `%{text}<br>${plotlyText(options.x)}: %{x:.2f}<br>${plotlyText(options.y)}: %{y:.2f}<extra></extra>`,
    marker: {
      color,
      size: options.size
        ? points.map((r) => 6 + 18 * Math.sqrt(Number(r[options.size!] ?? 0) / maxSize))
        : 9,
      opacity: 0.8,
    },
  });
  const normal = shown.filter((r) => !highlight.has(String(r[options.label])));
  const hot = shown.filter((r) => highlight.has(String(r[options.label])));
  return {
    data: [
      trace(normal, 'units', '#4c78a8'),
      ...(hot.length ? [trace(hot, 'highlighted', '#d62728')] : []),
    ],
    layout: {
      title: {
        text:
          plotlyText(options.title) +
          (hidden ? `<br><sub>${hidden} units hidden to protect privacy</sub>` : ''),
      },
      xaxis: { title: { text: plotlyText(options.x.replace(/_/g, ' ')) } },
      yaxis: { title: { text: plotlyText(options.y.replace(/_/g, ' ')) } },
      margin: { t: 70, l: 60, r: 20, b: 60 },
    },
  };
}
