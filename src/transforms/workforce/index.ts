// Headcount, FTE and person-time: the denominators every rate shares.
export { type ExposureOptions, type PeopleIndex, indexPeople, addExposure } from './exposure.js';
export { type HeadcountOptions, summarizeHeadcount } from './headcount.js';
export {
  type AverageHeadcountOptions,
  AVERAGE_HEADCOUNT,
  summarizeAverageHeadcount,
  averageHeadcountSpec,
} from './periods-at-risk.js';
