// The indicators of the well-being matrix: each is a numerator and a denominator summed over people
// (so any unit's value is recomputed from counts), a direction, and a definition card.
import type { DefinitionCard } from './definition.js';
import { OVERTIME_HOURS_PER_FTE, REST_DAYS_WORKED } from './overtime-summary.js';
import { LOST_TIME_RATE, MENTAL_HEALTH_SHARE } from './sickness-cards.js';
import { WORKING_TIME_OVER_48 } from './working-time-regulations.js';
import { WELFARE_CHECKS_OVERDUE } from './welfare-cards.js';
import {
  LONG_TERM_LOST_TIME,
  OH_REFERRALS_PER_100_FTE,
  VOLUNTARY_RESIGNATION_RATE,
  EARLY_LEAVER_RATE,
  EXITS_CITING_WORKLOAD,
  SURVEY_WELLBEING_SCORE,
  WORKLOAD_PER_FTE,
} from './matrix-cards.js';

/** One column of the matrix: value = per × Σ numerator / Σ denominator. */
export interface MatrixIndicator {
  /** Column of the value in the matrix table, e.g. 'lost_time_rate_pct'. */
  id: string;
  /** Short label for the heatmap axis. */
  label: string;
  numerator: string;
  denominator: string;
  /** Multiplier, e.g. 100 for a percentage (default 1). */
  per: number;
  /** 'higher_is_worse' (sickness, overtime) or 'higher_is_better' (survey well-being). */
  direction: 'higher_is_worse' | 'higher_is_better';
  /** The people behind the value, for the minimum group size: the denominator when it counts people, else 'headcount'. */
  population: string;
  card: DefinitionCard;
}

/** Denominators that count people (so they are the population of their indicator). */
const PEOPLE_DENOMINATORS = [
  'people_assessed_48_hours',
  'headcount_start',
  'early_service_headcount_start',
  'interviews',
  'high_risk_staff',
  'survey_respondents',
];

/** The default matrix: issue 6 §4, in reading order. */
export const DEFAULT_MATRIX_INDICATORS: readonly MatrixIndicator[] = [
  ind(
    'lost_time_rate_pct',
    'Sickness lost time',
    'fte_days_lost',
    'fte_days_available',
    100,
    LOST_TIME_RATE,
  ),
  ind(
    'mental_health_share_pct',
    'Mental-health share',
    'mental_health_fte_days_lost',
    'fte_days_lost',
    100,
    MENTAL_HEALTH_SHARE,
  ),
  ind(
    'long_term_lost_time_pct',
    'Long-term sick',
    'long_term_fte_days_lost',
    'fte_days_available',
    100,
    LONG_TERM_LOST_TIME,
  ),
  ind(
    'oh_referrals_per_100_fte',
    'OH referrals',
    'oh_referrals',
    'fte_avg',
    100,
    OH_REFERRALS_PER_100_FTE,
  ),
  ind(
    'overtime_hours_per_fte',
    'Overtime hours',
    'overtime_hours',
    'fte_avg',
    1,
    OVERTIME_HOURS_PER_FTE,
  ),
  ind(
    'over_48_hours_pct',
    'Over 48 hours',
    'people_over_48_hours',
    'people_assessed_48_hours',
    100,
    WORKING_TIME_OVER_48,
  ),
  ind(
    'rest_days_per_person',
    'Rest days worked',
    'rest_days_worked',
    'headcount_avg',
    1,
    REST_DAYS_WORKED,
  ),
  ind(
    'voluntary_resignation_pct',
    'Resignations',
    'voluntary_resignations',
    'headcount_start',
    100,
    VOLUNTARY_RESIGNATION_RATE,
  ),
  ind(
    'early_leaver_pct',
    'Early leavers',
    'early_resignations',
    'early_service_headcount_start',
    100,
    EARLY_LEAVER_RATE,
  ),
  ind(
    'exits_workload_wellbeing_pct',
    'Exits: workload',
    'interviews_citing_workload',
    'interviews',
    100,
    EXITS_CITING_WORKLOAD,
  ),
  ind(
    'welfare_overdue_pct',
    'Welfare overdue',
    'welfare_overdue',
    'high_risk_staff',
    100,
    WELFARE_CHECKS_OVERDUE,
  ),
  ind(
    'survey_wellbeing_score',
    'Survey well-being',
    'survey_score_sum',
    'survey_respondents',
    1,
    SURVEY_WELLBEING_SCORE,
    'higher_is_better',
  ),
  ind(
    'workload_per_fte',
    'Workload per FTE',
    'workload_items',
    'workload_fte',
    1,
    WORKLOAD_PER_FTE,
  ),
];

/** Every numerator and denominator column the default matrix needs, in order. */
export const MATRIX_COUNT_COLUMNS: readonly string[] = [
  ...new Set(DEFAULT_MATRIX_INDICATORS.flatMap((i) => [i.numerator, i.denominator])),
];

/**
 * The indicators chosen by id (default: all of DEFAULT_MATRIX_INDICATORS); throws naming unknown ids.
 * @example pickIndicators(['lost_time_rate_pct', 'overtime_hours_per_fte'])
 */
export function pickIndicators(
  ids?: readonly (string | MatrixIndicator)[],
  where = 'wellbeing matrix',
): MatrixIndicator[] {
  if (ids === undefined) return [...DEFAULT_MATRIX_INDICATORS];
  const out = ids.map((x) =>
    typeof x === 'string' ? DEFAULT_MATRIX_INDICATORS.find((i) => i.id === x) : x,
  );
  const unknown = ids.filter((_, k) => out[k] === undefined).map(String);
  if (unknown.length > 0 || ids.length === 0) {
    throw new Error(
      `${where}: unknown indicator${unknown.length > 1 ? 's' : ''} ${unknown.join(', ') || '(none given)'}. ` +
        `Choose from ${DEFAULT_MATRIX_INDICATORS.map((i) => i.id).join(', ')}, or pass MatrixIndicator objects.`,
    );
  }
  return out as MatrixIndicator[];
}

function ind(
  id: string,
  label: string,
  numerator: string,
  denominator: string,
  per: number,
  definition: DefinitionCard,
  direction: MatrixIndicator['direction'] = 'higher_is_worse',
): MatrixIndicator {
  const population = PEOPLE_DENOMINATORS.includes(denominator) ? denominator : 'headcount';
  return { id, label, numerator, denominator, per, direction, population, card: definition };
}
