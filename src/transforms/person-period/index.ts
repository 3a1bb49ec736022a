// Person-months for the leaving-risk model.
export {
  type PersonPeriodOptions,
  type PersonPeriods,
  PERSON_PERIOD,
  type PersonPeriodWindow,
  buildPersonPeriods,
  personPeriodWindow,
  riskHistoryMonths,
  checkRiskHistory,
} from './build.js';
export {
  type UnitTemperatureOptions,
  deriveUnitTemperature,
  matrixTemperatures,
} from './unit-temperature.js';
