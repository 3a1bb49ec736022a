// Controlled vocabularies of the model, and the configuration that extends or replaces some of them.
import type { ColumnSpec, VocabularyName } from './types.js';

export const WORKER_TYPES = ['officer', 'staff', 'pcso', 'special', 'volunteer'] as const;

/** Home Office leaver types, plus end_of_contract and other for staff and volunteers. */
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

export const SEXES = ['female', 'male', 'other', 'not_stated'] as const;

/** ONS five ethnic groups, plus not_stated. */
export const ETHNICITY_GROUPS = [
  'asian',
  'black',
  'mixed',
  'white',
  'other',
  'not_stated',
] as const;

export const DISABILITY_VALUES = ['yes', 'no', 'not_stated'] as const;

export const HIGH_RISK_ROLES = [
  'child_abuse_investigation',
  'online_child_abuse',
  'offender_management',
  'firearms',
  'control_room',
] as const;

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

export const COMPENSATION_TYPES = ['paid', 'toil', 'unpaid'] as const;

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

export const WELFARE_KINDS = [
  'psychological_screening',
  'welfare_meeting',
  'pause_point_review',
] as const;

/** Configuration of one organisation's model: unit levels, and extra roles and exit reasons. */
export interface DatasetConfig {
  /**
   * Unit level names from the top down, when the mapping declares them (`unit_levels`); empty by
   * default: the order is then read from the units table's parents (any names, any depth).
   */
  unitLevels: string[];
  /** High-risk role categories added to the default list. */
  extraHighRiskRoles: string[];
  /** Exit reasons added to the default list. */
  extraExitReasons: string[];
  /** Month (1–12) in which the financial year starts; default 4 (April). */
  fyStartMonth: number;
  /**
   * First day (epoch day) from which the extract's records are complete (every leaver, event and
   * claim from that day on is in it), or null to take the earliest dated record (io recordsStart).
   */
  recordsFrom: number | null;
}

/**
 * A complete configuration: the defaults overridden by whatever `partial` sets.
 * @example resolveConfig({ unitLevels: ['region', 'area', 'station'] }).extraExitReasons // []
 */
export function resolveConfig(partial: Partial<DatasetConfig> = {}): DatasetConfig {
  const config: DatasetConfig = {
    unitLevels: [],
    extraHighRiskRoles: [],
    extraExitReasons: [],
    fyStartMonth: 4,
    recordsFrom: null,
    ...partial,
  };
  for (const [name, list] of Object.entries(config)) {
    if (name === 'fyStartMonth' || name === 'recordsFrom') continue;
    const bad = (list as unknown[]).filter((v) => typeof v !== 'string' || !/^[a-z0-9_]+$/.test(v));
    if (!Array.isArray(list) || bad.length > 0) {
      throw new Error(
        `config.${name}: expected a list of snake_case names (a-z, 0-9, _); bad: ${JSON.stringify(bad)}.`,
      );
    }
  }
  if (config.recordsFrom !== null && !Number.isInteger(config.recordsFrom)) {
    throw new Error(
      `config.recordsFrom: expected an epoch day (integer) or null, got ${String(config.recordsFrom)}.`,
    );
  }
  const month = config.fyStartMonth;
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new Error(`config.fyStartMonth: expected a month number 1–12 (4 = April), got ${month}.`);
  }
  return config;
}

/**
 * The allowed values of a column under `config`, or undefined when the column takes any value.
 * @example allowedValues(PEOPLE.columns.high_risk_role, config) // the five defaults plus config.extraHighRiskRoles
 */
export function allowedValues(
  column: ColumnSpec,
  config: DatasetConfig,
): readonly string[] | undefined {
  if (column.vocabulary !== undefined) return vocabulary(column.vocabulary, config);
  return column.values;
}

/**
 * The values of a configurable vocabulary under `config`; undefined when any value is allowed (unit
 * levels, unless the mapping declares `unit_levels`).
 */
export function vocabulary(
  name: VocabularyName,
  config: DatasetConfig,
): readonly string[] | undefined {
  switch (name) {
    case 'high_risk_role':
      return [...HIGH_RISK_ROLES, ...config.extraHighRiskRoles];
    case 'exit_reason':
      return [...EXIT_REASONS, ...config.extraExitReasons];
    case 'unit_level':
      return config.unitLevels.length > 0 ? config.unitLevels : undefined;
  }
}

/** WRES-style grouping: every ONS group other than white becomes 'ethnic_minority'. */
export const ETHNIC_MINORITY_GROUPS: Readonly<Record<string, string>> = {
  asian: 'ethnic_minority',
  black: 'ethnic_minority',
  mixed: 'ethnic_minority',
  other: 'ethnic_minority',
  white: 'white',
};
