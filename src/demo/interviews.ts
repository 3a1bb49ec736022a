// Exit interviews: who is interviewed, why they say they left, and what they would say about us.
import { teamOn, type ForceContext, type Spell } from './context.js';
import { exitComment } from './comments.js';
import { BASE, EFFECTS } from './effects.js';
import type { Rng } from './random.js';
import type { ExitReason, LeaverType } from './vocabulary.js';
import { csvField } from './write.js';

const YEAR = 365.25;
type Weights = Record<string, number>;

const RESIGNATION: Weights = {
  workload: 10,
  pay_and_benefits: 10,
  career_progression: 9,
  management_and_supervision: 8,
  wellbeing_and_stress: 8,
  work_life_balance: 9,
  shift_pattern: 6,
  flexible_working: 5,
  culture_and_treatment: 5,
  training_and_support: 4,
  role_not_as_expected: 6,
  relocation: 6,
  family_and_caring: 6,
  better_offer: 8,
  other: 3,
};

const BY_TYPE: Record<Exclude<LeaverType, 'voluntary_resignation'>, Weights> = {
  normal_retirement: { retirement: 90, health: 5, other: 5 },
  medical_retirement: { health: 85, wellbeing_and_stress: 15 },
  dismissal: { other: 60, culture_and_treatment: 20, management_and_supervision: 20 },
  transfer_out: {
    relocation: 35,
    career_progression: 30,
    better_offer: 15,
    management_and_supervision: 10,
    other: 10,
  },
  death: { other: 1 },
  end_of_contract: { other: 60, better_offer: 20, career_progression: 20 },
  other: { other: 50, better_offer: 25, career_progression: 25 },
};

/**
 * The exit-interview CSV line of a leaver, or undefined when not interviewed (shares by leaver type
 * in BASE.exitInterviewShare; interviews after the window's last day are not in the extract).
 * Reasons follow the planted effects: heavy overtime and hot teams → workload, well-being and
 * management; early service → role not as expected and training; women leaving early from the
 * named department → flexible working, culture and caring.
 * @example exitInterview(rng, ctx, leaverSpell)
 */
export function exitInterview(rng: Rng, ctx: ForceContext, spell: Spell): string | undefined {
  if (spell.end === undefined || spell.leaverType === undefined) return undefined;
  if (!rng.chance(BASE.exitInterviewShare[spell.leaverType])) return undefined;
  const day = Math.max(spell.start, spell.end + rng.int(-20, 30));
  if (day > ctx.last) return undefined;
  const service = (spell.end - spell.serviceStart) / YEAR;
  const weights = reasonWeights(ctx, spell, service);
  const primary = rng.weighted(weights) as ExitReason;
  const others: ExitReason[] = [];
  const count = { none: 0, one: 1, two: 2, three: 3 }[
    rng.weighted({ none: 30, one: 35, two: 25, three: 10 })
  ];
  for (let k = count; k > 0; k--) {
    const rest = { ...weights };
    for (const r of [primary, ...others]) delete rest[r];
    if (Object.values(rest).every((w) => !w)) break;
    others.push(rng.weighted(rest) as ExitReason);
  }
  const voluntary = spell.leaverType === 'voluntary_resignation';
  const hot = ctx.hot[teamOn(spell, spell.end)];
  const mean = voluntary ? 3 - (hot ? 0.8 : 0) - 0.3 * Math.max(0, spell.z) : 4;
  const recommend = rng.chance(0.03)
    ? ''
    : String(Math.min(5, Math.max(1, Math.round(mean + rng.normal()))));
  const returning = rng.chance(0.1) ? '' : String(rng.chance(voluntary ? 0.35 : 0.55));
  const comment = rng.chance(0.85) ? exitComment(rng, primary, others, service) : '';
  return [
    spell.personId,
    ctx.dates.format(day),
    primary,
    others.join(';'),
    recommend,
    returning,
    csvField(comment),
  ].join(',');
}

function reasonWeights(ctx: ForceContext, spell: Spell, service: number): Weights {
  if (spell.leaverType !== 'voluntary_resignation') return BY_TYPE[spell.leaverType!];
  const w: Weights = { ...RESIGNATION };
  const scale = (reason: ExitReason, factor: number): void => {
    w[reason] = (w[reason] ?? 0) * factor;
  };
  if (service < 2) {
    scale('role_not_as_expected', 2.5);
    scale('training_and_support', 2);
  }
  if (spell.z > 1) {
    scale('workload', 2.5);
    scale('wellbeing_and_stress', 2);
    scale('work_life_balance', 2);
  }
  const team = teamOn(spell, spell.end!);
  if (ctx.hot[team]) {
    scale('workload', 2);
    scale('management_and_supervision', 2);
    scale('wellbeing_and_stress', 1.5);
  }
  const women = EFFECTS.womenEarlyResignation;
  if (
    spell.sex === 'female' &&
    service < women.underServiceYears &&
    ctx.teams[team].parent_id === women.departmentId
  ) {
    scale('flexible_working', 3);
    scale('culture_and_treatment', 3);
    scale('family_and_caring', 2);
  }
  return w;
}
