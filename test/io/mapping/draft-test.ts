// wbk map's guesses: date formats from the values, number formats, value maps to the model's
// vocabularies, a units hierarchy from unit columns, and a whole draft for a synonym-named extract.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../../src/cli/main.js';
import { loadDataset } from '../../../src/io/load-dataset.js';
import { draftMapping } from '../../../src/io/mapping/draft.js';
import { nameScore } from '../../../src/io/mapping/draft-columns.js';
import { proposeHierarchy } from '../../../src/io/mapping/draft-units.js';
import {
  guessDateFormat,
  guessNumbers,
  guessValueMap,
} from '../../../src/io/mapping/draft-values.js';

const FIXTURE = fileURLToPath(
  new URL('../../fixtures/extracts/force-command-station/', import.meta.url),
);
const counts = (values: string[]) => {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
};

describe('guessDateFormat', () => {
  it('reads day-first from a day above 12 and month-first from a month position above 12', () => {
    assert.equal(guessDateFormat(['03/04/2012', '15/09/2019'])?.format, 'dd/mm/yyyy');
    assert.equal(guessDateFormat(['07/05/2011', '1/17/2019'])?.format, 'mm/dd/yyyy');
    assert.equal(guessDateFormat(['2024-04-30', '2024-05-31'])?.format, 'iso');
  });
  it('assumes day-first when no value decides, and says so', () => {
    const guess = guessDateFormat(['03/04/2012', '01/02/2020'])!;
    assert.equal(guess.format, 'dd/mm/yyyy');
    assert.match(guess.why, /no day above 12 seen, so day-first is assumed/);
  });
  it('notices two-digit years and refuses values that are not dates', () => {
    assert.equal(guessDateFormat(['09/19/88', '07/10/1983'])?.twoDigitYears, true);
    assert.equal(guessDateFormat(['Production', 'Sales']), undefined);
  });
});

describe('guessNumbers', () => {
  it('finds thousands separators, decimal commas and percent signs', () => {
    assert.deepEqual(guessNumbers(['1,234.50', '980', '-2,000']), { thousands: ',' });
    assert.deepEqual(guessNumbers(['0,5', '1']), { decimal: ',' });
    assert.deepEqual(guessNumbers(['63%', '58%']), { suffix: '%' });
    assert.equal(guessNumbers(['a', 'b']), undefined);
  });
});

describe('guessValueMap', () => {
  it('maps sex, worker type and leaver type words to the model', () => {
    assert.deepEqual(guessValueMap(counts(['F', 'M ', 'Prefer not to say']), 'sex').map, {
      F: 'female',
      M: 'male',
      'Prefer not to say': 'not_stated',
    });
    assert.deepEqual(
      guessValueMap(counts(['Police Officer', 'PCSO', 'Police Staff']), 'worker_type').map,
      {
        'Police Officer': 'officer',
        PCSO: 'pcso',
        'Police Staff': 'staff',
      },
    );
    const leavers = guessValueMap(
      counts([
        'Active',
        'Voluntarily Terminated',
        'Terminated for Cause',
        'Ill Health Retirement',
        'Redundancy',
      ]),
      'leaver_type',
    );
    assert.deepEqual(leavers.map, {
      Active: '',
      'Voluntarily Terminated': 'voluntary_resignation',
      'Terminated for Cause': 'dismissal',
      'Ill Health Retirement': 'medical_retirement',
    });
    assert.deepEqual(leavers.unmapped, ['Redundancy']);
  });
  it('maps ethnicity: the 18+1 self-defined codes, ONS group words, and not stated', () => {
    // Home Office self-defined ethnicity codes: W white, M mixed, A Asian, B Black, O other, NS not stated.
    assert.deepEqual(
      guessValueMap(counts(['W1', 'W9', 'M2', 'A3', 'B1', 'O9', 'NS']), 'ethnicity_group').map,
      {
        W1: 'white',
        W9: 'white',
        M2: 'mixed',
        A3: 'asian',
        B1: 'black',
        O9: 'other',
        NS: 'not_stated',
      },
    );
    assert.deepEqual(
      guessValueMap(
        counts([
          'White and Black Caribbean',
          'Asian or Asian British - Indian',
          'Black British',
          'Arab',
        ]),
        'ethnicity_group',
      ).map,
      {
        'White and Black Caribbean': 'mixed',
        'Asian or Asian British - Indian': 'asian',
        'Black British': 'black',
        Arab: 'other',
      },
    );
  });
  it('maps yes/no spellings to true/false', () => {
    assert.deepEqual(guessValueMap(counts(['Y', 'N', 'Yes']), 'boolean').map, {
      Y: 'true',
      N: 'false',
      Yes: 'true',
    });
  });
});

describe('nameScore', () => {
  it('matches synonyms whatever their case, spaces and punctuation', () => {
    assert.equal(nameScore('people', 'start_date', 'Date of Hire'), 3);
    assert.equal(nameScore('people', 'person_id', 'Staff No.'), 3);
    assert.equal(nameScore('people', 'start_date', 'DETE Start Date'), 2);
    assert.equal(nameScore('people', 'start_date', 'Salary'), 0);
  });
});

describe('proposeHierarchy', () => {
  // Sector is a unit-like column that classifies organisations across regions.
  const header = ['Region Code', 'Region Name', 'Org Code', 'Org Name', 'Sector', 'Lost'];
  const rows = [
    ['Y56', 'London', 'RJ1', 'Guy’s', 'Acute', '1'],
    ['Y56', 'London', 'RRU', 'LAS', 'Ambulance', '2'],
    ['Y57', 'South', 'RX1', 'Royal', 'Acute', '3'],
  ];
  it('pairs codes with names and orders levels as the file does, keeping those that divide', () => {
    const p = proposeHierarchy(header, rows, new Set())!;
    assert.deepEqual(p.levels, [
      { level: 'region', id: 'Region Code', name: 'Region Name', unique: true },
      { level: 'org', id: 'Org Code', name: 'Org Name', unique: true },
    ]);
    // Sector divides nothing below Org: each organisation already has one.
    assert.match(p.notes.join(' '), /Sector does not divide the units above it further/);
  });
  it('lets names repeat under different parents (path ids), and says so', () => {
    const p = proposeHierarchy(
      ['Department', 'Team'],
      [
        ['CID', 'Team A'],
        ['CID', 'Team B'],
        ['Response', 'Team A'],
      ],
      new Set(),
    )!;
    assert.deepEqual(
      p.levels.map((l) => [l.level, l.unique]),
      [
        ['department', true],
        ['team', false],
      ],
    );
  });
});

describe('draftMapping', () => {
  it('drafts a mapping under which every row of a synonym-named extract loads, each guess right', async () => {
    const { mapping } = await draftMapping(FIXTURE, { today: '2025-01-01' });
    const sources = mapping.sources as Record<string, unknown>[];
    const people = sources.find((s) => s.table === 'people')!;
    // Known answers: the fixture's own mapping.json, written by hand.
    assert.equal(people.encoding, 'windows-1252');
    assert.equal(people.delimiter, ';');
    assert.equal(people.date_format, 'dd/mm/yyyy');
    assert.deepEqual(people.rename, {
      'Employee Ref': 'person_id',
      'Role Type': 'worker_type',
      'Date Joined': 'start_date',
      'Date Left': 'end_date',
      'Reason Left': 'leaver_type',
      Gender: 'sex',
      'Ethnic Origin': 'ethnicity_group',
    });
    assert.deepEqual((people.values as Record<string, unknown>).ethnicity_group, {
      W1: 'white',
      A1: 'asian',
      NS: 'not_stated',
      M1: 'mixed',
      B2: 'black',
      O9: 'other',
    });
    assert.deepEqual(people.hierarchy, {
      levels: [
        { level: 'command', id: 'Command', unique: true },
        { level: 'station', id: 'Station', unique: true },
      ],
    });
    const review = people.review as Record<string, string>;
    for (const key of ['rename.Employee Ref', 'date_format', 'hierarchy', 'values.sex', 'encoding'])
      assert.ok(review[key], `no review note for ${key}`);
    assert.equal(sources.find((s) => s.table === 'sickness')!.files, 'sickness.csv');
    const data = await loadDataset(FIXTURE, { mapping: mapping as never, asOf: '2024-12-31' });
    assert.equal(data.rejects.numRows(), 0);
    assert.deepEqual(
      data.files.map((f) => [f.file, f.rows_loaded]),
      [
        ['people.csv', 12],
        ['sickness.csv', 6],
        ['mapping:hierarchy', 8],
      ],
    );
  });
});

describe('wbk map', () => {
  it('writes the draft, which wbk check then accepts with no reject', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'wbk-map-')), 'draft.json');
    const log = console.error;
    console.error = () => {};
    try {
      assert.equal(await main(['map', '--data', FIXTURE, '--out', out]), 0);
      assert.equal(await main(['map', '--data', FIXTURE, '--out', out]), 2); // exists: needs --force
    } finally {
      console.error = log;
    }
    const draft = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(draft.sources.length, 2);
    const info = console.log;
    console.log = () => {};
    try {
      assert.equal(
        await main(['check', '--data', FIXTURE, '--mapping', out, '--as-of', '2024-12-31']),
        0,
      );
    } finally {
      console.log = info;
    }
  });
});
