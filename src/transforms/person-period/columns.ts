// Helpers of the person-period builder: output columns, age and service bands, the extract's last
// date, posting changes and month parsing.

/** People columns the builder reads, in the order it destructures them (absent ones read as null). */
export const PEOPLE_COLUMNS = [
  'person_id',
  'worker_type',
  'rank_or_grade',
  'role',
  'high_risk_role',
  'unit_id',
  'fte',
  'service_start_date',
  'start_date',
  'end_date',
  'leaver_type',
  'sex',
  'ethnicity_group',
  'disability',
  'birth_year',
  'age_band',
];

/** Columns of the model rows, in order. */
export const OUTPUT_COLUMNS = [
  'person_id',
  'month',
  'month_end_date',
  'worker_type',
  'rank_or_grade',
  'role',
  'high_risk_role',
  'high_risk',
  'unit_id',
  'fte',
  'tenure_months',
  'tenure_band',
  'overtime_hours_3m',
  'overtime_hours_12m',
  'overtime_log2_hours_12m',
  'overtime_trend_hours',
  'rest_days_worked_12m',
  'sickness_spells_12m',
  'sickness_days_12m',
  'mental_health_spells_12m',
  'oh_referrals_12m',
  'welfare_check_overdue',
  'posting_changes_12m',
  'service_days',
  'next_service_days',
  'resigned_next_month',
  'resigned_within_horizon',
];
/** Columns of the protected table, in order. */
export const PROTECTED_PERIOD_COLUMNS = [
  'person_id',
  'month',
  'sex',
  'ethnicity_group',
  'disability',
  'age_band',
];

/** Age band of an age in years, as the demo force and the equality analyses label them. */
export function ageBand(age: number): string {
  if (age < 25) return 'under_25';
  if (age >= 65) return '65_plus';
  const lo = 25 + Math.floor((age - 25) / 10) * 10;
  return `${lo}_${lo + 9}`;
}

export function bandOf(years: number, edges: readonly number[]): number {
  const i = edges.findIndex((e) => years < e);
  return i === -1 ? edges.length : i;
}

// Postings that began in the 365 days up to day E, after the first day of the spell.
export function countChanges(
  list: { from_date: number }[] | undefined,
  spellStart: number,
  E: number,
) {
  if (list === undefined) return 0;
  const lo = Math.max(spellStart, E - 365);
  return list.filter((x) => x.from_date > lo && x.from_date <= E).length;
}
