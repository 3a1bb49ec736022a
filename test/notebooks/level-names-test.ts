// No level name of the demo force is assumed in the library or the notebooks: levels come from the
// units table (data.levels; the lowest level plays "team", the one below the top "district"). This
// test greps the code of src/ (the demo generator in src/demo/ excepted: it builds the demo force)
// and the code cells of notebooks/ for a quoted demo level name, comments left out.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Level names of the demo force and of the force shapes the kit was first tried on. */
const DEMO_LEVELS = ['force', 'district', 'department', 'team', 'bcu', 'command', 'station'];
const LITERAL = new RegExp(`(['"\`])(${DEMO_LEVELS.join('|')})\\1`, 'gi');

/**
 * The quoted demo level names in `code`, one 'line N: text' per line that holds one; comment lines
 * (// …, /* … and * … of doc comments) and trailing // comments are left out.
 */
export function levelLiterals(code: string): string[] {
  const hits: string[] = [];
  code.split('\n').forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed.startsWith('//') || trimmed.startsWith('*') || trimmed.startsWith('/*')) return;
    const text = line.replace(/\s\/\/\s.*$/, '');
    if (LITERAL.test(text)) hits.push(`line ${i + 1}: ${trimmed.slice(0, 160)}`);
    LITERAL.lastIndex = 0;
  });
  return hits;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) out.push(...sourceFiles(file));
    else if (/\.(ts|js|mjs)$/.test(name)) out.push(file);
  }
  return out;
}

function notebookCode(file: string): string {
  const nb = JSON.parse(readFileSync(file, 'utf8')) as {
    cells: { cell_type: string; source: string | string[] }[];
  };
  return nb.cells
    .filter((c) => c.cell_type === 'code')
    .map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source))
    .join('\n');
}

describe('demo level names', () => {
  it('the grep finds a quoted level name in code and ignores comments', () => {
    assert.deepEqual(levelLiterals("const byTeam = at(people, { level: 'team' });"), [
      "line 1: const byTeam = at(people, { level: 'team' });",
    ]);
    assert.equal(levelLiterals('let teamLevel: string = "Station";').length, 1);
    assert.deepEqual(levelLiterals("// e.g. level: 'district'\n * @example f('bcu')"), []);
    assert.deepEqual(levelLiterals("const x = levels[0]; // not 'force'"), []);
    assert.deepEqual(levelLiterals("const teamwork = 'teams';"), []);
  });

  it('src/ names no level of the demo force (src/demo/ builds it and is left out)', () => {
    const hits = sourceFiles(path.join(ROOT, 'src'))
      .filter((f) => !f.includes(`${path.sep}src${path.sep}demo${path.sep}`))
      .flatMap((f) =>
        levelLiterals(readFileSync(f, 'utf8')).map((h) => `${path.relative(ROOT, f)} ${h}`),
      );
    assert.deepEqual(hits, [], `take levels from data.levels instead:\n${hits.join('\n')}`);
  });

  const notebooks = readdirSync(path.join(ROOT, 'notebooks')).filter((f) => f.endsWith('.ipynb'));
  for (const name of notebooks) {
    it(`notebooks/${name} names no level of the demo force`, () => {
      const hits = levelLiterals(notebookCode(path.join(ROOT, 'notebooks', name)));
      assert.deepEqual(
        hits,
        [],
        `take levels from report.data.levels instead:\n${hits.join('\n')}`,
      );
    });
  }
});
