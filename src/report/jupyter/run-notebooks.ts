// Run several notebooks, `jobs` at a time, with one progress line per notebook on the terminal.
// A failed notebook stops only itself; the caller decides the exit code from the results.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import {
  describeFailure,
  notApplicableText,
  runNotebook,
  type NotebookRun,
  type RunNotebookOptions,
} from './run-notebook.js';

export interface RunNotebooksOptions extends Omit<
  RunNotebookOptions,
  'name' | 'onProgress' | 'title'
> {
  /** Notebooks run at once (default 1; each kernel is a Node process of its own). */
  jobs?: number;
  /** Print progress to stderr (default true). */
  progress?: boolean;
}

/**
 * The notebooks in a folder, in order, optionally only those whose names start with one of `only`
 * (e.g. ['04', '02']); throws naming the available notebooks when a selector matches none.
 * @example listNotebooks('notebooks', ['00'])
 */
export function listNotebooks(dir: string, only?: string[]): string[] {
  const all = readdirSync(dir)
    .filter((file) => file.endsWith('.ipynb') && !file.startsWith('_') && !file.startsWith('.'))
    .sort();
  if (!only || only.length === 0) return all.map((file) => path.join(dir, file));
  const chosen: string[] = [];
  for (const selector of only) {
    const match = all.filter((file) => file.startsWith(selector) || file === `${selector}.ipynb`);
    if (match.length === 0) {
      throw new Error(`no notebook in ${dir} matches "${selector}". Available: ${all.join(', ')}.`);
    }
    for (const file of match) if (!chosen.includes(file)) chosen.push(file);
  }
  return chosen.map((file) => path.join(dir, file));
}

/**
 * Runs the notebooks and returns one result each, in the order given.
 * @example const runs = await runNotebooks(listNotebooks('notebooks'), { outDir: 'reports', jobs: 2 })
 */
export async function runNotebooks(
  notebooks: string[],
  options: RunNotebooksOptions,
): Promise<NotebookRun[]> {
  const { jobs = 1, progress = true, ...runOptions } = options;
  const results: NotebookRun[] = new Array(notebooks.length);
  const printer = progress ? new ProgressPrinter(notebooks.length) : undefined;
  let next = 0;
  async function worker(): Promise<void> {
    while (next < notebooks.length) {
      const i = next++;
      const name = path.basename(notebooks[i], '.ipynb');
      const run = await runNotebook(notebooks[i], {
        ...runOptions,
        onProgress: (p) => printer?.update(name, p.cellsDone, p.cellsTotal, p.elapsedSeconds),
      });
      results[i] = run;
      printer?.finish(name, run);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, notebooks.length)) }, worker));
  return results;
}

/** Progress on stderr: a live line per running notebook on a terminal, a line per finish elsewhere. */
export class ProgressPrinter {
  private finished = 0;
  private lastLive = '';
  constructor(private readonly total: number) {}

  update(name: string, done: number, cells: number, seconds: number): void {
    if (!process.stderr.isTTY) return;
    this.lastLive = `  … ${name}: cell ${done}/${cells}, ${seconds.toFixed(1)} s`;
    process.stderr.write(`\r${this.lastLive.padEnd(78).slice(0, 78)}`);
  }

  finish(name: string, run: NotebookRun): void {
    this.finished += 1;
    if (process.stderr.isTTY && this.lastLive) process.stderr.write(`\r${' '.repeat(78)}\r`);
    const head = `[${this.finished}/${this.total}] ${name}`;
    const line =
      run.status === 'ok' && run.notApplicable
        ? `${head}: ${notApplicableText(run)}, ${run.seconds.toFixed(1)} s`
        : run.status === 'ok'
          ? `${head}: ok, ${run.cellsTotal} cells in ${run.seconds.toFixed(1)} s`
          : `${head}: FAILED — ${describeFailure(run)}`;
    process.stderr.write(`${line}\n`);
  }
}
