// The manifest written beside the demo CSVs: what was asked, what was written, what was planted.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Options of generateDemoForce. */
export interface DemoOptions {
  /** Distinct people in post or passing through the window (default 4,000; at most 250,000). */
  people?: number;
  /** Seed of the PRNG (default 20250401): same seed and options → byte-identical CSVs. */
  seed?: number;
  /** Folder to write to (created when missing; existing demo files are overwritten). */
  outDir: string;
  /** First financial year: the window starts on 1 April of it (default 2020). */
  firstYear?: number;
  /** Number of financial years in the window (default 5). */
  years?: number;
}

/** Options with every default filled in, as recorded in the manifest. */
export interface ResolvedDemoOptions {
  people: number;
  seed: number;
  first_year: number;
  years: number;
}

/** One effect the analyses should find, with the units it lives in. */
export interface PlantedEffect {
  id: string;
  description: string;
  units: { unit_id: string; name: string }[];
  parameters: Record<string, unknown>;
}

/** What generateDemoForce wrote: options, window, files with row counts, planted effects and measured shape. */
export interface DemoManifest {
  generator: string;
  version: number;
  options: ResolvedDemoOptions;
  window: { start_date: string; end_date: string; as_of_date: string };
  sizes: Record<string, number>;
  files: Record<string, { rows: number; bytes: number; columns: string[] }>;
  planted_effects: PlantedEffect[];
  /** Every value set the CSVs use (empty string = missing where a column allows it). */
  vocabularies: Record<string, string[]>;
  data_quality: Record<string, unknown>;
  calibration: Record<string, number>;
  generation_seconds: number;
  generated_at: string;
}

/** Bumped whenever the generator's output changes, so stale demo folders are regenerated. */
export const GENERATOR_VERSION = 1;

export const DEFAULT_PEOPLE = 4000;
export const DEFAULT_SEED = 20250401;
export const MAX_PEOPLE = 250_000;

/**
 * The options with defaults filled in, after checking each one; throws saying which is wrong.
 * @example resolveDemoOptions({ outDir: 'data/demo' }).people // 4000
 */
export function resolveDemoOptions(options: DemoOptions): ResolvedDemoOptions {
  const { people = DEFAULT_PEOPLE, seed = DEFAULT_SEED, firstYear = 2020, years = 5 } = options;
  const problems: string[] = [];
  if (typeof options.outDir !== 'string' || options.outDir === '')
    problems.push('outDir must be a folder path');
  if (!Number.isInteger(people) || people < 50 || people > MAX_PEOPLE) {
    problems.push(
      `people must be a whole number from 50 to ${MAX_PEOPLE.toLocaleString('en-GB')}, got ${people}`,
    );
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    problems.push(`seed must be a whole number from 0 to 4294967295, got ${seed}`);
  if (!Number.isInteger(firstYear) || firstYear < 1990 || firstYear > 2100)
    problems.push(`firstYear must be a year from 1990 to 2100, got ${firstYear}`);
  if (!Number.isInteger(years) || years < 1 || years > 20)
    problems.push(`years must be a whole number from 1 to 20, got ${years}`);
  if (problems.length > 0) throw new Error(`generateDemoForce: ${problems.join('; ')}.`);
  return { people, seed, first_year: firstYear, years };
}

/**
 * The manifest in `outDir` when it was written by this generator version with the same options and
 * every file it lists is still there with its recorded size; undefined otherwise.
 * @example if (await currentManifest('data/demo', options)) console.log('up to date');
 */
export async function currentManifest(
  outDir: string,
  options: ResolvedDemoOptions,
): Promise<DemoManifest | undefined> {
  let manifest: DemoManifest;
  try {
    manifest = JSON.parse(
      await readFile(path.join(outDir, 'manifest.json'), 'utf8'),
    ) as DemoManifest;
  } catch {
    return undefined;
  }
  if (manifest.version !== GENERATOR_VERSION || manifest.files === undefined) return undefined;
  const same = (Object.keys(options) as (keyof ResolvedDemoOptions)[]).every(
    (k) => manifest.options?.[k] === options[k],
  );
  if (!same) return undefined;
  const { stat } = await import('node:fs/promises');
  for (const [name, file] of Object.entries(manifest.files)) {
    const size = await stat(path.join(outDir, name)).then(
      (s) => s.size,
      () => -1,
    );
    if (size !== file.bytes) return undefined;
  }
  return manifest;
}
