// npm run bench → this thin launcher: runs bench/run.ts with tsx and a 16 GiB heap, passing options on
// (--sizes 5000,50000 | --quick | --skip-report | --danfo-limit S | --danfo-max N | --memory-max N |
// --skip-pandas);
// `--only reports` times wbk report against wbk check instead (bench/reports.ts: --jobs N, --people N,
// --skip-jupyter); `--only check` times only wbk check and its peer, the bare DuckDB count, at each
// size (bench/results/check-latest.*); `--only reports-scale` times wbk check and the force report
// (wbk report, every notebook) at 50,000 and 250,000 people with the peak memory of the whole process
// tree (bench/reports-scale.ts: --sizes, --jobs N (default 1), --load-engine auto|memory|duckdb).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const argv = process.argv.slice(2);
const only = argv.indexOf('--only');
const scripts = { reports: 'reports.ts', 'reports-scale': 'reports-scale.ts' };
const script = (only >= 0 && scripts[argv[only + 1]]) || 'run.ts';
if (only >= 0 && !['reports', 'reports-scale', 'check'].includes(argv[only + 1])) {
  console.error(
    `bench: --only takes "reports", "reports-scale" or "check", got "${argv[only + 1]}".`,
  );
  process.exit(2);
}
const rest = only >= 0 ? argv.filter((_, i) => i !== only && i !== only + 1) : argv;
if (only >= 0 && argv[only + 1] === 'check') rest.push('--check-only');
const result = spawnSync(
  process.execPath,
  ['--max-old-space-size=16384', '--import', 'tsx', join(root, 'bench', script), ...rest],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
