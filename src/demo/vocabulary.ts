// The controlled vocabularies the demo force writes: every categorical value in its CSVs comes from here.
// The canonical model's vocabularies come from src/schema (one source of truth); the demo adds its own
// entry routes, overtime, OH and indicator names and age bands.
import {
  COMPENSATION_TYPES,
  DISABILITY_VALUES,
  ETHNICITY_GROUPS,
  EXIT_REASONS,
  HIGH_RISK_ROLES,
  LEAVER_TYPES,
  SEXES,
  SICKNESS_REASONS,
  WELFARE_KINDS,
  WORKER_TYPES,
} from '../schema/vocabularies.js';

export {
  ETHNICITY_GROUPS,
  EXIT_REASONS,
  HIGH_RISK_ROLES,
  LEAVER_TYPES,
  SEXES,
  SICKNESS_REASONS,
  WELFARE_KINDS,
  WORKER_TYPES,
};
/** The demo force's unit levels, from the top down (the kit itself assumes no level names). */
export const UNIT_LEVELS = ['force', 'district', 'department', 'team'] as const;
export const DISABILITY = DISABILITY_VALUES;
export const COMPENSATION = COMPENSATION_TYPES;

export type WorkerType = (typeof WORKER_TYPES)[number];

export type LeaverType = (typeof LEAVER_TYPES)[number];

export type HighRiskRole = (typeof HIGH_RISK_ROLES)[number];

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

export type ExitReason = (typeof EXIT_REASONS)[number];

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

export type SicknessReason = (typeof SICKNESS_REASONS)[number];

export const OH_REASONS = [
  'mental_health',
  'musculoskeletal',
  'long_term_absence',
  'management_referral',
  'trauma_exposure',
] as const;

/** Indicators written to unit_indicators.csv. */
export const INDICATORS = [
  'staff_survey_wellbeing_score',
  'workload_per_fte',
  'vacancy_rate',
] as const;

/** Age bands of people.csv (age at end_date, or at the last day of the window while in post). */
export const AGE_BANDS = ['under_25', '25_34', '35_44', '45_54', '55_64', '65_plus'] as const;
