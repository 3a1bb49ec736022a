// lightenHtml: inline plotly.js and the head's inline CSS move to shared files named by their hash;
// the page points at them.
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
    assert.equal(lightenHtml(join(dir, 'a.html')).plotly, name);
    assert.equal(lightenHtml(join(dir, 'b.html')).plotly, name);
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
    assert.deepEqual(lightenHtml(join(dir, 'c.html')), { plotly: null, stylesheets: [] });
    assert.equal(readFileSync(join(dir, 'c.html'), 'utf8'), '<script>var x = 1;</script>');
  });

  it("moves the head's inline CSS into shared files, one per run of adjacent style blocks, in order", () => {
    const dir = mkdtempSync(join(tmpdir(), 'wbk-light-'));
    const css = (text: string) =>
      `wbk-style-${createHash('sha256').update(text).digest('hex').slice(0, 12)}.css`;
    const page = (title: string) =>
      `<html><head><meta charset="utf-8" /><title>${title}</title>\n` +
      `<style>p { color: red; }</style>\n  <style type="text/css">a { color: blue; }</style>\n` +
      // a print-only block stays inline, and the blocks either side of it are two runs
      `<style media="print">p { color: black; }</style>` +
      `<style type="text/css">\nb { font-weight: 700; }\n</style>\n</head>\n` +
      `<body><style>.in-body { }</style><p>${title}</p></body></html>`;
    writeFileSync(join(dir, 'a.html'), page('a'));
    writeFileSync(join(dir, 'b.html'), page('b'));
    const first = 'p { color: red; }\na { color: blue; }';
    const second = '\nb { font-weight: 700; }\n';
    const names = [css(first), css(second)];
    assert.deepEqual(lightenHtml(join(dir, 'a.html')), { plotly: null, stylesheets: names });
    assert.deepEqual(lightenHtml(join(dir, 'b.html')).stylesheets, names);
    assert.equal(
      readFileSync(join(dir, 'a.html'), 'utf8'),
      `<html><head><meta charset="utf-8" /><title>a</title>\n` +
        `<link rel="stylesheet" href="${names[0]}">\n` +
        `<style media="print">p { color: black; }</style>` +
        `<link rel="stylesheet" href="${names[1]}">\n</head>\n` +
        `<body><style>.in-body { }</style><p>a</p></body></html>`,
    );
    assert.equal(readFileSync(join(dir, names[0]), 'utf8'), first);
    assert.equal(readFileSync(join(dir, names[1]), 'utf8'), second);
    assert.deepEqual(readdirSync(dir).sort(), ['a.html', 'b.html', ...names].sort());
    // a second pass over a lightened page changes nothing
    assert.deepEqual(lightenHtml(join(dir, 'a.html')), { plotly: null, stylesheets: [] });
  });
});
