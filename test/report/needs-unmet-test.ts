// A section whose shortfall the notebook found itself (e.g. too little history for the risk model):
// the short name goes to the "not applicable (needs …)" status, the full message into the note.
import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { missingNeeds, skippedSectionHtml } from '../../src/report/needs.js';

describe('report.needs with unmet shortfalls', () => {
  const unmet = [
    {
      needs: '49 months of records per person (has 7)',
      message: 'needs 49 months of records per person; the extract has 7 months of sickness.',
    },
  ];
  const data = { tables: { people: aq.table({ person_id: ['A'] }) } } as never;
  it('lists the short name among what is missing, after the tables', () => {
    assert.deepEqual(
      missingNeeds(data, null, { tables: ['people', 'overtime'], unmet, shows: 'x' }),
      ['overtime', '49 months of records per person (has 7)'],
    );
  });
  it('puts the full message in the note, once, without a doubled full stop', () => {
    const html = skippedSectionHtml('Leaving-risk model', [unmet[0].needs], 'a model', unmet);
    assert.match(
      html,
      /not shown — needs 49 months of records per person; the extract has 7 months of sickness\. It would show a model\.<\/div>$/,
    );
    assert.ok(!html.includes('add '), 'no mapping key to add for a shortfall of history');
  });
});
