// The core benchmark pipeline's shared pieces: the window read from the demo manifest, the matrix
// every engine must produce (unit × indicator with z-scores), its JSON form and the equality check.
// The definition every engine follows is written out in bench/README.md ("The core pipeline").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDate } from '../src/time/dates.js';
import { periodsBetween, type Period } from '../src/time/periods.js';

/** One cell of the matrix: a unit's value of an indicator and its z-score across units. */
export interface MatrixCell {
  unit_id: string;
  indicator: string;
  value: number | null;
  z: number | null;
}

/** The indicators of the matrix, in output order. */
export const INDICATORS = ['leaver_rate_pct', 'overtime_hours_per_fte', 'sickness_days_per_fte'];

export interface BenchWindow {
  from: number;
  to: number;
  asOf: number;
  months: Period[];
  years: Period[];
}

/** The window of a generated demo force (its manifest): months and financial years, and the as-of day. */
export function benchWindow(dir: string): BenchWindow {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    window: { start_date: string; end_date: string; as_of_date: string };
  };
  const day = (text: string) => parseDate(text);
  const from = day(manifest.window.start_date);
  const to = day(manifest.window.end_date);
  return {
    from,
    to,
    asOf: day(manifest.window.as_of_date),
    months: periodsBetween(from, to, 'month'),
    years: periodsBetween(from, to, 'financial_year'),
  };
}

/**
 * Throws unless `got` has the same cells as `want` (same units and indicators, values and z within
 * `tolerance` absolute, nulls in the same places); returns the largest absolute difference.
 */
export function compareMatrices(want: MatrixCell[], got: MatrixCell[], tolerance = 1e-9): number {
  if (want.length !== got.length) {
    throw new Error(`matrix has ${got.length} cells, the reference ${want.length}`);
  }
  let worst = 0;
  want.forEach((w, i) => {
    const g = got[i];
    if (w.unit_id !== g.unit_id || w.indicator !== g.indicator) {
      throw new Error(
        `cell ${i}: ${g.unit_id}/${g.indicator}, reference ${w.unit_id}/${w.indicator}`,
      );
    }
    for (const key of ['value', 'z'] as const) {
      const [a, b] = [w[key], g[key]];
      if (a === null || b === null || Number.isNaN(a) || Number.isNaN(b)) {
        const bothMissing = (a === null || Number.isNaN(a)) && (b === null || Number.isNaN(b));
        if (!bothMissing)
          throw new Error(`${w.unit_id}/${w.indicator} ${key}: ${b}, reference ${a}`);
        continue;
      }
      const diff = Math.abs(a - b);
      worst = Math.max(worst, diff);
      if (!(diff <= tolerance)) {
        throw new Error(`${w.unit_id}/${w.indicator} ${key}: ${b}, reference ${a} (|Δ| ${diff})`);
      }
    }
  });
  return worst;
}

/** Sorts cells by unit then indicator (byte order, as every engine sorts) and nulls out NaN. */
export function normaliseMatrix(cells: MatrixCell[]): MatrixCell[] {
  const clean = (v: number | null | undefined) =>
    v === null || v === undefined || Number.isNaN(v) ? null : v;
  return cells
    .map((c) => ({
      unit_id: String(c.unit_id),
      indicator: c.indicator,
      value: clean(c.value),
      z: clean(c.z),
    }))
    .sort((a, b) =>
      a.unit_id < b.unit_id
        ? -1
        : a.unit_id > b.unit_id
          ? 1
          : a.indicator < b.indicator
            ? -1
            : a.indicator > b.indicator
              ? 1
              : 0,
    );
}

/** The line a child process prints last so that the runner can read its figures. */
export function printResult(result: Record<string, unknown>): void {
  console.log(
    `BENCH_RESULT ${JSON.stringify({ ...result, maxRssMb: process.resourceUsage().maxRSS / 1024 })}`,
  );
}
