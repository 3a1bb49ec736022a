// protectRun on the exported tables of notebooks 02 and 03 of a `wbk report` run on a 300-person demo
// force (generateDemoForce({ people: 300 }), saved once): leaver-rates counts leavers except transfers,
// exit-coverage-by-type counts every leaver, and with every cell hidden no shown group tells the readings
// of the leaver_type hierarchy apart, so the audit pins transfer_out to 0 among hidden cells only.
// protectRun used to hide the home table cell by cell for that (no end in 50 rounds), then stop.
// run-demo300-all.json holds every notebook's tables of the same run: there the relations that pin
// the special constables' voluntary resignations show only a 0 (the volunteers'), so they pin it
// among hidden cells too; protectRun hid a neighbour each round for 50 rounds, then stopped the run.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { auditPublishedTables, type AuditTable } from '../../src/privacy/audit.js';
import { ledgerKey } from '../../src/privacy/ledger.js';
import { protectRun } from '../../src/privacy/run.js';

const C = '[c]';
const read = (name: string) =>
  JSON.parse(readFileSync(`test/fixtures/privacy/${name}`, 'utf8')) as AuditTable[];

/** The tables with every cell of `keys` hidden. */
function hiding(tables: AuditTable[], keys: Set<string>): AuditTable[] {
  return tables.map((t) => {
    const by = t.by ?? [];
    const rows = t.rows.map((row) => {
      const cell = Object.fromEntries(
        by.map((d) => [d, row[t.columns.indexOf(d)] as string | number]),
      );
      return row.map((v, j) =>
        (t.countColumns ?? []).includes(t.columns[j]) &&
        keys.has(ledgerKey(t.columns[j], cell, t.period))
          ? C
          : v,
      );
    });
    return { ...t, rows };
  });
}

for (const [what, file] of [
  ['notebooks 02 and 03', 'run-demo300-leavers.json'],
  ['every notebook', 'run-demo300-all.json'],
]) {
  describe(`protectRun on a demo run (${what}, 300 people)`, function () {
    this.timeout(60_000);
    const tables = read(file);

    it('finishes, and leaves only cells that relations among hidden cells alone pin', async () => {
      const { hide, rounds } = await protectRun(tables);
      assert.ok(rounds <= 20, `took ${rounds} rounds`);
      const keys = new Set(hide.map((e) => ledgerKey(e.column, e.cell, e.period)));
      for (const leak of auditPublishedTables(hiding(tables, keys))) {
        assert.equal(leak.amongHidden, true, `${leak.table} ${leak.column}: ${leak.relation}`);
      }
    });
  });
}
