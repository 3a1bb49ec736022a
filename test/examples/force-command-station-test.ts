// A synthetic extract shaped unlike the demo (test/fixtures/extracts/force-command-station): levels named
// force > command > station built from columns, windows-1252 and ';', dd/mm/yyyy, no service_start_date,
// only people and sickness. Every row must load, and leavers' service must come from start_date.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { loadDataset, type Dataset } from '../../src/io/load-dataset.js';
import { parsePeriod } from '../../src/time/periods.js';
import {
  serviceAtLeavingCard,
  summarizeShortServiceShare,
} from '../../src/transforms/leavers/service.js';

const DIR = fileURLToPath(new URL('../fixtures/extracts/force-command-station/', import.meta.url));

describe('a force > command > station extract without service_start_date', () => {
  let data: Dataset;
  before(async () => {
    data = await loadDataset(DIR, { mapping: `${DIR}mapping.json`, asOf: '2024-12-31' });
  });

  it('loads every row of every file', () => {
    assert.deepEqual(
      data.files.map((f) => [f.file, f.rows_read, f.rows_loaded, f.rows_rejected]),
      [
        ['people.csv', 12, 12, 0],
        ['sickness.csv', 6, 6, 0],
        ['mapping:hierarchy', 9, 9, 0],
      ],
    );
    assert.equal(data.rejects.numRows(), 0);
    assert.equal(data.files[0].details.encoding, 'windows-1252');
  });

  it('builds the three levels from the columns; a station named like a command stays distinct', () => {
    // By hand from people.csv: the force, 3 commands, 5 stations (HQ staff have no station).
    assert.deepEqual(data.config.unitLevels, ['force', 'command', 'station']);
    assert.deepEqual(data.tables.units.array('unit_id'), [
      'force',
      'command:Northern Command',
      'station:Northern Command/Ashbourne',
      'station:Northern Command/Bélmont',
      'command:Southern Command',
      'station:Southern Command/Cove',
      'station:Southern Command/Dunmore',
      'station:Southern Command/Northern Command',
      'command:Headquarters',
    ]);
    const row = (id: string) =>
      (data.tables.people.objects() as Record<string, unknown>[]).find((p) => p.person_id === id)!;
    assert.equal(row('S0006').unit_id, 'station:Southern Command/Northern Command');
    assert.equal(row('H0001').unit_id, 'command:Headquarters');
  });

  it('measures leavers’ service from start_date, and the card says so', () => {
    // FY2023-24 resignations (joined → left, completed months): N0002 15/09/2019 → 30/06/2023 45;
    // N0003 01/02/2021 → 31/01/2024 36; S0001 01/03/2022 → 15/11/2023 20; S0004 01/06/2016 →
    // 02/02/2024 92. Under 5 years: 3 of 4.
    const fy = parsePeriod('FY2023-24');
    const share = summarizeShortServiceShare(data.tables.people, { period: fy });
    assert.deepEqual(share.objects(), [
      {
        voluntary_resignations: 4,
        voluntary_known_service: 4,
        voluntary_short_service: 3,
        short_service_share_pct: 75,
      },
    ]);
    // Five leavers in the year (the four resignations and N0005's retirement), all from start_date.
    assert.match(
      serviceAtLeavingCard(data.tables.people, { period: fy }).notes!,
      /Service counted from start_date \(joining this organisation\) for 5 leavers\./,
    );
  });
});
