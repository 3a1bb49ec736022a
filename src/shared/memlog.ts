// A diagnostic for runs at scale: with WBK_MEMLOG=1 the batch engine prints its memory after every
// cell (e.g. `WBK_MEMLOG=1 NODE_OPTIONS=--expose-gc wbk report …`), to see which cell holds what.

/**
 * Prints the process's memory at `label` to stderr when WBK_MEMLOG is set: RSS and heap used as they
 * are, then, when node runs with --expose-gc, after a full collection (what is still held), with the
 * memory outside the heap (ArrayBuffers: Arrow columns, typed arrays). Does nothing otherwise.
 * @example memLog('06-overtime-and-working-time.ipynb, cell 4')
 */
export function memLog(label: string): void {
  if (!process.env.WBK_MEMLOG) return;
  const gc = (globalThis as { gc?: () => void }).gc;
  const mb = (n: number) => Math.round(n / 1048576);
  const before = process.memoryUsage();
  gc?.();
  const m = process.memoryUsage();
  process.stderr.write(
    `[mem ${process.pid}] ${label}: rss ${mb(before.rss)} heap ${mb(before.heapUsed)} MB | ` +
      `${gc ? 'after gc' : 'no gc'}: rss ${mb(m.rss)} heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} ` +
      `external ${mb(m.external)} array buffers ${mb(m.arrayBuffers)} MB\n`,
  );
}
