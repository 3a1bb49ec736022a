// The 3-year point: probability of resigning within 3 years of joining, by sex or ethnicity, and the
// relative likelihood against a reference group (WRES style), refused when equality data are unreliable.
// Steps: check recording of the characteristic → Aalen–Johansen per group → read at the point → ratio.
import { table as toTable, type ColumnTable } from 'arquero';
import { fitAalenJohansen } from '../../stats/survival/aalen-johansen.js';
import type { CellSpec } from '../../privacy/index.js';
import { isComparisonReliable, type DataQuality } from '../quality/report.js';
import type { EqualityCharacteristic } from '../quality/equality.js';
import type { DefinitionCard } from '../shared/definition.js';
import { relativeLikelihood, type RelativeLikelihood } from '../../stats/relative-likelihood.js';
import { groupValue, MISSING_GROUP } from '../shared/groups.js';
import { checkColumns, numbers } from '../../shared/columns.js';
import { pushTo } from '../../shared/collections.js';

export const THREE_YEAR_RESIGNATION: DefinitionCard = {
  id: 'three_year_resignation',
  title: 'Resigning within 3 years, and relative likelihood',
  definition:
    'Probability of having resigned voluntarily within 3 years of tenure (Aalen–Johansen cumulative incidence, other exits competing; people who joined before the data window enter at their tenure then; people in post are followed to the data end). Relative likelihood = probability in the group / probability in the reference group, with a 95% interval on the log scale (WRES style; variance (se/p)² summed over both groups, which is 1/a − 1/n per group when everyone is followed 3 years).',
  unit: '% of joiners; ratio (1 = same as the reference group)',
  notes:
    'Cumulative incidence rather than a joiner-cohort share: a cohort share needs 3 full years of follow-up and would use only joiners of the first years of the window; the cumulative incidence uses everyone at risk, handles censoring and other exits, and equals the cohort share when every joiner is followed 3 years. Refused when more than 20% of the scope have the characteristic not stated or missing, and per group when fewer than the minimum were at risk at 3 years or resigned by then.',
  source: 'NHS Workforce Race Equality Standard (relative likelihood); checked against R survival',
};

export interface ThreeYearOptions {
  /** The characteristic column, e.g. 'sex' or 'ethnicity_group'. */
  by: string;
  /** Reference group (default 'male' for sex, 'white' for ethnicity_group). */
  reference?: string;
  /** Map raw values to comparison groups (e.g. ETHNIC_MINORITY_GROUPS); unmapped values are left out. */
  groups?: Readonly<Record<string, string>>;
  /** The point in years of tenure (default 3). */
  years?: number;
  event?: string;
  /** Smallest number at risk at the point, and of resignations by it, for a relative likelihood (default 5). */
  minGroupSize?: number;
  /** Unknown share (not_stated + missing) above which the comparison is refused (default 0.2). */
  unreliableShare?: number;
  /** The data-quality report and the group it is about; its comparison_unreliable verdict is honoured. */
  dataQuality?: { dq: DataQuality; unitId?: string | null; workerType?: string | null };
}

/** The table per group, or the reason the comparison was refused (then the table has no rows). */
export interface ThreeYearResult {
  table: ColumnTable;
  refused: string | null;
  reference: string;
  /** What was left out and why. */
  notes: string[];
}

/**
 * Per group of `by`: people (spells), at_risk_at_point, resigned_by_point (resignations with tenure ≤
 * the point), resign_prob_pct with resign_prob_lower_pct / _upper_pct (cumulative incidence at the
 * point × 100, 95% interval), relative_likelihood with _lower / _upper (null for the reference group
 * and groups too small), support (min of at risk and resigned, for disclosure control) and note.
 * Input: deriveRetentionData's output in years.
 * @example summarizeThreeYearResignation(retention, { by: 'sex' }).table
 */
export function summarizeThreeYearResignation(
  data: ColumnTable,
  options: ThreeYearOptions,
): ThreeYearResult {
  const fn = 'summarizeThreeYearResignation';
  const { by, groups, years = 3, event = 'voluntary_resignation', minGroupSize = 5 } = options;
  const { unreliableShare = 0.2, dataQuality } = options;
  checkColumns(fn, data, ['tenure_entry_years', 'tenure_years', 'exit_cause', by], {
    fix: 'Derive it with deriveRetentionData().',
  });
  const reference =
    options.reference ?? (by === 'sex' ? 'male' : by.startsWith('ethnicity') ? 'white' : '');
  if (!reference)
    throw new Error(`${fn}: pass { reference } (the group others are compared with) for "${by}".`);
  const raw = data.array(by) as ArrayLike<unknown>;
  const label = (i: number) => {
    const v = groupValue(raw[i]);
    return groups ? (groups[v] ?? null) : isUnknown(v) ? null : v;
  };
  let unknown = 0;
  for (let i = 0; i < data.numRows(); i++) if (isUnknown(groupValue(raw[i]))) unknown += 1;
  const share = data.numRows() > 0 ? unknown / data.numRows() : 1;
  const notes = [
    `${(100 * share).toFixed(1)}% of the spells analysed have ${by} not stated or missing; they are left out of the comparison.`,
  ];
  const empty = () => toTable(Object.fromEntries([by, ...COLUMNS].map((c) => [c, []])));
  let refused: string | null = null;
  if (share > unreliableShare) {
    refused = `${(100 * share).toFixed(1)}% of the people in scope have ${by} not stated or missing, above the ${100 * unreliableShare}% threshold (computed here from the spells analysed), so a comparison by ${by} would be unreliable. Improve the recording of ${by}, or compare at a level where it is complete.`;
  } else if (
    dataQuality &&
    !isComparisonReliable(dataQuality.dq, {
      characteristic: by as EqualityCharacteristic,
      unitId: dataQuality.unitId,
      workerType: dataQuality.workerType,
    })
  ) {
    refused = `the data-quality report flags ${by} as unreliable for ${dataQuality.unitId ?? 'the organisation'} (comparison_unreliable: more than ${100 * dataQuality.dq.threshold}% not stated or missing).`;
  }
  if (refused) return { table: empty(), refused, reference, notes };
  const entry = numbers(data, 'tenure_entry_years') as ArrayLike<number>;
  const time = numbers(data, 'tenure_years') as ArrayLike<number>;
  const cause = data.array('exit_cause') as ArrayLike<string | null>;
  const rowsOf = new Map<string, number[]>();
  for (let i = 0; i < data.numRows(); i++) {
    const g = label(i);
    if (g !== null) pushTo(rowsOf, g, i);
  }
  const stats = [...rowsOf.keys()].sort().map((g) => {
    const rows = rowsOf.get(g)!;
    const fit = fitAalenJohansen(
      {
        entry: rows.map((i) => entry[i]),
        time: rows.map((i) => time[i]),
        cause: rows.map((i) => cause[i]),
      },
      { event, absentEvent: 'zero' },
    );
    const at = fit.steps.filter((s) => s.time <= years).pop();
    return {
      g,
      people: rows.length,
      atRisk: rows.filter((i) => entry[i] < years && years <= time[i]).length,
      resigned: rows.filter((i) => time[i] <= years && cause[i] === event).length,
      p: at?.cif ?? 0,
      se: at?.std_err ?? 0,
      lower: at?.lower ?? NaN,
      upper: at?.upper ?? NaN,
    };
  });
  const ref = stats.find((s) => s.g === reference);
  const small = (s: (typeof stats)[number]) => s.atRisk < minGroupSize || s.resigned < minGroupSize;
  if (!ref) notes.push(`No one in the reference group "${reference}": no relative likelihoods.`);
  else if (small(ref))
    notes.push(
      `The reference group "${reference}" is too small (fewer than ${minGroupSize} at risk at ${years} years or resigned by then): no relative likelihoods.`,
    );
  const out: Record<string, unknown[]> = Object.fromEntries([by, ...COLUMNS].map((c) => [c, []]));
  for (const s of stats) {
    let rl: RelativeLikelihood | null = null;
    let note = '';
    if (s === ref) note = 'reference group';
    else if (!ref || small(ref)) note = 'reference group too small';
    else if (small(s))
      note = `fewer than ${minGroupSize} at risk at ${years} years or resigned by then`;
    else {
      rl = relativeLikelihood(s.p, s.se, ref.p, ref.se);
      if (rl === null) note = 'no resignations by the point in this or the reference group';
    }
    const row = [
      s.g,
      s.people,
      s.atRisk,
      s.resigned,
      100 * s.p,
      100 * s.lower,
      100 * s.upper,
      rl?.ratio ?? null,
      rl?.lower ?? null,
      rl?.upper ?? null,
      Math.min(s.atRisk, s.resigned),
      note,
    ];
    [by, ...COLUMNS].forEach((c, k) =>
      out[c].push(typeof row[k] === 'number' && Number.isNaN(row[k]) ? null : row[k]),
    );
  }
  return { table: toTable(out), refused: null, reference, notes };
}

/**
 * CellSpec of the table: people is the population; the probabilities and relative likelihoods follow
 * `support` = min(at risk at the point, resigned by it), so they are hidden whenever either is under
 * the minimum (a probability over 1–4 resignations would reveal them, as a rate over its count would).
 * @example report.publish(result.table, threeYearSpec('sex'))
 */
export function threeYearSpec(by: string): CellSpec {
  return {
    by: [by],
    who: 'people followed from their start in post for up to three years, each in the group of the row',
    population: 'people',
    counts: ['at_risk_at_point', 'resigned_by_point'],
    means: COLUMNS.slice(3, 9).map((name) => ({ name, n: 'support' })),
  };
}

const COLUMNS = [
  'people',
  'at_risk_at_point',
  'resigned_by_point',
  'resign_prob_pct',
  'resign_prob_lower_pct',
  'resign_prob_upper_pct',
  'relative_likelihood',
  'relative_likelihood_lower',
  'relative_likelihood_upper',
  'support',
  'note',
];

function isUnknown(value: string): boolean {
  return value === MISSING_GROUP || value === 'not_stated';
}
