// Runs one benchmark step in a child process: wall time, peak memory (GNU time's maximum resident set
// size, else the child's own figure) and the BENCH_RESULT line it prints; a time limit kills it.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export interface ChildResult {
  /** 'ok', 'failed' (non-zero exit) or 'not finished' (killed at the time limit). */
  status: 'ok' | 'failed' | 'not finished';
  /** Wall time of the whole process, seconds (includes start-up). */
  wallSeconds: number;
  /** Peak resident memory, MB (the largest process of the tree when GNU time is available). */
  maxRssMb: number | null;
  /**
   * With `treeRss`: the peak of the RSS summed over the whole process tree (the command and every
   * process it starts, e.g. wbk report's workers), sampled every 0.5 s; MB.
   */
  treePeakMb?: number;
  /** CPU seconds (user + system) of the command and the children it waited for (GNU time). */
  cpuSeconds?: number;
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
    treeRss = false,
  }: { limitSeconds?: number; cwd?: string; okCodes?: number[]; treeRss?: boolean } = {},
): Promise<ChildResult> {
  const gnu = existsSync(GNU_TIME);
  const argv = gnu ? [GNU_TIME, '-f', 'BENCH_TIME %e %M %U %S', ...command] : command;
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
  let treePeakKb = 0;
  const sampler = treeRss
    ? setInterval(() => {
        treePeakKb = Math.max(treePeakKb, treeRssKb(child.pid!));
      }, 500)
    : undefined;
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
  clearInterval(sampler);
  const wallSeconds = (performance.now() - started) / 1000;
  const line = stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  const result = line
    ? (JSON.parse(line.slice('BENCH_RESULT '.length)) as Record<string, unknown>)
    : null;
  const timeLine = stderr.split('\n').find((l) => l.startsWith('BENCH_TIME '));
  const gnuRss = timeLine ? Number(timeLine.split(' ')[2]) / 1024 : null;
  const maxRssMb = gnuRss ?? (typeof result?.maxRssMb === 'number' ? result.maxRssMb : null);
  const tree = {
    ...(treeRss && { treePeakMb: treePeakKb / 1024 }),
    ...(timeLine && {
      cpuSeconds: Number(timeLine.split(' ')[3]) + Number(timeLine.split(' ')[4]),
    }),
  };
  if (timedOut)
    return { status: 'not finished', wallSeconds, maxRssMb: null, result: null, ...tree };
  if (code === null || !okCodes.includes(code)) {
    const error = stderr
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('BENCH_TIME') && !/^\s+at /.test(l))
      .slice(-4)
      .join(' | ');
    return { status: 'failed', wallSeconds, maxRssMb, result, error, ...tree };
  }
  return { status: 'ok', wallSeconds, maxRssMb, result, ...tree };
}

// RSS summed over `root` and every process descending from it (by parent id, from /proc), kB.
function treeRssKb(root: number): number {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      parent.set(Number(entry), Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0));
      rss.set(Number(entry), Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0));
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  for (const [pid, kb] of rss) {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parent.get(p)) {
      if (p === root) {
        total += kb;
        break;
      }
    }
  }
  return total;
}
