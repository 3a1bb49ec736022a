// npm run bench → this thin launcher: runs bench/run.ts with tsx and a 16 GiB heap, passing options on
// (--sizes 5000,50000 | --quick | --skip-report | --danfo-limit S | --danfo-max N | --memory-max N).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const result = spawnSync(
  process.execPath,
  [
    '--max-old-space-size=16384',
    '--import',
    'tsx',
    join(root, 'bench', 'run.ts'),
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
