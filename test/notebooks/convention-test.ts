// Every notebook follows the kit's convention (docs/notebooks.md): one `parameters` cell declaring the
// parameters wbk report injects, a report opened through openReport, the suppression log at the end,
// no outputs committed (outputs could hold personal data), and code an analyst can read: short cells,
// short lines, no `any` (issue 15).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { cellSource, readParameters, type NotebookJson } from '../../src/report/parameters.js';
import { listNotebooks } from '../../src/report/jupyter/run-notebooks.js';

const MAX_CELL_LINES = 25;
const MAX_LINE_CHARS = 160;

/** Each `any` type in TypeScript source, as "line: text" (strings and comments are not types). */
function anyTypes(source: string): string[] {
  const file = ts.createSourceFile(
    'cell.ts',
    source,
    ts.ScriptTarget.ES2022,
    true,
    ts.ScriptKind.TS,
  );
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.AnyKeyword) {
      const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
      found.push(`${line + 1}: ${source.split('\n')[line].trim()}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('anyTypes (the check of notebook code)', () => {
  it('finds `any` in an annotation, an assertion, an array, a type argument and a tuple', () => {
    const code = [
      'const a = (d: any) => d.x;',
      'const b = t.objects() as any;',
      'const c: any[] = [];',
      'const d = f<any>(1);',
      'const e: [string, any][] = [];',
    ].join('\n');
    assert.deepEqual(
      anyTypes(code).map((hit) => hit.split(':')[0]),
      ['1', '2', '3', '4', '5'],
    );
  });

  it('ignores the word in strings, templates, comments and names', () => {
    const code = [
      "const many = 'any'; // any",
      'const text = `any ${many} any`; /* any[] */',
      'const anyone = { any: 1 };',
    ].join('\n');
    assert.deepEqual(anyTypes(code), []);
  });
});

const COMMON: Record<string, string> = {
  dataDir: 'string',
  mappingFile: 'string | null',
  period: 'string',
  level: 'string | null',
  unit: 'string | null',
  minGroupSize: 'number',
  disclosureMode: "'publish' | 'analyst'",
};

describe('notebooks/', () => {
  const files = listNotebooks('notebooks');

  it('holds the getting-started notebook and numbered notebooks only', () => {
    assert.ok(files.some((f) => path.basename(f) === '00-getting-started.ipynb'));
    for (const f of files) assert.match(path.basename(f), /^\d\d-[a-z0-9-]+\.ipynb$/);
  });

  for (const file of files) {
    describe(path.basename(file), () => {
      const nb = JSON.parse(readFileSync(file, 'utf8')) as NotebookJson;

      it('declares the common parameters with their types', () => {
        const specs = new Map(readParameters(nb, file).map((s) => [s.name, s.type]));
        for (const [name, type] of Object.entries(COMMON)) {
          assert.equal(
            specs.get(name),
            type,
            `${path.basename(file)}: parameter ${name} should be \`${type}\``,
          );
        }
      });

      it('is committed with its outputs cleared', () => {
        for (const cell of nb.cells) {
          if (cell.cell_type !== 'code') continue;
          assert.deepEqual(cell.outputs ?? [], [], `${path.basename(file)}: a cell has outputs`);
          assert.equal(cell.execution_count ?? null, null);
        }
      });

      it('opens its report with openReport and ends with the suppression log', () => {
        const code = nb.cells
          .filter((c) => c.cell_type === 'code')
          .map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source));
        assert.ok(
          code.some((c) => c.includes('openReport(')),
          'no openReport call',
        );
        assert.ok(
          code[code.length - 1].includes('.finish()'),
          'the last code cell should call report.finish()',
        );
      });

      const codeCells = nb.cells
        .map((cell, i) => ({ cell, i }))
        .filter(({ cell }) => cell.cell_type === 'code')
        .map(({ cell, i }) => ({ where: `cell ${i}`, source: cellSource(cell) }));

      it(`has no code cell over ${MAX_CELL_LINES} lines`, () => {
        const long = codeCells
          .map(({ where, source }) => ({ where, lines: source.split('\n').length }))
          .filter(({ lines }) => lines > MAX_CELL_LINES)
          .map(({ where, lines }) => `${where}: ${lines} lines`);
        assert.deepEqual(
          long,
          [],
          'split these cells (a short markdown heading between the parts)',
        );
      });

      it('has no `any` in its code', () => {
        const hits = codeCells.flatMap(({ where, source }) =>
          anyTypes(source).map((hit) => `${where}, line ${hit}`),
        );
        assert.deepEqual(
          hits,
          [],
          'type the rows, e.g. (d: { unit: string | null }) => d.unit !== null',
        );
      });

      it(`has no line over ${MAX_LINE_CHARS} characters`, () => {
        const long = codeCells.flatMap(({ where, source }) =>
          source
            .split('\n')
            .map((line, k) => ({ line, k }))
            .filter(({ line }) => line.length > MAX_LINE_CHARS)
            .map(({ line, k }) => `${where}, line ${k + 1}: ${line.length} characters`),
        );
        assert.deepEqual(long, [], 'wrap long calls over lines');
      });
    });
  }
});
