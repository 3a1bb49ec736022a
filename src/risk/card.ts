// The model card of the leaving-risk model: what it is for, how it was tested, how well it did,
// for whom it does worse, and what it must not be used for; as an object, markdown and HTML.
import type { CalibrationFit, IntervalEstimate } from './calibration.js';
import type { CalibrationBin, GroupGap, GroupSkill } from './metrics.js';
import type { PenaltyKind } from './penalty.js';
import type { RiskValidation } from './validate.js';
import { escapeHtml } from '../shared/html.js';

/** A plain-language model card (JSON-able; no individual rows). */
export interface RiskModelCard {
  title: string;
  purpose: string;
  data: {
    description: string;
    rows: number;
    people: number;
    events: number;
    horizon_months: number | null;
  };
  scheme: { kind: string; description: string; folds: number | null; seed: number | null };
  model: { kind: string; inputs: string[]; dropped: { name: string; reason: string }[] };
  skill: {
    auc: number | null;
    concordance: number | null;
    brier: number;
    brier_reference: number;
    test_rows: number;
    test_people: number;
    test_events: number;
  };
  calibration: CalibrationBin[];
  /** Calibration slope and intercept with 95% intervals, the flag ('too extreme' | 'too moderate' | null) and its note. */
  calibration_fit: Pick<CalibrationFit, 'slope' | 'intercept' | 'flag' | 'note' | 'clustered'>;
  /** The penalty of the reported model and why (events per parameter), with its λ. */
  penalty: { kind: PenaltyKind; reason: string; lambda: number | null };
  /** Plain and penalised on the same held-out rows. */
  comparison: {
    model: PenaltyKind;
    reported: boolean;
    auc: number | null;
    brier: number;
    calibration_slope: IntervalEstimate;
    calibration_intercept: IntervalEstimate;
    flag: CalibrationFit['flag'];
    lambda: number | null;
  }[];
  groups: GroupSkill[];
  gaps: GroupGap[];
  ph_check: { term: string; chisq: number; df: number; p_value: number }[] | null;
  limits: string[];
  must_not_be_used_for: string[];
}

/** What a card is built from: a validation of the person-period model, or of another table (IBM). */
export type RiskCardInput = Pick<
  RiskValidation,
  | 'model'
  | 'scheme'
  | 'description'
  | 'folds'
  | 'seed'
  | 'test'
  | 'train'
  | 'concordance'
  | 'zph'
  | 'fitted'
  | 'dropped'
  | 'penalty'
  | 'comparison'
>;

export const RISK_MUST_NOT: readonly string[] = [
  'Decisions about any one person: selection, promotion, discipline, performance ratings or redundancy.',
  'Naming or listing individuals in reports, dashboards or to managers; the list function exists only for an analyst checking the data, behind an explicit flag.',
  'Inferring anyone’s sex, ethnicity, disability or age, or targeting groups defined by them.',
  'Predicting beyond the data window or in another organisation without re-validating it there.',
];

/**
 * The model card of a validation: purpose, data window, scheme, penalty and why, skill (AUC or
 * concordance, Brier and its base-rate reference), calibration slope and intercept with intervals and
 * a flag when the slope's interval excludes 1, plain against penalised on the same rows, calibration by
 * decile, group skill and gaps, the proportional-hazards check (Cox), limits and forbidden uses.
 * @example riskModelCard(validateRiskModel(pp), { data: 'Demo force, person-months 2021-04 to 2025-03', horizonMonths: 12 })
 */
export function riskModelCard(
  v: RiskCardInput,
  {
    data,
    horizonMonths = null,
    title = 'Leaving-risk model',
    purpose,
    modelKind,
    extraLimits,
  }: {
    data: string;
    horizonMonths?: number | null;
    title?: string;
    purpose?: string;
    /** Replaces the model description (e.g. for a one-row-per-person table). */
    modelKind?: string;
    /** Replaces the person-month limits (the first two general limits are kept). */
    extraLimits?: string[];
  },
): RiskModelCard {
  const kind =
    modelKind ??
    (v.model === 'cox'
      ? 'Cox proportional hazards (Efron ties) on monthly (start, stop] intervals of service days'
      : 'Logistic regression (discrete time) on person-months');
  const limits = [
    'Skill is measured on people and months the model never saw; it will drift as the workforce changes: re-validate every year.',
    'Associations, not causes: a driver with a high ratio marks where leaving concentrates, not what would stop it.',
    'A person contributes many months, so these are months at risk, not independent people; logistic intervals are clustered by person.',
    'Groups with fewer than 5 people, leavers or stayers are not reported; a gap between groups is the largest minus the smallest reported value.',
    'Unit temperature is a stand-in (overtime, sickness and well-being survey of comparable units) until the well-being matrix exists.',
  ];
  if (extraLimits !== undefined) limits.splice(2, limits.length, ...extraLimits);
  else if (v.model === 'cox')
    limits.push(
      'Service time is the Cox time axis, so tenure acts through the baseline hazard, not a ratio.',
    );
  return {
    title,
    purpose:
      purpose ??
      'Show where in the organisation voluntary resignations are likely to concentrate over the next months, and which working conditions go with them, so that managers can act on teams, roles and stages of service — never on named people.',
    data: {
      description: data,
      rows: v.train.rows,
      people: v.train.people,
      events: v.train.events,
      horizon_months: horizonMonths,
    },
    scheme: { kind: v.scheme, description: v.description, folds: v.folds, seed: v.seed },
    model: {
      kind,
      inputs: [
        ...new Set(
          v.fitted.labels.filter((l) => l !== 'baseline (intercept)').map((l) => l.split(':')[0]),
        ),
      ],
      dropped: v.dropped,
    },
    skill: {
      auc: v.test.auc,
      concordance: v.concordance,
      brier: v.test.brier,
      brier_reference: v.test.brier_reference,
      test_rows: v.test.rows,
      test_people: v.test.people,
      test_events: v.test.events,
    },
    calibration: v.test.calibration,
    calibration_fit: {
      slope: v.test.calibration_fit.slope,
      intercept: v.test.calibration_fit.intercept,
      flag: v.test.calibration_fit.flag,
      note: v.test.calibration_fit.note,
      clustered: v.test.calibration_fit.clustered,
    },
    penalty: {
      kind: v.penalty.kind,
      reason: v.penalty.reason,
      lambda: v.fitted.penalty?.lambda ?? null,
    },
    comparison: v.comparison.map((c) => ({
      model: c.model,
      reported: c.chosen,
      auc: c.auc,
      brier: c.brier,
      calibration_slope: c.calibration.slope,
      calibration_intercept: c.calibration.intercept,
      flag: c.calibration.flag,
      lambda: c.lambda,
    })),
    groups: v.test.groups,
    gaps: v.test.gaps,
    ph_check: v.zph,
    limits,
    must_not_be_used_for: [...RISK_MUST_NOT],
  };
}

/**
 * The card as markdown: headed sections with the skill, a calibration table, group gaps and lists.
 * @example console.log(riskModelCardMarkdown(card))
 */
export function riskModelCardMarkdown(card: RiskModelCard): string {
  const f = (x: number | null, d = 3) => (x === null ? '—' : x.toFixed(d));
  const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)}%`);
  const ci = (e: IntervalEstimate) =>
    `${e.estimate.toFixed(2)} (${e.lower.toFixed(2)} to ${e.upper.toFixed(2)})`;
  const modelName = (m: PenaltyKind) =>
    m === 'none' ? 'plain (maximum likelihood)' : m === 'ridge' ? 'ridge' : 'elastic net';
  const cal = card.calibration_fit;
  const lines = [
    `# ${card.title}`,
    '',
    `**Purpose.** ${card.purpose}`,
    '',
    `**Data.** ${card.data.description}. Fitted on ${card.data.rows} rows (${card.data.people} people; ${card.data.events} rows with the outcome)${card.data.horizon_months ? `; outcome: voluntary resignation within ${card.data.horizon_months} months` : ''}.`,
    '',
    `**Model.** ${card.model.kind}. Inputs: ${card.model.inputs.join('; ')}.${card.model.dropped.length ? ` Dropped: ${card.model.dropped.map((d) => `${d.name} (${d.reason})`).join('; ')}.` : ''}`,
    '',
    `**Validation.** ${card.scheme.description}`,
    '',
    `**Penalty.** ${card.penalty.reason}${card.penalty.lambda === null ? '' : ` Penalty λ = ${card.penalty.lambda.toPrecision(3)}, chosen by cross-validation by person within the fitting rows.`}`,
    '',
    `**Skill on unseen data.** AUC ${f(card.skill.auc)}${card.skill.concordance === null ? '' : `, concordance ${f(card.skill.concordance)}`}; Brier score ${f(card.skill.brier, 4)} (always predicting the base rate: ${f(card.skill.brier_reference, 4)}); ${card.skill.test_rows} rows, ${card.skill.test_people} people, ${card.skill.test_events} rows with the outcome.`,
    '',
    `**Calibration.** ${cal.note}${cal.clustered ? ' Intervals clustered by person.' : ''}`,
    ...(cal.flag === null
      ? []
      : [
          '',
          `**Flag: predictions ${cal.flag}.** The calibration slope's 95% interval excludes 1, so the predicted risks ${cal.flag === 'too extreme' ? 'spread further than the outcomes do: the highest are overstated and the lowest understated' : 'spread less than the outcomes do'}; read them as a ranking, not as probabilities.`,
        ]),
    ...(card.comparison.length < 2
      ? []
      : [
          '',
          '| model | AUC | Brier | calibration slope (95% CI) | calibration intercept (95% CI) |',
          '| --- | --- | --- | --- | --- |',
          ...card.comparison.map(
            (c) =>
              `| ${modelName(c.model)}${c.reported ? ' (reported)' : ''} | ${f(c.auc)} | ${f(c.brier, 4)} | ${ci(c.calibration_slope)} | ${ci(c.calibration_intercept)} |`,
          ),
        ]),
    '',
    '| decile | rows | predicted | observed |',
    '| --- | --- | --- | --- |',
    ...card.calibration.map(
      (c) => `| ${c.decile} | ${c.rows} | ${pct(c.mean_predicted)} | ${pct(c.observed_rate)} |`,
    ),
    '',
    '| group | people | AUC | Brier | predicted | observed |',
    '| --- | --- | --- | --- | --- | --- |',
    ...card.groups.map(
      (g) =>
        `| ${g.dimension}: ${g.group} | ${g.people} | ${f(g.auc)} | ${f(g.brier, 4)} | ${pct(g.mean_predicted)} | ${pct(g.observed_rate)}${g.note ? ` (${g.note})` : ''} |`,
    ),
    '',
    ...card.gaps.map(
      (g) =>
        `- Gap across ${g.dimension} (${g.groups_reported} groups reported): AUC ${f(g.auc_gap)}, Brier ${f(g.brier_gap, 4)}, calibration ${pct(g.calibration_gap)}.`,
    ),
  ];
  if (card.ph_check) {
    lines.push(
      '',
      `**Proportional hazards (cox.zph).** ${card.ph_check.map((z) => `${z.term} p = ${f(z.p_value)}`).join('; ')}.`,
    );
  }
  lines.push(
    '',
    '**Limits.**',
    ...card.limits.map((l) => `- ${l}`),
    '',
    '**Must not be used for.**',
    ...card.must_not_be_used_for.map((l) => `- ${l}`),
  );
  return lines.join('\n');
}

/**
 * The card as a self-contained HTML fragment (escaped text, simple tables) for notebooks and reports.
 * @example display({ 'text/html': riskModelCardHtml(card) })
 */
export function riskModelCardHtml(card: RiskModelCard): string {
  const inline = (s: string) => escapeHtml(s).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
  const out: string[] = ['<div class="wbk-model-card">'];
  let table: string[] | null = null;
  for (const line of riskModelCardMarkdown(card).split('\n')) {
    if (line.startsWith('|')) {
      if (/^\| ---/.test(line)) continue;
      const cells = line
        .slice(1, -1)
        .split('|')
        .map((c) => inline(c.trim()));
      const tag = table === null ? 'th' : 'td';
      table ??= [];
      table.push(`<tr>${cells.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`);
      continue;
    }
    if (table !== null) {
      out.push(`<table>${table.join('')}</table>`);
      table = null;
    }
    if (line.startsWith('# ')) out.push(`<h3>${inline(line.slice(2))}</h3>`);
    else if (line.startsWith('- ')) out.push(`<li>${inline(line.slice(2))}</li>`);
    else if (line !== '') out.push(`<p>${inline(line)}</p>`);
  }
  if (table !== null) out.push(`<table>${table.join('')}</table>`);
  out.push('</div>');
  return out.join('\n');
}
