// Headline leaver figures for `wbk metrics --json`: leavers by type, leaver rate, turnover, the share of
// voluntary resignations under 5 years, and the 3-year resignation probability by sex and ethnicity with
// relative likelihoods. Steps: transform → publishTable (one ledger) → plain JSON, hidden values null.
import { table as toTable, type ColumnTable } from 'arquero';
import type { Dataset } from '../../io/load-dataset.js';
import { recordsStart } from '../../io/coverage.js';
import { resolvePolicy, suppressionSummaryText, type CellSpec } from '../../privacy/index.js';
import { formatDate } from '../../time/dates.js';
import { publishLeaverCounts, rowsOf, type Row } from './attrition-counts.js';
import {
  headlineSession,
  publishHeadline,
  checkHeadlinePeriod,
  type HeadlineInput,
} from './session.js';
import {
  deriveRetentionData,
  retentionUnavailableReason,
} from '../../transforms/leavers/retention-data.js';
import {
  JL6_EDGES,
  shortServiceShareSpec,
  summarizeShortServiceShare,
} from '../../transforms/leavers/service.js';
import {
  summarizeThreeYearResignation,
  threeYearSpec,
  type ThreeYearOptions,
} from '../../transforms/leavers/three-year.js';
import { ETHNIC_MINORITY_GROUPS } from '../../schema/vocabularies.js';

/**
 * Published headline leaver figures of `period` as plain JSON. Leavers by Home Office type (transfers
 * out listed apart, not in `leavers`); leaver rate (leavers / headcount on the first day) and turnover
 * (leavers / two-point and time-weighted average headcount); leavers and voluntary resignations per
 * service band (JL6 or `serviceBandEdges`); the share of voluntary resignations with under 5 years'
 * service; the probability of resigning within 3 years of joining by sex (reference male), ethnicity
 * (reference white) and ethnic minority vs white, with relative likelihoods, using data up to the
 * period end. Every table goes through publishTable with one ledger; hidden values are null and the
 * notes say how many and why.
 * @example attritionHeadlines(data, { period: parsePeriod('FY2023-24'), serviceBandEdges: [3, 7, 11] })
 */
export function attritionHeadlines(
  data: Dataset,
  options: HeadlineInput & {
    serviceBandEdges?: number[];
  },
): object {
  const { period, policy = {}, serviceBandEdges = [...JL6_EDGES] } = options ?? {};
  checkHeadlinePeriod('attritionHeadlines', period, 'FY2023-24');
  if (!data?.tables?.people) {
    throw new Error('attritionHeadlines: data must be a Dataset from loadDataset().');
  }
  const rules = resolvePolicy(policy);
  const session = options.session ?? headlineSession();
  const notes: string[] = [];
  const publish = (name: string, table: ColumnTable, spec: CellSpec): Row[] => {
    const pt = publishHeadline(
      session,
      `leavers.${name}`,
      table,
      { period: period.label, ...spec },
      rules,
    );
    if (pt.log.hiddenCells > 0) notes.push(`${name}: ${suppressionSummaryText(pt.log)}`);
    return rowsOf(pt);
  };
  const people = data.tables.people;

  const { typeRows, rates, bands } = publishLeaverCounts(
    people,
    period,
    serviceBandEdges,
    publish,
    notes,
  );
  const rate = rates[0] ?? {};
  const short = publish(
    'short_service_share',
    summarizeShortServiceShare(
      people.assign(toTable({ period: new Array(people.numRows()).fill(period.label) })),
      { period, by: ['period'] },
    ),
    shortServiceShareSpec(['period']),
  )[0];
  // With JL6 edges the short-service count is the sum of the bands under 5 years: if any of those is
  // hidden in the bands table, showing the share would give it back, so it is withheld too.
  const underFive = bands.filter((b) => /^<|^[0-4]–[1-5]$/.test(String(b.service_band)));
  if (short && underFive.some((b) => b.voluntary_resignations === null)) {
    short.short_service_share_pct = null;
    notes.push('short_service_share: withheld because a service band under 5 years is hidden.');
  }

  const threeYear: Record<string, unknown> = {};
  const unavailable = retentionUnavailableReason(people);
  const retention = unavailable
    ? null
    : deriveRetentionData(people, {
        windowStart: recordsStart(data).day,
        dataEnd: Math.min(period.end, data.asOf),
        fyStartMonth: data.config.fyStartMonth,
      });
  const comparisons: [string, Omit<ThreeYearOptions, 'minGroupSize'>][] = [
    ['sex', { by: 'sex' }],
    ['ethnicity_group', { by: 'ethnicity_group' }],
    ['ethnic_minority', { by: 'ethnicity_group', groups: ETHNIC_MINORITY_GROUPS }],
  ];
  for (const [name, opts] of comparisons) {
    if (retention === null) {
      threeYear[name] = { refused: unavailable, groups: [] };
      continue;
    }
    const result = summarizeThreeYearResignation(retention, {
      ...opts,
      minGroupSize: rules.minGroupSize,
    });
    const groups = result.refused
      ? []
      : publish(`three_year.${name}`, result.table, threeYearSpec(opts.by));
    threeYear[name] = {
      reference: result.reference,
      refused: result.refused,
      groups,
      notes: result.notes,
    };
  }
  return {
    period: period.label,
    period_start: formatDate(period.start),
    period_end: formatDate(period.end),
    mode: rules.mode,
    min_group_size: rules.minGroupSize,
    leavers_by_type: Object.fromEntries(typeRows.map((r) => [r.leaver_type, r.leavers])),
    headcount_start: rate.headcount_start ?? null,
    leavers: rate.leavers ?? null,
    voluntary_resignations: rate.voluntary_resignations ?? null,
    transfers_out: rate.transfers_out ?? null,
    leaver_rate_pct: rate.leaver_rate_pct ?? null,
    voluntary_rate_pct: rate.voluntary_rate_pct ?? null,
    turnover_two_point_pct: rate.turnover_two_point_pct ?? null,
    turnover_time_weighted_pct: rate.turnover_time_weighted_pct ?? null,
    service_bands: bands.map(({ period: _p, ...r }) => r),
    voluntary_short_service_share_pct: short?.short_service_share_pct ?? null,
    three_year: threeYear,
    definitions: {
      leavers: 'all leaver types except transfer_out, end_date in the period',
      leaver_rate_pct:
        'leavers / people in post on the first day of the period × 100 (Home Office)',
      turnover_pct:
        'leavers / average headcount (two-point: (first + last day) / 2; time-weighted: person-days / days) × 100',
      service: 'completed years from service_start_date to the day after the last day',
      three_year:
        'Aalen–Johansen cumulative incidence of voluntary resignation at 3 years of tenure in this organisation, other exits competing; relative likelihood vs the reference group with a log-scale 95% interval',
    },
    notes,
  };
}
