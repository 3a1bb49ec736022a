// Definition cards of the welfare-check measures for people in high-risk roles.
import type { DefinitionCard } from '../shared/definition.js';

/** Definition card: who counts as high-risk staff. */
export const HIGH_RISK_STAFF: DefinitionCard = {
  id: 'high_risk_staff',
  title: 'Staff in high-risk roles',
  definition:
    'People in post on the status day whose posting that day is flagged high-risk (child abuse investigation, online child abuse, offender management, firearms, control room, plus any configured). Time in role runs from the first day of the unbroken run of postings in the same high-risk category.',
  unit: 'people',
  notes:
    'Without a posting history, the people table’s current high-risk role and start date are used, so time in role is time in the organisation.',
};

/** Definition card: welfare checks overdue. */
export const WELFARE_CHECKS_OVERDUE: DefinitionCard = {
  id: 'welfare_checks_overdue',
  title: 'Welfare checks overdue',
  definition:
    'Share of staff in high-risk roles with at least one check past its due date on the status day: a psychological screening every 12 months (the first within 30 days of entering the role); a pause-point review at 3, 6 and 12 months and 3 years in role (a review up to 30 days early counts); a welfare meeting at a set interval when the force has one. All intervals are configurable (cadence).',
  numerator: 'staff in high-risk roles with a check overdue',
  denominator: 'staff in high-risk roles on the status day',
  unit: '% of high-risk staff',
  source:
    'Pause-point reviews and annual screening as practised by forces with mandatory psychological screening for high-risk roles (e.g. the College of Policing / Oscar Kilo guidance on psychological risk management)',
  notes:
    'Checks before the first recorded check are unknown: someone in role before records began is assumed screened (and met) on that day, and pause points before it are not tested, so overdue figures are lower bounds in early periods.',
};

/** Definition card: longest delay in a unit. */
export const WELFARE_LONGEST_OVERDUE: DefinitionCard = {
  id: 'welfare_longest_overdue',
  title: 'Longest overdue and longest without any check',
  definition:
    'For the most overdue person in the unit, completed months (of 30.44 days) since their first overdue check fell due; and, for the person longest without any welfare check of any kind, completed months since that check (or since entering the role, or records began, when none).',
  unit: 'months',
  notes:
    'Published only for units with at least the minimum group size of high-risk staff, and never with the person’s name: a long delay calls for the unit to arrange the checks, not for a list in a report.',
};
