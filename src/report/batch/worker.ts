// A batch-engine worker process: receives notebook runs from the pool (src/report/batch/pool.ts)
// over IPC, runs them one at a time in this process (the extract and the force-wide computations
// stay loaded between runs) and sends back progress and each run's outcome.
import { runNotebookBatch } from './run-notebook.js';
import type { WorkerReply, WorkerRequest } from './pool.js';

const send = (reply: WorkerReply) => process.send?.(reply);

let queue = Promise.resolve();
// When wbk stops (Ctrl-C, a crash), the worker stops too instead of running on unattended.
process.on('disconnect', () => process.exit(0));
process.on('message', (request: WorkerRequest) => {
  if (request.type === 'stop') {
    queue = queue.then(() => {
      process.removeAllListeners('disconnect');
      process.disconnect();
    });
    return;
  }
  queue = queue.then(async () => {
    // The run's own environment (the Jupyter engine gives it to the kernel), for this run only.
    const { env = {}, ...options } = request.options;
    const saved = Object.keys(env).map((key) => [key, process.env[key]] as const);
    Object.assign(process.env, env);
    try {
      const run = await runNotebookBatch(request.notebook, {
        ...options,
        onProgress: (progress) => send({ type: 'progress', id: request.id, progress }),
      });
      send({ type: 'done', id: request.id, run });
    } catch (error) {
      send({ type: 'error', id: request.id, message: (error as Error).message });
    } finally {
      for (const [key, value] of saved) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
});
