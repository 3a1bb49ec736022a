// Writes a benchmark run to bench/results/: latest.json (everything), latest.md (the tables and the
// goals of issue 9, met or missed by how much) and latest.svg (pipeline time per engine and size).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderVegaLiteSvg } from '../src/display/vega.js';
import { DEFAULT_DUCKDB_THRESHOLD_BYTES } from '../src/scale/engine.js';

export interface StageRun {
  name: string;
  what: string;
  status: string;
  /** The work's own time (the child's figure, start-up excluded), seconds. */
  seconds?: number;
  wallSeconds?: number;
  maxRssMb?: number;
  error?: string;
  extra?: Record<string, unknown>;
}

export interface EngineRun extends Omit<StageRun, 'what'> {
  /** Largest |difference| of the matrix from the hand-written DuckDB SQL's. */
  maxDifference?: number;
  cells?: number;
}

export interface BenchRun {
  started: string;
  machine: Record<string, unknown>;
  sizes: { people: number; inputBytes: number; stages: StageRun[]; engines: EngineRun[] }[];
  notes: string[];
}

const SQL = 'DuckDB SQL (hand-written)';

/** Writes latest.json, latest.md and latest.svg for `run` into `dir`. */
export async function writeResults(dir: string, run: BenchRun, name = 'latest'): Promise<void> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(run, null, 2)}\n`);
  writeFileSync(join(dir, `${name}.md`), markdown(run));
  writeFileSync(join(dir, `${name}.svg`), await renderVegaLiteSvg(chartSpec(run)));
}

/** The engine the kit picks by itself ('auto') for inputs of this many bytes. */
export function autoEngine(inputBytes: number): string {
  return inputBytes > DEFAULT_DUCKDB_THRESHOLD_BYTES
    ? 'kit, DuckDB path'
    : 'kit, in memory (arquero)';
}

function markdown(run: BenchRun): string {
  const fmt = (s?: number) => (s === undefined ? '' : `${s < 10 ? s.toFixed(2) : s.toFixed(1)} s`);
  const mem = (m?: number) =>
    m === undefined ? '' : m >= 1024 ? `${(m / 1024).toFixed(1)} GiB` : `${Math.round(m)} MB`;
  const cell = (r?: StageRun | EngineRun) =>
    !r
      ? '—'
      : r.status === 'ok'
        ? `${fmt(r.seconds ?? r.wallSeconds)}, ${mem(r.maxRssMb)}`
        : r.status.split(':')[0];
  const lines = [
    '# Benchmark results',
    '',
    `Run ${run.started} on ${run.machine.cpus} cores, ${run.machine.memoryGiB} GiB, Node ${run.machine.node}; load average at start ${run.machine.loadAverageAtStart} (the machine is shared, so times are noisy: compare ratios within one run).`,
    '',
    '## Core pipeline (parse → join → overtime per unit-month, sickness per unit-FY, leavers per unit-FY → matrix with z-scores)',
    '',
    'Time of the work inside each process (start-up excluded), peak resident memory of the process; every finished engine’s matrix equals the hand-written SQL’s within 1e-9.',
    '',
    `| people (input CSVs) | ${run.sizes[0]?.engines.map((e) => e.name).join(' | ') ?? ''} |`,
    `| --- | ${run.sizes[0]?.engines.map(() => '---').join(' | ') ?? ''} |`,
    ...run.sizes.map(
      (s) =>
        `| ${s.people.toLocaleString('en-GB')} (${mem(s.inputBytes / 1024 ** 2)}) | ${s.engines.map(cell).join(' | ')} |`,
    ),
    '',
    '## Kit stages (each in its own process; the load is not part of an analysis stage’s time, but is of its memory)',
    '',
    `| stage | ${run.sizes.map((s) => `${s.people.toLocaleString('en-GB')} people`).join(' | ')} |`,
    `| --- | ${run.sizes.map(() => '---').join(' | ')} |`,
    ...[...new Set(run.sizes.flatMap((s) => s.stages.map((t) => t.name)))].map((name) => {
      const what = run.sizes.flatMap((s) => s.stages).find((t) => t.name === name)?.what ?? name;
      return `| ${what} | ${run.sizes.map((s) => cell(s.stages.find((t) => t.name === name))).join(' | ')} |`;
    }),
    '',
    '## Goals (issue 9)',
    '',
    ...goals(run).map((g) => `- ${g}`),
    ...(run.notes.length ? ['', '## Notes', '', ...run.notes.map((n) => `- ${n}`)] : []),
    '',
  ];
  return lines.join('\n');
}

function goals(run: BenchRun): string[] {
  const out: string[] = [];
  const mem = (m?: number) =>
    m === undefined ? '?' : m >= 1024 ? `${(m / 1024).toFixed(1)} GiB` : `${Math.round(m)} MB`;
  const at = (people: number) => run.sizes.find((s) => s.people === people);
  const eng = (people: number, name: string) =>
    at(people)?.engines.find((e) => e.name === name && e.status === 'ok');
  const ok = (met: boolean) => (met ? '**met**' : '**missed**');
  const report = at(5000)?.stages.find((s) => s.name === 'report');
  out.push(
    report?.status === 'ok'
      ? `Full \`wbk report\` at 5,000 people under 60 s: ${report.seconds!.toFixed(1)} s — ${ok(report.seconds! < 60)}.`
      : `Full \`wbk report\` at 5,000 people: ${report?.status ?? 'not run'}.`,
  );
  for (const people of [50000, 250000]) {
    const s = at(people);
    if (!s) {
      out.push(`${people.toLocaleString('en-GB')} people: not run in this run.`);
      continue;
    }
    // `--only check` runs no pipeline engine: only the check's goal below applies
    if (s.engines.length === 0) continue;
    const kitName = autoEngine(s.inputBytes);
    const kit = eng(people, kitName);
    const sql = eng(people, SQL);
    const pandas = eng(people, 'pandas');
    if (!kit) {
      out.push(
        `${people.toLocaleString('en-GB')} people: the kit (${kitName}) did not finish — **missed**.`,
      );
      continue;
    }
    if (pandas && people === 50000) {
      const speed = pandas.seconds! / kit.seconds!;
      out.push(
        `${people.toLocaleString('en-GB')}: kit (${kitName}) ${speed.toFixed(2)}× faster than pandas (goal ≥ 2×) — ${ok(speed >= 2)}.`,
      );
      const m = kit.maxRssMb! / pandas.maxRssMb!;
      out.push(
        `${people.toLocaleString('en-GB')}: kit peak memory ${m.toFixed(2)}× pandas' (goal ≤ 1×) — ${ok(m <= 1)}.`,
      );
    }
    if (sql) {
      const r = kit.seconds! / sql.seconds!;
      out.push(
        `${people.toLocaleString('en-GB')}: kit (${kitName}) ${r.toFixed(2)}× the hand-written DuckDB SQL's time (goal ≤ 1.5×) — ${ok(r <= 1.5)}.`,
      );
    }
    if (people === 250000) {
      const gib = kit.maxRssMb! / 1024;
      out.push(
        `250,000: kit peak memory ${gib.toFixed(1)} GiB (goal: completes within 24 GiB) — ${ok(gib <= 24)}.`,
      );
    }
  }
  for (const s of run.sizes) {
    const check = s.stages.find((t) => t.name === 'check' && t.status === 'ok');
    const peer = s.stages.find((t) => t.name === 'check-peer' && t.status === 'ok');
    if (check && peer) {
      const r = check.wallSeconds! / peer.wallSeconds!;
      out.push(
        `${s.people.toLocaleString('en-GB')}: \`wbk check\` ${r.toFixed(2)}× a bare DuckDB read_csv count of the same files, peak memory ${mem(check.maxRssMb)}${s.people === 250000 ? ` (goal ≤ 3×) — ${ok(r <= 3)}` : ''}.`,
      );
    }
    const load = s.stages.find((t) => t.name === 'load' && t.status === 'ok');
    const ratio = load?.extra?.ratio;
    if (typeof ratio === 'number') {
      out.push(
        `${s.people.toLocaleString('en-GB')}: load + validate ${ratio.toFixed(2)}× a bare arquero parse of the same files (goal ≤ 2×) — ${ok(ratio <= 2)}.`,
      );
    }
  }
  return out;
}

function chartSpec(run: BenchRun) {
  const values = run.sizes.flatMap((s) =>
    s.engines
      .filter((e) => e.status === 'ok' && e.seconds !== undefined)
      .map((e) => ({
        people: s.people.toLocaleString('en-GB'),
        engine: e.name,
        seconds: e.seconds,
      })),
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'Core pipeline: seconds per engine (lower is better; each size on its own scale)',
    data: { values },
    mark: 'bar',
    encoding: {
      row: { field: 'people', type: 'ordinal', title: 'people', sort: null },
      y: { field: 'engine', type: 'nominal', title: null, axis: { labelLimit: 260 } },
      x: { field: 'seconds', type: 'quantitative', title: 'seconds' },
      color: { field: 'engine', type: 'nominal', legend: null },
    },
    resolve: { scale: { x: 'independent' } },
    width: 420,
  };
}
