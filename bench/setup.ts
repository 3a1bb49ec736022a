// Set-up for npm run bench: options, the machine's description, the cached demo forces and pandas.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChild } from './child.js';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const CACHE = join(BENCH, 'cache');

/** The cached demo force of `people` (generated when missing or changed); its folder. */
export async function ensureData(people: number, notes: string[]): Promise<string> {
  const dir = join(CACHE, `demo-${people}`);
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      options: { people: number };
      files: Record<string, { bytes: number }>;
    };
    const intact = Object.entries(m.files).every(
      ([f, { bytes }]) => existsSync(join(dir, f)) && statSync(join(dir, f)).size === bytes,
    );
    if (m.options.people === people && intact) return dir;
  }
  log(`generating the demo force with ${people} people into ${dir} …`);
  mkdirSync(dir, { recursive: true });
  const script = `import('${join(ROOT, 'src/demo/generate.ts')}').then((m) => m.generateDemoForce({ people: ${people}, outDir: '${dir}' }))`;
  const r = await runChild(
    [process.execPath, '--max-old-space-size=16384', '--import', 'tsx', '-e', script],
    { cwd: ROOT },
  );
  if (r.status !== 'ok') throw new Error(`bench: generating ${people} people failed: ${r.error}`);
  notes.push(`generated ${people} people in ${r.wallSeconds.toFixed(0)} s`);
  return dir;
}

/** Whether Debian's pandas can be imported; installs it with apt when missing and running as root. */
export function pandasReady(notes: string[]): boolean {
  const check = () => {
    try {
      execFileSync('/usr/bin/python3', ['-c', 'import pandas'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  if (check()) return true;
  if (process.getuid?.() === 0) {
    log('installing python3-pandas with apt …');
    try {
      execFileSync('apt-get', ['install', '-y', 'python3-pandas'], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch {
      /* reported below */
    }
    if (check()) return true;
  }
  const note =
    'pandas is missing: install it with `sudo apt-get install -y python3-pandas` and run again.';
  if (!notes.includes(note)) notes.push(note);
  log(note);
  return false;
}

/** Cores, memory, Node version and load average, for the record. */
export function machine() {
  const cpus = readFileSync('/proc/cpuinfo', 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('processor')).length;
  const mem =
    Number(/MemTotal:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0) / 1024 ** 2;
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  return { cpus, memoryGiB: Math.round(mem), node: process.version, loadAverageAtStart: load };
}

/** The options of npm run bench. */
export function parseArgs(argv: string[]) {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const known = [
    '--sizes',
    '--quick',
    '--skip-report',
    '--danfo-limit',
    '--danfo-max',
    '--memory-max',
    '--skip-pandas',
    '--check-only',
  ];
  const unknown = argv.filter(
    (a, i) => a.startsWith('--') && !known.includes(a) && !known.includes(argv[i - 1]),
  );
  if (unknown.length > 0) {
    console.error(
      `bench: unknown option ${unknown.join(' ')}. Options: --sizes 5000,50000 | --quick | --skip-report | --danfo-limit S | --danfo-max N | --memory-max N | --skip-pandas | --check-only`,
    );
    process.exit(2);
  }
  const sizes = argv.includes('--quick')
    ? [5000]
    : (get('--sizes') ?? '5000,50000,250000').split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 100)) {
    console.error(
      `bench: --sizes takes whole numbers of people ≥ 100, comma-separated, e.g. --sizes 5000,50000`,
    );
    process.exit(2);
  }
  return {
    sizes,
    skipReport: argv.includes('--skip-report'),
    skipPandas: argv.includes('--skip-pandas'),
    /** Only `wbk check` and its peer, the bare count (npm run bench -- --only check). */
    checkOnly: argv.includes('--check-only'),
    danfoLimit: Number(get('--danfo-limit') ?? 120),
    danfoMax: Number(get('--danfo-max') ?? 5000),
    memoryMax: Number(get('--memory-max') ?? 50000),
  };
}

/** Prints a progress line to stderr. */
export function log(message: string) {
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}
