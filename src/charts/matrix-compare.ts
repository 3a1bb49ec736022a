// A unit against the rest of the organisation on every well-being indicator: how much worse or
// better than the whole organisation each is, from a published matrix of the three (summarizeUnitMatrix).
import type { VegaLiteSpec } from './spec.js';
import { checkPublishedTable, type PublishedTable } from '../privacy/index.js';
import type { UnitTree } from '../transforms/units/hierarchy.js';
import { pickIndicators, type MatrixIndicator } from '../transforms/matrix/indicators.js';
import { matrixUnitInfo } from '../transforms/matrix/units.js';

export interface MatrixComparisonOptions {
  /** The tree the matrix was rolled up with (scopeUnitTree for a unit report). */
  tree: UnitTree;
  /** Period label (default: the last in the table). */
  period?: string;
  indicators?: readonly (string | MatrixIndicator)[];
  title?: string;
  description?: string;
}

/**
 * A vega-lite dot chart, one row per indicator: each unit below the top (a unit and the rest of the
 * organisation) placed at how much worse than the whole organisation (the top row) it is, in per cent
 * of the whole organisation's value — 100 × (value − whole) / whole, sign flipped for indicators
 * where higher is better, so right is always worse. The tooltip gives the three values. Cells hidden
 * by disclosure control, and indicators where the whole is hidden, zero or empty, are left out and
 * named in the description.
 * @example await showVegaLite(wellbeingMatrixComparisonChart(published, { tree: scopeUnitTree(report.tree, 'D1') }))
 */
export function wellbeingMatrixComparisonChart(
  published: PublishedTable,
  options: MatrixComparisonOptions,
): VegaLiteSpec {
  const pt = checkPublishedTable(published, 'wellbeingMatrixComparisonChart');
  const rows = pt.table.objects() as Record<string, unknown>[];
  const period = options.period ?? String(rows[rows.length - 1]?.period ?? '');
  const info = matrixUnitInfo(
    options.tree,
    rows.map((r) => String(r.unit_id)),
  );
  const values: Record<string, unknown>[] = [];
  const left: string[] = [];
  for (const ind of pickIndicators(options.indicators, 'wellbeingMatrixComparisonChart')) {
    const here = rows.filter((r) => r.period === period && r.indicator === ind.id);
    const top = here.find((r) => info.get(String(r.unit_id))?.parent === null);
    const whole = top?.ratio == null ? null : ind.per * (top.ratio as number);
    const sign = ind.direction === 'higher_is_worse' ? 1 : -1;
    for (const r of here) {
      if (r === top) continue;
      const name = info.get(String(r.unit_id))!.name;
      const value = r.ratio == null ? null : ind.per * (r.ratio as number);
      if (value === null || whole === null || whole === 0) {
        if (r.ratio_status === 'suppressed' || top?.ratio_status === 'suppressed')
          left.push(`${ind.label} (${name}: hidden)`);
        continue;
      }
      values.push({
        indicator: ind.label,
        unit: name,
        value: round(value),
        whole_organisation: round(whole),
        worse_than_whole_pct: round((sign * 100 * (value - whole)) / Math.abs(whole)),
        direction: ind.direction === 'higher_is_worse' ? 'higher is worse' : 'higher is better',
      });
    }
  }
  const units = [...new Set(values.map((v) => v.unit))];
  return {
    title: options.title ?? `Against the whole organisation, ${period}`,
    description: [
      options.description,
      'Right of the line: worse than the whole organisation (per cent of its value).',
      left.length ? `Not shown, to protect privacy: ${left.join('; ')}.` : '',
    ]
      .filter(Boolean)
      .join(' '),
    data: { values },
    width: 420,
    height: { step: 22 },
    layer: [
      { mark: { type: 'rule', color: '#888' }, encoding: { x: { datum: 0 } } },
      {
        mark: { type: 'point', filled: true, size: 90, tooltip: { content: 'data' } },
        encoding: {
          y: {
            field: 'indicator',
            type: 'nominal',
            sort: [...new Set(values.map((v) => v.indicator))],
            title: null,
          },
          x: {
            field: 'worse_than_whole_pct',
            type: 'quantitative',
            title: '% worse than the whole organisation (→ worse)',
          },
          color: { field: 'unit', type: 'nominal', sort: units, title: null },
          shape: { field: 'unit', type: 'nominal', sort: units, title: null },
        },
      },
    ],
  };
}

function round(v: number): number {
  return Math.round(v * 100) / 100 || 0; // no −0
}
