// The core pipeline in danfojs-node, same definitions as bench/README.md, written with danfo's own
// DataFrame verbs (readCSV, merge, query, groupby). The runner kills it after its time limit.
// Run: npx tsx bench/peers/danfo.ts DIR OUT.json
import { writeFileSync } from 'node:fs';
import * as dfd from 'danfojs-node';
import { benchWindow, normaliseMatrix, printResult, type MatrixCell } from '../pipeline-spec.js';

type Frame = InstanceType<typeof dfd.DataFrame>;
const OPEN_END = 2147483647;
const dayOf = (text: unknown) =>
  typeof text === 'string' && text !== ''
    ? Math.round(Date.parse(`${text}T00:00:00Z`) / 864e5)
    : NaN;
const wdBefore = (n: number) => Math.floor(n / 7) * 5 + [0, 1, 2, 2, 2, 3, 4][((n % 7) + 7) % 7];
const wd = (a: number, b: number) => (b < a ? 0 : wdBefore(b + 1) - wdBefore(a));

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  console.error('usage: npx tsx bench/peers/danfo.ts DIR OUT.json');
  process.exit(2);
}
const w = benchWindow(dir);
const t0 = performance.now();
const people = (await dfd.readCSV(`${dir}/people.csv`)) as Frame;
const overtime = (await dfd.readCSV(`${dir}/overtime.csv`)) as Frame;
const sickness = (await dfd.readCSV(`${dir}/sickness.csv`)) as Frame;
const col = (df: Frame, name: string) => df[name].values as unknown[];
people.addColumn('start', col(people, 'start_date').map(dayOf), { inplace: true });
people.addColumn(
  'end',
  col(people, 'end_date').map((v) => (dayOf(v) >= 0 ? dayOf(v) : OPEN_END)),
  {
    inplace: true,
  },
);
overtime.addColumn('day', col(overtime, 'date').map(dayOf), { inplace: true });

// Overtime per unit and month.
const spells = people.loc({ columns: ['person_id', 'unit_id', 'start', 'end'] });
let claims = dfd.merge({ left: overtime, right: spells, on: ['person_id'], how: 'inner' }) as Frame;
claims = claims.query(
  claims['day']
    .ge(claims['start'])
    .and(claims['day'].le(claims['end']))
    .and(claims['day'].ge(w.from))
    .and(claims['day'].le(w.to)),
);
claims.addColumn(
  'month',
  col(claims, 'date').map((d) => String(d).slice(0, 7)),
  { inplace: true },
);
const overtimeUnitMonth = claims.groupby(['unit_id', 'month']).col(['hours']).sum() as Frame;
const overtimeUnit = overtimeUnitMonth.groupby(['unit_id']).col(['hours_sum']).sum() as Frame;

// Exposure, headcount at the start and leavers per unit (summed over the financial years).
const units = new Map<
  string,
  { fteYears: number; hc: number; leavers: number; hours: number; lost: number }
>();
const unit = (id: string) => {
  let u = units.get(id);
  if (!u) units.set(id, (u = { fteYears: 0, hc: 0, leavers: 0, hours: 0, lost: 0 }));
  return u;
};
const pRows = people.loc({
  columns: [
    'unit_id',
    'start',
    'end',
    'fte',
    'leaver_type',
    'person_id',
    'contracted_hours_per_week',
  ],
}).values as unknown[][];
for (const y of w.years) {
  for (const [id, s, e, fte, type] of pRows as [string, number, number, number, string | null][]) {
    if (s > y.end || e < y.start) continue;
    const u = unit(id);
    u.fteYears += (fte * (Math.min(e, y.end) - Math.max(s, y.start) + 1)) / (y.end - y.start + 1);
    if (s <= y.start && e >= y.start) u.hc += 1;
    if (e >= y.start && e <= y.end && e !== OPEN_END && type !== 'transfer_out') u.leavers += 1;
  }
}
for (const [id, hours] of overtimeUnit.values as [string, number][]) unit(id).hours += hours;

// Sickness: each spell to the employment spell in post on its first day, apportioned to FYs.
sickness.addColumn('a0', col(sickness, 'start_date').map(dayOf), { inplace: true });
sickness.addColumn('e0', col(sickness, 'end_date').map(dayOf), { inplace: true });
const sk = dfd.merge({
  left: sickness.loc({ columns: ['person_id', 'a0', 'e0', 'working_days_lost'] }),
  right: people.loc({
    columns: ['person_id', 'unit_id', 'start', 'end', 'fte', 'contracted_hours_per_week'],
  }),
  on: ['person_id'],
  how: 'inner',
}) as Frame;
for (const [, a0, e0, rec, id, s, e, f, h] of sk.values as [
  string,
  number,
  number,
  number | null,
  string,
  number,
  number,
  number,
  number,
][]) {
  if (a0 < s || a0 > e || a0 > w.asOf) continue;
  const fte = f > 0 ? f : h > 0 ? h / 40 : 1;
  const b0 = Math.min(Number.isNaN(e0) ? w.asOf : e0, w.asOf, e);
  const total = wd(a0, b0);
  for (const y of w.years) {
    const a = Math.max(a0, y.start);
    const b = Math.min(b0, y.end);
    if (b < a) continue;
    const inside = wd(a, b);
    const lost =
      rec === null || Number.isNaN(rec)
        ? inside
        : total > 0
          ? (rec * inside) / total
          : (rec * (b - a + 1)) / (b0 - a0 + 1);
    unit(id).lost += fte * lost;
  }
}

// Matrix with z-scores.
const cells: MatrixCell[] = [];
for (const [id, u] of units) {
  cells.push({
    unit_id: id,
    indicator: 'leaver_rate_pct',
    value: u.hc > 0 ? (100 * u.leavers) / u.hc : null,
    z: null,
  });
  cells.push({
    unit_id: id,
    indicator: 'overtime_hours_per_fte',
    value: u.fteYears > 0 ? u.hours / u.fteYears : null,
    z: null,
  });
  cells.push({
    unit_id: id,
    indicator: 'sickness_days_per_fte',
    value: u.fteYears > 0 ? u.lost / u.fteYears : null,
    z: null,
  });
}
for (const indicator of new Set(cells.map((c) => c.indicator))) {
  const mine = cells.filter((c) => c.indicator === indicator && c.value !== null);
  const values = new dfd.Series(mine.map((c) => c.value as number));
  const mean = values.mean();
  const sd = values.std();
  for (const c of mine) c.z = sd > 0 ? ((c.value as number) - mean) / sd : null;
}
const seconds = (performance.now() - t0) / 1000;
writeFileSync(out, JSON.stringify(normaliseMatrix(cells)));
printResult({ seconds });
