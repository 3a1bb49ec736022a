// Headline figures of unit_indicators for `wbk metrics --json`: each indicator for the whole organisation
// and by unit at one level in the period, and the organisation's trend over the indicator's own periods;
// rates are summed numerators over summed denominators up the hierarchy, published (hidden values null).
import type { Dataset } from '../../io/load-dataset.js';
import { resolvePolicy } from '../../privacy/index.js';
import {
  headlineSession,
  publishHeadline,
  type HeadlineSession,
  checkHeadlinePeriod,
  type HeadlineInput,
} from './session.js';
import { isPooled, periodsBetween, type Period } from '../../time/periods.js';
import { unitTree } from '../../transforms/units/hierarchy.js';
import {
  SUPPLIED_VALUE_SPEC,
  describeUnitIndicators,
  indicatorLevel,
  indicatorPeriodKind,
  placeIndicatorUnits,
  summarizeUnitIndicator,
  suppliedValueRows,
  unitIndicatorCard,
  unitIndicatorCellSpec,
} from '../../transforms/indicators/unit-indicators.js';

type Row = Record<string, unknown>;

/**
 * Published figures of every indicator of unit_indicators in `period`, as plain JSON: for each, the
 * whole organisation's value (`organisation`), the units at `level` (the level below it when `level` is
 * the top and the units have no table of their own), and the organisation's trend over the
 * indicator's own periods inside `period` (e.g. each month of a financial year; null when the period
 * holds one). Additive indicators (numerator and denominator on every row) are recomputed at each
 * level as per × Σ numerator / Σ denominator and published with the hierarchy; others are shown as
 * supplied, for their own unit only. Hidden values are null.
 * @example indicatorHeadlines(data, { period: parsePeriod('2024-04'), level: 'region' }).indicators[0].organisation.value
 */
export function indicatorHeadlines(
  data: Dataset,
  options: HeadlineInput & {
    level: string;
  },
): object {
  const { period, policy = {} } = options;
  checkHeadlinePeriod('indicatorHeadlines', period, '2024-04');
  const rules = resolvePolicy(policy);
  const session = options.session ?? headlineSession();
  const ui = data.tables.unit_indicators;
  const tree = placeIndicatorUnits(unitTree(data.tables.units), ui);
  const level = indicatorLevel(tree, options.level);
  const fy = { fyStartMonth: data.config.fyStartMonth };
  const notes: string[] = [];
  const indicators = describeUnitIndicators(ui).map((info) => {
    const cells = summarizeUnitIndicator(ui, tree, {
      indicator: info.indicator,
      periods: [period],
      levels: [level],
    });
    const meta = new Map((cells.objects() as Row[]).map((r) => [String(r.unit), r]));
    let shown: Map<string, number | null>;
    let hidden = 0;
    if (info.additive) {
      const pt = publishHeadline(
        session,
        `indicators.${info.indicator}`,
        cells,
        {
          ...unitIndicatorCellSpec(cells, { name: 'value', per: info.per }),
          period: period.label,
        },
        rules,
      );
      hidden = pt.log.hiddenCells;
      shown = new Map(
        (pt.table.objects() as Row[]).map((r) => [String(r.unit), r.value as number | null]),
      );
    } else {
      const pt = publishHeadline(
        session,
        `indicators.${info.indicator}`,
        suppliedValueRows(cells),
        { ...SUPPLIED_VALUE_SPEC, period: period.label },
        rules,
      );
      shown = new Map(
        (pt.table.objects() as Row[]).map((r) => [String(r.unit), r.value as number | null]),
      );
    }
    if (hidden > 0) notes.push(`${info.indicator}: ${hidden} cells hidden by disclosure control.`);
    const entry = (unit: string) => {
      const r = meta.get(unit)!;
      return {
        unit_id: r.unit_id,
        unit_name: r.unit_name,
        level: r.unit_level,
        value: shown.get(unit) ?? null,
        units_reporting: r.units_reporting,
      };
    };
    const top = [...meta.values()].find((r) => r.parent_id === null)!;
    return {
      indicator: info.indicator,
      additive: info.additive,
      per: info.per,
      method: info.additive
        ? 'per × sum of numerators / sum of denominators over the units of record below each unit'
        : 'as supplied for the unit (no numerator and denominator: not rolled up or pooled)',
      definition: unitIndicatorCard(info).definition,
      organisation: entry(String(top.unit)),
      units: [...meta.values()]
        .filter((r) => r.parent_id !== null)
        .map((r) => entry(String(r.unit))),
      trend: info.additive
        ? trendOf(data, info.indicator, info.per, tree, period, fy, rules, session)
        : null,
    };
  });
  return {
    period: period.label,
    pooled: isPooled(period),
    level,
    mode: rules.mode,
    indicators,
    notes: [
      'Rates of additive indicators are recomputed at every level from summed numerators and denominators (never a mean of the units’ rates); rows count in the period when their dates lie inside it.',
      'A figure supplied without numerator and denominator stands for its own unit only: the group behind it is unknown to the kit, so disclosure control cannot check it.',
      ...notes,
    ],
  };
}

function trendOf(
  data: Dataset,
  indicator: string,
  per: number,
  tree: ReturnType<typeof placeIndicatorUnits>,
  period: Period,
  fy: { fyStartMonth: number },
  rules: ReturnType<typeof resolvePolicy>,
  session: HeadlineSession,
): { period: string; value: number | null }[] | null {
  const ui = data.tables.unit_indicators;
  const kind = indicatorPeriodKind(ui, indicator, fy);
  if (kind === null) return null;
  const periods = periodsBetween(period.start, period.end, kind, fy).filter(
    (p) => p.start >= period.start && p.end <= period.end,
  );
  if (periods.length < 2) return null;
  const cells = summarizeUnitIndicator(ui, tree, { indicator, periods, levels: [] });
  const pt = publishHeadline(
    session,
    `indicators.${indicator}.trend`,
    cells,
    unitIndicatorCellSpec(cells, { name: 'value', per }),
    rules,
  );
  return (pt.table.objects() as Row[]).map((r) => ({
    period: String(r.period),
    value: r.value as number | null,
  }));
}
