import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { completeUnits, IMPLICIT_TOP_ID, levelOrder } from '../../src/io/units.js';
import { emptyTable } from '../../src/schema/tables.js';

const units = (rows: [string, string | null, string][]) =>
  aq.table({
    unit_id: rows.map((r) => r[0]),
    parent_id: rows.map((r) => r[1]),
    name: rows.map((r) => r[0].toLowerCase()),
    level: rows.map((r) => r[2]),
  });

describe('completeUnits', () => {
  it('gives an extract without units one top unit, with the units people name below it', () => {
    const people = aq.table({ person_id: ['1', '2', '3'], unit_id: ['B', null, 'A'] });
    const done = completeUnits(emptyTable('units'), people);
    assert.deepEqual(done.units.array('unit_id'), [IMPLICIT_TOP_ID, 'A', 'B']);
    assert.deepEqual(done.units.array('parent_id'), [null, IMPLICIT_TOP_ID, IMPLICIT_TOP_ID]);
    assert.deepEqual(done.levels, ['organisation', 'unit']);
    assert.deepEqual(
      done.notes.map((n) => n.rule),
      ['implicit_top_unit'],
    );
  });

  it('gives one level when nobody names a unit either', () => {
    const done = completeUnits(
      emptyTable('units'),
      aq.table({ person_id: ['1'], unit_id: [null] }),
    );
    assert.deepEqual(done.levels, ['organisation']);
    assert.equal(done.units.numRows(), 1);
  });

  it('reads any level names, in the order parents give them, whatever the file order', () => {
    const done = completeUnits(
      units([
        ['S1', 'C1', 'station'],
        ['F', null, 'force'],
        ['C1', 'F', 'command'],
        ['S2', 'C1', 'station'],
      ]),
    );
    assert.deepEqual(done.levels, ['force', 'command', 'station']);
    assert.deepEqual(done.notes, []);
  });

  it('orders levels of a ragged hierarchy by parent and child, not by depth', () => {
    // A station directly under the force (depth 1) is still below command, which is above a station.
    const done = completeUnits(
      units([
        ['F', null, 'force'],
        ['S0', 'F', 'station'],
        ['C1', 'F', 'command'],
        ['S1', 'C1', 'station'],
      ]),
    );
    assert.deepEqual(done.levels, ['force', 'command', 'station']);
  });

  it('puts one top unit above several, and above units whose parent is unknown or loops', () => {
    const done = completeUnits(
      units([
        ['N', null, 'region'],
        ['S', null, 'region'],
        ['X', 'NOPE', 'region'],
        ['L1', 'L2', 'region'],
        ['L2', 'L1', 'region'],
      ]),
    );
    const ids = done.units.array('unit_id') as string[];
    const parents = done.units.array('parent_id') as (string | null)[];
    const parent = new Map(ids.map((id, i) => [id, parents[i]]));
    assert.equal(parent.get(IMPLICIT_TOP_ID), null);
    for (const id of ['N', 'S', 'X']) assert.equal(parent.get(id), IMPLICIT_TOP_ID, id);
    // One of the loop is cut and placed under the top; the other keeps it as parent.
    assert.deepEqual([parent.get('L1'), parent.get('L2')], [IMPLICIT_TOP_ID, 'L1']);
    assert.deepEqual(done.levels, ['organisation', 'region']);
    assert.deepEqual(
      done.notes.map((n) => [n.rule, n.unit_id]),
      [
        ['unknown_parent', 'X'],
        ['unit_loop', 'L1'],
        ['implicit_top_unit', IMPLICIT_TOP_ID],
      ],
    );
  });

  it('names the implicit top level so that it does not clash with a level of the data', () => {
    const done = completeUnits(
      units([
        ['A', null, 'organisation'],
        ['B', null, 'organisation'],
      ]),
    );
    assert.deepEqual(done.levels, ['organisation_2', 'organisation']);
  });
});

describe('levelOrder', () => {
  it('says when two levels are each above the other, and falls back to depth', () => {
    const { levels, conflict } = levelOrder([
      { unit_id: 'F', parent_id: null, level: 'force' },
      { unit_id: 'A', parent_id: 'F', level: 'area' },
      { unit_id: 'B', parent_id: 'A', level: 'bcu' },
      { unit_id: 'B2', parent_id: 'F', level: 'bcu' },
      { unit_id: 'A2', parent_id: 'B2', level: 'area' },
    ]);
    assert.deepEqual(levels, ['force', 'area', 'bcu']);
    assert.equal(conflict?.rule, 'inconsistent_levels');
    assert.match(conflict!.message, /levels area, bcu are each above the other in some branch/);
  });

  it('keeps a declared order', () => {
    const rows = [
      { unit_id: 'F', parent_id: null, level: 'force' },
      { unit_id: 'S', parent_id: 'F', level: 'station' },
    ];
    assert.deepEqual(levelOrder(rows, ['force', 'bcu', 'station']).levels, ['force', 'station']);
  });
});
