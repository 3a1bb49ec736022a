// Definition cards of the well-being matrix: the indicators the other transforms do not define, and
// the composite temperature.
import type { DefinitionCard } from './definition.js';

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
