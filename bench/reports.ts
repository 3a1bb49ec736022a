// npm run bench -- --only reports: how long `wbk report` takes against `wbk check` on the demo force
// (4,000 people), with both engines, and the per-unit run at the lowest unit level with the batch
// engine; prints the ratios the README quotes and writes bench/results/reports-latest.json.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChild, type ChildResult } from './child.js';
import { ensureData, log, machine } from './setup.js';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const CACHE = join(BENCH, 'cache');
const WBK = [process.execPath, join(ROOT, 'bin/wbk.js')];
const argv = process.argv.slice(2);
const jobs = argv.includes('--jobs') ? argv[argv.indexOf('--jobs') + 1] : '2';
const people = Number(argv.includes('--people') ? argv[argv.indexOf('--people') + 1] : 4000);
const skipJupyter = argv.includes('--skip-jupyter');

const notes: string[] = [];
const dir = await ensureData(people, notes);
// The lowest level of the units table plays "team": read it from the data, never assume its name.
const lowest = lowestLevel(join(dir, 'units.csv'));

const GNU_TIME = '/usr/bin/time';
const timings: Record<
  string,
  { seconds: number; cpuSeconds: number | null; status: string; error?: string }
> = {};
const cpu: Record<string, number> = {};
async function time(name: string, args: string[]): Promise<number> {
  log(`reports: ${name} (wbk ${args.join(' ')})`);
  const out = join(CACHE, `reports-${name}`);
  rmSync(out, { recursive: true, force: true });
  // CPU seconds (user + system of the process and the children it waited for) beside wall time: on
  // a shared machine the wall clock says as much about the neighbours as about wbk.
  const cpuFile = join(CACHE, `reports-${name}.cpu`);
  rmSync(cpuFile, { force: true });
  const timed = existsSync(GNU_TIME) ? [GNU_TIME, '-o', cpuFile, '-f', '%U %S'] : [];
  const r: ChildResult = await runChild(
    [...timed, ...WBK, ...args.map((a) => (a === 'OUT' ? out : a))],
    { cwd: ROOT, limitSeconds: 7200 },
  );
  const seconds = existsSync(cpuFile)
    ? readFileSync(cpuFile, 'utf8')
        .trim()
        .split(/\s+/)
        .slice(-2)
        .reduce((sum, v) => sum + Number(v), 0)
    : null;
  if (seconds !== null) cpu[name] = seconds;
  timings[name] = {
    seconds: r.wallSeconds,
    cpuSeconds: seconds,
    status: r.status,
    ...(r.error ? { error: r.error } : {}),
  };
  log(
    `reports: ${name}: ${r.status}, ${r.wallSeconds.toFixed(1)} s wall, ${seconds?.toFixed(1) ?? '?'} s CPU`,
  );
  return r.wallSeconds;
}

const check = await time('check', ['check', '--data', dir]);
const batch = await time('report-batch', [
  'report',
  '--data',
  dir,
  '--out',
  'OUT',
  '--jobs',
  jobs,
  '--engine',
  'batch',
]);
const perUnit = await time('per-unit-batch', [
  'report',
  '--data',
  dir,
  '--out',
  'OUT',
  '--jobs',
  jobs,
  '--engine',
  'batch',
  '--per-unit',
  '--level',
  lowest,
]);
const jupyter = skipJupyter
  ? null
  : await time('report-jupyter', [
      'report',
      '--data',
      dir,
      '--out',
      'OUT',
      '--jobs',
      jobs,
      '--engine',
      'jupyter',
    ]);

const ratios = {
  'force report (batch) / check': batch / check,
  ...(jupyter === null ? {} : { 'force report (jupyter) / check': jupyter / check }),
  [`per-unit at ${lowest} (batch) / force report (batch)`]: perUnit / batch,
};
const cpuRatios =
  cpu.check && cpu['report-batch'] && cpu['per-unit-batch']
    ? {
        'force report (batch) / check, CPU': cpu['report-batch'] / cpu.check,
        ...(cpu['report-jupyter']
          ? { 'force report (jupyter) / check, CPU': cpu['report-jupyter'] / cpu.check }
          : {}),
        [`per-unit at ${lowest} (batch) / force report (batch), CPU`]:
          cpu['per-unit-batch'] / cpu['report-batch'],
      }
    : {};
const result = {
  started: new Date().toISOString(),
  machine: machine(),
  people,
  jobs,
  lowest,
  timings,
  ratios,
  cpuRatios,
  notes,
};
mkdirSync(join(BENCH, 'results'), { recursive: true });
writeFileSync(
  join(BENCH, 'results', 'reports-latest.json'),
  `${JSON.stringify(result, null, 2)}\n`,
);
console.log(`\nwbk report on the demo force (${people} people, --jobs ${jobs}):`);
for (const [name, t] of Object.entries(timings))
  console.log(
    `  ${name.padEnd(16)} ${t.seconds.toFixed(1).padStart(7)} s wall ${t.cpuSeconds?.toFixed(1).padStart(7) ?? '      ?'} s CPU  ${t.status}`,
  );
for (const [name, ratio] of Object.entries({ ...ratios, ...cpuRatios }))
  console.log(`  ${name}: ${ratio.toFixed(2)}×`);
log('wrote bench/results/reports-latest.json');

function lowestLevel(unitsCsv: string): string {
  const split = (line: string) =>
    (line.match(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g) ?? []).map((f) =>
      f.replace(/,$/, '').replace(/^"|"$/g, ''),
    );
  const [header, ...rows] = readFileSync(unitsCsv, 'utf8').trim().split(/\r?\n/);
  const cols = split(header);
  const id = cols.indexOf('unit_id');
  const parent = cols.indexOf('parent_id');
  const level = cols.indexOf('level');
  const parents = new Set(rows.map((r) => split(r)[parent]));
  // a unit that is nobody's parent is a leaf; the leaves' level is the lowest
  const leaf = rows.map(split).find((c) => !parents.has(c[id]));
  if (!leaf) throw new Error(`bench: ${unitsCsv} has no unit without children.`);
  return leaf[level];
}
