// Drill-down of the well-being matrix from the top unit through every level below it: a plotly sunburst
// coloured by temperature (click a district to open it), each unit compared with its own level.
import { plotlyText, type PlotlyFigure } from './spec.js';
import { checkScoredMatrix, type ScoredMatrix } from '../transforms/matrix/scored.js';

export interface MatrixDrilldownOptions {
  title?: string;
  /** Draw only these unit_ids under the force (a unit report: its subtree); scores use every published row. */
  units?: readonly string[];
}

/**
 * A plotly sunburst of a scored matrix (scoreMatrix) holding several levels (e.g. district, department and
 * team rows with the force, published with wellbeingMatrixCellSpec's hierarchy): every unit a
 * segment inside its parent, coloured by its temperature against the units of its own level
 * (red = hotter than the force); hover shows the temperature, trend and the indicators driving it.
 * Units without a temperature (too many hidden cells) are grey. With `units`, only those units are
 * drawn under the force (a unit whose parent is not drawn hangs from the force).
 * @example showPlotly(wellbeingMatrixDrilldownFigure(scoreMatrix(published, { tree: report.tree, period: 'FY2024-25' })))
 */
export function wellbeingMatrixDrilldownFigure(
  matrix: ScoredMatrix,
  options: MatrixDrilldownOptions = {},
): PlotlyFigure {
  checkScoredMatrix(matrix, 'wellbeingMatrixDrilldownFigure');
  const all = matrix.temperatures.objects() as Record<string, unknown>[];
  const wanted = options.units;
  const rows = all.filter(
    (r) => wanted === undefined || r.parent_id === null || wanted.includes(String(r.unit_id)),
  );
  const root = rows.find((r) => r.parent_id === null)?.unit_id ?? null;
  const kept = new Set(rows.map((r) => r.unit_id));
  // a unit whose parent is not drawn hangs from the top unit
  for (const r of rows) if (r.parent_id !== null && !kept.has(r.parent_id)) r.parent_id = root;
  const limit = matrix.normalise === 'percentile' ? 50 : 2;
  const temperature = rows.map((r) => r.temperature as number | null);
  const hover = rows.map((r) =>
    [
      `<b>${plotlyText(r.unit_name)}</b> (${plotlyText(r.unit_level)})`,
      r.parent_id === null
        ? 'the whole organisation: reference for every unit'
        : r.temperature === null
          ? 'no temperature: too few indicators shown'
          : `temperature ${(r.temperature as number).toFixed(2)}${r.trend_label ? `, ${plotlyText(r.trend_label)}` : ''}`,
      r.drivers ? `driven by ${plotlyText(r.drivers)}` : '',
    ]
      .filter(Boolean)
      .join('<br>'),
  );
  return {
    data: [
      {
        type: 'sunburst',
        ids: rows.map((r) => r.unit_id),
        labels: rows.map((r) => plotlyText(r.unit_name)),
        parents: rows.map((r) => r.parent_id ?? ''),
        text: hover,
        hoverinfo: 'text',
        textinfo: 'label',
        maxdepth: 2,
        insidetextorientation: 'radial',
        marker: {
          colors: temperature.map((t) => (t === null ? 0 : Math.max(-limit, Math.min(limit, t)))),
          // plotly's own 'RdBu' runs blue → red upwards; spelled out so red is hot.
          colorscale: [
            [0, '#2166ac'],
            [0.5, '#f7f7f7'],
            [1, '#b2182b'],
          ],
          cmin: -limit,
          cmid: 0,
          cmax: limit,
          showscale: true,
          colorbar: { title: { text: 'temperature' } },
        },
      },
    ],
    layout: {
      title: {
        text: plotlyText(options.title ?? 'Well-being temperature: click a unit to drill down'),
      },
      margin: { t: 50, l: 10, r: 10, b: 10 },
    },
  };
}
