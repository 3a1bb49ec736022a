// The IBM HR attrition benchmark (a fictional, widely used data set): the direct path from its CSV
// columns to the kit's cross-validated logistic model, without the canonical tables (it has no dates).
import { table as toTable, type ColumnTable } from 'arquero';
import type { RiskFeature } from './design.js';

/** Columns of WA_Fn-UseC_-HR-Employee-Attrition.csv used as inputs (numbers per 1 unit unless said). */
export const IBM_FEATURES: readonly RiskFeature[] = [
  { column: 'OverTime', reference: 'No', label: 'works overtime (vs not)' },
  { column: 'BusinessTravel', reference: 'Non-Travel', label: 'business travel (vs none)' },
  { column: 'Department', reference: 'Research & Development', label: 'department (vs R&D)' },
  {
    column: 'EducationField',
    reference: 'Life Sciences',
    label: 'education field (vs life sciences)',
  },
  { column: 'JobLevel', per: 1, label: 'per job level' },
  { column: 'MonthlyIncome', per: 1000, label: 'per 1,000 of monthly income' },
  { column: 'StockOptionLevel', per: 1, label: 'per stock-option level' },
  {
    column: 'EnvironmentSatisfaction',
    per: 1,
    label: 'per point of environment satisfaction (1–4)',
  },
  { column: 'JobSatisfaction', per: 1, label: 'per point of job satisfaction (1–4)' },
  {
    column: 'RelationshipSatisfaction',
    per: 1,
    label: 'per point of relationship satisfaction (1–4)',
  },
  { column: 'JobInvolvement', per: 1, label: 'per point of job involvement (1–4)' },
  { column: 'WorkLifeBalance', per: 1, label: 'per point of work-life balance (1–4)' },
  { column: 'DistanceFromHome', per: 1, label: 'per unit of distance from home' },
  { column: 'NumCompaniesWorked', per: 1, label: 'per previous employer' },
  { column: 'TotalWorkingYears', per: 1, label: 'per year of working life' },
  { column: 'YearsAtCompany', per: 1, label: 'per year at the company' },
  { column: 'YearsInCurrentRole', per: 1, label: 'per year in the current role' },
  { column: 'YearsSinceLastPromotion', per: 1, label: 'per year since the last promotion' },
  { column: 'YearsWithCurrManager', per: 1, label: 'per year with the current manager' },
  { column: 'TrainingTimesLastYear', per: 1, label: 'per training session last year' },
  { column: 'Education', per: 1, label: 'per education level (1–5)' },
  { column: 'PercentSalaryHike', per: 1, label: 'per point of the last salary rise (%)' },
  { column: 'PerformanceRating', per: 1, label: 'per performance-rating point' },
  { column: 'DailyRate', per: 100, label: 'per 100 of daily rate' },
  { column: 'HourlyRate', per: 10, label: 'per 10 of hourly rate' },
  { column: 'MonthlyRate', per: 1000, label: 'per 1,000 of monthly rate' },
];

/** Left out as inputs: protected characteristics (Age, Gender, MaritalStatus), constants, the id, and JobRole
// (nested in Department; Research Director, 2 leavers in 80, makes some folds quasi-separated). */
export const IBM_EXCLUDED = [
  'Age',
  'Gender',
  'MaritalStatus',
  'EmployeeCount',
  'Over18',
  'StandardHours',
  'EmployeeNumber',
  'Attrition',
  'JobRole',
];

/**
 * The IBM file as a model table: every IBM_FEATURES column (numbers parsed), plus `left` (1 when
 * Attrition = Yes), `employee_id`, and for fairness checks only `sex` (Gender) and `age_band`
 * (under 30, 30–39, 40–49, 50+). Throws naming missing columns or a value that is not a number.
 * @example prepareIbmAttrition(aq.fromCSV(text)).array('left')
 */
export function prepareIbmAttrition(raw: ColumnTable): ColumnTable {
  const names = raw.columnNames().map((n) => n.replace(/^\ufeff/, ''));
  const needed = [
    ...IBM_FEATURES.map((f) => f.column),
    'Attrition',
    'EmployeeNumber',
    'Gender',
    'Age',
  ];
  const missing = needed.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    throw new Error(
      `prepareIbmAttrition: column(s) ${missing.join(', ')} missing. Found: ${names.join(', ')}. Read WA_Fn-UseC_-HR-Employee-Attrition.csv unchanged.`,
    );
  }
  const get = (c: string) =>
    Array.from(raw.array(raw.columnNames()[names.indexOf(c)]) as ArrayLike<unknown>);
  const out: Record<string, unknown[]> = {};
  for (const f of IBM_FEATURES) {
    const values = get(f.column);
    out[f.column] =
      f.per === undefined ? values.map(String) : values.map((v, row) => number(f.column, v, row));
  }
  const attrition = get('Attrition');
  out.left = attrition.map((v, row) => {
    if (v !== 'Yes' && v !== 'No')
      throw new Error(
        `prepareIbmAttrition: row ${row + 1}, Attrition "${String(v)}" is not Yes or No.`,
      );
    return v === 'Yes' ? 1 : 0;
  });
  out.employee_id = get('EmployeeNumber').map(String);
  out.sex = get('Gender').map((g) => String(g).toLowerCase());
  out.age_band = get('Age').map((a, row) => {
    const age = number('Age', a, row);
    return age < 30 ? 'under_30' : age < 40 ? '30_39' : age < 50 ? '40_49' : '50_plus';
  });
  return toTable(out);
}

function number(column: string, v: unknown, row: number): number {
  const x = typeof v === 'number' ? v : Number(String(v).trim());
  if (!Number.isFinite(x) || String(v).trim() === '') {
    throw new Error(
      `prepareIbmAttrition: row ${row + 1}, column ${column}: "${String(v)}" is not a number.`,
    );
  }
  return x;
}
