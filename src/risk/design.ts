// The inputs of the leaving-risk model: which person-period columns, on what scale, and the design
// matrix built from them (the same columns for the rows a model is fitted on and the rows it scores).
import type { ColumnTable } from 'arquero';
import { aliasedColumnsOf, designColumns } from '../stats/design-matrix.js';

/** One model input: a numeric column divided by `per`, or a categorical / boolean column. */
export interface RiskFeature {
  column: string;
  /** Numeric columns: the unit a coefficient refers to, e.g. 100 (per 100 hours). Omit for categories. */
  per?: number;
  /** Categorical columns: the reference level (odds ratios compare with it). */
  reference?: string;
  /** Plain words for the driver table, e.g. 'per 100 hours of overtime in the last 12 months'. */
  label: string;
}

/**
 * Default inputs. Never sex, ethnicity, disability or age (they are kept aside for fairness checks);
 * `unit_temperature` is the well-being matrix temperature of the person's team in the latest financial
 * year ended by the month (see deriveUnitTemperature).
 */
export const RISK_FEATURES: readonly RiskFeature[] = [
  { column: 'tenure_band', reference: '5–10', label: 'years of service (vs 5–10 years)' },
  { column: 'worker_type', reference: 'officer', label: 'worker type (vs officers)' },
  { column: 'high_risk', label: 'in a high-risk role' },
  {
    column: 'overtime_log2_hours_12m',
    per: 1,
    label: 'per doubling of overtime hours in the last 12 months',
  },
  {
    column: 'overtime_trend_hours',
    per: 100,
    label: 'per 100 hours a year of rising overtime (last 3 months vs 12)',
  },
  { column: 'rest_days_worked_12m', per: 5, label: 'per 5 rest days worked in the last 12 months' },
  {
    column: 'sickness_days_12m',
    per: 10,
    label: 'per 10 days of sickness absence in the last 12 months',
  },
  { column: 'sickness_spells_12m', per: 1, label: 'per sickness spell in the last 12 months' },
  {
    column: 'mental_health_spells_12m',
    per: 1,
    label: 'per mental-health absence in the last 12 months',
  },
  {
    column: 'oh_referrals_12m',
    per: 1,
    label: 'per occupational-health referral in the last 12 months',
  },
  { column: 'welfare_check_overdue', label: 'welfare check overdue (high-risk roles)' },
  { column: 'posting_changes_12m', per: 1, label: 'per posting change in the last 12 months' },
  {
    column: 'unit_temperature',
    per: 1,
    label: "per point of the team's well-being temperature (z)",
  },
];

/**
 * Inputs of the Cox model: the defaults without tenure_band, because service time is the Cox model's
 * time axis (its baseline hazard is the tenure effect; a tenure band is nearly constant in a risk set).
 */
export const COX_FEATURES: readonly RiskFeature[] = RISK_FEATURES.filter(
  (f) => f.column !== 'tenure_band',
);

/** Columns that must never be model inputs: protected characteristics and their proxies in our model. */
export const PROTECTED_COLUMNS: readonly string[] = [
  'sex',
  'ethnicity_group',
  'disability',
  'age_band',
  'birth_year',
  'age_years',
];

/**
 * A design for the risk model: the columns of X for every table row, column names, terms and labels.
 * X is held by column (a Float64Array each: 8 bytes a cell), not as an array per row: a national
 * extract has millions of person-months. designRows gives the rows a fit takes.
 */
export interface RiskDesign {
  /** One array per column of X, a value per table row (numbers divided by `per`). */
  columns: Float64Array[];
  names: string[];
  terms: string[];
  /** Plain label per column of X (feature label, plus the level for categories). */
  labels: string[];
  features: RiskFeature[];
  /** Columns dropped because they were constant or aliased among the fitting rows, with why. */
  dropped: { name: string; reason: string }[];
}

/**
 * The design matrix of `features` over every row of `table` (numbers divided by `per`, categories
 * coded against their reference, R's treatment contrasts), then without the columns that are constant
 * or linear combinations of earlier ones among `fitRows` (R would report them as NA), and, given the
 * outcome, the 0/1 columns whose rows with value 1 are all leavers or all stayers (no estimate exists
 * under such separation; R would warn of fitted probabilities 0 or 1). Throws if a
 * feature is a protected characteristic. `prune: false` keeps every column (only single-level
 * categories are dropped): enough to read a fitted model's columns for other rows (a model's columns
 * are all in it), without the checks' cost.
 * @example const d = riskDesign(pp.table, RISK_FEATURES, trainRows); fitLogistic(designRows(d, trainRows), y, { names: d.names })
 */
export function riskDesign(
  table: ColumnTable,
  features: readonly RiskFeature[] = RISK_FEATURES,
  fitRows?: readonly number[],
  {
    intercept = true,
    outcome,
    prune = true,
  }: { intercept?: boolean; outcome?: readonly (number | null)[]; prune?: boolean } = {},
): RiskDesign {
  const banned = features.filter((f) => PROTECTED_COLUMNS.includes(f.column));
  if (banned.length > 0) {
    throw new Error(
      `riskDesign: ${banned.map((f) => `"${f.column}"`).join(', ')} is a protected characteristic and is never a model input. Remove it from the features; measure fairness with the protected table instead.`,
    );
  }
  const present = features.filter((f) => table.columnNames().includes(f.column));
  const missing = features.filter((f) => !present.includes(f));
  if (missing.length > 0) {
    throw new Error(
      `riskDesign: feature column(s) ${missing.map((f) => `"${f.column}"`).join(', ')} missing. Found: ${table.columnNames().join(', ')}. Build the rows with buildPersonPeriods() or pass your own features.`,
    );
  }
  // A categorical feature with one level in the extract (e.g. staff only, no officers) says nothing:
  // drop it and say so, rather than refuse the whole model.
  const single: { name: string; reason: string }[] = [];
  const used = features.filter((f) => {
    const value = table.getter(f.column);
    const levels = new Set<unknown>();
    let categorical = false;
    for (let i = 0; i < table.numRows() && levels.size < 2; i++) {
      const v = value(i);
      if (v === null || v === undefined) continue;
      if (typeof v === 'string' || typeof v === 'boolean') categorical = true;
      levels.add(v);
    }
    if (!categorical || levels.size > 1) return true;
    single.push({
      name: f.column,
      reason: `a single level (${[...levels].map(String).join('') || 'none'}) in the data`,
    });
    return false;
  });
  const reference = Object.fromEntries(
    used.filter((f) => f.reference !== undefined).map((f) => [f.column, f.reference as string]),
  );
  const d = designColumns(table, { columns: used.map((f) => f.column), reference, intercept });
  const byColumn = new Map(features.map((f) => [f.column, f]));
  const labels = d.names.map((name, j) => {
    const f = byColumn.get(d.terms[j]);
    if (f === undefined) return 'baseline (intercept)';
    if (f.per !== undefined) return f.label;
    const level = name.slice(f.column.length);
    return level === 'TRUE' ? f.label : `${f.label}: ${level}`;
  });
  const scale = d.terms.map((t) => byColumn.get(t)?.per ?? 1);
  // x / 1 is x: only columns with a unit are divided (in place: the arrays are this design's own)
  d.columns.forEach((column, j) => {
    if (scale[j] !== 1) for (let i = 0; i < column.length; i++) column[i] = column[i] / scale[j];
  });
  const X = d.columns;
  const dropped: { name: string; reason: string }[] = [...single];
  if (!prune) {
    return { columns: X, names: d.names, terms: d.terms, labels, features: [...features], dropped };
  }
  const rows = fitRows ?? Array.from({ length: table.numRows() }, (_, i) => i);
  const keep: number[] = [];
  for (let j = 0; j < d.names.length; j++) {
    const column = X[j];
    const first = rows.length > 0 ? column[rows[0]] : undefined;
    const constant = d.names[j] !== '(Intercept)' && rows.every((i) => column[i] === first);
    const split =
      constant || outcome === undefined || d.names[j] === '(Intercept)'
        ? null
        : separated(column, rows, outcome);
    if (constant)
      dropped.push({ name: d.names[j], reason: `constant (${first}) in the fitting rows` });
    else if (split !== null) dropped.push({ name: d.names[j], reason: split });
    else keep.push(j);
  }
  const aliased = new Set(
    aliasedColumnsOf(rows.length, keep.length, (a, x) => {
      const column = X[keep[a]];
      for (let r = 0; r < rows.length; r++) x[r] = column[rows[r]];
    }).map((a) => a.column),
  );
  for (const a of aliased)
    dropped.push({ name: d.names[keep[a]], reason: 'a linear combination of other columns' });
  const final = keep.filter((_, a) => !aliased.has(a));
  return {
    columns: final.map((j) => X[j]),
    names: final.map((j) => d.names[j]),
    terms: final.map((j) => d.terms[j]),
    labels: final.map((j) => labels[j]),
    features: [...features],
    dropped,
  };
}

/**
 * Rows `rows` of a design as arrays, one value per column (what fitLogistic and fitCox take); every
 * row when `rows` is omitted.
 * @example fitLogistic(designRows(design, trainRows), y, { names: design.names })
 */
export function designRows(
  design: Pick<RiskDesign, 'columns'>,
  rows?: readonly number[],
): number[][] {
  const { columns } = design;
  const pick = (i: number) => {
    const row = new Array<number>(columns.length);
    for (let j = 0; j < columns.length; j++) row[j] = columns[j][i];
    return row;
  };
  if (rows === undefined) return Array.from({ length: columns[0]?.length ?? 0 }, (_, i) => pick(i));
  return rows.map(pick);
}

/**
 * The linear predictor x·β of rows `rows` of a design, summed over the columns in order from 0 (as
 * `row.reduce((s, v, j) => s + v * estimate[j], 0)` sums a row).
 * @example linearPredictor(design, testRows, model.estimate)
 */
export function linearPredictor(
  design: Pick<RiskDesign, 'columns'>,
  rows: readonly number[],
  estimate: readonly number[],
): number[] {
  const { columns } = design;
  return rows.map((i) => {
    let s = 0;
    for (let j = 0; j < columns.length; j++) s = s + columns[j][i] * estimate[j];
    return s;
  });
}

// A 0/1 column separates the outcome when its rows with value 1 hold no leaver or no stayer.
function separated(
  column: Float64Array,
  rows: readonly number[],
  outcome: readonly (number | null)[],
): string | null {
  if (!rows.every((i) => column[i] === 0 || column[i] === 1)) return null;
  let ones = 0;
  let events = 0;
  for (const i of rows) {
    if (column[i] === 1) {
      ones++;
      events += outcome[i] ?? 0;
    }
  }
  if (events === 0)
    return `no leavers among the ${ones} fitting rows with this value (no estimate exists)`;
  if (events === ones)
    return `only leavers among the ${ones} fitting rows with this value (no estimate exists)`;
  return null;
}

/**
 * Removes columns from a design in place (columns, names, terms, labels) and records why in
 * `dropped`. Used when a fit finds no finite estimate for them (too few leavers or stayers in a
 * small force).
 * @example dropDesignColumns(design, ['oh_referrals_12m'], 'no finite estimate in the fitting rows')
 */
export function dropDesignColumns(
  design: RiskDesign,
  names: readonly string[],
  reason: string,
): void {
  const gone = new Set(names);
  const keep = design.names.map((name, j) => (gone.has(name) ? -1 : j)).filter((j) => j >= 0);
  design.columns = keep.map((j) => design.columns[j]);
  for (const name of names) if (design.names.includes(name)) design.dropped.push({ name, reason });
  design.names = keep.map((j) => design.names[j]);
  design.terms = keep.map((j) => design.terms[j]);
  design.labels = keep.map((j) => design.labels[j]);
}

/** The design columns an error from fitCox or fitLogistic names as diverging (quoted names). */
export function divergentColumns(error: unknown, names: readonly string[]): string[] {
  const message = error instanceof Error ? error.message : String(error);
  if (!/infinite|separation|monotone/.test(message)) return [];
  return [...message.matchAll(/"([^"]+)"/g)]
    .map((m) => m[1])
    .filter((n) => names.includes(n) && n !== '(Intercept)');
}
