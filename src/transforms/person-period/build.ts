// The person-period table of the leaving-risk model: one row per person per month in post.
// Steps: month range → monthly event series per person → one row per spell-month (posting, tenure,
// windows of events, outcome) → the well-being matrix temperature of the person's team; protected
// characteristics go to a separate table.
import type { ColumnTable } from 'arquero';
import { ColumnBuilder } from '../../io/column-builder.js';
import { arrowTable } from '../../io/arrow-tables.js';
import type { Dataset } from '../../io/load-dataset.js';
import { dateParts } from '../../time/dates.js';
import type { DefinitionCard } from '../shared/definition.js';
import { eventSeries, lastOnOrBefore } from './events.js';
import { JL6_EDGES, completedMonths, serviceBandLabels } from '../leavers/service-bands.js';
import { unitTree } from '../units/hierarchy.js';
import { deriveUnitTemperature, type UnitTemperatureOptions } from './unit-temperature.js';
import { personPostings, postingAt } from './postings.js';
import {
  ageBand,
  bandOf,
  countChanges,
  OUTPUT_COLUMNS,
  PEOPLE_COLUMNS,
  PROTECTED_PERIOD_COLUMNS,
} from './columns.js';
import { checkColumns } from '../../shared/columns.js';
import { monthEnd, monthIndex, monthLabel, parseMonthLabel } from '../../time/months.js';
import { dataEnd, recordsStart } from '../../io/coverage.js';
import { InsufficientDataError } from '../../shared/errors.js';

export interface PersonPeriodOptions {
  /** Outcome: voluntary resignation within this many months after the month (default 12). */
  horizonMonths?: number;
  /** First month 'yyyy-mm' (default: 12 months after the month records start — see personPeriodWindow — so every 12-month window is complete). */
  from?: string;
  /** Last month 'yyyy-mm' (default: the last month ending by the as-of date or the extract's last date, the latest date in people, overtime and sickness, whichever is earlier). */
  to?: string;
  /** A high-risk posting with no welfare check for more than this many days is overdue (default 365). */
  welfareOverdueDays?: number;
  /** Service band edges in years (default Home Office JL6). */
  tenureEdges?: readonly number[];
  /** The unit temperature: level (default the lowest, e.g. team), normalisation, indicators, weights (see deriveUnitTemperature). */
  temperature?: Omit<UnitTemperatureOptions, 'fyStartMonth'>;
}

/** The model rows and, aligned row for row and keyed by person_id + month, the protected characteristics. */
export interface PersonPeriods {
  table: ColumnTable;
  /** person_id, month, sex, ethnicity_group, disability, age_band: for fairness checks only, never model inputs. */
  protected: ColumnTable;
  horizonMonths: number;
  from: string;
  to: string;
  /** End of follow-up: the as-of date, or the extract's last date when earlier. */
  asOf: number;
}

export const PERSON_PERIOD: DefinitionCard = {
  id: 'person_period',
  title: 'Person-months for the leaving-risk model',
  definition:
    'One row per person per calendar month in which they are in post on the last day (and have not left that day). Features are measured over windows ending on that day; the outcome is a voluntary resignation with a leaving date in the following 6 or 12 months.',
  unit: 'person-months',
  notes:
    'The outcome is unknown (null) when the horizon runs past the as-of date and the person has not resigned by then. Tenure counts from service_start_date (start_date when missing). Sickness days are calendar days of absence; rest days worked count overtime claims marked rest_day_worked. Unit temperature is the well-being matrix temperature of the person’s team (z-scores against the force, analyst mode) in the latest financial year that ended by the month end; 0 when there is none. Sex, ethnicity, disability and age are kept in a separate table for fairness checks and are never model inputs.',
};

/**
 * Person-month rows for the leaving-risk model: tenure (months, JL6 band), worker type, rank, role,
 * high-risk flag, unit and its temperature, overtime hours in the last 3 and 12 months (and log2(1 + the
 * 12-month hours), since overtime acts multiplicatively) and their trend
 * (4 × last 3 months − last 12, hours a year), rest days worked, sickness spells, days and
 * mental-health spells, OH referrals (last 12 months), an overdue welfare check (high-risk postings),
 * posting changes (12 months) and the outcome `resigned_within_horizon` (1, 0, null when unknown);
 * plus `service_days`, `next_service_days`, `resigned_next_month` for Cox (start, stop] intervals.
 * @example const pp = buildPersonPeriods(data, { horizonMonths: 12 }); pp.table.numRows()
 */
export function buildPersonPeriods(
  data: Pick<Dataset, 'tables' | 'asOf'> & {
    config?: Partial<Pick<Dataset['config'], 'fyStartMonth' | 'recordsFrom'>>;
  },
  options: PersonPeriodOptions = {},
): PersonPeriods {
  const fn = 'buildPersonPeriods';
  const { horizonMonths = 12, welfareOverdueDays = 365, tenureEdges = JL6_EDGES } = options;
  if (!Number.isInteger(horizonMonths) || horizonMonths < 1 || horizonMonths > 36) {
    throw new Error(
      `${fn}: horizonMonths ${horizonMonths} must be a whole number of months 1–36 (6 or 12 are usual).`,
    );
  }
  const { tables } = data;
  // Follow-up ends at the as-of date or at the last date the extract holds, whichever is earlier: an
  // extract read after it was taken must not count its people as staying after it ends.
  const asOf = dataEnd(data);
  const people = tables.people;
  checkColumns(fn, people, ['person_id', 'worker_type', 'start_date', 'end_date', 'leaver_type']);
  checkColumns(fn, tables.overtime, ['person_id', 'date', 'hours']);
  checkColumns(fn, tables.sickness, ['person_id', 'start_date', 'end_date']);
  const { firstMonth, lastMonth } = personPeriodWindow(data, options);
  const k0 = firstMonth - 12;
  const series = eventSeries(tables, k0, lastMonth - k0 + 1, asOf);
  const postings = personPostings(tables.postings);
  const labels = serviceBandLabels(tenureEdges);
  const col = (name: string) =>
    people.columnNames().includes(name) ? (people.array(name) as ArrayLike<unknown>) : null;
  const [pid, wtype, rank, role, hrr, unit, fte, sstart, start, end, ltype, sex, eth, dis, by, ab] =
    PEOPLE_COLUMNS.map(col);
  // columns built compactly (typed numbers, text as codes): a national force has millions of rows
  const out = Object.fromEntries(OUTPUT_COLUMNS.map((c) => [c, new ColumnBuilder()]));
  const prot = Object.fromEntries(PROTECTED_PERIOD_COLUMNS.map((c) => [c, new ColumnBuilder()]));
  const months = new Map<number, string>();
  const labelOf = (k: number) => {
    let label = months.get(k);
    if (label === undefined) months.set(k, (label = monthLabel(k)));
    return label;
  };
  for (let i = 0; i < people.numRows(); i++) {
    const p = pid![i] as string;
    const s = start![i] as number;
    const e = (end![i] as number | null) ?? null;
    const since = (sstart?.[i] as number | null) ?? s;
    const resigned = ltype![i] === 'voluntary_resignation' && e !== null;
    const kFirst = Math.max(firstMonth, monthIndex(s));
    const kLast = Math.min(lastMonth, e === null ? lastMonth : monthIndex(e));
    for (let k = kFirst; k <= kLast; k++) {
      const E = monthEnd(k);
      if (E < s || (e !== null && e <= E) || E > asOf) continue;
      const post = postingAt(postings.get(p), E, {
        unit_id: (unit?.[i] as string | null) ?? null,
        role: (role?.[i] as string | null) ?? null,
        high_risk_role: (hrr?.[i] as string | null) ?? null,
        from_date: s,
      });
      const highRisk = post.high_risk_role !== null && post.high_risk_role !== '';
      const lastCheck = lastOnOrBefore(series.welfare.get(p), E);
      const reference = Math.max(lastCheck ?? -Infinity, post.from_date);
      const tenure = completedMonths(since, E + 1);
      const ot3 = series.overtimeHours.window(p, k, 3);
      const ot12 = series.overtimeHours.window(p, k, 12);
      const horizonEnd = monthEnd(k + horizonMonths);
      const event = resigned && (e as number) > E && (e as number) <= horizonEnd;
      const nextEnd = Math.min(monthEnd(k + 1), e ?? Infinity, asOf);
      const row: Record<string, unknown> = {
        person_id: p,
        month: labelOf(k),
        month_end_date: E,
        worker_type: wtype![i],
        rank_or_grade: rank?.[i] ?? null,
        role: post.role,
        high_risk_role: highRisk ? post.high_risk_role : null,
        high_risk: highRisk,
        unit_id: post.unit_id,
        fte: (fte?.[i] as number | null) ?? 1,
        tenure_months: Math.max(0, tenure),
        tenure_band: labels[bandOf(Math.max(0, tenure) / 12, tenureEdges)],
        overtime_hours_3m: ot3,
        overtime_hours_12m: ot12,
        overtime_log2_hours_12m: Math.log2(1 + ot12),
        overtime_trend_hours: 4 * ot3 - ot12,
        rest_days_worked_12m: series.restDays.window(p, k, 12),
        sickness_spells_12m: series.sicknessSpells.window(p, k, 12),
        sickness_days_12m: series.sicknessDays.window(p, k, 12),
        mental_health_spells_12m: series.mentalHealthSpells.window(p, k, 12),
        oh_referrals_12m: series.ohReferrals.window(p, k, 12),
        welfare_check_overdue: highRisk && E - reference > welfareOverdueDays,
        posting_changes_12m: countChanges(postings.get(p), s, E),
        service_days: E - since + 1,
        next_service_days: nextEnd > E ? nextEnd - since + 1 : null,
        resigned_next_month: nextEnd > E ? (resigned && (e as number) <= nextEnd ? 1 : 0) : null,
        resigned_within_horizon: event ? 1 : horizonEnd <= asOf ? 0 : null,
      };
      for (const c of OUTPUT_COLUMNS) out[c].push(row[c]);
      const age = by?.[i] == null ? null : dateParts(E).year - (by[i] as number);
      prot.person_id.push(p);
      prot.month.push(row.month);
      prot.sex.push(sex?.[i] ?? null);
      prot.ethnicity_group.push(eth?.[i] ?? null);
      prot.disability.push(dis?.[i] ?? null);
      prot.age_band.push(age === null ? (ab?.[i] ?? null) : ageBand(age));
    }
  }
  return {
    table: deriveUnitTemperature(arrowOf(out), tables, unitTree(tables.units), {
      ...options.temperature,
      fyStartMonth: data.config?.fyStartMonth ?? 4,
      asOf,
    }),
    protected: arrowOf(prot),
    horizonMonths,
    from: monthLabel(firstMonth),
    to: monthLabel(lastMonth),
    asOf,
  };
}

/** An Arrow-backed table of built columns, in their order. */
function arrowOf(columns: Record<string, ColumnBuilder>): ColumnTable {
  return arrowTable(Object.entries(columns).map(([name, column]) => [name, column.toArrow()]));
}

/** The months person-period rows can cover, and where the records behind them start. */
export interface PersonPeriodWindow {
  /** First month of records the features look back on (month index, see monthIndex). */
  recordsFrom: number;
  /** What set recordsFrom: 'overtime', 'sickness' or 'records'. */
  source: string;
  /** For 'records': where their first day came from ('records_from in the mapping', 'the earliest people.end_date'). */
  basis: string;
  /** First and last month of rows (month indices): recordsFrom + 12 (or options.from) to options.to or the last month of the data. */
  firstMonth: number;
  lastMonth: number;
}

/** Monthly tables whose 12-month windows are features: their first record is when their history starts. */
const MONTHLY_TABLES: [name: 'overtime' | 'sickness', column: string][] = [
  ['overtime', 'date'],
  ['sickness', 'start_date'],
];

/**
 * The months of person-period rows. Records start at the later of the window start (config
 * records_from, else the earliest leaving or event date: recordsStart) and the first record of each
 * monthly table present (overtime, sickness), so no feature window reaches before its table begins; no
 * table is required. Rows start 12 months later (the features' look-back) and end with the last month
 * of the data (or options.from / options.to). Throws InsufficientDataError, naming what is short, when
 * no month is left.
 * @example monthLabel(personPeriodWindow(data).firstMonth) // '2021-04' for records from 2020-04
 */
export function personPeriodWindow(
  data: Pick<Dataset, 'tables' | 'asOf'> & {
    config?: Partial<Pick<Dataset['config'], 'recordsFrom'>>;
  },
  options: Pick<PersonPeriodOptions, 'from' | 'to'> = {},
): PersonPeriodWindow {
  const fn = 'buildPersonPeriods';
  const { recordsFrom, source, basis, lastMonth } = recordsWindow(data, options.to);
  if (!Number.isFinite(recordsFrom) && !options.from) {
    throw new InsufficientDataError(
      `${fn}: needs dated records (leaving dates, overtime or sickness) to know when the extract's history starts; the extract has none. Map people.end_date, or set config.records_from in the mapping (yyyy-mm-dd).`,
      'dated records',
    );
  }
  const firstMonth = options.from
    ? parseMonthLabel(options.from, `${fn}: options.from`)
    : recordsFrom + 12;
  if (firstMonth > lastMonth) {
    if (options.from) {
      throw new Error(
        `${fn}: no months between from ${monthLabel(firstMonth)} and to ${monthLabel(lastMonth)}. Give options.from before options.to (yyyy-mm).`,
      );
    }
    throw new InsufficientDataError(
      `${fn}: needs 13 months of records per person (12 months that the features look back on, then a month to model); the extract has ${historyText(recordsFrom, lastMonth, source, basis)}. Load a longer extract.`,
      '13 months of records per person',
    );
  }
  return { recordsFrom, source, basis, firstMonth, lastMonth };
}

/**
 * Months of records the leaving-risk model needs: 12 months of look-back for the features, then for
 * out-of-time validation a training stretch whose outcomes are known before a test year with known
 * outcomes (12 + 2 × horizon + 13 months: 49 for a 12-month horizon), for cross-validation one month
 * with a known outcome (12 + horizon + 1).
 * @example riskHistoryMonths(12, 'out-of-time') // 49
 */
export function riskHistoryMonths(horizonMonths: number, scheme: 'out-of-time' | 'cv'): number {
  return scheme === 'out-of-time' ? 12 + 2 * horizonMonths + 13 : 12 + horizonMonths + 1;
}

/**
 * Throws InsufficientDataError, naming what is short, when the extract has fewer months of records
 * than the leaving-risk model needs (riskHistoryMonths); returns the window otherwise.
 * @example checkRiskHistory(data, { horizonMonths: 12, scheme: 'out-of-time' }) // throws on 12 months of overtime
 */
export function checkRiskHistory(
  data: Pick<Dataset, 'tables' | 'asOf'> & {
    config?: Partial<Pick<Dataset['config'], 'recordsFrom'>>;
  },
  options: { horizonMonths: number; scheme: 'out-of-time' | 'cv' },
): PersonPeriodWindow {
  const needed = riskHistoryMonths(options.horizonMonths, options.scheme);
  const window = recordsWindow(data);
  if (!Number.isFinite(window.recordsFrom)) personPeriodWindow(data); // throws: no dated records
  const have = window.lastMonth - window.recordsFrom + 1;
  if (have < needed) {
    const fix =
      options.scheme === 'out-of-time'
        ? `Validate by cross-validation (--validate cv, needs ${riskHistoryMonths(options.horizonMonths, 'cv')} months)${options.horizonMonths > 6 ? `, use a 6-month horizon (needs ${riskHistoryMonths(6, 'out-of-time')} months)` : ''} or load a longer extract.`
        : options.horizonMonths > 6
          ? `Use a 6-month horizon (needs ${riskHistoryMonths(6, 'cv')} months) or load a longer extract.`
          : 'Load a longer extract.';
    throw new InsufficientDataError(
      `needs ${needed} months of records per person (12 months of look-back for the features, then ${options.scheme === 'out-of-time' ? `training months, a ${options.horizonMonths}-month gap and a test year with known ${options.horizonMonths}-month outcomes` : `a month with a known ${options.horizonMonths}-month outcome`}); the extract has ${historyText(window.recordsFrom, window.lastMonth, window.source, window.basis)}. ${fix}`,
      `${needed} months of records per person (has ${Math.max(0, have)})`,
    );
  }
  return { ...window, firstMonth: window.recordsFrom + 12 };
}

/** Where records start (later of the window start and each monthly table's first record) and the last month. */
function recordsWindow(
  data: Pick<Dataset, 'tables' | 'asOf'> & {
    config?: Partial<Pick<Dataset['config'], 'recordsFrom'>>;
  },
  to?: string,
): Omit<PersonPeriodWindow, 'firstMonth'> {
  const asOf = dataEnd(data);
  const lastMonth = to
    ? parseMonthLabel(to, 'buildPersonPeriods: options.to')
    : monthIndex(asOf + 1) - 1;
  let recordsFrom = -Infinity;
  let source = '';
  let basis = '';
  try {
    const start = recordsStart({
      tables: data.tables,
      config: { recordsFrom: data.config?.recordsFrom ?? null } as Dataset['config'],
    });
    recordsFrom = monthIndex(start.day);
    source = 'records';
    basis = start.source.replace('the earliest date in the extract, ', 'the earliest ');
  } catch {
    // no dated records: the monthly tables (if any) set the start
  }
  for (const [name, column] of MONTHLY_TABLES) {
    const t = data.tables[name];
    if (!t || t.numRows() === 0 || !t.columnNames().includes(column)) continue;
    const values = t.array(column) as ArrayLike<number | null>;
    let first = Infinity;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v !== null && v !== undefined && v < first) first = v;
    }
    if (Number.isFinite(first) && monthIndex(first) > recordsFrom) {
      recordsFrom = monthIndex(first);
      source = name;
      basis = '';
    }
  }
  return { recordsFrom, source, basis, lastMonth };
}

function historyText(
  recordsFrom: number,
  lastMonth: number,
  source: string,
  basis: string,
): string {
  const have = lastMonth - recordsFrom + 1;
  const from = basis ? `, from ${basis}` : '';
  return have <= 0
    ? `no month of ${source} before ${monthLabel(lastMonth)}${from}`
    : `${have} month${have === 1 ? '' : 's'} of ${source} (${monthLabel(recordsFrom)} to ${monthLabel(lastMonth)}${from})`;
}
