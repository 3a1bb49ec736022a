// HTML escaping: the one escaper every report, table, log and card uses.

/**
 * Escapes text for HTML element content and attribute values (& < > " ').
 * @example escapeHtml('<b>"A & B"</b>') // '&lt;b&gt;&quot;A &amp; B&quot;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
