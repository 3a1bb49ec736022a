// Queensland DETE and TAFE exit surveys through examples/mappings/qld-exit-surveys.json: every survey row
// is a leaver (undated ones load with a warning), TAFE service is its recorded band, and the shares of
// resignations citing dissatisfaction by service band, pooled over all years, match the published analysis.
import assert from 'node:assert/strict';
import { loadDataset, type Dataset } from '../../src/io/load-dataset.js';
import { resolvePeriod } from '../../src/io/coverage.js';
import { parsePeriod } from '../../src/time/periods.js';
import { deriveExitLeavers } from '../../src/transforms/exits/leavers.js';
import {
  parseExitReasonGroups,
  summarizeExitReasonGroups,
} from '../../src/transforms/exits/reason-groups.js';
import { describeRealData } from '../helpers/real-data.js';

const MAPPING = 'examples/mappings/qld-exit-surveys.json';
const DISSATISFACTION =
  'dissatisfaction: job_dissatisfaction, dissatisfaction_with_employer, physical_work_environment, lack_of_recognition, job_security, work_location, employment_conditions, work_life_balance, workload';

describeRealData(
  'Queensland exit surveys through their example mapping',
  'qld-exit-surveys',
  (dir) => {
    let data: Dataset;
    before(async () => {
      data = await loadDataset(dir, { mapping: MAPPING, asOf: '2025-01-01' });
    });

    it('accounts for every row: each is loaded (undated leavers with a warning) or rejected', () => {
      // Python csv module on the two files: DETE 822 rows, every one with a separation type; TAFE 702
      // rows, one with a blank "Reason for ceasing employment" (and no service band) → rejected.
      assert.deepEqual(
        data.files.map((f) => [f.file, f.table, f.rows_read, f.rows_loaded, f.rows_rejected]),
        [
          ['dete_survey.csv', 'people', 822, 822, 0],
          ['tafe_survey.csv', 'people', 702, 701, 1],
          ['dete_survey.csv', 'exit_interviews', 822, 822, 0],
          ['tafe_survey.csv', 'exit_interviews', 702, 701, 1],
        ],
      );
      // Python csv: DETE "DETE Start Date" == "Not Stated" 73, "Cease Date" == "Not Stated" 34; TAFE
      // leavers with a blank service band or cessation year 107, with a blank cessation year 7.
      const warned = (data.warnings.objects() as Record<string, unknown>[])
        .filter((w) => w.rule === 'undated_leaver')
        .map((w) => `${w.file} ${w.column}`);
      const count = (key: string) => warned.filter((w) => w === key).length;
      assert.deepEqual(
        [
          count('dete_survey.csv start_date'),
          count('dete_survey.csv end_date'),
          count('tafe_survey.csv start_date'),
          count('tafe_survey.csv end_date'),
        ],
        [73, 34, 107, 7],
      );
    });

    it('gives the published shares of dissatisfied resignations by service band, pooled over all years', () => {
      const leavers = deriveExitLeavers(data.tables.people, data.tables.exit_interviews, {
        periods: resolvePeriod('all', data), // --period all: every day of the data, pooled
        undatedLeavers: data.tables.undated_leavers,
        serviceBandEdges: [3, 7, 11],
        leaverTypes: ['voluntary_resignation'],
      });
      const groups = parseExitReasonGroups(
        [DISSATISFACTION],
        data.config.extraExitReasons.concat(['work_life_balance', 'workload']),
      );
      const t = summarizeExitReasonGroups(leavers, { by: ['service_band'], groups });
      // test/examples/reference/qld_service_bands.py (Python csv module, the method of SOURCE.md):
      // New 57/193 = 29.5%, Experienced 59/172 = 34.3%, Established 32/62 = 51.6%, Veteran 66/136 =
      // 48.5% (Dataquest's published 0.295, 0.343, 0.516, 0.485); unknown service 26/88; all 240/651.
      assert.deepEqual(
        (t.objects() as Record<string, unknown>[]).map((r) => [
          r.service_band,
          r.respondents,
          r.citing,
        ]),
        [
          ['<3', 193, 57],
          ['3–7', 172, 59],
          ['7–11', 62, 32],
          ['11+', 136, 66],
          ['unknown', 88, 26],
          ['All', 651, 240],
        ],
      );
      const pct = (band: string) =>
        Math.round(
          10 *
            ((t.objects() as Record<string, unknown>[]).find((r) => r.service_band === band)!
              .citing_pct as number),
        ) / 10;
      assert.deepEqual(['<3', '3–7', '7–11', '11+'].map(pct), [29.5, 34.3, 51.6, 48.5]);
      // TAFE service comes from the recorded band; DETE's from its start year.
      const basis = new Set(leavers.array('service_basis') as string[]);
      assert.deepEqual(
        [...basis].sort(),
        [null, 'service_start_date', 'service_years_at_leaving'].sort(),
      );
    });

    it('keeps undated leavers out of people: every people row has its dates', () => {
      // Python csv: DETE rows with "DETE Start Date" or "Cease Date" "Not Stated": 103 (73 + 34, 4 with
      // both); TAFE leavers with a blank service band or cessation year: 107. The other 1,313 are dated.
      const people = data.tables.people.objects() as Record<string, unknown>[];
      assert.ok(people.every((p) => p.start_date !== null));
      assert.ok(people.every((p) => (p.end_date === null) === (p.leaver_type === null)));
      assert.deepEqual(
        [data.tables.people.numRows(), data.tables.undated_leavers!.numRows()],
        [822 + 701 - 210, 103 + 107],
      );
    });

    it('counts an undated leaver in no single year', () => {
      const inYear = deriveExitLeavers(data.tables.people, data.tables.exit_interviews, {
        periods: parsePeriod('FY2012-13'),
      });
      assert.ok(inYear.numRows() > 0);
      assert.ok((inYear.array('end_date') as (number | null)[]).every((e) => e !== null));
    });
  },
);
