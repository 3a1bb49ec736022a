// When and how a spell ends: competing yearly hazards by worker type, service, age and the planted effects.
import { epochDay } from '../time/dates.js';
import { teamOn, type ForceContext, type Spell } from './context.js';
import { EFFECTS } from './effects.js';
import type { Rng } from './random.js';
import type { LeaverType } from './vocabulary.js';

const YEAR = 365.25;
type Hazards = Record<LeaverType, number>;

/**
 * Sets `end` and `leaverType` on a spell when it ends inside the window (they stay undefined otherwise),
 * drawing from piecewise-constant competing hazards per year of service and posting; postings after
 * the end are dropped and the last posting is closed on the end day.
 * @example sampleExit(rng, ctx, spell); spell.end // epoch day or undefined
 */
export function sampleExit(rng: Rng, ctx: ForceContext, spell: Spell): void {
  if (spell.neglected) return;
  let t = Math.max(spell.start, ctx.first);
  while (t <= ctx.last) {
    const service = Math.floor((t - spell.serviceStart) / YEAR);
    const nextAnniversary = spell.serviceStart + Math.ceil((service + 1) * YEAR);
    const nextMove = spell.postings.find((p) => p.from > t)?.from ?? Infinity;
    const segmentEnd = Math.min(nextAnniversary, nextMove, ctx.last + 1);
    const hazards = hazardsFor(ctx, spell, t, service);
    let total = 0;
    for (const type in hazards) total += hazards[type as LeaverType];
    const exitDay = total > 0 ? t + Math.floor(rng.exponential(total) * YEAR) : Infinity;
    if (exitDay < segmentEnd) {
      spell.end = exitDay;
      spell.leaverType = rng.weighted(hazards);
      spell.postings = spell.postings.filter((p) => p.from <= exitDay);
      spell.postings[spell.postings.length - 1].to = exitDay;
      return;
    }
    t = Math.max(segmentEnd, t + 1);
  }
}

/** Yearly exit hazards of a spell on day `t` with `service` completed years. */
export function hazardsFor(ctx: ForceContext, spell: Spell, t: number, service: number): Hazards {
  const wt = spell.workerType;
  const age = (t - epochDay(spell.birthYear, 7, 1)) / YEAR;
  const team = teamOn(spell, t);
  const table = EFFECTS.resignationByService[wt];
  const women = EFFECTS.womenEarlyResignation;
  let resign = table[Math.min(service, table.length - 1)];
  resign *= Math.exp(EFFECTS.overtime.resignationLogPerSd * spell.z) * ctx.resignationNoise[team];
  if (ctx.hot[team]) resign *= EFFECTS.hotTeams.resignation;
  const unit = ctx.teams[team];
  if (
    spell.sex === 'female' &&
    service < women.underServiceYears &&
    unit.parent_id === women.departmentId
  ) {
    resign *= women.multiplier;
  }
  const h: Hazards = {
    voluntary_resignation: resign,
    normal_retirement: 0,
    medical_retirement: 0,
    dismissal: 0,
    transfer_out: 0,
    death: age > 40 ? 0.001 : 0.0004,
    end_of_contract: 0,
    other: 0,
  };
  if (wt === 'officer') {
    h.normal_retirement =
      service >= 30 ? 0.35 : age >= 60 ? 0.5 : service >= 25 && age >= 50 ? 0.06 : 0;
    h.medical_retirement = service >= 10 ? 0.005 : 0.002;
    h.dismissal = service < 2 ? 0.006 : 0.002;
    h.transfer_out = 0.01;
    h.other = 0.001;
  } else if (wt === 'staff' || wt === 'pcso') {
    h.normal_retirement = age >= 67 ? 0.6 : age >= 60 ? 0.15 : age >= 55 ? 0.02 : 0;
    h.medical_retirement = 0.003;
    h.dismissal = 0.004;
    h.transfer_out = wt === 'staff' ? 0.004 : 0.003;
    h.end_of_contract = service < 2 ? 0.03 : 0.006;
    h.other = wt === 'pcso' ? 0.04 : 0.008;
  } else {
    h.normal_retirement = wt === 'volunteer' && age >= 65 ? 0.15 : 0;
    h.dismissal = wt === 'special' ? 0.004 : 0;
    h.end_of_contract = wt === 'volunteer' ? 0.045 : 0;
    h.other = wt === 'special' ? 0.06 : 0.03;
  }
  return h;
}
