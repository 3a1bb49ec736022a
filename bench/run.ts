// npm run bench: the whole suite in one run. Steps: generate (or reuse) the demo forces in
// bench/cache/ → per size, time each kit stage and the core pipeline in every engine, each in its own
// process → check that every engine's matrix equals the reference → write bench/results/latest.*.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChild, tsNode, type ChildResult } from './child.js';
import { compareMatrices, benchWindow, type MatrixCell } from './pipeline-spec.js';
import { ensureData, log, machine, pandasReady, parseArgs } from './setup.js';
import { formatDate } from '../src/time/dates.js';
import { writeResults, type BenchRun, type EngineRun, type StageRun } from './results.js';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const CACHE = join(BENCH, 'cache');
const args = parseArgs(process.argv.slice(2));
const run: BenchRun = {
  started: new Date().toISOString(),
  machine: machine(),
  sizes: [],
  notes: [],
};

for (const people of args.sizes) {
  const dir = await ensureData(people, run.notes);
  const bytes = ['people.csv', 'overtime.csv', 'sickness.csv'].reduce(
    (s, f) => s + statSync(join(dir, f)).size,
    0,
  );
  const size = { people, inputBytes: bytes, stages: [] as StageRun[], engines: [] as EngineRun[] };
  run.sizes.push(size);
  const memoryOk = people <= args.memoryMax;
  const listed = JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', join(BENCH, 'stage.ts'), '--list'], {
      cwd: ROOT,
    }).toString(),
  ) as { name: string; what: string; unavailable: string | null }[];
  for (const stage of args.checkOnly
    ? []
    : [
        {
          name: 'load',
          what: 'load + validate (loadDataset) vs a bare arquero parse',
          unavailable: null,
        },
        ...listed,
      ]) {
    if (stage.unavailable || !memoryOk) {
      size.stages.push({
        name: stage.name,
        what: stage.what,
        status: stage.unavailable ?? `skipped (over --memory-max ${args.memoryMax})`,
      });
      continue;
    }
    log(`${people}: stage ${stage.name}`);
    size.stages.push(
      stageRun(
        stage.name,
        stage.what,
        await runChild(tsNode(join(BENCH, 'stage.ts'), stage.name, dir), { cwd: ROOT }),
      ),
    );
  }
  // wbk check (every row validated and accounted for, the engine the kit picks) against a bare
  // DuckDB count of the same files; wall times of both processes, start-up included
  const asOf = formatDate(benchWindow(dir).asOf);
  log(`${people}: wbk check and a bare DuckDB count`);
  const bare = await runChild(tsNode(join(BENCH, 'peers/duckdb-count.ts'), dir), { cwd: ROOT });
  size.stages.push({
    ...stageRun('check-peer', 'bare DuckDB read_csv count of every file (peer of wbk check)', bare),
    seconds: bare.wallSeconds,
  });
  const check = await runChild(
    [process.execPath, join(ROOT, 'bin/wbk.js'), 'check', '--data', dir, '--as-of', asOf],
    // exit 1: some rows rejected — a finished check (the 250,000 demo has 3 duplicate welfare checks)
    { cwd: ROOT, limitSeconds: 3600, okCodes: [0, 1] },
  );
  size.stages.push({
    ...stageRun('check', 'wbk check, every row validated (node bin/wbk.js check)', check),
    seconds: check.wallSeconds,
  });
  if (args.checkOnly) {
    await writeResults(join(BENCH, 'results'), run, 'check-latest');
    continue;
  }
  if (people === 5000 && !args.skipReport) {
    log(`${people}: wbk report`);
    const out = join(CACHE, 'report-5000');
    rmSync(out, { recursive: true, force: true });
    const r = await runChild(
      [process.execPath, join(ROOT, 'bin/wbk.js'), 'report', '--data', dir, '--out', out],
      { cwd: ROOT },
    );
    size.stages.push({
      ...stageRun('report', 'full wbk report, every notebook (node bin/wbk.js report)', r),
      seconds: r.wallSeconds,
    });
  }
  const w = benchWindow(dir);
  const engines: [string, ((out: string) => string[]) | null, number][] = [
    [
      'kit, in memory (arquero)',
      memoryOk ? (o) => tsNode(join(BENCH, 'pipeline-kit.ts'), dir, 'memory', o) : null,
      3600,
    ],
    ['kit, DuckDB path', (o) => tsNode(join(BENCH, 'pipeline-kit.ts'), dir, 'duckdb', o), 3600],
    [
      'DuckDB SQL (hand-written)',
      (o) => tsNode(join(BENCH, 'peers/duckdb-runner.ts'), dir, o),
      3600,
    ],
    [
      'pandas',
      !args.skipPandas && pandasReady(run.notes)
        ? (o) => [
            '/usr/bin/python3',
            join(BENCH, 'peers/pipeline_pandas.py'),
            dir,
            o,
            String(w.from),
            String(w.to),
            String(w.asOf),
          ]
        : null,
      3600,
    ],
    [
      'danfojs-node',
      people <= args.danfoMax ? (o) => tsNode(join(BENCH, 'peers/danfo.ts'), dir, o) : null,
      args.danfoLimit,
    ],
  ];
  const matrices = new Map<string, MatrixCell[]>();
  for (const [name, command, limit] of engines) {
    if (command === null) {
      size.engines.push({
        name,
        status:
          name !== 'pandas'
            ? 'not run at this size'
            : args.skipPandas
              ? 'not run (--skip-pandas)'
              : 'not run (pandas missing)',
      });
      continue;
    }
    log(`${people}: pipeline ${name}`);
    const out = join(CACHE, `matrix-${people}-${name.replace(/\W+/g, '-')}.json`);
    rmSync(out, { force: true });
    const r = await runChild(command(out), { limitSeconds: limit, cwd: ROOT });
    const engine: EngineRun = {
      name,
      status: r.status === 'not finished' ? `not finished in ${limit} s` : r.status,
      ...figures(r),
    };
    if (r.status === 'ok' && existsSync(out))
      matrices.set(name, JSON.parse(readFileSync(out, 'utf8')) as MatrixCell[]);
    size.engines.push(engine);
  }
  const reference = matrices.get('DuckDB SQL (hand-written)');
  for (const engine of size.engines) {
    const m = matrices.get(engine.name);
    if (!m || !reference) continue;
    try {
      engine.maxDifference = compareMatrices(reference, m, 1e-9);
      engine.cells = m.length;
    } catch (error) {
      engine.status = `WRONG RESULT: ${(error as Error).message}`;
    }
  }
  await writeResults(join(BENCH, 'results'), run);
}
const results = args.checkOnly ? 'check-latest' : 'latest';
await writeResults(join(BENCH, 'results'), run, results);
log(`wrote bench/results/${results}.json, ${results}.md and ${results}.svg`);

function stageRun(name: string, what: string, r: ChildResult): StageRun {
  return {
    name,
    what,
    status: r.status === 'ok' ? 'ok' : `${r.status}${r.error ? `: ${r.error}` : ''}`,
    ...figures(r),
    extra: r.result ?? undefined,
  };
}

function figures(r: ChildResult) {
  const seconds = typeof r.result?.seconds === 'number' ? r.result.seconds : undefined;
  return { seconds, wallSeconds: r.wallSeconds, maxRssMb: r.maxRssMb ?? undefined, error: r.error };
}
