// Which export column is which model column, by name: each model column's usual export names
// (synonyms), compared case-, space- and punctuation-insensitively. Used by draftMapping (wbk map).
import type { TableName } from '../../schema/tables.js';

/** A header reduced to lower-case letters and digits: "Date of Hire" → "dateofhire". */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Usual export names of each model column, normalised. A header matches a synonym exactly (strong)
 * or ends with one of five characters or more (weaker: "DETE Start Date" → start_date).
 */
export const SYNONYMS: Partial<Record<TableName, Record<string, string[]>>> = {
  people: {
    person_id: [
      'personid',
      'id',
      'empid',
      'employeeid',
      'employeenumber',
      'employeeno',
      'employeeref',
      'employeereference',
      'employeecode',
      'staffno',
      'staffnumber',
      'staffid',
      'staffref',
      'personnelnumber',
      'payrollnumber',
      'payrollno',
      'warrantnumber',
      'collarnumber',
      'recordid',
      'respondentid',
      'empno',
    ],
    worker_type: ['workertype', 'stafftype', 'employeetype', 'roletype', 'staffcategory'],
    rank_or_grade: ['rankorgrade', 'rank', 'grade', 'paygrade', 'classification', 'payband'],
    role: ['role', 'jobtitle', 'title', 'position', 'jobrole', 'post', 'workarea'],
    fte: ['fte', 'wte', 'fulltimeequivalent'],
    contracted_hours_per_week: [
      'contractedhoursperweek',
      'contractedhours',
      'weeklyhours',
      'hoursperweek',
    ],
    service_start_date: [
      'servicestartdate',
      'continuousservicedate',
      'policeservicestartdate',
      'datejoinedservice',
    ],
    start_date: [
      'startdate',
      'datejoined',
      'dateofhire',
      'hiredate',
      'joindate',
      'joiningdate',
      'appointmentdate',
      'datestarted',
      'employmentstartdate',
    ],
    end_date: [
      'enddate',
      'dateleft',
      'leavingdate',
      'dateofleaving',
      'terminationdate',
      'dateoftermination',
      'leftdate',
      'ceasedate',
      'separationdate',
      'cessationdate',
    ],
    leaver_type: [
      'leavertype',
      'leavingreason',
      'reasonleft',
      'reasonforleaving',
      'separationtype',
      'reasonforceasingemployment',
      'leavingcategory',
      'employmentstatus',
    ],
    entry_route: ['entryroute', 'recruitmentsource', 'routeofentry'],
    sex: ['sex', 'gender'],
    ethnicity_group: [
      'ethnicitygroup',
      'ethnicity',
      'ethnicgroup',
      'ethnicorigin',
      'ethnicitycode',
      'race',
      'racedesc',
      'selfdefinedethnicity',
    ],
    disability: ['disability', 'disabled'],
    birth_year: ['birthyear', 'yearofbirth', 'dob', 'dateofbirth', 'age'],
    age_band: ['ageband', 'agegroup', 'age', 'currentage'],
    service_years_at_leaving: [
      'serviceyearsatleaving',
      'lengthofservice',
      'lengthofserviceoverall',
      'serviceyears',
      'yearsofservice',
    ],
  },
  postings: {
    person_id: ['personid', 'employeeid', 'employeenumber', 'employeeref', 'staffno', 'staffid'],
    role: ['role', 'jobtitle', 'position', 'post'],
    from_date: ['fromdate', 'postingstart', 'postingstartdate', 'startdate', 'datefrom'],
    to_date: ['todate', 'postingend', 'postingenddate', 'enddate', 'dateto'],
  },
  sickness: {
    person_id: [
      'personid',
      'id',
      'employeeid',
      'employeenumber',
      'employeeref',
      'staffno',
      'staffid',
    ],
    start_date: ['startdate', 'absencestart', 'absencestartdate', 'firstday', 'datefrom'],
    end_date: ['enddate', 'absenceend', 'absenceenddate', 'lastday', 'dateto'],
    working_days_lost: ['workingdayslost', 'dayslost', 'daysabsent'],
    reason_category: ['reasoncategory', 'reason', 'absencereason', 'sicknessreason'],
    work_related: ['workrelated', 'injuryonduty'],
    rtw_interview_date: ['rtwinterviewdate', 'rtwdate', 'returntoworkinterview'],
  },
  overtime: {
    person_id: ['personid', 'employeeid', 'employeenumber', 'employeeref', 'staffno', 'staffid'],
    date: ['date', 'dutydate', 'workdate', 'overtimedate', 'dateworked'],
    hours: ['hours', 'othours', 'overtimehours', 'hoursclaimed'],
    compensation: ['compensation', 'paidortoil', 'paymenttype'],
    reason: ['reason', 'overtimereason'],
    rest_day_worked: ['restdayworked', 'restday'],
    start_time: ['starttime', 'timefrom'],
    end_time: ['endtime', 'timeto'],
  },
  exit_interviews: {
    person_id: ['personid', 'employeeid', 'employeenumber', 'respondentid', 'staffno'],
    interview_date: ['interviewdate', 'surveydate', 'responsedate'],
    primary_reason: ['primaryreason', 'mainreason', 'mainfactor'],
    would_recommend: ['wouldrecommend', 'recommend'],
    would_return: ['wouldreturn', 'return'],
    comments: ['comments', 'comment', 'freetext'],
  },
  units: {
    unit_id: ['unitid', 'unitcode', 'code'],
    parent_id: ['parentid', 'parentcode', 'parent', 'parentunit'],
    name: ['name', 'unitname'],
    level: ['level', 'unitlevel', 'unittype'],
  },
  unit_indicators: {
    period_start: ['periodstart', 'startdate', 'from'],
    period_end: ['periodend', 'enddate', 'date', 'month', 'period'],
    indicator: ['indicator', 'measure', 'metric'],
    numerator: ['numerator', 'dayslost', 'count'],
    denominator: ['denominator', 'daysavailable', 'available', 'population', 'base'],
    value: ['value', 'rate', 'ratepercent', 'percent', 'score'],
  },
};

/** Words in a file name that suggest its table. */
export const FILE_HINTS: Partial<Record<TableName, RegExp>> = {
  people: /staff|people|employee|personnel|roster|workforce|hr/i,
  sickness: /sick|absence|absent/i,
  overtime: /overtime|(^|[^a-z])ot([^a-z]|$)/i,
  exit_interviews: /exit|leaver.*survey/i,
  units: /units?([^a-z]|$)|structure|hierarchy/i,
  unit_indicators: /rate|indicator|score|survey/i,
  postings: /posting/i,
};

/**
 * How well `header` names `column` of `table`: 3 for a synonym, 2 for a header ending with a
 * synonym of five characters or more (or the other way round), 0 otherwise.
 * @example nameScore('people', 'start_date', 'Date of Hire') // 3
 */
export function nameScore(table: TableName, column: string, header: string): number {
  const n = normaliseName(header);
  if (n === '') return 0;
  const words = [normaliseName(column), ...(SYNONYMS[table]?.[column] ?? [])];
  if (words.includes(n)) return 3;
  if (words.some((w) => w.length >= 5 && (n.endsWith(w) || n.startsWith(w)))) return 2;
  return 0;
}
