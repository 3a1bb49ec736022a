import assert from 'node:assert/strict';
import { safeSlug } from '../../src/shared/slug.js';
import { terminalSafe } from '../../src/shared/terminal.js';

describe('terminalSafe', () => {
  it('replaces escape sequences and other control characters, and folds line breaks', () => {
    assert.equal(terminalSafe('West\u001b[2J'), 'West?[2J');
    assert.equal(terminalSafe('a\r\nb\nc'), 'a b c');
    assert.equal(terminalSafe('bell\u0007 csi\u009b'), 'bell? csi?');
    assert.equal(terminalSafe('tab\tkept, Ünïcode kept'), 'tab\tkept, Ünïcode kept');
  });
});

describe('safeSlug', () => {
  it('never gives a path, an empty name or a dot name', () => {
    const taken = new Set<string>();
    assert.equal(safeSlug('a/b', taken), 'a_b');
    for (const id of ['..', '.', '', '/', '\\']) {
      const slug = safeSlug(id, taken);
      assert.match(slug, /^unit-[0-9a-f]{8}(-\d+)?$/, id);
    }
  });

  it('gives ids that would share a slug different slugs, case-insensitively', () => {
    const taken = new Set<string>();
    const slugs = ['a/b', 'a?b', 'A_B', 'a_b'].map((id) => safeSlug(id, taken));
    assert.equal(new Set(slugs.map((s) => s.toLowerCase())).size, 4);
    assert.equal(slugs[0], 'a_b');
    assert.match(slugs[1], /^a_b-[0-9a-f]{8}$/);
  });
});
