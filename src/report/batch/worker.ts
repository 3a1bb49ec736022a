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
    try {
      const run = await runNotebookBatch(request.notebook, {
        ...request.options,
        onProgress: (progress) => send({ type: 'progress', id: request.id, progress }),
      });
      send({ type: 'done', id: request.id, run });
    } catch (error) {
      send({ type: 'error', id: request.id, message: (error as Error).message });
    }
  });
});
