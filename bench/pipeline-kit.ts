// The core pipeline run by the kit: parse → claims and sickness to spells and periods (src/scale, in
// memory or pushed down to DuckDB) → unit × period tables and the matrix with arquero and the kit's
// transforms. Run: npx tsx bench/pipeline-kit.ts DIR memory|duckdb OUT.json
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { loadDataset } from '../src/io/load-dataset.js';
import type { ScaleInputs } from '../src/scale/engine.js';
import { isScaleData, openScaleData, type ScaleData } from '../src/scale/scale-data.js';
import { summarizeOvertimeByPeriod } from '../src/scale/overtime-by-period.js';
import { summarizeSicknessByPeriod } from '../src/scale/sickness-by-period.js';
import { summarizeLeaverRates } from '../src/transforms/leavers/leavers.js';
import { summarizeAverageHeadcount } from '../src/transforms/workforce/periods-at-risk.js';
import { benchWindow, normaliseMatrix, printResult, type MatrixCell } from './pipeline-spec.js';

const op = aq.op;

/** Runs the pipeline on the demo force in `dir` with the given engine; returns the matrix and timings. */
export async function runKitPipeline(dir: string, engine: 'memory' | 'duckdb') {
  const w = benchWindow(dir);
  const by = ['unit_id'];
  const t0 = performance.now();
  // Memory: the kit's loader (parse + validate). DuckDB: one session for the run (openScaleData)
  // reads each CSV once, each event file into rows of the columns its aggregations read, joined to
  // employment spells as each aggregation runs; people (small) comes back into arquero, with the
  // columns the headcount and leaver transforms read, for those transforms.
  let people: ColumnTable;
  let inputs: ScaleInputs | ScaleData;
  if (engine === 'memory') {
    const data = await loadDataset(dir, { asOf: w.asOf });
    people = data.tables.people;
    inputs = { people, overtime: data.tables.overtime, sickness: data.tables.sickness };
  } else {
    inputs = await openScaleData({
      people: join(dir, 'people.csv'),
      overtime: join(dir, 'overtime.csv'),
      sickness: join(dir, 'sickness.csv'),
    });
    people = await inputs.people([...by, 'start_date', 'end_date', 'fte', 'leaver_type']);
  }
  const parsed = performance.now();
  const overtimeByUnitMonth = await summarizeOvertimeByPeriod(inputs, {
    periods: w.months,
    by,
    measures: ['overtime_hours'],
    engine,
  });
  const sick = await summarizeSicknessByPeriod(inputs, {
    periods: w.years,
    by,
    measures: ['fte_days_lost'],
    asOf: w.asOf,
    engine,
  });
  if (isScaleData(inputs)) inputs.close();
  const aggregated = performance.now();

  const exposure = summarizeAverageHeadcount(people, { periods: w.years, by });
  const sicknessByUnitYear = sick
    .select('unit_id', 'period', 'fte_days_lost')
    .join_right(exposure.select('unit_id', 'period', 'avg_fte_time_weighted'), [
      ['unit_id', 'period'],
      ['unit_id', 'period'],
    ])
    .derive({
      fte_days_lost: (d: { fte_days_lost: number | undefined }) => d.fte_days_lost ?? 0,
      days_lost_per_fte: (d: { fte_days_lost: number; avg_fte_time_weighted: number }) =>
        d.avg_fte_time_weighted > 0 ? (d.fte_days_lost ?? 0) / d.avg_fte_time_weighted : null,
    });
  const leaversByUnitYear = summarizeLeaverRates(people, { periods: w.years, by });
  const matrix = buildMatrix(overtimeByUnitMonth, sicknessByUnitYear, leaversByUnitYear);
  const done = performance.now();
  return {
    matrix,
    seconds: (done - t0) / 1000,
    parseSeconds: (parsed - t0) / 1000,
    aggregateSeconds: (aggregated - parsed) / 1000,
    analysisSeconds: (done - aggregated) / 1000,
  };
}

/** Sums each unit's numerators and denominators over the window, divides, then z-scores per indicator. */
function buildMatrix(
  overtime: ColumnTable,
  sickness: ColumnTable,
  leavers: ColumnTable,
): MatrixCell[] {
  const units = sickness
    .groupby('unit_id')
    .rollup({ fte_years: op.sum('avg_fte_time_weighted'), fte_days_lost: op.sum('fte_days_lost') })
    .join_left(
      overtime.groupby('unit_id').rollup({ overtime_hours: op.sum('overtime_hours') }),
      'unit_id',
    )
    .join_left(
      leavers
        .groupby('unit_id')
        .rollup({ leavers: op.sum('leavers'), headcount_start: op.sum('headcount_start') }),
      'unit_id',
    )
    .derive({
      overtime_hours_per_fte: (d: Record<string, number>) =>
        d.fte_years > 0 ? (d.overtime_hours ?? 0) / d.fte_years : null,
      sickness_days_per_fte: (d: Record<string, number>) =>
        d.fte_years > 0 ? d.fte_days_lost / d.fte_years : null,
      leaver_rate_pct: (d: Record<string, number>) =>
        d.headcount_start > 0 ? (100 * d.leavers) / d.headcount_start : null,
    })
    .fold(['leaver_rate_pct', 'overtime_hours_per_fte', 'sickness_days_per_fte'], {
      as: ['indicator', 'value'],
    })
    .select('unit_id', 'indicator', 'value')
    .groupby('indicator')
    .derive({ mean: op.mean('value'), sd: op.stdev('value') })
    .ungroup()
    .derive({
      z: (d: { value: number | null; mean: number; sd: number }) =>
        d.value === null || !(d.sd > 0) ? null : (d.value - d.mean) / d.sd,
    });
  return normaliseMatrix(
    units.select('unit_id', 'indicator', 'value', 'z').objects() as MatrixCell[],
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [dir, engine, out] = process.argv.slice(2);
  if (!dir || (engine !== 'memory' && engine !== 'duckdb') || !out) {
    console.error('usage: npx tsx bench/pipeline-kit.ts DIR memory|duckdb OUT.json');
    process.exit(2);
  }
  const r = await runKitPipeline(dir, engine);
  writeFileSync(out, JSON.stringify(r.matrix));
  const { matrix: _matrix, ...timings } = r;
  printResult(timings);
}
