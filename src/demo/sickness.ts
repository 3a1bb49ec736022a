// Sickness spells (with return-to-work interviews) and the occupational-health referrals they lead to.
import { countWorkingDays, isoWeekday } from '../time/working-days.js';
import { teamOn, type ForceContext, type Spell } from './context.js';
import { BASE, EFFECTS } from './effects.js';
import type { Rng } from './random.js';
import { KIND_PROFILES } from './units.js';
import type { SicknessReason } from './vocabulary.js';
import { csvField } from './write.js';

const YEAR = 365.25;

/** One generated absence: days both included; `open` when still running on the window's last day. */
export interface Absence {
  start: number;
  end: number;
  open: boolean;
  reason: SicknessReason;
  workingDaysLost: number;
}

/**
 * The sickness spells of a spell as CSV lines plus the absences themselves. Spells start on weekdays
 * from 90 days before the window (kept when they reach into it) up to the end of employment; the
 * rate is the worker type's base × overtime propensity × hot team × team noise × high-risk role.
 * working_days_lost counts Monday–Friday days in the spell, up to the window's last day when open.
 * @example const { lines, absences } = sicknessSpells(rng, ctx, spell);
 */
export function sicknessSpells(
  rng: Rng,
  ctx: ForceContext,
  spell: Spell,
): { lines: string[]; absences: Absence[] } {
  const lines: string[] = [];
  const absences: Absence[] = [];
  const base = BASE.sicknessSpellsPerYear[spell.workerType];
  if (base === 0) return { lines, absences };
  const stop = spell.end ?? ctx.last;
  const rate = (day: number): number => {
    const team = teamOn(spell, day);
    const risky = KIND_PROFILES[ctx.teams[team].kind!].highRisk !== '';
    return (
      base *
      Math.exp(EFFECTS.overtime.sicknessLogPerSd * spell.z) *
      ctx.sicknessNoise[team] *
      (ctx.hot[team] ? EFFECTS.hotTeams.sicknessRate : 1) *
      (risky ? EFFECTS.highRisk.sicknessRate : 1)
    );
  };
  let t = Math.max(spell.start, ctx.first - 90);
  t += Math.floor(rng.exponential(rate(t)) * YEAR);
  while (t <= stop) {
    while (isoWeekday(t) > 5) t++;
    if (t > stop) break;
    const length = rng.weighted({ short: 70, medium: 21, long: 9 });
    const days =
      length === 'short'
        ? 1 + Math.min(6, Math.floor(rng.exponential(0.55)))
        : length === 'medium'
          ? rng.int(8, 28)
          : 29 + Math.min(330, Math.floor(rng.exponential(1 / 55)));
    let end = t + days - 1;
    let open = false;
    if (spell.end !== undefined && end > spell.end) end = spell.end;
    if (spell.end === undefined && end > ctx.last) open = true;
    if (end >= ctx.first) {
      const risky = KIND_PROFILES[ctx.teams[teamOn(spell, t)].kind!].highRisk !== '';
      const reason = reasonFor(rng, length, risky);
      const lost = countWorkingDays(t, open ? ctx.last : end);
      const workRelated =
        reason === 'injury_assault_on_duty' ||
        rng.chance(reason === 'mental_health' && risky ? 0.3 : 0.02);
      let rtw = '';
      if (!open && rng.chance(0.85)) {
        const day = end + 1 + (rng.chance(0.8) ? rng.int(0, 4) : rng.int(5, 20));
        if (day <= ctx.last) rtw = ctx.dates.format(day);
      }
      const endText = open ? '' : ctx.dates.format(end);
      lines.push(
        `${spell.personId},${ctx.dates.format(t)},${endText},${lost},${reason},${workRelated},${rtw}`,
      );
      absences.push({ start: t, end: open ? ctx.last : end, open, reason, workingDaysLost: lost });
    }
    t = end + 1 + Math.floor(rng.exponential(rate(Math.min(end + 1, stop))) * YEAR);
  }
  return { lines, absences };
}

/**
 * Occupational-health referrals of a spell as CSV lines, in date order: most long absences and many
 * mental-health ones are referred, plus occasional management referrals and trauma-exposure
 * referrals for people in high-risk roles.
 * @example ohReferrals(rng, ctx, spell, absences)
 */
export function ohReferrals(
  rng: Rng,
  ctx: ForceContext,
  spell: Spell,
  absences: readonly Absence[],
): string[] {
  const stop = Math.min(spell.end ?? ctx.last, ctx.last);
  const rows: [number, string][] = [];
  for (const a of absences) {
    const long = a.end - a.start + 1 > 28;
    const p = long ? 0.7 : a.reason === 'mental_health' ? 0.35 : 0.015;
    if (!rng.chance(p)) continue;
    const day = Math.min(a.start + rng.int(7, 35), stop);
    if (day < ctx.first) continue;
    const reason =
      a.reason === 'mental_health' || a.reason === 'musculoskeletal'
        ? a.reason
        : long
          ? 'long_term_absence'
          : 'management_referral';
    rows.push([day, reason]);
  }
  if (BASE.sicknessSpellsPerYear[spell.workerType] > 0) {
    const from = Math.max(spell.start, ctx.first);
    for (let k = rng.poisson((0.03 * (stop - from + 1)) / YEAR); k > 0; k--)
      rows.push([rng.int(from, stop), 'management_referral']);
    for (const p of spell.postings) {
      if (KIND_PROFILES[ctx.teams[p.team].kind!].highRisk === '') continue;
      const a = Math.max(p.from, from);
      const b = Math.min(p.to ?? stop, stop);
      if (b < a) continue;
      for (let k = rng.poisson((0.08 * (b - a + 1)) / YEAR); k > 0; k--)
        rows.push([rng.int(a, b), 'trauma_exposure']);
    }
  }
  rows.sort((x, y) => x[0] - y[0]);
  return rows.map(
    ([day, reason]) => `${spell.personId},${ctx.dates.format(day)},${csvField(reason)}`,
  );
}

function reasonFor(rng: Rng, length: 'short' | 'medium' | 'long', risky: boolean): SicknessReason {
  const mh = risky ? EFFECTS.highRisk.mentalHealthWeight : 1;
  if (length === 'short') {
    return rng.weighted({
      respiratory: 30,
      gastrointestinal: 20,
      infectious: 15,
      musculoskeletal: 10,
      mental_health: 8 * mh,
      other: 10,
      unknown: 5,
      injury_assault_on_duty: 2,
    });
  }
  if (length === 'medium') {
    return rng.weighted({
      musculoskeletal: 25,
      mental_health: 25 * mh,
      respiratory: 12,
      injury_assault_on_duty: 8,
      other: 15,
      infectious: 5,
      gastrointestinal: 5,
      unknown: 5,
    });
  }
  return rng.weighted({
    mental_health: 45 * mh,
    musculoskeletal: 25,
    injury_assault_on_duty: 8,
    other: 17,
    unknown: 5,
    respiratory: 0,
    gastrointestinal: 0,
    infectious: 0,
  });
}
