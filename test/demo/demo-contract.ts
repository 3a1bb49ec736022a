// The demo CSV contract as agreed in the brief (headers, vocabularies, formats), typed out independently of src/.

export const HEADERS: Record<string, string[]> = {
  'units.csv': ['unit_id', 'parent_id', 'name', 'level'],
  'people.csv':
    'person_id, worker_type, rank_or_grade, unit_id, role, high_risk_role, fte, contracted_hours_per_week, service_start_date, start_date, end_date, leaver_type, entry_route, sex, ethnicity_group, disability, birth_year, age_band'.split(
      ', ',
    ),
  'postings.csv': 'person_id, unit_id, role, high_risk_role, from_date, to_date'.split(', '),
  'exit_interviews.csv':
    'person_id, interview_date, primary_reason, other_reasons, would_recommend, would_return, comments'.split(
      ', ',
    ),
  'overtime.csv':
    'person_id, date, hours, compensation, reason, rest_day_worked, start_time, end_time'.split(
      ', ',
    ),
  'sickness.csv':
    'person_id, start_date, end_date, working_days_lost, reason_category, work_related, rtw_interview_date'.split(
      ', ',
    ),
  'oh_referrals.csv': ['person_id', 'date', 'reason'],
  'welfare_checks.csv': ['person_id', 'date', 'kind'],
  'unit_indicators.csv':
    'unit_id, period_start, period_end, indicator, numerator, denominator, value'.split(', '),
};

type Check = (value: string) => boolean;

const oneOf = (values: string): Check => {
  const set = new Set(values.split('|'));
  return (v) => set.has(v);
};
const optional =
  (check: Check): Check =>
  (v) =>
    v === '' || check(v);
const isoDate: Check = (v) =>
  /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const inWindow: Check = (v) => isoDate(v) && v >= '2019-12-01' && v <= '2025-03-31';
const number =
  (lo: number, hi: number, loOpen = false): Check =>
  (v) => {
    const n = Number(v);
    return v !== '' && Number.isFinite(n) && (loOpen ? n > lo : n >= lo) && n <= hi;
  };
const bool = oneOf('true|false');
const personId: Check = (v) => /^P\d{6,}$/.test(v);
const clock: Check = (v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v);
const EXIT_REASONS =
  'workload|pay_and_benefits|career_progression|management_and_supervision|wellbeing_and_stress|work_life_balance|shift_pattern|flexible_working|culture_and_treatment|training_and_support|role_not_as_expected|relocation|family_and_caring|better_offer|retirement|health|other';
const HIGH_RISK =
  'child_abuse_investigation|online_child_abuse|offender_management|firearms|control_room';

/** Per file, per column: a check every value must pass. */
export const VOCABULARIES: Record<string, Record<string, Check>> = {
  'units.csv': { level: oneOf('force|district|department|team'), name: (v) => v !== '' },
  'people.csv': {
    person_id: personId,
    worker_type: oneOf('officer|staff|pcso|special|volunteer'),
    high_risk_role: optional(oneOf(HIGH_RISK)),
    fte: number(0, 1.5, true),
    contracted_hours_per_week: number(0, 48, true),
    service_start_date: isoDate,
    start_date: isoDate,
    end_date: optional(inWindow),
    leaver_type: optional(
      oneOf(
        'voluntary_resignation|normal_retirement|medical_retirement|dismissal|transfer_out|death|end_of_contract|other',
      ),
    ),
    entry_route: oneOf('pcda|dhep|ipld|detective_degree|direct_entry|transferee|standard|rejoiner'),
    sex: optional(oneOf('female|male|other|not_stated')),
    ethnicity_group: optional(oneOf('asian|black|mixed|white|other|not_stated')),
    disability: optional(oneOf('yes|no|not_stated')),
    birth_year: (v) => /^(19|20)\d\d$/.test(v),
    age_band: (v) => v !== '',
  },
  'postings.csv': {
    high_risk_role: optional(oneOf(HIGH_RISK)),
    from_date: isoDate,
    to_date: optional(isoDate),
  },
  'exit_interviews.csv': {
    interview_date: inWindow,
    primary_reason: oneOf(EXIT_REASONS),
    other_reasons: (v) => v === '' || v.split(';').every(oneOf(EXIT_REASONS)),
    would_recommend: optional(oneOf('1|2|3|4|5')),
    would_return: optional(bool),
  },
  'overtime.csv': {
    date: inWindow,
    hours: number(0, 24, true),
    compensation: oneOf('paid|toil|unpaid'),
    reason: (v) => v !== '',
    rest_day_worked: bool,
    start_time: optional(clock),
    end_time: optional(clock),
  },
  'sickness.csv': {
    start_date: isoDate,
    end_date: optional(inWindow),
    working_days_lost: number(0, 400),
    reason_category: oneOf(
      'mental_health|musculoskeletal|respiratory|gastrointestinal|injury_assault_on_duty|infectious|other|unknown',
    ),
    work_related: bool,
    rtw_interview_date: optional(inWindow),
  },
  'oh_referrals.csv': { date: inWindow, reason: (v) => v !== '' },
  'welfare_checks.csv': {
    date: inWindow,
    kind: oneOf('psychological_screening|welfare_meeting|pause_point_review'),
  },
  'unit_indicators.csv': {
    period_start: inWindow,
    period_end: inWindow,
    indicator: oneOf('staff_survey_wellbeing_score|workload_per_fte|vacancy_rate'),
    numerator: number(0, Infinity),
    denominator: number(0, Infinity, true),
    value: number(0, Infinity),
  },
};
