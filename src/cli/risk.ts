// wbk risk: fit and validate the leaving-risk model on a data folder and print its model card
// (scheme, penalty, AUC or concordance, calibration slope and deciles, Brier, group gaps) — never
// individual rows. A table mapping builds person-months; a snapshot mapping, one row per person.
import { readFileSync } from 'node:fs';
import { loadDataset } from '../io/load-dataset.js';
import { riskModelCard, riskModelCardMarkdown, type RiskModelCard } from '../risk/card.js';
import type { PenaltyKind } from '../risk/penalty.js';
import { snapshotModelCard } from '../risk/snapshot-card.js';
import { isSnapshotMapping, loadSnapshot, parseSnapshotMapping } from '../risk/snapshot.js';
import { validateRiskModel, type RiskScheme } from '../risk/validate.js';
import { terminalSafe } from '../shared/terminal.js';
import { InsufficientDataError } from '../shared/errors.js';
import { buildPersonPeriods, checkRiskHistory } from '../transforms/person-period/build.js';
import { checkMappingFile, dataFolder, readFlags } from './args.js';
import { UsageError, type Command } from './command.js';

const USAGE = `Usage: wbk risk --data DIR [--mapping FILE] [--validate out-of-time|cv] [--horizon 6|12]
                [--model logistic|cox] [--penalty auto|none|ridge|elastic-net] [--folds K] [--seed S]
                [--as-of DATE] [--json]

Builds person-months from the folder's tables, fits the leaving-risk model (voluntary resignation within
the horizon) and validates it on data it never saw; prints the model card: scheme, penalty, AUC (or
concordance), calibration slope and intercept with intervals (flagged when the slope's interval excludes
1), plain against penalised, calibration by decile, Brier score, skill by sex, ethnicity and worker type
with the gaps. It never prints individual rows.

With a snapshot mapping (a "snapshot" block: one row per person with an outcome flag and features, e.g.
examples/mappings/ibm-hr-attrition.json) the model is fitted on those rows by cross-validation by person
(a snapshot has no dates); rejected rows are listed on stderr.

  --data DIR         folder holding the exports (required)
  --mapping FILE     table mapping (docs/mappings.md) or snapshot mapping (docs/leaving-risk.md)
  --validate SCHEME  out-of-time (default: fit on earlier years, test on the last) or cv (folds by person;
                     the only scheme for a snapshot)
  --horizon MONTHS   6 or 12 (default 12)
  --model KIND       logistic (default) or cox (Efron ties, with the proportional-hazards check)
  --penalty KIND     auto (default: ridge when there are under 20 leavers per parameter), none, ridge or
                     elastic-net; the penalty is chosen by 5-fold cross-validation by person (logistic only)
  --folds K          folds for cv (default 5; snapshot: 10)      --seed S   fold seed (default 1)
  --as-of DATE       dates after this day (yyyy-mm-dd) are rejected; default today
  --json             print the card as JSON (default: markdown)

Exit codes: 0 the card was printed; 2 a bad argument, or too little history for the model (the message
says how many months it needs and how many the extract has); 1 any other error.`;

export const riskCommand: Command = {
  summary: 'fit and validate the leaving-risk model; print its model card (no individual rows)',
  usage: USAGE,
  async run(argv: string[]): Promise<number> {
    const a = parseArgs(argv);
    let card: RiskModelCard;
    try {
      card = await riskCard(a);
    } catch (error) {
      // readable data, too little of it: say what is short and exit 2 (as for a bad argument)
      if (!(error instanceof InsufficientDataError)) throw error;
      console.error(terminalSafe(`wbk risk: ${a.data}: ${error.message}`));
      return 2;
    }
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
  penalty: PenaltyKind | 'auto';
  asOf?: string;
  json: boolean;
  /** Which flags were given, so a snapshot can refuse the ones it cannot honour. */
  given: Set<string>;
}

async function riskCard(a: RiskArgs): Promise<RiskModelCard> {
  const json = a.mapping === undefined ? null : readJson(a.mapping);
  if (json !== null && isSnapshotMapping(json)) {
    const refused = ['--horizon', '--as-of'].filter((f) => a.given.has(f));
    if ((a.given.has('--validate') && a.validate !== 'cv') || a.model !== 'logistic') {
      throw new UsageError(
        `${a.mapping} is a snapshot mapping (one row per person, no dates): use --validate cv with the logistic model.`,
      );
    }
    if (refused.length > 0) {
      throw new UsageError(
        `${refused.join(' and ')} need dated records; a snapshot mapping (${a.mapping}) has none. Drop ${refused.length > 1 ? 'them' : 'it'}.`,
      );
    }
    const snapshot = await loadSnapshot(a.data, parseSnapshotMapping(json, a.mapping));
    for (const r of snapshot.rejects.objects().slice(0, 20) as Record<string, unknown>[]) {
      console.error(
        terminalSafe(
          `rejected: ${r.file} line ${r.line}, ${r.column} "${r.value}" (${r.rule}): ${r.message}`,
        ),
      );
    }
    if (snapshot.rejects.numRows() > 20) {
      console.error(`… and ${snapshot.rejects.numRows() - 20} more rejected rows.`);
    }
    return snapshotModelCard(snapshot, {
      folds: a.folds ?? 10,
      seed: a.seed,
      penalty: a.penalty,
    }).card;
  }
  const dataset = await loadDataset(a.data, { mapping: a.mapping, asOf: a.asOf });
  if (dataset.tables.people.numRows() === 0) {
    throw new UsageError(
      `no people were loaded from ${a.data}${a.mapping ? ` with ${a.mapping}` : ' (no mapping: canonical people.csv and the other tables expected)'}. Pass a table mapping (docs/mappings.md), or for an export with one row per person and an outcome flag, a snapshot mapping (e.g. examples/mappings/ibm-hr-attrition.json).`,
    );
  }
  checkRiskHistory(dataset, { horizonMonths: a.horizon, scheme: a.validate });
  const pp = buildPersonPeriods(dataset, { horizonMonths: a.horizon });
  const v = validateRiskModel(pp, {
    model: a.model,
    scheme: a.validate,
    folds: a.folds ?? 5,
    seed: a.seed,
    penalty: a.penalty,
  });
  return riskModelCard(v, {
    data: `${a.data}: person-months ${pp.from} to ${pp.to}`,
    horizonMonths: a.horizon,
  });
}

function parseArgs(argv: string[]): RiskArgs {
  const out: Partial<RiskArgs> & { json: boolean; given: Set<string> } = {
    json: false,
    given: new Set(),
  };
  readFlags(argv, (arg, value) => {
    out.given.add(arg);
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
    } else if (arg === '--penalty') {
      const v = value();
      if (!['auto', 'none', 'ridge', 'elastic-net'].includes(v))
        throw new UsageError(`--penalty ${v}: use auto, none, ridge or elastic-net.`);
      out.penalty = v as PenaltyKind | 'auto';
    } else if (arg === '--folds') out.folds = whole('--folds', value(), 2);
    else if (arg === '--seed') out.seed = whole('--seed', value(), 0);
    else return false;
    return true;
  });
  const data = dataFolder(out.data);
  checkMappingFile(out.mapping);
  return {
    validate: 'out-of-time',
    horizon: 12,
    model: 'logistic',
    seed: 1,
    penalty: 'auto',
    ...out,
    data,
  };
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null; // not JSON: loadDataset reports it with the mapping's own message
  }
}
