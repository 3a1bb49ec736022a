// Canonical tables of events about people (exits, overtime, sickness, referrals, checks) and of
// pre-aggregated unit indicators.
import type { TableSchema } from './types.js';
import { COMPENSATION_TYPES, SICKNESS_REASONS, WELFARE_KINDS } from './vocabularies.js';

const personId = {
  type: 'string',
  required: true,
  personal: true,
  description: 'Identifier of the person; must exist in people.',
} as const;

export const EXIT_INTERVIEWS = {
  name: 'exit_interviews',
  description: 'One row per exit interview or exit survey response.',
  key: ['person_id', 'interview_date'],
  columns: {
    person_id: personId,
    interview_date: { type: 'date', description: 'Date of the interview or survey response.' },
    primary_reason: {
      type: 'enum',
      vocabulary: 'exit_reason',
      description: 'Main reason for leaving (controlled vocabulary, extensible by configuration).',
    },
    other_reasons: {
      type: 'list',
      vocabulary: 'exit_reason',
      description: 'Further reasons for leaving, separated by ";" in files.',
    },
    would_recommend: {
      type: 'integer',
      min: 1,
      max: 5,
      description:
        'Would recommend the organisation as an employer, 1 (not at all) to 5 (certainly).',
    },
    would_return: { type: 'boolean', description: 'Would consider returning.' },
    comments: {
      type: 'string',
      freeText: true,
      sensitive: true,
      description: 'Free-text comments; never leave the analyst’s notebook.',
    },
  },
} as const satisfies TableSchema;

export const OVERTIME = {
  name: 'overtime',
  description: 'One row per overtime claim (a person may claim more than once a day).',
  key: [],
  columns: {
    person_id: personId,
    date: { type: 'date', required: true, description: 'Day the overtime was worked.' },
    hours: {
      type: 'number',
      required: true,
      min: 0,
      exclusiveMin: true,
      max: 24,
      description:
        'Hours of overtime claimed, in (0, 24]; more than 16 is accepted with a warning.',
    },
    compensation: {
      type: 'enum',
      values: COMPENSATION_TYPES,
      description: 'How the hours are repaid.',
    },
    reason: {
      type: 'string',
      description: 'Reason for the overtime as recorded (e.g. late arrest).',
    },
    rest_day_worked: { type: 'boolean', description: 'The overtime was worked on a rest day.' },
    start_time: { type: 'time', description: 'Start time HH:MM (optional).' },
    end_time: {
      type: 'time',
      description: 'End time HH:MM (optional; before start_time = next day).',
    },
  },
} as const satisfies TableSchema;

export const SICKNESS = {
  name: 'sickness',
  description: 'One row per sickness absence spell; the spells of one person must not overlap.',
  key: ['person_id', 'start_date'],
  columns: {
    person_id: personId,
    start_date: { type: 'date', required: true, description: 'First day of absence.' },
    end_date: { type: 'date', description: 'Last day of absence; empty while the spell is open.' },
    working_days_lost: {
      type: 'number',
      min: 0,
      description:
        'Working days lost in the spell; when empty, the sickness analyses compute it from the dates and working pattern.',
    },
    reason_category: {
      type: 'enum',
      values: SICKNESS_REASONS,
      sensitive: true,
      description: 'Category of the recorded reason (health data).',
    },
    work_related: { type: 'boolean', description: 'The absence was recorded as caused by work.' },
    rtw_interview_date: { type: 'date', description: 'Date of the return-to-work interview.' },
  },
} as const satisfies TableSchema;

export const OH_REFERRALS = {
  name: 'oh_referrals',
  description: 'One row per referral to occupational health.',
  key: [],
  columns: {
    person_id: personId,
    date: { type: 'date', required: true, description: 'Date of the referral.' },
    reason: {
      type: 'string',
      sensitive: true,
      description: 'Reason for the referral as recorded.',
    },
  },
} as const satisfies TableSchema;

export const WELFARE_CHECKS = {
  name: 'welfare_checks',
  description: 'One row per welfare check held (screening, meeting or pause-point review).',
  key: ['person_id', 'date', 'kind'],
  columns: {
    person_id: personId,
    date: { type: 'date', required: true, description: 'Date of the check.' },
    kind: { type: 'enum', required: true, values: WELFARE_KINDS, description: 'Kind of check.' },
  },
} as const satisfies TableSchema;

export const UNIT_INDICATORS = {
  name: 'unit_indicators',
  description:
    'Pre-aggregated figures per unit and period (staff-survey scores, workload, vacancies, published rates); each row needs value, or numerator and denominator.',
  key: ['unit_id', 'indicator', 'period_start', 'period_end'],
  columns: {
    unit_id: { type: 'string', required: true, description: 'Unit the figure describes.' },
    period_start: { type: 'date', required: true, description: 'First day of the period.' },
    period_end: {
      type: 'date',
      required: true,
      futureAllowed: true,
      description: 'Last day of the period (may lie after the as-of date).',
    },
    indicator: {
      type: 'string',
      required: true,
      description: 'Name of the indicator, snake_case with its unit (e.g. engagement_index_pct).',
    },
    numerator: { type: 'number', description: 'Numerator, when the figure is a ratio.' },
    denominator: {
      type: 'number',
      min: 0,
      description: 'Denominator, when the figure is a ratio.',
    },
    value: {
      type: 'number',
      description: 'The figure (numerator / denominator when both are given).',
    },
  },
} as const satisfies TableSchema;

export const PERSON_MEASURES = {
  name: 'person_measures',
  description:
    'Figures about one person over a period that the export gives already summed (pay by component from a payroll earnings report, hours absent in a month); several rows may share a person, period and measure. Personal: analyses aggregate them before anything is published.',
  key: [],
  columns: {
    person_id: personId,
    period_start: { type: 'date', required: true, description: 'First day of the period.' },
    period_end: { type: 'date', required: true, description: 'Last day of the period.' },
    measure: {
      type: 'string',
      required: true,
      description:
        'What the figure is, snake_case with its unit (e.g. overtime_pay_usd, absence_hours).',
    },
    value: {
      type: 'number',
      required: true,
      description:
        'The figure, in the unit its measure names (may be negative, e.g. a pay clawback).',
    },
    category: {
      type: 'string',
      sensitive: true,
      description:
        'A breakdown of the measure as recorded (e.g. the reason for an absence: may be health data).',
    },
    role: { type: 'string', description: 'Role or job title in the period, as recorded.' },
    unit_id: { type: 'string', description: 'Unit the person was in, when the export says.' },
  },
} as const satisfies TableSchema;
