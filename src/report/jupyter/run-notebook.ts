// Run one notebook headless with the project's tslab kernel: inject parameters → execute with
// nbconvert's client (python/wbk_nbexec.py) → collect progress and the outcome → clean up.
// Outputs: NAME.ipynb (executed), NAME.html (code hidden), NAME.code.html; NAME.failed.ipynb on failure.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { KIT_ROOT } from '../../shared/kit.js';
import { DATASET_CACHE_ENV } from '../dataset-cache.js';
import { trackProcessGroup, unlessInterrupted } from './run-cleanup.js';
import { STATUS_MIME, type NotebookStatus } from '../needs.js';
import { isAuthorCode, type ParameterValue } from '../parameters.js';
import { prepareNotebookRun } from '../notebook-run.js';

/**
 * Seconds one cell may run before the run calls it hung and fails the notebook: an hour, since at
 * national scale (250,000 people, 2 cores) validating the leaving-risk model takes over 10 minutes.
 */
export const DEFAULT_CELL_TIMEOUT_SECONDS = 3600;

export interface RunNotebookOptions {
  /** Folder for the outputs (created when missing). */
  outDir: string;
  /** Base name of the outputs (default: the notebook's file name without .ipynb). */
  name?: string;
  /** Values for the notebook's parameters cell. */
  parameters?: Record<string, ParameterValue>;
  /** Seconds one cell may run before the notebook fails (default DEFAULT_CELL_TIMEOUT_SECONDS). */
  cellTimeoutSeconds?: number;
  /** Write the two HTML files (default true). */
  html?: boolean;
  /** A title for the HTML pages. */
  title?: string;
  /** Called as cells start and finish. */
  onProgress?: (progress: NotebookProgress) => void;
  /** Extra environment for the kernel (e.g. NODE_OPTIONS for a larger heap). */
  env?: Record<string, string>;
}

export interface NotebookProgress {
  notebook: string;
  cellsDone: number;
  cellsTotal: number;
  elapsedSeconds: number;
}

/** The outcome of one run. On failure, `cell` is the 1-based number of the failing code cell. */
export interface NotebookRun {
  notebook: string;
  status: 'ok' | 'failed';
  seconds: number;
  files: string[];
  cellsTotal: number;
  cell?: number;
  firstLine?: string;
  message?: string;
  /**
   * Set when the notebook ran but had nothing to show: what the extract lacks (e.g. ['overtime']);
   * the run is reported "not applicable (needs overtime)", not failed.
   */
  notApplicable?: string[];
}

/** The Python and Jupyter path that set-up recorded in .jupyter/wbk-env.json. */
export function jupyterEnvironment(): { python: string; jupyterPath: string } {
  const file = path.join(KIT_ROOT, '.jupyter', 'wbk-env.json');
  if (!existsSync(file)) {
    throw new Error(
      `The notebook kernel is not set up (${file} is missing). Run \`npm run setup\` in ${KIT_ROOT}.`,
    );
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * Executes a notebook with the project's tslab kernel and writes the executed .ipynb and HTML
 * with and without code. A cell that throws or fails type-checking fails the run: the result
 * names the cell, the first line of its source and the error message. Never throws for a cell
 * error; throws only when the notebook cannot be read or the parameters are invalid.
 * @example const run = await runNotebook('notebooks/00-getting-started.ipynb', { outDir: 'reports' })
 */
export async function runNotebook(
  notebookPath: string,
  options: RunNotebookOptions,
): Promise<NotebookRun> {
  const { notebook, name, outDir, where, source } = prepareNotebookRun(notebookPath, options);
  await unlessInterrupted();
  const input = path.join(outDir, `.${name}.input-${process.pid}.ipynb`);
  writeFileSync(input, JSON.stringify(source));
  // Cell numbers in messages count the code cells of the notebook as its author sees it.
  const codeCells = source.cells.map((c, i) => (isAuthorCode(c) ? i : -1)).filter((i) => i >= 0);
  try {
    return await execute(input, notebook, name, outDir, codeCells, where, options);
  } finally {
    rmSync(input, { force: true });
  }
}

function execute(
  input: string,
  notebook: string,
  name: string,
  outDir: string,
  codeCells: number[],
  where: string,
  options: RunNotebookOptions,
): Promise<NotebookRun> {
  const { python, jupyterPath } = jupyterEnvironment();
  const args = [
    path.join(KIT_ROOT, 'python', 'wbk_nbexec.py'),
    ...['--input', input, '--out-dir', outDir, '--name', name, '--cwd', path.dirname(notebook)],
    ...[
      '--timeout',
      String(options.cellTimeoutSeconds ?? DEFAULT_CELL_TIMEOUT_SECONDS),
      '--title',
      options.title ?? name,
    ],
    ...(options.html === false ? ['--no-html'] : []),
  ];
  // Jupyter's own temporary files (kernel connection files) go into the run's private folder, which
  // the report removes even when the run is interrupted, instead of the machine's temporary folder.
  const privateTmp = process.env[DATASET_CACHE_ENV];
  const env = {
    ...process.env,
    ...(privateTmp ? { TMPDIR: privateTmp, TMP: privateTmp, TEMP: privateTmp } : {}),
    JUPYTER_PATH: jupyterPath,
    PYDEVD_DISABLE_FILE_VALIDATION: '1',
    ...(options.env ?? {}),
  };
  const started = Date.now();
  const elapsed = () => (Date.now() - started) / 1000;
  return new Promise((resolve, reject) => {
    // The runner leads a process group of its own, and reports its kernel's (the kernel runs in a
    // session of its own): an interrupted run stops both (run-cleanup.ts).
    const child = spawn(python, args, { cwd: path.dirname(notebook), env, detached: true });
    const forget = child.pid === undefined ? () => {} : trackProcessGroup(child.pid);
    let forgetKernel: (() => void) | undefined;
    let kernelGroup: number | undefined;
    let done = 0;
    let outcome: Record<string, unknown> | undefined;
    let stderr = '';
    let pending = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-20_000);
    });
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        const event = JSON.parse(line) as Record<string, unknown>;
        if (event.event === 'kernel' && typeof event.pgid === 'number') {
          kernelGroup = event.pgid;
          forgetKernel = trackProcessGroup(event.pgid);
        }
        if (event.event === 'cell-done') done += 1;
        if (event.event === 'done' || event.event === 'failed') outcome = event;
        options.onProgress?.({
          notebook: where,
          cellsDone: done,
          cellsTotal: codeCells.length,
          elapsedSeconds: elapsed(),
        });
      }
    });
    child.on('error', (error) =>
      reject(new Error(`Could not start ${python}: ${error.message}. Run \`npm run setup\`.`)),
    );
    child.on('close', (code) => {
      forget();
      // The runner shuts its kernel down; if it died first, the kernel must not outlive it.
      if (kernelGroup !== undefined) {
        try {
          process.kill(-kernelGroup, 'SIGKILL');
        } catch {
          // already gone, as it should be
        }
      }
      forgetKernel?.();
      const base = { notebook: where, seconds: elapsed(), cellsTotal: codeCells.length };
      if (code === 0 && outcome?.event === 'done') {
        const files = [
          `${name}.ipynb`,
          ...(options.html === false ? [] : [`${name}.html`, `${name}.code.html`]),
        ];
        const status = notebookStatus(path.join(outDir, `${name}.ipynb`));
        resolve({
          ...base,
          status: 'ok',
          files: files.map((f) => path.join(outDir, f)),
          ...(status && !status.applicable ? { notApplicable: status.missing } : {}),
        });
      } else if (outcome?.event === 'failed') {
        const index = Number(outcome.cell);
        resolve({
          ...base,
          status: 'failed',
          files: [path.join(outDir, `${name}.failed.ipynb`)],
          cell: codeCells.indexOf(index) + 1 || undefined,
          firstLine: String(outcome.first_line ?? ''),
          message: String(outcome.message ?? ''),
        });
      } else {
        resolve({
          ...base,
          status: 'failed',
          files: [],
          message: `the notebook runner exited with code ${code}: ${stderr.trim().split('\n').slice(-5).join('\n')}`,
        });
      }
    });
  });
}

/**
 * The status an executed notebook showed at its end (report.finish), or null when it showed none.
 * @example notebookStatus('reports/06-overtime-and-working-time.ipynb')?.applicable
 */
export function notebookStatus(executed: string): NotebookStatus | null {
  if (!existsSync(executed)) return null;
  const nb = JSON.parse(readFileSync(executed, 'utf8')) as {
    cells: { outputs?: { data?: Record<string, unknown> }[] }[];
  };
  let status: NotebookStatus | null = null;
  for (const cell of nb.cells) {
    for (const output of cell.outputs ?? []) {
      const data = output.data?.[STATUS_MIME];
      if (data) status = (typeof data === 'string' ? JSON.parse(data) : data) as NotebookStatus;
    }
  }
  return status;
}

/** How the terminal and index.html name a notebook that had nothing to show. */
export function notApplicableText(run: NotebookRun): string {
  return `not applicable (needs ${(run.notApplicable ?? []).join(', ')})`;
}

/** One line naming the notebook, the cell and the error, as the CLI prints a failure. */
export function describeFailure(run: NotebookRun): string {
  const cell = run.cell ? `, cell ${run.cell}${run.firstLine ? ` (${run.firstLine})` : ''}` : '';
  return `${run.notebook}${cell}: ${errorHeadline(run.message ?? 'failed')}`;
}

/**
 * The line of an error text that says what went wrong: tslab prints a thrown error after the source
 * line and a caret ("evalmachine.<anonymous>:2 … Error: message"), and a type error as
 * "1:7 - Type 'string' is not assignable…". Falls back to the first non-empty line.
 * @example errorHeadline('evalmachine.<anonymous>:2\nthrow x\n^\n\nError: no data') // 'Error: no data'
 */
export function errorHeadline(message: string): string {
  const lines = message.split('\n').map((line) => line.trim());
  const error = lines.find(
    (line) => /^([A-Z]\w*)?(Error|Exception)\b.*:/.test(line) || /^\d+:\d+ - /.test(line),
  );
  return error ?? lines.find((line) => line !== '') ?? message;
}
