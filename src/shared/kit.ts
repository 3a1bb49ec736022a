// The kit itself: where it is installed and its version (read from package.json, one source of truth).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The kit's root folder (the one holding package.json, notebooks/ and python/), from src/ or dist/. */
export const KIT_ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/[\\/]$/, '');

/** The kit's version, e.g. '0.1.0'. */
export function kitVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return String(pkg.version);
}
