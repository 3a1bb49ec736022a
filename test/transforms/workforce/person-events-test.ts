import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { indexPeople } from '../../../src/transforms/workforce/exposure.js';
import { eventRowsOf, personEvents } from '../../../src/transforms/workforce/person-events.js';

// Two spells of A (days 0–9 in X, 20– open in Y), one of B (5–14 in X); C is not in people.
const people = aq.table({
  person_id: ['A', 'B', 'A'],
  start_date: [0, 5, 20],
  end_date: [9, 14, null],
  fte: [1, 1, 1],
  unit: ['X', 'X', 'Y'],
});
const claims = aq.table({
  person_id: ['C', 'A', 'B', 'A', 'C', 'A'],
  date: [1, 3, 6, 15, 2, 25],
});

describe('personEvents', () => {
  it("keeps the rows of the index's people in table order", () => {
    const { rows } = personEvents(indexPeople(people, ['unit']), claims);
    assert.deepEqual([...rows], [1, 2, 3, 5]);
  });

  it('finds the spell of the row’s person on the day, -1 between spells', () => {
    const { find } = personEvents(indexPeople(people, ['unit']), claims);
    assert.deepEqual(
      [1, 2, 3, 5].map((i) => find(i, claims.get('date', i) as number)),
      [0, 1, -1, 2],
    );
    assert.equal(find(0, 1), -1); // C has no spell
  });

  it('reads only the people of a smaller index from the same event table', () => {
    const onlyB = people.filter((d: { person_id: string }) => d.person_id === 'B');
    const { rows, find } = personEvents(indexPeople(onlyB, ['unit']), claims);
    assert.deepEqual([...rows], [2]);
    assert.equal(find(2, 6), 0);
    assert.equal(find(1, 3), -1); // A is not in this index
  });
});

describe('eventRowsOf', () => {
  it("gives each person's rows in table order, none for someone without events", () => {
    const rowsOf = eventRowsOf(claims);
    assert.deepEqual([...rowsOf('A')], [1, 3, 5]);
    assert.deepEqual([...rowsOf('C')], [0, 4]);
    assert.deepEqual([...rowsOf('Z')], []);
  });
});
