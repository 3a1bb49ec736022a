// Run one notebook in this process, as the tslab kernel would: parameters injected → each code cell
// compiled (src/report/batch/transpile.ts) and run in one shared scope per notebook run, its
// display bundles, stdout and stderr collected as the cell's outputs → the executed .ipynb and the
// two HTML pages written (src/report/batch/html.ts). Same outputs and failures as the Jupyter path.
import { randomBytes } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { format, inspect } from 'node:util';
import { setDisplayHook, startDisplaySession, type DisplayBundle } from '../../display/bundle.js';
import { STATUS_MIME, type NotebookStatus } from '../needs.js';
import { cellSource, isAuthorCode, type NotebookCell, type NotebookJson } from '../parameters.js';
import { prepareNotebookRun } from '../notebook-run.js';
import {
  DEFAULT_CELL_TIMEOUT_SECONDS,
  type NotebookRun,
  type RunNotebookOptions,
} from '../jupyter/run-notebook.js';
import { compileCell, type CompiledCell } from './transpile.js';
import { notebookHtml } from './html.js';
import { MEMOISED_FUNCTIONS, memoiseModule } from './memo.js';
import { memLog } from '../../shared/memlog.js';

/** One output of an executed cell, as nbformat 4 stores it. */
export type CellOutput =
  | { output_type: 'stream'; name: 'stdout' | 'stderr'; text: string }
  | { output_type: 'display_data'; data: DisplayBundle; metadata: Record<string, unknown> };

const compiled = new Map<string, CompiledCell>();

/** The package name notebooks import the kit by. */
const KIT = 'wellbeing-kit';
let kit: Promise<Record<string, unknown>> | undefined;

/** The kit as cells see it: the built package, its force-wide computations memoised (memo.ts). */
function kitModule(): Promise<Record<string, unknown>> {
  kit ??= (import(KIT) as Promise<Record<string, unknown>>).then((mod) =>
    memoiseModule(mod, MEMOISED_FUNCTIONS),
  );
  return kit;
}

/**
 * Executes a notebook in this process and writes NAME.ipynb (with outputs), NAME.html (code hidden)
 * and NAME.code.html, or NAME.failed.ipynb when a cell throws: the result names the cell (1-based
 * among the author's code cells), its first line and the error, like the Jupyter path. Cells are not
 * type-checked (the parity test runs every notebook both ways). Never throws for a cell error.
 * @example const run = await runNotebookBatch('notebooks/00-getting-started.ipynb', { outDir: 'reports' })
 */
export async function runNotebookBatch(
  notebookPath: string,
  options: RunNotebookOptions,
): Promise<NotebookRun> {
  const started = Date.now();
  const elapsed = () => (Date.now() - started) / 1000;
  const { notebook, name, outDir, where, source: nb } = prepareNotebookRun(notebookPath, options);
  const authorCells = nb.cells.filter(isAuthorCode);
  const codeTotal = nb.cells.filter((c) => c.cell_type === 'code').length;
  const base = { notebook: where, cellsTotal: authorCells.length };
  const executed = await executeCells(nb, notebook, where, options, (done) =>
    options.onProgress?.({
      notebook: where,
      cellsDone: done,
      cellsTotal: codeTotal,
      elapsedSeconds: elapsed(),
    }),
  );
  if (executed.failure) {
    const { cell, message } = executed.failure;
    writeAtomic(path.join(outDir, `${name}.failed.ipynb`), notebookText(executed.notebook));
    const source = cellSource(cell);
    return {
      ...base,
      seconds: elapsed(),
      status: 'failed',
      files: [path.join(outDir, `${name}.failed.ipynb`)],
      cell: executed.notebook.cells.filter(isAuthorCode).indexOf(cell) + 1 || undefined,
      firstLine:
        source
          .split('\n')
          .find((line) => line.trim() !== '')
          ?.trim() ?? '',
      message,
    };
  }
  const files = [path.join(outDir, `${name}.ipynb`)];
  writeAtomic(files[0], notebookText(executed.notebook));
  if (options.html !== false) {
    const title = options.title ?? name;
    for (const [suffix, withCode] of [
      ['.html', false],
      ['.code.html', true],
    ] as const) {
      const file = path.join(outDir, name + suffix);
      writeAtomic(file, notebookHtml(executed.notebook, { title, withCode }));
      files.push(file);
    }
  }
  const status = lastStatus(executed.notebook);
  return {
    ...base,
    seconds: elapsed(),
    status: 'ok',
    files,
    ...(status && !status.applicable ? { notApplicable: status.missing } : {}),
  };
}

interface Executed {
  notebook: NotebookJson;
  failure?: { cell: NotebookCell; message: string };
}

/** Runs the code cells in order; stops at the first that throws (later cells keep no outputs). */
async function executeCells(
  nb: NotebookJson,
  notebookFile: string,
  where: string,
  options: RunNotebookOptions,
  progress: (done: number) => void,
): Promise<Executed> {
  const dir = path.dirname(notebookFile);
  startDisplaySession();
  const scope: Record<string, unknown> = Object.create(null);
  const runtime = {
    scope,
    import: (specifier: string) =>
      specifier === KIT
        ? kitModule()
        : (import(
            specifier.startsWith('.') || path.isAbsolute(specifier)
              ? pathToFileURL(path.resolve(dir, specifier)).href
              : specifier
          ) as Promise<Record<string, unknown>>),
  };
  // nbformat 4.5 gives every cell an id; the injected parameters cell has none yet.
  const cells: NotebookCell[] = nb.cells.map((cell) => ({
    ...cell,
    id: cell.id ?? randomBytes(4).toString('hex'),
    ...(cell.cell_type === 'code' ? { outputs: [], execution_count: null } : {}),
  }));
  const out: NotebookJson = { ...nb, cells, metadata: { ...nb.metadata } };
  const timeout = (options.cellTimeoutSeconds ?? DEFAULT_CELL_TIMEOUT_SECONDS) * 1000;
  let count = 0;
  for (const cell of cells) {
    if (cell.cell_type !== 'code') continue;
    count += 1;
    cell.execution_count = count;
    const outputs = cell.outputs as CellOutput[];
    const source = cellSource(cell);
    const cellStarted = Date.now();
    const error = await runCell(source, `${where}, cell ${count}`, runtime, outputs, timeout);
    progress(count);
    memLog(`${where} cell ${count} (${((Date.now() - cellStarted) / 1000).toFixed(1)} s)`);
    if (error !== null) return { notebook: out, failure: { cell, message: error } };
  }
  return { notebook: out };
}

/** The longest delay a Node timer takes (2^31 - 1 ms); longer ones fire after 1 ms. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Runs one cell with its outputs captured; returns the error text, or null when it succeeded. */
async function runCell(
  source: string,
  filename: string,
  runtime: {
    scope: Record<string, unknown>;
    import: (s: string) => Promise<Record<string, unknown>>;
  },
  outputs: CellOutput[],
  timeoutMs: number,
): Promise<string | null> {
  const stream = (name: 'stdout' | 'stderr', text: string) => {
    const last = outputs[outputs.length - 1];
    if (last?.output_type === 'stream' && last.name === name) last.text += text;
    else outputs.push({ output_type: 'stream', name, text });
  };
  const writeOf =
    (name: 'stdout' | 'stderr') =>
    (chunk: string | Uint8Array, encoding?: unknown, callback?: unknown): boolean => {
      stream(name, typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') done();
      return true;
    };
  const saved = { out: process.stdout.write, err: process.stderr.write };
  let late: string | null = null;
  const onLate = (reason: unknown) => {
    late = `UnhandledPromiseRejection: ${inspect(reason)}`;
    stream('stderr', `${late}\n`);
  };
  process.stdout.write = writeOf('stdout') as typeof process.stdout.write;
  process.stderr.write = writeOf('stderr') as typeof process.stderr.write;
  process.on('unhandledRejection', onLate);
  process.on('uncaughtException', onLate);
  setDisplayHook((bundle) => {
    outputs.push({
      output_type: 'display_data',
      data: JSON.parse(JSON.stringify(bundle)),
      metadata: {},
    });
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    let cell = compiled.get(source);
    if (!cell) {
      cell = compileCell(source, filename);
      compiled.set(source, cell);
    }
    const value = await Promise.race([
      cell.run(runtime),
      new Promise((_, reject) => {
        // A Node timer holds at most 2^31 - 1 ms (24.8 days) and fires at once when asked for more:
        // a longer timeout is no timeout.
        if (timeoutMs > MAX_TIMER_MS) return;
        timer = setTimeout(
          () =>
            reject(
              new Error(`the cell did not finish within ${timeoutMs / 1000} s (per-cell timeout)`),
            ),
          timeoutMs,
        );
      }),
    ]);
    // tslab prints the value of a last expression statement unless it is null or undefined.
    if (value !== null && value !== undefined) stream('stdout', `${format(value)}\n`);
    // Let callbacks queued by the cell run, so that an error they throw lands in this cell.
    await new Promise((resolve) => setImmediate(resolve));
    return late;
  } catch (error) {
    const text = inspect(error);
    stream('stderr', `${text}\n`);
    return text;
  } finally {
    clearTimeout(timer);
    setDisplayHook(null);
    process.off('unhandledRejection', onLate);
    process.off('uncaughtException', onLate);
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
  }
}

/** The notebook as nbformat writes it: text split into lines, JSON MIME types kept as objects. */
export function notebookText(nb: NotebookJson): string {
  const lines = (text: string) => (text === '' ? [] : text.split(/(?<=\n)/));
  const cells = nb.cells.map((cell) => {
    const source = lines(cellSource(cell));
    if (cell.cell_type !== 'code') return { ...cell, source };
    const outputs = (cell.outputs as CellOutput[]).map((output) =>
      output.output_type === 'stream'
        ? { ...output, text: lines(output.text) }
        : {
            ...output,
            data: Object.fromEntries(
              Object.entries(output.data).map(([mime, value]) => [
                mime,
                typeof value === 'string' && !isJsonMime(mime) ? lines(value) : value,
              ]),
            ),
          },
    );
    return { ...cell, source, outputs };
  });
  const json = { ...nb, cells, nbformat: 4, nbformat_minor: Math.max(5, nb.nbformat_minor ?? 5) };
  // As nbformat writes it: keys sorted, one space of indent.
  return `${JSON.stringify(sortKeys(json), null, 1)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

function isJsonMime(mime: string): boolean {
  return mime === 'application/json' || mime.endsWith('+json');
}

function lastStatus(nb: NotebookJson): NotebookStatus | null {
  let status: NotebookStatus | null = null;
  for (const cell of nb.cells)
    for (const output of (cell.outputs ?? []) as CellOutput[])
      if (output.output_type === 'display_data' && output.data[STATUS_MIME])
        status = output.data[STATUS_MIME] as NotebookStatus;
  return status;
}

function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}
