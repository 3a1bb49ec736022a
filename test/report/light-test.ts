// lightenHtml: inline plotly.js moves to one shared file named by its hash; the page points at it.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lightenHtml } from '../../src/report/light.js';
import { PLOTLY_LIBRARY_MARK } from '../../src/display/plotly.js';

const lib = (source: string) =>
  `<script type="text/javascript" ${PLOTLY_LIBRARY_MARK}>${source}</script>`;

describe('lightenHtml', () => {
  it('moves every inline copy into one hashed file, written once per folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wbk-light-'));
    const source = 'window.Plotly={s:"<\\/script>"};';
    const name = `plotly-${createHash('sha256').update(source).digest('hex').slice(0, 12)}.min.js`;
    writeFileSync(
      join(dir, 'a.html'),
      `<p>a</p>${lib(source)}<div>x</div>${lib(source)}<p>end</p>`,
    );
    writeFileSync(join(dir, 'b.html'), `<p>b</p>${lib(source)}`);
    assert.equal(lightenHtml(join(dir, 'a.html')), name);
    assert.equal(lightenHtml(join(dir, 'b.html')), name);
    assert.equal(
      readFileSync(join(dir, 'a.html'), 'utf8'),
      `<p>a</p><script type="text/javascript" src="${name}"></script><div>x</div>` +
        `<script type="text/javascript" src="${name}"></script><p>end</p>`,
    );
    assert.equal(readFileSync(join(dir, name), 'utf8'), source);
    assert.deepEqual(readdirSync(dir).sort(), ['a.html', 'b.html', name].sort());
  });

  it('leaves a page without plotly as it was', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wbk-light-'));
    writeFileSync(join(dir, 'c.html'), '<script>var x = 1;</script>');
    assert.equal(lightenHtml(join(dir, 'c.html')), null);
    assert.equal(readFileSync(join(dir, 'c.html'), 'utf8'), '<script>var x = 1;</script>');
  });
});
