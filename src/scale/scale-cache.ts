// The scale path's Parquet cache: tables derived from row-level files (people with spell numbers,
// claims and sickness spells joined to employment spells), written once per content of the files
// they come from. Steps: open the private folder → key = the files' identity + the SQL → reuse the
// Parquet file of that key, or write it (to a temporary name, then renamed) and drop older versions.
import { createHash } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { sqlString, type ScaleSession } from './duckdb-session.js';

/** Bumped when the layout of the cached files changes, so that older files are not read. */
const CACHE_FORMAT = 2;
const EDGE_BYTES = 1024 * 1024;

/**
 * Creates `dir` (and its parents) with mode 0700, or checks that an existing `dir` is a folder owned
 * by this user that nobody else can read; returns its absolute path. The cache holds personal data.
 * @example const dir = openCacheDir('/secure/wbk-cache')
 */
export function openCacheDir(dir: string, where = 'openScaleData'): string {
  const path = resolve(dir);
  if (!existsSync(path)) mkdirSync(path, { recursive: true, mode: 0o700 });
  const stat = statSync(path);
  if (!stat.isDirectory()) {
    throw new Error(`${where}: cacheDir ${path} is not a folder. Give a folder for the cache.`);
  }
  const uid = process.getuid?.();
  if (uid !== undefined && stat.uid !== uid) {
    throw new Error(
      `${where}: cacheDir ${path} belongs to another user. The cache holds personal data: give a folder of your own.`,
    );
  }
  if ((stat.mode & 0o077) !== 0) {
    throw new Error(
      `${where}: cacheDir ${path} can be read by other users (mode ${(stat.mode & 0o777).toString(8)}). The cache holds personal data: run chmod 700 on it, or give a new folder (created with mode 700).`,
    );
  }
  return path;
}

/**
 * The identity of a file's content, cheaply: its absolute path, size, modification time and a hash
 * of its first and last MiB. A file rewritten in place with the same size and time, and the same
 * first and last MiB, would be missed: delete the cache after editing an extract by hand.
 * @example fileIdentity('data/overtime.csv') // '/abs/data/overtime.csv|3862…|1733…|9f2c…'
 */
export function fileIdentity(path: string): string {
  const abs = resolve(path);
  const stat = statSync(abs);
  const hash = createHash('sha256');
  const fd = openSync(abs, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(EDGE_BYTES, stat.size));
    hash.update(buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)));
    const tail = Math.max(0, stat.size - EDGE_BYTES);
    hash.update(buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, tail)));
  } finally {
    closeSync(fd);
  }
  return `${abs}|${stat.size}|${stat.mtimeMs}|${hash.digest('hex')}`;
}

/**
 * The Parquet file in `dir` holding the result of `select` for files of the given identities:
 * written by DuckDB on first use (mode 0600), reused while the files and the SQL are unchanged.
 * A new version replaces the older ones made from the same file paths.
 * @example const file = await cachedParquet(session, dir, 'spells', [fileIdentity(p)], 'SELECT …')
 */
export async function cachedParquet(
  session: ScaleSession,
  dir: string,
  name: string,
  identities: readonly string[],
  select: string,
): Promise<string> {
  const paths = digest(identities.map((id) => id.split('|')[0]).join('\n'));
  const content = digest([CACHE_FORMAT, ...identities, select].join('\n'));
  const stem = `${name}-${paths}-`;
  const file = join(dir, `${stem}${content}.parquet`);
  if (existsSync(file)) return file;
  const partial = join(dir, `.${stem}${content}.${process.pid}.partial`);
  try {
    await session.exec(
      `COPY (${select}) TO ${sqlString(partial)} (FORMAT parquet, COMPRESSION zstd)`,
    );
    chmodSync(partial, 0o600);
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
  for (const old of readdirSync(dir)) {
    if (old.startsWith(stem) && old.endsWith('.parquet') && join(dir, old) !== file) {
      rmSync(join(dir, old), { force: true });
    }
  }
  return file;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
