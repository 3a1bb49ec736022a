// Match file paths (relative to the data folder, '/'-separated) against mapping globs.
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/**
 * A regular expression for a glob: `*` any characters but '/', `?` one character, `**` any folders,
 * `{a,b}` alternatives. Matching is case-insensitive (exports change case between quarters).
 * @example globToRegExp('leavers_*.csv').test('leavers_2024.csv') // true
 */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*' && glob[i + 1] === '*') {
      out += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (char === '*') out += '[^/]*';
    else if (char === '?') out += '[^/]';
    else if (char === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0)
        throw new Error(`glob "${glob}": "{" without "}". Close the list of alternatives.`);
      const options = glob.slice(i + 1, close).split(',');
      out += `(?:${options.map((o) => o.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')).join('|')})`;
      i = close;
    } else out += char.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`, 'i');
}

/**
 * Every file under `dir` (recursively, skipping dot-folders), as sorted '/'-separated relative paths.
 * @example await listFiles('data/demo') // ['exit_interviews.csv', 'overtime.csv', ...]
 */
export async function listFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = relative(dir, join(entry.parentPath ?? dir, entry.name))
      .split(sep)
      .join('/');
    if (path.split('/').some((part) => part.startsWith('.'))) continue;
    found.push(path);
  }
  return found.sort();
}
