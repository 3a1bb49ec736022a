// The well-being matrix as a heatmap: units (hottest first) × indicators, coloured by heat against
// the force, hidden cells marked "[c]", and the temperature as the last column.
import type { VegaLiteSpec } from './spec.js';
import { checkScoredMatrix, type ScoredMatrix } from '../transforms/matrix/scored.js';

export interface MatrixHeatmapOptions {
  /** Unit level of the rows (default: the level below the top among the published rows). */
  level?: string;
  /** Show only these unit_ids (and the force); the scores come from every published row, so a unit report shows its own units scored exactly as in the force report. */
  units?: readonly string[];
  /**
   * Most units drawn (default MAX_HEATMAP_UNITS): beyond it, the hottest (the scored temperatures'
   * order), and the description says how many of how many. A whole number ≥ 1.
   */
  maxUnits?: number;
  title?: string;
  description?: string;
}

/**
 * Units a heatmap draws by default: 100 rows (2,000 px) stay readable and light, where a national
 * force's 1,050 teams drew an SVG 21,000 px tall (7.6 MB of a manager's page).
 */
export const MAX_HEATMAP_UNITS = 100;

const TEMPERATURE = 'Temperature';

/**
 * A vega-lite heatmap of a scored matrix (scoreMatrix) for its period: a row per unit of `level` plus the
 * force, a column per indicator plus the temperature. Colour is the heat (z-score or percentile
 * against the force, positive = worse, red); the text is the value. Cells hidden by disclosure
 * control are grey with "[c]" and are not in the temperature; cells without data are blank with "–".
 * With `units`, only those units' rows (and the force) are drawn, scored against every published row.
 * @example await showVegaLite(wellbeingMatrixHeatmapChart(scoreMatrix(published, { tree: report.tree, period: 'FY2024-25' })))
 */
export function wellbeingMatrixHeatmapChart(
  matrix: ScoredMatrix,
  options: MatrixHeatmapOptions = {},
): VegaLiteSpec {
  checkScoredMatrix(matrix, 'wellbeingMatrixHeatmapChart');
  const { maxUnits = MAX_HEATMAP_UNITS } = options;
  if (!(Number.isInteger(maxUnits) && maxUnits >= 1)) {
    throw new Error(
      `wellbeingMatrixHeatmapChart: maxUnits is ${maxUnits}; use a whole number ≥ 1 (default ${MAX_HEATMAP_UNITS}).`,
    );
  }
  const all = matrix.cells.objects() as Record<string, unknown>[];
  const period = matrix.period;
  const temps = matrix.temperatures.objects() as Record<string, unknown>[];
  const levels = [...new Set(temps.filter((t) => t.parent_id !== null).map((t) => t.unit_level))];
  const level = options.level ?? levels[0];
  const asked = temps.filter(
    (t) =>
      t.parent_id === null ||
      (t.unit_level === level &&
        (options.units === undefined || options.units.includes(String(t.unit_id)))),
  );
  // the force, then the first maxUnits units (the temperatures come force first, then hottest first)
  const inUnits = asked.filter((t) => t.parent_id !== null);
  const units = inUnits.length;
  const keep = [...asked.filter((t) => t.parent_id === null), ...inUnits.slice(0, maxUnits)];
  // Rows sort by a field, not by a list of names: Vega compiles a sort list into one nested
  // expression per name, which overflows the call stack at about 1,000 units (50,000 people's teams).
  const rank = new Map(keep.map((t, i) => [t.unit_name, i]));
  const shown = new Set(keep.map((t) => t.unit_id));
  const pct = matrix.normalise === 'percentile';
  const cells = all
    .filter((c) => shown.has(c.unit_id) && c.period === period)
    .map((c) => ({
      unit: c.unit_name,
      unit_order: rank.get(c.unit_name) ?? keep.length,
      indicator: c.label,
      heat: c.heat,
      heat_colour: c.heat ?? 0,
      band: c.band,
      text: c.status === 'suppressed' ? '[c]' : c.value === null ? '–' : format(c.value as number),
      value: c.value,
      contribution: c.contribution,
    }));
  for (const t of keep) {
    cells.push({
      unit: t.unit_name,
      unit_order: rank.get(t.unit_name) ?? keep.length,
      indicator: TEMPERATURE,
      heat: t.temperature,
      heat_colour: t.temperature ?? 0,
      band: t.band,
      text: t.temperature === null ? '–' : format(t.temperature as number),
      value: t.temperature,
      contribution: null,
    });
  }
  const hidden = cells.filter((c) => c.text === '[c]').length;
  const limit = pct ? 50 : 3;
  return {
    title: options.title ?? `Well-being matrix by ${level}${period ? `, ${period}` : ''}`,
    description: [
      options.description,
      units > maxUnits
        ? `Drawn: the ${maxUnits.toLocaleString('en-GB')} ${level} units with the highest temperature, of ${units.toLocaleString('en-GB')}.`
        : '',
      hidden
        ? `${hidden} cells hidden to protect privacy ([c]); they are left out of the temperature.`
        : '',
    ]
      .filter(Boolean)
      .join(' '),
    data: { values: cells },
    width: { step: 62 },
    height: { step: 20 },
    encoding: {
      x: {
        field: 'indicator',
        type: 'nominal',
        sort: [...new Set(cells.map((c) => c.indicator))],
        title: null,
        axis: { orient: 'top', labelAngle: -40 },
      },
      y: {
        field: 'unit',
        type: 'nominal',
        sort: { field: 'unit_order', op: 'min', order: 'ascending' },
        title: null,
      },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', tooltip: { content: 'data' } },
        encoding: {
          color: {
            condition: { test: 'datum.heat === null', value: '#e0e0e0' },
            field: 'heat_colour',
            type: 'quantitative',
            title: pct ? 'percentile − 50 (worse →)' : 'z (worse →)',
            scale: { scheme: 'redblue', reverse: true, domain: [-limit, limit], clamp: true },
          },
        },
      },
      {
        mark: { type: 'text', fontSize: 9 },
        encoding: {
          text: { field: 'text' },
          color: {
            condition: { test: `abs(datum.heat) > ${limit * 0.6}`, value: 'white' },
            value: 'black',
          },
        },
      },
    ],
  };
}

function format(v: number): string {
  const a = Math.abs(v);
  return a >= 100 ? v.toFixed(0) : a >= 10 ? v.toFixed(1) : v.toFixed(2);
}
