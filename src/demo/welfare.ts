// Welfare checks for people in high-risk roles: due by a cadence, done (late or never) by compliance.
import { addMonths } from '../time/months.js';
import type { ForceContext, Spell } from './context.js';
import type { Rng } from './random.js';
import { KIND_PROFILES } from './units.js';

const PAUSE_POINT_MONTHS = [3, 6, 12, 36];

/**
 * The welfare checks of a spell inside the window as CSV lines, in date order. For each high-risk
 * posting: an initial psychological screening, then one a year; pause-point reviews at 3, 6, 12 and
 * 36 months in role; welfare meetings every 6 months. Each person's team keeps the cadence well
 * (70%: 92% done, up to 30 days late), patchily (25%: 55%, up to 120 days) or poorly (5%: 8%).
 * The neglected person gets one welfare meeting 40 days into the window and nothing after.
 * @example welfareChecks(rng, ctx, spell)
 */
export function welfareChecks(rng: Rng, ctx: ForceContext, spell: Spell): string[] {
  if (spell.neglected)
    return [`${spell.personId},${ctx.dates.format(ctx.first + 40)},welfare_meeting`];
  const rows: [number, string][] = [];
  const level = rng.weighted({ good: 70, patchy: 25, poor: 5 });
  const [share, maxDelay] =
    level === 'good' ? [0.92, 30] : level === 'patchy' ? [0.55, 120] : [0.08, 200];
  for (const p of spell.postings) {
    if (KIND_PROFILES[ctx.teams[p.team].kind!].highRisk === '') continue;
    const stop = Math.min(p.to ?? ctx.last, spell.end ?? ctx.last, ctx.last);
    const due: [number, string][] = [[p.from + rng.int(0, 20), 'psychological_screening']];
    for (let m = 12; addMonths(p.from, m) <= stop; m += 12)
      due.push([addMonths(p.from, m), 'psychological_screening']);
    for (const m of PAUSE_POINT_MONTHS) due.push([addMonths(p.from, m), 'pause_point_review']);
    for (let m = 6; addMonths(p.from, m) <= stop; m += 6)
      due.push([addMonths(p.from, m), 'welfare_meeting']);
    for (const [day, kind] of due) {
      if (!rng.chance(share)) continue;
      const done = day + rng.int(0, maxDelay);
      if (done >= ctx.first && done <= stop) rows.push([done, kind]);
    }
  }
  rows.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
  return rows.map(([day, kind]) => `${spell.personId},${ctx.dates.format(day)},${kind}`);
}
