// What a column's values say about it: dates and their format (day or month first, from the values
// above 12), numbers with thousands separators or a % sign, and value maps from an export's words and
// codes to the model's vocabularies (sex, worker type, leaver type, ethnicity, yes/no, sickness reason).
// Used by draftMapping (wbk map); every guess it makes is marked for review there.

/** The date format of some values: iso, dd/mm/yyyy or mm/dd/yyyy (or undefined when they are not dates). */
export interface DateGuess {
  format: 'iso' | 'dd/mm/yyyy' | 'mm/dd/yyyy';
  /** Why: which values decided it, or that none could. */
  why: string;
  /** Some dates have a two-digit year (09/19/88). */
  twoDigitYears: boolean;
}

const ISO = /^\d{4}-\d{2}-\d{2}(?:[ T].*)?$/;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T].*)?$/;

/**
 * The date format of `values` when at least 90% of them are dates: ISO, or day-first / month-first
 * decided by a first part above 12 (day-first) or a second part above 12 (month-first); day-first
 * when no value decides (with the reason said).
 * @example guessDateFormat(['07/05/2011', '1/17/2019'])?.format // 'mm/dd/yyyy'
 */
export function guessDateFormat(values: readonly string[]): DateGuess | undefined {
  if (values.length === 0) return undefined;
  const iso = values.filter((v) => ISO.test(v)).length;
  if (iso >= 0.9 * values.length) return { format: 'iso', why: 'yyyy-mm-dd', twoDigitYears: false };
  const parts = values.map((v) => SLASHED.exec(v)).filter((m): m is RegExpExecArray => m !== null);
  if (parts.length < 0.9 * values.length) return undefined;
  const dayFirst = parts.find((m) => Number(m[1]) > 12);
  const monthFirst = parts.find((m) => Number(m[2]) > 12);
  const twoDigitYears = parts.some((m) => m[3].length === 2);
  if (monthFirst && !dayFirst) {
    return { format: 'mm/dd/yyyy', why: `month first: "${monthFirst[0]}"`, twoDigitYears };
  }
  if (dayFirst && !monthFirst) {
    return { format: 'dd/mm/yyyy', why: `day first: "${dayFirst[0]}"`, twoDigitYears };
  }
  return {
    format: 'dd/mm/yyyy',
    why: dayFirst
      ? `both orders occur ("${dayFirst[0]}", "${monthFirst![0]}"): check the export`
      : 'no day above 12 seen, so day-first is assumed',
    twoDigitYears,
  };
}

/** How numbers are written: a thousands separator and a suffix to strip, when the values have them. */
export interface NumberGuess {
  thousands?: ',';
  suffix?: '%';
  decimal?: ',';
}

/**
 * How `values` write numbers, when at least 90% are numbers in one of the shapes: plain, with ','
 * thousands (1,234.5), with a decimal comma (0,5), with a % sign.
 * @example guessNumbers(['1,234.50', '980']) // { thousands: ',' }
 */
export function guessNumbers(values: readonly string[]): NumberGuess | undefined {
  if (values.length === 0) return undefined;
  const strip = (v: string) => v.replace(/%$/, '').trim();
  const plain = /^[+-]?\d+(\.\d+)?$/;
  const grouped = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
  const comma = /^[+-]?\d+,\d+$/;
  const kinds = values.map((v) => {
    const s = strip(v);
    return plain.test(s) ? 'plain' : grouped.test(s) ? 'grouped' : comma.test(s) ? 'comma' : '';
  });
  if (kinds.filter((k) => k !== '').length < 0.9 * values.length) return undefined;
  const guess: NumberGuess = {};
  if (kinds.includes('grouped')) guess.thousands = ',';
  else if (kinds.includes('comma')) guess.decimal = ',';
  if (values.some((v) => v.trim().endsWith('%'))) guess.suffix = '%';
  return guess;
}

type Rule = [RegExp, string];

/** Words and codes of the model's vocabularies, tried in order on a lower-cased, trimmed value. */
const VOCABULARIES: Record<string, Rule[]> = {
  sex: [
    [/^(f|female|woman|w)$/, 'female'],
    [/^(m|male|man)$/, 'male'],
    [/^(prefer not|not stated|not known|unknown|u|ns|declined|withheld)/, 'not_stated'],
    [/^(x|other|non.?binary|indeterminate|i)$/, 'other'],
  ],
  worker_type: [
    [/pcso|community support/, 'pcso'],
    [/special/, 'special'],
    [/volunteer/, 'volunteer'],
    [/officer|constable|^po$/, 'officer'],
    [/staff|civilian|employee/, 'staff'],
  ],
  leaver_type: [
    [/^(active|current|in post|n\/a.*still.*employed|still employed)$/, ''],
    [/ill.?health|medical/, 'medical_retirement'],
    [/retire|pension/, 'normal_retirement'],
    [/resign|voluntar/, 'voluntary_resignation'],
    [/dismiss|for cause|misconduct|terminat/, 'dismissal'],
    [/transfer/, 'transfer_out'],
    [/death|deceased|died/, 'death'],
    [/contract|fixed.?term|end of/, 'end_of_contract'],
  ],
  ethnicity_group: [
    [/^(ns|z|not stated|prefer not.*|unknown|not known|declined)$/, 'not_stated'],
    [/^w\d$/, 'white'],
    [/^m\d$/, 'mixed'],
    [/^a\d$/, 'asian'],
    [/^b\d$/, 'black'],
    [/^o\d$/, 'other'],
    [/mixed|multiple|two or more|white and/, 'mixed'],
    [/american indian|alaska|hispanic|latino|arab/, 'other'],
    [/asian|indian|pakistani|bangladeshi|chinese/, 'asian'],
    [/black|african|caribbean/, 'black'],
    [/white|british|irish|gypsy|traveller|roma/, 'white'],
    [/other/, 'other'],
  ],
  disability: [
    [/^(y|yes|true|1|disabled)$/, 'yes'],
    [/^(n|no|false|0|not disabled)$/, 'no'],
    [/prefer not|not stated|unknown|declined/, 'not_stated'],
  ],
  boolean: [
    [/^(y|yes|true|1|t)$/, 'true'],
    [/^(n|no|false|0|f)$/, 'false'],
  ],
  reason_category: [
    [/stress|anxiety|depress|mental|psych/, 'mental_health'],
    [/back|muscul|joint|neck|knee|shoulder/, 'musculoskeletal'],
    [/cold|flu|cough|chest|respir|asthma/, 'respiratory'],
    [/stomach|gastro|vomit|diarrh|sickness bug/, 'gastrointestinal'],
    [/assault|injur/, 'injury_assault_on_duty'],
    [/covid|infect|virus/, 'infectious'],
    [/^(other|misc.*|various)$/, 'other'],
    [/^(unknown|not known|not recorded|not stated)$/, 'unknown'],
  ],
};

/** A value map for a column, how many sampled rows it covers, and the distinct values it leaves. */
export interface ValueMapGuess {
  map: Record<string, string>;
  /** Share of the sampled (non-empty) rows whose value the map covers, 0–1. */
  coverage: number;
  unmapped: string[];
}

/**
 * A value map from the distinct `counts` (value → rows) to the vocabulary `kind` (sex, worker_type,
 * leaver_type, ethnicity_group, disability, boolean, reason_category); values already in the model's
 * spelling map to themselves and are left out of the map.
 * @example guessValueMap(new Map([['F', 10], ['M ', 8]]), 'sex').map // { F: 'female', M: 'male' }
 */
export function guessValueMap(counts: ReadonlyMap<string, number>, kind: string): ValueMapGuess {
  const rules = VOCABULARIES[kind] ?? [];
  const map: Record<string, string> = {};
  const unmapped: string[] = [];
  let covered = 0;
  let total = 0;
  for (const [raw, n] of counts) {
    const value = raw.trim();
    total += n;
    const found = rules.find(([pattern]) => pattern.test(value.toLowerCase()));
    if (found === undefined) {
      unmapped.push(value);
      continue;
    }
    covered += n;
    if (found[1] !== value) map[value] = found[1];
  }
  return { map, coverage: total === 0 ? 0 : covered / total, unmapped };
}

/** Vocabulary kinds a model column's values are mapped to (its enum or boolean), if any. */
export const VALUE_KIND: Record<string, string> = {
  sex: 'sex',
  worker_type: 'worker_type',
  leaver_type: 'leaver_type',
  ethnicity_group: 'ethnicity_group',
  disability: 'disability',
  reason_category: 'reason_category',
  would_return: 'boolean',
  rest_day_worked: 'boolean',
  work_related: 'boolean',
};
