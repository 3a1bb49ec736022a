// The DuckDB path and the in-memory path of src/scale give the same tables on a small generated force
// (300 people, 5 years), and both agree with the kit's own transforms where those define the figure.
import assert from 'node:assert/strict';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
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
import { inputTables } from '../../src/scale/engine.js';
import { isScaleData, openScaleData } from '../../src/scale/scale-data.js';
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

describe('openScaleData', () => {
  type Inputs = Parameters<typeof summarizeOvertimeByPeriod>[0];
  // Every aggregation of the scale path on `inputs` (files, tables or a ScaleData).
  const everyAggregation = async (inputs: Inputs, engine?: 'memory' | 'duckdb') => [
    await summarizeOvertimeByPeriod(inputs, { periods: months, engine }),
    await summarizeOvertimeByPeriod(inputs, { periods: years, by: ['unit_id'], engine }),
    await summarizeSicknessByPeriod(inputs, { periods: years, asOf: to, engine }),
    await summarizeSicknessByPeriod(inputs, { periods: months, by: ['unit_id'], asOf: to, engine }),
    await summarizeRollingOvertime(inputs, { from, to, weeks: 17, engine }),
    await summarizeHeadcountAtDates(isScaleData(inputs) ? inputs : { people: inputs.people }, {
      dates: years.map((p) => p.start),
      by: ['unit_id'],
      engine,
    }),
  ];
  const sameTables = (got: ColumnTable[], expected: ColumnTable[]) => {
    assert.equal(got.length, expected.length);
    got.forEach((t, i) => {
      assert.ok(t.numRows() > 20, `aggregation ${i}: only ${t.numRows()} rows`);
      tableEqual(t, columnsOf(expected[i]), TOLERANCE);
    });
  };
  let memory: ColumnTable[];
  let cacheRoot: string;
  before(async function () {
    this.timeout(60000);
    memory = await everyAggregation(memoryInputs(), 'memory');
    cacheRoot = mkdtempSync(join(tmpdir(), 'wbk-scale-cache-'));
  });
  after(() => rmSync(cacheRoot, { recursive: true, force: true }));

  it('gives every aggregation the same table as the memory engine, from one session', async () => {
    const shared = await openScaleData(files);
    try {
      sameTables(await everyAggregation(shared), memory);
      tableEqual(await shared.people(), columnsOf(await everyPeopleColumn(files.people)));
    } finally {
      shared.close();
    }
  });

  it('reads each file once: its aggregations still run after the files are deleted', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'wbk-scale-once-'));
    const moved = Object.fromEntries(
      Object.keys(files).map((k) => [k, join(copy, `${k}.csv`)]),
    ) as typeof files;
    for (const k of ['people', 'overtime', 'sickness'] as const) copyFileSync(files[k], moved[k]);
    const shared = await openScaleData(moved);
    try {
      rmSync(copy, { recursive: true, force: true });
      sameTables(await everyAggregation(shared), memory);
    } finally {
      shared.close();
    }
  });

  it('caches the joined inputs as Parquet in a private folder and reuses them while the files are unchanged', async () => {
    const cacheDir = join(cacheRoot, 'files', 'cache');
    const copy = mkdtempSync(join(tmpdir(), 'wbk-scale-cached-'));
    try {
      const moved = Object.fromEntries(
        Object.keys(files).map((k) => [k, join(copy, `${k}.csv`)]),
      ) as typeof files;
      for (const k of ['people', 'overtime', 'sickness'] as const) copyFileSync(files[k], moved[k]);
      const first = await openScaleData(moved, { cacheDir });
      first.close();
      assert.equal(statSync(cacheDir).mode & 0o777, 0o700);
      const cached = readdirSync(cacheDir).sort();
      assert.deepEqual(
        cached.map((f) => f.split('-')[0]),
        ['overtime_spells', 'sickness_spells', 'spells'],
      );
      for (const f of cached) assert.equal(statSync(join(cacheDir, f)).mode & 0o777, 0o600);
      const written = cached.map((f) => statSync(join(cacheDir, f)).mtimeMs);
      // A second run on the same files reads the cache: nothing is written again.
      const again = await openScaleData(moved, { cacheDir });
      try {
        sameTables(await everyAggregation(again), memory);
      } finally {
        again.close();
      }
      assert.deepEqual(readdirSync(cacheDir).sort(), cached);
      assert.deepEqual(
        cached.map((f) => statSync(join(cacheDir, f)).mtimeMs),
        written,
      );
      // A changed overtime file: its join is written afresh and replaces the old one.
      const lines = readFileSync(moved.overtime, 'utf8').trimEnd().split('\n');
      writeFileSync(moved.overtime, lines.slice(0, 1 + (lines.length - 1) / 2).join('\n') + '\n');
      const changed = await openScaleData(moved, { cacheDir });
      try {
        const half = await summarizeOvertimeByPeriod(changed, { periods: years, by: ['unit_id'] });
        const claims = (t: ColumnTable) => t.rollup({ n: aq.op.sum('claims') }).get('n', 0);
        assert.ok(claims(half) < claims(memory[1]), 'the changed file was not read');
      } finally {
        changed.close();
      }
      const now = readdirSync(cacheDir).sort();
      assert.equal(now.length, 3);
      assert.notDeepEqual(now, cached);
      assert.deepEqual(
        now.filter((f) => !cached.includes(f)).map((f) => f.split('-')[0]),
        ['overtime_spells'],
      );
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('caches the event files as read when people is an in-memory table', async () => {
    const cacheDir = join(cacheRoot, 'table');
    const shared = await openScaleData(
      { people: data.tables.people, overtime: files.overtime, sickness: files.sickness },
      { cacheDir },
    );
    try {
      sameTables(await everyAggregation(shared), memory);
    } finally {
      shared.close();
    }
    assert.deepEqual(
      readdirSync(cacheDir)
        .map((f) => f.split('-')[0])
        .sort(),
      ['overtime', 'sickness'],
    );
  });

  it('refuses a cache folder other users can read, and says how to fix it', async () => {
    const open = join(cacheRoot, 'open');
    mkdirSync(open, { mode: 0o755 });
    chmodSync(open, 0o755);
    await assert.rejects(
      openScaleData(files, { cacheDir: open }),
      /openScaleData: cacheDir .*open can be read by other users \(mode 755\)\. The cache holds personal data: run chmod 700 on it, or give a new folder \(created with mode 700\)\./,
    );
  });

  it('says which input is missing or of the wrong kind', async () => {
    await assert.rejects(
      openScaleData({ overtime: files.overtime } as never),
      /^Error: openScaleData: inputs\.people is missing\.$/,
    );
    await assert.rejects(
      openScaleData({ people: files.people, sickness: 42 } as never),
      /^Error: openScaleData: inputs\.sickness must be a file path or an arquero table\.$/,
    );
  });

  it('says when an event input was not opened, when it is closed, and when asked for the memory engine', async () => {
    const shared = await openScaleData({ people: files.people, overtime: files.overtime });
    await assert.rejects(
      summarizeSicknessByPeriod(shared, { periods: years }),
      /summarizeSicknessByPeriod: inputs\.sickness is missing: the ScaleData was opened without it\. Pass it to openScaleData\(\)\./,
    );
    await assert.rejects(
      summarizeOvertimeByPeriod(shared, { periods: years, engine: 'memory' }),
      /summarizeOvertimeByPeriod: a ScaleData runs on its own DuckDB session: leave out engine 'memory' and session, or pass the inputs instead\./,
    );
    shared.close();
    await assert.rejects(
      summarizeOvertimeByPeriod(shared, { periods: years }),
      /summarizeOvertimeByPeriod: this ScaleData is closed\. Open another with openScaleData\(\)\./,
    );
  });

  it('holds each event file once as rows with only the columns the aggregations read, joined to spells in a view', async () => {
    // P1 moves from U1 to U2 on 1 April 2021 (spells 0 and 1); P2 is in U1 throughout (spell 2);
    // P3 has no spell. The claims' reason and the sickness notes are not held.
    const small = mkdtempSync(join(tmpdir(), 'wbk-scale-rows-'));
    const write = (name: string, lines: string[]) => {
      writeFileSync(join(small, name), lines.join('\n') + '\n');
      return join(small, name);
    };
    const inputs = {
      people: write('people.csv', [
        'person_id,worker_type,unit_id,start_date,end_date,fte',
        'P1,officer,U1,2020-04-01,2021-03-31,1',
        'P1,officer,U2,2021-04-01,,0.5',
        'P2,staff,U1,2020-04-01,,1',
      ]),
      overtime: write('overtime.csv', [
        'person_id,date,hours,compensation,reason,rest_day_worked',
        'P1,2021-03-31,2,paid,cover,false',
        'P1,2021-04-01,3,toil,cover,true',
        'P2,2020-05-01,4,unpaid,cover,false',
        'P3,2020-05-01,5,,cover,false',
      ]),
      sickness: write('sickness.csv', [
        'person_id,start_date,end_date,working_days_lost,reason_category,notes',
        'P1,2021-04-06,2021-04-07,2,mental_health,x',
        'P2,2020-06-01,,,injury,y',
      ]),
    };
    const shared = await openScaleData(inputs);
    try {
      const kinds = await shared.session.query(
        'SELECT table_name, table_type FROM information_schema.tables ORDER BY table_name',
      );
      tableEqual(kinds, {
        table_name: [
          'overtime_input',
          'overtime_rows',
          'overtime_spells',
          'people_input',
          'sickness_input',
          'sickness_rows',
          'sickness_spells',
          'spells',
        ],
        table_type: [
          'VIEW',
          'BASE TABLE',
          'VIEW',
          'VIEW',
          'VIEW',
          'BASE TABLE',
          'VIEW',
          'BASE TABLE',
        ],
      });
      const columns = async (table: string) =>
        (
          await shared.session.query(
            `SELECT column_name || ' ' || data_type AS c FROM information_schema.columns WHERE table_name = '${table}' ORDER BY ordinal_position`,
          )
        ).array('c') as string[];
      assert.deepEqual(Array.from(await columns('overtime_rows')), [
        'person_id VARCHAR',
        'date INTEGER',
        'hours DOUBLE',
        'compensation_code UTINYINT',
        'rest_day_worked BOOLEAN',
      ]);
      assert.deepEqual(Array.from(await columns('sickness_rows')), [
        'person_id VARCHAR',
        'start_date INTEGER',
        'end_date INTEGER',
        'working_days_lost DOUBLE',
        'reason_category VARCHAR',
      ]);
      tableEqual(await shared.session.query('SELECT * FROM overtime_spells ORDER BY spell'), {
        spell: [0, 1, 2],
        date: [epochDay(2021, 3, 31), epochDay(2021, 4, 1), epochDay(2020, 5, 1)],
        hours: [2, 3, 4],
        compensation_code: [1, 2, 3],
        rest_day_worked: [false, true, false],
      });
      tableEqual(await shared.session.query('SELECT * FROM sickness_spells ORDER BY spell'), {
        spell: [1, 2],
        start_date: [epochDay(2021, 4, 6), epochDay(2020, 6, 1)],
        end_date: [epochDay(2021, 4, 7), null],
        working_days_lost: [2, null],
        reason_category: ['mental_health', 'injury'],
      });
      // U1: 2 h (P1, 31 March 2021) + 4 h (P2) in 2020/21; U2: P1's 3 h in 2021/22.
      const hours = await summarizeOvertimeByPeriod(shared, {
        periods: years,
        by: ['unit_id'],
        measures: ['overtime_hours', 'toil_hours'],
      });
      tableEqual(hours.select('unit_id', 'period', 'overtime_hours', 'toil_hours'), {
        unit_id: ['U1', 'U2'],
        period: [years[0].label, years[1].label],
        overtime_hours: [6, 3],
        toil_hours: [0, 3],
      });
    } finally {
      shared.close();
      rmSync(small, { recursive: true, force: true });
    }
  });

  it('gives people with only the columns asked for, in file order, and names a column it lacks', async () => {
    const small = mkdtempSync(join(tmpdir(), 'wbk-scale-people-'));
    const path = join(small, 'people.csv');
    writeFileSync(
      path,
      [
        'person_id,worker_type,unit_id,start_date,end_date,fte,sex',
        'P2,staff,U1,2020-04-01,,1,female',
        'P1,officer,U2,2021-04-01,2022-03-31,0.5,male',
      ].join('\n') + '\n',
    );
    const shared = await openScaleData({ people: path });
    try {
      tableEqual(await shared.people(['unit_id', 'end_date', 'fte']), {
        unit_id: ['U1', 'U2'],
        end_date: [null, epochDay(2022, 3, 31)],
        fte: [1, 0.5],
      });
      assert.equal((await shared.people()).columnNames().length > 10, true);
      await assert.rejects(
        shared.people(['unit_id', 'team_id', 'spell']),
        /^Error: ScaleData\.people: no column team_id, spell in people\. Its columns: person_id, .*unit_id.*\.$/,
      );
    } finally {
      shared.close();
      rmSync(small, { recursive: true, force: true });
    }
  });

  it('returns an empty table with the usual columns when no claim falls in the periods', async () => {
    const shared = await openScaleData(files);
    try {
      const before2000 = periodsBetween(epochDay(1990, 1, 1), epochDay(1990, 12, 31), 'month');
      const t = await summarizeOvertimeByPeriod(shared, { periods: before2000, by: ['unit_id'] });
      tableEqual(t, {
        unit_id: [],
        period: [],
        period_start: [],
        period_end: [],
        claims: [],
        overtime_hours: [],
        paid_hours: [],
        toil_hours: [],
        unpaid_hours: [],
        rest_days_worked: [],
      });
    } finally {
      shared.close();
    }
  });
});

/** people.csv read by DuckDB with the canonical types, as the memory engine reads files. */
async function everyPeopleColumn(path: string): Promise<ColumnTable> {
  return (await inputTables({ people: path }, {})).people!;
}
