// Where the real public reference files live: ../shared/data/real next to the repo, or $WBK_REAL_DATA.
// Missing locally: tests skip with a message. Missing on CI (CI=true): one failing test says so.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The folder of real reference data, or null when it is not there. */
export function realDataDir(): string | null {
  const dir = process.env.WBK_REAL_DATA ?? join(root, '..', 'shared', 'data', 'real');
  return existsSync(dir) ? dir : null;
}

/**
 * Runs `body` (a describe body) with the folder of `dataset` when present; otherwise skips with a
 * clear message locally, and fails one test when CI=true.
 */
export function describeRealData(
  title: string,
  dataset: string,
  body: (dir: string) => void,
): void {
  const base = realDataDir();
  const dir = base === null ? null : join(base, dataset);
  if (dir !== null && existsSync(dir)) {
    describe(title, () => body(dir));
    return;
  }
  describe(title, () => {
    if (process.env.CI === 'true') {
      it('finds the real data folder', () => {
        throw new Error(
          `../shared/data/real/${dataset} not found (set WBK_REAL_DATA to its parent folder).`,
        );
      });
    } else {
      it.skip(`skipped: ../shared/data/real not found (${dataset})`);
    }
  });
}
