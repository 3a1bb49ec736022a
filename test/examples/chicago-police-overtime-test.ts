// Chicago Police overtime through examples/mappings/chicago-police-overtime.json: the by-unit OCR reports
// (no header row, page titles, month header lines carried down, misread units, a missing July header)
// and the citywide aggregate. Figures from test/examples/reference/chicago_overtime.py (Python csv).
import assert from 'node:assert/strict';
import { HIERARCHY_UNITS, loadDataset, type Dataset } from '../../src/io/load-dataset.js';
import { epochDay } from '../../src/time/dates.js';
import { describeRealData } from '../helpers/real-data.js';

const MAPPING = 'examples/mappings/chicago-police-overtime.json';

describeRealData(
  'Chicago police overtime through its example mapping',
  'chicago-police-overtime',
  (dir) => {
    let data: Dataset;
    const rows = () => data.tables.unit_indicators.objects() as Record<string, unknown>[];
    const sumOf = (filter: (r: Record<string, unknown>) => boolean) =>
      Math.round(
        rows()
          .filter(filter)
          .reduce((s, r) => s + (r.value as number), 0) * 100,
      ) / 100;
    before(async () => {
      data = await loadDataset(dir, { mapping: MAPPING, asOf: '2025-01-01' });
    });

    it('accounts for every line: loaded, rejected with a reason, or counted as page furniture', () => {
      // chicago_overtime.py: 2017 — 14 titles, 38 blank rows, 15 month headers, 1,316 data rows of
      // which 824 load (1,383 lines); 2018 — 7, 16, 8, 499 data rows, 440 load (530 lines).
      const summary = (file: string) => {
        const f = data.files.find((x) => x.file === file)!;
        return [
          f.details.skipped_rows,
          f.details.blank_rows,
          f.details.section_rows,
          f.rows_read,
          f.rows_loaded,
          f.rows_rejected,
        ];
      };
      assert.deepEqual(summary('2017-cpd-overtime-by-unit.csv'), [14, 38, 15, 1316, 824, 492]);
      assert.deepEqual(summary('2018-05-cpd-overtime-by-unit.csv'), [7, 16, 8, 499, 440, 59]);
      // The aggregate: 17 months × 5 measures, all loaded.
      const aggregate = data.files.find((f) => f.file === 'cpd-overtime-aggregate.csv')!;
      assert.deepEqual(
        [aggregate.rows_read, aggregate.rows_loaded, aggregate.details.records],
        [85, 85, 17],
      );
      for (const f of data.files) assert.equal(f.rows_read, f.rows_loaded + f.rows_rejected);
      // Every reject names why: a misread unit, or a block whose month header is missing.
      const rules = new Set(data.rejects.array('rule') as string[]);
      assert.deepEqual([...rules].sort(), ['missing_section_header', 'pattern']);
      assert.equal(data.files.find((f) => f.file === HIERARCHY_UNITS)!.rows_rejected, 0);
    });

    it('gives no unit a month whose header is missing (July 2017)', () => {
      const july = epochDay(2017, 7, 1);
      assert.equal(rows().filter((r) => r.period_start === july && r.unit_id !== 'cpd').length, 0);
    });

    it('sums the units of a month as the reference does (January 2017, March 2018)', () => {
      // chicago_overtime.py: January 2017 12,331,129.72; March 2018 8,548,160.45.
      const month = (y: number, m: number) => (r: Record<string, unknown>) =>
        r.period_start === epochDay(y, m, 1) && r.unit_id !== 'cpd';
      assert.equal(sumOf(month(2017, 1)), 12331129.72);
      assert.equal(sumOf(month(2018, 3)), 8548160.45);
    });

    it('loads the citywide aggregate: total pay and hours paid in money over 17 months', () => {
      // chicago_overtime.py: TOTAL AMT 192,793,629.14; MONEY 2,526,716.00 hours.
      const cpd = (indicator: string) => (r: Record<string, unknown>) =>
        r.unit_id === 'cpd' && r.indicator === indicator;
      assert.equal(sumOf(cpd('overtime_pay_usd')), 192793629.14);
      assert.equal(sumOf(cpd('overtime_paid_hours')), 2526716);
    });
  },
);
