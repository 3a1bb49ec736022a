// The indicators of the well-being matrix: each is a numerator and a denominator summed over people
// (so any unit's value is recomputed from counts), a direction, and a definition card.
import type { DefinitionCard } from '../shared/definition.js';
import { OVERTIME_HOURS_PER_FTE, REST_DAYS_WORKED } from '../overtime/summary.js';
import { LOST_TIME_RATE, MENTAL_HEALTH_SHARE } from '../sickness/cards.js';
import { WORKING_TIME_OVER_48 } from '../overtime/working-time.js';
import { WELFARE_CHECKS_OVERDUE } from '../welfare/cards.js';

export const LONG_TERM_LOST_TIME = card(
  'long_term_lost_time',
  'Long-term sickness rate',
  'Share of available working time lost to long-term sickness: FTE working days lost in spells of more than 28 calendar days divided by FTE working days available.',
  'FTE working days lost in long-term spells (over 28 calendar days; open spells measured to the as-of date)',
  'FTE working days available',
  '% of available working days',
);
export const OH_REFERRALS_PER_100_FTE = card(
  'oh_referrals_per_100_fte',
  'Occupational-health referrals per 100 FTE',
  'Referrals to occupational health dated in the period, counted in the unit the person was posted to that day, per 100 average FTE in post.',
  'OH referrals dated in the period',
  'average FTE in post over the period',
  'referrals per 100 FTE',
);
export const VOLUNTARY_RESIGNATION_RATE = card(
  'voluntary_resignation_rate',
  'Voluntary resignation rate',
  'Voluntary resignations (end_date in the period) as a percentage of the people in post on the first day of the period, each counted in the unit they were posted to on that day.',
  'voluntary resignations in the period, in the unit of the last posting',
  'headcount on the first day of the period',
  '% of headcount at the start',
);
export const EARLY_LEAVER_RATE = card(
  'early_leaver_rate',
  'Early-leaver rate',
  'Voluntary resignations of people with under 5 years’ service at leaving, as a percentage of the people in post with under 5 years’ service on the first day of the period (service from service_start_date, else start_date).',
  'voluntary resignations with under 5 completed years of service',
  'people in post on the first day with under 5 completed years of service',
  '% of early-service headcount at the start',
  'Most voluntary resignations happen in the first five years (Home Office: 71% in 2021/22).',
);
export const EXITS_CITING_WORKLOAD = card(
  'exits_citing_workload_wellbeing',
  'Exit interviews citing workload or well-being',
  'Share of the exit interviews of people who left in the period that cite workload or well-being and stress as a reason (primary or other), counted in the leaver’s last unit.',
  'interviews citing workload or wellbeing_and_stress',
  'leavers in the period with an exit interview (transfers out included)',
  '% of interviews',
);
export const SURVEY_WELLBEING_SCORE = card(
  'staff_survey_wellbeing_score',
  'Staff-survey well-being score',
  'Sum of respondents’ well-being scores divided by the number of respondents, over the survey rows (unit_indicators) whose period lies inside the report period.',
  'sum of respondent scores (0–100)',
  'respondents',
  'score 0–100 (higher is better)',
  'Survey periods that only partly overlap the report period are not used, so a quarter or month usually has no survey value.',
);
export const WORKLOAD_PER_FTE = card(
  'workload_per_fte',
  'Workload per FTE',
  'Work items divided by average FTE, over the workload rows (unit_indicators) whose period lies inside the report period: with quarterly rows in a year, items per FTE per quarter.',
  'work items',
  'average FTE of each workload period, summed',
  'items per FTE per workload period',
);

function card(
  id: string,
  title: string,
  definition: string,
  numerator: string,
  denominator: string,
  unit: string,
  notes?: string,
): DefinitionCard {
  return { id, title, definition, numerator, denominator, unit, ...(notes ? { notes } : {}) };
}

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
