// The model card of a person-level snapshot: k-fold cross-validation by person of the plain and the
// penalised logistic model, skill by fairness group, and what the snapshot cannot show (no dates).
import { riskModelCard, type RiskModelCard } from './card.js';
import type { PenaltyKind } from './penalty.js';
import { crossValidateLogistic, type CrossValidation } from './skill.js';
import type { Snapshot } from './snapshot.js';

export interface SnapshotCardOptions {
  folds?: number;
  seed?: number;
  /** 'auto' (default: ridge under 20 leavers per parameter), 'none', 'ridge' or 'elastic-net'. */
  penalty?: PenaltyKind | 'auto';
  minGroupSize?: number;
}

/**
 * Cross-validates the logistic model on a loaded snapshot (crossValidateLogistic: `folds` folds by
 * person, seed `seed`, plain against penalised) and returns it with its model card: the data line
 * names the files and the rows read, loaded and rejected; the limits say there is no out-of-time test.
 * @example snapshotModelCard(await loadSnapshot('data/ibm', mapping)).card.skill.auc
 */
export function snapshotModelCard(
  snapshot: Snapshot,
  { folds = 10, seed = 1, penalty = 'auto', minGroupSize = 5 }: SnapshotCardOptions = {},
): { cv: CrossValidation; card: RiskModelCard } {
  const s = snapshot.mapping.snapshot;
  const cv = crossValidateLogistic(snapshot.table, {
    features: snapshot.features,
    outcome: 'left',
    person: 'person_id',
    folds,
    seed,
    groups: snapshot.groups,
    minGroupSize,
    penalty,
  });
  const read = snapshot.files.reduce((a, f) => a + f.rows_read, 0);
  const rejected = snapshot.files.reduce((a, f) => a + f.rows_rejected, 0);
  const aucs = cv.fold_auc.map((x) => (x === null ? '—' : x.toFixed(3))).join(', ');
  const card = riskModelCard(
    {
      model: 'logistic',
      scheme: 'cv',
      description: `${folds}-fold cross-validation by person (seed ${seed}); each person scored by a model fitted on the other folds. Fold AUCs: ${aucs}.`,
      folds,
      seed,
      test: cv.skill,
      train: { rows: cv.skill.rows, people: cv.skill.people, events: cv.skill.events },
      concordance: null,
      zph: null,
      fitted: cv.model,
      dropped: [],
      penalty: cv.penalty,
      comparison: cv.comparison,
    },
    {
      data: `${s.population ?? snapshot.mapping.description ?? 'Person-level snapshot'} (${snapshot.files.map((f) => f.file).join(', ')}: ${read} rows read, ${read - rejected} loaded, ${rejected} rejected)`,
      title: s.title ?? 'Attrition-risk model: person-level snapshot',
      modelKind:
        'Logistic regression, one row per person (a snapshot: no dates, so no out-of-time test)',
      extraLimits: [
        ...s.limits,
        'A snapshot has no dates: the outcome covers an unstated period, and skill is measured by cross-validation on the same people, not on later months.',
        `Groups with fewer than ${minGroupSize} people, leavers or stayers are not reported; a gap between groups is the largest minus the smallest reported value.`,
      ],
    },
  );
  return { cv, card };
}
