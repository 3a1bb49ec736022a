// Run several notebooks with the batch engine, in the worker processes of a pool, with the same
// progress lines and results as the Jupyter path (src/report/jupyter/run-notebooks.ts).
import path from 'node:path';
import type { NotebookRun } from '../jupyter/run-notebook.js';
import { ProgressPrinter, type RunNotebooksOptions } from '../jupyter/run-notebooks.js';
import { BatchPool } from './pool.js';

/**
 * Runs the notebooks in `pool` and returns one result each, in the order given. A worker that dies
 * fails only the notebook it was running.
 * @example
 * const pool = new BatchPool(2, 'notebooks');
 * const runs = await runNotebooksBatch(listNotebooks('notebooks'), { outDir: 'reports', pool });
 */
export async function runNotebooksBatch(
  notebooks: string[],
  options: Omit<RunNotebooksOptions, 'jobs'> & { pool: BatchPool },
): Promise<NotebookRun[]> {
  const { pool, progress = true, ...runOptions } = options;
  const printer = progress ? new ProgressPrinter(notebooks.length) : undefined;
  return Promise.all(
    notebooks.map(async (notebook) => {
      const name = path.basename(notebook, '.ipynb');
      const run = await pool
        .run(notebook, runOptions, (p) =>
          printer?.update(name, p.cellsDone, p.cellsTotal, p.elapsedSeconds),
        )
        .catch((error: Error): NotebookRun => ({
          notebook: path.relative(process.cwd(), notebook) || notebook,
          status: 'failed',
          seconds: 0,
          files: [],
          cellsTotal: 0,
          message: error.message,
        }));
      printer?.finish(name, run);
      return run;
    }),
  );
}
