// The headline figures of an extract for one period, as `wbk metrics` prints them and `wbk report`
// writes them beside its reports (metrics.json): the sections leavers, exit interviews, well-being
// matrix and unit indicators, each computed when the extract has what it needs, all published under one
// ledger so the run can protect them together with its notebooks.
import type { Dataset } from '../../io/load-dataset.js';
import { DisclosureLedger } from '../../privacy/index.js';
import { kitVersion } from '../../shared/kit.js';
import { isPooled, type Period } from '../../time/periods.js';
import type { ExportTable } from '../exports.js';
import { missingNeeds, type SectionNeeds } from '../needs.js';
import { attritionHeadlines } from './attrition.js';
import { exitHeadlines } from './exits.js';
import { indicatorHeadlines } from './indicators.js';
import { matrixHeadlines } from './matrix.js';
import { headlineSession, type HeadlineSession } from './session.js';

/** What the headline figures are computed for. */
export interface HeadlineOptions {
  period: Period;
  /** Unit level of the well-being matrix and the indicators. */
  level: string;
  /** Smallest group or count shown (publish mode). */
  minGroupSize: number;
  serviceBandEdges?: number[];
  /** Cells an earlier output of the run hid (default none). */
  ledger?: DisclosureLedger;
  /**
   * Results of an earlier call with the same data and options but another ledger, reused (give the
   * same map to every call of a run: a rerun with more cells hidden then only publishes again).
   */
  computed?: Map<string, unknown>;
}

/** A section of the figures left out because the extract lacks what it needs. */
export interface SkippedSection {
  section: string;
  needs: string[];
  shows: string;
}

/** The figures (the JSON of `wbk metrics --json`) and every table published for them. */
export interface Headlines {
  figures: Record<string, unknown>;
  /** Names of the sections computed, in order. */
  sections: string[];
  tables: ExportTable[];
}

interface Section {
  name: string;
  needs: SectionNeeds;
  compute(data: Dataset, options: SectionInput): object;
}

interface SectionInput {
  period: Period;
  level: string;
  policy: { minGroupSize: number; minCount: number };
  serviceBandEdges?: number[];
  session: HeadlineSession;
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

/**
 * The published headline figures of `data` for `options.period`: every section the extract supports
 * (a section lacking tables is listed in `sections_skipped` with what it needs), hidden values null.
 * @example const { figures } = headlineFigures(data, { period, level: 'district', minGroupSize: 5 })
 */
export function headlineFigures(data: Dataset, options: HeadlineOptions): Headlines {
  const { period, level, minGroupSize, serviceBandEdges } = options;
  const session = headlineSession(options.ledger ?? new DisclosureLedger(), options.computed);
  const input: SectionInput = {
    period,
    level,
    policy: { minGroupSize, minCount: minGroupSize },
    ...(serviceBandEdges ? { serviceBandEdges } : {}),
    session,
  };
  const figures: Record<string, unknown> = {
    kit_version: kitVersion(),
    period: period.label,
    period_start: period.start,
    period_end: period.end,
    disclosure: { mode: 'publish', min_group_size: minGroupSize, min_count: minGroupSize },
  };
  if (isPooled(period)) {
    const all = period.kind === 'all';
    figures.pooled_note = `${period.label} pools ${all ? 'every day of the data' : 'the periods of the range'} into one period; ${all ? 'there is no previous period, so trends and changes are null' : 'trends compare it with the range of as many periods just before it'}.`;
  }
  const skipped: SkippedSection[] = [];
  const sections: string[] = [];
  for (const section of SECTIONS) {
    const missing = missingNeeds(data, period, section.needs);
    if (missing.length > 0) {
      skipped.push({ section: section.name, needs: missing, shows: section.needs.shows });
      continue;
    }
    sections.push(section.name);
    figures[section.name] = section.compute(data, input);
  }
  figures.sections_skipped = skipped;
  return { figures, sections, tables: session.tables };
}
