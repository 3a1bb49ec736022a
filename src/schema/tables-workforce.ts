// Canonical tables of the workforce itself: units (the hierarchy), people (employment spells), postings.
import type { TableSchema } from './types.js';
import {
  DISABILITY_VALUES,
  ETHNICITY_GROUPS,
  LEAVER_TYPES,
  SEXES,
  WORKER_TYPES,
} from './vocabularies.js';

const personId = {
  type: 'string',
  required: true,
  personal: true,
  description:
    'Identifier of the person, the same in every table (kept as text: leading zeros count; pseudonymised at load when a key is given).',
} as const;

export const UNITS = {
  name: 'units',
  description: 'One row per organisational unit; parent_id links each unit to the unit above it.',
  key: ['unit_id'],
  columns: {
    unit_id: { type: 'string', required: true, description: 'Identifier of the unit.' },
    parent_id: {
      type: 'string',
      description: 'unit_id of the unit above; empty for the top of the hierarchy.',
    },
    name: { type: 'string', description: 'Display name of the unit.' },
    level: {
      type: 'enum',
      required: true,
      vocabulary: 'unit_level',
      description:
        'Level in the hierarchy, any name (e.g. region, bcu, station); the order of levels is read from the parents.',
    },
  },
} as const satisfies TableSchema;

export const PEOPLE = {
  name: 'people',
  description:
    'One row per employment spell: a person who left and rejoined has two rows with different start_date.',
  key: ['person_id', 'start_date'],
  columns: {
    person_id: personId,
    worker_type: {
      type: 'enum',
      required: true,
      values: WORKER_TYPES,
      description: 'Kind of worker.',
    },
    rank_or_grade: { type: 'string', description: 'Police rank (officers) or pay grade (staff).' },
    unit_id: { type: 'string', description: 'Unit of the current (or last) posting.' },
    role: { type: 'string', description: 'Role or job title of the current (or last) posting.' },
    high_risk_role: {
      type: 'enum',
      vocabulary: 'high_risk_role',
      description:
        'High-risk role category of the current posting; empty when the role is not high-risk.',
    },
    fte: {
      type: 'number',
      min: 0,
      exclusiveMin: true,
      max: 1.5,
      description: 'Full-time equivalent, in (0, 1.5]; 1 = full time.',
    },
    contracted_hours_per_week: {
      type: 'number',
      min: 0,
      exclusiveMin: true,
      max: 80,
      description: 'Contracted hours per week, in (0, 80].',
    },
    service_start_date: {
      type: 'date',
      description: 'Date the person joined the service (any force or employer in the sector).',
    },
    start_date: {
      type: 'date',
      required: true,
      description: 'Date the person joined this organisation.',
    },
    end_date: { type: 'date', description: 'Last day of the spell; empty while in post.' },
    leaver_type: {
      type: 'enum',
      values: LEAVER_TYPES,
      description:
        'Why the spell ended (Home Office leaver types); required exactly when end_date is set.',
    },
    entry_route: {
      type: 'string',
      description:
        'How the person joined, e.g. pcda, dhep, ipldp, direct_entry, transferee (free vocabulary).',
    },
    sex: {
      type: 'enum',
      values: SEXES,
      sensitive: true,
      description: 'Sex as recorded; empty = missing (measured, never guessed).',
    },
    ethnicity_group: {
      type: 'enum',
      values: ETHNICITY_GROUPS,
      sensitive: true,
      description: 'ONS five-group ethnicity, or not_stated; empty = missing.',
    },
    disability: {
      type: 'enum',
      values: DISABILITY_VALUES,
      sensitive: true,
      description: 'Declared disability; empty = missing.',
    },
    birth_year: {
      type: 'integer',
      min: 1900,
      max: 2100,
      personal: true,
      description: 'Year of birth (may be left empty when only age_band is known).',
    },
    age_band: {
      type: 'string',
      personal: true,
      description: 'Age band as exported, e.g. 25-29 or 60+ (used when birth_year is absent).',
    },
  },
} as const satisfies TableSchema;

export const POSTINGS = {
  name: 'postings',
  description: 'Optional posting history: one row per period a person spent in a unit and role.',
  key: ['person_id', 'from_date'],
  columns: {
    person_id: personId,
    unit_id: { type: 'string', required: true, description: 'Unit of the posting.' },
    role: { type: 'string', description: 'Role or job title in the posting.' },
    high_risk_role: {
      type: 'enum',
      vocabulary: 'high_risk_role',
      description: 'High-risk role category of the posting; empty when not high-risk.',
    },
    from_date: { type: 'date', required: true, description: 'First day of the posting.' },
    to_date: { type: 'date', description: 'Last day of the posting; empty while current.' },
  },
} as const satisfies TableSchema;
