// wbk risk: fit and validate the leaving-risk model on a data folder and print its model card
// (scheme, AUC or concordance, calibration, Brier, group gaps) — never individual rows.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as aq from 'arquero';
import { loadDataset } from '../io/load-dataset.js';
import { IBM_FEATURES, prepareIbmAttrition } from '../risk/benchmark.js';
import { riskModelCard, type RiskModelCard } from '../risk/card.js';
import { riskModelCardMarkdown } from '../risk/card.js';
import { crossValidateLogistic } from '../risk/skill.js';
import { validateRiskModel, type RiskScheme } from '../risk/validate.js';
import { buildPersonPeriods } from '../transforms/person-period/build.js';
import { UsageError, type Command } from './command.js';

/** The IBM HR attrition file: a folder holding it (and no mapping) takes the cross-sectional path. */
export const IBM_FILE = 'WA_Fn-UseC_-HR-Employee-Attrition.csv';

const USAGE = `Usage: wbk risk --data DIR [--mapping FILE] [--validate out-of-time|cv] [--horizon 6|12]
                [--model logistic|cox] [--folds K] [--seed S] [--as-of DATE] [--json]

Builds person-months from the folder's tables, fits the leaving-risk model (voluntary resignation within
the horizon) and validates it on data it never saw; prints the model card: scheme, AUC (or concordance),
calibration by decile, Brier score, skill by sex, ethnicity and worker type with the gaps. It never
prints individual rows. A folder holding ${IBM_FILE} (IBM's fictional benchmark) is fitted directly
from that file with --validate cv (it has no dates).

  --data DIR         folder holding the exports (required)
  --mapping FILE     mapping file adapting the exports to the model (docs/mappings.md)
  --validate SCHEME  out-of-time (default: fit on earlier years, test on the last) or cv (folds by person)
  --horizon MONTHS   6 or 12 (default 12)
  --model KIND       logistic (default) or cox (Efron ties, with the proportional-hazards check)
  --folds K          folds for cv (default 5; IBM: 10)      --seed S   fold seed (default 1)
  --as-of DATE       dates after this day (yyyy-mm-dd) are rejected; default today
  --json             print the card as JSON (default: markdown)`;

export const riskCommand: Command = {
  summary: 'fit and validate the leaving-risk model; print its model card (no individual rows)',
  usage: USAGE,
  async run(argv: string[]): Promise<number> {
    const a = parseArgs(argv);
    const card = await riskCard(a);
    console.log(a.json ? JSON.stringify(card, null, 2) : riskModelCardMarkdown(card));
    return 0;
  },
};

interface RiskArgs {
  data: string;
  mapping?: string;
  validate: RiskScheme;
  horizon: number;
  model: 'logistic' | 'cox';
  folds?: number;
  seed: number;
  asOf?: string;
  json: boolean;
}

async function riskCard(a: RiskArgs): Promise<RiskModelCard> {
  if (a.mapping === undefined && existsSync(join(a.data, IBM_FILE))) {
    if (a.validate !== 'cv' || a.model !== 'logistic') {
      throw new UsageError(`${IBM_FILE} has no dates: use --validate cv with the logistic model.`);
    }
    const raw = aq.fromCSV(readFileSync(join(a.data, IBM_FILE), 'utf8'), { autoType: false });
    const folds = a.folds ?? 10;
    const cv = crossValidateLogistic(prepareIbmAttrition(raw), {
      features: IBM_FEATURES,
      outcome: 'left',
      person: 'employee_id',
      folds,
      seed: a.seed,
      groups: ['sex', 'age_band'],
    });
    const description = `${folds}-fold cross-validation by employee (seed ${a.seed}); each employee scored by a model fitted on the other folds. Fold AUCs: ${cv.fold_auc.map((x) => (x === null ? '—' : x.toFixed(3))).join(', ')}.`;
    return riskModelCard(
      {
        model: 'logistic',
        scheme: 'cv',
        description,
        folds,
        seed: a.seed,
        test: cv.skill,
        train: { rows: cv.skill.rows, people: cv.skill.people, events: cv.skill.events },
        concordance: null,
        zph: null,
        fitted: cv.model,
        dropped: [],
      },
      {
        data: `IBM HR Analytics Employee Attrition (fictional, ${IBM_FILE}); one row per employee, outcome Attrition = Yes; Age, Gender and MaritalStatus kept out of the inputs`,
        title: 'Attrition-risk model: IBM benchmark',
        modelKind:
          'Logistic regression, one row per employee (a snapshot: no dates, so no out-of-time test)',
        extraLimits: [
          'Fictional data made by IBM: the figures test the kit, they say nothing about a real workforce.',
          'Groups with fewer than 5 people, leavers or stayers are not reported; a gap between groups is the largest minus the smallest reported value.',
        ],
      },
    );
  }
  const dataset = await loadDataset(a.data, { mapping: a.mapping, asOf: a.asOf });
  const pp = buildPersonPeriods(dataset, { horizonMonths: a.horizon });
  const v = validateRiskModel(pp, {
    model: a.model,
    scheme: a.validate,
    folds: a.folds ?? 5,
    seed: a.seed,
  });
  return riskModelCard(v, {
    data: `${a.data}: person-months ${pp.from} to ${pp.to}`,
    horizonMonths: a.horizon,
  });
}

function parseArgs(argv: string[]): RiskArgs {
  const out: Partial<RiskArgs> & { json: boolean } = { json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--'))
        throw new UsageError(`${arg} needs a value.`);
      return next;
    };
    const whole = (name: string, v: string, min: number) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < min)
        throw new UsageError(`${name} ${v} must be a whole number ≥ ${min}.`);
      return n;
    };
    if (arg === '--data') out.data = value();
    else if (arg === '--mapping') out.mapping = value();
    else if (arg === '--as-of') out.asOf = value();
    else if (arg === '--json') out.json = true;
    else if (arg === '--validate') {
      const v = value();
      if (v !== 'out-of-time' && v !== 'cv')
        throw new UsageError(`--validate ${v}: use out-of-time or cv.`);
      out.validate = v;
    } else if (arg === '--horizon') {
      const v = value();
      if (v !== '6' && v !== '12') throw new UsageError(`--horizon ${v}: use 6 or 12 (months).`);
      out.horizon = Number(v);
    } else if (arg === '--model') {
      const v = value();
      if (v !== 'logistic' && v !== 'cox')
        throw new UsageError(`--model ${v}: use logistic or cox.`);
      out.model = v;
    } else if (arg === '--folds') out.folds = whole('--folds', value(), 2);
    else if (arg === '--seed') out.seed = whole('--seed', value(), 0);
    else throw new UsageError(`unknown argument "${arg}".`);
  }
  if (out.data === undefined) throw new UsageError('--data DIR is required.');
  if (!existsSync(out.data) || !statSync(out.data).isDirectory())
    throw new UsageError(`--data ${out.data} is not a folder.`);
  if (out.mapping !== undefined && !existsSync(out.mapping))
    throw new UsageError(`--mapping ${out.mapping} does not exist.`);
  return {
    validate: 'out-of-time',
    horizon: 12,
    model: 'logistic',
    seed: 1,
    ...out,
    data: out.data,
  };
}
