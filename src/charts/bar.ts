// Bar charts of a published measure by one category: vega-lite (static) and plotly (interactive).
import type { PlotlyFigure } from './spec.js';
import { plotlyText, type VegaLiteSpec } from './spec.js';
import type { PublishedTable } from '../privacy/index.js';
import { chartDescription, chartRows, markHidden, suppressedNote } from './chart-data.js';

export interface BarChartOptions {
  /** Dimension on the category axis. */
  category: string;
  /** Published measure for the bar length. */
  value: string;
  /** Optional dimension for colour (stacked bars). */
  color?: string;
  title: string;
  /** The definition, printed under the chart. */
  description?: string;
  horizontal?: boolean;
}

/**
 * A vega-lite bar chart of a published measure; hidden cells are drawn as "[c]" labels, never as values.
 * @example await showVegaLite(barChart(published, { category: 'district_id', value: 'headcount', title: 'Headcount' }))
 */
export function barChart(published: PublishedTable, options: BarChartOptions): VegaLiteSpec {
  const rows = chartRows(published, 'barChart');
  const { category, value, color } = options;
  const cat = { field: category, type: 'nominal', sort: null, title: category.replace(/_/g, ' ') };
  // With no bar above 0 (every value hidden or 0), vega-lite's axis spans [0, 0] and prints 0.000000:
  // give it 0 to 1, marked at 0 and 1 only.
  const empty = !rows.some((r) => typeof r[value] === 'number' && (r[value] as number) > 0);
  const val = {
    field: value,
    type: 'quantitative',
    title: value.replace(/_/g, ' '),
    ...(empty ? { scale: { domain: [0, 1] }, axis: { values: [0, 1], format: 'd' } } : {}),
  };
  const [x, y] = options.horizontal ? [val, cat] : [cat, val];
  return {
    title: options.title,
    description: chartDescription(options.description, rows, value),
    data: { values: markHidden(rows, value) },
    width: options.horizontal ? 420 : { step: 28 },
    height: options.horizontal ? { step: 18 } : 240,
    layer: [
      {
        mark: { type: 'bar', tooltip: true },
        transform: [{ filter: `datum['${value}'] !== null` }],
        encoding: { x, y, ...(color ? { color: { field: color, type: 'nominal' } } : {}) },
      },
      {
        mark: {
          type: 'text',
          color: '#777',
          align: options.horizontal ? 'left' : 'center',
          dy: options.horizontal ? 0 : -6,
        },
        transform: [{ filter: "datum.hidden === '[c]'" }],
        encoding: {
          [options.horizontal ? 'y' : 'x']: cat,
          [options.horizontal ? 'x' : 'y']: { datum: 0, type: 'quantitative' },
          text: { field: 'hidden' },
        },
      },
    ],
  };
}

/**
 * The same bars as an interactive plotly figure (hover for values; hidden cells absent, counted in the title).
 * @example showPlotly(barFigure(published, { category: 'fy', value: 'leavers', title: 'Leavers' }))
 */
export function barFigure(published: PublishedTable, options: BarChartOptions): PlotlyFigure {
  const rows = chartRows(published, 'barFigure');
  const groups = options.color ? [...new Set(rows.map((r) => String(r[options.color!])))] : [''];
  const data = groups.map((g) => {
    const inGroup = rows.filter((r) => !options.color || String(r[options.color]) === g);
    const cats = inGroup.map((r) => plotlyText(r[options.category]));
    const vals = inGroup.map((r) => r[options.value] as number | null);
    return {
      type: 'bar',
      name: plotlyText(g),
      orientation: options.horizontal ? 'h' : 'v',
      x: options.horizontal ? vals : cats,
      y: options.horizontal ? cats : vals,
    };
  });
  const note = suppressedNote(rows, options.value);
  return {
    data,
    layout: {
      title: {
        text: plotlyText(options.title) + (note ? `<br><sub>${plotlyText(note)}</sub>` : ''),
      },
      barmode: options.color ? 'stack' : 'group',
      margin: { t: 60, l: 60, r: 20, b: 80 },
    },
  };
}
