// Folder and file names made from identifiers in an extract (unit ids, table names): never a path.

/**
 * A file-name-safe slug for `id`: letters, digits, '-' and '_' only, never empty, '.' or '..', at most
 * 60 characters; when two ids would share a slug (or it is in `taken`), a short hash of the id is
 * added so every id gets its own. Adds the result to `taken`.
 * @example safeSlug('a/b', new Set()) // 'a_b'
 * @example safeSlug('..', new Set()) // 'unit-<hash>'
 */
export function safeSlug(id: string, taken: Set<string>): string {
  const base = String(id)
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
  let slug = base === '' ? `unit-${hashOf(id)}` : base;
  if (taken.has(slug.toLowerCase())) slug = `${slug}-${hashOf(id)}`;
  for (let n = 2; taken.has(slug.toLowerCase()); n++) slug = `${base || 'unit'}-${hashOf(id)}-${n}`;
  taken.add(slug.toLowerCase());
  return slug;
}

// FNV-1a over UTF-16 code units, 8 hex digits: short, stable, enough to tell ids apart in a folder.
function hashOf(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
