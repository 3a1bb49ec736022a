// Definition cards of the sickness measures of summarizeSickness, shown under its tables and charts.
import type { DefinitionCard } from '../shared/definition.js';

const WORKING_DAYS =
  'Working days are Monday to Friday; bank holidays count as working days unless passed in bankHolidays. A part-time person’s days are scaled by FTE (from fte, or contracted hours ÷ 40).';

/** Definition card: working days lost per FTE. */
export const DAYS_LOST_PER_FTE: DefinitionCard = {
  id: 'days_lost_per_fte',
  title: 'Working days lost per FTE',
  definition:
    'FTE working days lost to sickness in the period divided by the average FTE in post over the period. Spells crossing a period boundary are split between periods by their working days.',
  numerator: 'FTE working days lost (working days of absence × FTE)',
  denominator: 'average FTE in post (FTE × days in post ÷ days in the period, summed)',
  unit: 'working days per FTE',
  source: 'CIPD / Home Office police sickness absence convention (days lost per FTE)',
  notes: WORKING_DAYS,
};

/** Definition card: lost-time rate. */
export const LOST_TIME_RATE: DefinitionCard = {
  id: 'lost_time_rate',
  title: 'Lost-time rate',
  definition:
    'Share of available working time lost to sickness: FTE working days lost divided by FTE working days available, summed over people before dividing (never an average of rates).',
  numerator: 'FTE working days lost in the period',
  denominator: 'FTE working days available (FTE × working days in post in the period)',
  unit: '% of available working days',
  source: 'ACAS, Managing attendance and employee turnover: lost time rate',
  notes: WORKING_DAYS,
};

/** Definition card: frequency rate and individual frequency rate. */
export const SICKNESS_FREQUENCY: DefinitionCard = {
  id: 'sickness_frequency',
  title: 'Frequency rate and individual frequency rate',
  definition:
    'Frequency rate (spells_per_100_people): spells of sickness starting in the period per 100 employees; it can pass 100, as one person can have several spells. Individual frequency rate (people_with_spells_per_100): employees with at least one spell starting in the period per 100 employees.',
  numerator: 'spells starting in the period; people with at least one such spell',
  denominator: 'average headcount over the period',
  unit: 'per 100 employees',
  source:
    'ACAS, Managing attendance and employee turnover: frequency rate, individual frequency rate',
};

/** Definition card: long-term sickness. */
export const LONG_TERM_SICKNESS: DefinitionCard = {
  id: 'long_term_sickness',
  title: 'Long-term sickness share',
  definition:
    'Share of FTE days lost that belong to long-term spells: spells lasting more than 28 calendar days (configurable: longTermDays). A spell still open is measured to the as-of date, so it may turn long-term later.',
  numerator: 'FTE days lost in long-term spells',
  denominator: 'all FTE days lost',
  unit: '% of FTE days lost',
  source: 'Police definition of long-term sickness (more than 28 calendar days)',
};

/** Definition card: mental-health share of days lost. */
export const MENTAL_HEALTH_SHARE: DefinitionCard = {
  id: 'mental_health_share',
  title: 'Share of days lost to mental health',
  definition:
    'FTE days lost in spells whose reason category is mental_health, as a share of all FTE days lost.',
  numerator: 'FTE days lost to mental-health spells',
  denominator: 'all FTE days lost',
  unit: '% of FTE days lost',
  notes:
    'Spells with an unknown reason count in the denominator only, so the share is a lower bound.',
};
