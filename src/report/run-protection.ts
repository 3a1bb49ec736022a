// One ledger per run (issue 18 item 3): after every notebook of a `wbk report` run (the force's and
// each unit's) has run, their published tables are protected together; the notebooks holding a cell
// that must now be hidden run again with the run's ledger seeded (WBK_DISCLOSURE_SEED), until the
// whole run audits clean.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  DISCLOSURE_SEED_ENV,
  ledgerKey,
  protectRun,
  tablesTouch,
  type AuditTable,
  type LedgerEntry,
  type RunRound,
} from '../privacy/index.js';
import { exportedTables, writeNotebookExports } from './exports.js';
import type { NotebookRun } from './jupyter/run-notebook.js';
import { runNotebooks } from './jupyter/run-notebooks.js';
import type { BatchPool } from './batch/pool.js';
import { runNotebooksBatch } from './batch/run-notebooks.js';
import type { ParameterValue } from './parameters.js';
import { pushTo } from '../shared/collections.js';

/** One notebook run of the report: where it wrote, what it was given, and its latest result. */
export interface RunJob {
  dir: string;
  notebook: string;
  parameters: Record<string, ParameterValue>;
  run: NotebookRun;
}

/**
 * A part of the run that is not a notebook (the headline figures of metrics.json): its published
 * tables, and how to publish them again with the run's ledger seeded with `seed`.
 */
export interface RunPart {
  name: string;
  tables(): AuditTable[];
  rerun(seed: readonly LedgerEntry[]): Promise<void>;
}

/** What protecting the run did. */
export interface RunProtectionResult {
  /** Rounds of protectRun (1 when the run was safe as first written). */
  passes: number;
  /** Cells hidden across the run beyond what each notebook hid on its own. */
  hidden: number;
  /** Notebook runs repeated with the seed. */
  reruns: number;
  /** False when the run still leaked after the last pass (the caller fails the run). */
  safe: boolean;
}

/**
 * Protects every published table of the run's jobs together and reruns (in place, updating
 * `job.run` and the exports) the jobs that must hide more, seeding their ledgers from `seedFile`.
 * Returns how many passes, cells and reruns it took. Jobs that failed are left as they are. The
 * reruns use the engine the run used: the batch `pool` when given, else the Jupyter engine.
 * @example await protectWholeRun(jobs, { outDir: 'reports', jobs: 2, seedFile: '/tmp/wbk-run-x/seed.json' })
 */
export async function protectWholeRun(
  runJobs: RunJob[],
  options: {
    outDir: string;
    jobs: number;
    seedFile: string;
    /**
     * Passes at most (default: until a pass hides nothing new). Each pass adds at least one cell to
     * the seed that the reruns then hide, so the passes end; a pass whose cells are all in the seed
     * already (a rerun that did not hide them) ends the run as unsafe.
     */
    maxPasses?: number;
    pool?: BatchPool | null;
    /** Width every hidden count's feasible interval must have (the policy's protection interval). */
    threshold?: number;
    /** Parts of the run beside the notebooks, protected with them (e.g. the headline figures). */
    parts?: RunPart[];
    /** Seconds a cell of a rerun may run (see RunNotebookOptions.cellTimeoutSeconds). */
    cellTimeoutSeconds?: number;
  },
): Promise<RunProtectionResult> {
  const {
    outDir,
    jobs,
    seedFile,
    maxPasses = Infinity,
    pool = null,
    threshold = 5,
    parts = [],
    cellTimeoutSeconds,
  } = options;
  const seed: LedgerEntry[] = [];
  const seeded = new Set<string>(); // the seed's ledger keys
  let reruns = 0;
  const tablesOf = (job: RunJob): AuditTable[] => {
    if (job.run.status !== 'ok') return [];
    const name = path.basename(job.notebook, '.ipynb');
    const where = path.relative(outDir, job.dir) || '.';
    return exportedTables(path.join(job.dir, `${name}.ipynb`)).map((t) => ({
      ...t,
      name: `${where}/${name}/${t.name}`,
    }));
  };
  const tables = new Map(runJobs.map((job) => [job, tablesOf(job)]));
  const partTables = new Map(parts.map((part) => [part, part.tables()]));
  const all = () => [...tables.values(), ...partTables.values()].flat();
  for (let pass = 1; pass <= maxPasses; pass++) {
    const { hide } = await protectRun(all(), { threshold, onRound: progress(pass) });
    if (hide.length === 0) return { passes: pass, hidden: seed.length, reruns, safe: true };
    const fresh = hide.filter((e) => !seeded.has(ledgerKey(e.column, e.cell, e.period)));
    if (fresh.length === 0) return { passes: pass, hidden: seed.length, reruns, safe: false };
    for (const e of fresh) seeded.add(ledgerKey(e.column, e.cell, e.period));
    seed.push(...fresh);
    writeFileSync(seedFile, JSON.stringify(seed));
    const again = runJobs.filter(
      (job) => job.run.status === 'ok' && tablesTouch(tables.get(job)!, hide, { shownOnly: true }),
    );
    const partsAgain = parts.filter((part) =>
      tablesTouch(partTables.get(part)!, hide, { shownOnly: true }),
    );
    console.error(
      `wbk report: ${hide.length} more cell(s) hidden across the run's reports; running ` +
        `${again.length} notebook(s)${partsAgain.map((p) => ` and ${p.name}`).join('')} again (pass ${pass})`,
    );
    for (const part of partsAgain) {
      await part.rerun(seed);
      partTables.set(part, part.tables());
    }
    // one runNotebooks call per output folder (its parameters), `jobs` folders at a time
    const byDir = new Map<string, RunJob[]>();
    for (const job of again) pushTo(byDir, job.dir, job);
    const queue = [...byDir.entries()];
    const worker = async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        const [dir, group] = next;
        const rerun = {
          outDir: dir,
          parameters: group[0].parameters,
          env: { [DISCLOSURE_SEED_ENV]: seedFile },
          ...(cellTimeoutSeconds === undefined ? {} : { cellTimeoutSeconds }),
        };
        const runs = pool
          ? await runNotebooksBatch(
              group.map((j) => j.notebook),
              { ...rerun, pool },
            )
          : await runNotebooks(
              group.map((j) => j.notebook),
              { ...rerun, jobs: 1 },
            );
        for (const [k, job] of group.entries()) {
          job.run = runs[k];
          reruns += 1;
          if (job.run.status === 'ok') {
            await writeNotebookExports(
              path.join(dir, `${path.basename(job.notebook, '.ipynb')}.ipynb`),
            );
          }
          tables.set(job, tablesOf(job));
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, queue.length)) }, worker));
  }
  const { hide } = await protectRun(all(), { threshold, onRound: progress(maxPasses + 1) });
  return { passes: maxPasses + 1, hidden: seed.length, reruns, safe: hide.length === 0 };
}

// Progress of one pass's check on the terminal once it has run 10 s, then at most every 10 s: a
// team-level run's check can take minutes with nothing else to show.
function progress(pass: number): (round: RunRound) => void {
  let last = 0;
  return ({ round, fixed, hidden, seconds }) => {
    if (seconds < last + 10) return;
    last = seconds;
    console.error(
      `wbk report: disclosure check of the whole run (pass ${pass}), round ${round}: ` +
        `${fixed} figure(s) still given back got one more cell hidden; ${hidden} cell(s) hidden ` +
        `across the run so far (${seconds.toFixed(0)} s)`,
    );
  };
}
