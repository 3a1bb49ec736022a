// One stage of the kit, timed in its own process so that its peak memory is its own. Steps: load the
// demo force (not timed, except for the load stage) → run the stage's analysis → print BENCH_RESULT.
// Run: npx tsx bench/stage.ts STAGE DIR   (npx tsx bench/stage.ts --list prints the stages)
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ColumnTable } from 'arquero';
import { loadDataset, type Dataset } from '../src/io/load-dataset.js';
import { benchWindow, printResult, type BenchWindow } from './pipeline-spec.js';

interface Stage {
  name: string;
  what: string;
  /** Source files the stage needs (relative to src/); missing → "not available". */
  needs: string[];
  run(data: Dataset, w: BenchWindow): Promise<ColumnTable | number>;
}

const SRC = join(fileURLToPath(new URL('..', import.meta.url)), 'src');
const load = async <T>(file: string) => (await import(join(SRC, file))) as T;

/** The kit's analyses, by stage name, in report order. */
export const STAGES: Stage[] = [
  {
    name: 'leavers',
    what: 'leaver rates by unit × financial year (summarizeLeaverRates)',
    needs: ['transforms/leavers/leavers.ts'],
    run: async (d, w) =>
      (
        await load<typeof import('../src/transforms/leavers/leavers.js')>(
          'transforms/leavers/leavers.ts',
        )
      ).summarizeLeaverRates(d.tables.people, { periods: w.years, by: ['unit_id'] }),
  },
  {
    name: 'retention',
    what: 'retention curves and resignation incidence by worker type (Kaplan–Meier, Aalen–Johansen)',
    needs: ['transforms/leavers/retention.ts', 'transforms/leavers/retention-data.ts'],
    run: async (d, w) => {
      const r = await load<typeof import('../src/transforms/leavers/retention.js')>(
        'transforms/leavers/retention.ts',
      );
      const rd = await load<typeof import('../src/transforms/leavers/retention-data.js')>(
        'transforms/leavers/retention-data.ts',
      );
      const data = rd.deriveRetentionData(d.tables.people, {
        dataEnd: w.asOf,
        windowStart: w.from,
      });
      r.summarizeRetentionCurves(data, { by: ['worker_type'], minAtRisk: 5 });
      return r.summarizeResignationIncidence(data, { by: ['worker_type'], minAtRisk: 5 });
    },
  },
  {
    name: 'sickness',
    what: 'sickness absence by unit × month (summarizeSickness)',
    needs: ['transforms/sickness/summary.ts'],
    run: async (d, w) =>
      (
        await load<typeof import('../src/transforms/sickness/summary.js')>(
          'transforms/sickness/summary.ts',
        )
      ).summarizeSickness(d.tables.people, d.tables.sickness, {
        periods: w.months,
        by: ['unit_id'],
        asOf: w.asOf,
      }),
  },
  {
    name: 'overtime',
    what: 'overtime by unit × month (summarizeOvertime)',
    needs: ['transforms/overtime/summary.ts'],
    run: async (d, w) =>
      (
        await load<typeof import('../src/transforms/overtime/summary.js')>(
          'transforms/overtime/summary.ts',
        )
      ).summarizeOvertime(d.tables.people, d.tables.overtime, {
        periods: w.months,
        by: ['unit_id'],
      }),
  },
  {
    name: 'working-time',
    what: 'rolling 17-week working time by unit, each month (summarizeWorkingTime)',
    needs: ['transforms/overtime/working-time.ts'],
    run: async (d, w) =>
      (
        await load<typeof import('../src/transforms/overtime/working-time.js')>(
          'transforms/overtime/working-time.ts',
        )
      ).summarizeWorkingTime(d.tables.people, d.tables.overtime, {
        periods: w.months,
        by: ['unit_id'],
        sickness: d.tables.sickness,
      }),
  },
  {
    name: 'matrix',
    what: 'well-being matrix by the level below the top, last two financial years (summarizeWellbeingMatrix)',
    needs: ['transforms/matrix/summary.ts', 'transforms/units/hierarchy.ts'],
    run: async (d, w) => {
      const m = await load<typeof import('../src/transforms/matrix/summary.js')>(
        'transforms/matrix/summary.ts',
      );
      const h = await load<typeof import('../src/transforms/units/hierarchy.js')>(
        'transforms/units/hierarchy.ts',
      );
      return m.summarizeWellbeingMatrix(d.tables, h.unitTree(d.tables.units), {
        periods: w.years.slice(-2),
        levels: [d.levels[Math.min(1, d.levels.length - 1)]],
        asOf: w.asOf,
      });
    },
  },
];

/** Why a stage cannot run yet (its source is missing), or null. */
export function unavailable(stage: Stage): string | null {
  const missing = stage.needs.filter((f) => !existsSync(join(SRC, f)));
  return missing.length > 0 ? `not available (src/${missing.join(', src/')} missing)` : null;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [name, dir] = process.argv.slice(2);
  if (name === '--list') {
    console.log(
      JSON.stringify(
        STAGES.map((s) => ({ name: s.name, what: s.what, unavailable: unavailable(s) })),
      ),
    );
    process.exit(0);
  }
  const w = benchWindow(dir);
  if (name === 'load') {
    const { benchLoad } = await import('./load.js');
    const people = Number(/demo-(\d+)$/.exec(dir)?.[1]);
    const r = await benchLoad({ people });
    printResult({
      seconds: r.seconds,
      rows: r.rows,
      bareParseSeconds: r.bareParseSeconds,
      ratio: r.ratio,
    });
    process.exit(0);
  }
  const stage = STAGES.find((s) => s.name === name);
  if (!stage || !dir) {
    console.error(
      `usage: npx tsx bench/stage.ts ${['load', ...STAGES.map((s) => s.name)].join('|')} DIR`,
    );
    process.exit(2);
  }
  const data = await loadDataset(dir, { asOf: w.asOf });
  const started = performance.now();
  const result = await stage.run(data, w);
  const seconds = (performance.now() - started) / 1000;
  printResult({ seconds, rows: typeof result === 'number' ? result : result.numRows() });
}
