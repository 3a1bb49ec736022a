// The DuckDB path and the in-memory path of src/scale give the same tables on a small generated force
// (300 people, 5 years), and both agree with the kit's own transforms where those define the figure.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { generateDemoForce } from '../../src/demo/generate.js';
import { loadDataset, type Dataset } from '../../src/io/load-dataset.js';
import { summarizeHeadcountAtDates } from '../../src/scale/headcount-at-dates.js';
import { summarizeOvertimeByPeriod } from '../../src/scale/overtime-by-period.js';
import { summarizeRollingOvertime } from '../../src/scale/overtime-rolling.js';
import { summarizeSicknessByPeriod } from '../../src/scale/sickness-by-period.js';
import { summarizeOvertime } from '../../src/transforms/overtime/summary.js';
import { summarizeSickness } from '../../src/transforms/sickness/summary.js';
import { summarizeAverageHeadcount } from '../../src/transforms/workforce/periods-at-risk.js';
import { epochDay } from '../../src/time/dates.js';
import { periodsBetween } from '../../src/time/periods.js';
import { tableEqual, type Columns } from '../helpers/table-equal.js';

// Sums of up to a few thousand hours or days, added in a different order by each engine: equal to
// within 1e-9 absolute (double rounding is ~1e-12 here); counts compare exactly (tolerance < 1).
const TOLERANCE = 1e-9;
const from = epochDay(2020, 4, 1);
const to = epochDay(2025, 3, 31);
const months = periodsBetween(from, to, 'month');
const years = periodsBetween(from, to, 'financial_year');

let dir: string;
let data: Dataset;
let files: { people: string; overtime: string; sickness: string };

before(async function () {
  this.timeout(120000);
  dir = mkdtempSync(join(tmpdir(), 'wbk-scale-'));
  await generateDemoForce({ people: 300, outDir: dir });
  data = await loadDataset(dir, { asOf: to });
  files = {
    people: join(dir, 'people.csv'),
    overtime: join(dir, 'overtime.csv'),
    sickness: join(dir, 'sickness.csv'),
  };
});

after(() => rmSync(dir, { recursive: true, force: true }));

const columnsOf = (t: ColumnTable): Columns =>
  Object.fromEntries(t.columnNames().map((c) => [c, Array.from(t.array(c) as ArrayLike<unknown>)]));

const memoryInputs = () => ({
  people: data.tables.people,
  overtime: data.tables.overtime,
  sickness: data.tables.sickness,
});

describe('summarizeOvertimeByPeriod', () => {
  it('gives the same spell × month table from DuckDB over the CSVs as in memory from loadDataset', async () => {
    const memory = await summarizeOvertimeByPeriod(memoryInputs(), {
      periods: months,
      engine: 'memory',
    });
    const duck = await summarizeOvertimeByPeriod(files, { periods: months, engine: 'duckdb' });
    assert.ok(memory.numRows() > 1000, `only ${memory.numRows()} rows: the fixture is too small`);
    tableEqual(duck, columnsOf(memory), TOLERANCE);
  });

  it('sums per unit to what summarizeOvertime reports for each unit and month', async () => {
    const duck = await summarizeOvertimeByPeriod(files, {
      periods: months,
      by: ['unit_id'],
      engine: 'duckdb',
    });
    const kit = summarizeOvertime(data.tables.people, data.tables.overtime, {
      periods: months,
      by: ['unit_id'],
    })
      .filter((d: { claims: number }) => d.claims > 0)
      .select(
        'unit_id',
        'period',
        'claims',
        'overtime_hours',
        'paid_hours',
        'toil_hours',
        'unpaid_hours',
        'rest_days_worked',
      )
      .orderby('unit_id', 'period');
    tableEqual(
      duck.select(kit.columnNames()).orderby('unit_id', 'period'),
      columnsOf(kit),
      TOLERANCE,
    );
  });

  it('refuses an in-memory overtime table on the DuckDB engine and says to pass the file', async () => {
    await assert.rejects(
      summarizeOvertimeByPeriod(memoryInputs(), { periods: months, engine: 'duckdb' }),
      /summarizeOvertimeByPeriod: engine 'duckdb' reads files, but overtime is an in-memory table\. Pass the CSV or Parquet path instead, or use engine 'memory'\./,
    );
  });
});

describe('summarizeSicknessByPeriod', () => {
  it('gives the same spell × financial year table from both engines', async () => {
    const memory = await summarizeSicknessByPeriod(memoryInputs(), {
      periods: years,
      asOf: to,
      engine: 'memory',
    });
    const duck = await summarizeSicknessByPeriod(files, {
      periods: years,
      asOf: to,
      engine: 'duckdb',
    });
    assert.ok(memory.numRows() > 300);
    tableEqual(duck, columnsOf(memory), TOLERANCE);
  });

  it('sums per unit to the FTE days lost and spells of summarizeSickness', async () => {
    const duck = await summarizeSicknessByPeriod(files, {
      periods: months,
      by: ['unit_id'],
      asOf: to,
      engine: 'duckdb',
    });
    const kit = summarizeSickness(data.tables.people, data.tables.sickness, {
      periods: months,
      by: ['unit_id'],
      asOf: to,
    })
      .filter((d: { fte_days_lost: number; spells: number }) => d.fte_days_lost > 0 || d.spells > 0)
      .select(
        'unit_id',
        'period',
        'spells',
        'long_term_spells',
        'days_lost',
        'fte_days_lost',
        'mental_health_fte_days_lost',
      )
      .orderby('unit_id', 'period');
    const mine = duck
      .filter((d: { fte_days_lost: number; spells: number }) => d.fte_days_lost > 0 || d.spells > 0)
      .select(kit.columnNames());
    tableEqual(mine, columnsOf(kit), TOLERANCE);
  });
});

describe('summarizeRollingOvertime', () => {
  it('gives the same weekly and 17-week rolling hours from both engines', async () => {
    const options = { from, to, weeks: 17 } as const;
    const memory = await summarizeRollingOvertime(memoryInputs(), { ...options, engine: 'memory' });
    const duck = await summarizeRollingOvertime(files, { ...options, engine: 'duckdb' });
    tableEqual(duck, columnsOf(memory), TOLERANCE);
  });

  it('adds the weeks of a window and drops the week that leaves it', async () => {
    // One person in post throughout; claims of 1 h in week 0, 2 h in week 1 and 4 h in week 3.
    // With a 3-week window: week 0 → 1; week 1 → 1 + 2 = 3; week 3 → weeks 1..3 = 2 + 4 = 6.
    const people = aq.table({ person_id: ['P1'], start_date: [0], end_date: [null], fte: [1] });
    const overtime = aq.table({
      person_id: ['P1', 'P1', 'P1'],
      date: [100, 108, 122],
      hours: [1, 2, 4],
    });
    const t = await summarizeRollingOvertime(
      { people, overtime },
      { from: 100, to: 200, weeks: 3 },
    );
    tableEqual(t, {
      person_id: ['P1', 'P1', 'P1'],
      start_date: [0, 0, 0],
      week_start: [100, 107, 121],
      overtime_hours: [1, 2, 4],
      rolling_hours: [1, 3, 6],
    });
  });
});

describe('summarizeHeadcountAtDates', () => {
  it('counts on the first day of each year what summarizeAverageHeadcount counts at the start', async () => {
    const dates = years.map((p) => p.start);
    const duck = await summarizeHeadcountAtDates(
      { people: files.people },
      { dates, by: ['unit_id'], engine: 'duckdb' },
    );
    const memory = await summarizeHeadcountAtDates(
      { people: data.tables.people },
      { dates, by: ['unit_id'], engine: 'memory' },
    );
    tableEqual(duck, columnsOf(memory), TOLERANCE);
    const kit = summarizeAverageHeadcount(data.tables.people, { periods: years, by: ['unit_id'] })
      .filter((d: { headcount_start: number }) => d.headcount_start > 0)
      .derive({ date: (d: { period_start: number }) => d.period_start })
      .select('unit_id', 'date', 'headcount_start')
      .orderby('unit_id', 'date');
    tableEqual(
      duck.select('unit_id', 'date', 'headcount').rename({ headcount: 'headcount_start' }),
      columnsOf(kit),
    );
  });
});
