// Load an extract once per report run: `wbk report` loads and validates the extract, writes the typed
// tables as Arrow files into a private temporary folder (WBK_DATASET_CACHE), and each notebook's
// kernel reads them back in a fraction of the time. In one process, repeated loads are memoised.
// The folder is removed when the run ends: it holds the same personal data as the extract.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import * as aq from 'arquero';
import {
  isLoadEngine,
  loadDataset,
  type Dataset,
  type LoadEngine,
  type LoadOptions,
} from '../io/load-dataset.js';
import { kitVersion } from '../shared/kit.js';
import { writeArrowFile } from '../io/arrow-tables.js';

/** The environment variable naming the cache folder of the current report run. */
export const DATASET_CACHE_ENV = 'WBK_DATASET_CACHE';

/**
 * The environment variable carrying a run's choice of LoadOptions.engine ('auto', 'memory' or
 * 'duckdb') to the notebooks it runs (`wbk report --engine duckdb`); 'auto' when unset.
 */
export const LOAD_ENGINE_ENV = 'WBK_LOAD_ENGINE';

/** The engine of LOAD_ENGINE_ENV, or undefined when unset; throws on any other value. */
export function loadEngineFromEnv(): LoadEngine | undefined {
  const value = process.env[LOAD_ENGINE_ENV];
  if (value === undefined || value === '') return undefined;
  if (!isLoadEngine(value)) {
    throw new Error(`${LOAD_ENGINE_ENV} must be auto, memory or duckdb, got "${value}".`);
  }
  return value;
}

const memo = new Map<string, Promise<Dataset>>();

/**
 * loadDataset, memoised in this process and, when WBK_DATASET_CACHE names a folder, shared with
 * other processes of the same run through Arrow files. The engine is the options', else
 * WBK_LOAD_ENGINE's, else 'auto'. The key covers the folder's files (names,
 * sizes, modification times), the mapping, the as-of date, the pseudonymisation key and the kit
 * version, so a changed extract is loaded afresh.
 * @example const data = await loadDatasetCached('data/demo')
 */
export async function loadDatasetCached(dir: string, given: LoadOptions = {}): Promise<Dataset> {
  const engine = given.engine ?? loadEngineFromEnv();
  const options = engine === undefined ? given : { ...given, engine };
  const key = datasetKey(dir, options);
  let pending = memo.get(key);
  if (!pending) {
    pending = fromCacheOrLoad(dir, options, key);
    memo.set(key, pending);
    pending.catch(() => memo.delete(key));
  }
  return pending;
}

/**
 * Lets go of every extract this process loaded through loadDatasetCached (its own references are
 * the caller's to drop): wbk report does while its notebooks run in other processes, so that its copy
 * of a national extract is not held beside theirs. A later loadDatasetCached reads the run's cache.
 * @example forgetLoadedDatasets()
 */
export function forgetLoadedDatasets(): void {
  memo.clear();
}

/** The cache key of an extract and its load options (hex SHA-256). */
export function datasetKey(dir: string, options: LoadOptions): string {
  const files: [string, number, number][] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const s = statSync(full);
        files.push([path.relative(dir, full), s.size, s.mtimeMs]);
      }
    }
  };
  walk(path.resolve(dir));
  files.sort((a, b) => a[0].localeCompare(b[0]));
  const mapping =
    typeof options.mapping === 'string'
      ? readFileSync(options.mapping, 'utf8')
      : JSON.stringify(options.mapping ?? null);
  const secret = options.pseudonymKey
    ? createHash('sha256').update(options.pseudonymKey).digest('hex')
    : null;
  return createHash('sha256')
    .update(
      JSON.stringify([
        kitVersion(),
        path.resolve(dir),
        files,
        mapping,
        options.asOf ?? null,
        secret,
        options.config ?? null,
        options.engine ?? 'auto',
      ]),
    )
    .digest('hex');
}

async function fromCacheOrLoad(dir: string, options: LoadOptions, key: string): Promise<Dataset> {
  const root = process.env[DATASET_CACHE_ENV];
  const folder = root ? path.join(root, key.slice(0, 32)) : undefined;
  if (folder && existsSync(path.join(folder, 'dataset.json'))) return readCache(folder);
  const data = await loadDataset(dir, options);
  if (!folder) return data;
  writeCache(folder, data);
  // this process goes on with the tables as every notebook reads them: in Arrow form, read in place
  // (at scale a fraction of the loaded tables' memory, which is freed)
  const { scanned } = data;
  return { ...readCache(folder), ...(scanned && { scanned }) };
}

function writeCache(folder: string, data: Dataset): void {
  const tmp = `${folder}.tmp-${process.pid}`;
  mkdirSync(tmp, { recursive: true, mode: 0o700 });
  const tables = Object.keys(data.tables);
  for (const name of tables)
    writeArrowFile(path.join(tmp, `${name}.arrow`), data.tables[name as keyof Dataset['tables']]!);
  writeArrowFile(path.join(tmp, 'rejects.arrow'), data.rejects);
  writeArrowFile(path.join(tmp, 'warnings.arrow'), data.warnings);
  const { files, config, levels, asOf, pseudonymised } = data;
  writeFileSync(
    path.join(tmp, 'dataset.json'),
    JSON.stringify({ tables, files, config, levels, asOf, pseudonymised }),
  );
  try {
    renameSync(tmp, folder);
  } catch {
    // Another process of the same run wrote it first: theirs is the same data.
    rmSync(tmp, { recursive: true, force: true });
  }
}

function readCache(folder: string): Dataset {
  const meta = JSON.parse(readFileSync(path.join(folder, 'dataset.json'), 'utf8'));
  const read = (name: string) => aq.fromArrow(readFileSync(path.join(folder, `${name}.arrow`)));
  const tables = Object.fromEntries((meta.tables as string[]).map((name) => [name, read(name)]));
  return {
    tables: tables as Dataset['tables'],
    files: meta.files,
    rejects: read('rejects'),
    warnings: read('warnings'),
    config: meta.config,
    levels: meta.levels,
    asOf: meta.asOf,
    pseudonymised: meta.pseudonymised,
  };
}
