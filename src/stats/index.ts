// Statistics with no knowledge of the workforce: survival curves, log-rank, Cox and logistic fits, distributions.
export { type BaselineHazard, baselineHazard } from './cox/baseline.js';
export { type Concordance, concordance } from './cox/concordance.js';
export {
  type CoxOptions,
  type CoxCoefficient,
  type ChiSquareTest,
  type CoxFit,
  fitCox,
} from './cox/fit.js';
export { type ZphTest, coxZph } from './cox/zph.js';
export { type DesignMatrix, type DesignOptions, designMatrix } from './design-matrix.js';
export { normalCdf, normalQuantile, chiSquarePValue } from './distributions.js';
export type { CoefficientRow } from './inference.js';
export {
  type LogisticOptions,
  type LogisticCoefficient,
  type LogisticFit,
  fitLogistic,
  predictLogistic,
} from './logistic/fit.js';
export {
  type PenalisedLogisticOptions,
  type PenalisedLogisticFit,
  fitPenalisedLogistic,
  fitPenalisedPath,
  penaltySequence,
} from './logistic/penalised.js';
export { clusteredVcov } from './logistic/sandwich.js';
export { type RelativeLikelihood, relativeLikelihood } from './relative-likelihood.js';
export {
  type AalenJohansenInput,
  type AalenJohansenOptions,
  type AalenJohansenStep,
  type AalenJohansenFit,
  fitAalenJohansen,
} from './survival/aalen-johansen.js';
export {
  type ConfType,
  CONF_TYPES,
  type SurvivalMedian,
  survivalConfInt,
  survivalMedian,
  checkConfOptions,
} from './survival/confint.js';
export {
  type GrayTestInput,
  type GrayTestOptions,
  type GrayTestGroup,
  type GrayTest,
  grayTest,
} from './survival/gray-test.js';
export {
  type KaplanMeierInput,
  type KaplanMeierOptions,
  type KaplanMeierStep,
  type KaplanMeierFit,
  fitKaplanMeier,
} from './survival/kaplan-meier.js';
export {
  type LogRankInput,
  type LogRankGroup,
  type LogRankTest,
  logRankTest,
} from './survival/log-rank.js';
