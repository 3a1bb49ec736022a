// The controlled vocabularies the demo force writes: every categorical value in its CSVs comes from here.

/** Worker types of the canonical model. */
export const WORKER_TYPES = ['officer', 'staff', 'pcso', 'special', 'volunteer'] as const;
export type WorkerType = (typeof WORKER_TYPES)[number];

/** Home Office leaver types plus end_of_contract and other; set exactly when end_date is set. */
export const LEAVER_TYPES = [
  'voluntary_resignation',
  'normal_retirement',
  'medical_retirement',
  'dismissal',
  'transfer_out',
  'death',
  'end_of_contract',
  'other',
] as const;
export type LeaverType = (typeof LEAVER_TYPES)[number];

/** High-risk role categories ('' in the files when the role is not high-risk). */
export const HIGH_RISK_ROLES = [
  'child_abuse_investigation',
  'online_child_abuse',
  'offender_management',
  'firearms',
  'control_room',
] as const;
export type HighRiskRole = (typeof HIGH_RISK_ROLES)[number];

export const SEXES = ['female', 'male', 'other', 'not_stated'] as const;
export const ETHNICITY_GROUPS = [
  'asian',
  'black',
  'mixed',
  'white',
  'other',
  'not_stated',
] as const;
export const DISABILITY = ['yes', 'no', 'not_stated'] as const;

/** Entry routes: officers by programme, everyone else 'standard'; 'rejoiner' for a second spell. */
export const ENTRY_ROUTES = [
  'pcda',
  'dhep',
  'ipld',
  'detective_degree',
  'direct_entry',
  'transferee',
  'standard',
  'rejoiner',
] as const;

/** Exit-interview reasons (issue 3 §1). */
export const EXIT_REASONS = [
  'workload',
  'pay_and_benefits',
  'career_progression',
  'management_and_supervision',
  'wellbeing_and_stress',
  'work_life_balance',
  'shift_pattern',
  'flexible_working',
  'culture_and_treatment',
  'training_and_support',
  'role_not_as_expected',
  'relocation',
  'family_and_caring',
  'better_offer',
  'retirement',
  'health',
  'other',
] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

export const COMPENSATION = ['paid', 'toil', 'unpaid'] as const;
export const OVERTIME_REASONS = [
  'shift_extension',
  'court_attendance',
  'planned_operation',
  'public_event',
  'staff_shortage',
  'major_incident',
  'investigation',
  'training',
] as const;

export const SICKNESS_REASONS = [
  'mental_health',
  'musculoskeletal',
  'respiratory',
  'gastrointestinal',
  'injury_assault_on_duty',
  'infectious',
  'other',
  'unknown',
] as const;
export type SicknessReason = (typeof SICKNESS_REASONS)[number];

export const OH_REASONS = [
  'mental_health',
  'musculoskeletal',
  'long_term_absence',
  'management_referral',
  'trauma_exposure',
] as const;

export const WELFARE_KINDS = [
  'psychological_screening',
  'welfare_meeting',
  'pause_point_review',
] as const;

export const UNIT_LEVELS = ['force', 'district', 'department', 'team'] as const;

/** Indicators written to unit_indicators.csv. */
export const INDICATORS = [
  'staff_survey_wellbeing_score',
  'workload_per_fte',
  'vacancy_rate',
] as const;

/** Age bands of people.csv (age at end_date, or at the last day of the window while in post). */
export const AGE_BANDS = ['under_25', '25_34', '35_44', '45_54', '55_64', '65_plus'] as const;
