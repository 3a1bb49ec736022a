// A note in a notebook's flow: a short remark on why a section shows less than it might (a comparison
// refused, a test not possible), set apart from tables and charts by an amber bar.
import { escapeHtml } from '../shared/html.js';

const NOTE_STYLE = 'border-left:4px solid #c90;padding:4px 8px;background:#fff8e6;max-width:820px';

/**
 * The HTML of a note box holding `text`, escaped: a note says what happened and carries no markup.
 * @example noteHtml('No test by sex: too few leavers.')
 */
export function noteHtml(text: string): string {
  return `<p class="wbk-note" style="${NOTE_STYLE}">${escapeHtml(text)}</p>`;
}
