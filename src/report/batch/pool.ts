// A pool of batch-engine worker processes (src/report/batch/worker.ts), one per job slot: each
// keeps the extract and the force-wide computations loaded between the notebook runs it is given,
// so a run of many notebooks and units loads the extract once per worker, not once per notebook.
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NotebookProgress, NotebookRun, RunNotebookOptions } from '../jupyter/run-notebook.js';
import { trackProcessGroup, unlessInterrupted } from '../jupyter/run-cleanup.js';

/**
 * The options a worker can receive (plain data: they travel over IPC). `env` is set in the worker's
 * environment for that run only (e.g. WBK_DISCLOSURE_SEED for a rerun of the whole-run protection).
 */
export type BatchRunOptions = Omit<RunNotebookOptions, 'onProgress'>;

export type WorkerRequest =
  { type: 'run'; id: number; notebook: string; options: BatchRunOptions } | { type: 'stop' };

export type WorkerReply =
  | { type: 'progress'; id: number; progress: NotebookProgress }
  | { type: 'done'; id: number; run: NotebookRun }
  | { type: 'error'; id: number; message: string };

interface Pending {
  resolve: (run: NotebookRun) => void;
  reject: (error: Error) => void;
  onProgress?: (progress: NotebookProgress) => void;
}

/**
 * Runs notebooks with the batch engine in `size` worker processes. Each worker runs one notebook at
 * a time in `cwd` (the notebooks' folder, as the Jupyter kernel does); `run` waits for a free worker.
 * @example
 * const pool = new BatchPool(2, 'notebooks');
 * const run = await pool.run('notebooks/00-getting-started.ipynb', { outDir: 'reports' });
 * await pool.close();
 */
export class BatchPool {
  private readonly workers: ChildProcess[] = [];
  private readonly idle: ChildProcess[] = [];
  private readonly waiting: ((worker: ChildProcess) => void)[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly owner = new Map<number, ChildProcess>();
  private nextId = 0;

  constructor(
    readonly size: number,
    private readonly cwd: string,
    private readonly env: Record<string, string> = {},
  ) {}

  /** Runs one notebook in the next free worker; resolves with its outcome (a failed cell is not an error). */
  async run(
    notebook: string,
    options: BatchRunOptions,
    onProgress?: (progress: NotebookProgress) => void,
  ): Promise<NotebookRun> {
    // An interrupted run starts no further notebook (nor a worker for it) while it cleans up.
    await unlessInterrupted();
    const worker = await this.acquire();
    await unlessInterrupted();
    const id = this.nextId++;
    const label = path.relative(process.cwd(), path.resolve(notebook)) || notebook;
    try {
      const run = await new Promise<NotebookRun>((resolve, reject) => {
        this.pending.set(id, { resolve, reject, onProgress });
        this.owner.set(id, worker);
        const request: WorkerRequest = {
          type: 'run',
          id,
          notebook: path.resolve(notebook),
          options: { ...options, outDir: path.resolve(options.outDir) },
        };
        // A worker that has just died fails the run (through 'exit'), not wbk with an EPIPE.
        worker.send(request, (error) => {
          if (error) reject(error);
        });
      });
      return { ...run, notebook: label };
    } finally {
      this.pending.delete(id);
      this.owner.delete(id);
      this.release(worker);
    }
  }

  /** Stops the workers once they finish what they run. */
  async close(): Promise<void> {
    const exits = this.workers.map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (worker.exitCode !== null || !worker.connected) return resolve();
          worker.once('exit', () => resolve());
          worker.send({ type: 'stop' } satisfies WorkerRequest);
        }),
    );
    await Promise.all(exits);
  }

  private acquire(): Promise<ChildProcess> {
    const free = this.idle.pop();
    if (free) return Promise.resolve(free);
    if (this.workers.length < this.size) return Promise.resolve(this.spawn());
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(worker: ChildProcess): void {
    if (worker.exitCode !== null || !worker.connected) {
      this.workers.splice(this.workers.indexOf(worker), 1);
      const next = this.waiting.shift();
      if (next) next(this.spawn());
      return;
    }
    const next = this.waiting.shift();
    if (next) next(worker);
    else this.idle.push(worker);
  }

  private spawn(): ChildProcess {
    const here = fileURLToPath(import.meta.url);
    const script = path.join(path.dirname(here), `worker${path.extname(here)}`);
    // Each worker leads a process group of its own, registered with the run's interrupt handling
    // (run-cleanup.ts) as the Jupyter engine's kernels are: on SIGINT/SIGTERM wbk stops it, even in
    // the middle of a cell, before it removes the staging folder the worker writes into.
    const worker = fork(script, [], {
      cwd: this.cwd,
      execArgv: [...process.execArgv, ...workerHeapFlags(this.size)],
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      detached: true,
    });
    if (worker.pid !== undefined) {
      const forget = trackProcessGroup(worker.pid);
      worker.once('exit', forget);
    }
    worker.on('message', (reply: WorkerReply) => {
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      if (reply.type === 'progress') pending.onProgress?.(reply.progress);
      else if (reply.type === 'done') pending.resolve(reply.run);
      else pending.reject(new Error(reply.message));
    });
    worker.on('error', () => {
      // a failed send (the worker has gone): the send callback and 'exit' report it
    });
    worker.on('exit', (code, signal) => {
      // A worker that dies (e.g. out of memory) fails the runs it held, not the whole report.
      for (const [id, pending] of this.pending) {
        if (this.owner.get(id) === worker)
          pending.reject(new Error(`the batch worker exited (${signal ?? `code ${code}`})`));
      }
    });
    this.workers.push(worker);
    return worker;
  }
}

/**
 * Node's flags for the heap of a worker of a pool of `size` (see workerHeapMegabytes), and
 * --heap-growing-percent=50: V8 collects once the heap has grown by half over what the last full
 * collection kept, not by up to four times (measured on the leaving-risk notebook at 50,000 people:
 * peak 3.5 GB -> 2.3 GB, no slower). A flag node is already given is left as it is.
 * @example workerHeapFlags(1) // ['--max-old-space-size=8601', '--heap-growing-percent=50'] on 24 GiB
 */
export function workerHeapFlags(
  size: number,
  told: { totalBytes?: number; execArgv?: readonly string[]; nodeOptions?: string } = {},
): string[] {
  const heap = workerHeapMegabytes(size, told);
  return [
    ...(heap === undefined ? [] : [`--max-old-space-size=${heap}`]),
    ...(nodeIsGiven('heap-growing-percent', told) ? [] : ['--heap-growing-percent=50']),
  ];
}

/**
 * The heap (MiB) a worker of a pool of `size` may grow to: 35% of the machine's memory shared among
 * the workers, at least V8's usual 4096 and at most 16384; undefined when node is already told
 * (--max-old-space-size in its arguments or NODE_OPTIONS). Fitting the leaving-risk model on a
 * national force holds ~3 GB of heap at once, near V8's default limit.
 * @example workerHeapMegabytes(1, { totalBytes: 24 * 2 ** 30 }) // 8601
 */
export function workerHeapMegabytes(
  size: number,
  told: { totalBytes?: number; execArgv?: readonly string[]; nodeOptions?: string } = {},
): number | undefined {
  if (nodeIsGiven('max-old-space-size', told)) return undefined;
  const totalBytes = told.totalBytes ?? os.totalmem();
  const share = Math.floor((0.35 * totalBytes) / 2 ** 20 / Math.max(1, size));
  return Math.min(16384, Math.max(4096, share));
}

/** Whether node is already given `flag`, in its arguments or NODE_OPTIONS. */
function nodeIsGiven(
  flag: string,
  {
    execArgv = process.execArgv,
    nodeOptions = process.env.NODE_OPTIONS ?? '',
  }: { execArgv?: readonly string[]; nodeOptions?: string },
): boolean {
  return [...execArgv, nodeOptions].some((arg) => arg.includes(flag));
}
