// Headline well-being matrix for `wbk metrics --json`: units at one level × indicators, published
// (hidden values null), with bands, temperature, change against the previous period and running hot.
import type { Dataset } from '../../io/load-dataset.js';
import {
  headlineSession,
  publishHeadline,
  checkHeadlinePeriod,
  reuseComputed,
  type HeadlineInput,
} from './session.js';
import {
  parsePeriod,
  periodOf,
  periodsBetween,
  type Period,
  type PeriodOptions,
} from '../../time/periods.js';
import { unitTree } from '../../transforms/units/hierarchy.js';
import { inputKey } from '../batch/memo.js';
import { pickIndicators } from '../../transforms/matrix/indicators.js';
import { wellbeingMatrixCellSpec } from '../../transforms/matrix/rollup.js';
import { scoreWellbeingMatrix } from '../../transforms/matrix/score.js';
import { summarizeWellbeingMatrix } from '../../transforms/matrix/summary.js';
import { summarizeMatrixCounts } from '../../transforms/matrix/counts.js';
import { bootstrapTemperatureChange } from '../../transforms/matrix/temperature-change.js';
import {
  WELLBEING_TEMPERATURE,
  summarizeMatrixTemperature,
} from '../../transforms/matrix/temperature.js';

type Row = Record<string, unknown>;

/**
 * The published well-being matrix of `period` at `level`, as plain JSON: for each unit its
 * indicator values (null when hidden by disclosure control or without data), z-score heat, band and
 * contribution, its temperature, band and trend against the previous period of the same kind, and
 * the running-hot list with the indicators driving each unit. The force row gives the reference
 * values. Cells are published in one table (both periods, units and force, with the hierarchy).
 * @example matrixHeadlines(data, { period: parsePeriod('FY2024-25'), level: 'team' })
 */
export function matrixHeadlines(
  data: Dataset,
  options: HeadlineInput & {
    level: string;
  },
): object {
  const { period, level, policy = {} } = options;
  checkHeadlinePeriod('matrixHeadlines', period, 'FY2024-25');
  if (!data.levels.includes(level)) {
    throw new Error(
      `matrixHeadlines: level "${level}" is not a unit level. Levels: ${data.levels.join(', ')}.`,
    );
  }
  const tree = unitTree(data.tables.units);
  const previous = previousPeriod(period, { fyStartMonth: data.config.fyStartMonth });
  const periods = previous ? [previous, period] : [period];
  const session = options.session ?? headlineSession();
  const key = `wellbeing_matrix|${period.label}|${level}`;
  const cells = reuseComputed(session, `${key}|cells`, () =>
    summarizeWellbeingMatrix(data.tables, tree, {
      periods,
      levels: [level],
      asOf: Math.min(data.asOf, period.end),
    }),
  );
  const published = publishHeadline(
    session,
    'wellbeing_matrix',
    cells,
    wellbeingMatrixCellSpec(cells),
    policy,
  );
  const scored = scoreWellbeingMatrix(published, { tree });
  // The change's 95% interval: a bootstrap over each unit's people (fixed seed, so reruns agree).
  // The bootstrap rescores the published cells: reused while they are published alike.
  const changeIntervals = previous
    ? reuseComputed(session, `${key}|change|${inputKey(published)}`, () =>
        bootstrapTemperatureChange(
          reuseComputed(session, `${key}|person counts`, () =>
            summarizeMatrixCounts(data.tables, {
              periods,
              asOf: Math.min(data.asOf, period.end),
              byPerson: true,
            }),
          ),
          tree,
          published,
          { levels: [level], period: period.label, previousPeriod: previous.label },
        ),
      )
    : undefined;
  const temps = summarizeMatrixTemperature(scored, {
    period: period.label,
    previousPeriod: previous?.label ?? null,
    ...(changeIntervals ? { changeIntervals } : {}),
  });
  const now = (scored.objects() as Row[]).filter((r) => r.period === period.label);
  const cellsOf = (unit: unknown) =>
    Object.fromEntries(
      now
        .filter((r) => r.unit_id === unit)
        .map((r) => [
          r.indicator,
          {
            value: r.value,
            status: r.status,
            heat: r.heat,
            band: r.band,
            contribution: r.contribution,
          },
        ]),
    );
  const units = (temps.objects() as Row[]).map((t) => ({
    unit_id: t.unit_id,
    unit_name: t.unit_name,
    level: t.unit_level,
    temperature: t.temperature,
    band: t.band,
    previous_temperature: t.previous_temperature,
    trend: t.trend,
    trend_label: t.trend_label,
    running_hot: t.running_hot,
    drivers: t.drivers,
    indicators: cellsOf(t.unit_id),
  }));
  const hidden = published.log.hiddenCells;
  return {
    period: period.label,
    previous_period: previous?.label ?? null,
    level,
    disclosure: {
      mode: published.log.mode,
      min_group_size: published.log.minGroupSize,
      min_count: published.log.minCount,
      hidden_cells: hidden,
    },
    normalise: 'z',
    indicators: pickIndicators().map((i) => ({
      id: i.id,
      label: i.label,
      direction: i.direction,
      definition: i.card.definition,
      unit: i.card.unit ?? null,
    })),
    temperature_definition: WELLBEING_TEMPERATURE.definition,
    organisation: units.find((u) => u.band === 'top') ?? null,
    units: units.filter((u) => u.band !== 'top'),
    running_hot: units
      .filter((u) => u.running_hot)
      .map(({ unit_id, unit_name, temperature, trend, trend_label, drivers }) => ({
        unit_id,
        unit_name,
        temperature,
        trend,
        trend_label,
        drivers,
      })),
    notes: [
      'Values are recomputed at each level from summed numerators and denominators (never averaged).',
      'Heat: z-score against the value of the whole organisation over the spread of units at this level, signed so positive is worse; bands amber at 1 and red at 2; running hot at a temperature of 1 or more.',
      'Hidden (suppressed) cells are left out of the temperature and the other weights rescaled; a unit with under half the weight scored has no temperature.',
      'Trend: improving or worsening only when the 95% interval of the change in temperature (a bootstrap over each unit’s people, 500 replicates, seed 1) excludes 0; otherwise no clear change.',
      previous
        ? `Previous period compared: ${previous.label}.`
        : 'No previous period for all the data pooled: previous temperatures and trends are null.',
      hidden > 0
        ? `${hidden} cells are null: hidden by disclosure control (small groups or counts, or to stop back-calculation).`
        : 'No value was hidden by disclosure control.',
    ],
  };
}

/**
 * The period a trend compares `period` with: the one before it of the same kind; for a range
 * (FY2022-23 to FY2023-24) the range of as many periods of its first period's kind just before it;
 * null for all the data pooled (there is nothing before it).
 * @example previousPeriod(parsePeriod('FY2012-13..FY2013-14'))?.label // 'FY2010-11 to FY2011-12'
 */
export function previousPeriod(period: Period, options: PeriodOptions = {}): Period | null {
  if (period.kind === 'all') return null;
  if (period.kind !== 'range') return periodOf(period.start - 1, period.kind, options);
  const first = parsePeriod(period.label.split(' to ')[0], options);
  const count = periodsBetween(period.start, period.end, first.kind, options).length;
  let at = periodOf(period.start - 1, first.kind, options);
  const last = at;
  for (let i = 1; i < count; i++) at = periodOf(at.start - 1, first.kind, options);
  return { kind: 'range', label: `${at.label} to ${last.label}`, start: at.start, end: last.end };
}
