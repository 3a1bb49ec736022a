// What a report run leaves behind if it is stopped: the process groups it started (the Python runner
// of each notebook and the tslab kernel that runner starts in a session of its own) and its temporary
// folders (the run's output folder before it is swapped in, the private copy of the extract). The run
// registers each here; on SIGINT/SIGTERM, and on exit whatever the cause, they are stopped and removed.
import { rmSync } from 'node:fs';
import { constants } from 'node:os';

const groups = new Set<number>();
const temporaries = new Set<string>();
let interrupted = false;

/**
 * Resolves at once while the run goes on; never resolves once it has been interrupted, so that code
 * awaiting it (starting the next notebook, swapping the reports in) stops where it is while the
 * interrupt handler cleans up and exits.
 * @example await unlessInterrupted(); renameSync(staging, out)
 */
export function unlessInterrupted(): Promise<void> {
  return interrupted ? new Promise<void>(() => {}) : Promise.resolve();
}

/**
 * Registers a process group (its leader's pid) to stop if the run is interrupted; returns the function
 * that forgets it once the group has ended.
 * @example const forget = trackProcessGroup(child.pid!); child.on('close', forget)
 */
export function trackProcessGroup(pgid: number): () => void {
  groups.add(pgid);
  if (interrupted) stopProcessGroups('SIGKILL');
  return () => groups.delete(pgid);
}

/**
 * Registers a temporary file or folder to remove if the run is interrupted; returns the function that
 * forgets it (after the run has removed it, or moved it into place).
 * @example const forget = trackTemporary(staging); … renameSync(staging, out); forget()
 */
export function trackTemporary(file: string): () => void {
  temporaries.add(file);
  return () => temporaries.delete(file);
}

/** Whether any process of the group is still alive. */
function alive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Sends `signal` to every registered process group (synchronous; groups already gone are skipped).
 * @example stopProcessGroups('SIGKILL')
 */
export function stopProcessGroups(signal: NodeJS.Signals = 'SIGTERM'): void {
  for (const pgid of groups) {
    try {
      process.kill(-pgid, signal);
    } catch {
      // the group has ended already
    }
  }
}

/**
 * Removes every registered temporary file and folder (synchronous).
 * @example removeTemporaries()
 */
export function removeTemporaries(): void {
  for (const file of temporaries) {
    rmSync(file, { recursive: true, force: true });
    temporaries.delete(file);
  }
}

/**
 * Stops every registered process group — SIGTERM, then SIGKILL for what is left after `graceMs` — and
 * waits until they are gone, so nothing writes into the temporary folders once they are removed; then
 * removes those.
 * @example await stopAndClean()
 */
export async function stopAndClean(graceMs = 2000): Promise<void> {
  stopProcessGroups('SIGTERM');
  const deadline = Date.now() + graceMs;
  const pause = () => new Promise((resolve) => setTimeout(resolve, 50));
  while ([...groups].some(alive) && Date.now() < deadline) await pause();
  stopProcessGroups('SIGKILL');
  const killed = Date.now() + 2000;
  while ([...groups].some(alive) && Date.now() < killed) await pause();
  groups.clear();
  removeTemporaries();
}

/**
 * Installs the run's interrupt handling: on SIGINT or SIGTERM, prints one line, stops the kernels,
 * removes the temporary folders and exits with 128 + the signal number (130, 143); on exit for any
 * other reason (a crash included), kills what is left and removes the temporaries. Returns the
 * function that uninstalls the handlers (the run calls it when it is done).
 * @example const uninstall = handleInterrupts('wbk report'); try { … } finally { uninstall() }
 */
export function handleInterrupts(command: string): () => void {
  let stopping = false;
  interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    interrupted = true;
    process.stderr.write(
      `\n${command}: interrupted (${signal}); stopping the notebook kernels and removing temporary files. The previous reports are unchanged.\n`,
    );
    void stopAndClean().finally(() => process.exit(128 + constants.signals[signal]));
  };
  const onExit = () => {
    stopProcessGroups('SIGKILL');
    removeTemporaries();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', onExit);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('exit', onExit);
  };
}
