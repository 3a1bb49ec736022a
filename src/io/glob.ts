// Match file paths (relative to the data folder, '/'-separated) against mapping globs.
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';

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

/** Something about the folder's links that the load reports as a warning. */
export interface FolderNote {
  /** The link's path, relative to the folder, '/'-separated. */
  path: string;
  /** linked_file: followed to a file outside the folder; link_not_followed: broken, a loop, or a folder outside. */
  rule: 'linked_file' | 'link_not_followed';
  message: string;
}

/**
 * Every file under `dir` (recursively, skipping dot-folders and dot-files), as sorted '/'-separated
 * relative paths. Symbolic links are followed: a link to a file is listed under the link's own path;
 * a link to a folder inside `dir` is walked unless it loops back. A link to a file outside `dir` is
 * listed with a note; a broken link, a loop and a link to a folder outside `dir` are not followed and
 * get a note: no file is skipped silently.
 * @example const { files, notes } = await scanFolder('data/2025-q1')
 */
export async function scanFolder(dir: string): Promise<{ files: string[]; notes: FolderNote[] }> {
  const root = await realpath(dir);
  const files: string[] = [];
  const notes: FolderNote[] = [];
  const inside = (real: string) => real === root || real.startsWith(root + sep);
  // `above`: real paths of the folders being walked, from the top down to `folder` (a link to one is a loop)
  const walk = async (folder: string, prefix: string, above: Set<string>) => {
    const seen = new Set(above).add(await realpath(folder));
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = prefix + entry.name;
      const full = join(folder, entry.name);
      if (entry.isFile()) files.push(path);
      else if (entry.isDirectory()) await walk(full, `${path}/`, seen);
      else if (entry.isSymbolicLink()) await followLink(full, path, seen);
    }
  };
  const followLink = async (full: string, path: string, seen: Set<string>) => {
    let real: string;
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      real = await realpath(full);
      info = await stat(real);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      notes.push({
        path,
        rule: 'link_not_followed',
        message:
          code === 'ELOOP'
            ? `${path} is a link that leads back to itself, so it is not followed. Replace it with the file it should point to.`
            : `${path} is a link to something that does not exist (${code ?? 'unreadable'}), so nothing is loaded from it. Point it at the file, or remove it.`,
      });
      return;
    }
    if (info.isFile()) {
      files.push(path);
      if (!inside(real)) {
        notes.push({
          path,
          rule: 'linked_file',
          message: `${path} is a link to a file outside the data folder; it is loaded (and listed with its SHA-256 in index.html) like any file. Copy the file in instead if the folder should hold the whole extract.`,
        });
      }
    } else if (info.isDirectory()) {
      if (!inside(real)) {
        notes.push({
          path,
          rule: 'link_not_followed',
          message: `${path} is a link to a folder outside the data folder, which is not walked (it could be any part of the disk). Link the files themselves, or copy the folder in.`,
        });
      } else if (seen.has(real)) {
        notes.push({
          path,
          rule: 'link_not_followed',
          message: `${path} is a link to a folder that holds it (a loop), so it is not walked again. Remove the link.`,
        });
      } else {
        await walk(real, `${path}/`, seen);
      }
    }
  };
  await walk(root, '', new Set());
  return { files: files.sort(), notes };
}

/**
 * Every file under `dir` as scanFolder lists it (links followed), without the notes.
 * @example await listFiles('data/demo') // ['exit_interviews.csv', 'overtime.csv', ...]
 */
export async function listFiles(dir: string): Promise<string[]> {
  return (await scanFolder(dir)).files;
}
