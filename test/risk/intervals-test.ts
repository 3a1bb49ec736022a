import assert from 'node:assert/strict';
import { coxIntervals } from '../../src/risk/intervals.js';

// P: four month ends at service days 31, 59, 90, 120; the last month's follow-up is not observed.
// Q: two months, resigned on service day 55 (in the second month's interval).
// R: a month at day 31, then (a later spell) a month at day 200: a gap from day 59 to day 200.
const persons = ['P', 'P', 'P', 'P', 'Q', 'Q', 'R', 'R'];
const service = [31, 59, 90, 120, 10, 40, 31, 200];
const next = [59, 90, 120, null, 40, 55, 59, 230];
const event = [0, 0, 0, null, 0, 1, 0, 0];

describe('coxIntervals', () => {
  it('gives every row with an observed next month its monthly interval by default', () => {
    assert.deepEqual(coxIntervals(persons, service, next, event), {
      entry: [31, 59, 90, null, 10, 40, 31, 200],
      stop: [59, 90, 120, null, 40, 55, 59, 230],
      event: [0, 0, 0, null, 0, 1, 0, 0],
    });
  });
  it('joins months in blocks, keeping the event and starting a new block after a gap', () => {
    // P: rows 0–2 → (31, 120], row 3 unobserved. Q: rows 0–1 → (10, 55] with the event.
    // R: row 0 → (31, 59]; the gap ends the block, so row 1 starts its own: (200, 230].
    assert.deepEqual(coxIntervals(persons, service, next, event, 3), {
      entry: [31, null, null, null, 10, null, 31, 200],
      stop: [120, null, null, null, 55, null, 59, 230],
      event: [0, null, null, null, 1, null, 0, 0],
    });
  });
  it('rejects a step that is not a whole number of months', () => {
    assert.throws(
      () => coxIntervals(persons, service, next, event, 0),
      /coxIntervals: step 0 must be a whole number of months ≥ 1 \(3 = quarterly intervals\)\./,
    );
  });
});
