// Pseudonymisation at load: person ids replaced by a keyed hash, the same in every table and every load
// with the same key, so that joins still work and the raw ids never enter a table.
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Environment variable holding the pseudonymisation key when no key file is given. */
export const PSEUDONYM_KEY_ENV = 'WBK_PSEUDONYM_KEY';

/**
 * A function mapping an id to its pseudonym: the first 16 hex digits (64 bits) of HMAC-SHA256(key, id).
 * With 250,000 people the chance that two ids share a pseudonym is about 2 in a billion.
 * @example makePseudonymiser('a long secret key')('001234') // e.g. '3f1c…' (16 hex digits)
 */
export function makePseudonymiser(key: string): (id: string) => string {
  if (key.length < 16) {
    throw new Error(
      `pseudonymisation key is too short (${key.length} characters). Use at least 16 random characters, e.g. \`openssl rand -hex 32\`.`,
    );
  }
  const cache = new Map<string, string>();
  return (id) => {
    let out = cache.get(id);
    if (out === undefined) {
      out = createHmac('sha256', key).update(id, 'utf8').digest('hex').slice(0, 16);
      cache.set(id, out);
    }
    return out;
  };
}

/**
 * The pseudonymisation key: read from `keyFile` (trimmed) when given, else from $WBK_PSEUDONYM_KEY.
 * Throws when neither gives a key, or when the key file lies inside a git work tree (it could be committed).
 * @example resolvePseudonymKey({ keyFile: '/secure/wbk.key' })
 */
export function resolvePseudonymKey({
  keyFile,
  env = process.env,
}: { keyFile?: string; env?: Record<string, string | undefined> } = {}): string {
  if (keyFile !== undefined) {
    const path = resolve(keyFile);
    const repo = gitRoot(path);
    if (repo !== undefined) {
      throw new Error(
        `pseudonymisation key file ${path} is inside the git work tree ${repo}, where it could be committed. Move it outside (e.g. to your home folder) and point key_file there.`,
      );
    }
    if (!existsSync(path))
      throw new Error(`pseudonymisation key file ${path} does not exist. Check key_file.`);
    return readFileSync(path, 'utf8').trim();
  }
  const key = env[PSEUDONYM_KEY_ENV];
  if (key === undefined || key.trim() === '') {
    throw new Error(
      `pseudonymisation is on but no key was given. Set ${PSEUDONYM_KEY_ENV}, or "pseudonymise": { "key_file": "/path/outside/git" } in the mapping.`,
    );
  }
  return key.trim();
}

function gitRoot(path: string): string | undefined {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
