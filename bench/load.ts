// Load benchmark: load + validate the generated demo force (loadDataset) against a bare arquero CSV
// parse of the same files. Steps: generate the data once into bench/cache/ → time the bare parse →
// time loadDataset → report rows/s, peak RSS and the ratio. Run alone: npx tsx bench/load.ts [people…]
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { loadCSV } from 'arquero';
import { generateDemoForce } from '../src/demo/generate.js';
import { loadDataset } from '../src/io/load-dataset.js';

const CACHE = join(dirname(fileURLToPath(import.meta.url)), 'cache');

export interface LoadBenchResult {
  people: number;
  /** Records loaded (all nine files). */
  rows: number;
  /** Wall time of loadDataset (read, map, parse, validate, build tables). */
  seconds: number;
  rowsPerSecond: number;
  /** Peak resident memory of the process after the load, in MB. */
  peakRssMb: number;
  /** Wall time of arquero's loadCSV over the same files (default type inference). */
  bareParseSeconds: number;
  /** seconds / bareParseSeconds: the cost of loading through the kit relative to a bare parse. */
  ratio: number;
}

/**
 * Generates (once) a demo force of `people` into bench/cache/, then times loadDataset on it and a bare
 * arquero loadCSV of the same files; returns the figures. The load runs first, so peakRssMb is the load's.
 * @example const r = await benchLoad({ people: 5000 }); r.ratio // e.g. 1.6
 */
export async function benchLoad({ people }: { people: number }): Promise<LoadBenchResult> {
  if (!Number.isInteger(people) || people < 100) {
    throw new Error(`benchLoad: people must be a whole number ≥ 100, got ${people}.`);
  }
  const dir = join(CACHE, `demo-${people}`);
  if (!existsSync(join(dir, 'manifest.json'))) await generateDemoForce({ people, outDir: dir });
  const files = (await readdir(dir)).filter((f) => f.endsWith('.csv')).sort();

  const started = performance.now();
  const data = await loadDataset(dir, { asOf: '2025-03-31' });
  const seconds = (performance.now() - started) / 1000;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const rows = data.files.reduce((sum, f) => sum + f.rows_loaded, 0);
  const rejected = data.files.reduce((sum, f) => sum + f.rows_rejected, 0);
  if (rejected > 0)
    throw new Error(`benchLoad: ${rejected} demo rows were rejected; fix the load.`);

  const bareStarted = performance.now();
  let bareRows = 0;
  for (const file of files) bareRows += (await loadCSV(join(dir, file))).numRows();
  const bareParseSeconds = (performance.now() - bareStarted) / 1000;
  if (bareRows !== rows) {
    throw new Error(`benchLoad: arquero read ${bareRows} rows but the kit loaded ${rows}.`);
  }
  return {
    people,
    rows,
    seconds,
    rowsPerSecond: rows / seconds,
    peakRssMb,
    bareParseSeconds,
    ratio: seconds / bareParseSeconds,
  };
}

/** Bytes of the CSV files of a cached demo force (for the report). */
export async function cachedBytes(people: number): Promise<number> {
  const dir = join(CACHE, `demo-${people}`);
  let total = 0;
  for (const f of await readdir(dir)) total += (await stat(join(dir, f))).size;
  return total;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const sizes = process.argv.slice(2).map(Number);
  for (const people of sizes.length > 0 ? sizes : [5000, 50000]) {
    const r = await benchLoad({ people });
    console.log(
      `${people} people: ${r.rows} rows loaded in ${r.seconds.toFixed(2)} s (${Math.round(r.rowsPerSecond).toLocaleString('en-GB')} rows/s), ` +
        `peak RSS ${Math.round(r.peakRssMb)} MB; bare arquero parse ${r.bareParseSeconds.toFixed(2)} s; ratio ${r.ratio.toFixed(2)}×`,
    );
  }
}
