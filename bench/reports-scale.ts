// npm run bench -- --only reports-scale: `wbk check` and the force report (`wbk report`, every
// notebook) on the demo force at 50,000 and 250,000 people, each timed in its own process tree.
// Steps: generate (or reuse) bench/cache/demo-N → wbk check → wbk report → write
// bench/results/reports-scale-latest.json and .md (wall, CPU, peak memory of the whole tree).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChild, type ChildResult } from './child.js';
import { ensureData, log, machine } from './setup.js';
import { benchWindow } from './pipeline-spec.js';
import { formatDate } from '../src/time/dates.js';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const argv = process.argv.slice(2);
const get = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
const sizes = (get('--sizes') ?? '50000,250000').split(',').map(Number);
const jobs = get('--jobs') ?? '1';
const loadEngine = get('--load-engine') ?? 'auto';
if (sizes.some((n) => !Number.isInteger(n) || n < 100) || !/^\d+$/.test(jobs)) {
  console.error(
    'bench --only reports-scale: --sizes takes whole numbers ≥ 100 (e.g. 50000,250000), --jobs a whole number.',
  );
  process.exit(2);
}

interface Timed {
  status: string;
  wallSeconds: number;
  cpuSeconds?: number;
  /** RSS summed over the process tree (wbk and its workers), sampled every 0.5 s. */
  treePeakMb?: number;
  /** GNU time's maximum RSS: the largest single process. */
  maxRssMb: number | null;
  error?: string;
  /** Notebooks that failed, from wbk report's progress lines. */
  failed?: string[];
}

const run = {
  started: new Date().toISOString(),
  machine: machine(),
  options: { jobs: Number(jobs), loadEngine },
  sizes: [] as { people: number; check: Timed; report: Timed }[],
  notes: [] as string[],
};

for (const people of sizes) {
  const dir = await ensureData(people, run.notes);
  const asOf = formatDate(benchWindow(dir).asOf);
  log(`${people}: wbk check`);
  const check = await runChild(
    [process.execPath, join(ROOT, 'bin/wbk.js'), 'check', '--data', dir, '--as-of', asOf],
    { cwd: ROOT, limitSeconds: 3600, okCodes: [0, 1], treeRss: true },
  );
  log(`${people}: wbk report (force report, every notebook, --jobs ${jobs})`);
  const out = join(BENCH, 'cache', `report-scale-${people}`);
  rmSync(out, { recursive: true, force: true });
  const report = await runChild(
    [
      process.execPath,
      join(ROOT, 'bin/wbk.js'),
      'report',
      '--data',
      dir,
      '--out',
      out,
      '--jobs',
      jobs,
      '--engine',
      loadEngine,
    ],
    { cwd: ROOT, limitSeconds: 3 * 3600, treeRss: true },
  );
  run.sizes.push({ people, check: timed(check), report: timed(report) });
  write();
}
write();
log('wrote bench/results/reports-scale-latest.json and .md');

function timed(r: ChildResult): Timed {
  const failed = /FAILED — ([^,]+)/g;
  return {
    status: r.status,
    wallSeconds: r.wallSeconds,
    cpuSeconds: r.cpuSeconds,
    treePeakMb: r.treePeakMb,
    maxRssMb: r.maxRssMb,
    ...(r.error && { error: r.error }),
    failed: [...(r.error ?? '').matchAll(failed)].map((m) => m[1]),
  };
}

function write(): void {
  const dirOut = join(BENCH, 'results');
  mkdirSync(dirOut, { recursive: true });
  writeFileSync(join(dirOut, 'reports-scale-latest.json'), `${JSON.stringify(run, null, 2)}\n`);
  const gib = (mb?: number | null) => (mb == null ? '—' : `${(mb / 1024).toFixed(1)} GiB`);
  const s = (x?: number) => (x === undefined ? '—' : `${x.toFixed(0)} s`);
  const cell = (t: Timed) =>
    `${t.status}${t.failed?.length ? ` (failed: ${t.failed.join(', ')})` : ''} | ${s(t.wallSeconds)} | ${s(t.cpuSeconds)} | ${gib(t.treePeakMb)} | ${gib(t.maxRssMb)}`;
  const lines = [
    `# wbk check and the force report at scale (${run.started})`,
    '',
    `Machine: ${run.machine.cpus} cores, ${run.machine.memoryGiB} GiB, Node ${run.machine.node}, load average at the start ${run.machine.loadAverageAtStart}. wbk report --jobs ${jobs} --engine ${loadEngine}. Wall and CPU (user + system, the process and the workers it waited for) of the whole command, start-up included; peak memory summed over the process tree (wbk and its workers, sampled every 0.5 s) and of the largest single process (GNU time).`,
    '',
    '| people | run | status | wall | CPU | peak, tree | peak, largest process |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...run.sizes.flatMap((z) => [
      `| ${z.people.toLocaleString('en-GB')} | \`wbk check\` | ${cell(z.check)} |`,
      `| ${z.people.toLocaleString('en-GB')} | \`wbk report\` (force, every notebook) | ${cell(z.report)} |`,
    ]),
    '',
    ...run.notes.map((n) => `- ${n}`),
    '',
  ];
  writeFileSync(join(dirOut, 'reports-scale-latest.md'), lines.join('\n'));
}
