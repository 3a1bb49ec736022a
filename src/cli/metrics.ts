// wbk metrics: the headline figures of an extract for one period (or a pooled range, or all the data),
// published (disclosure control on), as JSON for other systems or as a short text summary. Sections come
// from the analyses' headline functions: leavers (attritionHeadlines), exit interviews (exitHeadlines),
// the well-being matrix, unit indicators (indicatorHeadlines); a section whose tables the extract lacks
// is skipped and listed in sections_skipped with what it needs.
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Dataset } from '../io/load-dataset.js';
import { loadDatasetCached } from '../report/dataset-cache.js';
import { resolvePeriod } from '../io/coverage.js';
import { isPooled, type Period } from '../time/periods.js';
import { attritionHeadlines } from '../report/metrics/attrition.js';
import { exitHeadlines } from '../report/metrics/exits.js';
import { matrixHeadlines } from '../report/metrics/matrix.js';
import { indicatorHeadlines } from '../report/metrics/indicators.js';
import { missingNeeds, type SectionNeeds } from '../report/needs.js';
import { UsageError, type Command } from './command.js';
import { kitVersion } from '../shared/kit.js';
import { PUBLISH_MIN_GROUP_SIZE, publishMinimumProblem } from '../privacy/policy.js';

const USAGE = `Usage: wbk metrics --data DIR [--mapping FILE] [--period FY2023-24] [--level district]
                   [--service-bands 3,7,11] [--min-group-size N] [--json]

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

  --data DIR            folder holding the extract (required)
  --mapping FILE        mapping file adapting your export to the kit's model
  --period P            FY2023-24, FY2023-24 Q2, 2023-10, a range FY2021-22..FY2023-24, or all
  --level L             unit level of the well-being matrix (default: the level below the top)
  --service-bands LIST  service band edges in years, e.g. 3,7,11 (default: Home Office JL6)
  --min-group-size N    smallest group or count shown (default 5, at least 3: metrics are published)
  --json                one JSON object on standard output`;

/** A section of the metrics: a name, what it needs from the extract, and the function computing it. */
interface Section {
  name: string;
  needs: SectionNeeds;
  compute(data: Dataset, options: SectionOptions): object;
}

interface SectionOptions {
  period: Period;
  level: string;
  policy: { minGroupSize: number; minCount: number };
  serviceBandEdges?: number[];
}

const SECTIONS: Section[] = [
  {
    name: 'leavers',
    needs: { tables: ['people'], shows: 'leavers by type, leaver rate, turnover, service bands' },
    compute: (data, o) => attritionHeadlines(data, o),
  },
  {
    name: 'exit_interviews',
    needs: {
      tables: ['people', 'exit_interviews'],
      shows: 'exit-interview coverage, top reasons, reason groups by service band',
    },
    compute: (data, o) => exitHeadlines(data, o),
  },
  {
    name: 'wellbeing_matrix',
    needs: { tables: ['people'], shows: 'the well-being matrix of the units at --level' },
    compute: (data, o) => matrixHeadlines(data, o),
  },
  {
    name: 'indicators',
    needs: {
      tables: ['unit_indicators'],
      inPeriod: ['unit_indicators.period_start'],
      shows: 'each unit indicator (published rates, survey scores) by unit and period',
    },
    compute: (data, o) => indicatorHeadlines(data, o),
  },
];

/** A section left out because the extract lacks what it needs. */
interface SkippedSection {
  section: string;
  needs: string[];
  shows: string;
}

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
    const data = await loadDatasetCached(
      dataDir,
      values.mapping ? { mapping: path.resolve(values.mapping) } : {},
    );
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
    const options: SectionOptions = {
      period,
      level,
      policy: { minGroupSize, minCount: minGroupSize },
      ...(serviceBandEdges ? { serviceBandEdges } : {}),
    };
    const result: Record<string, unknown> = {
      kit_version: kitVersion(),
      period: period.label,
      period_start: period.start,
      period_end: period.end,
      disclosure: { mode: 'publish', min_group_size: minGroupSize, min_count: minGroupSize },
    };
    if (isPooled(period)) {
      result.pooled_note = `${period.label} pools ${period.kind === 'all' ? 'every day of the data' : 'the periods of the range'} into one period; ${period.kind === 'all' ? 'there is no previous period, so trends and changes are null' : 'trends compare it with the range of as many periods just before it'}.`;
    }
    const skipped: SkippedSection[] = [];
    const run: Section[] = [];
    for (const section of SECTIONS) {
      const missing = missingNeeds(data, period, section.needs);
      if (missing.length > 0) {
        skipped.push({ section: section.name, needs: missing, shows: section.needs.shows });
        continue;
      }
      run.push(section);
      result[section.name] = section.compute(data, options);
    }
    result.sections_skipped = skipped;
    if (values.json) {
      console.log(JSON.stringify(result, null, 2));
    } else {
      console.log(
        `Headline figures, ${period.label} (publish mode: groups and counts under ${minGroupSize} hidden)`,
      );
      if (result.pooled_note) console.log(String(result.pooled_note));
      for (const section of run)
        console.log(`\n${section.name}:\n${JSON.stringify(result[section.name], null, 2)}`);
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
  try {
    return parseArgs({
      args: argv,
      options: {
        data: { type: 'string' },
        mapping: { type: 'string' },
        period: { type: 'string' },
        level: { type: 'string' },
        'service-bands': { type: 'string' },
        'min-group-size': { type: 'string' },
        json: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
