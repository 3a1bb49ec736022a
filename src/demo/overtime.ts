// Overtime claims: a Poisson number per posting, dated uniformly over days in post and not off sick.
import { formatTimeOfDay } from '../time/clock.js';
import type { ForceContext, Spell } from './context.js';
import { BASE, EFFECTS } from './effects.js';
import type { Rng } from './random.js';
import type { Absence } from './sickness.js';
import { KIND_PROFILES } from './units.js';

const YEAR = 365.25;
const SHIFT_ENDS = [7 * 60, 15 * 60, 17 * 60, 19 * 60, 23 * 60];
const REST_DAY_STARTS = [6 * 60, 7 * 60, 8 * 60, 14 * 60];

/**
 * The overtime claims of a spell inside the window as CSV lines, in date order. Expected claims a year =
 * worker-type base × team-kind factor × fte × exp(σ·z − σ²/2) × team noise × hot-team factor
 * (σ = EFFECTS.overtime.claimsLogSd); each day is a claim day
 * with probability rate / 365.25 (at most 0.9), and days off sick are skipped. Times are missing on ~8% of claims.
 * @example overtimeClaims(rng, ctx, spell, absences).length
 */
export function overtimeClaims(
  rng: Rng,
  ctx: ForceContext,
  spell: Spell,
  absences: readonly Absence[],
): string[] {
  const base = BASE.overtimeClaimsPerYear[spell.workerType];
  if (base === 0) return [];
  const sigma = EFFECTS.overtime.claimsLogSd;
  const propensity = Math.exp(sigma * spell.z - (sigma * sigma) / 2);
  const lines: string[] = [];
  const officer = spell.workerType === 'officer';
  for (const p of spell.postings) {
    const from = Math.max(p.from, ctx.first);
    const to = Math.min(p.to ?? ctx.last, spell.end ?? ctx.last, ctx.last);
    if (to < from) continue;
    const hot = ctx.hot[p.team];
    const rate =
      base *
      KIND_PROFILES[ctx.teams[p.team].kind!].overtime *
      spell.fte *
      propensity *
      ctx.overtimeNoise[p.team] *
      (hot ? EFFECTS.hotTeams.overtimeClaims : 1);
    // A Bernoulli day-by-day process (skipping ahead geometrically): at most one claim a day.
    const logMiss = Math.log(1 - Math.min(0.9, rate / YEAR));
    const restShare = BASE.restDayShare * (hot ? EFFECTS.hotTeams.restDayShare : 1);
    let a = 0;
    for (let day = from - 1 + gap(rng, logMiss); day <= to; day += gap(rng, logMiss)) {
      while (a < absences.length && absences[a].end < day) a++;
      if (a < absences.length && absences[a].start <= day) continue;
      lines.push(claim(rng, ctx, spell.personId, day, rng.chance(restShare), officer));
    }
  }
  return lines;
}

/** Days to the next claim day when each day is a claim day with probability 1 − exp(logMiss). */
function gap(rng: Rng, logMiss: number): number {
  return 1 + Math.floor(Math.log(1 - rng.uniform()) / logMiss);
}

function claim(
  rng: Rng,
  ctx: ForceContext,
  personId: string,
  day: number,
  restDay: boolean,
  officer: boolean,
): string {
  let hours: number;
  let start: number;
  let reason: string;
  if (restDay) {
    hours = rng.chance(0.15) ? 4 : 8 + 0.5 * rng.int(0, 4);
    start = rng.pick(REST_DAY_STARTS);
    reason = rng.weighted({
      public_event: 35,
      planned_operation: 30,
      staff_shortage: 25,
      major_incident: 5,
      training: 5,
    });
  } else {
    hours = Math.min(6, 0.25 * Math.max(1, Math.round(rng.exponential(1 / 1.7) * 4)));
    start = rng.pick(SHIFT_ENDS) + 15 * rng.int(0, 2);
    reason = rng.weighted({
      shift_extension: 58,
      investigation: 14,
      court_attendance: 9,
      staff_shortage: 9,
      training: 4,
      major_incident: 2,
      public_event: 4,
    });
  }
  const compensation = officer
    ? rng.weighted({ paid: 70, toil: 25, unpaid: 5 })
    : rng.weighted({ paid: 55, toil: 40, unpaid: 5 });
  const times = rng.chance(0.92) ? `${clockTime(start)},${clockTime(start + hours * 60)}` : ',';
  return `${personId},${ctx.dates.format(day)},${hours},${compensation},${reason},${restDay},${times}`;
}

/** HH:MM of a number of minutes after midnight, rounded and wrapped into one day. */
function clockTime(minutes: number): string {
  return formatTimeOfDay(((Math.round(minutes) % 1440) + 1440) % 1440);
}
