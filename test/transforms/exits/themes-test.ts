import assert from 'node:assert/strict';
import { exitThemesSpec, summarizeExitThemes } from '../../../src/transforms/exits/themes.js';
import { deriveExitLeavers } from '../../../src/transforms/exits/leavers.js';
import { parsePeriod } from '../../../src/time/periods.js';
import { tableEqual } from '../../helpers/table-equal.js';
import { exitInterviews, exitPeople } from '../../fixtures/exits/exit-fixture.js';

const leavers = () =>
  deriveExitLeavers(exitPeople(), exitInterviews(), { periods: parsePeriod('FY2024-25') });
const themes = { workload: ['workload'], rest: ['rest day'], pay: ['pay'], load: ['load'] };

describe('summarizeExitThemes', () => {
  it('counts commenters whose comment holds a keyword at the start of a word', () => {
    // commenters: P1 (workload, sergeant), P2 (training), P8 (pay, overtime, rest days); P3 none, P4 blank.
    // "load" is inside "workload", not at a word start: 0. P9's comment belongs to no leaver.
    tableEqual(summarizeExitThemes(leavers(), exitInterviews(), { themes }), {
      group: ['All', 'All', 'All', 'All'],
      theme: ['workload', 'rest', 'pay', 'load'],
      commenters: [3, 3, 3, 3],
      mentioning: [1, 1, 1, 0],
      mentioning_pct: [100 / 3, 100 / 3, 100 / 3, 0],
    });
  });

  it('returns no text from the comments: only group labels, theme names and numbers', () => {
    const t = summarizeExitThemes(leavers(), exitInterviews(), { by: ['sex'], themes });
    assert.deepEqual(t.columnNames(), [
      'sex',
      'theme',
      'commenters',
      'mentioning',
      'mentioning_pct',
    ]);
    const texts = new Set(
      (t.objects() as Record<string, unknown>[]).flatMap((r) =>
        Object.values(r).filter((v) => typeof v === 'string'),
      ),
    );
    assert.deepEqual([...texts].sort(), [
      'All',
      'female',
      'load',
      'male',
      'pay',
      'rest',
      'workload',
    ]);
  });

  it('declares free text in its spec', () => {
    assert.equal(exitThemesSpec(['sex']).freeText, true);
  });

  it('rejects a theme without keywords', () => {
    assert.throws(
      () => summarizeExitThemes(leavers(), exitInterviews(), { themes: { empty: [] } }),
      /every theme needs non-empty keywords; check empty/,
    );
  });
});
