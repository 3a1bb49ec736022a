// What both notebook runners (the Jupyter kernel and the in-process batch) do before running a
// notebook: resolve its paths, read it with the parameters injected, clear the outputs of a former run.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { injectParameters, type NotebookJson, type ParameterValue } from './parameters.js';

/** A notebook ready to run. */
export interface NotebookToRun {
  /** Absolute path of the notebook. */
  notebook: string;
  /** Base name of the outputs. */
  name: string;
  /** Absolute path of the output folder (created). */
  outDir: string;
  /** The notebook as messages name it: relative to the working folder. */
  where: string;
  /** The notebook's JSON with the parameters injected. */
  source: NotebookJson;
}

/**
 * Prepares a notebook run: creates `outDir`, reads the notebook and injects `parameters` (when any),
 * and removes NAME.ipynb, NAME.html, NAME.code.html and NAME.failed.ipynb of an earlier run, so
 * that they cannot pass for the result of a run that fails. `name` defaults to the file name
 * without .ipynb.
 * @example const { source, where } = prepareNotebookRun('notebooks/00-getting-started.ipynb', { outDir: 'reports' })
 */
export function prepareNotebookRun(
  notebookPath: string,
  options: { outDir: string; name?: string; parameters?: Record<string, ParameterValue> },
): NotebookToRun {
  const notebook = path.resolve(notebookPath);
  const name = options.name ?? path.basename(notebook, '.ipynb');
  const outDir = path.resolve(options.outDir);
  mkdirSync(outDir, { recursive: true });
  const where = path.relative(process.cwd(), notebook) || notebook;
  let source: NotebookJson = JSON.parse(readFileSync(notebook, 'utf8'));
  if (options.parameters && Object.keys(options.parameters).length > 0) {
    source = injectParameters(source, options.parameters, where);
  }
  for (const suffix of ['.ipynb', '.html', '.code.html', '.failed.ipynb']) {
    rmSync(path.join(outDir, name + suffix), { force: true });
  }
  return { notebook, name, outDir, where, source };
}
