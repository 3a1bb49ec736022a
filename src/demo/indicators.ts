// Unit indicators: staff-survey well-being per team and year, workload per FTE per quarter, vacancies.
import { addMonths } from '../time/months.js';
import type { ForceContext, Spell } from './context.js';
import { EFFECTS } from './effects.js';
import { Rng } from './random.js';
import { num, type CsvFile } from './write.js';

/** Workload items (incidents, crimes, calls) per FTE per quarter by team kind. */
const WORKLOAD_PER_FTE: Record<string, number> = {
  response: 60,
  neighbourhood: 35,
  cid: 18,
  child_abuse: 10,
  online_child_abuse: 12,
  offender_management: 25,
  firearms: 20,
  roads: 30,
  control_room: 900,
  support: 40,
};

/**
 * Running FTE-days per team and quarter and headcount per team on each survey day (1 October),
 * filled spell by spell so the people never need to be held in memory.
 * @example const acc = new IndicatorTally(ctx); acc.add(spell); await acc.write(file);
 */
export class IndicatorTally {
  readonly quarters: number[];
  private readonly fteDays: Float64Array;
  private readonly surveyDays: number[];
  private readonly headcount: Int32Array;

  constructor(private readonly ctx: ForceContext) {
    this.quarters = [];
    for (let q = ctx.first; q <= ctx.last; q = addMonths(q, 3)) this.quarters.push(q);
    this.surveyDays = this.quarters.filter((_, i) => i % 4 === 2);
    this.fteDays = new Float64Array(ctx.teams.length * this.quarters.length);
    this.headcount = new Int32Array(ctx.teams.length * this.surveyDays.length);
  }

  /** Adds a spell's postings (clipped to the window and to its end) to the tallies. */
  add(spell: Spell): void {
    const { ctx, quarters } = this;
    for (const p of spell.postings) {
      const from = Math.max(p.from, ctx.first);
      const to = Math.min(p.to ?? ctx.last, spell.end ?? ctx.last);
      for (let q = 0; q < quarters.length; q++) {
        const qEnd = (quarters[q + 1] ?? ctx.last + 1) - 1;
        const days = Math.min(to, qEnd) - Math.max(from, quarters[q]) + 1;
        if (days > 0) this.fteDays[p.team * quarters.length + q] += days * spell.fte;
      }
      this.surveyDays.forEach((day, y) => {
        if (day >= from && day <= to) this.headcount[p.team * this.surveyDays.length + y]++;
      });
    }
  }

  /**
   * Writes the indicator rows: staff_survey_wellbeing_score (sum of respondents' 0–100 scores /
   * respondents, per team and financial year), workload_per_fte (items / average FTE, per team and
   * quarter) and vacancy_rate (vacant FTE / establishment FTE, per team and financial year).
   */
  async write(file: CsvFile): Promise<void> {
    const { ctx, quarters } = this;
    const rng = new Rng(ctx.seed, -2);
    // Team levels come from their own stream so they do not depend on headcounts.
    const levels = new Rng(ctx.seed, -3);
    const fmt = (d: number): string => ctx.dates.format(d);
    for (let t = 0; t < ctx.teams.length; t++) {
      const team = ctx.teams[t];
      const hot = ctx.hot[t];
      const base = 64 + 2.5 * levels.normal() + (hot ? EFFECTS.hotTeams.surveyScorePoints : 0);
      const workload =
        WORKLOAD_PER_FTE[team.kind!] *
        Math.exp(0.08 * levels.normal()) *
        (hot ? EFFECTS.hotTeams.workload : 1);
      const vacancy = Math.max(
        0,
        0.06 + 0.02 * levels.normal() + (hot ? EFFECTS.hotTeams.vacancyRatePoints : 0),
      );
      for (let y = 0; y < this.surveyDays.length; y++) {
        const yearStart = quarters[4 * y];
        const yearEnd = (quarters[4 * y + 4] ?? ctx.last + 1) - 1;
        const heads = this.headcount[t * this.surveyDays.length + y];
        const respondents = binomial(rng, heads, 0.45);
        if (respondents > 0) {
          const mean = base + rng.normal();
          let sum = 0;
          for (let r = 0; r < respondents; r++)
            sum += Math.min(100, Math.max(0, Math.round(mean + 15 * rng.normal())));
          file.row(
            `${team.unit_id},${fmt(yearStart)},${fmt(yearEnd)},staff_survey_wellbeing_score,${sum},${respondents},${num(sum / respondents, 4)}`,
          );
        }
        let fte = 0;
        for (let q = 4 * y; q < Math.min(4 * y + 4, quarters.length); q++)
          fte += this.fteDays[t * quarters.length + q];
        fte /= yearEnd - yearStart + 1;
        if (fte > 0) {
          const establishment = Number(
            (fte / (1 - vacancy * Math.exp(0.1 * rng.normal()))).toFixed(2),
          );
          const vacant = Number((establishment - Number(fte.toFixed(2))).toFixed(2));
          file.row(
            `${team.unit_id},${fmt(yearStart)},${fmt(yearEnd)},vacancy_rate,${num(vacant)},${num(establishment)},${num(vacant / establishment, 4)}`,
          );
        }
      }
      for (let q = 0; q < quarters.length; q++) {
        const qEnd = (quarters[q + 1] ?? ctx.last + 1) - 1;
        const fte = Number(
          (this.fteDays[t * quarters.length + q] / (qEnd - quarters[q] + 1)).toFixed(2),
        );
        if (fte <= 0) continue;
        const items = rng.poisson(workload * fte);
        file.row(
          `${team.unit_id},${fmt(quarters[q])},${fmt(qEnd)},workload_per_fte,${items},${num(fte)},${num(items / fte, 4)}`,
        );
      }
      await file.flush();
    }
  }
}

function binomial(rng: Rng, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rng.uniform() < p) k++;
  return k;
}
