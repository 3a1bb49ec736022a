// One person's first employment spell: who they are, when they joined, and where they are posted.
import { dateParts, epochDay } from '../time/dates.js';
import { pickTeam, type ForceContext, type Posting, type Spell } from './context.js';
import { BASE, EFFECTS } from './effects.js';
import { Rng } from './random.js';
import type { WorkerType } from './vocabulary.js';

const YEAR = 365.25;
const STAFF_GRADES = {
  scale_3: 20,
  scale_4: 25,
  scale_5: 20,
  scale_6: 15,
  so1: 10,
  so2: 6,
  po1: 4,
};

/**
 * A new person's spell without an end: in post on the window's first day when `inPostAtStart`
 * (left-truncated, joined years before), otherwise joining on a day inside the window.
 * @example const spell = makeSpell(new Rng(1, 5), ctx, 5, true);
 */
export function makeSpell(
  rng: Rng,
  ctx: ForceContext,
  index: number,
  inPostAtStart: boolean,
): Spell {
  const workerType = rng.weighted(BASE.workerTypes);
  const ageAtJoin = joiningAge(rng, workerType);
  let start: number;
  if (inPostAtStart) {
    const maxService = Math.max(0.1, (workerType === 'officer' ? 58 : 66) - ageAtJoin);
    start =
      ctx.first - Math.floor(Math.min(serviceAtStart(rng, workerType), maxService) * YEAR) - 1;
  } else {
    start = ctx.first + rng.int(0, ctx.last - ctx.first - 30);
  }
  const transferee = workerType === 'officer' && rng.chance(0.05);
  const serviceStart = transferee
    ? start - Math.floor(rng.uniform() * 12 * YEAR + 2 * YEAR)
    : start;
  const birthYear = dateParts(serviceStart).year - Math.round(ageAtJoin);
  const entryRoute = transferee ? 'transferee' : route(rng, workerType, serviceStart);
  const probationer =
    workerType === 'officer' && Math.max(start, ctx.first) - serviceStart < 2 * YEAR;
  const team = pickTeam(rng, probationer ? ctx.weights.probationer : ctx.weights[workerType]);
  const districtId = `D${(ctx.teams[team].district ?? 0) + 1}`;
  const fte = fteOf(rng, workerType);
  const spell: Spell = {
    personId: personId(index, ctx.people),
    workerType,
    rank: rankOf(rng, workerType, (ctx.last - serviceStart) / YEAR, entryRoute),
    entryRoute,
    sex: sexOf(rng, workerType),
    ethnicity: '',
    disability: rng.chance(BASE.disabilityMissing) ? '' : rng.weighted(BASE.disability),
    birthYear,
    fte,
    hours:
      workerType === 'special' || workerType === 'volunteer'
        ? 4
        : fte * (workerType === 'officer' ? 40 : 37),
    serviceStart,
    start,
    end: undefined,
    leaverType: undefined,
    postings: [{ team, from: start, to: undefined }],
    z: rng.normal(),
    neglected: false,
  };
  spell.ethnicity = ethnicityOf(rng, districtId === EFFECTS.poorEqualityData.districtId);
  addMove(rng, ctx, spell);
  return spell;
}

/** Person id "P000123": at least six digits, more when the force is bigger. */
export function personId(index: number, people: number): string {
  return `P${String(index + 1).padStart(Math.max(6, String(people).length), '0')}`;
}

/** Officers on probation move on after 2–3 years half the time; others move once in ~15% of spells
 * (mostly within their district). */
function addMove(rng: Rng, ctx: ForceContext, spell: Spell): void {
  const current = spell.postings[0];
  const inResponse = ctx.teams[current.team].kind === 'response';
  let moveDay: number | undefined;
  if (spell.workerType === 'officer' && inResponse && rng.chance(0.5)) {
    moveDay = spell.serviceStart + Math.floor((2 + rng.uniform()) * YEAR);
  } else if (
    spell.workerType !== 'special' &&
    spell.workerType !== 'volunteer' &&
    rng.chance(0.15)
  ) {
    moveDay = Math.max(spell.start, ctx.first) + 180 + rng.int(0, 4 * 365);
  }
  if (moveDay === undefined || moveDay <= spell.start + 90 || moveDay > ctx.last - 90) return;
  // Four moves in five stay inside the district.
  const district = ctx.teams[current.team].district ?? 0;
  const among = rng.chance(0.8) ? ctx.districtTeams[district] : undefined;
  const next = pickTeam(rng, ctx.weights[spell.workerType], current.team, among);
  if (next < 0) return;
  const moved: Posting = { team: next, from: moveDay, to: undefined };
  spell.postings = [{ ...current, to: moveDay - 1 }, moved];
}

function joiningAge(rng: Rng, wt: WorkerType): number {
  if (wt === 'officer') return Math.min(45, 19 + rng.exponential(1 / 6));
  if (wt === 'pcso' || wt === 'special') return Math.min(55, 18 + rng.exponential(1 / 8));
  if (wt === 'volunteer') return 18 + rng.uniform() * 50;
  return Math.min(60, 18 + rng.exponential(1 / 14));
}

/** Years of service on the window's first day for people already in post (uplift-heavy for officers). */
function serviceAtStart(rng: Rng, wt: WorkerType): number {
  if (wt === 'officer') {
    const band = rng.weighted({ a: 16, b: 12, c: 12, d: 30, e: 27, f: 3 });
    const [lo, hi] = { a: [0, 2], b: [2, 5], c: [5, 10], d: [10, 20], e: [20, 30], f: [30, 33] }[
      band
    ];
    return lo + rng.uniform() * (hi - lo);
  }
  if (wt === 'special' || wt === 'volunteer') return rng.exponential(1 / 3);
  return Math.min(40, rng.exponential(1 / 9));
}

function route(rng: Rng, wt: WorkerType, serviceStart: number): string {
  if (wt !== 'officer') return 'standard';
  if (serviceStart < epochDay(2019, 1, 1)) return rng.chance(0.01) ? 'direct_entry' : 'ipld';
  const ipld = serviceStart < epochDay(2023, 4, 1) ? 20 : 3;
  return rng.weighted({ pcda: 40, dhep: 32, ipld, detective_degree: 8, direct_entry: 2 });
}

function rankOf(rng: Rng, wt: WorkerType, service: number, entryRoute: string): string {
  if (wt === 'staff') return rng.weighted(STAFF_GRADES);
  if (wt !== 'officer')
    return wt === 'pcso' ? 'pcso' : wt === 'special' ? 'special_constable' : 'volunteer';
  if (entryRoute === 'direct_entry') return 'inspector';
  const u = rng.uniform();
  if (service > 18 && u < 0.015) return 'superintendent';
  if (service > 15 && u < 0.05) return 'chief_inspector';
  if (service > 10 && u < 0.15) return 'inspector';
  if (service > 5 && u < 0.35) return 'sergeant';
  return 'constable';
}

function fteOf(rng: Rng, wt: WorkerType): number {
  if (wt === 'special' || wt === 'volunteer') return 0.1;
  const fullTime = { officer: 0.9, staff: 0.72, pcso: 0.85 }[wt];
  return rng.chance(fullTime) ? 1 : rng.pick([0.5, 0.6, 0.8]);
}

function sexOf(rng: Rng, wt: WorkerType): string {
  const u = rng.uniform();
  if (u < BASE.sexMissing) return '';
  if (u < BASE.sexMissing + BASE.sexNotStated) return 'not_stated';
  if (u < BASE.sexMissing + BASE.sexNotStated + 0.003) return 'other';
  return rng.chance(BASE.femaleShare[wt]) ? 'female' : 'male';
}

function ethnicityOf(rng: Rng, poorDistrict: boolean): string {
  const poor = EFFECTS.poorEqualityData;
  if (rng.chance(poorDistrict ? poor.ethnicityMissing : BASE.ethnicityMissing)) return '';
  if (poorDistrict && rng.chance(poor.ethnicityNotStated)) return 'not_stated';
  return rng.weighted(BASE.ethnicity);
}

/**
 * A second spell for a few early voluntary resigners (6% of those under 5 years' service) who
 * rejoin 6–24 months later: same person_id and service_start_date, entry_route 'rejoiner'.
 * @example const again = rejoinSpell(rng, ctx, spell); // undefined for most leavers
 */
export function rejoinSpell(rng: Rng, ctx: ForceContext, spell: Spell): Spell | undefined {
  if (spell.leaverType !== 'voluntary_resignation' || spell.end === undefined) return undefined;
  if ((spell.end - spell.serviceStart) / YEAR >= 5 || !rng.chance(0.06)) return undefined;
  const start = spell.end + rng.int(180, 720);
  if (start > ctx.last - 30) return undefined;
  const team = pickTeam(rng, ctx.weights[spell.workerType]);
  return {
    ...spell,
    entryRoute: 'rejoiner',
    start,
    end: undefined,
    leaverType: undefined,
    postings: [{ team, from: start, to: undefined }],
  };
}
