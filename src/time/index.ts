// Dates as epoch days, months, financial years and periods, working days and clock times.
export { minutesOfDay, formatTimeOfDay, shiftHours } from './clock.js';
export {
  type DateFormat,
  epochDay,
  formatDate,
  parseDate,
  parseDateOrNaN,
  todayEpochDay,
  resolveAsOf,
} from './dates.js';
export {
  monthIndex,
  monthStart,
  monthEnd,
  monthLabel,
  parseMonthLabel,
  addMonths,
} from './months.js';
export {
  type PeriodKind,
  type Period,
  type PeriodOptions,
  periodOf,
  parsePeriod,
  periodsBetween,
  periodSpan,
  isPooled,
  financialYearLabel,
  checkPeriods,
  previousPeriod,
} from './periods.js';
export {
  type WorkingDayOptions,
  isoWeekday,
  countWorkingDays,
  nextWorkingDay,
} from './working-days.js';
