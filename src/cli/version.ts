// The kit's version, read from package.json (one source of truth).
import { readFileSync } from 'node:fs';

/** The kit's version, e.g. '0.1.0'. */
export function kitVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return String(pkg.version);
}
