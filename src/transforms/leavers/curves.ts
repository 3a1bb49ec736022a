// Arquero adapters for survival curves: one curve per group as a long table, and disclosure truncation.
// Steps: check the columns → split rows by the `by` columns → fit each group with the array functions →
// stack the steps with the group columns in front, ready for charts and disclosure control.
import { type ColumnTable, table as toTable } from 'arquero';
import { fitAalenJohansen } from '../../stats/survival/aalen-johansen.js';
import { fitKaplanMeier } from '../../stats/survival/kaplan-meier.js';
import type { ConfType } from '../../stats/survival/confint.js';
import { checkColumns } from '../../shared/columns.js';

export interface SurvivalByOptions {
  /** Column of entry times (service at the data-window start); omit when everyone is followed from 0. */
  entry?: string;
  /** Column of exit or censoring times, e.g. 'service_years'. */
  time: string;
  /** Grouping column(s); omit for one curve labelled 'all'. */
  by?: string | string[];
  weights?: string;
  confType?: ConfType;
  confLevel?: number;
}

/**
 * Returns one Kaplan–Meier curve per group as an arquero table: the `by` columns, `group` (their values
 * joined with ' / ', 'missing' for empty values), then time, n_risk, n_event, n_censor, surv, std_err
 * (of -log surv, as R), surv_std_err, lower, upper — one row per distinct time in the group, as
 * fitKaplanMeier defines them. `time` is in the unit of the input column.
 * @example fitKaplanMeierBy(people, { entry: 'entry_years', time: 'service_years', event: 'left', by: 'sex' })
 */
export function fitKaplanMeierBy(
  table: ColumnTable,
  { event, ...options }: SurvivalByOptions & { event: string },
): ColumnTable {
  const groups = splitRows('fitKaplanMeierBy', table, options, [event]);
  const flag = table.array(event) as ArrayLike<boolean | number>;
  return stack(table, groups, options, (rows, data) => {
    const fit = fitKaplanMeier(
      { ...data, time: data.time!, event: rows.map((i) => flag[i]) },
      { confType: options.confType, confLevel: options.confLevel },
    );
    return fit.steps;
  });
}

/**
 * Returns one cumulative-incidence curve of `event` per group (other causes competing) as an arquero
 * table: the `by` columns, `group`, then the columns of fitAalenJohansen's steps (time, n_risk, n_event,
 * n_competing, n_censor, cif, std_err, lower, upper, surv, surv_std_err). An empty `cause` is censoring.
 * @example fitAalenJohansenBy(people, { time: 'service_years', cause: 'leaver_type', event: 'voluntary_resignation', by: 'sex' })
 */
export function fitAalenJohansenBy(
  table: ColumnTable,
  { cause, event, ...options }: SurvivalByOptions & { cause: string; event: string },
): ColumnTable {
  const groups = splitRows('fitAalenJohansenBy', table, options, [cause]);
  const causes = table.array(cause) as ArrayLike<string | null | undefined>;
  if (!Array.from(causes).includes(event)) {
    throw new Error(
      `fitAalenJohansenBy: no row has ${cause} = "${event}". Pass a cause that occurs in the data.`,
    );
  }
  return stack(table, groups, options, (rows, data) => {
    const fit = fitAalenJohansen(
      { ...data, time: data.time!, cause: rows.map((i) => causes[i]) },
      { event, absentEvent: 'zero', confType: options.confType, confLevel: options.confLevel },
    );
    return fit.steps;
  });
}

/**
 * Returns the curves cut at the first step backed by fewer than `minAtRisk` people at risk (that step
 * and all later ones dropped, per curve), so no published step rests on a small risk set. Cutting at the
 * first failure, not filtering steps, also covers curves whose risk set grows again through late entry.
 * Curves are told apart by `by` (default: the `group` column when present, else one curve).
 * @example keepStepsWithRisk(fitKaplanMeierBy(people, { time: 'service_years', event: 'left', by: 'sex' }), 10)
 */
export function keepStepsWithRisk(
  table: ColumnTable,
  minAtRisk: number,
  { by }: { by?: string } = {},
): ColumnTable {
  const fn = 'keepStepsWithRisk';
  if (typeof minAtRisk !== 'number' || !Number.isFinite(minAtRisk) || minAtRisk < 0) {
    throw new Error(
      `${fn}: minAtRisk is ${String(minAtRisk)}. Pass the disclosure minimum, e.g. 10.`,
    );
  }
  const curve = by ?? (table.columnNames().includes('group') ? 'group' : undefined);
  checkColumns(fn, table, ['n_risk', ...(curve ? [curve] : [])]);
  const risk = table.array('n_risk') as ArrayLike<number>;
  const keys = curve ? (table.array(curve) as ArrayLike<unknown>) : null;
  const stopped = new Set<unknown>();
  const keep: number[] = [];
  for (let i = 0; i < table.numRows(); i += 1) {
    const key = keys ? keys[i] : 'all';
    if (!stopped.has(key) && risk[i] < minAtRisk) stopped.add(key);
    if (!stopped.has(key)) keep.push(i);
  }
  return toTable(
    Object.fromEntries(table.columnNames().map((name) => [name, pick(table.array(name), keep)])),
  );
}

type Fitter = (rows: number[], data: Record<string, number[] | undefined>) => object[];

interface Group {
  label: string;
  values: unknown[];
  rows: number[];
}

const STEP_COLUMNS = ['time', 'n_risk', 'n_event', 'n_competing', 'n_censor', 'cif', 'surv'];

/** The `by` option as a list of column names. */
function byColumns(options: SurvivalByOptions): string[] {
  return options.by === undefined ? [] : Array.isArray(options.by) ? options.by : [options.by];
}

/** Checks the columns and returns the row indices of each group, sorted by label. */
function splitRows(
  fn: string,
  table: ColumnTable,
  options: SurvivalByOptions,
  extra: string[],
): Group[] {
  const by = byColumns(options);
  const optional = [options.entry, options.weights].filter((c): c is string => c !== undefined);
  checkColumns(fn, table, [options.time, ...extra, ...optional, ...by]);
  const clash = by.filter(
    (name) => STEP_COLUMNS.includes(name) || /std_err|lower|upper/.test(name),
  );
  if (clash.length > 0) {
    throw new Error(
      `${fn}: by column "${clash.join('", "')}" clashes with a step column. Rename it first.`,
    );
  }
  const keys = by.map((name) => table.array(name) as ArrayLike<unknown>);
  const groups = new Map<string, Group>();
  for (let i = 0; i < table.numRows(); i += 1) {
    const values = keys.map((column) => column[i]);
    const label =
      by.length === 0
        ? 'all'
        : values.map((v) => (v == null || v === '' ? 'missing' : String(v))).join(' / ');
    const group = groups.get(label) ?? { label, values, rows: [] };
    group.rows.push(i);
    groups.set(label, group);
  }
  return [...groups.values()].sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

/** Fits every group and stacks the steps under the group columns (by columns, then `group`). */
function stack(
  table: ColumnTable,
  groups: Group[],
  options: SurvivalByOptions,
  fit: Fitter,
): ColumnTable {
  const by = byColumns(options);
  const column = (name: string | undefined) =>
    name === undefined ? undefined : (table.array(name) as ArrayLike<number>);
  const [entry, time, weights] = [
    column(options.entry),
    column(options.time)!,
    column(options.weights),
  ];
  // A by column named `group` serves as the label column itself.
  const label = by.includes('group') ? [] : ['group'];
  const columns: Record<string, unknown[]> = Object.fromEntries(
    [...by, ...label].map((n) => [n, []]),
  );
  for (const group of groups) {
    const steps = fit(group.rows, {
      entry: entry && (pick(entry, group.rows) as number[]),
      time: pick(time, group.rows) as number[],
      weights: weights && (pick(weights, group.rows) as number[]),
    });
    for (const step of steps) {
      by.forEach((name, b) => columns[name].push(group.values[b]));
      if (label.length > 0) columns.group.push(group.label);
      for (const [name, value] of Object.entries(step)) (columns[name] ??= []).push(value);
    }
  }
  return toTable(columns);
}

function pick(values: ArrayLike<unknown>, rows: number[]): unknown[] {
  return rows.map((i) => values[i]);
}
