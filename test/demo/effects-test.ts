// The planted effects of the demo force, found again from the CSVs with plain code (1,500 people).
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { generateDemoForce } from '../../src/demo/generate.js';
import type { DemoManifest } from '../../src/demo/manifest.js';
import { day, readDemo, type Row } from './demo-csv.js';

const DIR = path.resolve('test-artifacts/demo-effects');
const FIRST = day('2020-04-01');
const LAST = day('2025-03-31');

function sumBy(rows: Row[], key: string, value: (r: Row) => number): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) out.set(r[key], (out.get(r[key]) ?? 0) + value(r));
  return out;
}

describe('generateDemoForce planted effects', function () {
  this.timeout(120_000);
  let manifest: DemoManifest;
  let people: Row[];
  let sickness: Row[];
  let overtime: Row[];
  const years = new Map<string, number>();

  before(async () => {
    rmSync(DIR, { recursive: true, force: true });
    manifest = await generateDemoForce({ outDir: DIR, people: 1500, seed: 20250401 });
    people = readDemo(DIR, 'people.csv');
    sickness = readDemo(DIR, 'sickness.csv');
    overtime = readDemo(DIR, 'overtime.csv');
    for (const p of people) {
      const span =
        (p.end_date === '' ? LAST : day(p.end_date)) - Math.max(day(p.start_date), FIRST) + 1;
      years.set(p.person_id, (years.get(p.person_id) ?? 0) + Math.max(0, span) / 365.25);
    }
  });

  it('gives officers with the most overtime more sickness and more resignations', () => {
    const hours = sumBy(overtime, 'person_id', (o) => Number(o.hours));
    const lost = sumBy(sickness, 'person_id', (s) => Number(s.working_days_lost));
    const resigned = new Set(
      people.filter((p) => p.leaver_type === 'voluntary_resignation').map((p) => p.person_id),
    );
    const officers = [
      ...new Set(people.filter((p) => p.worker_type === 'officer').map((p) => p.person_id)),
    ]
      .filter((id) => years.get(id)! >= 0.5)
      .sort((a, b) => (hours.get(a) ?? 0) / years.get(a)! - (hours.get(b) ?? 0) / years.get(b)!);
    const fifth = Math.floor(officers.length / 5);
    const rate = (ids: string[], f: (id: string) => number): number =>
      ids.reduce((s, id) => s + f(id), 0) / ids.reduce((s, id) => s + years.get(id)!, 0);
    const [low, high] = [officers.slice(0, fifth), officers.slice(-fifth)];
    const sickLow = rate(low, (id) => lost.get(id) ?? 0);
    const sickHigh = rate(high, (id) => lost.get(id) ?? 0);
    // Planted: sickness × exp(0.25 z), resignation × exp(0.4 z); top and bottom fifths of z differ by ~2.8 sd.
    assert.ok(
      sickHigh > 1.2 * sickLow,
      `sick days per year: top fifth ${sickHigh}, bottom ${sickLow}`,
    );
    const resignLow = rate(low, (id) => (resigned.has(id) ? 1 : 0));
    const resignHigh = rate(high, (id) => (resigned.has(id) ? 1 : 0));
    assert.ok(
      resignHigh > 1.3 * resignLow,
      `resignations per year: top ${resignHigh}, bottom ${resignLow}`,
    );
  });

  it('gives high-risk roles a larger share of days lost to mental health', () => {
    const risky = new Set(people.filter((p) => p.high_risk_role !== '').map((p) => p.person_id));
    const share = (inRole: boolean): number => {
      const rows = sickness.filter((s) => risky.has(s.person_id) === inRole);
      const total = rows.reduce((n, s) => n + Number(s.working_days_lost), 0);
      return (
        rows
          .filter((s) => s.reason_category === 'mental_health')
          .reduce((n, s) => n + Number(s.working_days_lost), 0) / total
      );
    };
    assert.ok(
      share(true) > 1.4 * share(false),
      `mental-health share: high-risk ${share(true)}, others ${share(false)}`,
    );
  });

  it('gives the two hot teams lower survey well-being and more rest days worked', () => {
    const hot = (manifest.planted_effects.find((e) => e.id === 'hot_teams')?.units ?? []).map(
      (u) => u.unit_id,
    );
    assert.deepEqual(hot, ['D1-RESP-B', 'D2-CID-A']);
    const survey = readDemo(DIR, 'unit_indicators.csv').filter(
      (r) => r.indicator === 'staff_survey_wellbeing_score',
    );
    const sums = sumBy(survey, 'unit_id', (r) => Number(r.numerator));
    const counts = sumBy(survey, 'unit_id', (r) => Number(r.denominator));
    // Planted: −12 points on a 0–100 score (team sd 2.5, respondent sd 15). At 1,500 people teams are small,
    // so only ask each hot team to sit 5+ points below the pooled score of all other teams.
    let [otherSum, otherCount] = [0, 0];
    for (const [unit, sum] of sums)
      if (!hot.includes(unit))
        [otherSum, otherCount] = [otherSum + sum, otherCount + counts.get(unit)!];
    for (const unit of hot) {
      const score = sums.get(unit)! / counts.get(unit)!;
      assert.ok(
        score < otherSum / otherCount - 5,
        `${unit} ${score} vs others ${otherSum / otherCount}`,
      );
    }
    const unitOf = new Map(people.map((p) => [p.person_id, p.unit_id]));
    const restShare = (inHot: boolean): number => {
      const rows = overtime.filter((o) => hot.includes(unitOf.get(o.person_id)!) === inHot);
      return rows.filter((o) => o.rest_day_worked === 'true').length / rows.length;
    };
    assert.ok(
      restShare(true) > 1.5 * restShare(false),
      `rest-day share: hot ${restShare(true)}, others ${restShare(false)}`,
    );
  });

  it('names a person in a high-risk role with no welfare check for over four years', () => {
    const id = manifest.data_quality.welfare_check_overdue_over_4_years as string;
    const person = people.find((p) => p.person_id === id)!;
    assert.ok(person.high_risk_role !== '' && person.end_date === '');
    const checks = readDemo(DIR, 'welfare_checks.csv').filter((w) => w.person_id === id);
    const latest = Math.max(...checks.map((w) => day(w.date)));
    assert.ok(LAST - latest > 4 * 365.25, `last check ${latest}`);
  });

  it('leaves more than 20% of ethnicity missing or not stated in one district only', () => {
    const poor = (d: string): number => {
      const rows = people.filter((p) => p.unit_id.startsWith(`${d}-`));
      return (
        rows.filter((p) => p.ethnicity_group === '' || p.ethnicity_group === 'not_stated').length /
        rows.length
      );
    };
    assert.ok(poor('D4') > 0.2, `D4 ${poor('D4')}`);
    for (const d of ['D1', 'D2', 'D3']) assert.ok(poor(d) < 0.1, `${d} ${poor(d)}`);
  });

  it('writes varied exit comments that mention themes the kit can count', () => {
    const comments = readDemo(DIR, 'exit_interviews.csv')
      .map((e) => e.comments)
      .filter((c) => c !== '');
    assert.ok(new Set(comments).size / comments.length > 0.95);
    const themed = comments.filter((c) =>
      /workload|overtime|stress|manager|shift|pay|promotion|flexib|childcare|culture/i.test(c),
    );
    assert.ok(themed.length / comments.length > 0.3);
  });
});
