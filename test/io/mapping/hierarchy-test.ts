// Units built from columns of the rows themselves (a source's "hierarchy"): ids that cannot collide
// across levels, names from name columns, parents from the column order, level names from the mapping.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HIERARCHY_UNITS, loadDataset } from '../../../src/io/load-dataset.js';
import { parseMapping } from '../../../src/io/mapping/mapping.js';
import { tableEqual } from '../../helpers/table-equal.js';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'wbk-hierarchy-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

// Three organisations in two regions; "Acute" is a type in both regions, and the region "Acute" (a
// name chosen to collide) shares its text with a type: every unit still gets its own id.
const RATES = [
  'REGION,REGION_NAME,ORG_TYPE,ORG,ORG_NAME,LOST,AVAILABLE',
  'Y56,London,Acute,RJ1,Guy’s,10,200',
  'Y56,London,Ambulance,RRU,LAS,5,100',
  'Acute,Acute region,Acute,RX1,Nottingham,8,160',
  '',
].join('\n');

const ratesMapping = {
  date_format: 'iso',
  sources: [
    {
      files: 'rates.csv',
      table: 'unit_indicators',
      hierarchy: {
        top: { id: 'england', name: 'England', level: 'country' },
        levels: [
          { level: 'region', id: 'REGION', name: 'REGION_NAME' },
          { level: 'organisation_type', id: 'ORG_TYPE' },
          { level: 'organisation', id: 'ORG', name: 'ORG_NAME', unique: true },
        ],
      },
      rename: { LOST: 'numerator', AVAILABLE: 'denominator' },
      constants: {
        period_start: '2024-04-01',
        period_end: '2024-04-30',
        indicator: 'sickness_absence_rate_pct',
      },
    },
  ],
};

describe('source hierarchy', () => {
  it('builds the units from the columns, each level under the one before, names from name columns', async () => {
    const data = await loadDataset(folder({ 'rates.csv': RATES }), {
      mapping: ratesMapping,
      asOf: '2025-03-31',
    });
    assert.equal(data.rejects.numRows(), 0);
    // Expected units written out by hand from the four rows above: the top, two regions, three
    // (region, type) pairs, three organisations; first seen first.
    tableEqual(data.tables.units, {
      unit_id: [
        'england',
        'region:Y56',
        'organisation_type:Y56/Acute',
        'organisation:RJ1',
        'organisation_type:Y56/Ambulance',
        'organisation:RRU',
        'region:Acute',
        'organisation_type:Acute/Acute',
        'organisation:RX1',
      ],
      parent_id: [
        null,
        'england',
        'region:Y56',
        'organisation_type:Y56/Acute',
        'region:Y56',
        'organisation_type:Y56/Ambulance',
        'england',
        'region:Acute',
        'organisation_type:Acute/Acute',
      ],
      // Two types are named Acute: each is followed by its region's name (see the test below).
      name: [
        'England',
        'London',
        'Acute (London)',
        'Guy’s',
        'Ambulance',
        'LAS',
        'Acute region',
        'Acute (Acute region)',
        'Nottingham',
      ],
      level: [
        'country',
        'region',
        'organisation_type',
        'organisation',
        'organisation_type',
        'organisation',
        'region',
        'organisation_type',
        'organisation',
      ],
    });
    // Each row carries its lowest unit.
    assert.deepEqual(data.tables.unit_indicators.array('unit_id'), [
      'organisation:RJ1',
      'organisation:RRU',
      'organisation:RX1',
    ]);
    // The level names are the mapping's, top first.
    assert.deepEqual(data.config.unitLevels, [
      'country',
      'region',
      'organisation_type',
      'organisation',
    ]);
    const units = data.files.find((f) => f.file === HIERARCHY_UNITS)!;
    assert.deepEqual([units.table, units.rows_read, units.rows_loaded], ['units', 9, 9]);
  });

  it('stops at the first empty level, and rejects a row with a value below a gap', async () => {
    const people = [
      'Staff No,Type,BCU,Department,Team,Start',
      '1,staff,North,CID,Team A,2020-01-01',
      '2,staff,North,CID,,2020-01-01',
      '3,staff,North,,Team B,2020-01-01',
      '4,staff,,,,2020-01-01',
      '',
    ].join('\n');
    const data = await loadDataset(folder({ 'staff.csv': people }), {
      asOf: '2025-03-31',
      mapping: {
        date_format: 'iso',
        sources: [
          {
            files: 'staff.csv',
            table: 'people',
            rename: { 'Staff No': 'person_id', Type: 'worker_type', Start: 'start_date' },
            hierarchy: {
              levels: [
                { level: 'bcu', id: 'BCU' },
                { level: 'department', id: 'Department' },
                { level: 'team', id: 'Team' },
              ],
            },
          },
        ],
      },
    });
    // Person 2 belongs to the department; person 4 to no unit (no top declared); person 3 is rejected.
    assert.deepEqual(data.tables.people.array('unit_id'), [
      'team:North/CID/Team A',
      'department:North/CID',
      null,
    ]);
    assert.deepEqual(data.rejects.select('file', 'line', 'column', 'value', 'rule').objects(), [
      { file: 'staff.csv', line: 4, column: 'unit_id', value: 'Team B', rule: 'hierarchy_gap' },
    ]);
    assert.match(
      data.rejects.get('message', 0) as string,
      /team "Team B" is given but department \(column Department\) is empty/,
    );
    // Without a top, the highest level is the top of the hierarchy.
    assert.deepEqual(data.config.unitLevels, ['bcu', 'department', 'team']);
    assert.deepEqual(data.tables.units.array('unit_id'), [
      'bcu:North',
      'department:North/CID',
      'team:North/CID/Team A',
    ]);
  });

  it('rejects a row that puts a unit with a unique code under a second parent', async () => {
    const text = ['REGION,ORG,V', 'Y56,RJ1,1', 'Y57,RJ1,2', ''].join('\n');
    const data = await loadDataset(folder({ 'rates.csv': text }), {
      asOf: '2025-03-31',
      mapping: {
        date_format: 'iso',
        sources: [
          {
            files: 'rates.csv',
            table: 'unit_indicators',
            hierarchy: {
              levels: [
                { level: 'region', id: 'REGION' },
                { level: 'organisation', id: 'ORG', unique: true },
              ],
            },
            rename: { V: 'value' },
            constants: { period_start: '2024-04-01', period_end: '2024-04-30', indicator: 'x' },
          },
        ],
      },
    });
    assert.deepEqual(data.rejects.select('line', 'column', 'value', 'rule').objects(), [
      { line: 3, column: 'unit_id', value: 'RJ1', rule: 'unit_moved' },
    ]);
    assert.match(
      data.rejects.get('message', 0) as string,
      /organisation "RJ1" is under region:Y56 in rates\.csv but under region:Y57 here/,
    );
  });

  it('keeps the first name of a unit and warns once when a later row names it differently', async () => {
    const text = ['ORG,NAME,V', 'RJ1,Guy’s,1', 'RJ1,Guys and St Thomas,2', ''].join('\n');
    const data = await loadDataset(folder({ 'rates.csv': text }), {
      asOf: '2025-03-31',
      mapping: {
        date_format: 'iso',
        sources: [
          {
            files: 'rates.csv',
            table: 'unit_indicators',
            hierarchy: { levels: [{ level: 'organisation', id: 'ORG', name: 'NAME' }] },
            rename: { V: 'value' },
            derive: { indicator: { copy: 'V' } },
            constants: { period_start: '2024-04-01', period_end: '2024-04-30' },
          },
        ],
      },
    });
    assert.deepEqual(data.tables.units.array('name'), ['Guy’s']);
    const warnings = data.warnings.filter((d: { rule: string }) => d.rule === 'unit_name_differs');
    assert.equal(warnings.numRows(), 1);
    assert.match(
      warnings.get('message', 0) as string,
      /organisation:RJ1 is named "Guy’s" and also "Guys and St Thomas"/,
    );
  });

  it('refuses a hierarchy on a table without unit_id, or beside a rename of unit_id', () => {
    assert.throws(
      () =>
        parseMapping({
          sources: [
            {
              files: 'x',
              table: 'sickness',
              hierarchy: { levels: [{ level: 'team', id: 'Team' }] },
            },
          ],
        }),
      /sickness has no unit_id[\s\S]*at sources\[0\]\.hierarchy/,
    );
    assert.throws(
      () =>
        parseMapping({
          sources: [
            {
              files: 'x',
              table: 'people',
              rename: { Team: 'unit_id' },
              hierarchy: { levels: [{ level: 'team', id: 'Team' }] },
            },
          ],
        }),
      /the hierarchy sets unit_id: remove unit_id from rename/,
    );
  });

  it('refuses level names that disagree with config.unit_levels', () => {
    assert.throws(
      () =>
        parseMapping({
          config: { unit_levels: ['force', 'team'] },
          sources: [
            {
              files: 'x',
              table: 'people',
              hierarchy: { levels: [{ level: 'station', id: 'S' }] },
            },
          ],
        }),
      /level "station" is not in config\.unit_levels \(force, team\)/,
    );
  });
});

describe('source hierarchy with a pattern', () => {
  it('rejects a row whose code fails the level pattern, and makes no unit of it', async () => {
    const text = ['UNIT,NAME,V', '001,District,1', 'Oil,District,2', ''].join('\n');
    const data = await loadDataset(folder({ 'ot.csv': text }), {
      asOf: '2025-03-31',
      mapping: {
        date_format: 'iso',
        sources: [
          {
            files: 'ot.csv',
            table: 'unit_indicators',
            hierarchy: {
              levels: [
                { level: 'unit', id: 'UNIT', name: 'NAME', unique: true, pattern: '^\\d{3}$' },
              ],
            },
            rename: { V: 'value' },
            constants: { period_start: '2017-01-01', period_end: '2017-01-31', indicator: 'x' },
          },
        ],
      },
    });
    assert.deepEqual(data.tables.units.array('unit_id'), ['unit:001']);
    assert.deepEqual(data.rejects.select('line', 'value', 'rule').objects(), [
      { line: 3, value: 'Oil', rule: 'pattern' },
    ]);
  });
});

describe('source hierarchy names', () => {
  it('follows a name shared by two units of one level with its parent’s name', async () => {
    const data = await loadDataset(folder({ 'rates.csv': RATES }), {
      mapping: ratesMapping,
      asOf: '2025-03-31',
    });
    // "Acute" is a type in London (Y56) and in the region named "Acute region": both types get the
    // parent's name in brackets; "Ambulance" is the only one of its name and keeps it.
    const names = new Map(
      (data.tables.units.objects() as { unit_id: string; name: string }[]).map((u) => [
        u.unit_id,
        u.name,
      ]),
    );
    assert.equal(names.get('organisation_type:Y56/Acute'), 'Acute (London)');
    assert.equal(names.get('organisation_type:Acute/Acute'), 'Acute (Acute region)');
    assert.equal(names.get('organisation_type:Y56/Ambulance'), 'Ambulance');
    assert.equal(
      data.warnings.filter((d: { rule: string }) => d.rule === 'duplicate_unit_name').numRows(),
      0,
    );
  });
});
