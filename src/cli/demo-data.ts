// wbk demo-data: write the synthetic demo force's CSVs (skipped when the folder already matches).
import type { Command } from './command.js';
import { UsageError } from './command.js';
import { generateDemoForce } from '../demo/generate.js';
import { currentManifest, resolveDemoOptions, type DemoOptions } from '../demo/manifest.js';

const USAGE = `Usage: wbk demo-data [--people N] [--seed S] [--out DIR] [--first-year YYYY] [--years N] [--force]

Writes the synthetic demo force (units, people, postings, exit interviews, overtime, sickness,
OH referrals, welfare checks, unit indicators) as CSVs plus manifest.json, which lists the planted
effects. Same options → byte-identical CSVs. Skipped when DIR/manifest.json already matches.

  --people N        people in post or passing through (default 4000, up to 250000)
  --seed S          PRNG seed (default 20250401)
  --out DIR         output folder (default data/demo)
  --first-year YYYY first financial year; the window starts on 1 April (default 2020)
  --years N         financial years in the window (default 5)
  --force           regenerate even when the manifest matches`;

/** `wbk demo-data`: generates the demo force unless DIR/manifest.json already matches the options. */
export const demoDataCommand: Command = {
  summary: 'write the synthetic demo force CSVs to data/demo (or --out DIR)',
  usage: USAGE,
  async run(argv: string[]): Promise<number> {
    const { options, force } = parseArgs(argv);
    let resolved;
    try {
      resolved = resolveDemoOptions(options);
    } catch (error) {
      throw new UsageError((error as Error).message.replace('generateDemoForce: ', ''));
    }
    if (!force && (await currentManifest(options.outDir, resolved)) !== undefined) {
      console.log(
        `demo-data: ${options.outDir} already holds this demo force (people ${resolved.people}, seed ${resolved.seed}); skipped. Use --force to regenerate.`,
      );
      return 0;
    }
    const manifest = await generateDemoForce(options);
    const rows = Object.entries(manifest.files).map(
      ([name, f]) =>
        `  ${name.padEnd(20)} ${String(f.rows).padStart(11)} rows ${(f.bytes / 1e6).toFixed(1).padStart(8)} MB`,
    );
    console.log(
      [`demo-data: wrote ${options.outDir} in ${manifest.generation_seconds} s`, ...rows].join(
        '\n',
      ),
    );
    return 0;
  },
};

function parseArgs(argv: string[]): { options: DemoOptions; force: boolean } {
  const options: DemoOptions = { outDir: 'data/demo' };
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--force') {
      force = true;
      continue;
    }
    const value = argv[i + 1];
    if (!['--people', '--seed', '--out', '--first-year', '--years'].includes(flag)) {
      throw new UsageError(`unknown option "${flag}".`);
    }
    if (value === undefined || value.startsWith('--'))
      throw new UsageError(`${flag} needs a value.`);
    i++;
    if (flag === '--out') {
      options.outDir = value;
      continue;
    }
    if (!/^\d+$/.test(value))
      throw new UsageError(`${flag} must be a whole number, got "${value}".`);
    const n = Number(value);
    if (flag === '--people') options.people = n;
    else if (flag === '--seed') options.seed = n;
    else if (flag === '--first-year') options.firstYear = n;
    else options.years = n;
  }
  return { options, force };
}
