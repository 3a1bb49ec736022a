// The shared state of one generation run: window, units, team lookups and the per-team noise.
import { epochDay, formatDate } from '../time/dates.js';
import { EFFECTS } from './effects.js';
import { Rng } from './random.js';
import { KIND_PROFILES, buildUnits, districtsFor, type DemoUnit } from './units.js';
import { WORKER_TYPES, type LeaverType, type WorkerType } from './vocabulary.js';

/** One posting of a spell: a team from a day to a day (both included; `to` undefined while current). */
export interface Posting {
  team: number;
  from: number;
  to: number | undefined;
}

/** One employment spell of one person, with everything its events depend on. */
export interface Spell {
  personId: string;
  workerType: WorkerType;
  rank: string;
  entryRoute: string;
  sex: string;
  ethnicity: string;
  disability: string;
  birthYear: number;
  fte: number;
  hours: number;
  serviceStart: number;
  start: number;
  end: number | undefined;
  leaverType: LeaverType | undefined;
  postings: Posting[];
  /** Overtime propensity, standard normal: drives claims, sickness and resignation (effect 1). */
  z: number;
  /** Chosen to go more than four years without a welfare check (never leaves, never moves). */
  neglected: boolean;
}

/** The run's fixed state: window [first, last] in epoch days, units, teams and their multipliers. */
export interface ForceContext {
  seed: number;
  people: number;
  first: number;
  last: number;
  units: DemoUnit[];
  teams: DemoUnit[];
  hot: boolean[];
  sicknessNoise: number[];
  overtimeNoise: number[];
  resignationNoise: number[];
  /** Team indexes of each district, for moves that stay in the district. */
  districtTeams: number[][];
  /** Team weights for new postings, per worker type; officers under 2 years' service use `probationer`. */
  weights: Record<WorkerType | 'probationer', number[]>;
  dates: IsoDates;
}

/**
 * The fixed state of a run: window from 1 April `firstYear` to 31 March `firstYear + years`.
 * @example const ctx = buildContext({ seed: 1, people: 4000, firstYear: 2020, years: 5 });
 */
export function buildContext(o: {
  seed: number;
  people: number;
  firstYear: number;
  years: number;
}): ForceContext {
  const units = buildUnits(districtsFor(o.people));
  const teams = units.filter((u) => u.level === 'team');
  const rng = new Rng(o.seed, -1);
  const noise = (): number[] => teams.map(() => Math.exp(EFFECTS.teamNoiseLogSd * rng.normal()));
  const hotIds: readonly string[] = EFFECTS.hotTeams.unitIds;
  const weights = {} as Record<WorkerType | 'probationer', number[]>;
  for (const wt of WORKER_TYPES)
    weights[wt] = teams.map((t) => KIND_PROFILES[t.kind!].staffing[wt]);
  weights.probationer = teams.map((t) =>
    t.kind === 'response' ? 10 : t.kind === 'neighbourhood' ? 2 : 0,
  );
  const first = epochDay(o.firstYear, 4, 1);
  const last = epochDay(o.firstYear + o.years, 3, 31);
  return {
    seed: o.seed,
    people: o.people,
    first,
    last,
    units,
    teams,
    hot: teams.map((t) => hotIds.includes(t.unit_id)),
    sicknessNoise: noise(),
    overtimeNoise: noise(),
    resignationNoise: noise(),
    weights,
    districtTeams: Array.from({ length: districtsFor(o.people) }, (_, d) =>
      teams.flatMap((t, i) => (t.district === d ? [i] : [])),
    ),
    dates: new IsoDates(first - 366 * 60, last + 366),
  };
}

/** Index of the team a spell is posted to on `day` (its last posting when after the end). */
export function teamOn(spell: Spell, day: number): number {
  for (const p of spell.postings) if (p.to === undefined || day <= p.to) return p.team;
  return spell.postings[spell.postings.length - 1].team;
}

/** Index of a weighted choice among teams (among `among` when given), never `exclude`; -1 when none fits. */
export function pickTeam(
  rng: Rng,
  weights: readonly number[],
  exclude = -1,
  among?: readonly number[],
): number {
  const candidates = among ?? weights.map((_, i) => i);
  let total = 0;
  for (const i of candidates) if (i !== exclude) total += weights[i];
  let u = rng.uniform() * total;
  for (const i of candidates) {
    if (i === exclude || weights[i] <= 0) continue;
    u -= weights[i];
    if (u < 0) return i;
  }
  return candidates.find((i) => weights[i] > 0 && i !== exclude) ?? -1;
}

/** ISO yyyy-mm-dd texts of epoch days, computed once over a fixed range (the generator writes millions). */
export class IsoDates {
  private readonly cache: string[] = [];

  constructor(
    private readonly first: number,
    last: number,
  ) {
    for (let d = first; d <= last; d++) this.cache.push(formatDate(d));
  }

  /** The ISO text of `day` (computed directly when outside the cached range). */
  format(day: number): string {
    const cached = this.cache[day - this.first];
    return cached === undefined ? formatDate(day) : cached;
  }
}
