import * as aq from 'arquero';
import { summarizeHeadcount } from '../../../src/transforms/workforce/headcount.js';
import { tableEqual } from '../../helpers/table-equal.js';

// Five spells around day 100: A in post; B left on day 100 (counts: last day); C left day 99;
// D starts day 100 (counts); E starts day 101 (not yet).
const people = aq.table({
  person_id: ['A', 'B', 'C', 'D', 'E'],
  worker_type: ['officer', 'officer', 'staff', 'staff', 'staff'],
  start_date: [10, 20, 30, 100, 101],
  end_date: [null, 100, 99, null, null],
  fte: [1, 0.5, 1, 0.8, 1],
});

describe('summarizeHeadcount', () => {
  it('counts people in post on the day, leavers on their last day included', () => {
    tableEqual(summarizeHeadcount(people, { date: 100 }), { headcount: [3], fte: [2.3] }, 1e-12);
  });
  it('groups by the given columns', () => {
    tableEqual(
      summarizeHeadcount(people, { date: 100, by: ['worker_type'] }),
      { worker_type: ['officer', 'staff'], headcount: [2, 1], fte: [1.5, 0.8] },
      1e-12,
    );
  });
});
