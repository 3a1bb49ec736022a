import assert from 'node:assert/strict';
import { noteHtml } from '../../src/display/note.js';

describe('noteHtml', () => {
  it('puts the text in an amber note box', () => {
    assert.equal(
      noteHtml('No test by sex: too few leavers.'),
      '<p class="wbk-note" style="border-left:4px solid #c90;padding:4px 8px;background:#fff8e6;max-width:820px">' +
        'No test by sex: too few leavers.</p>',
    );
  });
  it('escapes the text, so a unit name cannot add markup', () => {
    assert.match(noteHtml('Left out: <b>R&D</b>'), />Left out: &lt;b&gt;R&amp;D&lt;\/b&gt;<\/p>$/);
  });
});
