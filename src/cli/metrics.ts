// wbk metrics: the headline figures of an extract for one period (or a pooled range, or all the data),
// published (disclosure control on), as JSON for other systems or as a short text summary. Sections come
// from headlineFigures (src/report/metrics/headlines.ts); a section whose tables the extract lacks is
// skipped and listed in sections_skipped with what it needs.
import path from 'node:path';
import { loadDatasetCached } from '../report/dataset-cache.js';
import { resolvePeriod } from '../io/coverage.js';
import type { Period } from '../time/periods.js';
import { headlineFigures, type SkippedSection } from '../report/metrics/headlines.js';
import { UsageError, type Command } from './command.js';
import { parseFlags } from './args.js';
import { isLoadEngine } from '../io/load-dataset.js';
import { PUBLISH_MIN_GROUP_SIZE, publishMinimumProblem } from '../privacy/policy.js';

const USAGE = `Usage: wbk metrics --data DIR [--mapping FILE] [--period FY2023-24] [--level district]
                   [--service-bands 3,7,11] [--min-group-size N] [--engine auto|memory|duckdb]
                   [--json]

Prints the headline figures for the period (default: the latest complete financial year), in
publish mode — groups and counts under the minimum size are hidden (null in JSON, [c] in text):
leavers by type, leaver rate and turnover, the share of voluntary resignations with under 5 years'
service, the 3-year resignation probability by sex and ethnicity with relative likelihoods,
exit-interview coverage, top reasons, the share citing each reason group by service band, the
well-being matrix at --level (units, indicator values, bands, temperature, running hot), and each
unit indicator (published rates, survey scores) for the organisation and the units at --level, rates
summed up the hierarchy. A section whose tables the extract lacks is skipped and listed in
sections_skipped with what it needs. --period all pools every day of the data (no previous period:
trends null); a range pools its periods.

Each call is a release of its own. wbk report writes the same figures for its period and level as
metrics.json, protected together with its reports: send that file alongside a report rather than
the output of a separate wbk metrics of the same data.

  --data DIR            folder holding the extract (required)
  --mapping FILE        mapping file adapting your export to the kit's model
  --period P            FY2023-24, FY2023-24 Q2, 2023-10, a range FY2021-22..FY2023-24, or all
  --level L             unit level of the well-being matrix (default: the level below the top)
  --service-bands LIST  service band edges in years, e.g. 3,7,11 (default: Home Office JL6)
  --min-group-size N    smallest group or count shown (default 5, at least 3: metrics are published)
  --engine E            who reads the big event files: auto (default), memory or duckdb (see
                        wbk check --help; the same figures either way)
  --json                one JSON object on standard output`;

export const metricsCommand: Command = {
  summary:
    'print the headline figures (leavers, exit interviews, well-being matrix, unit indicators) for a period',
  usage: USAGE,
  async run(argv: string[]): Promise<number> {
    const values = parseArguments(argv);
    if (!values.data)
      throw new UsageError('--data DIR is required: the folder holding the extract.');
    const minGroupSize = Number(values['min-group-size'] ?? '5');
    if (!Number.isInteger(minGroupSize) || minGroupSize < 1) {
      throw new UsageError(
        `--min-group-size must be a whole number ≥ 1, got "${values['min-group-size']}".`,
      );
    }
    if (minGroupSize < PUBLISH_MIN_GROUP_SIZE) {
      // wbk metrics has no analyst mode: its figures are meant for other systems, i.e. published.
      throw new UsageError(
        `${publishMinimumProblem('--min-group-size', minGroupSize).replace(/, or analyst mode.*$/, '')} (wbk metrics always publishes).`,
      );
    }
    const serviceBandEdges = values['service-bands']
      ? parseBands(values['service-bands'])
      : undefined;
    const dataDir = path.resolve(values.data);
    const engine = values.engine;
    if (engine !== undefined && !isLoadEngine(engine)) {
      throw new UsageError(`--engine must be auto, memory or duckdb, got "${engine}".`);
    }
    const data = await loadDatasetCached(dataDir, {
      ...(values.mapping ? { mapping: path.resolve(values.mapping) } : {}),
      ...(engine !== undefined ? { engine } : {}),
    });
    let period: Period;
    try {
      period = resolvePeriod(values.period, data);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const levels = data.levels;
    const level = values.level ?? levels[Math.min(1, levels.length - 1)];
    if (!levels.includes(level))
      throw new UsageError(`--level "${level}" is not a unit level. Levels: ${levels.join(', ')}.`);
    const { figures: result, sections } = headlineFigures(data, {
      period,
      level,
      minGroupSize,
      ...(serviceBandEdges ? { serviceBandEdges } : {}),
    });
    const skipped = result.sections_skipped as SkippedSection[];
    if (values.json) {
      console.log(JSON.stringify(result, null, 2));
    } else {
      console.log(
        `Headline figures, ${period.label} (publish mode: groups and counts under ${minGroupSize} hidden)`,
      );
      if (result.pooled_note) console.log(String(result.pooled_note));
      for (const name of sections)
        console.log(`\n${name}:\n${JSON.stringify(result[name], null, 2)}`);
      for (const s of skipped)
        console.log(
          `\n${s.section}: skipped — the extract has no ${s.needs.join(', ')} (it would show ${s.shows}).`,
        );
    }
    return 0;
  },
};

function parseBands(text: string): number[] {
  const edges = text.split(',').map((s) => Number(s.trim()));
  if (
    edges.some((e) => !Number.isFinite(e) || e <= 0) ||
    edges.some((e, i) => i > 0 && e <= edges[i - 1])
  ) {
    throw new UsageError(
      `--service-bands must be increasing positive numbers of years, e.g. 3,7,11; got "${text}".`,
    );
  }
  return edges;
}

function parseArguments(argv: string[]) {
  return parseFlags(argv, {
    data: { type: 'string' },
    mapping: { type: 'string' },
    period: { type: 'string' },
    level: { type: 'string' },
    'service-bands': { type: 'string' },
    'min-group-size': { type: 'string' },
    json: { type: 'boolean' },
    engine: { type: 'string' },
  });
}
