// Runs one benchmark step in a child process: wall time, peak memory (GNU time's maximum resident set
// size, else the child's own figure) and the BENCH_RESULT line it prints; a time limit kills it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface ChildResult {
  /** 'ok', 'failed' (non-zero exit) or 'not finished' (killed at the time limit). */
  status: 'ok' | 'failed' | 'not finished';
  /** Wall time of the whole process, seconds (includes start-up). */
  wallSeconds: number;
  /** Peak resident memory, MB (the largest process of the tree when GNU time is available). */
  maxRssMb: number | null;
  /** The figures the child printed (its own timing of the work, without start-up). */
  result: Record<string, unknown> | null;
  /** Last lines of its error output when it failed. */
  error?: string;
}

const GNU_TIME = '/usr/bin/time';

/** Node with tsx and a large heap, for the TypeScript steps. */
export function tsNode(file: string, ...args: string[]): string[] {
  return [process.execPath, '--max-old-space-size=16384', '--import', 'tsx', file, ...args];
}

/**
 * Runs `command` (argv) with `limitSeconds` as a time limit and returns what happened; an exit code
 * outside `okCodes` (default 0) is a failure.
 * @example await runChild(tsNode('bench/stage.ts', 'leavers', dir), { limitSeconds: 600 })
 */
export async function runChild(
  command: string[],
  {
    limitSeconds = 1800,
    cwd,
    okCodes = [0],
  }: { limitSeconds?: number; cwd?: string; okCodes?: number[] } = {},
): Promise<ChildResult> {
  const gnu = existsSync(GNU_TIME);
  const argv = gnu ? [GNU_TIME, '-f', 'BENCH_TIME %e %M', ...command] : command;
  const started = performance.now();
  const child = spawn(argv[0], argv.slice(1), {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-20000)));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }, limitSeconds * 1000);
  const code = await new Promise<number | null>((done) => child.on('close', done));
  clearTimeout(timer);
  const wallSeconds = (performance.now() - started) / 1000;
  const line = stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  const result = line
    ? (JSON.parse(line.slice('BENCH_RESULT '.length)) as Record<string, unknown>)
    : null;
  const timeLine = stderr.split('\n').find((l) => l.startsWith('BENCH_TIME '));
  const gnuRss = timeLine ? Number(timeLine.split(' ')[2]) / 1024 : null;
  const maxRssMb = gnuRss ?? (typeof result?.maxRssMb === 'number' ? result.maxRssMb : null);
  if (timedOut) return { status: 'not finished', wallSeconds, maxRssMb: null, result: null };
  if (code === null || !okCodes.includes(code)) {
    const error = stderr
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('BENCH_TIME') && !/^\s+at /.test(l))
      .slice(-4)
      .join(' | ');
    return { status: 'failed', wallSeconds, maxRssMb, result, error };
  }
  return { status: 'ok', wallSeconds, maxRssMb, result };
}
